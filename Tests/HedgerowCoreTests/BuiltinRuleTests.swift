import XCTest
import HedgerowCore
import HedgerowRules

/// The rules are data that test themselves: every example found, every negative not,
/// and the same examples still found when moved, re-encoded or split across buffers.
final class BuiltinRuleTests: XCTestCase {
    func testEveryBuiltinRuleFileIsEmbedded() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Rules")
        let onDisk = FileManager.default.enumerator(atPath: root.path)!.compactMap { $0 as? String }.filter { $0.hasSuffix(".yml") }.sorted()
        XCTAssertEqual(BuiltinRuleFiles.all.map(\.path), onDisk)
        XCTAssertFalse(onDisk.isEmpty)
    }

    func testRuleCheckPasses() {
        let failures = RuleChecker.check(TestRules.rules)
        XCTAssertEqual(failures.map(\.description), [])
    }

    func testEverySixCoreCategoryHasARule() {
        let categories = Set(TestRules.rules.map(\.category))
        for needed: HedgerowCore.Category in [.email, .phone, .ip, .connectionString, .apiKey, .privateKey, .postcode, .password] {
            XCTAssertTrue(categories.contains(needed), "no rule for \(needed)")
        }
    }

    /// Each mutation must still find the example with the same rule and the same value.
    func testExamplesSurviveMutations() throws {
        let mutations: [(String, (String) -> String, Int)] = [
            ("multi-byte UTF-8 prefix", { "café 😀 “quoted” → " + $0 }, 1 << 20),
            ("CRLF line endings", { "first line\r\n" + $0.replacingOccurrences(of: "\n", with: "\r\n") + "\r\nlast\r\n" }, 1 << 20),
            ("added line in a diff", { "@@ -1,0 +1,1 @@\n+" + $0.replacingOccurrences(of: "\n", with: "\n+") + "\n" }, 1 << 20),
            ("split at every byte", { String(repeating: "filler text; ", count: 40) + $0 + "\n" }, 1),
            ("split every 97 bytes", { String(repeating: "filler text; ", count: 40) + $0 + "\n" }, 97),
        ]
        for rule in TestRules.rules {
            let single = try RuleSet([rule])
            for example in rule.examples {
                let expected = try TestRules.scanner(ruleSet: single).scan(bytes: Array(example.utf8)).findings.map(\.value)
                for (name, mutate, chunk) in mutations {
                    // A diff prefixes every line with +, which changes multi-line values by design.
                    if name == "added line in a diff" && rule.multiline { continue }
                    let text = mutate(example)
                    let got = try TestRules.scanner(chunkSize: chunk, ruleSet: single).scan(bytes: Array(text.utf8)).findings.map(\.value)
                    let expectValues = name == "CRLF line endings" ? expected.map { $0.replacingOccurrences(of: "\n", with: "\r\n") } : expected
                    XCTAssertEqual(got, expectValues, "\(rule.id) example lost with \(name)")
                }
            }
        }
    }
}
