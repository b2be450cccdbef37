import Foundation
import XCTest

/// The ID register in an incident directory: numbers are never reused, reruns update
/// their own draft, and concurrent runs never collide.
final class IncidentRegisterTests: XCTestCase {
    /// A fake AWS key ID in the real format, different for each seed.
    static func fakeKey(_ seed: Int) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
        var state = UInt64(seed) &* 6364136223846793005 &+ 1442695040888963407
        return "AKIA" + String((0..<16).map { _ in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return alphabet[Int(state >> 59)]
        })
    }

    func draft(_ seed: Int, into dir: URL) throws -> [String] {
        let r = try CLI.run(["scan", "-", "--exposed", "--incident-dir", dir.path], stdin: Data("aws_access_key_id = \(Self.fakeKey(seed))\n".utf8))
        XCTAssertEqual(r.status, 1, r.stderr)
        return r.stderr.split(separator: "\n").compactMap { line in line.split(separator: " ").first { $0.hasPrefix("AIENG-") }.map(String.init) }
    }

    func testNumbersAreNeverReusedAndRerunsUpdateTheirDraft() throws {
        let dir = try Scratch()
        let first = try draft(1, into: dir.url)
        XCTAssertEqual(first.count, 1)
        XCTAssertTrue(first[0].hasSuffix("-0001"))
        // The same credential again: the same draft, updated.
        XCTAssertEqual(try draft(1, into: dir.url), first)
        // Delete the record files; a new credential still gets a new number.
        for name in try FileManager.default.contentsOfDirectory(atPath: dir.url.path) where name.hasPrefix("AIENG-") {
            try FileManager.default.removeItem(at: dir.url.appendingPathComponent(name))
        }
        let second = try draft(2, into: dir.url)
        XCTAssertTrue(second[0].hasSuffix("-0002"), "\(second)")
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir.url.appendingPathComponent("\(second[0]).md").path))
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir.url.appendingPathComponent("\(second[0]).json").path))
    }

    func testConcurrentRunsDoNotCollide() throws {
        let dir = try Scratch()
        let runs = 8
        var ids = [[String]](repeating: [], count: runs)
        let lock = NSLock()
        DispatchQueue.concurrentPerform(iterations: runs) { i in
            let got = (try? self.draft(100 + i, into: dir.url)) ?? []
            lock.lock(); ids[i] = got; lock.unlock()
        }
        let all = ids.flatMap { $0 }
        XCTAssertEqual(all.count, runs)
        XCTAssertEqual(Set(all).count, runs, "every run got its own ID: \(all.sorted())")
        let register = try String(contentsOf: dir.url.appendingPathComponent("register.tsv"), encoding: .utf8)
        XCTAssertEqual(register.split(separator: "\n").count, runs)
        XCTAssertEqual(Set(register.split(separator: "\n").map { $0.split(separator: "\t")[0] }).count, runs)
    }

    func testHistoryRecordsCarryCommitAndTimeToDetect() throws {
        let repo = try TestRepository()
        try repo.commit("add", files: ["config/deploy.env": "aws_access_key_id=\(Self.fakeKey(7))\n", "people.csv": "email\nsam.patel@gmail.com\n"])
        let commit = try repo.head()
        let dir = try Scratch()
        let r = try CLI.run(["git", "--history", "--incident-dir", dir.url.path, "-C", repo.path], environment: TestRepository.environment)
        XCTAssertEqual(r.status, 1, r.stderr)
        let reportJSON = try CLI.run(["report", dir.url.path, "--format", "json"])
        let figures = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(reportJSON.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(figures["by_category"] as? [String: Int], ["CL": 1, "DE": 1])
        XCTAssertNotNil(figures["mean_hours_to_detect"] as? Double)
        let cl = try FileManager.default.contentsOfDirectory(atPath: dir.url.path).filter { $0.hasSuffix(".md") }
            .map { try String(contentsOf: dir.url.appendingPathComponent($0), encoding: .utf8) }.first { $0.contains("CL (credential leak)") }
        let text = try XCTUnwrap(cl)
        XCTAssertTrue(text.contains(String(commit.prefix(12))))
        XCTAssertTrue(text.contains("git filter-repo --invert-paths --path 'config/deploy.env'"))
        XCTAssertTrue(text.contains("AWS IAM"))
        XCTAssertTrue(text.contains("P1: respond within 1 hour"))
    }
}
