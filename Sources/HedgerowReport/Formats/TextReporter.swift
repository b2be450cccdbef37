import HedgerowCore

/// The human format: one finding per line as `path:line:column`, then a summary.
public struct TextReporter: Reporter {
    public init() {}

    public func render(_ c: ReportContext) -> String {
        var out = ""
        func paint(_ text: String, _ code: String) -> String { c.color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
        for f in c.findings { out += lines(for: f, in: c) }
        out += summaryLine(c.summary) + "\n"
        return out
    }

    /// One finding's lines: location, rule, category, confidence and masked value, then
    /// its commit (history scans) and hint. Streaming output writes these one by one.
    public func lines(for f: Finding, in c: ReportContext) -> String {
        func paint(_ text: String, _ code: String) -> String { c.color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
        let level = f.confidence == .high ? paint(f.confidence.rawValue, "31") : paint(f.confidence.rawValue, "33")
        let decoded = f.decodedFrom.map { " (decoded from \($0.rawValue))" } ?? ""
        var out = "\(paint("\(f.origin.path):\(f.start.line):\(f.start.column)", "1")): \(f.ruleName) [\(f.category.rawValue), \(level)] \(c.shown(f))\(decoded)\n"
        if let commit = f.origin.commit {
            out += "    commit \(commit.prefix(12)) \(f.origin.date ?? "") \(f.origin.author ?? "")\n"
        }
        if !f.hint.isEmpty { out += "    hint: \(f.hint)\n" }
        return out
    }

    public func summaryLine(_ s: ScanSummary) -> String {
        var parts: [String] = []
        let n = s.findingCount
        if n == 0 { parts.append("no findings") } else {
            let byCategory = s.findingsByCategory.sorted { $0.key < $1.key }.map { "\($0.key.rawValue) \($0.value)" }.joined(separator: ", ")
            parts.append("\(n) finding\(n == 1 ? "" : "s") (\(byCategory))")
        }
        parts.append(Self.scannedPhrase(s))
        if !s.skipped.isEmpty {
            parts.append("skipped: " + s.skipped.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", "))
        }
        if !s.suppressed.isEmpty {
            let total = s.suppressed.values.reduce(0, +)
            parts.append("\(total) suppressed (" + s.suppressed.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ") + ")")
        }
        if s.belowThreshold > 0 { parts.append("\(s.belowThreshold) below the confidence threshold (--min-confidence low to see them)") }
        if !s.limitHits.isEmpty { parts.append("match limit reached by: " + s.limitHits.keys.sorted().joined(separator: ", ")) }
        if !s.errors.isEmpty { parts.append("\(s.errors.count) error\(s.errors.count == 1 ? "" : "s")") }
        return "hedgerow: " + parts.joined(separator: "; ")
    }

    /// "3 files scanned (1200 bytes)", or for diffs "2 files, 14 added lines in 3 commits scanned".
    public static func scannedPhrase(_ s: ScanSummary) -> String {
        func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        guard let lines = s.addedLines else { return "\(plural(s.filesScanned, "file")) scanned (\(s.bytesScanned) bytes)" }
        let commits = s.commits.map { " in \(plural($0, "commit"))" } ?? ""
        return "\(plural(s.filesScanned, "file")), \(plural(lines, "added line"))\(commits) scanned"
    }
}
