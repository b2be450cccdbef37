import XCTest
import HedgerowCore

final class RuleLoaderTests: XCTestCase {
    func testUnknownKeyIsAnErrorWithItsLine() {
        let yaml = """
        rules:
          - id: x.one
            name: One
            category: email
            class: personal-data
            pattern: 'a'
            keywrods: ['a']
        """
        XCTAssertThrowsError(try RuleLoader.load(yaml: yaml, file: "r.yml")) { error in
            XCTAssertEqual((error as? YAMLProblem)?.line, 7)
            XCTAssertTrue("\(error)".contains("unknown key 'keywrods'"))
        }
    }

    func testSpeedKeysAreCheckedWhereTheyCannotHold() {
        func load(_ extra: String) -> String? {
            let yaml = "rules:\n  - id: x\n    name: X\n    category: password\n    class: secret\n    pattern: 'a'\n" + extra
            do { _ = try RuleLoader.load(yaml: yaml, file: "r.yml"); return nil } catch { return "\(error)" }
        }
        XCTAssertNil(load("    keywords: ['a']\n    starts_at_word: true\n"))
        XCTAssertTrue(load("    starts_at_word: true\n")?.contains("starts_at_word needs keywords") == true)
        XCTAssertTrue(load("    keywords: ['a']\n    multiline: true\n    starts_at_word: true\n")?.contains("single-line") == true)
        XCTAssertNil(load("    prefilter: 'digits:9:not-timestamps'\n"))
        XCTAssertTrue(load("    prefilter: 'digits:9:sometimes'\n")?.contains("prefilter must be") == true)
        XCTAssertNil(load("    keywords: ['a']\n    line_requires: ['`', '-P']\n"))
        XCTAssertTrue(load("    line_requires: ['`']\n")?.contains("line_requires needs keywords") == true)
        XCTAssertTrue(load("    keywords: ['a']\n    line_requires: ['']\n")?.contains("non-empty ASCII") == true)
        // A multi-line rule may have after_keyword (the private-key rule's END marker), not without keywords.
        XCTAssertNil(load("    keywords: ['a']\n    multiline: true\n    after_keyword: ['=']\n"))
        XCTAssertTrue(load("    multiline: true\n    after_keyword: ['=']\n")?.contains("after_keyword needs keywords") == true)
    }

    /// `rules check` messages for a password rule on "token"/"secret" with one speed key.
    private func ruleCheckMessages(pattern: String, key: String, examples: String) throws -> [String] {
        let yaml = """
        rules:
          - id: x.speed
            name: Speed key
            category: password
            class: secret
            pattern: '\(pattern)'
            keywords: ['token', 'secret']
            \(key)
            examples: \(examples)
            negative_examples: ['token', 'secret:', 'nothing']
        """
        return RuleChecker.check(try RuleLoader.load(yaml: yaml, file: "r.yml")).map(\.message)
    }

    func testRuleCheckFailsALineRequirementSomeMatchLacks() throws {
        func failures(_ literals: String) throws -> [String] {
            try ruleCheckMessages(pattern: "(?i)(?:token|secret)[ =]+(?<value>`?[a-z0-9]{6,})", key: "line_requires: \(literals)",
                                  examples: "['token `abc123', 'SECRET=`xyz789', 'token = `qwerty1']")
        }
        XCTAssertEqual(try failures("['`']"), [])
        let wrong = try failures("['-p']")
        XCTAssertTrue(wrong.contains { $0.contains("example not found") })
        XCTAssertTrue(wrong.contains { $0.contains("a match holds none of line_requires") })
    }

    func testRuleCheckFailsAnAfterKeywordLiteralSomeMatchLacks() throws {
        func failures(_ literals: String) throws -> [String] {
            try ruleCheckMessages(pattern: "(?i)(?:token|secret)[ \\t]*[:=]?[ \\t]*(?<value>[a-z0-9]{6,})", key: "after_keyword: \(literals)",
                                  examples: "['token = abc123', 'SECRET: xyz789', 'token=qwerty1']")
        }
        XCTAssertEqual(try failures("[':', '=']"), [])
        // "SECRET: xyz789" has a colon after its keyword, not an equals sign.
        let wrong = try failures("['=']")
        XCTAssertTrue(wrong.contains { $0.contains("no after_keyword literal") }, "\(wrong)")
    }

    func testUnknownCategoryAndMissingPatternAreErrors() {
        let bad = "rules:\n  - id: x\n    name: X\n    category: shoe_size\n    class: secret\n    pattern: a\n"
        XCTAssertThrowsError(try RuleLoader.load(yaml: bad, file: "r.yml"))
        let missing = "rules:\n  - id: x\n    name: X\n    category: email\n    class: secret\n"
        XCTAssertThrowsError(try RuleLoader.load(yaml: missing, file: "r.yml")) { error in
            XCTAssertTrue("\(error)".contains("pattern"))
        }
    }

    func testBrokenPatternAndUnknownValidatorAreReportedPerRule() throws {
        let yaml = """
        rules:
          - id: x.broken
            name: Broken
            category: email
            class: personal-data
            pattern: '(unclosed'
          - id: x.validator
            name: Validator
            category: email
            class: personal-data
            pattern: 'a'
            validators: [no-such-check]
        """
        let rules = try RuleLoader.load(yaml: yaml, file: "r.yml")
        XCTAssertThrowsError(try RuleSet(rules)) { error in
            let problems = (error as? RuleSetProblems)?.problems ?? []
            XCTAssertEqual(problems.map(\.ruleID), ["x.broken", "x.validator"])
            XCTAssertTrue(problems[0].message.contains("does not compile"))
            XCTAssertTrue(problems[1].message.contains("unknown validator"))
        }
    }

    func testRuleCheckReportsMissedExamplesAndFoundNegatives() throws {
        let yaml = """
        rules:
          - id: x.words
            name: Words
            category: password
            class: secret
            pattern: 'secret-[0-9]+'
            keywords: ['secret-']
            examples: ['secret-1', 'secret-2', 'nothing here']
            negative_examples: ['secret-3', 'a', 'b']
        """
        let failures = RuleChecker.check(try RuleLoader.load(yaml: yaml, file: "r.yml"))
        XCTAssertEqual(failures.count, 2)
        XCTAssertTrue(failures[0].message.contains("example not found: #3"))
        XCTAssertTrue(failures[1].message.contains("negative example found"))
        XCTAssertFalse(failures.map(\.description).joined().contains("secret-3"), "rule check must not quote values")
    }
}
