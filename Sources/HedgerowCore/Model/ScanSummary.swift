/// Totals for one run, shown in every output format so a partial scan is never silent.
public struct ScanSummary: Equatable, Sendable {
    public var filesScanned = 0
    public var bytesScanned = 0
    /// Files not scanned, by reason ("binary", "symlink", "unreadable", "too large"...).
    public var skipped: [String: Int] = [:]
    /// Paths that could not be read, with the reason; these make the exit code 2.
    public var errors: [String] = []
    /// Rules that stopped early on some input because a match limit was hit.
    public var limitHits: [String: Int] = [:]
    public var findingsByCategory: [Category: Int] = [:]
    /// Findings below the reporting threshold, counted but not listed.
    public var belowThreshold = 0
    /// Findings not reported because someone accepted them, by what: inline, config, baseline.
    public var suppressed: [String: Int] = [:]
    /// Added lines read from git diffs; nil when the input was files rather than diffs.
    public var addedLines: Int?
    /// Commits whose changes were read; nil when no history was read.
    public var commits: Int?
    /// Names and emails a project publishes on purpose (`FindingContext.attribution`):
    /// counted and summarised apart from findings, and failing nothing unless configured.
    public var attributions = 0
    /// The files those attributions are in, for "1,203 public attributions in 14 files".
    public var attributionFiles: Set<String> = []

    public init() {}

    public var findingCount: Int { findingsByCategory.values.reduce(0, +) }

    public mutating func skip(_ reason: String) { skipped[reason, default: 0] += 1 }

    public mutating func merge(_ other: ScanSummary) {
        filesScanned += other.filesScanned
        bytesScanned += other.bytesScanned
        for (k, v) in other.skipped { skipped[k, default: 0] += v }
        errors += other.errors
        for (k, v) in other.limitHits { limitHits[k, default: 0] += v }
        for (k, v) in other.findingsByCategory { findingsByCategory[k, default: 0] += v }
        belowThreshold += other.belowThreshold
        for (k, v) in other.suppressed { suppressed[k, default: 0] += v }
        if let lines = other.addedLines { addedLines = (addedLines ?? 0) + lines }
        if let count = other.commits { commits = (commits ?? 0) + count }
        attributions += other.attributions
        attributionFiles.formUnion(other.attributionFiles)
    }
}
