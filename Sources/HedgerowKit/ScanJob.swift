import Dispatch
import Foundation
import HedgerowCore
import HedgerowInputs
import HedgerowReport

/// The library entry point behind `hedgerow scan`: collect inputs, scan them in
/// parallel with one scanner per thread, order the findings, and render the report.
public enum ScanJob {
    public static func run(_ options: ScanOptions) -> RunResult {
        let rules: [Rule]
        do {
            rules = try BuiltinRules.load() + options.extraRuleFiles.flatMap { path in
                guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                    throw YAMLProblem(file: path, line: nil, message: "cannot read rule file")
                }
                return try RuleLoader.load(yaml: text, file: path)
            }
        } catch {
            return RunResult(output: "", diagnostics: ["error: \(error)"], exitCode: ExitStatus.error)
        }
        let ruleSet: RuleSet
        do { ruleSet = try RuleSet(rules) } catch {
            return RunResult(output: "", diagnostics: ["error: \(error)"], exitCode: ExitStatus.error)
        }
        let fingerprinter = Fingerprinter(key: options.fingerprintKey ?? FingerprintKey.resolve())

        var summary = ScanSummary()
        var results: [InputResult] = []
        let filePaths = options.paths.filter { $0 != "-" }
        if options.paths.contains("-") {
            let scanner = Scanner(ruleSet: ruleSet, fingerprinter: fingerprinter, chunkSize: options.chunkSize)
            results.append(InputScanner().scanDescriptor(0, displayPath: "-", with: scanner))
        }
        let outcome = FileWalker().collect(filePaths)
        summary.errors += outcome.errors
        for (reason, count) in outcome.skipped { summary.skipped[reason, default: 0] += count }
        results += scanInParallel(outcome.files, ruleSet: ruleSet, fingerprinter: fingerprinter, options: options)

        var findings: [Finding] = []
        for result in results {
            if let error = result.error { summary.errors.append(error); continue }
            if let reason = result.skippedReason { summary.skip(reason); continue }
            summary.filesScanned += 1
            summary.bytesScanned += result.bytes
            for (rule, count) in result.limitHits { summary.limitHits[rule, default: 0] += count }
            for finding in result.findings {
                if finding.confidence >= options.minConfidence {
                    findings.append(finding)
                    summary.findingsByCategory[finding.category, default: 0] += 1
                } else {
                    summary.belowThreshold += 1
                }
            }
        }
        findings.sort { ($0.origin.path, $0.start.offset, $0.ruleID) < ($1.origin.path, $1.start.offset, $1.ruleID) }

        let context = ReportContext(toolVersion: hedgerowVersion, findings: findings, summary: summary,
                                    showValues: options.showValues, color: options.color)
        let reporter: Reporter = options.format == .json ? JSONReporter() : TextReporter()
        var diagnostics = summary.errors.map { "error: \($0)" }
        if !summary.limitHits.isEmpty {
            diagnostics.append("warning: match limit reached (input partly unscanned by): \(summary.limitHits.keys.sorted().joined(separator: ", "))")
        }
        if summary.filesScanned == 0 && summary.errors.isEmpty {
            // Named inputs with nothing scannable in them must not pass as a clean scan.
            let skipped = summary.skipped.values.reduce(0, +)
            summary.errors.append("nothing scannable in \(options.paths.joined(separator: " ")) (\(skipped) skipped)")
            diagnostics.append("error: \(summary.errors.last!)")
        }
        let exit: Int32
        if !summary.errors.isEmpty { exit = ExitStatus.error }
        else if !findings.isEmpty { exit = ExitStatus.findings }
        else { exit = ExitStatus.clean }
        return RunResult(output: reporter.render(context), diagnostics: diagnostics, exitCode: exit)
    }

    /// Scans files on all cores; results come back in input order whatever the timing.
    static func scanInParallel(_ files: [FileTarget], ruleSet: RuleSet, fingerprinter: Fingerprinter, options: ScanOptions) -> [InputResult] {
        guard !files.isEmpty else { return [] }
        let threads = max(1, min(files.count, options.threads > 0 ? options.threads : ProcessInfo.processInfo.activeProcessorCount))
        let results = ResultSlots(count: files.count)
        let next = AtomicCounter()
        DispatchQueue.concurrentPerform(iterations: threads) { _ in
            let scanner = Scanner(ruleSet: ruleSet, fingerprinter: fingerprinter, chunkSize: options.chunkSize)
            while true {
                let i = next.increment()
                guard i < files.count else { break }
                results.set(i, InputScanner().scanFile(files[i], with: scanner))
            }
        }
        return results.values
    }
}

/// Fixed slots written by index from several threads.
final class ResultSlots: @unchecked Sendable {
    private var slots: [InputResult?]
    private let lock = NSLock()
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ value: InputResult) { lock.lock(); slots[i] = value; lock.unlock() }
    var values: [InputResult] { slots.compactMap { $0 } }
}

/// A shared work counter: each thread takes the next file index.
final class AtomicCounter: @unchecked Sendable {
    private var value = -1
    private let lock = NSLock()
    func increment() -> Int { lock.lock(); defer { lock.unlock() }; value += 1; return value }
}
