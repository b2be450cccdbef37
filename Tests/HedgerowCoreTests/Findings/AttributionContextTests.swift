import XCTest
@testable import HedgerowCore

/// Each kind of published attribution, scanned as the file it sits in; and the data files
/// whose people are third parties, which never are.
final class AttributionContextTests: XCTestCase {
    /// Made-up person; the address is assembled so no whole address sits in this source.
    let person = "Lowri Prosser <lowri.prosser" + "@" + "gmail.com>"

    func contexts(_ text: String, path: String) -> [(Category, FindingContext?)] {
        let findings = try! TestRules.scanner().scan(bytes: Array(text.utf8), origin: Origin(path: path)).findings
        return findings.filter { $0.category == .email || $0.category == .name }.map { ($0.category, $0.context) }
    }

    func assertAttribution(_ text: String, path: String, file: StaticString = #filePath, line: UInt = #line) {
        let found = contexts(text, path: path)
        XCTAssertTrue(found.contains { $0.0 == .email }, "no email found in \(path)", file: file, line: line)
        for (category, context) in found {
            XCTAssertEqual(context, .attribution, "\(category) in \(path)", file: file, line: line)
        }
    }

    func testMailmap() { assertAttribution("\(person) <old.lowri" + "@" + "gmail.com>\n", path: "repo/.mailmap") }
    func testAuthors() { assertAttribution("\(person)\n", path: "repo/AUTHORS") }
    func testContributors() { assertAttribution("* \(person)\n", path: "CONTRIBUTORS.md") }
    func testCredits() { assertAttribution("\(person)\n", path: "docs/CREDITS.txt") }
    func testThanks() { assertAttribution("\(person)\n", path: "THANKS") }
    func testCopyrightLine() { assertAttribution("# Copyright (c) 2019 \(person)\nx = 1\n", path: "src/tool.py") }
    func testSPDXLine() { assertAttribution("// SPDX-FileCopyrightText: 2021 \(person)\n", path: "src/lib.rs") }
    func testSignedOffBy() { assertAttribution("Fix the parser\n\nSigned-off-by: \(person)\n", path: "0001-fix.patch") }
    func testCoAuthoredBy() { assertAttribution("Co-authored-by: \(person)\n", path: "COMMIT_EDITMSG") }
    func testReviewedBy() { assertAttribution("+Reviewed-by: \(person)\n", path: "changes.diff") }
    func testAckedBy() { assertAttribution("    Acked-by: \(person)\n", path: "notes.txt") }
    func testPoHeader() { assertAttribution("msgid \"\"\nmsgstr \"\"\n\"Last-Translator: \(person)\\n\"\n", path: "po/cy.po") }
    func testPotHeader() { assertAttribution("# FIRST AUTHOR \(person), 2024.\n", path: "po/messages.pot") }
    func testPackageJSON() { assertAttribution("{\n  \"author\": \"\(person)\",\n  \"version\": \"1.0.0\"\n}\n", path: "package.json") }
    func testPyproject() { assertAttribution("authors = [{ name = \"Lowri Prosser\", email = \"lowri.prosser" + "@" + "gmail.com\" }]\n", path: "pyproject.toml") }
    func testSetupPy() { assertAttribution("setup(name='x', author_email='lowri.prosser" + "@" + "gmail.com')\n", path: "setup.py") }
    func testCargoToml() { assertAttribution("authors = [\"\(person)\"]\n", path: "crates/x/Cargo.toml") }
    func testGemspec() { assertAttribution("  s.email = ['lowri.prosser" + "@" + "gmail.com']\n", path: "x.gemspec") }
    func testPodspec() { assertAttribution("  s.author = { 'Lowri Prosser' => 'lowri.prosser" + "@" + "gmail.com' }\n", path: "X.podspec") }
    func testOpeningCreditBlock() {
        assertAttribution("#!/usr/bin/env python\n# Tools for parsing.\n#\n# Written by:\n#   \(person)\n\nimport os\n", path: "tool.py")
    }

    func testThirdPartyDataIsNeverAttribution() {
        for path in ["archive.mbox", "inbox/1.eml", "export.csv", "dump.sql", "test/fixtures/users.json", "app.log"] {
            let found = contexts("From: \(person)\nSigned-off-by: \(person)\n", path: path)
            XCTAssertFalse(found.isEmpty, path)
            XCTAssertTrue(found.allSatisfy { $0.1 == nil }, path)
        }
    }

    func testCodeAfterTheCreditBlockIsNotAttribution() {
        let text = "# Copyright 2020 The Authors\nimport os\ncontact = \"lowri.prosser" + "@" + "gmail.com\"\n"
        XCTAssertEqual(contexts(text, path: "app.py").map(\.1), [nil])
    }

    func testOrganisationalMailboxesAreLowAndMarked() {
        for local in ["git", "security", "help", "python-dev"] {
            let domain = local == "git" ? "vger.kernel.org" : "thistle.co.uk"
            let findings = TestRules.findings("write to \(local)" + "@" + "\(domain) today\n")
            XCTAssertEqual(findings.first?.confidence, .low, local)
            XCTAssertEqual(findings.first?.context, .organisational, local)
            XCTAssertEqual(findings.first?.hint, FindingContext.organisational.hint, local)
        }
    }

    func testThirdPartyDataRanksFirstAndAttributionLast() {
        XCTAssertTrue(AttributionContext.isThirdPartyData(path: "x/inbox.mbox"))
        XCTAssertFalse(AttributionContext.isThirdPartyData(path: "AUTHORS"))
    }

    func testCreditsInCodeComments() {
        assertAttribution("# Patch by Lowri Prosser, lowri.prosser" + "@" + "gmail.com\nx = 1\n", path: "lib/tool.py")
    }

    func testMailHeadersAndNotesAreNotCredits() {
        let received = "Received: from mx.thistle.net by relay.thistle.net for <lowri.prosser" + "@" + "gmail.com>\n"
        XCTAssertTrue(contexts(received, path: "tests/data/msg_25.txt").allSatisfy { $0.1 == nil })
        let note = "Called by Lowri Prosser about her claim, lowri.prosser" + "@" + "gmail.com\n"
        XCTAssertTrue(contexts(note, path: "research/notes.md").allSatisfy { $0.1 == nil })
    }

    func testMailingListHeadersAreOrganisational() {
        let findings = TestRules.findings("X-BeenThere: linuxusers" + "@" + "www.thistle.org.uk\n")
        XCTAssertEqual(findings.first?.context, .organisational)
        XCTAssertEqual(findings.first?.confidence, .low)
    }

    func testOrganisationsPostalAddressesAreOrganisational() {
        let findings = TestRules.findings("Thistle Ltd, PO Box 31, Mill Road, Warwick CV34 5JL\n")
        XCTAssertEqual(findings.filter { $0.category == .postcode }.first?.context, .organisational)
        XCTAssertEqual(findings.filter { $0.category == .postcode }.first?.confidence, .low)
    }
}
