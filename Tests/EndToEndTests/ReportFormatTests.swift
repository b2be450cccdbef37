import Foundation
import XCTest

/// The repository root, for runs over Fixtures/ with repository-relative paths.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// Every output format over Fixtures/example, compared with a golden file. Volatile fields
/// (times, record IDs) are replaced first. Regenerate with HEDGEROW_UPDATE_GOLDEN=1.
final class ReportFormatTests: XCTestCase {
    static let goldenDirectory = repositoryRoot.appendingPathComponent("Tests/EndToEndTests/Golden")

    static func normalised(_ text: String) -> String {
        var out = text
        let patterns = [(#"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d)"#, "<TIME>"), (#"AIENG-\d{4}-\d{4}"#, "AIENG-<ID>"),
                        (#""version" : "[^"]+""#, #""version" : "<VERSION>""#), (#""semanticVersion" : "[^"]+""#, #""semanticVersion" : "<VERSION>""#)]
        for (pattern, replacement) in patterns {
            out = out.replacingOccurrences(of: pattern, with: replacement, options: .regularExpression)
        }
        return out
    }

    func assertGolden(_ name: String, _ text: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let url = Self.goldenDirectory.appendingPathComponent(name)
        let actual = Self.normalised(text)
        if ProcessInfo.processInfo.environment["HEDGEROW_UPDATE_GOLDEN"] != nil {
            try FileManager.default.createDirectory(at: Self.goldenDirectory, withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        XCTAssertEqual(actual, expected, "\(name) differs from its golden file (HEDGEROW_UPDATE_GOLDEN=1 regenerates)", file: file, line: line)
    }

    func testEveryFormatMatchesItsGoldenFile() throws {
        for format in ["text", "json", "jsonl", "sarif", "markdown"] {
            let r = try CLI.run(["scan", "Fixtures/example", "--format", format], in: repositoryRoot)
            XCTAssertEqual(r.status, 1, "\(format): \(r.stderr)")
            try assertGolden("example.\(format == "markdown" ? "md" : format)", r.stdout)
        }
        let prevention = try CLI.run(["scan", "-"], stdin: try Data(contentsOf: repositoryRoot.appendingPathComponent("Fixtures/example/support-call.vtt")))
        XCTAssertEqual(prevention.status, 1)
        try assertGolden("prevention-paste.txt", prevention.stdout)
    }

    func testIncidentRecordsMatchGoldenFiles() throws {
        let dir = try Scratch()
        let r = try CLI.run(["scan", "Fixtures/example", "--exposed", "--incident-dir", dir.url.path], in: repositoryRoot)
        XCTAssertEqual(r.status, 1, r.stderr)
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.url.path).sorted()
        XCTAssertEqual(names.filter { $0.hasSuffix(".md") }.count, 6, "6 distinct credential values, the AWS key ID and secret one pair (5 CL) and 1 DE record: \(names)")
        let first = try String(contentsOf: dir.url.appendingPathComponent("AIENG-\(Self.year)-0001.md"), encoding: .utf8)
        try assertGolden("record-cl.md", first)
        let de = try names.filter { $0.hasSuffix(".json") }.map { try String(contentsOf: dir.url.appendingPathComponent($0), encoding: .utf8) }
            .first { $0.contains(#""category" : "DE""#) }
        try assertGolden("record-de.json", try XCTUnwrap(de))
    }

    static var year: String { String(Calendar(identifier: .gregorian).component(.year, from: Date())) }

    func testSARIFIsWellFormedWithRelativeURIs() throws {
        let r = try CLI.run(["scan", "Fixtures/example", "--format", "sarif"], in: repositoryRoot)
        let doc = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(doc["version"] as? String, "2.1.0")
        let run = try XCTUnwrap((doc["runs"] as? [[String: Any]])?.first)
        let rules = try XCTUnwrap(((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
        XCTAssertGreaterThan(rules.count, 40)
        let results = try XCTUnwrap(run["results"] as? [[String: Any]])
        for result in results {
            let location = ((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["artifactLocation"] as? [String: Any]
            XCTAssertEqual(location?["uriBaseId"] as? String, "%SRCROOT%")
            XCTAssertTrue((location?["uri"] as? String)?.hasPrefix("Fixtures/example/") ?? false)
            XCTAssertNotNil((result["partialFingerprints"] as? [String: String])?["hedgerowFingerprint/v1"])
            let index = try XCTUnwrap(result["ruleIndex"] as? Int)
            XCTAssertEqual(rules[index]["id"] as? String, result["ruleId"] as? String)
        }
    }
}

/// Where reports go: --output, the GitHub step summary, the near-miss log.
final class ReportOutputTests: XCTestCase {
    func testOutputFileIsWrittenWholeOrNotAtAll() throws {
        let dir = try Scratch()
        let target = dir.url.appendingPathComponent("report.sarif")
        let ok = try CLI.run(["scan", "Fixtures/example", "--format", "sarif", "--output", target.path], in: repositoryRoot)
        XCTAssertEqual(ok.status, 1)
        XCTAssertEqual(ok.stdout, "")
        XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(contentsOf: target)))
        let missing = dir.url.appendingPathComponent("no/such/dir/report.json")
        let failed = try CLI.run(["scan", "Fixtures/example", "--format", "json", "--output", missing.path], in: repositoryRoot)
        XCTAssertEqual(failed.status, 2, "a failed write is an error")
        XCTAssertTrue(failed.stderr.contains("cannot write"), failed.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: missing.path))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.url.path), ["report.sarif"], "no temporary file left")
    }

    /// `--output /dev/null` once replaced the device with a regular file (by renaming the
    /// temporary file over it); a FIFO stands in for the device here.
    func testOutputToAFIFOWritesThroughAndKeepsIt() throws {
        let dir = try Scratch()
        let fifo = dir.url.appendingPathComponent("pipe").path
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        final class Box: @unchecked Sendable { var data = Data() }
        let received = Box()
        let reader = Thread { received.data = FileHandle(forReadingAtPath: fifo)?.readDataToEndOfFile() ?? Data() }
        reader.start()
        let r = try CLI.run(["scan", "Fixtures/example", "--format", "json", "--output", fifo], in: repositoryRoot)
        // A reader still blocked means nothing was written to the FIFO: fail, do not hang.
        for _ in 0..<500 where !reader.isFinished { usleep(10_000) }
        XCTAssertTrue(reader.isFinished, "the report never reached the FIFO")
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertNoThrow(try JSONSerialization.jsonObject(with: received.data))
        var info = stat()
        XCTAssertEqual(stat(fifo, &info), 0)
        XCTAssertEqual(info.st_mode & S_IFMT, S_IFIFO, "still a FIFO")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.url.path), ["pipe"], "no temporary file left")
    }

    func testStepSummaryIsAppended() throws {
        let dir = try Scratch()
        let summary = try dir.write("summary.md", "# earlier step\n")
        let r = try CLI.run(["scan", "Fixtures/example", "--format", "json"], in: repositoryRoot, environment: ["GITHUB_STEP_SUMMARY": summary.path])
        XCTAssertEqual(r.status, 1)
        let text = try String(contentsOf: summary, encoding: .utf8)
        XCTAssertTrue(text.hasPrefix("# earlier step\n## hedgerow: 20 findings"), text)
        XCTAssertTrue(text.contains("### What to do next"))
    }

    func testNearMissLogHasCountsAndFingerprintsOnly() throws {
        let dir = try Scratch()
        let log = dir.url.appendingPathComponent("near-miss.jsonl")
        let input = Data("please check key AKIAZHPCF2UQNUPQZIT5 and email rhys.green@gmail.com\n".utf8)
        for _ in 0..<2 {
            let r = try CLI.run(["scan", "-", "--log-near-miss", log.path], stdin: input)
            XCTAssertEqual(r.status, 1)
            XCTAssertTrue(r.stdout.contains("DO NOT PASTE"), r.stdout)
            XCTAssertTrue(r.stdout.contains("1 item of personal data and 1 credential"), r.stdout)
        }
        let lines = try String(contentsOf: log, encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(lines.count, 2, "appended, not overwritten")
        let entry = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        XCTAssertEqual(entry["severity"] as? String, "P4")
        XCTAssertEqual(entry["findings"] as? Int, 2)
        XCTAssertEqual((entry["fingerprints"] as? [String])?.count, 2)
        XCTAssertFalse(lines[0].contains("AKIAZHPCF2UQNUPQZIT5") || lines[0].contains("rhys.green"))
    }

    func testIncidentDirectoryNeedsAnExposure() throws {
        let dir = try Scratch()
        XCTAssertEqual(try CLI.run(["scan", "Fixtures/example", "--incident-dir", dir.url.path], in: repositoryRoot).status, 2)
        let repo = try TestRepository()
        XCTAssertEqual(try CLI.run(["git", "--staged", "--incident-dir", dir.url.path, "-C", repo.path]).status, 2)
    }
}
