import Dispatch
import Foundation
import HedgerowCore
import HedgerowInputs
import HedgerowReport

/// The library entry point behind `hedgerow scan`: collect inputs, scan them in
/// parallel with one scanner per thread, order the findings, and render the report.
public enum ScanJob {
    /// Inputs that are conversations about to be pasted: their text verdict is a prevention result.
    static let transcriptExtensions: Set<String> = ["vtt", "srt", "transcript", "chat"]

    public static func run(_ given: ScanOptions) -> RunResult {
        let setup: RunSetup, walk: BackgroundWalk
        do { (setup, walk) = try prepare(given) } catch { return RunSetup.failure(error) }
        let options = setup.options
        let transcriptLike = options.inputs.paths.allSatisfy { $0 == "-" || transcriptExtensions.contains(($0 as NSString).pathExtension.lowercased()) }
        let prevents = !options.reporting.exposed && (options.reporting.prevention ?? transcriptLike)
        let kind = RunKind(
            subject: options.inputs.paths.joined(separator: " "),
            prevention: prevents ? .paste : nil,
            exposure: options.reporting.exposed ? IncidentRecord.Source(kind: "input", name: options.inputs.paths.joined(separator: " ")) : nil
        )
        // Findings stream (written out as files complete, or gathered into a bounded digest for
        // the reports rendered after the scan) unless something after it needs every one again:
        // incident records, and plain text listing attributions apart.
        let streams = options.destinations.incidentDirectory == nil && !(options.reporting.format == .text && options.reporting.showAttribution && !prevents)
        guard streams else { return RunOutput.finish(collect(setup: setup, walk: walk), setup: setup, reporting: options.reporting, destinations: options.destinations, kind: kind) }
        return runStreaming(setup: setup, kind: kind, walk: walk)
    }

    /// Findings go out as files complete, in input order, and the summary last; peak memory
    /// does not grow with the number of findings. Text, JSON Lines, JSON and SARIF are written
    /// as they come; prevention text and Markdown, written for people, are rendered at the end
    /// from a digest (counts, and the first findings by rank).
    static func runStreaming(setup: RunSetup, kind: RunKind, walk: BackgroundWalk? = nil) -> RunResult {
        var options = setup.options
        let format = options.reporting.format
        let rendersAtEnd = format == .markdown || (format == .text && kind.prevention != nil)
        let digests = rendersAtEnd || (kind.prevention != nil && options.destinations.nearMissLog != nil)
            || !(options.destinations.environment["GITHUB_STEP_SUMMARY"] ?? "").isEmpty
        var writer: StreamWriter?
        if !rendersAtEnd {
            do { writer = try StreamWriter(outputPath: options.destinations.outputPath) } catch { return RunSetup.failure(error) }
        }
        let context = ReportContext(toolVersion: hedgerowVersion, findings: [], summary: ScanSummary(),
                                    showValues: options.reporting.showValues, color: options.reporting.color && options.destinations.outputPath == nil)
        let text = TextReporter(), lines = JSONLinesReporter(), json = JSONReporter(), sarif = SARIFReporter(policy: options.reporting.policy)
        let rules = setup.ruleSet.rules.filter { $0.rule.decode == nil }.map { RuleInfo($0.rule) }
        let ruleIndex = SARIFReporter.ruleIndex(rules)
        if format == .json { writer?.write(JSONReporter.streamOpening) }
        if format == .sarif { writer?.write(sarif.streamOpening(rules: rules, toolVersion: hedgerowVersion)) }
        if format == .jsonl { writer?.write(OutputContract.runLine(toolVersion: hedgerowVersion)) }
        let separator = format == .json ? JSONReporter.streamSeparator : format == .sarif ? SARIFReporter.streamSeparator : ""
        let stream = FindingStream(collector: setup.collector(), output: writer, digest: digests ? FindingDigest(policy: options.reporting.policy) : nil,
                                   separator: separator) { finding in
            if rendersAtEnd { return "" }
            switch format {
            case .jsonl: return lines.line(for: finding, showValues: context.showValues)
            case .json: return json.streamedItem(finding, showValues: context.showValues)
            case .sarif: return sarif.streamedItem(finding, ruleIndex: ruleIndex, showValues: context.showValues)
            default: return text.lines(for: finding, in: context)
            }
        }
        var collector = collect(setup: setup, stream: stream, walk: walk)
        guard let writer else { return RunOutput.finish(collector, digest: stream.digested, setup: setup, reporting: options.reporting, destinations: options.destinations, kind: kind) }
        switch format {
        case .jsonl: writer.write(lines.summaryLine(collector.summary))
        case .json: writer.write(json.streamClosing(collector.summary, toolVersion: hedgerowVersion))
        case .sarif: writer.write(sarif.streamClosing(collector.summary))
        default: writer.write(text.summaryLine(collector.summary) + "\n")
        }
        if let problem = writer.close() {
            collector.summary.errors.append("cannot write \(options.destinations.outputPath ?? "standard output"): \(problem)")
        }
        // Everything is written; what is left is diagnostics, statistics and the exit code.
        options.destinations.outputPath = nil
        options.reporting.format = .text
        var result = RunOutput.finish(collector, digest: stream.digested, setup: setup, reporting: options.reporting, destinations: options.destinations, kind: kind, rendered: false)
        result.output = ""
        return result
    }

