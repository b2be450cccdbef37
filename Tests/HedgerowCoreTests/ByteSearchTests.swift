import XCTest
@testable import HedgerowCore

/// The word-at-a-time searches agree with a byte-by-byte look on random text.
final class ByteSearchTests: XCTestCase {
    func testLastIndexAndNewlinesMatchANaiveSearch() {
        var g = seededGenerator()
        for _ in 0..<500 {
            let text = (0..<Int.random(in: 0...70, using: &g)).map { _ in [UInt8]([0x0A, 0x61, 0x20, 0xC3, 0x8A]).randomElement(using: &g)! }
            let from = Int.random(in: 0...text.count, using: &g), to = Int.random(in: from...text.count, using: &g)
            text.withUnsafeBufferPointer { p in
                guard let base = p.baseAddress else { return }
                XCTAssertEqual(ByteSearch.lastIndex(of: 0x0A, in: base, from: from, to: to), text[from..<to].lastIndex(of: 0x0A), "\(text) \(from)..<\(to)")
                XCTAssertEqual(ByteSearch.lastIndex(of: 0x20, in: base, from: from, to: to), text[from..<to].lastIndex(of: 0x20))
                let counted = ByteSearch.count(0x0A, in: UnsafeRawBufferPointer(start: base + from, count: to - from))
                XCTAssertEqual(counted, text[from..<to].filter { $0 == 0x0A }.count)
            }
        }
    }
}
