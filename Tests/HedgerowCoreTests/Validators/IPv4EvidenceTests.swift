import XCTest
@testable import HedgerowCore

/// A dotted quad is an address when something says so. Each false-positive shape seen on
/// real trees (git's, Python's) is here as a negative, each kind of evidence as a positive.
final class IPv4EvidenceTests: XCTestCase {
    let v = IPv4Validator()

    func candidate(_ value: String, _ before: String, _ after: String = "", path: String = "") -> Candidate {
        Candidate(value: value, before: before, after: after, path: path)
    }

    func testVersionRevisionOIDAndSectionShapesAreRejected() {
        let cases: [(String, String, String)] = [
            ("2.20.1.155", "git version ", ".g1a2b3c"),
            ("2.20.1.155", "Git v", " Release Notes"),
            ("1.2.3.14", "foo==", ""),
            ("1.3.2.1", "# $Id: parser.c,v ", " 2001/05/03 someone Exp $"),
            ("1.3.2.1", "revision ", ""),
            ("8.2.4.44", "# the HTML5 spec, section ", " Bogus comment state"),
            ("2.5.5.2", "see § ", ""),
            ("4.3.2.1", "firmware ", "-rc1"),
        ]
        for (value, before, after) in cases {
            guard case .reject = v.validate(candidate(value, before, after)) else { return XCTFail("\(before)\(value)\(after)") }
        }
    }

    func testVersionFilesRuleItOut() {
        for path in ["Documentation/RelNotes/2.20.1.txt", "CHANGELOG.md", "NEWS", "src/parser.c,v", "yarn.lock", "package-lock.json", "requirements.txt"] {
            guard case .reject = v.validate(candidate("2.20.1.155", "* ", "", path: path)) else { return XCTFail(path) }
        }
        // A port says address even in a changelog.
        XCTAssertEqual(v.validate(candidate("81.2.69.160", "fixed bind to ", ":8080", path: "CHANGELOG.md")), .accept)
    }

    func testEvidenceMakesAnAddress() {
        let cases: [(String, String, String)] = [
            ("81.2.69.160", "Received: from mx.provider.net ([", "])"),
            ("81.2.69.160", "CLIENT_IP = \"", "\""),
            ("81.2.69.160", "remoteAddr: ", ""),
            ("81.2.69.160", "", " - - [27/Apr/2023:16:20:07 +0000]"),
            ("81.2.69.160", "cidr_blocks = [\"", "/32\"]"),
            ("81.2.69.160", "curl http://", "/healthz"),
            ("81.2.69.160", "Blocked ", " after repeated failed logins."),
        ]
        for (value, before, after) in cases {
            XCTAssertEqual(v.validate(candidate(value, before, after)), .accept, "\(before)\(value)\(after)")
        }
    }

    func testNoEvidenceIsLowConfidence() {
        guard case .lower(.low, _) = v.validate(candidate("5.6.7.9", "value ", " in the list")) else { return XCTFail() }
        // Parts all two or three digits long: a shape versions never take.
        XCTAssertEqual(v.validate(candidate("48.46.195.239", "", "")), .accept)
    }

    func testWordsSplitAtCamelCaseAndPunctuation() {
        XCTAssertEqual(IPv4Evidence.words("remoteAddr CLIENT_IP bastion-ip"), ["remote", "addr", "client", "ip", "bastion", "ip"])
    }
}
