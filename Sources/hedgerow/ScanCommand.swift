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

    @OptionGroup var common: CommonOptions

    func validate() throws {
        if paths.isEmpty { throw ValidationError("name at least one path, or - for standard input") }
    }

    func run() throws {
        Terminal.finish(ScanJob.run(common.scanOptions(paths: paths)))
    }
}
