import ArgumentParser
import HedgerowCore
import HedgerowKit

/// Options every scanning command shares, parsed once into `ScanOptions`.
struct CommonOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: "Output format: text or json.")
    var format: String = "text"

    @Option(name: .customLong("min-confidence"), help: "Report and fail on findings at or above: low, medium or high.")
    var minConfidence: String = "medium"

    @Flag(name: .customLong("show-values"), help: "Print raw matched values. Never use this where output is stored or shared.")
    var showValues = false

    @Option(name: .customLong("rules"), help: "An extra rule file to load (repeatable).")
    var ruleFiles: [String] = []

    @Option(name: .customLong("threads"), help: "Worker threads (default: all cores).")
    var threads: Int = 0

    func validate() throws {
        if OutputFormat(rawValue: format) == nil {
            throw ValidationError("unknown format '\(format)' (one of: \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        if Confidence(rawValue: minConfidence) == nil { throw ValidationError("--min-confidence must be low, medium or high") }
        if threads < 0 { throw ValidationError("--threads must be 0 (all cores) or more") }
    }

    func scanOptions(paths: [String]) -> ScanOptions {
        var options = ScanOptions(paths: paths)
        options.format = OutputFormat(rawValue: format)!
        options.minConfidence = Confidence(rawValue: minConfidence)!
        options.showValues = showValues
        options.extraRuleFiles = ruleFiles
        options.threads = threads
        options.color = Terminal.wantsColor
        return options
    }
}
