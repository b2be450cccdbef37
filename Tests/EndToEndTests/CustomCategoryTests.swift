import Foundation
import XCTest

/// A department's own kinds of data: a rule file declares a category with its class, and
/// the name travels through JSON, SARIF and incident records unchanged.
final class CustomCategoryTests: XCTestCase {
    static let ruleFile = """
        categories:
          - name: case_reference
            class: personal-data
            description: A case reference number that identifies a citizen's case.
        rules:
          - id: team.case-ref
            name: Case reference
            category: case_reference
            class: personal-data
            pattern: '\\bCASE-[0-9]{6}\\b'
            keywords: ['CASE-']
            max_length: 11
            examples: ['ref CASE-123456 open', 'CASE-654321', 'see CASE-111222.']
            negative_examples: ['CASE-12', 'XCASE-123456', 'case 123456']
        """

    func testDeclaredCategoryInJSONSARIFAndARecord() throws {
        let dir = try Scratch()
        try dir.write("team-rules.yml", Self.ruleFile)
        try dir.write("notes.txt", "ticket CASE-123456 for the applicant\n")
        let rules = dir.url.appendingPathComponent("team-rules.yml").path
        XCTAssertEqual(try CLI.run(["rules", "check", rules]).status, 0)
        let json = try CLI.run(["scan", "notes.txt", "--rules", rules, "--format", "json"], in: dir.url)
        XCTAssertEqual(json.status, 1, json.stderr)
        let doc = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let findings = try XCTUnwrap(doc["findings"] as? [[String: Any]])
        XCTAssertEqual(findings.first { $0["rule"] as? String == "team.case-ref" }?["category"] as? String, "case_reference")
        let sarif = try CLI.run(["scan", "notes.txt", "--rules", rules, "--format", "sarif"], in: dir.url)
        XCTAssertTrue(sarif.stdout.contains("case_reference"), sarif.stdout)
        let records = dir.url.appendingPathComponent("records")
        let exposed = try CLI.run(["scan", "notes.txt", "--rules", rules, "--exposed", "--incident-dir", records.path], in: dir.url)
        XCTAssertEqual(exposed.status, 1, exposed.stderr)
        let pages = try FileManager.default.contentsOfDirectory(atPath: records.path).filter { $0.hasSuffix(".md") }
            .map { try String(contentsOf: records.appendingPathComponent($0), encoding: .utf8) }
        XCTAssertTrue(pages.contains { $0.contains("DE (data exposure)") && $0.contains("case_reference") }, pages.joined())
    }

    func testADeclaredCategoryMustMatchItsRulesClassAndNotShadowABuiltIn() throws {
        let dir = try Scratch()
        try dir.write("wrong-class.yml", Self.ruleFile.replacingOccurrences(of: "    class: personal-data\n    pattern", with: "    class: secret\n    pattern"))
        let wrong = try CLI.run(["rules", "check", dir.url.appendingPathComponent("wrong-class.yml").path])
        XCTAssertEqual(wrong.status, 2, wrong.stdout + wrong.stderr)
        XCTAssertTrue(wrong.stderr.contains("declared personal-data"), wrong.stderr)
        try dir.write("builtin.yml", Self.ruleFile.replacingOccurrences(of: "- name: case_reference", with: "- name: email"))
        let shadow = try CLI.run(["rules", "check", dir.url.appendingPathComponent("builtin.yml").path])
        XCTAssertEqual(shadow.status, 2)
        XCTAssertTrue(shadow.stderr.contains("built in"), shadow.stderr)
        try dir.write("undeclared.yml", Self.ruleFile.replacingOccurrences(of: "categories:\n  - name: case_reference\n    class: personal-data\n    description: A case reference number that identifies a citizen's case.\n", with: ""))
        XCTAssertEqual(try CLI.run(["rules", "check", dir.url.appendingPathComponent("undeclared.yml").path]).status, 2)
    }
}
