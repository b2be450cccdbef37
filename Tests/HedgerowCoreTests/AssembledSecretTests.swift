import Foundation
import XCTest
@testable import HedgerowCore

/// Secrets written in pieces (string concatenation, line continuations) or inside
/// encodings (base64 PEM, base64 JWT, base64 Docker configs) are found and placed on
/// the original bytes.
final class AssembledSecretTests: XCTestCase {
    /// A checksum-valid fake GitHub token, built from pieces so no file holds it whole.
    static let token = "gh" + "p_" + "OhbVrpoiVgRV5IfLBcbfnoGMbJmTPS2gjNut"
    static func base64(_ s: String) -> String { Data(s.utf8).base64EncodedString() }

    func testJoinerKeepsAMapToEachPiece() {
        let source = Array(#"x = "abcdefgh" + "ijklmnopqr";"#.utf8)
        let text = source[4...].withUnsafeBufferPointer { StringJoiner.join($0, at: 4) }
        XCTAssertEqual(text.map { String(decoding: $0.bytes, as: UTF8.self) }, #""abcdefghijklmnopqr""#)
        XCTAssertEqual(text?.map.pieces(of: 1..<19), [5..<13, 18..<28])
        XCTAssertEqual(text?.map.sourceOffset(of: 0), 4, "the opening quote is the first piece's")
    }

    func testJoinerRefusesWhatAssemblesNoToken() {
        func joined(_ s: String) -> String? {
            Array(s.utf8).withUnsafeBufferPointer { StringJoiner.join($0, at: 0) }.map { String(decoding: $0.bytes, as: UTF8.self) }
        }
        XCTAssertNil(joined(#""Hello " + "world, and welcome back""#), "no token across the joint")
        XCTAssertNil(joined(#""abcdefghijklmnopqrstuvwxyz""#), "one piece")
        XCTAssertNil(joined(#""ab" + "cd""#), "too short")
        XCTAssertEqual(joined("TOKEN=abcdefghij\\\nklmnopqrst"), "TOKEN=abcdefghijklmnopqrst")
        XCTAssertEqual(joined("\"abcdefghij\\\r\nklmnopqrst\""), "\"abcdefghijklmnopqrst\"")
    }

    func testConcatenatedTokenIsOneFindingOnItsPieces() {
        let t = Self.token
        let text = "// config\nconst token = \"\(t.prefix(12))\" +\n    \"\(t.dropFirst(12))\";\n"
        let f = TestRules.findings(text)
        XCTAssertEqual(f.map(\.ruleID), ["secret.github.token"])
        XCTAssertEqual(f.first?.value, t)
        XCTAssertEqual(f.first?.decodedFrom, .concatenation)
        XCTAssertEqual(f.first?.confidence, .high)
        XCTAssertEqual(f.first?.start.line, 2)
        XCTAssertEqual(f.first?.start.column, 16)
        XCTAssertEqual(f.first?.end.line, 3)
        let bytes = Array(text.utf8)
        XCTAssertEqual(f.first?.pieces.map { String(decoding: bytes[$0], as: UTF8.self) }, [String(t.prefix(12)), String(t.dropFirst(12))])
    }

    func testJavaStyleLeadingPlusAndPythonImplicitConcatenation() {
        let t = Self.token
        let java = "String key = \"\(t.prefix(15))\"\n        + \"\(t.dropFirst(15))\";\n"
        XCTAssertEqual(TestRules.findings(java).map(\.start.line), [1])
        let python = "TOKEN = (\n    \"\(t.prefix(10))\"\n    \"\(t.dropFirst(10).prefix(12))\"\n    \"\(t.dropFirst(22))\"\n)\n"
        let f = TestRules.findings(python)
        XCTAssertEqual(f.map(\.ruleID), ["secret.github.token"])
        XCTAssertEqual(f.first?.pieces.count, 3)
        XCTAssertEqual(f.first.map { [$0.start.line, $0.end.line] }, [2, 4])
    }

    func testShellContinuationIsJoined() {
        let t = Self.token
        let f = TestRules.findings("export GITHUB_TOKEN=\(t.prefix(14))\\\n\(t.dropFirst(14))\ncurl -H \"Accept: json\" \\\n  https://example.org\n")
        XCTAssertEqual(f.map(\.ruleID), ["secret.github.token"])
        XCTAssertEqual(f.first?.start.column, 21)
        XCTAssertEqual(f.first?.end.line, 2)
    }

    func testPEMKeySplitOverLiteralsIsOneFinding() {
        let body = (0..<4).map { _ in "MIIEpAIBAAKCAQEA1c7+9z5Pad7OejecsQ0bu3aumwSIUgM0dZ5ZHfyXqQhL0EXq" }
        let lines = ["-----BEGIN RSA PRIVATE KEY-----"] + body + ["-----END RSA PRIVATE KEY-----"]
        let text = "KEY = (" + lines.map { "\"\($0)\\n\"" }.joined(separator: "\n       ") + ")\n"
        let f = TestRules.findings(text)
        XCTAssertEqual(f.map(\.ruleID), ["secret.private-key"])
        XCTAssertEqual(f.first?.pieces.count, 6)
        XCTAssertEqual(f.first?.end.line, 6)
    }

    func testBase64PEMAndJWTAreDecoded() {
        let pem = "-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIGBDdUAZ6rDjPJq56KVFZWOfrNakgcHyL2wm9CUHPfAIoAoGCCqGSM49\n-----END EC PRIVATE KEY-----\n"
        let jwt = "eyJhbGciOiAiSFMyNTYiLCAidHlwIjogIkpXVCJ9" + ".eyJzdWIiOiAiOTYyNjQzIiwgIm5hbWUiOiAiVGVzdCBVc2VyIiwgImlhdCI6IDE3MDAwMDAwMDB9"
            + ".MUx7YoG1iMsov8_rfHOZKRAvz8LB8xwEVyr_3qkwFXU"
        let f = TestRules.findings("cfg \(Self.base64(pem))\nsession_blob \(Self.base64(jwt))\n")
        XCTAssertEqual(f.map(\.ruleID), ["secret.private-key", "secret.jwt"])
        XCTAssertEqual(f.map(\.decodedFrom), [.base64, .base64])
    }

    func testDockerConfigAuthIsDecodedTwice() {
        let auth = Self.base64("deploy:" + Self.token)
        let config = Self.base64(#"{"auths":{"ghcr.io":{"auth":""# + auth + #""}}}"#)
        let f = TestRules.findings("kind: Secret\ntype: kubernetes.io/dockerconfigjson\ndata:\n  .dockerconfigjson: \(config)\n")
        XCTAssertEqual(f.map(\.ruleID), ["secret.github.token"], "the token inside the registry's auth, under its provider")
        XCTAssertEqual(f.first?.start.line, 4)
        XCTAssertEqual(f.first?.confidence, .high)
    }

    func testConcatenationFindingsDoNotDependOnChunkSize() {
        let t = Self.token
        let text = String(repeating: "x = 1\n", count: 40) + "const token = \"\(t.prefix(12))\" +\n    \"\(t.dropFirst(12))\";\n"
        let whole = TestRules.findings(text)
        XCTAssertEqual(whole.count, 1)
        for chunk in [7, 64, 300] {
            XCTAssertEqual(TestRules.findings(text, chunkSize: chunk).map { [$0.start.offset, $0.end.offset] }, whole.map { [$0.start.offset, $0.end.offset] }, "chunk \(chunk)")
        }
    }
}

extension AssembledSecretTests {
    func testATableOfOneCharacterLiteralsIsNotAValue() {
        // webencodings-style tables: one character per literal, side by side.
        let table = "TABLE = (\n" + ",-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ".map { "    '\($0)'\n" }.joined() + ")\n"
        XCTAssertEqual(TestRules.findings(table).filter { $0.decodedFrom == .concatenation }.map(\.ruleID), [])
    }
}