    /// Where `.hedgerow.yml` is looked for: the first path named, else the working directory.
    static func searchStart(_ options: ScanOptions) -> String {
        options.inputs.paths.first { $0 != "-" } ?? FileManager.default.currentDirectoryPath
    }

    /// Scans the inputs and collects findings, suppressions and totals, without reporting.
    /// With `stream`, findings go to it as they are found (input order) instead of into
    /// the returned collector, which then holds only the counts.
    static func collect(setup: RunSetup, stream: FindingStream? = nil, walk: BackgroundWalk? = nil) -> FindingCollector {
        let options = setup.options

        var collector = setup.collector()
        var results: [InputResult] = []
        let filePaths = options.inputs.paths.filter { $0 != "-" }
        // Input 0 is standard input (read first, when named); files are 1, 2, ...
        if options.inputs.paths.contains("-") {
            let scanner = setup.scanner()
            results.append(InputScanner().scanDescriptor(0, displayPath: "-", with: scanner, emit: stream.map { s in { s.emit($0, input: 0) } }))
            setup.statistics.add(scanner.statistics)
        }
        stream?.finish(input: 0)
        let outcome = walk.flatMap { $0.paths == filePaths ? $0.outcome : nil } ?? FileWalker(useIgnoreFiles: options.inputs.useIgnoreFiles).collect(filePaths)
        collector.summary.errors += outcome.errors
        for (reason, count) in outcome.skipped { collector.summary.skipped[reason, default: 0] += count }
        // A path named on the command line is scanned even if the configuration excludes it
        // (`hedgerow scan Fixtures` means it); excludes apply to what a walk finds.
        let cwd = FileManager.default.currentDirectoryPath
        let named = filePaths.map { PathNormalizer.absolute($0, currentDirectory: cwd) }
            .filter { setup.excludes(absolutePath: $0) || setup.excludes(absolutePath: $0 + "/x") }
        let files = outcome.files.filter { file in
            let absolute = PathNormalizer.absolute(file.path, currentDirectory: cwd)
            if named.contains(where: { absolute == $0 || absolute.hasPrefix($0 + "/") }) { return true }
            let excluded = setup.excludes(absolutePath: absolute)
            if excluded { collector.summary.skip("excluded by config") }
            return !excluded
        }
        results += scanInParallel(files, setup: setup, inputs: options.inputs, stream: stream)
        if let stream {
            let counted = stream.counted
            collector.summary.findingsByCategory = counted.summary.findingsByCategory
            collector.summary.suppressed = counted.summary.suppressed
            collector.summary.belowThreshold = counted.summary.belowThreshold
            collector.summary.attributions = counted.summary.attributions
            collector.summary.attributionFiles = counted.summary.attributionFiles
        }

        for result in results {
            if let document = result.document {
                // An archive or document counts the parts it held; its skips and errors are the run's.
                collector.summary.filesScanned += document.files
                collector.summary.bytesScanned += document.bytes
                for (reason, count) in document.skipped { collector.summary.skipped[reason, default: 0] += count }
                collector.summary.errors += document.errors
                for (rule, count) in result.limitHits { collector.summary.limitHits[rule, default: 0] += count }
                result.findings.forEach { collector.add($0) }
                continue
            }
            if let error = result.error { collector.summary.errors.append(error); continue }
            if let reason = result.skippedReason { collector.summary.skip(reason); continue }
            collector.summary.filesScanned += 1
            collector.summary.bytesScanned += result.bytes
            for (rule, count) in result.limitHits { collector.summary.limitHits[rule, default: 0] += count }
            result.findings.forEach { collector.add($0) }
        }
        // Findings are already in input order (paths as named, the files below each in
        // the order of their whole paths, then positions): the order streamed reports have.
        if collector.summary.filesScanned == 0 && collector.summary.errors.isEmpty {
            // Named inputs with nothing scannable in them must not pass as a clean scan.
            let skipped = collector.summary.skipped.values.reduce(0, +)
            collector.summary.errors.append("nothing scannable in \(options.inputs.paths.joined(separator: " ")) (\(skipped) skipped)")
        }
        return collector
    }

