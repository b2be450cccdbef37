import Foundation
import XCTest
import HedgerowCore
import HedgerowKit

/// The library's way in returns findings and counts, not rendered text (issue 15): what a
/// program gets is what the command reports, and a sink sees the same findings in order.
final class ScanLibraryTests: XCTestCase {
    var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("hedgerow-library-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        // Made-up values: an access key ID of the right shape (built here, so the test file
        // holds none) and an e-mail address at a mail provider.
        let key = "AKIA" + "ZHPCF2UQNUPQZIT5"
        for (name, text) in [("b.txt", "aws_access_key_id = \(key)\n"), ("a/notes.md", "write to rhys.green@gmail.com\nno value here\n"),
                             ("c.txt", "nothing to see\n")] {
            let url = directory.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: directory) }

    func options(_ paths: [String]) -> ScanOptions {
        var options = ScanOptions(paths: paths)
        options.matching.fingerprintKey = Array("library-test-key".utf8)
        options.inputs.threads = 2
        return options
    }

    func testFindingsAndCountsComeBackInInputOrder() {
        let outcome = ScanJob.scan(options([directory.path]))
        XCTAssertEqual(outcome.exitCode, ExitStatus.findings, outcome.diagnostics.joined())
        XCTAssertEqual(outcome.findings.map { "\(($0.origin.path as NSString).lastPathComponent):\($0.start.line):\($0.category.rawValue)" },
                       ["notes.md:1:email", "b.txt:1:api_key"])
        XCTAssertEqual(outcome.summary.filesScanned, 3)
        XCTAssertEqual(outcome.summary.findingCount, 2)
        XCTAssertTrue(outcome.findings.allSatisfy { !$0.masked.contains($0.value) }, "masked values are ready for display")
    }

    func testASinkGetsTheSameFindingsAndNothingIsKept() {
        let kept = ScanJob.scan(options([directory.path])).findings
        var seen: [Finding] = []
        let outcome = ScanJob.scan(options([directory.path]), sink: { seen.append($0) })
        XCTAssertTrue(outcome.findings.isEmpty)
        XCTAssertEqual(outcome.summary.findingCount, 2)
        XCTAssertEqual(seen.map(\.fingerprint), kept.map(\.fingerprint))
        XCTAssertEqual(seen.map(\.start.line), kept.map(\.start.line))
    }

    func testErrorsAreDiagnosticsAndExitTwo() {
        var broken = options([directory.path])
        broken.matching.configPath = directory.appendingPathComponent("missing.yml").path
        let outcome = ScanJob.scan(broken)
        XCTAssertEqual(outcome.exitCode, ExitStatus.error)
        XCTAssertTrue(outcome.diagnostics.first?.hasPrefix("error: ") ?? false, "\(outcome.diagnostics)")
        let missing = ScanJob.scan(options([directory.appendingPathComponent("nowhere").path]))
        XCTAssertEqual(missing.exitCode, ExitStatus.error)
    }
}
