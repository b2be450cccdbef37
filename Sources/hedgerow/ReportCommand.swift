import ArgumentParser
import HedgerowKit

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Summary figures across a directory of incident records.",
        discussion: "Counts by severity and category, mean time to detect, and fingerprints that appear in more than one record."
    )

    @Argument(help: "The incident directory (--incident-dir of earlier runs).")
    var directory: String

    @Option(name: .shortAndLong, help: "Output format.")
    var format: TextOrJSON = .text

    func run() throws { Terminal.finish(ReportJob.run(directory: directory, json: format == .json)) }
}
