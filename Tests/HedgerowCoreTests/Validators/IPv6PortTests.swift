import XCTest
@testable import HedgerowCore

/// Apache's error log writes a client's IPv6 address with its port glued on and no
/// brackets (`[client 2a00::1:49345]`); a five-digit last group cannot be hex, so it is
/// the port, and the address before it is still found (a redacted log kept it whole).
final class IPv6PortTests: XCTestCase {
    func ips(_ text: String) -> [String] {
        TestRules.findings(text).filter { $0.category == .ip }.map { f in
            String(decoding: Array(text.utf8)[f.start.offset..<f.end.offset], as: UTF8.self)
        }
    }

    func testAPortAfterTheAddress() {
        XCTAssertEqual(ips("[php:error] [pid 5598] [client 2a00::d8c6:3:189f:753d:23ae:49345] PHP Warning"),
                       ["2a00::d8c6:3:189f:753d:23ae"])
        XCTAssertEqual(ips("peer 2a00:0:c176:547d:3e93:73b1:8445:9717 up"), ["2a00:0:c176:547d:3e93:73b1:8445:9717"])
        XCTAssertEqual(ips("at 16:23:15:12345 the job ran"), [])
    }
}
