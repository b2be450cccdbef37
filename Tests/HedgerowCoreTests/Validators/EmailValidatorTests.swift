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

final class EmailConfidenceTests: XCTestCase {
    func testGeneratedAndAutomatedMailboxesAreLowConfidence() {
        let v = EmailValidator()
        for value in ["0GK500B4HD0888@cougar.noc.ucla.edu", "a4929a40-6328-491a-aaaf-cb79ed7309a2@q2g2000vbk.googlegroups.com",
                      "noreply@hmrc.gov.uk", "email-sig@python.org", "xxxxxxxx@dot.ca.gov", "foo@bar.com", "person@dom.ain", "idle-dev@python.org", "optik-users@lists.sourceforge.net"] {
            guard case .lower(.low, _) = v.validate(.of(value)) else { return XCTFail(value) }
        }
        guard case .reject = v.validate(.of("simeple.local@example.something.com")) else { return XCTFail() }
        XCTAssertEqual(v.validate(.of("connorprice70@bristol.ac.uk")), .accept)
    }

    /// Placeholders are words, not shapes: vanity domains, short and all-digit local parts
    /// and uncommon top-level domains are people's addresses as often as not.
    func testShapesAreNotPlaceholders() {
        let v = EmailValidator()
        for value in ["kai@kai.net", "jo@pm.me", "bbb@zzz.org", "48213377@qq.com", "eilidh@croft.earth", "j@thistle.co.uk"] {
            XCTAssertEqual(v.validate(.of(value)), .accept, value)
        }
    }

    func testOrganisationalMailboxes() {
        for value in ["git@vger.kernel.org", "help@hmrc.gov.uk", "security@thistle.co.uk", "scanner-announce@googlegroups.com",
                      "dev@lists.thistle.org", "enquiries@thistle.co.uk", "dpo@thistle.gov.uk", "careers@thistle.co.uk"] {
            XCTAssertTrue(EmailValidator.isOrganisational(value), value)
        }
        XCTAssertFalse(EmailValidator.isOrganisational("rhys.green@gmail.com"))
    }

    func testMessageIDsInMailHeadersAreNotMailboxes() {
        let v = EmailValidator()
        guard case .reject = v.validate(.of("20240101.12ab@mail.thistle.co.uk", before: "Message-ID: <")) else { return XCTFail() }
        guard case .reject = v.validate(.of("1@dom.ain", before: "References: <0@dom.ain> <")) else { return XCTFail() }
    }
}
