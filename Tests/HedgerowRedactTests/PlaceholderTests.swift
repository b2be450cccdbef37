import HedgerowCore
@testable import HedgerowRedact
import XCTest

final class PlaceholderTests: XCTestCase {
    func testSameValueSamePlaceholderAndNamePartsLinked() {
        let book = PlaceholderBook(style: .placeholder)
        book.prepare([(.name, "Margaret"), (.name, "Margaret Okafor"), (.email, "m.okafor@example.org"), (.phone, "07700 900123"), (.phone, "+44 7700 900123")])
        let full = book.identity(.name, "Margaret Okafor")
        XCTAssertEqual(book.replacement(for: full, source: "Margaret Okafor"), "[NAME-1]")
        XCTAssertEqual(book.replacement(for: book.identity(.name, "Margaret"), source: "Margaret"), "[NAME-1:first]")
        XCTAssertEqual(book.replacement(for: book.identity(.name, "MARGARET OKAFOR"), source: "MARGARET OKAFOR"), "[NAME-1:v2]")
        XCTAssertEqual(book.replacement(for: book.identity(.email, "m.okafor@example.org"), source: "m.okafor@example.org"), "[EMAIL-1]")
        let phone = book.identity(.phone, "07700 900123")
        XCTAssertEqual(phone, book.identity(.phone, "+44 7700 900123"))
        XCTAssertEqual(book.replacement(for: phone, source: "07700 900123", piece: 0, of: 2), "[PHONE-1:1/2]")
        XCTAssertEqual(book.namePartLiterals.map(\.word), ["Margaret", "Okafor"])
    }

    func testFakesAreHarmlessByConstruction() {
        for n in 1...50 {
            let nhs = FakeValues.make(Identity(category: .nhsNumber, number: n)).filter(\.isNumber).map { Int(String($0))! }
            XCTAssertEqual(nhs.count, 10)
            let sum = (0..<9).reduce(0) { $0 + nhs[$1] * (10 - $1) }
            let check = 11 - sum % 11
            XCTAssertFalse(check < 10 && check == nhs[9] || check == 11 && nhs[9] == 0, "NHS fake \(nhs) passes the check")
            XCTAssertTrue(FakeValues.make(Identity(category: .email, number: n)).hasSuffix("@example.com"))
            XCTAssertTrue(FakeValues.make(Identity(category: .phone, number: n)).hasPrefix("07700 900"))
            XCTAssertTrue(FakeValues.make(Identity(category: .postcode, number: n)).hasPrefix("QQ"))
        }
        let names = Set((1...300).map { FakeValues.make(Identity(category: .name, number: $0)) })
        XCTAssertEqual(names.count, 300)
    }

    func testMaskKeepsLengthAndSpaces() {
        XCTAssertEqual(PlaceholderBook.mask("Zoë Smith"), "*** *****")
    }
}
