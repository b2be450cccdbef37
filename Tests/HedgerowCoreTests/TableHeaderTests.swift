import XCTest
@testable import HedgerowCore

/// A SQL COPY line is found as a table header wherever it falls against the eight-byte
/// words the scanner reads newlines in, and whatever the chunk size.
final class TableHeaderTests: XCTestCase {
    func testCopyHeadersAtEveryAlignment() throws {
        let block = "COPY public.patients (id, date_of_birth) FROM stdin;\n7\t1987-03-14\n\\.\n"
        for padding in 0..<20 {
            let text = "-- dump\n" + String(repeating: "x", count: padding) + "\n" + block + "Copy and COPYING are not headers\n"
            for chunk in [1 << 20, 7] {
                let found = TestRules.findings(text, chunkSize: chunk).filter { $0.ruleID == "pd.date-of-birth.column" }
                XCTAssertEqual(found.map(\.value), ["1987-03-14"], "padding \(padding), chunk \(chunk)")
            }
        }
        // Without its COPY line the same row has no column to be read in.
        XCTAssertTrue(TestRules.findings("-- dump\n7\t1987-03-14\n").filter { $0.ruleID == "pd.date-of-birth.column" }.isEmpty)
    }

    /// A form export keeps postcodes as typed, often in lower case, with no address words
    /// on the row: the column's header says what they are.
    func testLowerCasePostcodesInAPostcodeColumn() {
        let csv = "response_id,submitted_at,postcode,satisfaction,comment\n701,2025-09-22 20:27,ne34 9dt,6,\"Helpful, thanks\"\n702,2025-09-23 08:10,,4,ok\n"
        let found = TestRules.findings(csv).filter { $0.category == .postcode }.map { f in
            String(decoding: Array(csv.utf8)[f.start.offset..<f.end.offset], as: UTF8.self)
        }
        XCTAssertEqual(found, ["ne34 9dt"])
        // The same shape in a column that is not a postcode, or with no header naming one.
        XCTAssertTrue(TestRules.findings("id,postcode,ref\n7,,ne34 9dt\n").filter { $0.category == .postcode }.isEmpty)
        XCTAssertTrue(TestRules.findings("id,ref\n7,ne34 9dt\n").filter { $0.category == .postcode }.isEmpty)
    }
}
