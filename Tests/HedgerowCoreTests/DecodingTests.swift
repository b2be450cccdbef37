import XCTest
@testable import HedgerowCore

/// Values hidden in encodings are found, placed on the encoded span and marked decoded.
final class DecodingTests: XCTestCase {
    func testPercentEncodedEmailIsFoundOnTheEncodedSpan() {
        let text = "next=mailto%3Arhys.green%40gmail.com&x=1"
        let f = TestRules.findings(text)
        XCTAssertEqual(f.map(\.ruleID), ["pd.email"])
        XCTAssertEqual(f.first?.decodedFrom, .percent)
        XCTAssertEqual(f.first?.value, "rhys.green@gmail.com")
        // On the encoded address itself (rhys.green%40gmail.com), not the mailto%3A before it.
        XCTAssertEqual(f.first?.start.column, 15)
        XCTAssertEqual(f.first?.end.column, 37)
    }

    func testBase64KubernetesSecretValueIsDecodedWithItsKey() {
        let text = "kind: Secret\ndata:\n  db-password: SGFyYm91cjQ5KkxhbnRlcm4=\n  tls.crt: AAECAwQFBgcICQoLDA0ODxAREhM=\n"
        let f = TestRules.findings(text)
        XCTAssertEqual(f.count, 1)
        XCTAssertEqual(f.first?.decodedFrom, .base64)
        XCTAssertEqual(f.first?.start.line, 3)
        XCTAssertEqual(f.first?.category, .password)
    }

    func testJSONEscapesAreDecoded() {
        let f = TestRules.findings(#"{"contact": "rhys.green\u0040gmail.com"}"#)
        XCTAssertEqual(f.first?.decodedFrom, .jsonEscape)
        XCTAssertEqual(f.first?.category, .email)
    }

    func testEncodingsRejectNonText() {
        XCTAssertNil(Encoding.base64.decode("AAECAwQFBgcICQoLDA0ODxAREhM="))
        XCTAssertNil(Encoding.percent.decode("no-escapes-here"))
        XCTAssertEqual(Encoding.jsonEscape.decode(#"a\u0040b"#), Array("a@b".utf8))
    }

    func testJSONEscapeDecoderFollowsTheJSONRules() {
        func decoded(_ text: String) -> String? { Encoding.jsonEscape.decode(text).map { String(decoding: $0, as: UTF8.self) } }
        XCTAssertEqual(decoded(#"caf\u00e9\/x\n"#), "café/x\n")
        XCTAssertEqual(decoded(#"rhys.green\x40gmail.com"#), "rhys.green@gmail.com")
        XCTAssertEqual(decoded(#"\ud83d\ude00!"#), "\u{1F600}!")
        XCTAssertEqual(decoded(#"a\\x41"#), #"a\x41"#, "an escaped backslash is not the start of an escape")
        XCTAssertNil(decoded(#"\ud83d!"#), "unpaired surrogate")
        XCTAssertNil(decoded(#"\u12"#), "short escape")
        XCTAssertNil(decoded(#"\q"#), "unknown escape")
        XCTAssertNil(decoded("plain"), "nothing to decode")
    }

    func testPercentDecoderRejectsMalformedEscapesAndNonUTF8() {
        func decoded(_ text: String) -> String? { Encoding.percent.decode(text).map { String(decoding: $0, as: UTF8.self) } }
        XCTAssertEqual(decoded("a%40b+c"), "a@b c")
        XCTAssertEqual(decoded("%E2%82%AC"), "€")
        XCTAssertNil(decoded("100%"), "escape cut short")
        XCTAssertNil(decoded("%zz"), "not hex")
        XCTAssertNil(decoded("%FF%FE"), "not UTF-8")
    }

    func testDecodingIsStableAcrossChunkSizes() throws {
        let text = String(repeating: "padding line\n", count: 50) + "  token: Z2hwX09oYlZycG9pVmdSVjVJZkxCY2Jmbm9HTWJKbVRQUzJnak51dA==\n"
        let whole = TestRules.findings(text)
        XCTAssertEqual(whole.map(\.ruleID), ["secret.github.token"])
        for chunk in [1, 13, 256] {
            XCTAssertEqual(TestRules.findings(text, chunkSize: chunk).map(\.start), whole.map(\.start))
        }
    }
}

/// The byte search validators use in place of Foundation's `contains`.
final class ByteContainsTests: XCTestCase {
    func testFindsNeedlesAnywhereAndOnlyWhole() {
        XCTAssertTrue("sort code 12-34-56".containsBytes("sort code"))
        XCTAssertTrue("abc".containsBytes("c"))
        XCTAssertTrue("abc".containsBytes(""))
        XCTAssertFalse("ab".containsBytes("abc"))
        XCTAssertFalse("aab".containsBytes("abb"))
        XCTAssertTrue("x café ::1".dropFirst(2).containsBytes("::"), "substrings too")
        XCTAssertFalse("CHANGEME".containsBytes("changeme"), "case matters: callers lower-case first")
    }
}

extension ByteContainsTests {
    func testByteRangeFindsFirstLastAndCaseFolded() {
        let text = "a://b c://d"
        XCTAssertEqual(text.byteRange(of: "://").map { text.distance(from: text.startIndex, to: $0.lowerBound) }, 1)
        XCTAssertEqual(text.byteRange(of: "://", backwards: true).map { text.distance(from: text.startIndex, to: $0.lowerBound) }, 7)
        let query = "é?PassWord=x"
        XCTAssertEqual(query.byteRange(of: "password=", caseInsensitive: true).map { String(query[$0.upperBound...]) }, "x")
        XCTAssertNil(query.byteRange(of: "password="))
        XCTAssertNil("ab".byteRange(of: "abc"))
    }
}

/// The byte-level base64 decoder agrees with Foundation's on valid and invalid text.
final class Base64DecoderTests: XCTestCase {
    func testAgreesWithFoundation() {
        var g = seededGenerator()
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
        for _ in 0..<2000 {
            let bytes = (0..<Int.random(in: 1...40, using: &g)).map { _ in UInt8.random(in: 0...255, using: &g) }
            var text = Data(bytes).base64EncodedString()
            switch Int.random(in: 0..<5, using: &g) {
            case 0: text = text.replacingOccurrences(of: "=", with: "")
            case 1: text += "="
            case 2: if !text.isEmpty { text.removeLast() }
            case 3: text = "\"" + text + "' "
            default: text.insert(Bool.random(using: &g) ? "-" : alphabet.randomElement(using: &g)!, at: text.startIndex)
            }
            var padded = text.trimmingCharacters(in: CharacterSet(charactersIn: "\"' "))
            while padded.count % 4 != 0 { padded += "=" }
            XCTAssertEqual(EscapeDecoders.base64(text), Data(base64Encoded: padded).map { Array($0) }, text)
        }
    }
}
