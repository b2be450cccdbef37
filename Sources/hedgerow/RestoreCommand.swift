import Foundation
import ArgumentParser
import HedgerowKit

struct RestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Put the real values back in place of a redaction's replacements, using its map.",
        discussion: "For the answer an AI tool gave about a redacted copy: hedgerow restore --map map.json answer.txt. Run on the copy itself, it gives back the original."
    )

    @Option(help: "The map written by hedgerow redact --map.")
    var map: String

    @Argument(help: "The text to restore: a file, or - for standard input (default).")
    var input: String = "-"

    @Option(name: .shortAndLong, help: "Write the result to this file instead of standard output.")
    var output: String?

    @Flag(help: "Read the clipboard and write the restored text back to it.")
    var clipboard = false

    func run() throws {
        var options = RestoreOptions(mapPath: map)
        options.inputPath = input
        options.outputPath = output
        options.clipboard = clipboard
        options.environment = ProcessInfo.processInfo.environment
        Terminal.finish(RestoreJob.run(options))
    }
}
