import XCTest
@testable import HedgerowCore

/// Every prefilter is only a shortcut: a rule finds the same with it as when run over
/// every position, on random text built from the pieces its matches and near-misses are
/// made of (digits and separators, capitals, colons and hex, times, base64 runs, lines).
final class PrefilterEquivalenceTests: XCTestCase {
    func testPrefilteredRulesFindWhatAFullRunFinds() throws {
        let pieces = ["0", "7", "07700", "900", "123", "4111", "1111", "GB", "82", "WEST", "1234", "5698", " ", "-", ".", ":", "::",
                      "2001", "db8", "fe80", "1", "a", "ff", ":1", "12:34:56", "2024-01-15T10:23:45Z", "10.0.0.1", "192.168.",
                      "SW1A", "1AA", "M1", "6SZ", "AB", "CD", "QQ", "\n", "=", "key: ", "dGVzdHZhbHVl", "c2VjcmV0", "+/", "==",
                      "'", "\"", "\t", "x", "NHS ", "tel ", "sort code ", "(", ")", "+44", "Z", "é", "9434765919", "12-34-56", "31926819",
                      "2001:db8::1", "fe80::", ":ffff:", "a:b:c:d", "QQ123456C", "JG 12 34 56 A", "GB82WEST", " 1234"]
        // The name-word prefilter is part of its rule's meaning, not a shortcut: with
        // `keyword_lead` it says where a name may start (at a gazetteer word, so "Ask" in
        // "Ask Gregory" is not taken in). Its own tests are in People/.
        let rules = TestRules.rules.filter { $0.prefilter != nil && $0.decode == nil && $0.prefilter != .nameWord }
        XCTAssertGreaterThanOrEqual(rules.count, 8)
        var foundPerRule: [String: Int] = [:]
        for rule in rules {
            // Each rule draws from its own seed, so a rule added to the set leaves the
            // others' texts as they were.
            var g = SeededGenerator(seed: 11 &+ rule.id.utf8.reduce(0) { $0 &* 31 &+ UInt64($1) })
            // Validators stay: a prefilter may pass over pattern matches no validator accepts
            // (the IPv6 one over ":ffff:", which is no address).
            var plain = rule
            plain.prefilter = nil
            let withFilter = ScanEngine(ruleSet: try RuleSet([rule]), fingerprinter: TestRules.fingerprinter)
            let without = ScanEngine(ruleSet: try RuleSet([plain]), fingerprinter: TestRules.fingerprinter)
            var texts = rule.examples + rule.negativeExamples + rule.lowConfidenceExamples
            for _ in 0..<4000 { texts.append((0..<Int.random(in: 1...24, using: &g)).map { _ in pieces.randomElement(using: &g)! }.joined()) }
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

    /// The base64 decoder's prefilter (a line ending in a base64 run) with the whole rule
    /// set, as a decoder only reports what the other rules find in what it decodes.
    func testDecoderPrefilterFindsWhatAFullRunFinds() throws {
        var g = SeededGenerator(seed: 12)
        let encoded = ["U0VDUkVUPWh1bnRlcjJodW50ZXIy", "SGFyYm91cjQ5KkxhbnRlcm4=", "cG9zdGdyZXM6Ly91OnA0c3N3MHJkQGRiLmV4YW1wbGUudWs=",
                       "dGVzdHZhbHVl", "c2VjcmV0", "AKIAIOSFODNN7EXAMPL3", "abcdefghijkl", "0123456789+/"]
        let pieces = ["db-password: ", "TOKEN=", "  key: \"", "export X=", "- ", "x = ", "\"", "'", "=", "==", " ", "\t", "\r", "\n",
                      "word", "é", ":"] + encoded
        let rules = TestRules.rules
        let index = try XCTUnwrap(rules.firstIndex { $0.prefilter == .base64LineEnd })
        var plainRules = rules
        plainRules[index].prefilter = nil
        let withFilter = ScanEngine(ruleSet: try RuleSet(rules), fingerprinter: TestRules.fingerprinter)
        let without = ScanEngine(ruleSet: try RuleSet(plainRules), fingerprinter: TestRules.fingerprinter)
        var decoded = 0
        for _ in 0..<4000 {
            let text = (0..<Int.random(in: 1...12, using: &g)).map { _ in pieces.randomElement(using: &g)! }.joined()
            let a = try withFilter.scan(bytes: Array(text.utf8)).findings.map { "\($0.start.offset) \($0.ruleID) \($0.decodedFrom.map { "\($0)" } ?? "")" }
            let b = try without.scan(bytes: Array(text.utf8)).findings.map { "\($0.start.offset) \($0.ruleID) \($0.decodedFrom.map { "\($0)" } ?? "")" }
            XCTAssertEqual(a, b, text.debugDescription)
            decoded += b.filter { $0.hasSuffix("base64") }.count
        }
        XCTAssertGreaterThan(decoded, 20, "the random lines hold base64 values the decoder reports")
    }

    /// The line-end check against its definition, on lines ending in runs of every length.
    func testBase64RunEndMatchesItsDefinition() {
        var g = SeededGenerator(seed: 13)
        func naive(_ line: [UInt8]) -> Int? {
            var k = line.count - 1
            if k >= 0 && line[k] == 0x0D { k -= 1 }
            while k >= 0 && (line[k] == 0x20 || line[k] == 0x09) { k -= 1 }
            if k >= 0 && (line[k] == 0x22 || line[k] == 0x27) { k -= 1 }
            var equals = 0
            while k >= 0 && line[k] == 0x3D && equals < 2 { k -= 1; equals += 1 }
            let end = k
            let isBase64: (UInt8) -> Bool = { ($0 | 0x20) &- 0x61 < 26 || $0 &- 0x30 < 10 || $0 == 0x2B || $0 == 0x2F }
            var start = end
            while start >= 0 && isBase64(line[start]) { start -= 1 }
            let run = line[(start + 1)..<(end + 1)]
            return run.count >= 12 && run.contains { $0 &- 0x30 < 10 || $0 == 0x2B || $0 == 0x2F } ? end : nil
        }
        for _ in 0..<20000 {
            let head = Array("key: ".utf8)
            let run = (0..<Int.random(in: 0...16, using: &g)).map { _ in Array("aZ09+/".utf8).randomElement(using: &g)! }
            let tail = Array(["", "=", "==", "===", "\"", "= ", " \r", "'", "-", ":"].randomElement(using: &g)!.utf8)
            let line = head + run + tail
            let found = line.withUnsafeBufferPointer { l in
                Prefilter.base64Kind.withUnsafeBufferPointer { Prefilter.base64RunEnd(l.baseAddress!, lineEnd: line.count, lineFloor: 0, kinds: $0.baseAddress!) }
            }
            XCTAssertEqual(found, naive(line), String(decoding: line, as: UTF8.self).debugDescription)
        }
    }

    /// Digit clusters come out the same with the shortcuts (timestamp openings passed at
    /// once, digit runs read from the bits, cluster ends judged a word at a time) as walked
    /// byte by byte, on logs with whole, cut and spoilt timestamps around a window, and
    /// numbers next to dots, capitals, lower-case letters and line ends.
    func testClusterShortcutsKeepDigitClustersTheSame() {
        var g = SeededGenerator(seed: 14)
        let pieces = ["2024-01-15T10:23:45Z", "2024-01-15 10:23:45", "2024-01-15T10:23:45.123+01:00", "2024-01-15T10:23", "2024-01-15",
                      "2024-01-15T10:2", "2024-01-15X10:23:45", "2024-01-1bT10:23:45", "2024/01/15T10:23:45", "0695-04-08 10:23:45",
                      " INFO id=", "1450", " ms=", "318", "\n", "AB", "ZZ", ".", "1.2.3.4", " ", "07700 900123", "x", "é", "T", "-", ":",
                      "7", "42", "9AB", "1 A", "3ZZ", "5.", "8 .", "6@[", "2`{", "0aB", "4\nAB", "1  2", "1   2", "12345678901234567890",
                      "1e7ea419-51c9", "a5ae8306d03b/0-0", "00:00:02.632", " --> ", "12:59,004", "2024-01-15T1"]
        for _ in 0..<8000 {
            let text = Array((0..<Int.random(in: 1...14, using: &g)).map { _ in pieces.randomElement(using: &g)! }.joined().utf8)
            let limit = Int.random(in: 0...text.count, using: &g)
            let from = Int.random(in: 0...limit, using: &g), to = Int.random(in: from...limit, using: &g)
            text.withUnsafeBufferPointer { buffer in
                guard let p = buffer.baseAddress else { return }
                var fast: [Prefilter.DigitCluster] = [], walked: [Prefilter.DigitCluster] = []
                Prefilter.digitClusters(p, from: from, to: to, limit: limit, floor: .everything, into: &fast)
                Prefilter.digitClusters(p, from: from, to: to, limit: limit, floor: .everything, into: &walked, shortcuts: false)
                func describe(_ c: [Prefilter.DigitCluster]) -> [String] {
                    c.map { "\($0.start)-\($0.end) \($0.digits) \($0.dots) \($0.capital) \($0.timestamp) \($0.plainDigits) \($0.captionTiming)" }
                }
                XCTAssertEqual(describe(fast), describe(walked), "\(String(decoding: text, as: UTF8.self).debugDescription) \(from)..<\(to) limit \(limit)")
            }
        }
    }
}
