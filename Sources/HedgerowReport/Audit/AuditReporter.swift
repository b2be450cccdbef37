import Foundation
import HedgerowCore

/// Renders an audit: per-repository lines and totals (text, Markdown), the whole report
/// (JSON), or SARIF with one run per repository.
public struct AuditReporter {
    public init() {}

    public func text(_ a: AuditReport) -> String {
        var out = ""
        for r in a.repositories {
            let name = ControlCharacters.escaped(r.name)
            if r.status == "empty" { out += "empty   \(name): no commits to audit\n"; continue }
            if r.status == "failed" { out += "FAILED  \(name): \(ControlCharacters.escaped(r.error ?? "unknown error"))\n"; continue }
            if r.status == "partial" { out += "PARTIAL \(name): \(ControlCharacters.escaped(r.error ?? "unknown error"))\n" }
            if r.shallow == true { out += "SHALLOW \(name): a shallow clone, history before its grafted commits is missing and was not audited\n" }
            let listed = r.findings.filter { $0.context != .attribution }
            let attributions = r.findings.filter { $0.context == .attribution }
            let stillThere = listed.filter { $0.presentAtHead == true }.count
            out += "\(listed.isEmpty ? "clean " : "FOUND ") \(name): \(listed.count) distinct value\(listed.count == 1 ? "" : "s")"
            out += r.commits.map { " in \($0) commits" } ?? ""
            out += listed.isEmpty ? "\n" : " (\(stillThere) still at HEAD)\n"
            if !attributions.isEmpty {
                let files = Set(attributions.map(\.firstPath)).count
                out += "    \(attributions.count) public attribution\(attributions.count == 1 ? "" : "s") in \(files) file\(files == 1 ? "" : "s") (published on purpose; listed in JSON)\n"
            }
            for f in listed {
                out += "    \(ControlCharacters.escaped(f.location ?? "\(f.firstPath):\(f.firstLine)")): \(f.ruleName) [\(f.category.rawValue), \(f.confidence.rawValue)] \(f.masked)"
                out += f.firstCommit.map { " first in \($0.prefix(12)) \(f.firstDate ?? "")" } ?? ""
                out += ", \(f.occurrences) occurrence\(f.occurrences == 1 ? "" : "s")"
                if f.paths.count > 1 { out += " in \(f.paths.count) paths" }
                if let present = f.presentAtHead { out += present ? ", still at HEAD" : ", removed at HEAD" }
                out += "\n"
            }
        }
        for (fingerprint, repos) in a.sharedValues.sorted(by: { $0.key < $1.key }) {
            out += "shared value \(fingerprint) in \(repos.count) repositories: \(repos.joined(separator: ", "))\n"
        }
        out += "hedgerow audit: \(a.repositories.count) repositor\(a.repositories.count == 1 ? "y" : "ies"), "
        out += "\(a.distinctFindings) distinct finding\(a.distinctFindings == 1 ? "" : "s"), \(a.sharedValues.count) shared across repositories, \(a.failed) failed\n"
        return out
    }

    public func markdown(_ a: AuditReport) -> String {
        var out = "## hedgerow audit: \(a.repositories.count) repositories, \(a.distinctFindings) distinct findings, \(a.failed) failed\n\n"
        out += "| Repository | Status | Distinct values | Still at HEAD | Commits |\n|---|---|---:|---:|---:|\n"
        for r in a.repositories {
            var status = r.status == "failed" || r.status == "partial" ? r.status + ": " + MarkdownReporter.cell(r.error ?? "") : r.status
            if r.shallow == true { status += " (shallow clone: history before its grafted commits not audited)" }
            out += "| \(MarkdownReporter.code(r.name)) | \(status) | \(r.findings.count) | \(r.findings.filter { $0.presentAtHead == true }.count) | \(r.commits.map(String.init) ?? "") |\n"
        }
        if !a.sharedValues.isEmpty {
            out += "\n### Values in more than one repository\n\n| Fingerprint | Repositories |\n|---|---|\n"
            for (fp, repos) in a.sharedValues.sorted(by: { $0.key < $1.key }) {
                out += "| `\(fp)` | \(repos.map { MarkdownReporter.code($0) }.joined(separator: ", ")) |\n"
            }
        }
        return out
    }

    /// SARIF, one run per repository, each result a distinct value at its first occurrence.
    public func sarif(_ a: AuditReport, rules: [RuleInfo], toolVersion: String, policy: SeverityPolicy) -> String {
        var runs: [Any] = []
        for r in a.repositories {
            var summary = ScanSummary()
            if let error = r.error { summary.errors.append(error) }
            let context = ReportContext(toolVersion: toolVersion, findings: r.findings.map { $0.asFinding() }, summary: summary,
                                        rules: rules, subject: r.name)
            let single = SARIFReporter(policy: policy).render(context)
            if let doc = try? JSONSerialization.jsonObject(with: Data(single.utf8)) as? [String: Any],
               var run = (doc["runs"] as? [[String: Any]])?.first {
                run["automationDetails"] = ["id": "hedgerow-audit/\(r.name)"]
                if r.shallow == true, var invocations = run["invocations"] as? [[String: Any]], !invocations.isEmpty {
                    var notes = invocations[0]["toolExecutionNotifications"] as? [[String: Any]] ?? []
                    notes.append(["level": "warning", "message": ["text": "shallow clone: history before its grafted commits is missing and was not audited"]])
                    invocations[0]["toolExecutionNotifications"] = notes
                    run["invocations"] = invocations
                }
                runs.append(run)
            }
        }
        return JSONText.pretty(["$schema": SARIFReporter.schema, "version": "2.1.0", "runs": runs] as [String: Any])
    }
}
