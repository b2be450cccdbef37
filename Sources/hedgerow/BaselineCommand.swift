import ArgumentParser
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
        @OptionGroup var common: CommonOptions

        func validate() throws {
            if common.output == nil { throw ValidationError("name the baseline file to write: -o FILE") }
        }

        func run() throws {
            var options = common.scanOptions(paths: paths)
            options.outputPath = nil
            Terminal.finish(BaselineJob.create(options, file: common.output!))
        }
    }

    struct Update: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Drop baseline entries whose values no longer occur.")
        @Argument(help: "Files or directories to scan (default: .).")
        var paths: [String] = ["."]
        @OptionGroup var common: CommonOptions

        func validate() throws {
            if common.baseline == nil { throw ValidationError("name the baseline file to update: --baseline FILE") }
        }

        func run() throws { Terminal.finish(BaselineJob.update(common.scanOptions(paths: paths), file: common.baseline!)) }
    }
}
