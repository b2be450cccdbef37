import Foundation
import XCTest
@testable import HedgerowCore

/// A value found inside a decoded span is put back on the original bytes through the
/// decoded text's offset map: the line, column and offsets of the file, whichever line
/// of a longer input the value is on, and through two decodings.
final class DecodedPlacementTests: XCTestCase {
    /// A checksum-valid fake GitHub token, built from pieces so no file holds it whole.
    static let token = "gh" + "p_" + "OhbVrpoiVgRV5IfLBcbfnoGMbJmTPS2gjNut"
    static let email = "rhys.green" + "@" + "gmail.com"
    static func base64(_ s: String) -> String { Data(s.utf8).base64EncodedString() }

    /// The source text a finding's offsets cover.
    func covered(_ f: Finding?, in text: String) -> String? {
        f.map { String(decoding: Array(text.utf8)[$0.start.offset..<$0.end.offset], as: UTF8.self) }
    }

    func testPercentEncodedValueLandsOnItsOwnEncodedBytesOnALaterLine() {
        let encoded = "rhys.green%40gmail.com"
        let text = "# callbacks\nretries: 3\n  callback: next=mailto%3A\(encoded)&x=1\n"
        let f = TestRules.findings(text)
        XCTAssertEqual(f.map(\.ruleID), ["pd.email"])
        XCTAssertEqual(f.first?.decodedFrom, .percent)
        XCTAssertEqual(f.first?.value, Self.email)
        XCTAssertEqual(f.first?.start.line, 3)
        XCTAssertEqual(f.first?.start.column, 27, "the address, not the mailto%3A before it")
        XCTAssertEqual(f.first?.end.column, 27 + encoded.count)
        XCTAssertEqual(covered(f.first, in: text), encoded)
        for chunk in [1, 9, 64] {
            XCTAssertEqual(TestRules.findings(text, chunkSize: chunk).map { [$0.start.offset, $0.end.offset] },
                           f.map { [$0.start.offset, $0.end.offset] }, "chunk \(chunk)")
        }
    }

    func testJSONEscapedValueLandsOnItsEscapedBytes() {
        let escaped = #"rhys.green\u0040gmail.com"#
        let text = "{\n  \"id\": 7,\n  \"contact\": \"Rhys Green \\u003c\(escaped)\\u003e\"\n}\n"
        // (The name before it is the people rules' to judge.)
        let f = TestRules.findings(text).filter { $0.category == .email }
        XCTAssertEqual(f.map(\.ruleID), ["pd.email"])
        XCTAssertEqual(f.first?.decodedFrom, .jsonEscape)
        XCTAssertEqual(f.first?.start.line, 3)
        XCTAssertEqual(f.first?.start.column, 32, "after the escaped '<', where the address starts")
        XCTAssertEqual(covered(f.first, in: text), escaped)
    }

    func testValueAfterANewlineEscapeKeepsItsLineInTheFile() {
        // Decoded, the token is on the third line of the string; in the file it is on line 2.
        let text = "log = 1\n{\"text\": \"first line\\nsecond line\\n\(Self.token)\"}\n"
        let f = TestRules.findings(text)
        XCTAssertEqual(f.map(\.ruleID), ["secret.github.token"])
        XCTAssertEqual(f.first?.start.line, 2)
        XCTAssertEqual(f.first?.end.line, 2)
        XCTAssertEqual(covered(f.first, in: text), Self.token)
    }

    func testBase64ValueLandsOnTheWholeEncodedValue() {
        let value = Self.base64(Self.token)
        let text = "apiVersion: v1\nkind: Secret\ndata:\n  api-token: \(value)\n"
        let f = TestRules.findings(text)
        XCTAssertEqual(f.map(\.ruleID), ["secret.github.token"])
        XCTAssertEqual(f.first?.decodedFrom, .base64)
        XCTAssertEqual(f.first?.start.line, 4)
        XCTAssertEqual(f.first?.start.column, 14)
        XCTAssertEqual(covered(f.first, in: text), value, "base64 has no byte of its own: the value as a whole")
    }

    func testNestedDecodeIsPlacedThroughBothMaps() {
        // JSON escapes hiding percent escapes (\u0025 is '%'): decoded once, the text is
        // percent-encoded; decoded twice, it holds the address.
        let escaped = #"rhys.green\u002540gmail.com"#
        let text = "[\n  {\"next\": \"mailto\\u00253A\(escaped)\"}\n]\n"
        let f = TestRules.findings(text)
        XCTAssertEqual(f.map(\.ruleID), ["pd.email"])
        XCTAssertEqual(f.first?.value, Self.email)
        XCTAssertEqual(f.first?.decodedFrom, .jsonEscape, "marked with the outer encoding")
        XCTAssertEqual(f.first?.start.line, 2)
        XCTAssertEqual(covered(f.first, in: text), escaped)
    }

    func testNestedBase64IsPlacedOnTheOuterValue() {
        let auth = Self.base64("deploy:" + Self.token)
        let config = Self.base64(#"{"auths":{"ghcr.io":{"auth":""# + auth + #""}}}"#)
        let text = "kind: Secret\ntype: kubernetes.io/dockerconfigjson\ndata:\n  .dockerconfigjson: \(config)\n"
        let f = TestRules.findings(text)
        XCTAssertEqual(f.map(\.ruleID), ["secret.github.token"])
        XCTAssertEqual(f.first?.start.line, 4)
        XCTAssertEqual(f.first?.start.column, 22)
        XCTAssertEqual(covered(f.first, in: text), config)
    }

    func testDecodersMapEachEscapeToItsSourceBytes() {
        func rewritten(_ encoding: Encoding, _ s: String, at offset: Int) -> RewrittenText? {
            Array(s.utf8).withUnsafeBufferPointer { encoding.rewrite($0, at: offset) }
        }
        let percent = rewritten(.percent, "ab%40cd+e", at: 100)
        XCTAssertEqual(percent.map { String(decoding: $0.bytes, as: UTF8.self) }, "ab@cd e")
        XCTAssertEqual(percent?.map.pieces(of: 0..<2), [100..<102], "copied bytes map to themselves")
        XCTAssertEqual(percent?.map.pieces(of: 2..<3), [102..<105], "an escape maps to its three bytes")
        XCTAssertEqual(percent?.map.pieces(of: 1..<7), [101..<109])
        XCTAssertEqual(percent.map { $0.map.isVerbatim(3..<5) }, true)
        let json = rewritten(.jsonEscape, #"a\u0040b\ud83d\ude00c"#, at: 10)
        XCTAssertEqual(json.map { String(decoding: $0.bytes, as: UTF8.self) }, "a@b\u{1F600}c")
        XCTAssertEqual(json?.map.pieces(of: 1..<2), [11..<17])
        XCTAssertEqual(json?.map.pieces(of: 3..<7), [18..<30], "a surrogate pair maps as one escape")
        XCTAssertEqual(json?.map.pieces(of: 7..<8), [30..<31])
        let b64 = rewritten(.base64, Self.base64("hello world"), at: 5)
        XCTAssertEqual(b64?.map.pieces(of: 2..<4), [5..<21], "base64 maps as a whole")
    }
}