    /// One unit of scanning work: a whole file, or a part of a big one.
    enum Work {
        case whole(FileTarget)
        case part(FilePart)

        var size: Int {
            switch self {
            case let .whole(file): return file.size
            case let .part(part): return part.end - part.start
            }
        }
    }

    /// Scans files on all cores, splitting big text files into parts so that one huge file
    /// uses every core too; results come back one per file, in input order, whatever the timing.
    static func scanInParallel(_ files: [FileTarget], setup: RunSetup, inputs: ScanOptions.Inputs, stream: FindingStream? = nil) -> [InputResult] {
        guard !files.isEmpty else { return [] }
        let cores = MemoryLimit.threads(inputs.threads > 0 ? inputs.threads : ProcessInfo.processInfo.activeProcessorCount)
        var work: [Work] = []
        var owner: [Int] = []  // work index -> file index
        // The speakers of a transcript scanned in parts, by file index.
        var ledgers: [Int: SpeakerLedger] = [:]
        let overlap = setup.ruleSet.maxMatchLength + 4096
        for (f, file) in files.enumerated() {
            if cores > 1, let parts = FileSplitter.plan(file, partSize: inputs.splitBytes, overlap: overlap) {
                for part in parts { work.append(.part(part)); owner.append(f) }
                if parts.first?.stage != nil { ledgers[f] = SpeakerLedger() }
            } else {
                work.append(.whole(file)); owner.append(f)
            }
        }
        // A finished part's lines move the lines of the parts after it in the same file.
        stream?.continuesFile = Set(owner.indices.filter { $0 > 0 && owner[$0] == owner[$0 - 1] }.map { $0 + 1 })
        for (i, item) in work.enumerated() {
            if case let .part(part) = item, let ledger = ledgers[owner[i]] { stream?.ledgers[i + 1] = (ledger, part.index) }
        }
        let threads = max(1, min(work.count, cores))
        let results = ResultSlots<InputResult>(count: work.count)
        let next = AtomicCounter()
        // Biggest first, so no thread is left alone with a large file at the end; results
        // keep their input position, so the order of the report does not change. Streaming
        // keeps input order instead: findings of files done ahead of their turn wait in memory.
        let schedule = stream != nil ? Array(work.indices) : work.indices.sorted { (work[$0].size, $1) > (work[$1].size, $0) }
        DispatchQueue.concurrentPerform(iterations: threads) { _ in
            let scanner = setup.scanner()
            while true {
                let n = next.increment()
                guard n < schedule.count else { break }
                let i = schedule[n]
                let emit: ((Finding) -> Void)? = stream.map { s in { s.emit($0, input: i + 1) } }
                let result = switch work[i] {
                case let .whole(file): InputScanner(documents: inputs.documents).scanFile(file, with: scanner, emit: emit)
                case let .part(part): InputScanner().scanPart(part, with: scanner, speakers: ledgers[owner[i]], emit: emit)
                }
                results.set(i, result)
                stream?.finish(input: i + 1, newlines: result.newlines)
            }
            setup.statistics.add(scanner.statistics)
        }
        // Parts of one file come back as one result, each part's lines moved by the newlines
        // of the parts before it.
        var merged: [InputResult] = []
        for (i, var result) in results.values.enumerated() {
            if let ledger = ledgers[owner[i]], case let .part(part) = work[i] {
                result.findings = result.findings.filter { ledger.admits($0, part: part.index) }
            }
            if i > 0 && owner[i] == owner[i - 1], var last = merged.popLast() {
                last.findings += result.findings.map { $0.movedDown(lines: last.newlines) }
                last.newlines += result.newlines
                last.bytes += result.bytes
                for (rule, count) in result.limitHits { last.limitHits[rule, default: 0] += count }
                if last.error == nil { last.error = result.error }
                merged.append(last)
            } else {
                merged.append(result)
            }
        }
        return merged
    }
}

/// Fixed slots written by index from several threads.
final class ResultSlots<Value>: @unchecked Sendable {
    private var slots: [Value?]
    private let lock = NSLock()
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ value: Value) { lock.lock(); slots[i] = value; lock.unlock() }
    var values: [Value] { slots.compactMap { $0 } }
}

/// A shared work counter: each thread takes the next file index.
final class AtomicCounter: @unchecked Sendable {
    private var value = -1
    private let lock = NSLock()
    func increment() -> Int { lock.lock(); defer { lock.unlock() }; value += 1; return value }
}
