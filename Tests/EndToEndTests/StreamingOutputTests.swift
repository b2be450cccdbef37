import Foundation
import XCTest

/// Text, JSON Lines and JSON stream findings as files complete; the order must not depend
/// on thread timing and must match the in-memory formats.
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

    /// JSON is written as findings come; the document is byte for byte the one built in
    /// memory (as it still is when incident records of an exposure need every finding), with findings in the
    /// order of their whole paths ("config.js" before "config/index.ts").
    func testStreamedJSONIsTheDocumentBuiltInMemory() throws {
        let dir = try Scratch(), elsewhere = try Scratch()
        let inMemory = ["--exposed", "--incident-dir", elsewhere.url.appendingPathComponent("records").path]
        for path in ["config/index.ts", "config.js", "config-b/x.txt", "a.txt", "b/c/d.txt"] {
            try dir.write(path, "contact: rhys.green@gmail.com\nkey AKIAZHPCF2UQNUPQZIT5\n")
        }
        try dir.write("quiet.txt", "nothing to see\n")
        for threads in ["1", "3"] {
            let streamed = try CLI.run(["scan", ".", "--format", "json", "--threads", threads], in: dir.url)
            let built = try CLI.run(["scan", ".", "--format", "json", "--threads", threads] + inMemory, in: dir.url)
            XCTAssertEqual(streamed.status, 1, streamed.stderr)
            XCTAssertEqual(streamed.stdout, built.stdout, "threads \(threads)")
            let doc = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(streamed.stdout.utf8)) as? [String: Any])
            let paths = (doc["findings"] as? [[String: Any]] ?? []).compactMap { $0["path"] as? String }
            XCTAssertEqual(paths.count, 10)
            XCTAssertEqual(paths, paths.sorted())
        }
        // Paths named out of order keep the order given, in memory as streamed.
        let named = try CLI.run(["scan", "config", "a.txt", "--format", "json"], in: dir.url)
        XCTAssertEqual(named.stdout, try CLI.run(["scan", "config", "a.txt", "--format", "json"] + inMemory, in: dir.url).stdout)
        let namedDoc = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(named.stdout.utf8)) as? [String: Any])
        XCTAssertEqual((namedDoc["findings"] as? [[String: Any]] ?? []).compactMap { $0["path"] as? String },
                       ["config/index.ts", "config/index.ts", "a.txt", "a.txt"])
        // No findings: an empty list, as the encoder writes one.
        let clean = try CLI.run(["scan", "quiet.txt", "--format", "json"], in: dir.url)
        let cleanBuilt = try CLI.run(["scan", "quiet.txt", "--format", "json"] + inMemory, in: dir.url)
        XCTAssertEqual(clean.status, 0)
        XCTAssertEqual(clean.stdout, cleanBuilt.stdout)
    }

    func testStreamedOutputFileIsWholeOrAbsent() throws {
        let dir = try Scratch()
        try dir.write("a.txt", "contact: rhys.green@gmail.com\n")
        let target = dir.url.appendingPathComponent("out.jsonl")
        let ok = try CLI.run(["scan", "a.txt", "--format", "jsonl", "-o", target.path], in: dir.url)
        XCTAssertEqual(ok.status, 1)
        XCTAssertEqual(ok.stdout, "")
        XCTAssertEqual(try String(contentsOf: target, encoding: .utf8).split(separator: "\n").count, 3, "run, finding, summary")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.url.path).sorted(), ["a.txt", "out.jsonl"], "no temporary file left")
        let bad = try CLI.run(["scan", "a.txt", "-o", dir.url.appendingPathComponent("missing/out.txt").path], in: dir.url)
        XCTAssertEqual(bad.status, 2)
    }
}

