import HedgerowCore

/// What a report says about a rule (SARIF's rule list, Markdown's help), taken from the
/// rule set so reporters never load rule files themselves.
public struct RuleInfo: Sendable, Equatable {
    public var id: String
    public var name: String
    public var description: String
    public var category: Category
    public var dataClass: DataClass
    public var hint: String
    public var references: [String]
    /// Who issued the credential and where it is revoked, for incident records.
    public var provider: String
    public var revoke: String

    public init(_ rule: Rule) {
        id = rule.id; name = rule.name; description = rule.description; category = rule.category
        dataClass = rule.dataClass; hint = rule.hint; references = rule.references
        provider = rule.provider; revoke = rule.revoke
    }
}

/// Everything a reporter may use: findings, totals and the user's display choices.
/// Reporters never read files or run git; what they print comes from here.
public struct ReportContext: Sendable {
    public var toolVersion: String
    public var findings: [Finding]
    public var summary: ScanSummary
    /// Print raw values; only ever true when the user passed --show-values.
    public var showValues: Bool
    public var color: Bool
    /// The rules that were run, for formats that describe them (SARIF).
    public var rules: [RuleInfo]
    /// What was scanned, in words ("the staged change", "origin/main..HEAD", "Fixtures/example").
    public var subject: String
    /// Advice the run adds after the findings (a pushed value deleted later must be
    /// rewritten out of the branch): printed in text and Markdown alike.
    public var advice: [String] = []
    /// The findings as counts and the first by rank, when the run streamed them instead of
    /// keeping them (`findings` is then empty).
    public var digest: FindingDigest?

    public init(toolVersion: String, findings: [Finding], summary: ScanSummary, showValues: Bool = false, color: Bool = false,
                rules: [RuleInfo] = [], subject: String = "") {
        self.toolVersion = toolVersion; self.findings = findings; self.summary = summary
        self.showValues = showValues; self.color = color; self.rules = rules; self.subject = subject
    }

    /// The digest of this run's findings: the one the run kept, or one made from `findings`.
    public func digest(policy: SeverityPolicy = SeverityPolicy()) -> FindingDigest {
        digest ?? FindingDigest(findings, policy: policy)
    }

    /// The value as this run may show it: masked unless the user asked for values.
    public func shown(_ f: Finding) -> String {
        showValues ? f.value.replacingOccurrences(of: "\n", with: "\\n") : f.masked
    }
}

/// A way of writing a report.
public protocol Reporter {
    func render(_ context: ReportContext) -> String
}
