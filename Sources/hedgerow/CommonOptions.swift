import ArgumentParser
import Foundation
import HedgerowCore
import HedgerowKit

/// Options every scanning command shares, parsed once into `ScanOptions`.
struct CommonOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: "Output format: text, json, jsonl, sarif or markdown.")
    var format: String = "text"

    @Option(name: .shortAndLong, help: "Write the report to this file (atomically) instead of standard output.")
    var output: String?

    @Option(name: .customLong("incident-dir"), help: "Draft DE/CL incident records (Markdown and JSON) for exposures into this directory.")
    var incidentDirectory: String?

    @Option(name: .customLong("log-near-miss"), help: "Append a P4 near-miss line (no values) to this file when a prevention result blocks something.")
    var nearMissLog: String?

    @Option(name: .customLong("bulk-threshold"), help: "Distinct personal-data values that make a data exposure P2 (default 10).")
    var bulkThreshold: Int?

    @Option(name: .customLong("sensitive-threshold"), help: "Distinct NHS, NI, card, bank or date-of-birth values that make a data exposure P2 (default 3).")
    var sensitiveThreshold: Int?

    @Option(name: .customLong("min-confidence"), help: "Report and fail on findings at or above: low, medium or high (default: the configuration's, else medium).")
    var minConfidence: String?

    @Option(help: "The configuration file (default: .hedgerow.yml in the scanned directory or above it, up to the repository root).")
    var config: String?

    @Option(help: "Suppress (and count) the findings listed in this baseline file.")
    var baseline: String?

    @Flag(name: .customLong("show-values"), help: "Print raw matched values. Never use this where output is stored or shared.")
    var showValues = false

    @Option(name: .customLong("rules"), help: "An extra rule file to load (repeatable).")
    var ruleFiles: [String] = []

    @Option(name: .customLong("threads"), help: "Worker threads (default: all cores).")
    var threads: Int = 0

    @Flag(help: "Print per-rule time, candidates, matches and rejections to standard error.")
    var stats = false

    @Flag(name: .customLong("no-documents"), help: "Treat archives, Office files and PDFs as binary (skipped) instead of opening them.")
    var noDocuments = false

    @Option(name: .customLong("split-bytes"), help: .hidden)
    var splitBytes: Int = 16 << 20

    func validate() throws {
        if OutputFormat(rawValue: format) == nil {
            throw ValidationError("unknown format '\(format)' (one of: \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        if let minConfidence, Confidence(rawValue: minConfidence) == nil { throw ValidationError("--min-confidence must be low, medium or high") }
        if threads < 0 { throw ValidationError("--threads must be 0 (all cores) or more") }
        if let n = bulkThreshold, n < 1 { throw ValidationError("--bulk-threshold must be 1 or more") }
        if let n = sensitiveThreshold, n < 1 { throw ValidationError("--sensitive-threshold must be 1 or more") }
    }

    func scanOptions(paths: [String]) -> ScanOptions {
        var options = ScanOptions(paths: paths)
        options.format = OutputFormat(rawValue: format)!
        options.minConfidence = minConfidence.flatMap(Confidence.init(rawValue:))
        options.stats = stats
        options.splitBytes = splitBytes
        options.configPath = config
        options.baselinePath = baseline
        options.showValues = showValues
        options.extraRuleFiles = ruleFiles
        options.threads = threads
        options.color = Terminal.wantsColor
        options.outputPath = output
        options.incidentDirectory = incidentDirectory
        options.nearMissLog = nearMissLog
        if let n = bulkThreshold { options.policy.bulkThreshold = n; options.bulkThreshold = n }
        if let n = sensitiveThreshold { options.policy.sensitiveThreshold = n; options.sensitiveThreshold = n }
        options.environment = ProcessInfo.processInfo.environment
        if noDocuments { options.documents.enabled = false }
        return options
    }
}
