import XCTest
import HedgerowCore

final class EmailValidatorTests: XCTestCase {
    let v = EmailValidator()
    func testAcceptsAddressesOfPeople() {
        XCTAssertEqual(v.validate(.of("rhys.green@gmail.com")), .accept)
        XCTAssertEqual(v.validate(.of("wheelerd@inf.ed.ac.uk")), .accept)
    }
    func testRejectsReservedDomainsAndNonEmailShapes() {
        for value in ["alice@example.com", "bob@mail.example.org", "x@host.test", "u@nowhere.invalid", "a@b.localhost", "logo@2x.png", "lodash@4.17.21"] {
            XCTAssertNotEqual(v.validate(.of(value)), .accept, value)
        }
    }
    func testRejectsRemotesAndShellUserHost() {
        XCTAssertNotEqual(v.validate(.of("git@github.com", after: ":org/repo.git")), .accept)
        XCTAssertNotEqual(v.validate(.of("deploy@bastion.corp.net", before: "ssh -p 2222 ")), .accept)
        XCTAssertNotEqual(v.validate(.of("pass@db.corp.net", before: "postgres://user:")), .accept)
    }
}
