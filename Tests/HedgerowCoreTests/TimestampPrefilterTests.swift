import XCTest
@testable import HedgerowCore

/// `digits:N:not-timestamps` and `digits:N:numbers` skip digit clusters that are exactly an
/// ISO 8601 timestamp (`numbers` also caption timings, and counts only digits with no letter
/// between them).
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

    /// Whether `text` is one digit cluster that `shape` accepts.
    func isOneCluster(_ text: String, _ shape: (UnsafePointer<UInt8>, Prefilter.DigitCluster) -> Bool) -> Bool {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { p in
            let clusters = Prefilter.digitClusters(p.baseAddress!, from: 0, to: bytes.count, limit: bytes.count)
            return clusters.count == 1 && shape(p.baseAddress!, clusters[0])
        }
    }

    func testShapesAreRecognisedExactly() {
        func check(_ text: String) -> Bool { isOneCluster(text, Prefilter.isTimestamp) }
        XCTAssertTrue(check("at 2024-01-15T10:23:45.123+01:00 ok"))
        XCTAssertTrue(check("2024-01-15 10:23"))
        XCTAssertFalse(check("2024-01-15"), "a date alone is not a timestamp")
        XCTAssertFalse(check("2024-01-15T10:23:45 07700 900123"), "more digits in the cluster")
        XCTAssertFalse(check("2024/01/15 10:23:45"))
        XCTAssertFalse(check("0695-04-08 10:23"), "a year outside 1900-2099")
    }

    func testCaptionTimingsAreRecognisedExactly() {
        func check(_ text: String) -> Bool { isOneCluster(text, Prefilter.isCaptionTiming) }
        XCTAssertTrue(check("00:00:02.632 --> "))
        XCTAssertTrue(check(" --> 01:12:59,004\n"))
        XCTAssertTrue(check("<12:59.004>"))
        XCTAssertTrue(check("100:00:00.000"))
        XCTAssertFalse(check("3192681918:57:53.517"), "ten digits before the first colon can be a number")
        XCTAssertFalse(check("0:00:02.632"), "one hour digit")
        XCTAssertFalse(check("00:00:02.63"), "two fraction digits")
        XCTAssertFalse(check("00:00:02.6321"))
        XCTAssertFalse(check("00:00:02:632"))
        XCTAssertFalse(check("00-00:02.632"))
        XCTAssertFalse(check("07700 00:00:02.632"), "more digits in the cluster")
        XCTAssertFalse(check("1e:00:02.632"))
    }

    /// The digits of a cluster with no letter between them, the figure `digits:N:numbers` reads.
    func testPlainDigitsCountDigitsWithNoLetterBetween() {
        func plain(_ text: String) -> [Int] {
            let bytes = Array(text.utf8)
            return bytes.withUnsafeBufferPointer { p in
                Prefilter.digitClusters(p.baseAddress!, from: 0, to: bytes.count, limit: bytes.count).map(\.plainDigits)
            }
        }
        XCTAssertEqual(plain("1e7ea419-51c9-480a"), [5], "419-51")
        XCTAssertEqual(plain("call 07700 900-123 now"), [11])
        XCTAssertEqual(plain("2024-01-15T10:23:45.123Z"), [9])
        XCTAssertEqual(plain("2024-01-15 10:23:45"), [14])
        XCTAssertEqual(plain("a5ae8306d03b/0-0"), [4])
    }

    /// Rules whose prefilter is `digits:N:numbers` or `digits:N:numbers-after-capitals`.
    static func usesNumbers(_ rule: Rule) -> Bool {
        switch rule.prefilter {
        case .numbers, .numbersAfterCapitals: true
        default: false
        }
    }

    /// A caption timing; with `lookAlikes`, sometimes ten digits where the hours go, which
    /// is no timing (the prefilter must not skip it).
    private func captionTiming(_ g: inout SeededGenerator, lookAlikes: Bool = false) -> String {
        func d(_ n: Int) -> String { String((0..<n).map { _ in Character(String(Int.random(in: 0...9, using: &g))) }) }
        let hours = (lookAlikes ? [0, 2, 2, 2, 3, 10] : [0, 2, 2, 2, 3]).randomElement(using: &g)!
        return (hours > 0 ? d(hours) + ":" : "") + "\(d(2)):\(d(2))\(Bool.random(using: &g) ? "." : ",")\(d(3))"
    }

    private func guid(_ g: inout SeededGenerator) -> String {
        // Hex groups drawn mostly from digits, so many groups are all digits.
        let hex = Array("0123456789012345678901234567890123456789abcdefABCDEF")
        func h(_ n: Int) -> String { String((0..<n).map { _ in hex.randomElement(using: &g)! }) }
        return "\(h(8))-\(h(4))-\(h(4))-\(h(4))-\(h(12))" + (Bool.random(using: &g) ? "/\(Int.random(in: 0...999, using: &g))-0" : "")
    }

    /// `digits:N:numbers` also skips caption timings: no rule using it may match in one.
    func testNoNumbersRuleMatchesInsideACaptionTiming() throws {
        var g = SeededGenerator(seed: 41)
        let rules = TestRules.rules.filter(Self.usesNumbers)
        XCTAssertGreaterThanOrEqual(rules.count, 5)
        let before = ["", " ", "x ", "AB", "ab ", "[", "\"", "sort code ", "card ", "NHS ", "phone: ", "AB ", "+", "(", "#", "tel ", " --> ", "<", "\n"]
        let after = ["", " ", "Z", " -->", "]", "\"", " C", "A", "/", ",", ")", " account", "\n", ">", " align:start"]
        for var rule in rules {
            rule.prefilter = nil
            rule.validators = []
            let scanner = ScanEngine(ruleSet: try RuleSet([rule]), fingerprinter: TestRules.fingerprinter)
            for _ in 0..<3000 {
                let prefix = before.randomElement(using: &g)!, timing = captionTiming(&g)
                let text = prefix + timing + after.randomElement(using: &g)!
                let start = prefix.utf8.count, end = start + timing.utf8.count
                for f in try scanner.scan(bytes: Array(text.utf8)).findings where f.start.offset < end && f.end.offset > start {
                    XCTFail("\(rule.id) matches \(f.value.debugDescription) inside \(text.debugDescription)")
                    return
                }
            }
        }
    }

    /// A `digits:N:numbers` rule finds with its prefilter what it finds without one, on text
    /// of GUIDs (whose hex letters split their digits), caption timings, numbers, letters and
    /// separators, with no validators so that every pattern match counts.
    func testNumbersRulesFindTheSameWithTheirPrefilterAmongGUIDs() throws {
        var g = SeededGenerator(seed: 42)
        let rules = TestRules.rules.filter(Self.usesNumbers)
        XCTAssertGreaterThanOrEqual(rules.count, 5)
        let pieces = [" ", "-", "/", ":", ".", "\n", "a", "b", "AB", "QQ", "C", "x", "07700", "900", "123", "4111", "1111", "12-34-56",
                      "31926819", "9434765919", "+44", "(0)", " account ", "0-0", "12 34 56", "4", "12", "07700 900123", "4111 1111 1111 1111",
                      "943 476 5919", "12-34-56 31926819", "QQ 12 34 56 C", "+44 20 7946 0958", "1234567890123456",
                      "JG123456A", "1AB123456C", "AB 12 34 56 D", "7 JG 123456 B"]
        var found = 0
        for var rule in rules {
            rule.validators = []
            var plainRule = rule
            plainRule.prefilter = nil
            let withFilter = ScanEngine(ruleSet: try RuleSet([rule]), fingerprinter: TestRules.fingerprinter)
            let without = ScanEngine(ruleSet: try RuleSet([plainRule]), fingerprinter: TestRules.fingerprinter)
            for _ in 0..<2500 {
                let text = (0..<Int.random(in: 1...10, using: &g)).map { _ in
                    switch Int.random(in: 0..<4, using: &g) {
                    case 0: guid(&g)
                    case 1: captionTiming(&g, lookAlikes: true)
                    default: pieces.randomElement(using: &g)!
                    }
                }.joined()
                let bytes = Array(text.utf8)
                let a = try withFilter.scan(bytes: bytes).findings.map { "\($0.start.offset)-\($0.end.offset)" }
                let b = try without.scan(bytes: bytes).findings.map { "\($0.start.offset)-\($0.end.offset)" }
                XCTAssertEqual(a, b, "\(rule.id) on \(text.debugDescription)")
                found += b.count
                if a != b { break }
            }
        }
        XCTAssertGreaterThan(found, 400, "the texts hold matches")
    }

    func testNoRuleUsingTheExclusionMatchesInsideATimestamp() throws {
        var g = seededGenerator()
        let rules = TestRules.rules.filter { if case .digitsExceptTimestamps = $0.prefilter { true } else { Self.usesNumbers($0) } }
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
