import Foundation
import XCTest
import HedgerowCore
@testable import HedgerowReport

/// The hand-written finding writer must give the encoder's bytes exactly: JSON documents
/// are compared across versions and between streamed and built runs.
final class FindingJSONTests: XCTestCase {
    /// SplitMix64, seeded: a failure prints the seed so it can be replayed.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// Strings with every kind of character the escaping treats apart.
    func randomText(_ g: inout Generator) -> String {
        let pieces = ["a", "Z", "/", "\"", "\\", "\n", "\t", "\r", "\u{8}", "\u{C}", "\u{0}", "\u{1B}", "\u{1F}", "\u{7F}",
                      "é", "€", "😀", "\u{2028}", " ", "…", "[20 chars]", "\u{FEFF}"]
        return (0..<Int.random(in: 0...12, using: &g)).map { _ in pieces.randomElement(using: &g)! }.joined()
    }

    func randomItem(_ g: inout Generator) -> JSONReporter.Document.Item {
        func maybe(_ g: inout Generator) -> String? { Bool.random(using: &g) ? randomText(&g) : nil }
        let pieces: [[Int]]? = Bool.random(using: &g) ? nil : (0..<Int.random(in: 1...3, using: &g)).map { _ in [Int.random(in: 0...9999, using: &g), Int.random(in: 0...99999, using: &g)] }
        return JSONReporter.Document.Item(
            rule: randomText(&g), rule_name: randomText(&g), category: randomText(&g), class: randomText(&g),
            confidence: randomText(&g), confidence_note: maybe(&g), path: randomText(&g),
            line: Int.random(in: 1...100_000, using: &g), column: Int.random(in: 1...500, using: &g),
            end_line: Int.random(in: 1...100_000, using: &g), end_column: Int.random(in: -1...500, using: &g),
            commit: maybe(&g), author: maybe(&g), date: maybe(&g), masked: randomText(&g), fingerprint: randomText(&g),
            value: maybe(&g), decoded: maybe(&g), pieces: pieces, context: maybe(&g), location: maybe(&g), country: maybe(&g),
            paired_with: Bool.random(using: &g) ? nil : .init(rule: randomText(&g), rule_name: randomText(&g), masked: randomText(&g),
                                                               line: Int.random(in: 1...9999, using: &g), column: Int.random(in: 1...99, using: &g)))
    }

    func testWriterMatchesTheEncoderPrettyAndCompact() {
        let seed = ProcessInfo.processInfo.environment["HEDGEROW_TEST_SEED"].flatMap { UInt64($0) } ?? UInt64.random(in: 0...UInt64.max)
        var g = Generator(state: seed)
        for n in 0..<400 {
            let item = randomItem(&g)
            let pretty = JSONReporter.indented(JSONReporter.encode(item), by: 4, firstLine: true)
            XCTAssertEqual(FindingJSON.pretty(item, indent: 4), pretty, "item \(n), HEDGEROW_TEST_SEED=\(seed)")
            XCTAssertEqual(FindingJSON.compact(item), JSONLinesReporter.text(item), "item \(n), HEDGEROW_TEST_SEED=\(seed)")
            if FindingJSON.compact(item) != JSONLinesReporter.text(item) { return }
        }
    }

    func testWriterKnowsEveryFieldOfTheItem() {
        var g = Generator(state: 1)
        let fields = Mirror(reflecting: randomItem(&g)).children.compactMap(\.label).sorted()
        XCTAssertEqual(fields, FindingJSON.keys, "a field of the finding item is not written by FindingJSON (or the key list is stale)")
        XCTAssertEqual(FindingJSON.keys, FindingJSON.keys.sorted())
    }

    func testDocumentBuiltFromPiecesIsTheEncodersDocument() {
        var g = Generator(state: 7)
        let findings = (0..<5).map { n in
            var f = finding(.email, "hr1:\(n)", path: "dir/a \"b\".txt", line: n + 1, commit: n == 2 ? "abc123" : nil)
            f.value = randomText(&g)
            f.pieces = n == 3 ? [4..<9, 12..<20] : []
            return f
        }
        var summary = ScanSummary()
        summary.filesScanned = 1
        summary.findingsByCategory[.email] = findings.count
        let context = ReportContext(toolVersion: "1.2.3", findings: findings, summary: summary, showValues: true, color: false)
        XCTAssertEqual(JSONReporter().render(context), JSONReporter.encodedDocument(context))
    }
}
