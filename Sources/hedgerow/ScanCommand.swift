import ArgumentParser
import HedgerowKit

struct ScanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Scan files, directories or standard input (-).",
        discussion: "Directories are walked, skipping .git and anything in .gitignore or .hedgerowignore; symlinks are never followed inside a walk. Binary files are skipped and counted."
    )

    @Argument(help: "Files or directories to scan; - reads standard input.")
    var paths: [String] = []

    @Flag(help: "The content has already been shared (pushed, pasted, sent): findings are exposures and --incident-dir drafts records.")
    var exposed = false

    @Flag(inversion: .prefixedNo, help: "Text output as a prevention result (\"do not paste\"); default: on for standard input and transcripts (.vtt, .srt, .transcript, .chat).")
    var prevention: Bool?

    @Flag(name: .customLong("no-ignore"), help: "Scan files that .gitignore, git's other excludes or .hedgerowignore leave out (a .env is usually git-ignored).")
    var noIgnore = false

    @OptionGroup var common: CommonOptions

    func validate() throws {
        if paths.isEmpty { throw ValidationError("name at least one path, or - for standard input") }
        if common.incidents.incidentDirectory != nil && !exposed {
            throw ValidationError("--incident-dir drafts records for exposures: add --exposed if this content was already shared")
        }
        if exposed && prevention == true { throw ValidationError("--exposed and --prevention contradict each other") }
    }

    func run() throws {
        var options = common.scanOptions(paths: paths)
        options.reporting.exposed = exposed
        options.inputs.useIgnoreFiles = !noIgnore
        options.reporting.prevention = prevention
        Terminal.finish(ScanJob.run(options))
    }
}
