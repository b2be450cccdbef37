/// The human copy of a record, laid out as the playbook's form. It is a register page a
/// security lead works in: hedgerow owns only the blocks between
/// `<!-- hedgerow:begin NAME -->` and `<!-- hedgerow:end NAME -->` and rewrites those on
/// every run; the status, owner, containment checklist and notes outside them are the
/// reader's and are written once (see `RecordMarkdownMerge`).
public enum IncidentMarkdown {
    /// The names of the machine-written blocks, in document order.
    public static let machineBlocks = ["summary", "details"]

    public static func begin(_ name: String) -> String { "<!-- hedgerow:begin \(name) (rewritten on every run; edit outside these markers) -->" }
    public static func end(_ name: String) -> String { "<!-- hedgerow:end \(name) -->" }

    /// A whole page, for a record's first write.
    public static func render(_ r: IncidentRecord) -> String {
        var out = block("summary", summary(r))
        out += "\n## Register\n\nEdit this section: hedgerow reads it back and never changes it.\n\n"
        out += "- Status: \(r.status)\n- Owner: \(r.owner ?? "")\n"
        out += "\n## Containment\n\nTick the boxes as steps are done (`[x]`); hedgerow keeps them.\n\n"
        out += checklist(r.containment)
        out += "\n" + block("details", details(r, extraSteps: []))
        out += "\n## Notes\n\nWrite here; hedgerow never changes this section.\n"
        return out
    }

    static func block(_ name: String, _ body: String) -> String { begin(name) + "\n" + body + end(name) + "\n" }

    static func checklist(_ steps: [IncidentRecord.Step]) -> String {
        steps.map { "- [\($0.done ? "x" : " ")] \($0.action) (within \($0.within))\n" }.joined()
    }

    static func summary(_ r: IncidentRecord) -> String {
        var out = "# \(r.id): \(r.title)\n\n"
        out += "| Field | Value |\n|---|---|\n"
        let sources = r.sources ?? [r.source]
        var rows: [(String, String)] = [
            ("Incident ID", r.id), ("Category", r.category == "CL" ? "CL (credential leak)" : "DE (data exposure)"),
            ("Severity", "\(r.severity.rawValue): respond within \(r.responseTime)"),
            ("Why this severity", r.severityReason),
            ("Occurred", r.occurredAt ?? "unknown (not from git history)"), ("Detected", r.detectedAt + " (first detection)"),
        ]
        if let last = r.lastSeenAt, last != r.detectedAt { rows.append(("Last seen", last)) }
        rows.append(("Time to detect", r.hoursToDetect.map(Self.duration) ?? "unknown"))
        if let atHead = r.stillAtHead {
            rows.append(("Still at HEAD", atHead ? "yes" : "no: deleted in a later commit but still in history; rewrite the branch (rebase or squash) and force-push, and rotate any credential"))
        }
        for s in sources { rows.append(("Source", "\(s.kind) \(s.name)" + (s.branch.map { ", \($0)" } ?? ""))) }
        if let visibility = r.visibility {
            rows.append(("Visibility", visibility == "unknown"
                ? "unknown: confirm whether the repository is public (then anyone may already have the value) or private"
                : visibility + " (as configured; confirm it has not changed)"))
        }
        let branches = Set(r.locations.flatMap { $0.branches ?? [] }).sorted()
        if !branches.isEmpty { rows.append(("Branches holding it", branches.joined(separator: ", "))) }
        if let provider = r.provider { rows.append(("Provider", provider)) }
        for (field, value) in rows { out += "| \(field) | \(MarkdownReporter.cell(value)) |\n" }
        return out
    }

    /// Hours as days and hours ("667 days 16 hours"), so long exposures read at a glance.
    public static func duration(_ hours: Double) -> String {
        let total = Int(hours.rounded())
        let days = total / 24, rest = total % 24
        if days == 0 { return "\(rest) hour\(rest == 1 ? "" : "s")" }
        return "\(days) day\(days == 1 ? "" : "s") \(rest) hour\(rest == 1 ? "" : "s")"
    }

    static func details(_ r: IncidentRecord, extraSteps: [IncidentRecord.Step]) -> String {
        let multi = Set(r.locations.compactMap(\.repository)).count > 1
        var out = "\n## What happened\n\n\(r.whatHappened)\n\n## Where\n\n"
        out += (multi ? "| Repository " : "") + "| Path | Line | Commit | Date | Author | Rule |\n" + (multi ? "|---" : "") + "|---|---|---|---|---|---|\n"
        for l in r.locations.prefix(100) {
            out += (multi ? "| \(MarkdownReporter.cell(l.repository ?? "")) " : "")
            out += "| \(MarkdownReporter.code(l.path)) | \(l.line) | \(l.commit.map { MarkdownReporter.code(String($0.prefix(12))) } ?? "") | \(l.date ?? "") | \(MarkdownReporter.cell(l.author ?? "")) | \(l.rule) |\n"
        }
        if r.locations.count > 100 { out += "\n…and \(r.locations.count - 100) more locations in the JSON record.\n" }
        out += "\n## What data\n\n"
        out += "| Category | Occurrences | Distinct values |\n|---|---:|---:|\n"
        for (category, count) in r.data.occurrences.sorted(by: { $0.key < $1.key }) {
            out += "| \(category) | \(count) | \(r.data.distinctValues[category] ?? 0) |\n"
        }
        if let subjects = r.data.dataSubjectsEstimate { out += "\nEstimated data subjects: \(subjects).\n" }
        out += "\nMasked samples: " + r.data.maskedSamples.map { MarkdownReporter.code($0) }.joined(separator: ", ") + "\n"
        if !extraSteps.isEmpty {
            out += "\n## Containment steps added by later runs\n\nCopy them into the checklist above when you take them on.\n\n" + checklist(extraSteps)
        }
        if let timeline = r.timeline, !timeline.isEmpty {
            out += "\n## Timeline\n\n" + timeline.map { "- \($0.at): \(MarkdownReporter.cell($0.event))\n" }.joined()
        }
        if let ico = r.icoNotification { out += "\n## ICO notification (72 hours)\n\n\(ico)\n" }
        out += "\n## Who to notify (\(r.severity.rawValue))\n\n" + r.notify.map { "- \($0)\n" }.joined()
        out += "\n## Initial notification\n\n```text\n\(r.initialNotification)\n```\n"
        return out
    }
}
