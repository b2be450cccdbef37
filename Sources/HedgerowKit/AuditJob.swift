import Foundation
import HedgerowCore
import HedgerowInputs
import HedgerowReport

/// The library entry point behind `hedgerow audit`: many repositories, in parallel, each
/// result written the moment it completes so an interrupted audit resumes where it stopped.
public enum AuditJob {
    public static func run(_ options: AuditOptions, progress: @escaping @Sendable (String, Bool) -> Void) -> RunResult {
        var setup: RunSetup
        do { setup = try RunSetup(options.scan, searchFrom: nil) } catch { return RunSetup.failure(error) }
        // Attributions are always kept in the results (marked), whatever the format: a state
        // directory then means the same to a resumed run or a merge in another format, and
        // the reports summarise them.
        setup.options.reporting.showAttribution = true

        // 1. Which repositories, and which of them are this shard's.
        var roots = options.roots
        if let file = options.reposFile {
            guard let text = readRegularText(file) else {
                return RunSetup.failure(YAMLProblem(file: file, line: nil, message: "cannot read the repository list"))
            }
            // Either line ending (Swift reads CR LF as one character, never equal to "\n").
            roots += text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && !$0.hasPrefix("#") }
        }
        let discovery = RepositoryFinder().find(roots)
        var targets = discovery.repositories.map { (name: $0.name, path: $0.path, problem: String?.none) }
        targets += discovery.errors.map { (name: $0.components(separatedBy: ": ").first ?? $0, path: $0, problem: Optional($0)) }
        if let shard = options.shard {
            targets = targets.filter { AuditOptions.shard(of: $0.name, count: shard.count) == shard.index }
        }

        // 2. State: what earlier runs finished, held by this audit alone.
        let lock: StateDirectoryLock
        do { lock = try StateDirectoryLock(directory: options.stateDirectory) } catch { return RunSetup.failure(error) }
        defer { withExtendedLifetime(lock) {} }
        let state = AuditState(directory: options.stateDirectory)
        var results: [String: RepositoryResult] = [:]
        do {
            if options.resume {
                // Made even when this shard has nothing to scan, so `merge` can tell an empty
                // shard (a state directory with no results) from a missing one.
                try FileManager.default.createDirectory(atPath: state.repositories, withIntermediateDirectories: true)
                // A result is reused only for the same name at the same path, read the same
                // way under the same key, from refs that have not moved since.
                let history = options.history ? "all" : "none"
                results = try state.load().filter { r in
                    guard let target = targets.first(where: { $0.name == r.key && $0.path == r.value.path }) else { return false }
                    let name = ControlCharacters.escaped(r.key)
                    guard r.value.history == history, r.value.fingerprintKey.map({ $0 == setup.fingerprinter.keyIdentity }) ?? true else {
                        progress("\(name): its result was made with another --history or fingerprint key; scanning it again", false)
                        return false
                    }
                    guard target.problem == nil, r.value.refs != Self.refsDigest(target.path) else { return true }
                    progress("\(name): " + (r.value.refs == nil ? "its result records no refs (an older hedgerow)" : "refs changed since its result was written") + "; scanning it again", false)
                    return false
                }
            } else { try state.reset() }
        } catch { return RunSetup.failure(error) }
        let pending = targets.filter { results[$0.name] == nil }
        if options.resume && !results.isEmpty {
            progress("resuming: \(results.count) of \(targets.count) repositories already done, \(pending.count) to scan", false)
        }

