import ArgumentParser
import Foundation
import HedgerowCore
import HedgerowKit

struct BaselineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "baseline",
        abstract: "Accept the findings already present, so only new ones fail.",
        discussion: "A baseline lists fingerprint, rule and path, one per line, sorted: no values and no line numbers, so it diffs and merges cleanly and survives moved code. Use it with --baseline FILE on scan or git.",
        subcommands: [Create.self, Update.self]
    )

    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record the current findings in a baseline file.")
        @Argument(help: "Files or directories to scan (default: .).")
        var paths: [String] = ["."]
        @Option(name: .shortAndLong, help: "The baseline file to write.")
        var output: String
        @OptionGroup var scan: BaselineScanOptions

        func run() throws { Terminal.finish(BaselineJob.create(scan.scanOptions(paths: paths), file: output)) }
    }

    struct Update: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Drop baseline entries whose values no longer occur.")
        @Argument(help: "Files or directories to scan (default: .).")
        var paths: [String] = ["."]
        @Option(help: "The baseline file to update.")
        var baseline: String
        @OptionGroup var scan: BaselineScanOptions

        func run() throws { Terminal.finish(BaselineJob.update(scan.scanOptions(paths: paths), file: baseline)) }
    }
}

/// What a baseline scan needs: the rules, the confidence that counts, the threads.
struct BaselineScanOptions: ParsableArguments {
    @OptionGroup var rules: RuleSourceOptions

    @Option(name: .customLong("min-confidence"), help: "Record findings at or above this confidence (default: the configuration's, else medium).")
    var minConfidence: Confidence?

    @Option(name: .customLong("threads"), help: "Worker threads (default: all cores).")
    var threads: Int = 0

    func scanOptions(paths: [String]) -> ScanOptions {
        var options = ScanOptions(paths: paths)
        options.matching.configPath = rules.config
        options.matching.extraRuleFiles = rules.ruleFiles
        options.matching.minConfidence = minConfidence
        options.inputs.threads = threads
        options.destinations.environment = ProcessInfo.processInfo.environment
        return options
    }
}
