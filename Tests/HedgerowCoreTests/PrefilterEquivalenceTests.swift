import XCTest
@testable import HedgerowCore

/// Every prefilter is only a shortcut: a rule finds the same with it as when run over
/// every position, on random text built from the pieces its matches and near-misses are
/// made of (digits and separators, capitals, colons and hex, times, base64 runs, lines).
final class PrefilterEquivalenceTests: XCTestCase {
    func testPrefilteredRulesFindWhatAFullRunFinds() throws {
        var g = SeededGenerator(seed: 11)
        let pieces = ["0", "7", "07700", "900", "123", "4111", "1111", "GB", "82", "WEST", "1234", "5698", " ", "-", ".", ":", "::",
                      "2001", "db8", "fe80", "1", "a", "ff", ":1", "12:34:56", "2024-01-15T10:23:45Z", "10.0.0.1", "192.168.",
                      "SW1A", "1AA", "M1", "6SZ", "AB", "CD", "QQ", "\n", "=", "key: ", "dGVzdHZhbHVl", "c2VjcmV0", "+/", "==",
                      "'", "\"", "\t", "x", "NHS ", "tel ", "sort code ", "(", ")", "+44", "Z", "é", "9434765919", "12-34-56", "31926819",
                      "2001:db8::1", "fe80::", ":ffff:", "a:b:c:d", "QQ123456C", "JG 12 34 56 A", "GB82WEST", " 1234"]
        let rules = TestRules.rules.filter { $0.prefilter != nil && $0.decode == nil }
        XCTAssertGreaterThanOrEqual(rules.count, 8)
        var foundPerRule: [String: Int] = [:]
        for rule in rules {
            // Validators stay: a prefilter may pass over pattern matches no validator accepts
            // (the IPv6 one over ":ffff:", which is no address).
            var plain = rule
            plain.prefilter = nil
            let withFilter = Scanner(ruleSet: try RuleSet([rule]), fingerprinter: TestRules.fingerprinter)
            let without = Scanner(ruleSet: try RuleSet([plain]), fingerprinter: TestRules.fingerprinter)
            var texts = rule.examples + rule.negativeExamples + rule.lowConfidenceExamples
            for _ in 0..<2500 { texts.append((0..<Int.random(in: 1...24, using: &g)).map { _ in pieces.randomElement(using: &g)! }.joined()) }
            for text in texts {
                let bytes = Array(text.utf8)
                let a = try withFilter.scan(bytes: bytes).findings.map { "\($0.start.offset)-\($0.end.offset)" }
                let b = try without.scan(bytes: bytes).findings.map { "\($0.start.offset)-\($0.end.offset)" }
                XCTAssertEqual(a, b, "\(rule.id) on \(text.debugDescription)")
                foundPerRule[rule.id, default: 0] += b.count
                if a != b { break }
            }
        }
        // The random texts hold real findings for the rules, beyond their own examples.
        XCTAssertGreaterThanOrEqual(foundPerRule.values.filter { $0 >= 10 }.count, 6, "\(foundPerRule)")
    }
}
