import ArgumentParser

/// The executable stays thin: each subcommand parses arguments, builds an options value
/// and calls one library entry point in HedgerowKit.
struct Hedgerow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hedgerow",
        abstract: "Find personal data and secrets before they leave your machine.",
        discussion: """
        Exit codes: 0 nothing found, 1 findings, 2 error (bad arguments, unreadable input,
        nothing scannable). Values are always masked unless you pass --show-values.
        """,
        version: "0.1.0",
        subcommands: [ScanCommand.self, RulesCommand.self],
        defaultSubcommand: nil
    )
}

Hedgerow.main()
