import Foundation

/// Everything `hedgerow audit` needs, built by the CLI.
public struct AuditOptions: Sendable {
    public var roots: [String]
    public var reposFile: String?
    /// Full history of all refs (default), or only the checked-out tree.
    public var history = true
    /// `--shard I/N`: this worker's deterministic share (I is 1-based).
    public var shard: (index: Int, count: Int)?
    public var resume = false
    /// Where each repository's result is written as it completes (resume reads it back).
    public var stateDirectory = "hedgerow-audit"
    /// Repositories scanned at once (0: all cores).
    public var parallel = 0
    /// Show a live progress line (a terminal); otherwise one line per repository.
    public var interactive = false
    /// Scanning and reporting options shared with `scan` (format, output, config, thresholds, incident-dir).
    public var scan: ScanOptions

    public init(roots: [String], scan: ScanOptions) { self.roots = roots; self.scan = scan }

    /// Parses `I/N` with 1 <= I <= N.
    public static func parseShard(_ text: String) -> (index: Int, count: Int)? {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let i = Int(parts[0]), let n = Int(parts[1]), n >= 1, i >= 1, i <= n else { return nil }
        return (i, n)
    }

    /// Stable across machines and runs: FNV-1a of the repository's name.
    static func shard(of name: String, count: Int) -> Int {
        var hash: UInt64 = 0xcbf29ce484222325
        for byte in name.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100000001b3 }
        return Int(hash % UInt64(count)) + 1
    }
}
