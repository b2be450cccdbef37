import XCTest
import HedgerowCore

final class IPValidatorTests: XCTestCase {
    func testIPv4Scopes() {
        let v = IPv4Validator()
        XCTAssertEqual(v.validate(.of("48.46.195.239")), .accept)
        for low in ["10.1.2.3", "172.16.0.9", "192.168.1.1", "169.254.10.10", "100.64.1.1"] {
            guard case .lower(.low, _) = v.validate(.of(low)) else { return XCTFail(low) }
        }
        for never in ["127.0.0.1", "0.0.0.0", "192.0.2.15", "198.51.100.7", "203.0.113.9", "255.255.255.0", "256.1.1.1", "01.2.3.4"] {
            guard case .reject = v.validate(.of(never)) else { return XCTFail(never) }
        }
    }
    func testIPv4VersionContext() {
        let v = IPv4Validator()
        XCTAssertNotEqual(v.validate(.of("1.2.3.4", before: "version ")), .accept)
        XCTAssertNotEqual(v.validate(.of("5.6.7.8", before: "requests==")), .accept)
        XCTAssertNotEqual(v.validate(.of("5.6.7.8", before: "v")), .accept)
    }
    func testIPv6() {
        let v = IPv6Validator()
        XCTAssertEqual(v.validate(.of("2a00:0:c176:547d:3e93:73b1:8445:9717")), .accept)
        XCTAssertEqual(v.validate(.of("2001:4860:4860::8888")), .accept)
        for never in ["::", "::1", "2001:db8::1", "2001:db8:8edf::5b6", "16:23:15", "dead::beef", "ff02::1"] {
            guard case .reject = v.validate(.of(never)) else { return XCTFail(never) }
        }
        guard case .lower(.low, _) = v.validate(.of("fd12:3456:789a:1::1")) else { return XCTFail() }
        guard case .lower(.low, _) = v.validate(.of("fe80::1ff:fe23:4567:890a")) else { return XCTFail() }
    }
}