        // 3. Scan what is left, several repositories at once.
        let slots = ResultSlots<RepositoryResult>(count: pending.count)
        let next = AtomicCounter()
        let tracker = AuditProgress(total: targets.count, done: results.count, report: progress, interactive: options.interactive)
        let threads = max(1, min(pending.count, options.parallel > 0 ? options.parallel : ProcessInfo.processInfo.activeProcessorCount))
        var writeErrors: [String] = []
        let writeLock = NSLock()
        if !pending.isEmpty {
            DispatchQueue.concurrentPerform(iterations: threads) { _ in
                while true {
                    let i = next.increment()
                    guard i < pending.count else { break }
                    let target = pending[i]
                    let started = Date()
                    let result = target.problem.map {
                        RepositoryResult(name: target.name, path: target.path, status: "failed", error: $0, history: options.history ? "all" : "none")
                    } ?? audit(name: target.name, path: target.path, history: options.history, setup: setup)
                    do { try state.save(result) } catch {
                        writeLock.lock(); writeErrors.append("\(error)"); writeLock.unlock()
                    }
                    slots.set(i, result)
                    tracker.finished(result, seconds: Date().timeIntervalSince(started))
                }
            }
        }
        tracker.end()
        for result in slots.values { results[result.name] = result }
        let report = AuditReport(Array(results.values))
        var rendered = finish(report, setup: setup, options: options.scan)
        rendered.diagnostics = writeErrors.map { "error: audit state: \($0)" } + rendered.diagnostics
        if !writeErrors.isEmpty { rendered.exitCode = ExitStatus.error }
        return rendered
    }

    /// Renders an audit report, drafts incident records, and sets the exit code: 2 when
    /// any repository failed, else 1 on findings, else 0. Shared with `hedgerow merge`.
    static func finish(_ report: AuditReport, setup: RunSetup, options: ScanOptions, now: Date = Date()) -> RunResult {
        var diagnostics: [String] = report.repositories.filter { $0.status == "failed" || $0.status == "partial" }.map { "error: \($0.name): \($0.error ?? "failed")" }
        if report.fingerprintKeys.count > 1 || report.fingerprintKeys.contains(where: { $0 != setup.fingerprinter.keyIdentity }) {
            diagnostics.append("warning: results were fingerprinted under \(Set(report.fingerprintKeys + [setup.fingerprinter.keyIdentity]).count) different keys (\((report.fingerprintKeys + [setup.fingerprinter.keyIdentity]).uniqued().joined(separator: ", ")), this run's last): values shared between them are not recognised and records are not linked; run every shard with the team's HEDGEROW_FINGERPRINT_KEY")
        }
        let rules = setup.ruleSet.rules.filter { $0.rule.decode == nil }.map { RuleInfo($0.rule) }
        let reporter = AuditReporter()
        var output: String
        switch options.reporting.format {
        case .json: output = report.jsonDocument(toolVersion: hedgerowVersion)
        case .jsonl: output = report.jsonLines(toolVersion: hedgerowVersion)
        case .markdown: output = reporter.markdown(report)
        case .sarif: output = reporter.sarif(report, rules: rules, toolVersion: hedgerowVersion, policy: options.reporting.policy)
        case .text: output = reporter.text(report)
        }
        for repo in report.repositories where repo.shallow == true {
            diagnostics.append("warning: \(ControlCharacters.escaped(repo.name)) is a shallow clone: history before its grafted commits is missing and was not audited (fetch it whole with `git fetch --unshallow`)")
        }
        var failed = report.failed > 0
        if let directory = options.destinations.incidentDirectory {
            for repo in report.repositories where !repo.findings.isEmpty {
                let scope = repo.history == "all" ? (repo.shallow == true ? "all refs of a shallow clone (history before its grafted commits missing)" : "all refs") : "committed tree at HEAD"
                let source = IncidentRecord.Source(kind: "repository", name: repo.name, branch: scope)
                var drafter = IncidentDrafter(policy: options.reporting.policy, source: source, detectedAt: now, rules: rules)
                drafter.firstDetected = IncidentRegister(directory: directory).firstDetections()
                drafter.goneFromHead = Set(repo.findings.filter { $0.presentAtHead == false }.map(\.fingerprint))
                drafter.headKnown = repo.history == "all"
                drafter.keyIdentity = repo.fingerprintKey ?? setup.fingerprinter.keyIdentity
                drafter.visibility = CommitBranches.visibility(options.destinations.environment)
                drafter.branchesByCommit = CommitBranches.branches(for: repo.findings.compactMap(\.firstCommit), reader: GitHistoryReader(directory: repo.path))
                let drafts = drafter.draft(repo.findings.map { $0.asFinding() })
                do {
                    for ((id, new), draft) in zip(try IncidentRegister(directory: directory).file(drafts, at: now), drafts) {
                        diagnostics.append("note: \(new ? "drafted" : "updated") \(id) (\(draft.category), \(draft.severity.rawValue)) for \(repo.name)")
                    }
                } catch {
                    diagnostics.append("error: incident records: \(error)"); failed = true
                }
            }
        }
        if let summaryPath = options.destinations.environment["GITHUB_STEP_SUMMARY"], !summaryPath.isEmpty {
            // The job summary is published on the run's page: the Markdown table, which holds
            // masked values and fingerprints only, whatever --show-values says.
            do { try AtomicFile.appendLine(reporter.markdown(report), to: summaryPath) }
            catch { diagnostics.append("warning: GITHUB_STEP_SUMMARY: \(error)") }
        }
        if let path = options.destinations.outputPath {
            do { try AtomicFile.write(output, to: path); output = "" } catch { diagnostics.append("error: \(error)"); failed = true }
        }
        // Published attributions are reported but fail nothing unless the configuration says so.
        let failing = report.repositories.lazy.flatMap(\.findings).contains { setup.attributionFails || $0.context != .attribution }
        if failing, let note = setup.unkeyedAllowNote { diagnostics.append(note) }
        if let warning = setup.keyWarning { diagnostics.append(warning) }
        let exit = failed ? ExitStatus.error : (failing ? ExitStatus.findings : ExitStatus.clean)
        return RunResult(output: output, diagnostics: diagnostics, exitCode: exit)
    }

    /// Audits one repository: history (deduplicated, with presence at HEAD) or the tree.
    /// The refs digest `--resume` compares (read without `GIT_DIR` and the like).
    static func refsDigest(_ path: String) -> String? { GitHistoryReader(directory: path, isolated: true).refsDigest() }

    static func audit(name: String, path: String, history: Bool, setup: RunSetup) -> RepositoryResult {
        var result = RepositoryResult(name: name, path: path, status: "ok", history: history ? "all" : "none")
        result.fingerprintKey = setup.fingerprinter.keyIdentity
        let reader = GitHistoryReader(directory: path, isolated: true)
        // Taken before the scan: a push during it makes the next --resume scan again.
        result.refs = reader.refsDigest()
        var collector: FindingCollector
        // A repository with no commits yet is "empty": reported as such, never a failure
        // (a Kubernetes Job would retry an audit that exits 2 on it, and fail again).
        if reader.isWithoutCommits() {
            result.status = "empty"; result.commits = history ? 0 : nil
            return result
        }
        var brokenRefs: [String] = []
        if history {
            collector = GitScanJob.scan(.history(ref: nil, since: nil), reader: reader, setup: setup, workers: 1, brokenRefs: &brokenRefs)
            result.commits = collector.summary.commits
            result.addedLines = collector.summary.addedLines
            if reader.isShallow() { result.shallow = true }
        } else {
            // HEAD's committed tree, read from the object store: a bare mirror has one too.
            collector = CommittedTreeScan.collect(repository: path, setup: setup)
        }
        var errors = collector.summary.errors
        if !collector.summary.limitHits.isEmpty { errors.append(String(FindingCollector.limitMessage(collector.summary.limitHits).dropFirst("error: ".count))) }
        if let error = errors.first {
            result.status = "failed"
            result.error = errors.count == 1 ? error : "\(error) (and \(errors.count - 1) more)"
            return result
        }
        if !brokenRefs.isEmpty {
            // The readable refs were scanned: keep what they hold, and name what was not read.
            result.status = "partial"
            result.error = brokenRefs.count == 1 ? GitScanJob.brokenRefMessage(brokenRefs[0])
                : "broken refs \(brokenRefs.joined(separator: ", ")): their commits cannot be read, so their history was not scanned (the other refs were)"
        }
        result.bytesScanned = collector.summary.bytesScanned
        result.suppressed = collector.summary.suppressed
        let findings = collector.findings
        var distinct = AuditFinding.deduplicate(findings)
        if history { markPresence(&distinct, findings: findings, reader: reader) }
        result.findings = distinct
        return result
    }

    /// Whether each value is still in HEAD's copy of any file it appeared in. A value that
    /// moved to a file where it never appeared in a diff is not looked for (documented).
    static func markPresence(_ distinct: inout [AuditFinding], findings: [Finding], reader: GitHistoryReader) {
        guard !distinct.isEmpty else { return }
        guard let contents = try? reader.contentsAtHead(Array(Set(distinct.flatMap(\.paths))).sorted()) else { return }
        var values: [String: Data] = [:]
        for f in findings { values[f.ruleID + "\t" + f.fingerprint] = Data(f.value.utf8) }
        for i in distinct.indices where distinct[i].location == nil {
            guard let value = values[distinct[i].rule + "\t" + distinct[i].fingerprint], !value.isEmpty else { continue }
            distinct[i].presentAtHead = distinct[i].paths.contains { path in
                contents[path].map { Data($0).range(of: value) != nil } ?? false
            }
        }
    }
}


extension Array where Element == String {
    /// The elements in first-seen order, each once.
    func uniqued() -> [String] { var seen = Set<String>(); return filter { seen.insert($0).inserted } }
}
