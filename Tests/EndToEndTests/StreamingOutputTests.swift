import Foundation
import XCTest

/// Text and JSON Lines stream findings as files complete; the order must not depend on
/// thread timing and must match the in-memory formats.
final class StreamingOutputTests: XCTestCase {
    func testStreamedOrderIsInputOrderWhateverTheThreads() throws {
        let dir = try Scratch()
        for i in 0..<60 {
            let big = String(repeating: "filler line without values\n", count: (i % 7) * 2000)
            try dir.write(String(format: "f%02d.txt", i), big + "contact: rhys.green@gmail.com\nkey AKIAZHPCF2UQNUPQZIT5\n")
        }
        let json = try CLI.run(["scan", ".", "--format", "json"], in: dir.url)
        let doc = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let expected = (doc["findings"] as? [[String: Any]] ?? []).map { "\($0["path"]!):\($0["line"]!):\($0["rule"]!)" }
        XCTAssertEqual(expected.count, 120)
        for threads in ["1", "2", "4"] {
            let jsonl = try CLI.run(["scan", ".", "--format", "jsonl", "--threads", threads], in: dir.url)
            let lines = jsonl.stdout.split(separator: "\n").map { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
            let findings = lines.compactMap { $0 }.filter { $0["type"] as? String == "finding" }
            XCTAssertEqual(findings.map { "\($0["path"]!):\($0["line"]!):\($0["rule"]!)" }, expected, "threads \(threads)")
            XCTAssertEqual(lines.last??["type"] as? String, "summary")
            XCTAssertEqual(lines.last??["findings"] as? Int, 120)
        }
        let text = try CLI.run(["scan", ".", "--threads", "3"], in: dir.url)
        let located = text.stdout.split(separator: "\n").filter { !$0.hasPrefix(" ") && !$0.hasPrefix("hedgerow:") }.map { String($0.prefix { $0 != " " }) }
        XCTAssertEqual(located.count, 120)
        XCTAssertEqual(located.map { String($0.split(separator: ":")[0]) }, expected.map { String($0.split(separator: ":")[0]) })
    }

    func testStreamedOutputFileIsWholeOrAbsent() throws {
        let dir = try Scratch()
        try dir.write("a.txt", "contact: rhys.green@gmail.com\n")
        let target = dir.url.appendingPathComponent("out.jsonl")
        let ok = try CLI.run(["scan", "a.txt", "--format", "jsonl", "-o", target.path], in: dir.url)
        XCTAssertEqual(ok.status, 1)
        XCTAssertEqual(ok.stdout, "")
        XCTAssertEqual(try String(contentsOf: target, encoding: .utf8).split(separator: "\n").count, 2)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.url.path).sorted(), ["a.txt", "out.jsonl"], "no temporary file left")
        let bad = try CLI.run(["scan", "a.txt", "-o", dir.url.appendingPathComponent("missing/out.txt").path], in: dir.url)
        XCTAssertEqual(bad.status, 2)
    }
}
