import Foundation
import HedgerowCore

/// The tooling format: one object with tool, summary and findings. Field names are
/// snake_case and stable; positions are 1-based, columns count code points, and
/// `end_column` is exclusive.
public struct JSONReporter: Reporter {
    public init() {}

    struct Document: Encodable {
        struct Tool: Encodable { let name: String; let version: String }
        struct Summary: Encodable {
            let files_scanned: Int
            let bytes_scanned: Int
            let files_skipped: [String: Int]
            let errors: [String]
            let findings: Int
            let findings_by_category: [String: Int]
            let below_threshold: Int
            let match_limit_hits: [String: Int]
            let suppressed: [String: Int]
            let added_lines: Int?
            let commits: Int?
        }
        struct Item: Encodable {
            let rule: String
            let rule_name: String
            let category: String
            let `class`: String
            let confidence: String
            let confidence_note: String?
            let path: String
            let line: Int
            let column: Int
            let end_line: Int
            let end_column: Int
            let commit: String?
            let author: String?
            let date: String?
            let masked: String
            let fingerprint: String
            let value: String?
            let decoded: String?
        }
        let tool: Tool
        let summary: Summary
        let findings: [Item]
    }

    public func render(_ c: ReportContext) -> String {
        let s = c.summary
        let doc = Document(
            tool: .init(name: "hedgerow", version: c.toolVersion),
            summary: Self.summary(s),
            findings: c.findings.map { Self.item($0, showValues: c.showValues) }
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(doc)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    static func summary(_ s: ScanSummary) -> Document.Summary {
        Document.Summary(
            files_scanned: s.filesScanned, bytes_scanned: s.bytesScanned, files_skipped: s.skipped,
            errors: s.errors, findings: s.findingCount,
            findings_by_category: Dictionary(uniqueKeysWithValues: s.findingsByCategory.map { ($0.key.rawValue, $0.value) }),
            below_threshold: s.belowThreshold, match_limit_hits: s.limitHits,
            suppressed: s.suppressed, added_lines: s.addedLines, commits: s.commits
        )
    }

    static func item(_ f: Finding, showValues: Bool) -> Document.Item {
        Document.Item(
            rule: f.ruleID, rule_name: f.ruleName, category: f.category.rawValue, class: f.dataClass.rawValue,
            confidence: f.confidence.rawValue, confidence_note: f.confidenceNote, path: f.origin.path,
            line: f.start.line, column: f.start.column, end_line: f.end.line, end_column: f.end.column,
            commit: f.origin.commit, author: f.origin.author, date: f.origin.date, masked: f.masked, fingerprint: f.fingerprint, value: showValues ? f.value : nil,
            decoded: f.decodedFrom?.rawValue
        )
    }
}
