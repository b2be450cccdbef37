/// Findings a team accepted when adopting hedgerow, so only new ones fail.
///
/// One entry per line, `fingerprint<TAB>rule<TAB>path`, sorted, with no line numbers and
/// no values: moving code does not touch it, two branches that add entries merge
/// cleanly, and a committed baseline reveals nothing. A finding is covered when its
/// fingerprint and rule are listed, in whatever file it now sits (a renamed or moved file
/// keeps its value suppressed); the path is kept for people reading the file and for
/// `baseline update`.
public struct Baseline: Sendable, Equatable {
    /// One accepted finding; sorted by fingerprint so the file diffs and merges line by line.
    public struct Entry: Hashable, Sendable, Comparable {
        public var fingerprint: String
        public var rule: String
        public var path: String
        public init(fingerprint: String, rule: String, path: String) { self.fingerprint = fingerprint; self.rule = rule; self.path = path }
        public static func < (a: Entry, b: Entry) -> Bool { (a.fingerprint, a.rule, a.path) < (b.fingerprint, b.rule, b.path) }
    }

    public private(set) var entries: Set<Entry>
    private var keys: Set<String>
    /// The identity of the fingerprint key the entries were made with (`Fingerprinter.keyIdentity`,
    /// never the key): a run under another key would match none of them, so it is refused.
    public var keyIdentity: String?

    /// The header line that carries the key identity.
    public static let keyLinePrefix = "# fingerprint key: "

    public static let header = "# hedgerow baseline v1: fingerprint, rule, path (keyed fingerprints; no values, no line numbers)"

    public init(entries: Set<Entry>) {
        self.entries = entries
        keys = Set(entries.map { $0.fingerprint + "\t" + $0.rule })
    }

    public init(findings: [Finding], keyIdentity: String? = nil) {
        self.init(entries: Set(findings.map { Entry(fingerprint: $0.fingerprint, rule: $0.ruleID, path: $0.origin.path) }))
        self.keyIdentity = keyIdentity
    }

    /// A line that is not an entry: a damaged baseline must fail, never suppress less.
    public struct ParseError: Error, CustomStringConvertible {
        public var file: String
        public var line: Int
        public var description: String { "\(file):\(line): not a baseline line (fingerprint<TAB>rule<TAB>path)" }
    }

    public static func parse(_ text: String, file: String) throws -> Baseline {
        var entries = Set<Entry>()
        // Swift reads CR LF as one character, so splitting on "\n" alone left a CRLF file
        // (edited on Windows) as one comment line: an empty baseline. Lines end at either,
        // or at a lone CR (old Mac; `render` never writes one inside a line).
        var identity: String?
        for (number, line) in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }).enumerated() {
            if line.hasPrefix(keyLinePrefix) {
                identity = String(line.dropFirst(keyLinePrefix.count).prefix { $0 != " " })
                continue
            }
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false)
            guard fields.count == 3, fields[0].hasPrefix("hr1:") else { throw ParseError(file: file, line: number + 1) }
            entries.insert(Entry(fingerprint: String(fields[0]), rule: String(fields[1]), path: String(fields[2])))
        }
        var baseline = Baseline(entries: entries)
        baseline.keyIdentity = identity
        return baseline
    }

    public func render() -> String {
        let keyLine = keyIdentity.map { ["\(Self.keyLinePrefix)\($0) (HEDGEROW_FINGERPRINT_KEY must give the same identity)"] } ?? []
        return ([Self.header] + keyLine + entries.sorted().map { "\($0.fingerprint)\t\($0.rule)\t\(Self.oneLine($0.path))" }).joined(separator: "\n") + "\n"
    }

    /// The path field is for people reading the file (matching uses fingerprint and rule):
    /// a file name holding a newline must not add lines to the baseline.
    static func oneLine(_ path: String) -> String {
        guard path.contains(where: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return path }
        return path.replacingOccurrences(of: "\r\n", with: "\\r\\n").replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\r", with: "\\r")
    }

    public func covers(_ f: Finding) -> Bool { keys.contains(f.fingerprint + "\t" + f.ruleID) }

    /// Entries whose fingerprint and rule still occur among `findings`.
    public func keeping(_ findings: [Finding]) -> Baseline {
        let present = Set(findings.map { $0.fingerprint + "\t" + $0.ruleID })
        var kept = Baseline(entries: entries.filter { present.contains($0.fingerprint + "\t" + $0.rule) })
        kept.keyIdentity = keyIdentity
        return kept
    }
}
