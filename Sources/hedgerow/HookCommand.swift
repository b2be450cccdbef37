import ArgumentParser
import Foundation
import HedgerowKit

struct HookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hook",
        abstract: "Install the pre-commit hook.",
        subcommands: [Install.self, Print.self]
    )

    struct Install: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Install hedgerow's pre-commit hook into a repository.",
            discussion: "Writes into the folder git runs hooks from (core.hooksPath if set). An existing hook that is not hedgerow's is left alone unless --force, which keeps it as pre-commit.before-hedgerow."
        )
        @Option(name: [.customShort("C"), .customLong("repo")], help: "The repository (default: the current directory).")
        var repository: String = "."

        @Flag(help: "Replace an existing pre-commit hook (it is kept beside the new one).")
        var force = false

        func run() throws {
            Terminal.finish(HookInstaller.install(repository: repository, force: force, binary: Bundle.main.executablePath))
        }
    }

    struct Print: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the hook script, to add to a hook of your own.")
        func run() throws { Terminal.finish(RunResult(printing: HookInstaller.script(fallback: nil))) }
    }
}
