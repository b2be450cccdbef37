import HedgerowCore

/// The order a report lists findings in. Credentials and people in data files (mail, CSV,
/// SQL dumps, JSON fixtures, logs: third parties) are what a security lead wants first;
/// other personal data next; organisations' mailboxes, then a project's published credits,
/// last. Within a rank, the scan's own order (input order, then position) is kept.
public enum FindingRank {
    /// The number of ranks `rank` gives (0 first).
    public static let ranks = 4

    public static func rank(_ f: Finding) -> Int {
        if f.context == .attribution { return 3 }
        if f.context == .organisational { return 2 }
        return f.dataClass == .secret || AttributionContext.isThirdPartyData(path: f.origin.path) ? 0 : 1
    }

    public static func ordered(_ findings: [Finding]) -> [Finding] {
        findings.enumerated().sorted { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) }.map(\.element)
    }
}
