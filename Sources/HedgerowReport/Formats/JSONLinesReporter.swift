import Foundation
import HedgerowCore

/// JSON Lines for pipelines and log shippers: one `{"type":"finding",...}` object per
/// line with the same fields as the JSON format, then one `{"type":"summary",...}` line.
/// A consumer can act on findings before the run ends and knows the run finished when
/// it sees the summary.
public struct JSONLinesReporter: Reporter {
    public init() {}

    public func render(_ c: ReportContext) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var out = ""
        for f in c.findings {
            out += Self.tagged("finding", (try? encoder.encode(JSONReporter.item(f, showValues: c.showValues))) ?? Data("{}".utf8))
        }
        out += Self.tagged("summary", (try? encoder.encode(JSONReporter.summary(c.summary))) ?? Data("{}".utf8))
        return out
    }

    /// Puts `"type"` first in an encoded object: `{"type":"finding",...}`.
    static func tagged(_ type: String, _ data: Data) -> String {
        let body = String(decoding: data, as: UTF8.self)
        let rest = body.dropFirst()
        return "{\"type\":\"\(type)\"" + (rest == "}" ? "}" : "," + rest) + "\n"
    }
}
