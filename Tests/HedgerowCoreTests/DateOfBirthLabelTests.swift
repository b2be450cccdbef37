import XCTest
@testable import HedgerowCore

/// A date of birth in markup sits in the element after its label, often on the next line;
/// the keyword rule reads one line, so a redacted copy of such a page kept the date.
final class DateOfBirthLabelTests: XCTestCase {
    func dates(_ text: String) -> [String] {
        TestRules.findings(text).filter { $0.category == .dateOfBirth }.map { f in
            String(decoding: Array(text.utf8)[f.start.offset..<f.end.offset], as: UTF8.self)
        }
    }

    func testTheElementAfterTheLabel() {
        XCTAssertEqual(dates("<dl>\n    <dt>Date of birth</dt>\n    <dd>11/01/1964</dd>\n</dl>\n"), ["11/01/1964"])
        XCTAssertEqual(dates("<tr><th scope=\"row\">DOB</th><td class=\"value\">1964-01-11</td></tr>"), ["1964-01-11"])
        // Another field's date after the label's empty input is not the birth date.
        XCTAssertEqual(dates("<dt>Date of birth</dt>\n<dd><input type=\"date\" name=\"dob\"></dd>\n<dt>Created</dt>\n<dd>2023-01-01</dd>\n"), [])
        XCTAssertEqual(dates("<dt>Date of birth</dt>\n<dd>Not given</dd>\n"), [])
    }
}
