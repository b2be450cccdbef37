import ArgumentParser
import Foundation

/// The executable stays thin: each subcommand parses arguments, builds an options value
/// and calls one library entry point in HedgerowKit.
struct Hedgerow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hedgerow",
        abstract: "Find personal data and secrets before they leave your machine.",
        discussion: """
        Exit codes: 0 nothing found, 1 findings, 2 error (bad arguments, unreadable input, \
        nothing scannable). Values are always masked unless you pass --show-values.
        """,
        version: "0.1.0",
        subcommands: [ScanCommand.self, RedactCommand.self, RestoreCommand.self, GitScanCommand.self, AuditCommand.self, MergeCommand.self, HookCommand.self, BaselineCommand.self, ReportCommand.self, RulesCommand.self]
    )
}

// Usage errors exit 2 like every other error (argument-parser's default is 64), so that
// 1 always and only means "findings".
StandardOutput.ignoreBrokenPipe()
do {
    var command = try Hedgerow.parseAsRoot()
    try command.run()
} catch {
    if Hedgerow.exitCode(for: error) == .success { Hedgerow.exit(withError: error) }
    _ = StandardOutput.write(Array((Hedgerow.fullMessage(for: error) + "\n").utf8), to: STDERR_FILENO)
    exit(2)
}
