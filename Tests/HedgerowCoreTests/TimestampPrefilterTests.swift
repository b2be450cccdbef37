import XCTest
@testable import HedgerowCore

/// `digits:N:not-timestamps` skips digit clusters that are exactly an ISO 8601 timestamp.
/// That is only sound for rules that can never match inside one: each such rule is run
/// with no prefilter and no validators over thousands of timestamps in many contexts.
final class TimestampPrefilterTests: XCTestCase {
    private func timestamp(_ g: inout SeededGenerator) -> String {
        func d(_ n: Int) -> String { String((0..<n).map { _ in Character(String(Int.random(in: 0...9, using: &g))) }) }
        var t = "\(Bool.random(using: &g) ? "19" : "20")\(d(2))-\(d(2))-\(d(2))\(Bool.random(using: &g) ? "T" : " ")\(d(2)):\(d(2))"
        if Bool.random(using: &g) { t += ":\(d(2))" }
        if Bool.random(using: &g) { t += ".\(d(Int.random(in: 1...9, using: &g)))" }
        switch Int.random(in: 0..<4, using: &g) {
        case 0: t += "\(Bool.random(using: &g) ? "+" : "-")\(d(2)):\(d(2))"
        case 1: t += "+\(d(4))"
        case 2: t += "-\(d(2))"
        default: break
        }
        return t
    }

    func testShapesAreRecognisedExactly() {
        func check(_ text: String) -> Bool {
            let bytes = Array(text.utf8)
            return bytes.withUnsafeBufferPointer { p in
                let clusters = Prefilter.digitClusters(p.baseAddress!, from: 0, to: bytes.count, limit: bytes.count)
                return clusters.count == 1 && Prefilter.isTimestamp(p.baseAddress!, clusters[0])
            }
        }
        XCTAssertTrue(check("at 2024-01-15T10:23:45.123+01:00 ok"))
        XCTAssertTrue(check("2024-01-15 10:23"))
        XCTAssertFalse(check("2024-01-15"), "a date alone is not a timestamp")
        XCTAssertFalse(check("2024-01-15T10:23:45 07700 900123"), "more digits in the cluster")
        XCTAssertFalse(check("2024/01/15 10:23:45"))
        XCTAssertFalse(check("0695-04-08 10:23"), "a year outside 1900-2099")
    }

    func testNoRuleUsingTheExclusionMatchesInsideATimestamp() throws {
        var g = seededGenerator()
        let rules = TestRules.rules.filter { if case .digitsExceptTimestamps = $0.prefilter { true } else { false } }
        XCTAssertGreaterThanOrEqual(rules.count, 5)
        let before = ["", " ", "x ", "AB", "ab ", "ts=", "[", "\"", "sort code ", "card ", "NHS ", "phone: ", "AB ", "+", "(", "#", "tel "]
        let after = ["", " ", "Z", " INFO", "]", "\"", " C", "A", "/", ",", ")", " account", "\n"]
        for var rule in rules {
            rule.prefilter = nil
            rule.validators = []
            let set = try RuleSet([rule])
            let scanner = ScanEngine(ruleSet: set, fingerprinter: TestRules.fingerprinter)
            for _ in 0..<3000 {
                let prefix = before.randomElement(using: &g)!, stamp = timestamp(&g)
                let text = prefix + stamp + after.randomElement(using: &g)!
                let found = try scanner.scan(bytes: Array(text.utf8)).findings
                let start = prefix.utf8.count, end = start + stamp.utf8.count
                for f in found where f.start.offset < end && f.end.offset > start {
                    XCTFail("\(rule.id) matches \(f.value.debugDescription) inside \(text.debugDescription)")
                    return
                }
            }
        }
    }
}
