import Foundation
import XCTest
import HedgerowCore
import HedgerowReport
@testable import HedgerowKit

/// The near-miss line is made from the run's digest: counts, and distinct fingerprints up to
/// the digest's limit, with the line saying when there were more; never a value.
final class NearMissLineTests: XCTestCase {
    func email(_ n: Int) -> Finding {
        Finding(ruleID: "pd.email", ruleName: "Email address", category: .email, dataClass: .personalData, confidence: .high,
                confidenceNote: nil, origin: Origin(path: "-", commit: nil, author: nil, date: nil),
                start: TextPosition(line: n + 1, column: 1, offset: 0), end: TextPosition(line: n + 1, column: 9, offset: 8),
                value: "RAW-VALUE-\(n)", masked: "ra…[9 chars]", fingerprint: String(format: "%016x", n), hint: "")
    }

    func line(_ count: Int) throws -> [String: Any] {
        let digest = FindingDigest((0..<count).map(email))
        let text = NearMiss.line(digest, action: .paste, at: Date(timeIntervalSince1970: 0))
        XCTAssertFalse(text.contains("RAW-VALUE"), "never a value")
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    func testFingerprintsAreCappedAndTheCapIsSaid() throws {
        let small = try line(3)
        XCTAssertEqual(small["findings"] as? Int, 3)
        XCTAssertEqual((small["fingerprints"] as? [String])?.count, 3)
        XCTAssertEqual(small["categories"] as? [String: Int], ["email": 3])
        XCTAssertNil(small["fingerprints_truncated"])
        let big = try line(FindingDigest.fingerprintLimit + 7)
        XCTAssertEqual(big["findings"] as? Int, FindingDigest.fingerprintLimit + 7)
        XCTAssertEqual((big["fingerprints"] as? [String])?.count, FindingDigest.fingerprintLimit)
        XCTAssertEqual(big["fingerprints_truncated"] as? Bool, true)
    }
}
