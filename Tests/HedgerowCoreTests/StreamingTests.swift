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
        for chunk in [1, 7, 64, 1000, 4096] {
            let chunked = try TestRules.scanner(chunkSize: chunk).scan(bytes: bytes).findings
            XCTAssertEqual(signature(chunked), signature(whole), "chunk size \(chunk) changed the findings")
        }
    }

    /// Every finding's line and column agree with a count made from the bytes, whatever
    /// the chunk size, on text whose lines run longer than the history a window keeps (so
    /// windows slide in the middle of lines, with multi-byte characters around).
    func testPositionsMatchACountFromTheBytes() throws {
        let parts = Array(repeating: Self.corpus.components(separatedBy: Self.i18nSeparator), count: 3).joined()
        var text = ""
        for (i, part) in parts.enumerated() { text += part + (i % 500 == 499 ? "\n" : " — ü — ") }
        let bytes = Array(text.utf8)
        // Line and column of every offset, counted once from the start.
        var positions: [String] = []
        var line = 1, column = 1
        for b in bytes {
            positions.append("\(line):\(column)")
            if b == 0x0A { line += 1; column = 1 } else if b & 0xC0 != 0x80 { column += 1 }
        }
        positions.append("\(line):\(column)")
        XCTAssertGreaterThan(line, 2)
        func expected(_ offset: Int) -> String { positions[offset] }
        for chunk in [61, 4096, 1 << 20] {
            let (found, report) = try TestRules.scanner(chunkSize: chunk).scan(bytes: bytes)
            XCTAssertGreaterThan(found.count, 100)
            XCTAssertEqual(report.newlines, line - 1, "chunk \(chunk): newlines of the whole stream")
            for f in found {
                XCTAssertEqual("\(f.start.line):\(f.start.column)", expected(f.start.offset), "chunk \(chunk), \(f.ruleID) start")
                XCTAssertEqual("\(f.end.line):\(f.end.column)", expected(f.end.offset), "chunk \(chunk), \(f.ruleID) end")
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

struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
