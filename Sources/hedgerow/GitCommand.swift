import ArgumentParser
import HedgerowInputs
import HedgerowKit

struct GitScanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "git",
        abstract: "Scan the lines a git change adds: the staged change, a commit range, or history.",
        discussion: """
        Only added lines are read, with their line numbers in the new file. git runs with \
        external diff drivers, textconv, fsmonitor, hooks, pagers and signature checks \
        disabled on its command line, so no configuration or attribute of the scanned \
        repository can make it run a program.

          hedgerow git --staged                 what the pre-commit hook runs
          hedgerow git --range origin/main..HEAD  CI: every commit of a pull request
          hedgerow git --history                every commit of every ref
          hedgerow git --history --branch main --since 2026-01-01
        """
    )

    @Flag(help: "Scan the staged change (the index against HEAD).")
    var staged = false

    @Option(help: ArgumentHelp("Scan every commit in BASE..HEAD.", valueName: "BASE..HEAD"))
    var range: String?

    @Flag(help: "Scan the whole history (all refs, or --branch).")
    var history = false

    @Option(help: "With --history: only this branch or revision.")
    var branch: String?

    @Option(help: "Only commits after this date (git's date syntax, e.g. 2026-01-01 or '2 weeks ago'); implies --history.")
    var since: String?

    @Option(name: [.customShort("C"), .customLong("repo")], help: "The repository to scan (default: the current directory).")
    var repository: String = "."

    @Flag(name: .shortAndLong, help: "Print nothing when clean (hooks use this).")
    var quiet = false

    @OptionGroup var common: CommonOptions

    func validate() throws {
        let chosen = [staged, range != nil, history || since != nil].filter { $0 }.count
        if chosen != 1 { throw ValidationError("choose one of --staged, --range BASE..HEAD or --history/--since") }
        if let range {
            let sides = range.components(separatedBy: "..")
            if sides.count != 2 || sides.contains(where: { $0.isEmpty || $0.hasPrefix(".") }) {
                throw ValidationError("--range takes BASE..HEAD, for example origin/main..HEAD")
            }
        }
        if branch != nil && !(history || since != nil) { throw ValidationError("--branch goes with --history or --since") }
        if staged && common.incidents.incidentDirectory != nil {
            throw ValidationError("a staged change has not left the machine: there is no incident to draft (use --log-near-miss)")
        }
    }

    func run() throws {
        let selection: GitSelection
        if staged { selection = .staged }
        else if let range {
            let sides = range.components(separatedBy: "..")
            selection = .range(base: sides[0], head: sides[1])
        } else { selection = .history(ref: branch, since: since) }
        Terminal.finish(GitScanJob.run(selection, repository: repository, options: common.scanOptions(paths: []), quietWhenClean: quiet))
    }
}
