import Foundation
import HedgerowCore
@testable import HedgerowReport
import XCTest

/// A finding that names the other half of its credential pair, and one assembled from
/// pieces, carry both in JSON and text output.
final class PairedOutputTests: XCTestCase {
    func testPairedWithAndConcatenationAreWritten() throws {
        var f = finding(.apiKey, "a", line: 2, rule: "secret.aws.secret-access-key")
        f.pairedWith = PairedValue(ruleID: "secret.aws.access-key-id", ruleName: "AWS access key ID", masked: "AKIA…[20 chars]",
                                   start: TextPosition(line: 1, column: 22, offset: 21))
        f.decodedFrom = .concatenation
        f.pieces = [40..<52, 57..<85]
        let json = try JSONSerialization.jsonObject(with: Data(JSONReporter().streamedItem(f, showValues: false).utf8)) as? [String: Any]
        let paired = json?["paired_with"] as? [String: Any]
        XCTAssertEqual(paired?["rule"] as? String, "secret.aws.access-key-id")
        XCTAssertEqual(paired?["masked"] as? String, "AKIA…[20 chars]")
        XCTAssertEqual(paired?["line"] as? Int, 1)
        XCTAssertEqual(paired?["column"] as? Int, 22)
        XCTAssertEqual(json?["decoded"] as? String, "concatenation")
        XCTAssertEqual(json?["pieces"] as? [[Int]], [[40, 52], [57, 85]])
        let alone = try JSONSerialization.jsonObject(with: Data(JSONReporter().streamedItem(finding(.apiKey, "b"), showValues: false).utf8)) as? [String: Any]
        XCTAssertNotNil(alone)
        XCTAssertNil(alone?["paired_with"])
        let text = TextReporter().lines(for: f, in: ReportContext(toolVersion: "0", findings: [f], summary: ScanSummary()))
        XCTAssertTrue(text.contains("(decoded from concatenation) (paired with AWS access key ID AKIA…[20 chars] at line 1)"), text)
    }
}
