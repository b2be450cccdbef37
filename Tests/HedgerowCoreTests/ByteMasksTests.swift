import XCTest
@testable import HedgerowCore

/// The vector classification and the bit walks over it agree with a byte-by-byte look,
/// at every length around the 32- and 64-byte blocks and over every range.
final class ByteMasksTests: XCTestCase {
    /// Bytes next to each class's edges: "/" and ";" beside the digits, ":" itself a
    /// neighbour of "9", high bytes whose difference from "0" wraps, and NUL.
    static let alphabet: [UInt8] = [0x0A, 0x3A, 0x30, 0x39, 0x35, 0x2F, 0x3B, 0x61, 0x20, 0xB0, 0xFF, 0x00, 0x0B, 0x09]

    func testClassesMatchEveryByte() {
        var g = seededGenerator()
        for length in Array(0...200) + [255, 256, 257, 1000, 4097] {
            let text = (0..<length).map { _ in Self.alphabet.randomElement(using: &g)! }
            text.withUnsafeBufferPointer { p in
                guard let base = p.baseAddress else { return }
                let masks = ByteMasks.of(base, count: length)
                defer { withExtendedLifetime(masks) {} }
                for (plane, test) in [(masks.newlines, { (c: UInt8) in c == 0x0A }), (masks.colons, { $0 == 0x3A }),
                                      (masks.digits, { $0 >= 0x30 && $0 <= 0x39 })] {
                    var set: [Int] = []
                    plane.forEach(from: 0, to: length) { set.append($0) }
                    XCTAssertEqual(set, (0..<length).filter { test(text[$0]) }, "length \(length)")
                }
            }
        }
    }

    /// Every vector version this machine has gives the plain version's bits.
    func testEveryLevelGivesThePlainBits() {
        var g = seededGenerator()
        for length in Array(0...300) + [1000, 4097] {
            let text = (0..<length).map { _ in Self.alphabet.randomElement(using: &g)! }
            text.withUnsafeBufferPointer { p in
                guard let base = p.baseAddress else { return }
                let plain = ByteMasks(capacity: length), vector = ByteMasks(capacity: length)
                XCTAssertEqual(plain.update(base, count: length, level: 0), 0)
                for level: Int32 in [1, 2] {
                    let used = vector.update(base, count: length, level: level)
                    for (a, b) in [(plain.newlines, vector.newlines), (plain.colons, vector.colons), (plain.digits, vector.digits)] {
                        var bitsA: [Int] = [], bitsB: [Int] = []
                        a.forEach(from: 0, to: length) { bitsA.append($0) }
                        b.forEach(from: 0, to: length) { bitsB.append($0) }
                        XCTAssertEqual(bitsA, bitsB, "level \(used) at length \(length)")
                    }
                }
                withExtendedLifetime(plain) {}
                withExtendedLifetime(vector) {}
            }
        }
    }

    func testRangeWalksMatchANaiveLook() {
        var g = seededGenerator()
        for _ in 0..<3000 {
            let length = Int.random(in: 1...400, using: &g)
            // Half the texts are nearly all newlines, for runs and gaps across words.
            let dense = Bool.random(using: &g)
            let text = (0..<length).map { _ in
                dense && Int.random(in: 0..<60, using: &g) > 0 ? 0x0A : Self.alphabet.randomElement(using: &g)!
            }
            let from = Int.random(in: 0...length, using: &g), to = Int.random(in: from...length, using: &g)
            text.withUnsafeBufferPointer { p in
                let masks = ByteMasks.of(p.baseAddress!, count: length)
                defer { withExtendedLifetime(masks) {} }
                let plane = masks.newlines
                let expected = (from..<to).filter { text[$0] == 0x0A }
                XCTAssertEqual(plane.next(from: from, to: to), expected.first, "\(from)..<\(to) of \(length)")
                XCTAssertEqual(plane.previous(from: from, to: to), expected.last, "\(from)..<\(to) of \(length)")
                XCTAssertEqual(plane.population(from: from, to: to), expected.count, "\(from)..<\(to) of \(length)")
                var walked: [Int] = []
                plane.forEach(from: from, to: to) { walked.append($0) }
                XCTAssertEqual(walked, expected)
                if from < length {
                    let run = (from..<length).firstIndex { text[$0] != 0x0A }.map { $0 - from } ?? length - from
                    XCTAssertEqual(plane.run(from: from), run, "run from \(from) of \(length)")
                }
            }
        }
    }

    func testByteCountMatchesEveryLength() {
        var g = seededGenerator()
        for length in 0...300 {
            let text = (0..<length).map { _ in Self.alphabet.randomElement(using: &g)! }
            let counted = text.withUnsafeBytes { ByteSearch.count(0x0A, in: $0) }
            XCTAssertEqual(counted, text.filter { $0 == 0x0A }.count, "length \(length)")
        }
    }

    /// Line tracking through the bits ends where tracking through the bytes does.
    func testTrackerWithBitsMatchesTrackerWithBytes() {
        var g = seededGenerator()
        let letters: [UInt8] = [0x0A, 0x61, 0x20, 0xC3, 0x8A, 0x3A]
        for _ in 0..<2000 {
            let length = Int.random(in: 0...300, using: &g)
            let text = (0..<length).map { _ in letters.randomElement(using: &g)! }
            let cuts = ([0, length] + (0..<3).map { _ in Int.random(in: 0...length, using: &g) }).sorted()
            text.withUnsafeBufferPointer { p in
                guard let base = p.baseAddress else { return }
                let masks = ByteMasks.of(base, count: length)
                defer { withExtendedLifetime(masks) {} }
                let plane = masks.newlines
                var bits = LineTracker(), bytes = LineTracker()
                for (a, b) in zip(cuts, cuts.dropFirst()) {
                    bits.advance(over: base, newlines: plane, from: a, to: b)
                    bytes.advance(over: base, from: a, to: b)
                    XCTAssertEqual([bits.line, bits.column], [bytes.line, bytes.column], "cut at \(b) of \(length)")
                }
            }
        }
    }
}
