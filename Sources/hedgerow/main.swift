import ArgumentParser
import Foundation
import HedgerowInputs
import HedgerowKit
import HedgerowVersion

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
        version: BuildInfo.description,
        subcommands: [ScanCommand.self, RedactCommand.self, RestoreCommand.self, GitScanCommand.self, AuditCommand.self, MergeCommand.self, HookCommand.self, BaselineCommand.self, ReportCommand.self, RulesCommand.self]
    )
}

// Usage errors exit 2 like every other error (argument-parser's default is 64), so that
// 1 always and only means "findings".
StandardOutput.ignoreBrokenPipe()
// Under `ulimit -v`: reserve less address space per thread, fail cleanly when memory runs out.
if let problem = MemoryLimit.prepare() {
    _ = StandardOutput.write(Array("hedgerow: error: \(problem)\n".utf8), to: STDERR_FILENO)
    exit(2)
}

// Decoded keeping every byte, so a path that is not UTF-8 still opens (FileNames).
let arguments = Array(FileNames.commandLineArguments().dropFirst())
// A mistyped command would otherwise read as "unexpected arguments".
if let first = arguments.first, !first.hasPrefix("-") {
    let names = Hedgerow.configuration.subcommands.compactMap { $0.configuration.commandName } + ["help"]
    if !names.contains(first) {
        var message = "hedgerow: error: unknown command '\(first)'"
        if let near = Suggestion.nearest(to: first, in: names) { message += "; did you mean 'hedgerow \(near)'?" }
        FileHandle.standardError.write(Data((message + "\nSee 'hedgerow --help' for the commands.\n").utf8))
        exit(2)
    }
}

do {
    var command = try Hedgerow.parseAsRoot(arguments)
    try command.run()
} catch {
    if Hedgerow.exitCode(for: error) == .success { Hedgerow.exit(withError: error) }
    _ = StandardOutput.write(Array((Hedgerow.fullMessage(for: error) + "\n").utf8), to: STDERR_FILENO)
    exit(2)
}
