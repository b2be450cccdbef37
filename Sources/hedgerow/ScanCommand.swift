import ArgumentParser
import Foundation
import HedgerowCore
import HedgerowKit

struct ScanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Scan files, directories or standard input (-).",
        discussion: "Directories are walked, skipping .git and anything in .gitignore or .hedgerowignore; symlinks are never followed inside a walk. Binary files are skipped and counted."
    )

    @Argument(help: "Files or directories to scan; - reads standard input.")
    var paths: [String] = []

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
        if paths.isEmpty { throw ValidationError("name at least one path, or - for standard input") }
        if OutputFormat(rawValue: format) == nil {
            throw ValidationError("unknown format '\(format)' (one of: \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        if Confidence(rawValue: minConfidence) == nil { throw ValidationError("--min-confidence must be low, medium or high") }
    }

    func run() throws {
        var options = ScanOptions(paths: paths)
        options.format = OutputFormat(rawValue: format)!
        options.minConfidence = Confidence(rawValue: minConfidence)!
        options.showValues = showValues
        options.extraRuleFiles = ruleFiles
        options.threads = threads
        options.color = Terminal.wantsColor
        let result = ScanJob.run(options)
        Terminal.finish(result)
    }
}
