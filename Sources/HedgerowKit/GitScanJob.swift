import Foundation
import HedgerowCore
import HedgerowInputs
import HedgerowReport

/// The library entry point behind `hedgerow git`: the added lines of the staged change,
/// a commit range or a history, scanned while git streams them.
public enum GitScanJob {
    public static func run(_ selection: GitSelection, repository: String, options given: ScanOptions, quietWhenClean: Bool = false) -> RunResult {
        let setup: RunSetup
        do { setup = try RunSetup(given, searchFrom: repository) } catch { return RunSetup.failure(error) }
        let options = setup.options
        let reader = GitHistoryReader(directory: repository)
        let workers = selection == .staged ? 1 : MemoryLimit.threads(max(1, options.inputs.threads > 0 ? options.inputs.threads : ProcessInfo.processInfo.activeProcessorCount))
        let collector = scan(selection, reader: reader, setup: setup, workers: workers)

        var kind = RunKind(subject: "", prevention: nil, exposure: nil, quietWhenClean: quietWhenClean)
        switch selection {
        case .staged:
            kind.subject = "the staged change"
            kind.prevention = .commit
        case let .range(base, head):
            kind.subject = "\(base)..\(head)"
            kind.exposure = IncidentRecord.Source(kind: "repository", name: reader.displayName(), branch: kind.subject)
        case let .history(ref, since):
            kind.subject = "history of \(ref ?? "all refs")" + (since.map { " since \($0)" } ?? "")
            kind.exposure = IncidentRecord.Source(kind: "repository", name: reader.displayName(), branch: ref ?? "all refs")
        }
        if kind.exposure != nil {
            kind.goneFromHead = HeadPresence.goneFromHead(collector.findings, reader: reader)
            if options.destinations.incidentDirectory != nil {
                kind.branchesByCommit = CommitBranches.branches(for: collector.findings.compactMap(\.origin.commit), reader: reader)
            }
        }
        return RunOutput.finish(collector, setup: setup, reporting: options.reporting, destinations: options.destinations, kind: kind)
    }

    /// Reads a selection through git and scans it on `workers` threads while git streams;
    /// a ref that could not be read is an error of the run (the other refs were scanned).
    static func scan(_ selection: GitSelection, reader: GitHistoryReader, setup: RunSetup, workers: Int) -> FindingCollector {
        var broken: [String] = []
        var collector = scan(selection, reader: reader, setup: setup, workers: workers, brokenRefs: &broken)
        collector.summary.errors += broken.map(brokenRefMessage)
        return collector
    }

    /// What to say about a ref git could not read.
    static func brokenRefMessage(_ ref: String) -> String {
        "broken ref \(ref): its commit cannot be read, so its history was not scanned (the other refs were)"
    }

    /// The same, handing the refs that could not be read to the caller (an audit names
    /// them on the repository and keeps its findings).
    static func scan(_ selection: GitSelection, reader: GitHistoryReader, setup: RunSetup, workers: Int, brokenRefs: inout [String]) -> FindingCollector {
        let options = setup.options
        let pipeline = FragmentPipeline(workers: workers, statistics: setup.statistics) { setup.scanner() }
        var collector = setup.collector()
        var totals = DiffTotals()
        // Config excludes apply to repository paths; the work-tree root is only asked for when there are any.
        let top = setup.excludes.isEmpty ? nil : reader.topLevel()
        var excluded = 0
        do {
            totals = try reader.read(selection) { fragment in
                if let top, setup.excludes(absolutePath: top + "/" + fragment.path) { excluded += 1; return }
                pipeline.submit(fragment)
            }
        } catch {
            collector.summary.errors.append("\(error)")
        }
        for scanned in pipeline.finish() {
            if let error = scanned.error { collector.summary.errors.append(error); continue }
            collector.summary.bytesScanned += scanned.bytes
            for (rule, count) in scanned.limitHits { collector.summary.limitHits[rule, default: 0] += count }
            scanned.findings.forEach { collector.add($0) }
        }
        collector.summary.filesScanned = totals.files
        brokenRefs = totals.brokenRefs
        scanDocuments(totals.documents, reader: reader, setup: setup, into: &collector)
        collector.summary.addedLines = totals.addedLines
        if selection != .staged { collector.summary.commits = totals.commits }
        if totals.binaryFiles > 0 { collector.summary.skipped["binary", default: 0] += totals.binaryFiles }
        if excluded > 0 { collector.summary.skipped["excluded by config", default: 0] += excluded }
        return collector
    }

    /// Documents and archives a change added or modified, read whole from their blob (the
    /// index for the staged change, the commit otherwise) and scanned as `scan` would.
    static func scanDocuments(_ changes: [DocumentChange], reader: GitHistoryReader, setup: RunSetup, into collector: inout FindingCollector) {
        guard !changes.isEmpty else { return }
        let options = setup.options
        let inputs = InputScanner(documents: options.inputs.documents)
        let scanner = setup.scanner()
        for change in changes {
            guard options.inputs.documents.enabled else { collector.summary.skip("binary"); continue }
            let bytes: [UInt8]
            do { bytes = try reader.blob(path: change.path, commit: change.commit?.hash, limit: options.inputs.documents.maxExpandedBytes) } catch {
                collector.summary.errors.append("\(error)")
                continue
            }
            guard let result = inputs.scanDocument(bytes: bytes, displayPath: change.path, with: scanner), let tally = result.document else {
                collector.summary.skip("binary")
                continue
            }
            for (reason, count) in tally.skipped { collector.summary.skipped[reason, default: 0] += count }
            collector.summary.errors += tally.errors
            collector.summary.filesScanned += 1
            collector.summary.bytesScanned += tally.bytes
            for (rule, count) in result.limitHits { collector.summary.limitHits[rule, default: 0] += count }
            for finding in result.findings {
                var dated = finding
                dated.origin.commit = change.commit?.hash
                dated.origin.author = change.commit?.author
                dated.origin.date = change.commit?.date
                collector.add(dated)
            }
        }
        setup.statistics.add(scanner.statistics)
    }
}
