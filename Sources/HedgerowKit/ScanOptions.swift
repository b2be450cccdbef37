import HedgerowVersion
import HedgerowCore
import HedgerowReport

/// Output formats the scanning commands can write.
public enum OutputFormat: String, CaseIterable, Sendable {
    case text, json, jsonl, sarif, markdown
}

/// Everything a scanning command needs, built by the CLI from its arguments, in four
/// concerns so each part of a run takes only its own: what to scan (the walk and the
/// readers), how to match (the configuration, rules and suppressions), what to report (the
/// reporters), and where results go besides the report (files, records, logs).
public struct ScanOptions: Sendable {
    public var inputs: Inputs
    public var matching = Matching()
    public var reporting = Reporting()
    public var destinations = Destinations()

    public init(paths: [String]) { inputs = Inputs(paths: paths) }

    /// What to scan and how to read it.
    public struct Inputs: Sendable {
        public var paths: [String]
        /// Off for `--no-ignore`: files git or `.hedgerowignore` would leave out are scanned too.
        public var useIgnoreFiles = true
        /// Whether archives, Office files and PDFs are opened, and the limits that contain them
        /// (`documents:` in `.hedgerow.yml`, `--no-documents`).
        public var documents = DocumentLimits()
        public var chunkSize = 1 << 20
        /// Text files of at least twice this size are scanned in parts of about this size, in
        /// parallel. Small enough that the findings of the part a thread finishes ahead of its
        /// turn (held until the parts before it are written) stay a few megabytes.
        public var splitBytes = 16 << 20
        /// 0: all cores.
        public var threads = 0

        public init(paths: [String]) { self.paths = paths }
    }

    /// How findings are made and kept: rules, configuration, threshold, suppressions.
    public struct Matching: Sendable {
        /// nil: the configuration's, else medium.
        public var minConfidence: Confidence?
        public var extraRuleFiles: [String] = []
        /// `--config`; nil finds `.hedgerow.yml` from the scanned directory up to the repository root.
        public var configPath: String?
        /// `--baseline`: findings listed there are suppressed (and counted).
        public var baselinePath: String?
        public var fingerprintKey: [UInt8]? = nil

        public init() {}
    }

    /// What the report says and how it looks.
    public struct Reporting: Sendable {
        public var format: OutputFormat = .text
        /// Print raw values; only ever true when the user passed --show-values.
        public var showValues = false
        public var color = false
        /// `--show-attribution`: list published attributions one by one in every format.
        public var showAttribution = false
        /// Force the prevention verdict for `scan` text output (default: on for stdin and transcripts).
        public var prevention: Bool?
        /// The scanned content has already been shared: findings are exposures, not near misses.
        public var exposed = false
        public var policy = SeverityPolicy()
        /// Set when the command line gave the threshold, so the configuration does not override it.
        public var bulkThreshold: Int?
        public var sensitiveThreshold: Int?
        /// Print per-rule time and candidate counts to standard error.
        public var stats = false

        /// Attributions are listed where asked for, and always in the tooling formats (JSON,
        /// JSON Lines), which mark them with `"context": "attribution"`.
        public var listsAttribution: Bool { showAttribution || format == .json || format == .jsonl }

        public init() {}
    }

    /// Where results go besides the report on standard output.
    public struct Destinations: Sendable {
        /// Write the report here (atomically) instead of standard output.
        public var outputPath: String?
        /// Draft incident records for exposures into this directory.
        public var incidentDirectory: String?
        /// Append a P4 near-miss line here when a prevention result blocks something.
        public var nearMissLog: String?
        /// Environment the run reads (`GITHUB_STEP_SUMMARY`); injected so tests control it.
        public var environment: [String: String] = [:]

        public init() {}
    }
}

/// The result of a run: what to print and how to exit.
public struct RunResult: Sendable {
    public var output: String
    public var diagnostics: [String]
    public var exitCode: Int32
}

extension RunResult {
    /// For the executable's own small results (printing the hook script).
    public init(printing output: String) {
        self.output = output; diagnostics = []; exitCode = ExitStatus.clean
    }
}

/// Exit codes that mean one thing each.
public enum ExitStatus {
    public static let clean: Int32 = 0
    public static let findings: Int32 = 1
    public static let error: Int32 = 2
}

/// The release version written into reports (SARIF `tool.driver.version`, JSON); set in VERSION.
public let hedgerowVersion = BuildInfo.version
