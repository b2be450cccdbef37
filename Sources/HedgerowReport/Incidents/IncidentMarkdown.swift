/// The human copy of a record, laid out as the playbook's form.
public enum IncidentMarkdown {
    public static func render(_ r: IncidentRecord) -> String {
        var out = "# \(r.id): \(r.title)\n\n"
        out += "| Field | Value |\n|---|---|\n"
        let rows: [(String, String)] = [
            ("Incident ID", r.id), ("Category", r.category == "CL" ? "CL (credential leak)" : "DE (data exposure)"),
            ("Status", r.status), ("Severity", "\(r.severity.rawValue): respond within \(r.responseTime)"),
            ("Why this severity", r.severityReason),
            ("Occurred", r.occurredAt ?? "unknown (not from git history)"), ("Detected", r.detectedAt),
            ("Time to detect", r.hoursToDetect.map { "\($0) hours" } ?? "unknown"),
            ("Source", "\(r.source.kind) \(r.source.name)" + (r.source.branch.map { ", \($0)" } ?? "")),
        ] + (r.provider.map { [("Provider", $0)] } ?? [])
        for (field, value) in rows { out += "| \(field) | \(MarkdownReporter.cell(value)) |\n" }
        out += "\n## What happened\n\n\(r.whatHappened)\n\n## Where\n\n"
        out += "| Path | Line | Commit | Date | Rule |\n|---|---|---|---|---|\n"
        for l in r.locations.prefix(100) {
            out += "| \(MarkdownReporter.code(l.path)) | \(l.line) | \(l.commit.map { MarkdownReporter.code(String($0.prefix(12))) } ?? "") | \(l.date ?? "") | \(l.rule) |\n"
        }
        if r.locations.count > 100 { out += "\n…and \(r.locations.count - 100) more locations in the JSON record.\n" }
        out += "\n## What data\n\n"
        out += "| Category | Occurrences | Distinct values |\n|---|---:|---:|\n"
        for (category, count) in r.data.occurrences.sorted(by: { $0.key < $1.key }) {
            out += "| \(category) | \(count) | \(r.data.distinctValues[category] ?? 0) |\n"
        }
        if let subjects = r.data.dataSubjectsEstimate { out += "\nEstimated data subjects: \(subjects).\n" }
        out += "\nMasked samples: " + r.data.maskedSamples.map { MarkdownReporter.code($0) }.joined(separator: ", ") + "\n"
        out += "\n## Containment\n\n"
        for step in r.containment { out += "- [\(step.done ? "x" : " ")] \(step.action) (within \(step.within))\n" }
        if let ico = r.icoNotification { out += "\n## ICO notification (72 hours)\n\n\(ico)\n" }
        out += "\n## Who to notify (\(r.severity.rawValue))\n\n" + r.notify.map { "- \($0)\n" }.joined()
        out += "\n## Initial notification\n\n```text\n\(r.initialNotification)\n```\n"
        return out
    }
}
