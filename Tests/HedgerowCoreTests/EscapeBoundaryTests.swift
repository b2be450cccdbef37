import XCTest
@testable import HedgerowCore

/// String escapes are boundaries: `\n \t \r \" \\ \uXXXX` end one value and start the
/// next; nothing is glued on, nothing after them is hidden, and every finding's span is
/// exactly the bytes of its value in the file.
final class EscapeBoundaryTests: XCTestCase {
    let at = "@"

    func assertExact(_ text: String, _ expected: [String], file: StaticString = #filePath, line: UInt = #line) {
        let bytes = Array(text.utf8)
        let findings = try! TestRules.scanner().scan(bytes: bytes).findings
        XCTAssertEqual(findings.map(\.value), expected, text, file: file, line: line)
        for f in findings {
            let span = String(decoding: bytes[f.start.offset..<f.end.offset], as: UTF8.self)
            XCTAssertEqual(span, f.value, "span differs from the value in \(text)", file: file, line: line)
        }
    }

    func testEmailsAfterEscapes() {
        let a = "rhys.green\(at)gmail.com", b = "naomi.fraser\(at)outlook.com"
        assertExact(#"{"to": "\#(a)\t\#(b)"}"#, [a, b])
        assertExact(#"{"to": "\#(a)\n\#(b)"}"#, [a, b])
        assertExact(#"{"to": "\#(a)\r\#(b)"}"#, [a, b])
        assertExact(#"say \"\#(a)\""#, [a])
        assertExact(#"path = "C:\\\#(b)""#, [b])
        assertExact(#""\u003c\#(a)\u003e""#, [a])
    }

    func testTokenAfterALiteralNewlineEscapeIsFound() {
        let token = "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"
        assertExact(#"{"text": "first line\n\#(token)"}"#, [token])
        assertExact(#"log("token:\t\#(token)")"#, [token])
    }

    func testAWordCutByAnEscapeIsNotAName() {
        let findings = TestRules.findings(#"teststr = "Bonne Journ\xe9e""#)
        XCTAssertTrue(findings.filter { $0.category == .name }.isEmpty, "\(findings.map(\.value))")
    }
}
