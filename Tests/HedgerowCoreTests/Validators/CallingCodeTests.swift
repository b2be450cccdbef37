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

    /// The finding names the country (`country`, and its hint says so); a number whose
    /// code names no country keeps the rule's hint.
    func testInternationalFindingsNameTheirCountry() {
        let french = TestRules.findings("Appelez-moi: tel +33 6 12 34 56 78\n").filter { $0.ruleID == "pd.phone.international" }
        XCTAssertEqual(french.count, 1)
        XCTAssertEqual(french.first?.country, "France")
        XCTAssertTrue(french.first?.hint.hasPrefix("Calling code +33 (France). ") == true, french.first?.hint ?? "")
        let irish = TestRules.findings("WhatsApp +353 87 123 4567\n").filter { $0.ruleID == "pd.phone.international" }
        XCTAssertEqual(irish.first?.country, "Ireland")
        XCTAssertTrue(irish.first?.hint.contains("+353 (Ireland)") == true, irish.first?.hint ?? "")
        let uk = TestRules.findings("Call 07411 595 147 today\n")
        XCTAssertFalse(uk.isEmpty)
        XCTAssertTrue(uk.allSatisfy { $0.country == nil }, "only the international rule names a country")
    }
}
