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
}
