import Foundation
import HedgerowCore
import HedgerowReport

/// How a run's findings are to be understood: prevented before anything left the
/// machine, or exposed (already pushed or shared), which drafts incident records.
struct RunKind {
    var subject: String
    var prevention: PreventionReporter.Action?
    var exposure: IncidentRecord.Source?
    var quietWhenClean = false
    /// Fingerprints of pushed values that HEAD no longer holds (git range and history runs).
    var goneFromHead: Set<String> = []
    /// The branches holding each commit with findings, for incident records.
    var branchesByCommit: [String: [String]] = [:]
}

/// The last step of every scanning run: render the chosen format, write it where asked,
/// add the step summary, log a near miss, draft incident records, and settle the exit code.
enum RunOutput {
    /// `digest` is the streamed run's (its findings were written out, not kept); `rendered`
    /// false when the report itself is already written and only the rest is left.
    static func finish(_ collector: FindingCollector, digest: FindingDigest? = nil, setup: RunSetup,
                       reporting: ScanOptions.Reporting, destinations: ScanOptions.Destinations, kind: RunKind,
                       now: Date = Date(), rendered: Bool = true) -> RunResult {
        var collector = collector
        let digest = digest ?? FindingDigest(collector.findings, policy: reporting.policy)
        // Reports for people lead with what matters most; the tooling formats (JSON, SARIF)
        // keep input order, so a document is the same whether it was streamed or built in memory.
        if reporting.format != .json && reporting.format != .jsonl && reporting.format != .sarif { collector.findings = FindingRank.ordered(collector.findings) }
        var notes: [String] = []
        let rules = setup.ruleSet.rules.filter { $0.rule.decode == nil }.map { RuleInfo($0.rule) }
        var context = ReportContext(toolVersion: hedgerowVersion, findings: collector.findings, summary: collector.summary,
                                    showValues: reporting.showValues, color: reporting.color && destinations.outputPath == nil,
                                    rules: rules, subject: kind.subject)
        context.digest = digest
        let gone = Set(collector.findings.map(\.fingerprint)).intersection(kind.goneFromHead)
        if !gone.isEmpty {
            let credential = collector.findings.contains { gone.contains($0.fingerprint) && $0.dataClass == .secret }
            let advice = HeadPresence.advice(goneCount: gone.count, hasCredential: credential)
            context.advice.append(advice)
            notes.append("note: \(advice)")
        }

        if let action = kind.prevention, let log = destinations.nearMissLog, !digest.isEmpty {
            do { try AtomicFile.appendLine(NearMiss.line(digest, action: action, at: now), to: log) }
            catch { collector.summary.errors.append("near-miss log: \(error)") }
        }
        if let directory = destinations.incidentDirectory, let source = kind.exposure, !collector.findings.isEmpty {
            var drafter = IncidentDrafter(policy: reporting.policy, source: source, detectedAt: now, rules: rules)
            drafter.firstDetected = IncidentRegister(directory: directory).firstDetections()
            drafter.goneFromHead = kind.goneFromHead
            drafter.keyIdentity = setup.fingerprinter.keyIdentity
            drafter.branchesByCommit = kind.branchesByCommit
            drafter.visibility = CommitBranches.visibility(destinations.environment)
            let drafts = drafter.draft(collector.findings)
            do {
                let filed = try IncidentRegister(directory: directory).file(drafts, at: now)
                for ((id, new), draft) in zip(filed, drafts) {
                    notes.append("note: \(new ? "drafted" : "updated") \(id) (\(draft.category), \(draft.severity.rawValue)) in \(directory)")
                }
            } catch {
                collector.summary.errors.append("incident records: \(error)")
            }
        }
        if let summaryPath = destinations.environment["GITHUB_STEP_SUMMARY"], !summaryPath.isEmpty {
            // The job summary is published on the run's page: masked values only, whatever
            // --show-values says (that flag is for the person at the terminal).
            var published = context
            published.showValues = false
            do { try AtomicFile.appendLine(MarkdownReporter(policy: reporting.policy).render(published), to: summaryPath) }
            catch { notes.append("warning: GITHUB_STEP_SUMMARY: \(error)") }
        }

        var final = context
        final.summary = collector.summary
        let reporter: Reporter
        switch reporting.format {
        case .json: reporter = JSONReporter()
        case .jsonl: reporter = JSONLinesReporter()
        case .sarif: reporter = SARIFReporter(policy: reporting.policy)
        case .markdown: reporter = MarkdownReporter(policy: reporting.policy)
        case .text:
            if let action = kind.prevention { reporter = PreventionReporter(action: action, verboseWhenClean: !kind.quietWhenClean) }
            else { reporter = TextReporter() }
        }
        var output = rendered ? reporter.render(final) : ""
        if let path = destinations.outputPath {
            do {
                try AtomicFile.write(output, to: path)
                output = ""
            } catch {
                collector.summary.errors.append("\(error)")
            }
        }
        if let note = setup.unkeyedAllowNote, collector.summary.findingCount > 0 { notes.append(note) }
        if let warning = setup.keyWarning { notes.append(warning) }
        if reporting.stats {
            let table = RuleStatsTable.render(setup.statistics.value, ruleIDs: setup.ruleSet.rules.map(\.rule.id),
                                              bytes: collector.summary.bytesScanned, seconds: now.timeIntervalSince(setup.started))
            notes += table.split(separator: "\n").map { "stats: \($0)" }
        }
        return RunResult(output: output, diagnostics: collector.diagnostics + notes, exitCode: collector.exitCode)
    }
}

/// The P4 near-miss line: when, what kinds, how many, which fingerprints; never a value.
enum NearMiss {
    static func line(_ digest: FindingDigest, action: PreventionReporter.Action, at date: Date) -> String {
        var categories: [String: Int] = [:]
        for (category, count) in digest.byCategory { categories[category.rawValue] = count }
        var fields: [String: Any] = [
            "time": ISO8601DateFormatter().string(from: date), "type": "near-miss", "severity": "P4",
            "prevented": action == .commit ? "commit" : "paste", "findings": digest.count,
            "credentials": digest.credentials,
            "categories": categories, "fingerprints": digest.fingerprints.sorted(),
        ]
        if digest.fingerprintsTruncated { fields["fingerprints_truncated"] = true }
        let object: [String: Any] = OutputContract.envelope(toolVersion: hedgerowVersion).merging(fields) { _, envelope in envelope }
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}
