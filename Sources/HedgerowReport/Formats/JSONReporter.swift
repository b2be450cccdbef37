import Foundation
import HedgerowCore

/// The tooling format: one object with the contract's envelope (`tool`,
/// `schema_version`), the summary and the findings. Positions are 1-based, columns count code points, and
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
            /// Published attributions counted apart from findings; absent when none.
            let attributions: Int?
            let attribution_files: Int?
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
            /// Source byte ranges `[start, end)` of a value split over lines (caption cues,
            /// wrapped mail); absent for a value in one span.
            let pieces: [[Int]]?
            /// "attribution" or "organisational" (`FindingContext`); absent for the rest.
            let context: String?
            /// A place inside a document (`register.xlsx!Sheet1!C14`); absent for plain text.
            let location: String?
            /// The country or area of an international phone number, from its calling code.
            let country: String?
            /// The other half of a credential pair next to this finding; absent for a value alone.
            let paired_with: Paired?
        }
        struct Paired: Encodable {
            let rule: String
            let rule_name: String
            let masked: String
            let line: Int
            let column: Int
        }
        let tool: Tool
        let schema_version: Int
        let summary: Summary
        let findings: [Item]
    }

    /// Built from the same pieces a streamed document is written with, so the two are the
    /// same bytes; a document without findings comes from the encoder whole.
    public func render(_ c: ReportContext) -> String {
        guard c.findings.isEmpty else {
            return Self.streamOpening + c.findings.map { streamedItem($0, showValues: c.showValues) }.joined(separator: Self.streamSeparator)
                + streamClosing(c.summary, toolVersion: c.toolVersion)
        }
        return Self.encodedDocument(c)
    }

    /// The whole document through `JSONEncoder`: what the pieces must add up to.
    static func encodedDocument(_ c: ReportContext) -> String {
        let s = c.summary
        let doc = Document(
            tool: .init(name: "hedgerow", version: c.toolVersion),
            schema_version: OutputContract.schemaVersion,
            summary: Self.summary(s),
            findings: c.findings.map { Self.item($0, showValues: c.showValues) }
        )
        return Self.encode(doc) + "\n"
    }

    // MARK: - The same document, written as findings come

    /// Up to the first finding. Keys are sorted, so "findings" comes first and the summary,
    /// known only at the end, after it: a scan can write each finding as it is found, and
    /// memory does not grow with their number (634,000 findings of a 2 GB log took 1.5 GB
    /// as one document).
    public static let streamOpening = "{\n  \"findings\" : [\n"
    /// Between two findings.
    public static let streamSeparator = ",\n"

    /// One finding as it sits in the document.
    public func streamedItem(_ f: Finding, showValues: Bool) -> String {
        FindingJSON.pretty(Self.item(f, showValues: showValues), indent: 4)
    }

    /// From the end of the findings to the end of the document.
    public func streamClosing(_ s: ScanSummary, toolVersion: String) -> String {
        "\n  ],\n  \"schema_version\" : \(OutputContract.schemaVersion),\n  \"summary\" : " + Self.indented(Self.encode(Self.summary(s)), by: 2, firstLine: false)
            + ",\n  \"tool\" : " + Self.indented(Self.encode(Document.Tool(name: "hedgerow", version: toolVersion)), by: 2, firstLine: false)
            + "\n}\n"
    }

    /// The document and its pieces go through the same encoder settings, so the pieces
    /// fit together into the same bytes.
    static func encode<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(value)) ?? Data("{}".utf8), as: UTF8.self)
    }

    /// Every line but empty ones moved right, as the encoder would have put them one level
    /// or two down (it leaves the lines of empty collections empty).
    static func indented(_ text: String, by spaces: Int, firstLine: Bool) -> String {
        let pad = String(repeating: " ", count: spaces)
        return text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { n, line in
            line.isEmpty || (n == 0 && !firstLine) ? String(line) : pad + line
        }.joined(separator: "\n")
    }

    static func summary(_ s: ScanSummary) -> Document.Summary {
        Document.Summary(
            files_scanned: s.filesScanned, bytes_scanned: s.bytesScanned, files_skipped: s.skipped,
            errors: s.errors, findings: s.findingCount,
            findings_by_category: Dictionary(uniqueKeysWithValues: s.findingsByCategory.map { ($0.key.rawValue, $0.value) }),
            below_threshold: s.belowThreshold, match_limit_hits: s.limitHits,
            suppressed: s.suppressed, added_lines: s.addedLines, commits: s.commits,
            attributions: s.attributions > 0 ? s.attributions : nil,
            attribution_files: s.attributions > 0 ? s.attributionFiles.count : nil
        )
    }

    static func item(_ f: Finding, showValues: Bool) -> Document.Item {
        Document.Item(
            rule: f.ruleID, rule_name: f.ruleName, category: f.category.rawValue, class: f.dataClass.rawValue,
            confidence: f.confidence.rawValue, confidence_note: f.confidenceNote, path: f.origin.path,
            line: f.start.line, column: f.start.column, end_line: f.end.line, end_column: f.end.column,
            commit: f.origin.commit, author: f.origin.author, date: f.origin.date, masked: f.masked, fingerprint: f.fingerprint, value: showValues ? f.value : nil,
            decoded: f.decodedFrom?.rawValue,
            pieces: f.pieces.isEmpty ? nil : f.pieces.map { [$0.lowerBound, $0.upperBound] },
            context: f.context?.rawValue,
            location: f.location,
            country: f.country,
            paired_with: f.pairedWith.map {
                Document.Paired(rule: $0.ruleID, rule_name: $0.ruleName, masked: $0.masked, line: $0.start.line, column: $0.start.column)
            }
        )
    }
}
