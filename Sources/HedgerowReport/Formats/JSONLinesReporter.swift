import Foundation
import HedgerowCore

/// JSON Lines for pipelines and log shippers: a `{"type":"run",...}` line with the
/// contract's envelope, one `{"type":"finding",...}` object per line with the same fields
/// as the JSON format, then one `{"type":"summary",...}` line.
/// A consumer can act on findings before the run ends and knows the run finished when
/// it sees the summary.
public struct JSONLinesReporter: Reporter {
    public init() {}

    public func render(_ c: ReportContext) -> String {
        OutputContract.runLine(toolVersion: c.toolVersion)
            + c.findings.map { line(for: $0, showValues: c.showValues) }.joined() + summaryLine(c.summary)
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    static func text<T: Encodable>(_ value: T) -> String {
        String(decoding: (try? encoder.encode(value)) ?? Data("{}".utf8), as: UTF8.self)
    }

    /// One `{"type":"finding",...}` line; streaming output writes these one by one.
    public func line(for f: Finding, showValues: Bool) -> String {
        OutputContract.typed("finding", FindingJSON.compact(JSONReporter.item(f, showValues: showValues)))
    }

    /// The closing `{"type":"summary",...}` line.
    public func summaryLine(_ s: ScanSummary) -> String {
        OutputContract.typed("summary", Self.text(JSONReporter.summary(s)))
    }
}
