import HedgerowCore

/// Everything a reporter may use: findings, totals and the user's display choices.
/// Reporters never read files or run git; what they print comes from here.
public struct ReportContext: Sendable {
    public var toolVersion: String
    public var findings: [Finding]
    public var summary: ScanSummary
    /// Print raw values; only ever true when the user passed --show-values.
    public var showValues: Bool
    public var color: Bool

    public init(toolVersion: String, findings: [Finding], summary: ScanSummary, showValues: Bool = false, color: Bool = false) {
        self.toolVersion = toolVersion; self.findings = findings; self.summary = summary
        self.showValues = showValues; self.color = color
    }
}

/// A way of writing a report.
public protocol Reporter {
    func render(_ context: ReportContext) -> String
}
