import HedgerowCore

/// What the reports written for people (prevention text, Markdown, the job summary, the
/// near-miss line) need from a run's findings, in memory that does not grow with them:
/// counts by category and severity, the inputs that hold findings, and the first findings
/// by rank. A 2 GB log with a million findings streams through into this; holding the
/// findings themselves cost more memory than the input.
///
/// Findings are added in input order; the first `kept` of each rank are the first `kept`
/// of `FindingRank.ordered`, so a digest shows what an in-memory report would have.
public struct FindingDigest: Sendable {
    /// Findings listed by default (Markdown's table; the prevention text lists fewer).
    public static let defaultKept = 200
    /// Inputs named one by one (in the clean-copy command); the rest are counted.
    public static let pathLimit = 1_000
    /// Distinct fingerprints kept for the near-miss line.
    public static let fingerprintLimit = 10_000

    public let kept: Int
    public let policy: SeverityPolicy
    public private(set) var count = 0
    public private(set) var credentials = 0
    public private(set) var bySeverity: [Category: [Severity: Int]] = [:]
    /// Inputs holding findings, in input order, up to `pathLimit`.
    public private(set) var paths: [String] = []
    /// Inputs with findings beyond `pathLimit`, counted as the path changes (findings come
    /// in input order, so an input's findings are together).
    public private(set) var morePaths = 0
    public private(set) var hasCommits = false
    public private(set) var fingerprints: Set<String> = []
    /// True when distinct fingerprints went past `fingerprintLimit` and some were not kept.
    public private(set) var fingerprintsTruncated = false
    private var pathSet: Set<String> = []
    private var lastPath: String?
    private var ranked: [[Finding]] = Array(repeating: [], count: FindingRank.ranks)

    public init(policy: SeverityPolicy = SeverityPolicy(), kept: Int = defaultKept) {
        self.policy = policy
        self.kept = kept
    }

    /// The digest of findings held in memory (in input order).
    public init(_ findings: [Finding], policy: SeverityPolicy = SeverityPolicy(), kept: Int = defaultKept) {
        self.init(policy: policy, kept: kept)
        findings.forEach { add($0) }
    }

    public mutating func add(_ f: Finding) {
        count += 1
        if f.dataClass == .secret { credentials += 1 }
        bySeverity[f.category, default: [:]][policy.severity(of: f), default: 0] += 1
        if f.origin.commit != nil { hasCommits = true }
        if f.origin.path != lastPath && !pathSet.contains(f.origin.path) {
            if paths.count < Self.pathLimit { paths.append(f.origin.path); pathSet.insert(f.origin.path) } else { morePaths += 1 }
        }
        lastPath = f.origin.path
        if fingerprints.count < Self.fingerprintLimit { fingerprints.insert(f.fingerprint) }
        else if !fingerprints.contains(f.fingerprint) { fingerprintsTruncated = true }
        let rank = FindingRank.rank(f)
        if ranked[rank].count < kept { ranked[rank].append(f) }
    }

    public var personal: Int { count - credentials }
    public var isEmpty: Bool { count == 0 }

    /// The first `limit` findings (at most `kept`) in report order.
    public func first(_ limit: Int? = nil) -> [Finding] {
        Array(ranked.joined().prefix(min(limit ?? kept, kept)))
    }

    /// Findings by category, largest first, then by name.
    public var byCategory: [(category: Category, count: Int)] {
        bySeverity.map { (category: $0.key, count: $0.value.values.reduce(0, +)) }
            .sorted { ($0.count, $1.category) > ($1.count, $0.category) }
    }

    /// "2 items of personal data and 1 credential".
    public var counted: String {
        var parts: [String] = []
        if personal > 0 { parts.append("\(personal) item\(personal == 1 ? "" : "s") of personal data") }
        if credentials > 0 { parts.append("\(credentials) credential\(credentials == 1 ? "" : "s")") }
        return parts.joined(separator: " and ")
    }
}
