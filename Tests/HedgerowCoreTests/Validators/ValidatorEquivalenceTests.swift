import XCTest
@testable import HedgerowCore

/// The byte-level validators and masking give the same verdicts (reasons included) and
/// the same masks as the String-based versions they replaced (`ReferenceValidators`), on
/// values shaped like their patterns' matches and on random text around those shapes.
final class ValidatorEquivalenceTests: XCTestCase {
    private var g = SeededGenerator(seed: 20261123)

    private func pick(_ options: String) -> String { String(options.randomElement(using: &g)!) }
    private func pick(_ options: [String]) -> String { options.randomElement(using: &g)! }
    private func run(_ alphabet: String, _ range: ClosedRange<Int>) -> String {
        (0..<Int.random(in: range, using: &g)).map { _ in pick(alphabet) }.joined()
    }

    func testPostcodeValidatorMatchesTheReference() {
        let new = PostcodeValidator(), old = ReferencePostcodeValidator()
        let letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ", some = "ABEHKMNPRSTWYZCIOVgirsw"
        for i in 0..<20000 {
            let value: String
            if i % 4 == 3 {
                value = run(letters + "0123456789 ab", 0...9)
            } else {
                let area = i % 50 == 0 ? "GIR" : run(i % 2 == 0 ? letters : some, 1...2)
                value = area + pick("0123456789") + (Bool.random(using: &g) ? pick(some + "0123456789") : "")
                    + (Bool.random(using: &g) ? " " : "") + pick("0123456789") + pick(some) + pick(some)
            }
            XCTAssertEqual(new.validate(.of(value)), old.validate(.of(value)), value)
        }
    }

    func testUKPhoneValidatorMatchesTheReference() {
        let new = UKPhoneValidator(), old = ReferenceUKPhoneValidator()
        let prefixes = ["", "", "0", "07", "01", "02", "08", "0800", "+44", "+44 ", "+44 (0)", "+44(0)", "0044", "00 44 ", "(0", "(+44)", "07700 900"]
        for _ in 0..<20000 {
            var value = pick(prefixes)
            var digits = 0
            while digits < Int.random(in: 9...11, using: &g) || Int.random(in: 0...9, using: &g) == 0 {
                if Int.random(in: 0...3, using: &g) == 0 { value += pick(" -.()") }
                value += pick(Int.random(in: 0...5, using: &g) == 0 ? "7777" : "0123456789")
                digits += 1
            }
            XCTAssertEqual(new.validate(.of(value)), old.validate(.of(value)), value)
        }
    }

    func testMaskingMatchesTheReference() {
        let alphabet = "abcXYZ0189_-:/@.é😀 \n"
        let shapes = ["ghp_", "AKIA", "sk_live_", "postgres://", "-----BEGIN RSA PRIVATE KEY-----\n", "a@b", "x", ""]
        for i in 0..<20000 {
            // Half the values ASCII only: masking has a byte path for them.
            let value = pick(shapes) + run(i % 2 == 0 ? "abcXYZ0189_-:/@. \n" : alphabet, 0...40)
            for category in Category.allCases {
                XCTAssertEqual(Masking.mask(value, category: category), ReferenceMasking.mask(value, category: category), "\(category) \(value)")
            }
        }
    }

    func testPlaceholderIdentifierAndEntropyMatchTheReference() {
        let shapes = ["", "changeme", "CHANGEME", "${DB_PASS}", "%APPDATA%", "$HOME", "password", "Passw0rd", "aaaa", "abab",
                      "private_key", "self.password", "MyVeryLongMixedCaseName", "x9", "é", "ÉÉ", "a\r\n", "\r\n", "K", "your_",
                      "vault:secret", "s3cr3t!", "hunter2", "ZZ", "_", "TOKEN", "Ab", "-", "é\u{301}", "@", "@@", "@KEY@"]
        for _ in 0..<20000 {
            let value = pick(shapes) + run("aAzZ09_-.:/$%{}é@", 0...6) + (Bool.random(using: &g) ? pick(shapes) : "")
            XCTAssertEqual(PlaceholderValidator.isPlaceholder(value), PlaceholderValidator.isPlaceholderUnicode(value), value.debugDescription)
            XCTAssertEqual(PlaceholderValidator.isIdentifier(value), ReferencePlaceholder.isIdentifier(value), value.debugDescription)
            XCTAssertEqual(EntropyValidator.entropy(value), ReferencePlaceholder.entropy(value), accuracy: 1e-9, value.debugDescription)
        }
    }

    /// Connection-string credentials read on bytes match the Character reading, on URIs and
    /// key/value strings built from the pieces each reading splits on (empty pieces, doubled
    /// separators, blanks, case, "\r\n" which is one Character).
    func testConnectionStringCredentialsMatchTheCharacterReading() {
        let pieces = ["postgres://", "mysql://", "://", "user", "admin", "p4ss", ":", "::", "@", "@@", "/db", "?", "&", ";", "=", "==",
                      "Password=", "password=", "PASSWORD =", " pwd", "Pwd = ", "User ID=", "uid", "AccountKey=", "sharedaccesskey=",
                      "Server=tcp:h,1433", " ", "\t", "\r\n", "x", "$VAR", "{x}", "host.example"]
        for _ in 0..<20000 {
            let text = (0..<Int.random(in: 0...9, using: &g)).map { _ in pick(pieces) }.joined()
            let bytes = ConnectionStringValidator.credentials(in: text), characters = ConnectionStringValidator.credentialsUnicode(in: text)
            XCTAssertEqual(bytes.user, characters.user, text.debugDescription)
            XCTAssertEqual(bytes.password, characters.password, text.debugDescription)
        }
    }

    func testEmailValidatorMatchesTheReference() {
        let v = EmailValidator()
        let locals = ["rhys.green", "a", "aaa", "noreply", "x-noreply", "test", "john.doe", "123456789", "-x", "x.", "Mail", "git",
                      "0f8fad5b-d9cb-469f-a165-70867728950e", "sam", "first.last", "lists"]
        let domains = ["gmail.com", "example.com", "mail.example.org", "host.test", "nhs.uk", "EXAMPLE.co.uk", "1.2", "2x.png",
                       "lists.debian.org", "foo.local", "x.museum", "a.b.zz", "d.gmail.com", "sam.io", "c.c0m", "abc.solutions",
                       "localhost", "x..y", "git.example.net", "y.verylongtldnamethatistoolongxx"]
        let befores = ["", "contact ", "ssh ", "ssh -p 2222 ", "scp -i key ", "https://user:pw", "http://x y ", "`git clone ", "Émile ", "$ rsync "]
        let afters = ["", ":org/repo.git", "://", " today", ">", ":"]
        for _ in 0..<20000 {
            let value = pick(locals) + (Bool.random(using: &g) ? "" : run("abcXYZ019._%+-", 0...4)) + "@" + pick(domains)
            let c = Candidate.of(value, before: pick(befores), after: pick(afters))
            XCTAssertEqual(v.validate(c), v.validateUnicode(c), "\(c.before)|\(value)|\(c.after)")
        }
    }
}
