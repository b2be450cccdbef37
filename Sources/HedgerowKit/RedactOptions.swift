import HedgerowCore
import HedgerowRedact

/// Everything `hedgerow redact` needs, built by the CLI from its arguments.
public struct RedactOptions: Sendable {
    /// Rules, configuration, confidence threshold and threads, as for a scan (`paths` are the inputs).
    public var scan: ScanOptions
    /// `-o`: the copy of the one input goes here (standard output for `-` when nil).
    public var outputPath: String?
    /// `--out-dir`: copies of every input, at the same relative paths.
    public var outDirectory: String?
    /// `--in-place`: each file is replaced by its copy (atomically).
    public var inPlace = false
    public var style: ReplacementStyle = .placeholder
    /// `--map`: where the replacement-to-value table goes (mode 0600).
    public var mapPath: String?
    /// `--force`: write the map even inside a git work tree.
    public var force = false
    /// `--clipboard`: read the clipboard and write the copy back to it.
    public var clipboard = false

    public init(paths: [String]) { scan = ScanOptions(paths: paths) }
}

/// `hedgerow restore`.
public struct RestoreOptions: Sendable {
    public var mapPath: String
    /// A file, or `-` for standard input.
    public var inputPath = "-"
    public var outputPath: String?
    public var clipboard = false
    public var environment: [String: String] = [:]
    public init(mapPath: String) { self.mapPath = mapPath }
}
