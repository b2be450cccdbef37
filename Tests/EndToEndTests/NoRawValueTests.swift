import Foundation
import XCTest

/// hedgerow itself, with --show-values, lists the raw values in Fixtures/; then every
/// output of an ordinary run (each format, prevention result, records, near-miss log, step
/// summary, a history scan) must contain none of them.
final class NoRawValueTests: XCTestCase {
    func testNoOutputOfARunOverFixturesHoldsARawValue() throws {
        let reveal = try CLI.run(["scan", "Fixtures", "--show-values", "--min-confidence", "low", "--format", "json"], in: repositoryRoot)
        let doc = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(reveal.stdout.utf8)) as? [String: Any])
        // Protective markings are public vocabulary (rule help names them), not values to hide.
        let values = Set(((doc["findings"] as? [[String: Any]]) ?? [])
            .filter { $0["category"] as? String != "protective_marking" }
            .compactMap { $0["value"] as? String }.filter { $0.count >= 6 })
        XCTAssertGreaterThan(values.count, 15, "the fixtures hold values of every kind")

        let work = try Scratch()
        var outputs: [String: String] = [:]
        for format in ["text", "json", "jsonl", "sarif", "markdown"] {
            let r = try CLI.run(["scan", "Fixtures", "--min-confidence", "low", "--format", format], in: repositoryRoot)
            outputs["scan \(format)"] = r.stdout + r.stderr
        }
        let summary = work.url.appendingPathComponent("step-summary.md")
        let nearMiss = work.url.appendingPathComponent("near-miss.jsonl")
        let records = work.url.appendingPathComponent("records")
        let exposed = try CLI.run(["scan", "Fixtures", "--exposed", "--incident-dir", records.path], in: repositoryRoot,
                                  environment: ["GITHUB_STEP_SUMMARY": summary.path])
        outputs["exposed"] = exposed.stdout + exposed.stderr
        for file in try FileManager.default.contentsOfDirectory(atPath: records.path) where !file.hasPrefix(".") {
            outputs["record \(file)"] = try String(contentsOf: records.appendingPathComponent(file), encoding: .utf8)
        }
        let transcript = try Data(contentsOf: repositoryRoot.appendingPathComponent("Fixtures/example/support-call.vtt"))
        let paste = try CLI.run(["scan", "-", "--log-near-miss", nearMiss.path], stdin: transcript)
        outputs["prevention"] = paste.stdout + paste.stderr
        outputs["near-miss"] = try String(contentsOf: nearMiss, encoding: .utf8)
        outputs["step summary"] = try String(contentsOf: summary, encoding: .utf8)

        // The same files committed to a repository, scanned as history, with records.
        let repo = try TestRepository()
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("Fixtures/example"), to: repo.url.appendingPathComponent("example"))
        try repo.git(["add", "."])
        try repo.git(["commit", "-q", "--no-verify", "-m", "fixtures"])
        let historyRecords = work.url.appendingPathComponent("history-records")
        for format in ["text", "sarif", "markdown"] {
            let r = try CLI.run(["git", "--history", "--format", format, "--incident-dir", historyRecords.path, "-C", repo.path],
                                environment: TestRepository.environment)
            outputs["history \(format)"] = r.stdout + r.stderr
        }
        for file in try FileManager.default.contentsOfDirectory(atPath: historyRecords.path) where !file.hasPrefix(".") {
            outputs["history record \(file)"] = try String(contentsOf: historyRecords.appendingPathComponent(file), encoding: .utf8)
        }

        XCTAssertGreaterThan(outputs.count, 20)
        for (name, text) in outputs {
            XCTAssertFalse(text.isEmpty, "\(name) is empty")
            for value in values where text.contains(value) {
                XCTFail("\(name) holds a raw value (\(value.prefix(3))…)")
            }
        }
    }
}
