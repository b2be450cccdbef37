import ArgumentParser
import HedgerowKit

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Summary figures across a directory of incident records.",
        discussion: "Counts by status, severity and category, mean time to detect (days and hours), near misses from the near-miss log, and fingerprints that appear in more than one record; --since/--until limit it to records first detected in a period."
    )

    @Argument(help: "The incident directory (--incident-dir of earlier runs).")
    var directory: String

    @Option(name: .shortAndLong, help: "Output format.")
    var format: TextOrJSON = .text

    @Option(help: ArgumentHelp("Only records first detected (and near misses logged) on or after this date.", valueName: "YYYY-MM-DD"))
    var since: String?

    @Option(help: ArgumentHelp("Only records first detected (and near misses logged) on or before this date.", valueName: "YYYY-MM-DD"))
    var until: String?

    @Option(name: .customLong("near-miss"), help: ArgumentHelp("The near-miss log (--log-near-miss of hooks and pastes) to count beside the records.", valueName: "FILE"))
    var nearMiss: String?

    func run() throws {
        let period: ReportJob.Period?
        do { period = (since == nil && until == nil) ? nil : try ReportJob.Period(since: since, until: until) }
        catch { throw ValidationError("\(error)") }
        Terminal.finish(ReportJob.run(directory: directory, json: format == .json, period: period, nearMissLog: nearMiss))
    }
}
