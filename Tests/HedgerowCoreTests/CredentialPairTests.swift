import XCTest
@testable import HedgerowCore

/// The halves of a credential pair name each other; filler and documentation keys are
/// reported at low confidence, not high.
final class CredentialPairTests: XCTestCase {
    // Fake values in real formats, built from pieces.
    static let keyID = "AKIA" + "FTN5BSGX4QDDUKIG"
    static let secret = "XJ7btqGCzjz2Er6Y" + "zkjthdZW1rqjEWrKzYTwCMsS"

    func testAWSKeyIDAndSecretNameEachOther() {
        let text = "AWS_ACCESS_KEY_ID = \"\(Self.keyID)\"\nAWS_SECRET_ACCESS_KEY = \"\(Self.secret)\"\n"
        let f = TestRules.findings(text)
        XCTAssertEqual(f.map(\.ruleID), ["secret.aws.access-key-id", "secret.aws.secret-access-key"])
        XCTAssertEqual(f.last?.pairedWith?.ruleID, "secret.aws.access-key-id")
        XCTAssertEqual(f.last?.pairedWith?.masked, "AKIA…[20 chars]")
        XCTAssertEqual(f.last?.pairedWith?.start.line, 1)
        XCTAssertEqual(f.last?.pairedWith?.start.column, 22)
        XCTAssertEqual(f.first?.pairedWith?.ruleID, "secret.aws.secret-access-key")
        XCTAssertEqual(f.first?.pairedWith?.start.line, 2)
    }

    func testHalvesFarApartAreNotPaired() {
        let text = "AWS_ACCESS_KEY_ID = \"\(Self.keyID)\"\n" + String(repeating: "x = 1\n", count: 8)
            + "AWS_SECRET_ACCESS_KEY = \"\(Self.secret)\"\n"
        let f = TestRules.findings(text)
        XCTAssertEqual(f.count, 2)
        XCTAssertEqual(f.compactMap(\.pairedWith), [])
    }

    func testPairingDoesNotDependOnChunkSize() {
        let text = String(repeating: "padding = 1\n", count: 30) + "AWS_ACCESS_KEY_ID = \"\(Self.keyID)\"\nAWS_SECRET_ACCESS_KEY = \"\(Self.secret)\"\n"
        let whole = TestRules.findings(text).map(\.pairedWith)
        XCTAssertEqual(whole.compactMap { $0 }.count, 2)
        for chunk in [5, 64, 333] { XCTAssertEqual(TestRules.findings(text, chunkSize: chunk).map(\.pairedWith), whole, "chunk \(chunk)") }
    }

    func testTwilioAccountSIDIsLowAloneAndNamedByItsToken() {
        let sid = "AC3f6d0e6b1c7a4e" + "2f9d8b5a0c1e2f3a4b"
        let token = "ec88c3ce72a40c19" + "b0ea0ac1e3dc300d"
        let f = TestRules.findings("TWILIO_ACCOUNT_SID=\(sid)\nTWILIO_AUTH_TOKEN=\(token)\n")
        XCTAssertEqual(f.map(\.ruleID), ["secret.twilio.account-sid", "secret.twilio.auth-token"])
        XCTAssertEqual(f.map(\.confidence), [.low, .high])
        XCTAssertEqual(f.last?.pairedWith?.ruleID, "secret.twilio.account-sid")
    }

    func testFillerKeysAreLow() {
        XCTAssertEqual(FillerKeyValidator.reason("AKIAIOSFODNN7EXAMPLE"), "AWS documentation example key")
        XCTAssertEqual(FillerKeyValidator.reason("sk_live_0000000000000000"), "a character repeated")
        XCTAssertEqual(FillerKeyValidator.reason("ghp_abcdefghijKLMNOPQRSTuvwxyz0123456789"), "characters in sequence")
        XCTAssertEqual(FillerKeyValidator.reason("key_9876543210zz"), "characters in sequence")
        XCTAssertNil(FillerKeyValidator.reason(Self.secret))
        XCTAssertNil(FillerKeyValidator.reason("OhbVrpoiVgRV5IfLBcbfnoGMbJmTPS2gjNut"))
        let f = TestRules.findings("aws_access_key_id = AKIAIOSFODNN7EXAMPLE\nAWS_ACCESS_KEY_ID=AKIAABCDEFGHIJKLMNOP\n")
        XCTAssertEqual(f.map(\.confidence), [.low, .low])
    }

    func testAPrefixTheFormatDocumentsIsNotFiller() {
        // The rule's keyword is the format's own prefix: only the rest is judged.
        let v = FillerKeyValidator(prefixes: ["AAAAAAAA"])
        XCTAssertEqual(v.validate(Candidate.of("AAAAAAAAAQl39XeWpQO6O4VRZqo")), .accept)
        XCTAssertNotEqual(FillerKeyValidator().validate(Candidate.of("AAAAAAAAAQl39XeWpQO6O4VRZqo")), .accept)
    }
}
