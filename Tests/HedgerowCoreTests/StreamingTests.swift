import XCTest
import HedgerowCore

/// The scanner must give the same findings however its input is chunked.
final class StreamingTests: XCTestCase {
    /// A deterministic mixed text built from every rule's examples and negatives.
    static let corpus: String = {
        var generator = SeededGenerator(seed: 7)
        var parts: [String] = []
        for rule in TestRules.rules {
            parts += rule.examples + rule.negativeExamples + rule.lowConfidenceExamples
        }
        var lines: [String] = []
        for (i, part) in parts.enumerated() {
            let filler = String(repeating: "lorem ipsum ", count: Int(generator.next() % 6))
            lines.append(i % 3 == 0 ? filler + part : part + " " + filler)
        }
        return lines.joined(separator: i18nSeparator)
    }()
    static let i18nSeparator = "\n— ünïcode line —\n"

    func signature(_ findings: [Finding]) -> [String] {
        findings.map { "\($0.ruleID)@\($0.start.offset)-\($0.end.offset) \($0.start.line):\($0.start.column)-\($0.end.line):\($0.end.column) \($0.confidence)" }
    }

    func testChunkSizeNeverChangesFindings() throws {
        let bytes = Array(Self.corpus.utf8)
        let whole = try TestRules.scanner().scan(bytes: bytes).findings
        XCTAssertGreaterThan(whole.count, 100)
        for chunk in [64, 1000, 4096] {
            let chunked = try TestRules.scanner(chunkSize: chunk).scan(bytes: bytes).findings
            XCTAssertEqual(signature(chunked), signature(whole), "chunk size \(chunk) changed the findings")
        }
        // Tiny chunks cost a window each: a slice of the corpus, cut at a line end, is
        // enough to show them changing nothing.
        for (chunk, length) in [(1, 24_000), (7, 120_000)] {
            let slice = Array(bytes[..<(bytes[..<min(bytes.count, length)].lastIndex(of: 0x0A).map { $0 + 1 } ?? bytes.count)])
            let sliceWhole = try TestRules.scanner().scan(bytes: slice).findings
            XCTAssertGreaterThan(sliceWhole.count, 20)
            XCTAssertEqual(signature(try TestRules.scanner(chunkSize: chunk).scan(bytes: slice).findings), signature(sliceWhole), "chunk size \(chunk) changed the findings")
        }
    }

    /// Every finding's line and column agree with a count made from the bytes, whatever
    /// the chunk size, on text whose lines run longer than the history a window keeps (so
    /// windows slide in the middle of lines, with multi-byte characters around).
    func testPositionsMatchACountFromTheBytes() throws {
        let parts = Array(repeating: Self.corpus.components(separatedBy: Self.i18nSeparator), count: 2).joined()
        var text = ""
        for (i, part) in parts.enumerated() { text += part + (i % 500 == 499 ? "\n" : " — ü — ") }
        let bytes = Array(text.utf8)
        // Line and column of every offset, counted once from the start.
        var lines: [Int32] = [], columns: [Int32] = []
        lines.reserveCapacity(bytes.count + 1); columns.reserveCapacity(bytes.count + 1)
        var line: Int32 = 1, column: Int32 = 1
        for b in bytes {
            lines.append(line); columns.append(column)
            if b == 0x0A { line += 1; column = 1 } else if b & 0xC0 != 0x80 { column += 1 }
        }
        lines.append(line); columns.append(column)
        XCTAssertGreaterThan(line, 2)
        for chunk in [61, 4096, 1 << 20] {
            // Small chunks cost a window each: the first 200 KB (lines of about 20 KB) are
            // enough to slide windows through the middle of many lines.
            let input = chunk < 4096 ? Array(bytes.prefix(200_000)) : bytes
            let (found, report) = try TestRules.scanner(chunkSize: chunk).scan(bytes: input)
            XCTAssertGreaterThan(found.count, 100)
            XCTAssertEqual(report.newlines, input.filter { $0 == 0x0A }.count, "chunk \(chunk): newlines of the whole stream")
            for f in found {
                for (what, p) in [("start", f.start), ("end", f.end)]
                where p.line != Int(lines[p.offset]) || p.column != Int(columns[p.offset]) {
                    XCTFail("chunk \(chunk), \(f.ruleID) \(what): \(p.line):\(p.column), counted \(lines[p.offset]):\(columns[p.offset])")
                }
            }
        }
    }

    func testOneByteReadsGiveTheSameFindings() throws {
        let bytes = Array(Self.corpus.utf8)
        let whole = try TestRules.scanner().scan(bytes: bytes).findings
        var source = MemorySource(bytes, maxRead: 1)
        var got: [Finding] = []
        _ = try TestRules.scanner(chunkSize: 64).scan(&source, origin: Origin(path: "-")) { got.append($0) }
        XCTAssertEqual(signature(got), signature(whole))
    }

    func testLinesAndColumnsCountCodePoints() {
        let f = TestRules.findings("naïve ☕ line\nemail: rhys.green@gmail.com\n")
        XCTAssertEqual(f.count, 1)
        XCTAssertEqual(f[0].start.line, 2)
        XCTAssertEqual(f[0].start.column, 8)
        XCTAssertEqual(f[0].end.column, 8 + "rhys.green@gmail.com".count)
    }

    func testFindingsComeOutInPositionOrder() throws {
        let findings = try TestRules.scanner(chunkSize: 64).scan(bytes: Array(Self.corpus.utf8)).findings
        XCTAssertEqual(findings.map(\.start.offset), findings.map(\.start.offset).sorted())
    }

    func testAVeryLongLineIsScannedWithBoundedWork() throws {
        var text = String(repeating: "a@b ", count: 200_000)
        text += "contact rhys.green@gmail.com " + String(repeating: "x", count: 100_000)
        let findings = try TestRules.scanner(chunkSize: 65_536).scan(bytes: Array(text.utf8)).findings
        XCTAssertEqual(findings.map(\.ruleID), ["pd.email"])
    }
}

