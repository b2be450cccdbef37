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
        let setup: RunSetup
        do { setup = try RunSetup(given, searchFrom: searchStart(given)) } catch { return RunSetup.failure(error) }
        let options = setup.options
        let collector = collect(setup: setup)
        let transcriptLike = options.paths.allSatisfy { $0 == "-" || transcriptExtensions.contains(($0 as NSString).pathExtension.lowercased()) }
        let prevents = !options.exposed && (options.prevention ?? transcriptLike)
        let kind = RunKind(
            subject: options.paths.joined(separator: " "),
            prevention: prevents ? .paste : nil,
            exposure: options.exposed ? IncidentRecord.Source(kind: "input", name: options.paths.joined(separator: " ")) : nil
        )
        return RunOutput.finish(collector, setup: setup, options: options, kind: kind)
    }

    /// Where `.hedgerow.yml` is looked for: the first path named, else the working directory.
    static func searchStart(_ options: ScanOptions) -> String {
        options.paths.first { $0 != "-" } ?? FileManager.default.currentDirectoryPath
    }

    /// Scans the inputs and collects findings, suppressions and totals, without reporting.
    static func collect(setup: RunSetup) -> FindingCollector {
        let options = setup.options

        var collector = setup.collector()
        var results: [InputResult] = []
        let filePaths = options.paths.filter { $0 != "-" }
        if options.paths.contains("-") {
            let scanner = setup.scanner(options)
            results.append(InputScanner().scanDescriptor(0, displayPath: "-", with: scanner))
            setup.statistics.add(scanner.statistics)
        }
        let outcome = FileWalker().collect(filePaths)
        collector.summary.errors += outcome.errors
        for (reason, count) in outcome.skipped { collector.summary.skipped[reason, default: 0] += count }
        // A path named on the command line is scanned even if the configuration excludes it
        // (`hedgerow scan Fixtures` means it); excludes apply to what a walk finds.
        let named = filePaths.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
            .filter { setup.excludes(absolutePath: $0) || setup.excludes(absolutePath: $0 + "/x") }
        let files = outcome.files.filter { file in
            let absolute = URL(fileURLWithPath: file.path).standardizedFileURL.path
            if named.contains(where: { absolute == $0 || absolute.hasPrefix($0 + "/") }) { return true }
            let excluded = setup.excludes(absolutePath: absolute)
            if excluded { collector.summary.skip("excluded by config") }
            return !excluded
        }
        results += scanInParallel(files, setup: setup, options: options)

        for result in results {
            if let error = result.error { collector.summary.errors.append(error); continue }
            if let reason = result.skippedReason { collector.summary.skip(reason); continue }
            collector.summary.filesScanned += 1
            collector.summary.bytesScanned += result.bytes
            for (rule, count) in result.limitHits { collector.summary.limitHits[rule, default: 0] += count }
            result.findings.forEach { collector.add($0) }
        }
        collector.findings.sort { ($0.origin.path, $0.start.offset, $0.ruleID) < ($1.origin.path, $1.start.offset, $1.ruleID) }
        if collector.summary.filesScanned == 0 && collector.summary.errors.isEmpty {
            // Named inputs with nothing scannable in them must not pass as a clean scan.
            let skipped = collector.summary.skipped.values.reduce(0, +)
            collector.summary.errors.append("nothing scannable in \(options.paths.joined(separator: " ")) (\(skipped) skipped)")
        }
        return collector
    }

    /// Scans files on all cores; results come back in input order whatever the timing.
    static func scanInParallel(_ files: [FileTarget], setup: RunSetup, options: ScanOptions) -> [InputResult] {
        guard !files.isEmpty else { return [] }
        let threads = max(1, min(files.count, options.threads > 0 ? options.threads : ProcessInfo.processInfo.activeProcessorCount))
        let results = ResultSlots<InputResult>(count: files.count)
        let next = AtomicCounter()
        DispatchQueue.concurrentPerform(iterations: threads) { _ in
            let scanner = setup.scanner(options)
            while true {
                let i = next.increment()
                guard i < files.count else { break }
                results.set(i, InputScanner().scanFile(files[i], with: scanner))
            }
            setup.statistics.add(scanner.statistics)
        }
        return results.values
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