/// A big file is scanned in parts on several threads; the findings must be exactly those
/// of a whole-file scan: no loss or doubling at part boundaries, same lines and columns.
final class SplitFileTests: XCTestCase {
    func testPartsGiveTheSameFindingsAsTheWholeFile() throws {
        let dir = try Scratch()
        let fixtures = repositoryRoot.appendingPathComponent("Fixtures/example")
        var pieces: [String] = ["name,dob,nhs_number,email\n"]  // a table header the later parts cannot see
        for name in ["deploy.env", "payments.csv", "service-key.pem", "support-call.vtt"] {
            pieces.append(try String(contentsOf: fixtures.appendingPathComponent(name), encoding: .utf8))
        }
        var text = ""
        var i = 0
        while text.utf8.count < 300_000 {
            text += pieces[i % pieces.count]
            text += String(repeating: "filler \(i) ", count: (i * 37) % 90) + "\n"
            text += "Sam Patel,14/03/1987,943 476 5919,sam\(i)@gmail.com\n"
            i += 1
        }
        try dir.write("big.csv", text)
        func findings(_ extra: [String]) throws -> [String] {
            let r = try CLI.run(["scan", "big.csv", "--format", "json"] + extra, in: dir.url)
            XCTAssertEqual(r.status, 1, r.stderr)
            let doc = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
            return (doc["findings"] as? [[String: Any]] ?? []).map {
                "\($0["line"]!):\($0["column"]!)-\($0["end_line"]!):\($0["end_column"]!) \($0["rule"]!) \($0["fingerprint"]!) \($0["confidence"]!)"
            }
        }
        let whole = try findings(["--threads", "1"])
        XCTAssertGreaterThan(whole.count, 250)
        for size in ["4096", "65536", "100003"] {
            XCTAssertEqual(try findings(["--threads", "2", "--split-bytes", size]), whole, "parts of \(size) bytes")
        }
        // The streamed format sees the same, in order.
        let jsonl = try CLI.run(["scan", "big.csv", "--format", "jsonl", "--threads", "3", "--split-bytes", "8192"], in: dir.url)
        let streamed = jsonl.stdout.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
            .filter { $0["type"] as? String == "finding" }
            .map { "\($0["line"]!):\($0["column"]!)-\($0["end_line"]!):\($0["end_column"]!) \($0["rule"]!) \($0["fingerprint"]!) \($0["confidence"]!)" }
        XCTAssertEqual(streamed, whole)
    }

    /// A transcript is cut only where a new speaker's turn starts; a speaker is named once
    /// in the whole file, whichever part holds the labels. Parts of a few kilobytes.
    func testTranscriptPartsGiveTheSameFindingsAsTheWholeFile() throws {
        let dir = try Scratch()
        var text = "WEBVTT\n\n"
        let people = ["Sam Patel", "Priya Hughes", "Owen Reid"]
        var cue = 0
        func add(_ speaker: String, _ line: String) {
            text += "3f2a9c1e-77b0-4d1a-9e55-0c6d2b8a41f7/\(cue)-0\n00:00:\(String(format: "%02d", cue % 60)).000 --> 00:00:\(String(format: "%02d", cue % 60)).900\n<v \(speaker)>\(line)</v>\n\n"
            cue += 1
        }
        var i = 0
        while text.utf8.count < 120_000 {
            let speaker = people[(i * 7 + i / 5) % people.count]
            switch i % 5 {
            case 0: add(speaker, "You can mail me on sam.patel\(i)@"); add(speaker, "gmail.com, that's the easiest.")
            case 1: add(speaker, "My mobile is 07411 \(595_000 + i), after four.")
            case 2: add(speaker, "My name's \(speaker) and I look after my mum.")
            default: add(speaker, "Could you talk me through what you're looking at now?")
            }
            i += 1
        }
        try dir.write("call.vtt", text)
        func findings(_ extra: [String], format: String = "json") throws -> [String] {
            let r = try CLI.run(["scan", "call.vtt", "--format", format, "--no-prevention"] + extra, in: dir.url)
            XCTAssertEqual(r.status, 1, r.stderr)
            let items: [[String: Any]]
            if format == "json" {
                let doc = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
                items = doc["findings"] as? [[String: Any]] ?? []
            } else {
                items = r.stdout.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
                    .filter { $0["type"] as? String == "finding" }
            }
            return items.map { "\($0["line"]!):\($0["column"]!)-\($0["end_line"]!):\($0["end_column"]!) \($0["rule"]!) \($0["fingerprint"]!) \($0["confidence"]!)" }
        }
        let whole = try findings(["--threads", "1"])
        XCTAssertEqual(whole.filter { $0.contains("speaker") }.count, people.count, "each speaker named once")
        XCTAssertGreaterThan(whole.count, 100)
        for size in ["4096", "9001"] {
            XCTAssertEqual(try findings(["--threads", "2", "--split-bytes", size]), whole, "parts of \(size) bytes")
        }
        XCTAssertEqual(try findings(["--threads", "3", "--split-bytes", "5000"], format: "jsonl"), whole, "streamed")
    }

    func testSQLDumpsAreScannedWhole() throws {
        let dir = try Scratch()
        var dump = "COPY public.patients (id, nhs_number, date_of_birth) FROM stdin;\n"
        for i in 0..<1200 { dump += "\(i)\t943 476 5919\t1987-03-14\n" }
        dump += "\\.\n"
        try dir.write("backup.sql", dump)
        func summary(_ extra: [String]) throws -> String {
            let r = try CLI.run(["scan", "backup.sql", "--format", "json", "--min-confidence", "low"] + extra, in: dir.url)
            let doc = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
            let findings = doc["findings"] as? [[String: Any]] ?? []
            return findings.map { "\($0["line"]!) \($0["rule"]!) \($0["confidence"]!)" }.joined(separator: "\n")
        }
        let whole = try summary(["--threads", "1"])
        XCTAssertTrue(whole.contains("date-of-birth"), "the COPY column list gives the dates their context")
        XCTAssertEqual(try summary(["--threads", "2", "--split-bytes", "4096"]), whole)
    }
}
