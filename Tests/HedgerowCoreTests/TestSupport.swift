import HedgerowCore
import HedgerowKit

/// The built-in rules compiled once for all tests, exactly as the binary loads them.
enum TestRules {
    static let rules: [Rule] = try! BuiltinRules.load()
    static let ruleSet: RuleSet = try! RuleSet(rules)
    static let fingerprinter = Fingerprinter(key: Array("test-key".utf8))

    static func scanner(chunkSize: Int = 1 << 20, ruleSet: RuleSet = ruleSet) -> Scanner {
        Scanner(ruleSet: ruleSet, fingerprinter: fingerprinter, chunkSize: chunkSize)
    }

    static func findings(_ text: String, chunkSize: Int = 1 << 20) -> [Finding] {
        try! scanner(chunkSize: chunkSize).scan(bytes: Array(text.utf8)).findings
    }
}

extension Candidate {
    static func of(_ value: String, before: String = "", after: String = "") -> Candidate {
        Candidate(value: value, before: before, after: after)
    }
}
