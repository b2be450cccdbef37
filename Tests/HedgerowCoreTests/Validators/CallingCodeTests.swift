import XCTest
import HedgerowCore

/// The international phone rule names the country of the number from its calling code.
final class CallingCodeTests: XCTestCase {
    func testCountriesFromCallingCodes() {
        XCTAssertEqual(CallingCodes.country(of: "+33 6 12 34 56 78")?.country, "France")
        XCTAssertEqual(CallingCodes.country(of: "+353 87 123 4567")?.code, "353")
        XCTAssertEqual(CallingCodes.country(of: "+353 87 123 4567")?.country, "Ireland")
        XCTAssertEqual(CallingCodes.country(of: "+1 415 867 5309")?.code, "1")
        XCTAssertEqual(CallingCodes.country(of: "+49 30 901820")?.country, "Germany")
        XCTAssertEqual(CallingCodes.country(of: "+886 2 2311 3731")?.country, "Taiwan")
        XCTAssertNil(CallingCodes.country(of: "+800 1234 5678"), "a global service names no country")
        XCTAssertNil(CallingCodes.country(of: "+"))
    }

    /// E.164 country codes are prefix-free: at most one can match a number.
    func testTableIsPrefixFree() {
        for code in CallingCodes.table.keys {
            for shorter in 1..<code.count {
                XCTAssertNil(CallingCodes.table[String(code.prefix(shorter))], "\(code.prefix(shorter)) is a prefix of \(code)")
            }
            XCTAssertTrue(code.allSatisfy(\.isNumber) && code.count <= 3 && !code.hasPrefix("0"), code)
        }
    }

    /// The finding's hint says whose number it is; a number whose code names no country keeps the rule's hint.
    func testInternationalFindingsNameTheirCountry() {
        let french = TestRules.findings("Appelez-moi: tel +33 6 12 34 56 78\n").filter { $0.ruleID == "pd.phone.international" }
        XCTAssertEqual(french.count, 1)
        XCTAssertTrue(french.first?.hint.hasPrefix("A number in France (+33). ") == true, french.first?.hint ?? "")
        let irish = TestRules.findings("WhatsApp +353 87 123 4567\n").filter { $0.ruleID == "pd.phone.international" }
        XCTAssertTrue(irish.first?.hint.contains("Ireland (+353)") == true, irish.first?.hint ?? "")
    }
}
