import ArgumentParser
import Foundation
import HedgerowCore
import HedgerowKit

// Options come in groups by concern; each command takes only the groups it uses, so its
// help lists nothing it would ignore.

extension OutputFormat: ExpressibleByArgument {}

/// Where the report goes and in what form.
struct OutputOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: "Output format.")
    var format: OutputFormat = .text

    @Option(name: .shortAndLong, help: "Write the report to this file (atomically) instead of standard output.")
    var output: String?
}

/// Incident records drafted from exposures.
struct IncidentOptions: ParsableArguments {
    @Option(name: .customLong("incident-dir"), help: "Draft DE/CL incident records (Markdown and JSON) for exposures into this directory.")
    var incidentDirectory: String?

    @Option(name: .customLong("bulk-threshold"), help: "Distinct personal-data values that make a data exposure P2 (default 10).")
    var bulkThreshold: Int?

    @Option(name: .customLong("sensitive-threshold"), help: "Distinct NHS, NI, card, bank or date-of-birth values that make a data exposure P2 (default 3).")
    var sensitiveThreshold: Int?

    func validate() throws {
        if let n = bulkThreshold, n < 1 { throw ValidationError("--bulk-threshold must be 1 or more") }
        if let n = sensitiveThreshold, n < 1 { throw ValidationError("--sensitive-threshold must be 1 or more") }
    }
}

/// Which rules run, and under which configuration.
struct RuleSourceOptions: ParsableArguments {
    @Option(help: "The configuration file (default: .hedgerow.yml in the scanned directory or above it, up to the repository root).")
    var config: String?

    @Option(name: .customLong("rules"), help: "An extra rule file to load (repeatable).")
    var ruleFiles: [String] = []
}

/// Which findings count.
struct MatchOptions: ParsableArguments {
    @Option(name: .customLong("min-confidence"), help: "Report and fail on findings at or above this confidence (default: the configuration's, else medium).")
    var minConfidence: Confidence?

    @Option(help: "Suppress (and count) the findings listed in this baseline file.")
    var baseline: String?
}

extension Confidence: ExpressibleByArgument {}

/// How a scan of files or commits runs, and what it prints beyond the report.
struct ScanRunOptions: ParsableArguments {
    @Flag(name: .customLong("show-values"), help: "Print raw matched values. Never use this where output is stored or shared.")
    var showValues = false

    @Flag(name: .customLong("show-attribution"), help: "List published attributions (AUTHORS, .mailmap, copyright lines, commit trailers, package metadata) one by one instead of one summary line.")
    var showAttribution = false

    @Option(name: .customLong("log-near-miss"), help: "Append a P4 near-miss line (no values) to this file when a prevention result blocks something.")
    var nearMissLog: String?

    @Option(name: .customLong("threads"), help: "Worker threads (default: all cores).")
    var threads: Int = 0

    @Flag(help: "Print per-rule time, candidates, matches and rejections to standard error.")
    var stats = false

    @Flag(name: .customLong("no-documents"), help: "Treat archives, Office files and PDFs as binary (skipped) instead of opening them.")
    var noDocuments = false

    @Option(name: .customLong("split-bytes"), help: .hidden)
    var splitBytes: Int = 16 << 20

    func validate() throws {
        if threads < 0 { throw ValidationError("--threads must be 0 (all cores) or more") }
    }
}

/// The groups every scanning command (`scan`, `git`) takes, parsed into `ScanOptions`.
struct CommonOptions: ParsableArguments {
    @OptionGroup var report: OutputOptions
    @OptionGroup var incidents: IncidentOptions
    @OptionGroup var rules: RuleSourceOptions
    @OptionGroup var match: MatchOptions
    @OptionGroup var run: ScanRunOptions

    func scanOptions(paths: [String]) -> ScanOptions {
        var options = ScanOptions.assemble(paths: paths, report: report, incidents: incidents, rules: rules, match: match)
        options.reporting.stats = run.stats
        options.inputs.splitBytes = run.splitBytes
        options.reporting.showValues = run.showValues
        options.reporting.showAttribution = run.showAttribution
        if run.noDocuments { options.inputs.documents.enabled = false }
        options.inputs.threads = run.threads
        options.destinations.nearMissLog = run.nearMissLog
        return options
    }
}

extension ScanOptions {
    /// The options every command that reports findings shares; groups a command does not
    /// take are left at their defaults.
    static func assemble(paths: [String], report: OutputOptions, incidents: IncidentOptions, rules: RuleSourceOptions,
                         match: MatchOptions? = nil) -> ScanOptions {
        var options = ScanOptions(paths: paths)
        options.reporting.format = report.format
        options.destinations.outputPath = report.output
        options.reporting.color = Terminal.wantsColor
        options.destinations.incidentDirectory = incidents.incidentDirectory
        if let n = incidents.bulkThreshold { options.reporting.policy.bulkThreshold = n; options.reporting.bulkThreshold = n }
        if let n = incidents.sensitiveThreshold { options.reporting.policy.sensitiveThreshold = n; options.reporting.sensitiveThreshold = n }
        options.matching.configPath = rules.config
        options.matching.extraRuleFiles = rules.ruleFiles
        options.matching.minConfidence = match?.minConfidence
        options.matching.baselinePath = match?.baseline
        options.destinations.environment = ProcessInfo.processInfo.environment
        return options
    }
}
