import PCRE2

/// Runs every rule's own examples: each example must be found by its rule (low-confidence
/// examples at low confidence), and no negative example may be found at all. This is what
/// `hedgerow rules check` and the test suite both run.
public enum RuleChecker {
    public struct Failure: CustomStringConvertible, Equatable {
        public let ruleID: String
        public let origin: String
        public let message: String
        public var description: String { "\(origin): rule \(ruleID): \(message)" }
    }

    public static func check(_ rules: [Rule], fingerprinter: Fingerprinter = Fingerprinter(key: Array("rules-check".utf8))) -> [Failure] {
        let ruleSet: RuleSet
        do { ruleSet = try RuleSet(rules) } catch let problems as RuleSetProblems {
            return problems.problems.map { Failure(ruleID: $0.ruleID, origin: $0.origin, message: $0.message) }
        } catch {
            return [Failure(ruleID: "-", origin: "-", message: "\(error)")]
        }
        var failures: [Failure] = []
        for compiled in ruleSet.rules {
            let rule = compiled.rule
            // Decoder rules find nothing alone: check them with every rule behind them.
            let single = rule.decode == nil ? try! RuleSet([rule]) : ruleSet
            let scanner = ScanEngine(ruleSet: single, fingerprinter: fingerprinter)
            func fail(_ message: String) { failures.append(Failure(ruleID: rule.id, origin: rule.origin, message: message)) }
            // A rule that is low confidence by design (an identifier alone) shows it with low examples.
            let shown = rule.examples.count + (rule.confidence == .low ? rule.lowConfidenceExamples.count : 0)
            if shown < 3 { fail("needs at least 3 examples, has \(shown)") }
            if rule.negativeExamples.count < 3 { fail("needs at least 3 negative examples, has \(rule.negativeExamples.count)") }
            for (n, example) in rule.examples.enumerated() {
                var found = (try? scanner.scan(bytes: Array(example.utf8)).findings) ?? []
                if rule.decode != nil { found = found.filter { $0.decodedFrom == rule.decode } }
                if found.isEmpty { fail("example not found: \(label(n))") }
                else if found.allSatisfy({ $0.confidence == .low }) { fail("example found only at low confidence (\(found[0].confidenceNote ?? "")): \(label(n))") }
            }
            for (n, example) in rule.lowConfidenceExamples.enumerated() {
                let found = (try? scanner.scan(bytes: Array(example.utf8)).findings) ?? []
                if found.isEmpty { fail("low-confidence example not found: \(label(n))") }
                else if found.contains(where: { $0.confidence != .low }) { fail("low-confidence example found at \(found[0].confidence.rawValue): \(label(n))") }
            }
            for message in literalProblems(compiled) { fail(message) }
            for (n, example) in rule.negativeExamples.enumerated() {
                let found = (try? scanner.scan(bytes: Array(example.utf8)).findings) ?? []
                let own = rule.decode == nil ? found : found.filter { $0.decodedFrom == rule.decode }
                if !own.isEmpty { fail("negative example found (\(own[0].masked)): \(label(n))") }
            }
        }
        return failures
    }

    /// `line_requires` and `after_keyword` must hold for every match of the bare pattern
    /// in the rule's examples, not just the ones the scanner reports: a literal missed
    /// would hide matches silently.
    static func literalProblems(_ compiled: CompiledRule) -> [String] {
        let rule = compiled.rule
        guard !compiled.requiredLiterals.isEmpty || !compiled.literalsAfterKeyword.isEmpty else { return [] }
        let keywords = rule.keywords.map { Array($0.lowercased().utf8) }
        var problems: [String] = []
        for (n, example) in (rule.examples + rule.lowConfidenceExamples + rule.negativeExamples).enumerated() {
            let bytes = Array(example.utf8)
            let matches = (try? Matcher().allMatches(of: compiled.pattern, in: bytes)) ?? []
            bytes.withUnsafeBufferPointer { buffer in
                let p = buffer.baseAddress!
                for m in matches {
                    if !compiled.requiredLiterals.isEmpty
                        && !ByteSearch.containsAny(compiled.requiredLiterals, in: p, from: m.whole.start, to: m.whole.end) {
                        problems.append("a match holds none of line_requires: example \(label(n)) of all its examples")
                    }
                    // Some keyword in the match must have one of the literals after it, in the match.
                    guard !compiled.literalsAfterKeyword.isEmpty else { continue }
                    let keywordStarts = (m.whole.start..<m.whole.end).filter { k in
                        keywords.contains { ByteSearch.containsAny([$0], in: p, from: k, to: min(m.whole.end, k + $0.count)) }
                    }
                    if !keywordStarts.contains(where: { ByteSearch.containsAny(compiled.literalsAfterKeyword, in: p, from: $0, to: m.whole.end) }) {
                        problems.append("a match holds no after_keyword literal after a keyword: example \(label(n)) of all its examples")
                    }
                }
            }
        }
        return problems
    }

    /// Examples are named by position, never quoted: a user's rule file may hold real values.
    static func label(_ index: Int) -> String { "#\(index + 1) in its list" }
}
