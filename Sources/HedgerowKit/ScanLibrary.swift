import Foundation
import HedgerowCore
import HedgerowInputs

/// What a scan found, for programs that use hedgerow as a library (an editor plugin, a
/// service checking text before it goes to an AI tool): findings and counts, nothing
/// rendered. Rendering is the reporters' job; `ScanJob.run` is the command's way in.
public struct ScanOutcome: Sendable {
    /// The findings to report, in input order; empty when they went to a sink instead.
    public var findings: [Finding]
    /// Files and bytes scanned, findings by category, suppressions, skips and errors.
    public var summary: ScanSummary
    /// Errors and warnings as sentences (no values in them).
    public var diagnostics: [String]
    /// 0 clean, 1 findings, 2 error: what the command would exit with.
    public var exitCode: Int32

    static func failure(_ error: Error) -> ScanOutcome {
        ScanOutcome(findings: [], summary: ScanSummary(), diagnostics: ["error: \(error)"], exitCode: ExitStatus.error)
    }
}

extension ScanJob {
    /// Scans the options' paths (and standard input for "-") and returns what was found,
    /// with the configuration, suppressions and confidence threshold applied as `scan` does.
    /// Nothing is printed or written. `options.format` only decides whether attributions are
    /// listed (JSON and JSON Lines list them, as `--show-attribution` does).
    public static func scan(_ options: ScanOptions) -> ScanOutcome {
        scan(options, sink: nil)
    }

    /// As `scan`, but each finding goes to `sink` as soon as its place in input order is
    /// settled, and is not kept: memory does not grow with the number of findings. `sink`
    /// is called on one thread at a time, in input order.
    public static func scan(_ options: ScanOptions, sink: ((Finding) -> Void)?) -> ScanOutcome {
        let setup: RunSetup, walk: BackgroundWalk
        do { (setup, walk) = try prepare(options) } catch { return .failure(error) }
        let stream = sink.map { FindingStream(collector: setup.collector(), output: nil, sink: $0) { _ in "" } }
        let collector = collect(setup: setup, stream: stream, walk: walk)
        return ScanOutcome(findings: collector.findings, summary: collector.summary,
                           diagnostics: collector.diagnostics + [setup.keyWarning].compactMap { $0 }, exitCode: collector.exitCode)
    }
}

extension ScanJob {
    /// The configuration, compiled rules and file walk a scan starts from. The tree is
    /// walked while the rules compile: both take milliseconds, and nothing else runs in
    /// parallel before the scan starts.
    static func prepare(_ given: ScanOptions) throws -> (RunSetup, BackgroundWalk) {
        let walk = BackgroundWalk(paths: given.inputs.paths.filter { $0 != "-" }, walker: FileWalker(useIgnoreFiles: given.inputs.useIgnoreFiles))
        let setup = try RunSetup(given, searchFrom: searchStart(given))
        if let shortage = MemoryLimit.shortage() { throw MemoryShortage(message: shortage) }
        return (setup, walk)
    }

    /// Too little memory under the process's limit to scan at all.
    struct MemoryShortage: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }
}
