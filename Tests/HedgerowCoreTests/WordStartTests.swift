import Foundation
import XCTest
@testable import HedgerowCore

/// `starts_at_word` tries a rule once per keyword hit, anchored at the start of the hit's
/// word; `keyword_lead: N` tries it at the N bytes before each hit and at the hit. That is
/// only right for patterns whose every match starts there: each such rule must find
/// exactly what it finds when searched from the start of every line. `line_requires` and
/// `after_keyword` (hits without the rule's literals around them are passed over) are
/// held to the same.
final class WordStartTests: XCTestCase {
    private func findings(_ scanner: HedgerowCore.ScanEngine, _ text: String) throws -> [String] {
        try scanner.scan(bytes: Array(text.utf8)).findings.map { "\($0.start.offset)-\($0.end.offset) \($0.value)" }
    }

    func testAnchoredRulesFindWhatALineSearchFinds() throws {
        var g = seededGenerator()
        let pieces = ["password", "db_password", "x.secret", "api-key", "API_KEY", "my.token", "credentials", "pwd", "key", "-", ".",
                      "_", " ", "=", ":", ": ", " = ", "\"", "'", "`", "=>", "|", ":=", "Yq4zpkQjCzZpckCJSLNmIEDSumITE79f", "hunter2hunter2",
                      "s3cr3tV4lue!", "(", ")", ";", ",", "{", "}", "\\", "é", "\t", "const ", "export ", "TOKEN", "passphrase",
                      "client_secret", "Bearer ", "a", "9", "\n", ": str = ", "secret-key.b64", "auth_token", "x-",
                      "mysql", "mysqldump", "MariaDB", " -p", " -p'", "-p\"", " --password=", " --password ", "--password", " is ",
                      " was ", " set to ", " `", "` ", "The password is `", "api key", "xmysql", "passwd"]
        var texts = TestRules.rules.flatMap { $0.examples + $0.negativeExamples + $0.lowConfidenceExamples }
        for _ in 0..<600 {
            texts.append((0..<Int.random(in: 1...40, using: &g)).map { _ in pieces.randomElement(using: &g)! }.joined())
        }
        // The name-word prefilter with `keyword_lead` says where a name may start (at a
        // gazetteer word): part of that rule's meaning, tested in People/.
        let anchoredRules = TestRules.rules.filter {
            ($0.startsAtWord || $0.keywordLead != nil || !$0.lineRequires.isEmpty || !$0.afterKeyword.isEmpty) && $0.prefilter != .nameWord
        }
        XCTAssertTrue(anchoredRules.contains { !$0.lineRequires.isEmpty } && anchoredRules.contains { !$0.afterKeyword.isEmpty })
        XCTAssertEqual(Set(anchoredRules.map { $0.startsAtWord }), [true, false], "both kinds are covered")
        for rule in anchoredRules {
            var plain = rule
            plain.startsAtWord = false
            plain.keywordLead = nil
            plain.lineRequires = []
            plain.afterKeyword = []
            // One scanner each per rule (compiling per text made this test minutes long).
            let anchored = HedgerowCore.ScanEngine(ruleSet: try RuleSet([rule]), fingerprinter: TestRules.fingerprinter)
            let searched = HedgerowCore.ScanEngine(ruleSet: try RuleSet([plain]), fingerprinter: TestRules.fingerprinter)
            for text in texts {
                XCTAssertEqual(try findings(anchored, text), try findings(searched, text), "\(rule.id) on \(text.debugDescription)")
            }
        }
    }
}
