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
    /// Built by appending into one reserved string: a big scan writes a line per finding.
    public func lines(for f: Finding, in c: ReportContext) -> String {
        func paint(_ text: String, _ code: String) -> String { c.color ? "\u{1B}[" + code + "m" + text + "\u{1B}[0m" : text }
        let shown = c.shown(f)
        var out = ""
        out.reserveCapacity(f.origin.path.utf8.count + f.ruleName.utf8.count + shown.utf8.count + f.hint.utf8.count + 80)
        out += paint(ControlCharacters.escaped(f.place), "1")
        out += ": "; out += f.ruleName; out += " ["; out += f.category.rawValue; out += ", "
        out += paint(f.confidence.rawValue, f.confidence == .high ? "31" : "33")
        out += "] "; out += shown
        if let encoding = f.decodedFrom { out += " (decoded from "; out += encoding.rawValue; out += ")" }
        if let pair = f.pairedWith {
            out += " (paired with "; out += pair.ruleName; out += " "; out += pair.masked
            out += " at line "; out += String(pair.start.line); out += ")"
        }
        out += "\n"
        if let commit = f.origin.commit {
            out += "    commit \(commit.prefix(12)) \(f.origin.date ?? "") \(f.origin.author ?? "")\n"
        }
        if !f.hint.isEmpty { out += "    hint: "; out += f.hint; out += "\n" }
        return out
    }

    public func summaryLine(_ s: ScanSummary) -> String {
        var parts: [String] = []
        let n = s.findingCount
        // A run that errored never says "no findings": it does not know.
        if n == 0 && !s.errors.isEmpty { parts.append("scan incomplete: whether anything is there is unknown") }
        else if n == 0 { parts.append("no findings") } else {
            let byCategory = s.findingsByCategory.sorted { $0.key < $1.key }.map { "\($0.key.rawValue) \($0.value)" }.joined(separator: ", ")
            parts.append("\(n) finding\(n == 1 ? "" : "s") (\(byCategory))")
        }
        if let line = Self.attributionPhrase(s) { parts.append(line + " (--show-attribution to list them)") }
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

    /// "1,203 public attributions in 14 files": names and emails published on purpose,
    /// one line however many there are. Nil when there are none.
    public static func attributionPhrase(_ s: ScanSummary) -> String? {
        guard s.attributions > 0 else { return nil }
        func grouped(_ n: Int) -> String {
            let digits = Array(String(n))
            return String(digits.enumerated().flatMap { i, d in (i > 0 && (digits.count - i) % 3 == 0) ? [",", d] : [d] })
        }
        let files = s.attributionFiles.count
        return "\(grouped(s.attributions)) public attribution\(s.attributions == 1 ? "" : "s") in \(grouped(files)) file\(files == 1 ? "" : "s")"
    }

    /// "3 files scanned (1200 bytes)", or for diffs "2 files, 14 added lines in 3 commits scanned".
    public static func scannedPhrase(_ s: ScanSummary) -> String {
        func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        guard let lines = s.addedLines else { return "\(plural(s.filesScanned, "file")) scanned (\(s.bytesScanned) bytes)" }
        let commits = s.commits.map { " in \(plural($0, "commit"))" } ?? ""
        return "\(plural(s.filesScanned, "file")), \(plural(lines, "added line"))\(commits) scanned"
    }
}
