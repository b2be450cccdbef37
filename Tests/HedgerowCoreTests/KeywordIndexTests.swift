import XCTest
@testable import HedgerowCore

/// The keyword pass filters on three-byte codes and finds one-byte keywords separately;
/// whatever it skips, it must report exactly the keyword starts a naive search finds.
final class KeywordIndexTests: XCTestCase {
    /// Every start of every keyword, case-insensitively, per rule, sorted.
    private func naive(_ rules: [Rule], _ text: [UInt8], from: Int, to: Int, limit: Int) -> [[Int]] {
        let lowered = text.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
        return rules.map { rule in
            var found = Set<Int>()
            for keyword in rule.keywords {
                let k = Array(keyword.lowercased().utf8)
                for i in from..<to where i + k.count <= limit && Array(lowered[i..<(i + k.count)]) == k { found.insert(i) }
            }
            return found.sorted()
        }
    }

    func testFindsWhatANaiveSearchFinds() {
        var generator = seededGenerator()
        var rules = Array(TestRules.rules.prefix(6))
        // The built-in keywords plus one-byte, two-byte and shared-prefix ones, mixed per rule.
        rules[0].keywords = ["@", "pass", "password", "+"]
        rules[1].keywords = ["sk", "-p", "%2", "\\x"]
        rules[2].keywords = ["secret", "se", "SECRET_ACCESS_KEY"]
        rules[3].keywords = ["key", "k"]
        // A keyword anchored deep inside ("he_" of "ingthe_x") with a short one that starts
        // inside it: their starts are seen out of order.
        rules[4].keywords = ["://", "jdbc:", "token>", "ingthe_x", "gt"]
        XCTAssertGreaterThan(Anchors.offset(in: Array("ingthe_x".utf8)), 2, "the test needs a keyword anchored past its start")
        rules[5].keywords = TestRules.rules.flatMap(\.keywords)
        let index = KeywordIndex(rules: rules)
        let pieces = ["pass", "PassWord", "@", "+", "sK", "-p", "%2", "\\x", "se", "secret", "Secret_Access_Key", "key", "K",
                      "://", "JDBC:", "token>", "ingthe_x", "InGtHe_X", "gt", "x", " ", "\n", "é", "\u{0}", "s", "e", "ke"] + TestRules.rules.flatMap(\.keywords)
        for round in 0..<120 {
            var text: [UInt8] = []
            for _ in 0..<Int.random(in: 0...90, using: &generator) {
                text += Array(pieces.randomElement(using: &generator)!.utf8)
            }
            let limit = text.count
            let from = limit == 0 ? 0 : Int.random(in: 0...limit, using: &generator)
            let to = Int.random(in: from...limit, using: &generator)
            var hits = Array(repeating: [Int](), count: rules.count)
            text.withUnsafeBytes { index.search($0, from: from, to: to, limit: limit, into: &hits) }
            XCTAssertEqual(hits, naive(rules, text, from: from, to: to, limit: limit),
                           "round \(round): \(String(decoding: text, as: UTF8.self).debugDescription) from \(from) to \(to)")
        }
    }
}
