import Foundation
import ArgumentParser
import HedgerowCore
import HedgerowKit
import HedgerowRedact

struct RedactCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "redact",
        abstract: "Write a copy with personal data and secrets replaced, keeping the file's structure, and check it.",
        discussion: """
        Every finding at or above --min-confidence (default low: better to over-redact a paste than to leak) is \
        replaced, and so is every other whole-word occurrence of its value in the run. Lines, caption timings and \
        cue numbers, JSON validity, CSV fields, UTF-8/UTF-16 and CRLF are kept. The copy is scanned again: \
        exit 0 when clean, 1 when something is still found at medium confidence or above (named, masked), 2 on errors. \
        The input is never written over unless --in-place is given. Without --map nothing that could undo the \
        redaction is kept; the map holds the real values, so it is created with mode 0600 and refused inside a git \
        work tree unless --force.
        """
    )

    @Argument(help: "Files or directories to redact; - reads standard input (the copy goes to standard output unless -o).")
    var paths: [String] = []

    @Option(name: .shortAndLong, help: "Write the copy of the one input to this file.")
    var output: String?

    @Option(name: .customLong("out-dir"), help: "Write copies of every input into this directory, at the same relative paths.")
    var outDirectory: String?

    @Flag(name: .customLong("in-place"), help: "Replace each input file by its copy (atomically).")
    var inPlace = false

    @Option(help: "placeholder ([NAME-1], [EMAIL-2]...), fake (harmless realistic values) or mask (*** of the same length).")
    var style: String = "placeholder"

    @Option(help: "Write the replacement-to-value table here (for hedgerow restore). It holds the real values: keep it private.")
    var map: String?

    @Flag(help: "Write the map even inside a git work tree.")
    var force = false

    @Flag(help: "Read the clipboard and write the clean copy back to it (pbpaste/pbcopy, wl-paste/wl-copy or xclip).")
    var clipboard = false

    @Option(name: .customLong("min-confidence"), help: "Replace findings at or above: low, medium or high (default low).")
    var minConfidence: String?

    @Option(help: "The configuration file (default: .hedgerow.yml in the input's directory or above it).")
    var config: String?

    @Option(name: .customLong("rules"), help: "An extra rule file to load (repeatable).")
    var ruleFiles: [String] = []

    @Option(name: .customLong("threads"), help: "Worker threads (default: all cores).")
    var threads: Int = 0

    @Option(name: .customLong("split-bytes"), help: .hidden)
    var splitBytes: Int = 16 << 20

    func validate() throws {
        if paths.isEmpty && !clipboard { throw ValidationError("name the files to redact, - for standard input, or --clipboard") }
        if clipboard && !paths.isEmpty { throw ValidationError("--clipboard reads the clipboard: name no paths with it") }
        guard let chosen = ReplacementStyle(rawValue: style) else { throw ValidationError("--style must be placeholder, fake or mask") }
        if chosen == .mask && map != nil { throw ValidationError("a masked copy cannot be restored: --map needs --style placeholder or fake") }
        if let minConfidence, Confidence(rawValue: minConfidence) == nil { throw ValidationError("--min-confidence must be low, medium or high") }
        let places = [output != nil, outDirectory != nil, inPlace].filter { $0 }.count
        if places > 1 { throw ValidationError("choose one of -o, --out-dir and --in-place") }
        if inPlace && paths.contains("-") { throw ValidationError("--in-place cannot write over standard input") }
        if output != nil && (paths.count != 1 || clipboard) {
            throw ValidationError("-o takes the copy of one input; for several use --out-dir")
        }
        let files = paths.filter { $0 != "-" }
        if !files.isEmpty && places == 0 { throw ValidationError("say where the copies go: --out-dir DIR, -o FILE or --in-place") }
        if threads < 0 { throw ValidationError("--threads must be 0 (all cores) or more") }
    }

    func run() throws {
        var options = RedactOptions(paths: paths)
        options.scan.matching.minConfidence = minConfidence.flatMap(Confidence.init(rawValue:))
        options.scan.matching.configPath = config
        options.scan.matching.extraRuleFiles = ruleFiles
        options.scan.inputs.threads = threads
        options.scan.inputs.splitBytes = splitBytes
        options.scan.destinations.environment = ProcessInfo.processInfo.environment
        options.outputPath = output
        options.outDirectory = outDirectory
        options.inPlace = inPlace
        options.style = ReplacementStyle(rawValue: style)!
        options.mapPath = map
        options.force = force
        options.clipboard = clipboard
        Terminal.finish(RedactJob.run(options))
    }
}
