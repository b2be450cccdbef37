#if canImport(Glibc)
import Glibc
#endif
import PCRE2

/// What scanning one fragment did, for summaries: never a silent partial scan.
public struct FragmentReport: Equatable, Sendable {
    public var bytes = 0
    public var findings = 0
    /// Rules that gave up on part of the input because a match limit was reached.
    public var limitHits: [String: Int] = [:]
    /// Newlines in the whole stream, known from the scan's own line tracking: a part of a
    /// big file takes its line count from it rather than counting its bytes again.
    public var newlines = 0
    public init() {}

    mutating func noteLimit(rule: String, error: PCRE2Error) {
        limitHits[rule, default: 0] += 1
    }

    /// A rule stopped for this window because it used up its time budget.
    mutating func noteBudgetSpent(rule: String) {
        limitHits[rule, default: 0] += 1
    }
}

/// Per-rule counters for `--stats`: how often a rule was woken, matched and rejected,
/// and the time spent running it, so a slow rule is visible.
public struct RuleStatistics: Sendable {
    public var candidates: [Int]
    public var matches: [Int]
    public var rejected: [Int]
    public var nanoseconds: [UInt64]
    /// Bytes handed to the rule's searches (from each search's start to its end): the
    /// work a rule does, counted without a clock, so tests can bound rescans.
    public var searchedBytes: [Int]
    public init(ruleCount: Int) {
        candidates = Array(repeating: 0, count: ruleCount)
        matches = candidates
        rejected = candidates
        searchedBytes = candidates
        nanoseconds = Array(repeating: 0, count: ruleCount)
    }

    public mutating func add(_ other: RuleStatistics) {
        for i in candidates.indices {
            candidates[i] += other.candidates[i]; matches[i] += other.matches[i]
            rejected[i] += other.rejected[i]; nanoseconds[i] += other.nanoseconds[i]
            searchedBytes[i] += other.searchedBytes[i]
        }
    }
}

/// Monotonic nanoseconds, for per-rule timing.
@inline(__always) func monotonicNanoseconds() -> UInt64 {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
}
