import Foundation
import HedgerowCore
import XCTest

/// One long line (minified data, a log joined into one line) must cost what the same bytes
/// cost in lines (issue 23, item 14: a 200 MB single line of digit clusters took 561 s).
/// The work is counted, not timed: the bytes each rule's searches were handed.
final class LongLineTests: XCTestCase {
    /// Pieces with digit clusters of every kind the number rules look at; the values are
    /// made up (phone numbers from the 07700 900xxx drama range).
    static func pieces(count: Int, seed: UInt64) -> [String] {
        var random = SeededGenerator(seed: seed)
        func digits(_ n: Int) -> String { String((0..<n).map { _ in Character(String(Int.random(in: 0...9, using: &random))) }) }
        return (0..<count).map { _ in
            switch Int.random(in: 0..<7, using: &random) {
            case 0: "call 07700 900\(digits(3))"
            case 1: "order \(digits(9)) shipped"
            case 2: "at 2024-0\(Int.random(in: 1...9, using: &random))-1\(digits(1))T1\(digits(1)):2\(digits(1)):3\(digits(1))Z"
            case 3: "ref \(digits(3))-\(digits(2))-\(digits(4))"
            case 4: "qty \(digits(3)).\(digits(2)).\(digits(2))"
            case 5: "build 1.\(digits(2)).\(digits(3)) id \(digits(6))"
            default: "the quick brown fox"
            }
        }
    }

    static func searched(_ text: String, chunkSize: Int = 1 << 20) throws -> (findings: [Finding], bytes: Int) {
        let scanner = TestRules.scanner(chunkSize: chunkSize)
        let findings = try scanner.scan(bytes: Array(text.utf8)).findings
        return (findings, scanner.statistics.searchedBytes.reduce(0, +))
    }

    func testDigitClustersOnOneLongLineCostWhatTheyCostInLines() throws {
        let pieces = Self.pieces(count: 40_000, seed: 14)
        var lines = ""
        for (i, piece) in pieces.enumerated() { lines += piece + (i % 6 == 5 ? "\n" : " ") }
        let long = lines.replacingOccurrences(of: "\n", with: " ")
        let inLines = try Self.searched(lines)
        let onOneLine = try Self.searched(long)
        XCTAssertGreaterThan(inLines.bytes, 0)
        // Each hit once searched again what the hit before it could not settle; now the hits
        // of one stretch share a search, so the long line is searched about once.
        XCTAssertLessThan(Double(onOneLine.bytes), 1.3 * Double(inLines.bytes),
                          "one long line: \(onOneLine.bytes) bytes searched; the same in lines: \(inLines.bytes)")
        // The same values are found either way.
        func values(_ findings: [Finding]) -> [String] { findings.map { "\($0.ruleID) \($0.value)" }.sorted() }
        XCTAssertFalse(onOneLine.findings.isEmpty)
        XCTAssertEqual(values(onOneLine.findings), values(inLines.findings))
    }

    func testALongLineFindsTheSameWhateverTheChunkSize() throws {
        let long = Self.pieces(count: 3_000, seed: 1414).joined(separator: " ")
        let whole = try Self.searched(long).findings
        XCTAssertFalse(whole.isEmpty)
        for chunk in [997, 4096, 65536] {
            let parts = try Self.searched(long, chunkSize: chunk).findings
            XCTAssertEqual(parts.map(\.start), whole.map(\.start), "chunk size \(chunk)")
            XCTAssertEqual(parts.map(\.ruleID), whole.map(\.ruleID), "chunk size \(chunk)")
        }
    }
}
