import XCTest
import HedgerowCore
@testable import HedgerowReport

/// A paste check says what it covered, and a file it could not read is named as
/// unchecked, even when nothing was found and even in a quiet hook.
final class PreventionReporterTests: XCTestCase {
    func testUnreadFilesAreNamedEvenWhenClean() {
        var summary = ScanSummary()
        summary.filesScanned = 1
        summary.skipped["binary"] = 2
        let context = ReportContext(toolVersion: "test", findings: [], summary: summary)
        let quiet = PreventionReporter(action: .commit, verboseWhenClean: false).render(context)
        XCTAssertTrue(quiet.contains("Not checked: 2 files hedgerow cannot read"), quiet)
        summary.skipped = [:]
        let clean = PreventionReporter(action: .commit, verboseWhenClean: false).render(ReportContext(toolVersion: "test", findings: [], summary: summary))
        XCTAssertEqual(clean, "", "a quiet hook says nothing when everything was read and nothing found")
    }
}
