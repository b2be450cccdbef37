import XCTest
import HedgerowCore

final class PhoneValidatorTests: XCTestCase {
    let uk = UKPhoneValidator()
    func testNumberingPlan() {
        for good in ["07411 595 147", "02078669208", "+44 (0)20 3866 9208", "0044 191 519 7779", "0370-531-7193", "0808-781-2468", "01632 961234"] {
            XCTAssertEqual(uk.validate(.of(good)), .accept, good)
        }
        for bad in ["07611111111", "0600 123 4567", "020 1234", "+44 7411 595 1470"] {
            XCTAssertNotEqual(uk.validate(.of(bad)), .accept, bad)
        }
    }
    func testDramaRangesAreLowConfidence() {
        for drama in ["020 7946 0813", "07700 900940", "01632 960414", "0113 496 0123", "+44 20 7946 0935"] {
            guard case .lower(.low, _) = uk.validate(.of(drama)) else { return XCTFail(drama) }
        }
    }
    func testInternational() {
        let intl = InternationalPhoneValidator()
        XCTAssertEqual(intl.validate(.of("+1 415 867 5309")), .accept)
        XCTAssertNotEqual(intl.validate(.of("+12")), .accept)
        XCTAssertNotEqual(intl.validate(.of("+44 20 3866 9208")), .accept)
    }
}
