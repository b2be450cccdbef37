import Foundation
import HedgerowCore

/// JSON Lines for pipelines and log shippers: one `{"type":"finding",...}` object per
/// line with the same fields as the JSON format, then one `{"type":"summary",...}` line.
/// A consumer can act on findings before the run ends and knows the run finished when
/// it sees the summary.
public struct JSONLinesReporter: Reporter {
    public init() {}

    public func render(_ c: ReportContext) -> String {
        c.findings.map { line(for: $0, showValues: c.showValues) }.joined() + summaryLine(c.summary)
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// One `{"type":"finding",...}` line; streaming output writes these one by one.
    public func line(for f: Finding, showValues: Bool) -> String {
        Self.tagged("finding", (try? Self.encoder.encode(JSONReporter.item(f, showValues: showValues))) ?? Data("{}".utf8))
    }

    /// The closing `{"type":"summary",...}` line.
    public func summaryLine(_ s: ScanSummary) -> String {
        Self.tagged("summary", (try? Self.encoder.encode(JSONReporter.summary(s))) ?? Data("{}".utf8))
    }

    /// Puts `"type"` first in an encoded object: `{"type":"finding",...}`.
    static func tagged(_ type: String, _ data: Data) -> String {
        let body = String(decoding: data, as: UTF8.self)
        let rest = body.dropFirst()
        return "{\"type\":\"\(type)\"" + (rest == "}" ? "}" : "," + rest) + "\n"
    }
}
