import Foundation
import XCTest

/// Fingerprints are keyed: a baseline made under one key matches nothing under another,
/// so it carries the key's identity (never the key) and a mismatch is refused, not silent.
final class KeyIdentityTests: XCTestCase {
    func testBaselineCarriesTheKeyIdentityAndRefusesAnotherKey() throws {
        let dir = try Scratch()
        try dir.write("src/app.env", "aws_access_key_id = \(FakeValue.awsKeyID)\n")
        let baseline = dir.url.appendingPathComponent("baseline.tsv")
        XCTAssertEqual(try CLI.run(["baseline", "create", "src", "-o", baseline.path], in: dir.url).status, 0)
        let text = try String(contentsOf: baseline, encoding: .utf8)
        XCTAssertTrue(text.contains("# fingerprint key: "), text)
        XCTAssertFalse(text.contains("end-to-end-test-key"), "the identity, never the key")
        XCTAssertEqual(try CLI.run(["scan", "src", "--baseline", baseline.path], in: dir.url).status, 0)

        let laptop = try CLI.run(["scan", "src", "--baseline", baseline.path], in: dir.url, environment: ["HEDGEROW_FINGERPRINT_KEY": "another-key"])
        XCTAssertEqual(laptop.status, 2, laptop.stderr)
        XCTAssertTrue(laptop.stderr.contains("fingerprint key") && laptop.stderr.contains("HEDGEROW_FINGERPRINT_KEY"), laptop.stderr)
        let update = try CLI.run(["baseline", "update", "src", "--baseline", baseline.path], in: dir.url, environment: ["HEDGEROW_FINGERPRINT_KEY": "another-key"])
        XCTAssertEqual(update.status, 2, update.stderr)
        XCTAssertEqual(try String(contentsOf: baseline, encoding: .utf8), text, "a refused update leaves the file alone")
    }
}
