import PCRE2

/// What scanning one fragment did, for summaries: never a silent partial scan.
public struct FragmentReport: Equatable, Sendable {
    public var bytes = 0
    public var findings = 0
    /// Rules that gave up on part of the input because a match limit was reached.
    public var limitHits: [String: Int] = [:]
    public init() {}

    mutating func noteLimit(rule: String, error: PCRE2Error) {
        limitHits[rule, default: 0] += 1
    }
}

/// Per-rule counters for `--stats`: how often a rule was woken, matched and rejected.
public struct RuleStatistics: Sendable {
    public var candidates: [Int]
    public var matches: [Int]
    public var rejected: [Int]
    init(ruleCount: Int) {
        candidates = Array(repeating: 0, count: ruleCount)
        matches = candidates
        rejected = candidates
    }
}
