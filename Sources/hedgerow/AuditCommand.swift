import ArgumentParser
import Foundation
import HedgerowKit

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Audit many repositories: full history, each value once, resumable, shardable.",
        discussion: """
        Each PATH is a repository (working copy, bare or mirror) or a directory searched for \
        them, nested ones included. Every distinct value is reported once per repository with \
        the commit that first introduced it, its paths and occurrences, and whether HEAD still \
        holds it; values found in several repositories are linked. Each repository's result \
        is written to --state-dir as it completes: --resume continues an interrupted audit. \
        --shard I/N audits a deterministic share (Kubernetes Indexed Jobs, CI matrices); \
        `hedgerow merge` combines the shards. Scanned repositories' code never runs, and \
        their own .hedgerow.yml is not trusted (only --config applies). Exit 2 if any \
        repository failed, else 1 on findings, else 0.
        """
    )

    @Argument(help: "Repositories, or directories holding repositories.")
    var paths: [String] = []

    @Option(name: .customLong("repos-file"), help: "A file listing repository paths, one per line.")
    var reposFile: String?

    @Option(help: "all: every commit of every ref; none: the committed tree at HEAD only.")
    var history: AuditHistory = .all

    @Option(help: ArgumentHelp("Audit only this share of the repositories.", valueName: "I/N"))
    var shard: String?

    @Flag(help: "Continue an interrupted audit: repositories already in --state-dir are not rescanned.")
    var resume = false

    @Option(name: .customLong("state-dir"), help: "Where per-repository results are written as they complete.")
    var stateDirectory: String = "hedgerow-audit"

    @Option(name: .customLong("threads"), help: "Repositories scanned at once (default: all cores).")
    var threads: Int = 0

    @OptionGroup var report: OutputOptions
    @OptionGroup var incidents: IncidentOptions
    @OptionGroup var rules: RuleSourceOptions
    @OptionGroup var match: MatchOptions

    func validate() throws {
        if paths.isEmpty && reposFile == nil { throw ValidationError("name repositories or directories, or --repos-file FILE") }
        if let shard, AuditOptions.parseShard(shard) == nil { throw ValidationError("--shard takes I/N with 1 <= I <= N, e.g. 2/8") }
        if threads < 0 { throw ValidationError("--threads must be 0 (all cores) or more") }
    }

    func run() throws {
        var options = AuditOptions(roots: paths, scan: .assemble(paths: paths, report: report, incidents: incidents, rules: rules, match: match))
        options.reposFile = reposFile
        options.history = history == .all
        options.shard = shard.flatMap(AuditOptions.parseShard)
        options.resume = resume
        options.stateDirectory = stateDirectory
        options.parallel = threads
        options.interactive = isatty(STDERR_FILENO) == 1
        Terminal.finish(AuditJob.run(options) { line, live in
            let text = live ? "\r\u{1B}[K" + line : "hedgerow audit: \(line)\n"
            _ = StandardOutput.write(Array(text.utf8), to: STDERR_FILENO)
        })
    }
}

struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Combine audit shards into the report one unsharded audit would produce."
    )

    @Argument(help: "The --state-dir of each shard.")
    var stateDirectories: [String] = []

    @Option(help: "Also write the combined per-repository results into this state directory.")
    var into: String?

    @OptionGroup var report: OutputOptions
    @OptionGroup var incidents: IncidentOptions
    @OptionGroup var rules: RuleSourceOptions

    func validate() throws {
        if stateDirectories.isEmpty { throw ValidationError("name the state directories of the shards to merge") }
    }

    func run() throws {
        Terminal.finish(MergeJob.run(stateDirectories: stateDirectories, into: into, options: .assemble(paths: [], report: report, incidents: incidents, rules: rules)))
    }
}

/// How much of each repository an audit reads.
enum AuditHistory: String, CaseIterable, ExpressibleByArgument {
    case all, none
}
