import ArgumentParser
import HedgerowKit

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List the rules or check rule files.",
        subcommands: [List.self, Check.self]
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the built-in rules.")
        @Option(name: .shortAndLong, help: "Output format.")
        var format: TextOrJSON = .text
        func run() throws { Terminal.finish(RuleCommands.list(json: format == .json)) }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Compile every pattern and run every example and negative example.",
            discussion: "With no PATH, checks the built-in rules. PATH may be a rule file or a directory of them."
        )
        @Argument(help: "Rule files or directories to check instead of the built-in rules.")
        var paths: [String] = []
        func run() throws { Terminal.finish(RuleCommands.check(paths: paths)) }
    }
}

/// The two formats of commands that print a listing or figures.
enum TextOrJSON: String, CaseIterable, ExpressibleByArgument {
    case text, json
}
