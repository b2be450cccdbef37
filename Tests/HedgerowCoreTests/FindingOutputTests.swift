import XCTest
@testable import HedgerowCore

final class FindingOutputTests: XCTestCase {
    func testMaskNeverContainsTheValue() {
        for rule in TestRules.rules {
            for example in rule.examples {
                for f in TestRules.findings(example) where f.value.count > 3 {
                    XCTAssertFalse(f.masked.contains(f.value), "\(rule.id): masked form shows the value")
                    XCTAssertTrue(f.masked.contains("[\(f.value.unicodeScalars.count) chars]"))
                }
            }
        }
    }

    func testFingerprintIsStableAcrossPositionsAndKeyed() {
        let a = TestRules.findings("email: rhys.green@gmail.com")[0]
        let b = TestRules.findings("\n\n   x rhys.green@gmail.com")[0]
        XCTAssertEqual(a.fingerprint, b.fingerprint)
        let other = Fingerprinter(key: Array("another-key".utf8)).fingerprint(ruleID: "pd.email", value: "rhys.green@gmail.com")
        XCTAssertNotEqual(a.fingerprint, other)
        XCTAssertFalse(a.fingerprint.contains("rhys"))
    }

    /// The hardware rounds (where this machine has them) and the Swift rounds agree.
    func testSHA256RoundsAgreeWithAndWithoutHardware() throws {
        try XCTSkipUnless(SHA256.hardwareRounds, "no SHA instructions here: both paths are the Swift rounds, nothing to compare")
        var g = seededGenerator()
        for blocks in 0...5 {
            for _ in 0..<40 {
                let data = (0..<(64 * blocks)).map { _ in UInt8.random(in: 0...255, using: &g) }
                var start = SHA256.State()
                data.withUnsafeBufferPointer { start.absorbWithoutHardware(blocks: $0.baseAddress!, count: 64) }
                var hardware = start, software = start
                data.withUnsafeBufferPointer { p in
                    guard let base = p.baseAddress else { return }
                    hardware.absorb(blocks: base, count: p.count)
                    software.absorbWithoutHardware(blocks: base, count: p.count)
                }
                XCTAssertEqual(hardware.finish([1, 2, 3]), software.finish([1, 2, 3]), "\(blocks) blocks")
            }
        }
    }

    func testSHA256AndHMACKnownAnswers() {
        XCTAssertEqual(SHA256.hash(Array("abc".utf8)).map { String(format: "%02x", $0) }.joined(),
                       "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        // RFC 4231 test case 2.
        XCTAssertEqual(SHA256.hmac(key: Array("Jefe".utf8), message: Array("what do ya want for nothing?".utf8)).map { String(format: "%02x", $0) }.joined(),
                       "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
        // Messages over one block, and a key over one block (RFC 4231 test case 6), through
        // the precomputed key states.
        func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }
        XCTAssertEqual(hex(SHA256.hash([UInt8](repeating: 0x61, count: 130))), "1e3c4f4750c8c29bbfa9ced317788176b156d342e57f7777f62fd7221a44312f")
        XCTAssertEqual(hex(SHA256.hmac(key: [UInt8](repeating: 0x6b, count: 20), message: [UInt8](repeating: 0x6d, count: 200))),
                       "84ca8f373314ce7fe87752b26b03642ce2a47138cbc90527072741953cb8fd12")
        XCTAssertEqual(hex(SHA256.hmac(key: [UInt8](repeating: 0xaa, count: 131), message: Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8))),
                       "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54")
    }

    /// The fingerprint's one-block path is the HMAC of rule id, a zero byte and value, cut
    /// to 16 bytes, at every length around the block and padding boundaries.
    func testFingerprintIsTheTruncatedHMAC() {
        let key = Array("fingerprint-key".utf8)
        let fingerprinter = Fingerprinter(key: key)
        var g = SeededGenerator(seed: 3)
        for length in 0..<200 {
            let value = String((0..<length).map { _ in "aZ9é-_@".randomElement(using: &g)! })
            let rule = ["pd.email", "x", ""].randomElement(using: &g)!
            let full = SHA256.hmac(key: key, message: Array(rule.utf8) + [0] + Array(value.utf8))
            let expected = "hr1:" + full.prefix(16).map { String(format: "%02x", $0) }.joined()
            XCTAssertEqual(fingerprinter.fingerprint(ruleID: rule, value: value), expected, "length \(length)")
        }
    }

    func testOverlappingFindingsKeepTheSpecificRule() {
        let f = TestRules.findings("DATABASE_URL=postgres://api_rw:silver_meadow_garden97@db.prod.wildmoor.co.uk:5432/app")
        XCTAssertEqual(f.map(\.ruleID), ["secret.connection-string.uri"])
    }
}
