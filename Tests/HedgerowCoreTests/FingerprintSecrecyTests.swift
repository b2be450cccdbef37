import HedgerowCore
import XCTest

/// A committed baseline or report must not reveal low-entropy values (phone and NHS
/// numbers can be enumerated): without the key, hashing every candidate finds nothing.
final class FingerprintSecrecyTests: XCTestCase {
    let rule = "pd.phone.uk"
    let value = "07411 595147"

    func candidates() -> [String] {
        // An attacker's enumeration around the real value, in the formats people write.
        (595100...595199).flatMap { n in ["07411 \(n)", "07411\(n)", "+44 7411 \(n)"] }
    }

    func testHashingCandidatesWithoutTheKeyDoesNotReproduceTheFingerprint() {
        let secret = Fingerprinter(key: Array("team key from the secret store".utf8))
        let target = secret.fingerprint(ruleID: rule, value: value)
        func hex(_ bytes: [UInt8]) -> String { "hr1:" + bytes.prefix(16).map { String(format: "%02x", $0) }.joined() }
        var guesses = Set<String>()
        for candidate in candidates() {
            let message = Array(rule.utf8) + [0] + Array(candidate.utf8)
            guesses.insert(hex(SHA256.hash(Array(candidate.utf8))))
            guesses.insert(hex(SHA256.hash(message)))
            guesses.insert(Fingerprinter(key: []).fingerprint(ruleID: rule, value: candidate))
            guesses.insert(Fingerprinter(key: Array("hedgerow".utf8)).fingerprint(ruleID: rule, value: candidate))
            guesses.insert(Fingerprinter(key: Array("wrong team key".utf8)).fingerprint(ruleID: rule, value: candidate))
        }
        XCTAssertFalse(guesses.contains(target), "a fingerprint was reproduced without the key")
        // With the key the same enumeration does find it: the key is what protects the value.
        XCTAssertTrue(candidates().contains { secret.fingerprint(ruleID: rule, value: $0) == target })
    }

    func testFingerprintIgnoresPositionButNotRuleOrKey() {
        let a = Fingerprinter(key: [1, 2, 3])
        XCTAssertEqual(a.fingerprint(ruleID: rule, value: value), a.fingerprint(ruleID: rule, value: value))
        XCTAssertNotEqual(a.fingerprint(ruleID: rule, value: value), a.fingerprint(ruleID: "pd.other", value: value))
        XCTAssertNotEqual(a.fingerprint(ruleID: rule, value: value), Fingerprinter(key: [1, 2, 4]).fingerprint(ruleID: rule, value: value))
    }
}

/// A key can be named in files that hold fingerprints, without the name giving it away.
final class KeyIdentityTests: XCTestCase {
    func testIdentityNamesTheKeyAndNotItsText() {
        let team = Fingerprinter(key: Array("team key from the secret store".utf8))
        XCTAssertEqual(team.keyIdentity, Fingerprinter(key: Array("team key from the secret store".utf8)).keyIdentity)
        XCTAssertNotEqual(team.keyIdentity, Fingerprinter(key: Array("laptop key".utf8)).keyIdentity)
        XCTAssertEqual(team.keyIdentity.count, 12)
        XCTAssertFalse("team key from the secret store".contains(team.keyIdentity))
    }
}
