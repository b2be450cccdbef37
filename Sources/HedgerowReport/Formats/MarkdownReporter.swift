import HedgerowCore

/// A summary for CI job pages (GitHub's step summary, GitLab's job artifacts): verdict,
/// counts by category and severity, a table of findings, and what to do next.
public struct MarkdownReporter: Reporter {
    public var policy: SeverityPolicy
    /// Rows in the findings table; the rest are counted, so a huge report stays readable.
    public var maxRows: Int

    public init(policy: SeverityPolicy = SeverityPolicy(), maxRows: Int = 200) { self.policy = policy; self.maxRows = maxRows }

    public func render(_ c: ReportContext) -> String {
        let s = c.summary
        let digest = c.digest(policy: policy)
        var out = "## hedgerow: "
        if !s.errors.isEmpty { out += "scan incomplete (\(s.errors.count) error\(s.errors.count == 1 ? "" : "s"))" }
        else if digest.isEmpty { out += "no findings" }
        else { out += "\(digest.count) finding\(digest.count == 1 ? "" : "s") (\(digest.counted))" }
        out += "\n\n"
        if !c.subject.isEmpty { out += "**Scanned:** \(Self.code(c.subject)). " }
        out += TextReporter.scannedPhrase(s).prefix(1).uppercased() + TextReporter.scannedPhrase(s).dropFirst() + "."
        if s.belowThreshold > 0 { out += " \(s.belowThreshold) below the confidence threshold." }
        if let line = TextReporter.attributionPhrase(s) { out += " \(line) (names and emails published on purpose; not failing)." }
        if !s.suppressed.isEmpty {
            out += " Suppressed: " + s.suppressed.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ") + "."
        }
        if !s.skipped.isEmpty { out += " Skipped: " + s.skipped.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ") + "." }
        out += "\n\n"
        for error in s.errors { out += "> **Error:** \(Self.cell(error))\n" }
        if !s.errors.isEmpty { out += "\n" }
        for line in c.advice { out += "> **Action needed:** \(Self.cell(line))\n\n" }
        guard !digest.isEmpty else { return out }

        // Counts by category (rows) and severity (columns).
        let counts = digest.bySeverity
        out += "| Category | " + Severity.allCases.map(\.rawValue).joined(separator: " | ") + " | Total |\n"
        out += "|---|" + String(repeating: "---:|", count: Severity.allCases.count + 1) + "\n"
        for (category, bySeverity) in counts.sorted(by: { $0.key < $1.key }) {
            let cells = Severity.allCases.map { bySeverity[$0].map(String.init) ?? "" }
            out += "| \(category.rawValue) | " + cells.joined(separator: " | ") + " | \(bySeverity.values.reduce(0, +)) |\n"
        }
        out += "\n### Findings\n\n"
        let hasCommits = digest.hasCommits
        out += "| Severity | Location | Rule | Confidence | Value |" + (hasCommits ? " Commit |" : "") + "\n"
        out += "|---|---|---|---|---|" + (hasCommits ? "---|" : "") + "\n"
        let rows = digest.first(maxRows)
        for f in rows {
            out += "| \(policy.severity(of: f).rawValue) | \(Self.code(f.shortPlace)) | \(Self.cell(f.ruleName)) | \(f.confidence.rawValue) | \(Self.code(c.shown(f))) |"
            if hasCommits { out += " \(f.origin.commit.map { Self.code(String($0.prefix(12))) } ?? "") |" }
            out += "\n"
        }
        if digest.count > rows.count { out += "\n…and \(digest.count - rows.count) more (see the JSON or SARIF report).\n" }
        out += "\n### What to do next\n\n"
        if digest.credentials > 0 {
            out += "- **Credentials**: rotate each one now (a pushed credential must be treated as compromised), then remove it from the code and from history; read credentials from the environment or a secret store.\n"
        }
        if digest.personal > 0 {
            out += "- **Personal data**: remove it and replace it with made-up data; if it was pushed, tell your Data Protection Officer, who decides whether the 72-hour ICO notification applies.\n"
        }
        out += "- **False positives**: add `hedgerow:allow <rule> <reason>` on the line, or accept existing findings with a baseline.\n"
        return out
    }

    /// Text safe inside a table cell.
    static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }

    /// Inline code safe inside a table cell, whatever backticks the text holds.
    static func code(_ text: String) -> String {
        let safe = cell(text).replacingOccurrences(of: "`", with: "ʼ")
        return "`\(safe)`"
    }
}
