import XCTest
import HedgerowCore

final class PostcodeValidatorTests: XCTestCase {
    let v = PostcodeValidator()
    func testAreaListHas124Areas() { XCTAssertEqual(PostcodeValidator.areas.count, 124) }
    func testRealShapes() {
        for good in ["M1 6SZ", "DY14 0PB", "SW1A 1AA", "EC1V 9HX", "W112WS", "BT7 1NN"] {
            XCTAssertEqual(v.validate(.of(good)), .accept, good)
        }
    }
    func testImpossibleShapes() {
        for bad in ["VL15 9BX", "Q15 2QQ", "X25 1NA", "BN6 5EM", "CT20 9ML", "TA20 2HC", "SW1Z 1AA"] {
            guard case .reject = v.validate(.of(bad)) else { return XCTFail(bad) }
        }
    }
}

final class PostcodeSpecialCaseTests: XCTestCase {
    func testGirobankPostcodeIsLowConfidence() {
        guard case .lower(.low, _) = PostcodeValidator().validate(.of("GIR 0AA")) else { return XCTFail() }
    }
}
