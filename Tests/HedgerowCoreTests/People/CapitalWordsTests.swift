import XCTest
import CAccel
@testable import HedgerowCore

/// The capitalised-word pass (C, vector and plain) agrees with its definition read byte
/// by byte, at every length around the 32- and 64-byte blocks.
final class CapitalWordsTests: XCTestCase {
    /// Bytes at each class's edges: capitals and their neighbours "@" and "[", lower case
    /// and "`" "{", the apostrophe, digits, underscore, a high byte, space and newline.
    static let alphabet: [UInt8] = Array("AZMaz`{@[' 0_\n.".utf8) + [0xC3, 0xA9]

    static func reference(_ text: [UInt8]) -> [Int] {
        func wordish(_ c: UInt8) -> Bool {
            (c >= 0x30 && c <= 0x39) || (c | 0x20 >= 0x61 && c | 0x20 <= 0x7A) || c == 0x5F || c >= 0x80
        }
        return text.indices.filter { i in
            guard text[i] >= 0x41 && text[i] <= 0x5A, i + 1 < text.count else { return false }
            let next = text[i + 1]
            guard (next >= 0x61 && next <= 0x7A) || next == 0x27 else { return false }
            return i == 0 || !wordish(text[i - 1])
        }
    }

    func testEveryLevelMatchesTheDefinition() {
        let seed = UInt64.random(in: 0...UInt64.max)
        var g = SeededGenerator(seed: seed)
        for length in Array(0...300) + [1000, 4097] {
            let text = (0..<length).map { _ in Self.alphabet.randomElement(using: &g)! }
            let expected = Self.reference(text)
            for level: Int32 in [0, 2] {
                var bits = [UInt64](repeating: 0, count: max(1, (length + 63) / 64))
                text.withUnsafeBufferPointer { p in
                    _ = hedgerow_capital_words_using(p.baseAddress ?? UnsafePointer(bitPattern: 1)!, length, &bits, level)
                }
                let found = (0..<length).filter { bits[$0 / 64] >> UInt64($0 % 64) & 1 == 1 }
                XCTAssertEqual(found, expected, "length \(length), level \(level), seed \(seed)")
            }
        }
    }

    func testWordsInProse() {
        let text = Array("Ask Gregory, he was there. JohnsonMatrix O'Brien x.Name McKenzie".utf8)
        XCTAssertEqual(Self.reference(text).map { String(decoding: text[$0..<min(text.count, $0 + 3)], as: UTF8.self) },
                       ["Ask", "Gre", "Joh", "O'B", "Bri", "Nam", "McK"], "after an apostrophe or a dot a word starts again")
    }
}
