import XCTest
@testable import HedgerowCore

/// Lines are counted eight bytes at a time; whatever the pieces the text comes in, line
/// and column must be those of a byte-by-byte count.
final class LineTrackerTests: XCTestCase {
    func testMatchesAByteByByteCountOverRandomPieces() {
        var g = seededGenerator()
        let pieces = ["a", "bc", "\n", "é", "€", "\r\n", "        ", "x\ny", "\n\n"]
        for _ in 0..<300 {
            var text: [UInt8] = []
            for _ in 0..<Int.random(in: 0...80, using: &g) { text += Array(pieces.randomElement(using: &g)!.utf8) }
            var tracker = LineTracker()
            var at = 0
            text.withUnsafeBufferPointer { p in
                while at < text.count {
                    let next = min(text.count, at + Int.random(in: 0...30, using: &g))
                    tracker.advance(over: p.baseAddress!, from: at, to: next)
                    at = next
                }
            }
            let line = 1 + text.filter { $0 == 0x0A }.count
            let tail = text.lastIndex(of: 0x0A).map { text[($0 + 1)...] } ?? text[...]
            let column = 1 + tail.filter { $0 & 0xC0 != 0x80 }.count
            XCTAssertEqual(tracker.line, line, String(decoding: text, as: UTF8.self).debugDescription)
            XCTAssertEqual(tracker.column, column, String(decoding: text, as: UTF8.self).debugDescription)
        }
    }
}
