import XCTest
import HedgerowCore

/// Random rewrites (copies, replacements of other lengths, insertions, deletions) checked
/// byte by byte against a map worked out the slow way.
final class OffsetMapTests: XCTestCase {
    /// Where each rewritten byte came from, the slow way.
    enum Origin: Equatable { case copy(Int), replaced(Range<Int>), inserted }

    struct Rewrite {
        var text = RewrittenText()
        var origins: [Origin] = []
    }

    static func randomRewrite(of source: [UInt8], seed: UInt64) -> Rewrite {
        var g = SeededGenerator(seed: seed)
        var out = Rewrite()
        var i = 0
        while i < source.count {
            let n = 1 + Int(g.next() % 12)
            let end = min(source.count, i + n)
            switch g.next() % 5 {
            case 0, 1:
                out.text.copy(source[i..<end], from: i)
                out.origins += (i..<end).map { .copy($0) }
            case 2:
                let length = 1 + Int(g.next() % 4)
                out.text.replace(i..<end, with: Array(repeating: UInt8(ascii: "r"), count: length))
                out.origins += Array(repeating: .replaced(i..<end), count: length)
            case 3:
                let length = 1 + Int(g.next() % 2)
                out.text.insert(Array(repeating: UInt8(ascii: " "), count: length), at: i)
                out.origins += Array(repeating: .inserted, count: length)
                continue  // nothing of the source consumed
            default:
                break  // deleted
            }
            if g.next() % 4 == 0 { out.text.markBoundary() }
            i = end
        }
        return out
    }

    /// The pieces of a span, the slow way: each byte's source, merged where they abut.
    static func slowPieces(_ origins: ArraySlice<Origin>) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var lastReplaced: Range<Int>?
        for o in origins {
            let r: Range<Int>
            switch o {
            case let .copy(s): r = s..<(s + 1); lastReplaced = nil
            case let .replaced(range):
                if lastReplaced == range { continue }
                lastReplaced = range
                r = range
            case .inserted: lastReplaced = nil; continue
            }
            if let last = out.last, last.upperBound == r.lowerBound { out[out.count - 1] = last.lowerBound..<r.upperBound } else { out.append(r) }
        }
        return out
    }

    static func slowVerbatim(_ origins: ArraySlice<Origin>) -> Bool {
        var previous: Int?
        for o in origins {
            guard case let .copy(s) = o else { return false }
            if let p = previous, p + 1 != s { return false }
            previous = s
        }
        return true
    }

    func testRandomRewritesMapBack() {
        for seed in UInt64(1)...300 {
            var g = SeededGenerator(seed: seed &* 7919)
            let source = (0..<(20 + Int(g.next() % 200))).map { _ in UInt8(truncatingIfNeeded: g.next() % 128) }
            let rewrite = Self.randomRewrite(of: source, seed: seed)
            let map = rewrite.text.map
            XCTAssertEqual(map.rewrittenLength, rewrite.origins.count, "seed \(seed)")
            for (r, o) in rewrite.origins.enumerated() {
                switch o {
                case let .copy(s): XCTAssertEqual(map.sourceOffset(of: r), s, "seed \(seed) byte \(r)")
                case let .replaced(range): XCTAssertEqual(map.sourceOffset(of: r), range.lowerBound, "seed \(seed) byte \(r)")
                case .inserted: break
                }
            }
            // Spans: pieces and verbatim against the slow way. Replacements are whole:
            // spans start and end on their edges.
            for _ in 0..<40 where !rewrite.origins.isEmpty {
                var a = Int(g.next() % UInt64(rewrite.origins.count))
                var b = a + 1 + Int(g.next() % UInt64(min(30, rewrite.origins.count - a)))
                while a > 0, case .replaced = rewrite.origins[a], rewrite.origins[a - 1] == rewrite.origins[a] { a -= 1 }
                while b < rewrite.origins.count, case .replaced = rewrite.origins[b], rewrite.origins[b - 1] == rewrite.origins[b] { b += 1 }
                let span = a..<b
                XCTAssertEqual(map.pieces(of: span), Self.slowPieces(rewrite.origins[span]), "seed \(seed) span \(span)")
                XCTAssertEqual(map.isVerbatim(span), Self.slowVerbatim(rewrite.origins[span]), "seed \(seed) span \(span)")
            }
        }
    }

    /// Cutting a block off at a boundary leaves a map that still maps the rest.
    func testBlocksCutAtBoundariesMapTheSame() {
        for seed in UInt64(1)...200 {
            var g = SeededGenerator(seed: seed)
            let source = (0..<(50 + Int(g.next() % 100))).map { _ in UInt8(truncatingIfNeeded: 0x61 + g.next() % 26) }
            let rewrite = Self.randomRewrite(of: source, seed: seed)
            var text = rewrite.text
            guard let cut = text.boundaries.first(where: { $0 > 0 && $0 < text.count }) else { continue }
            let head = text.removePrefix(upTo: cut)
            XCTAssertEqual(head.count, cut, "seed \(seed)")
            XCTAssertEqual(head.map.rewrittenLength, cut, "seed \(seed)")
            XCTAssertEqual(head.bytes + text.bytes, rewrite.text.bytes, "seed \(seed)")
            for r in 0..<text.count {
                XCTAssertEqual(text.map.sourceOffset(of: r), rewrite.text.map.sourceOffset(of: r + cut), "seed \(seed) byte \(r)")
            }
            for r in 0..<head.count {
                XCTAssertEqual(head.map.sourceOffset(of: r), rewrite.text.map.sourceOffset(of: r), "seed \(seed) byte \(r)")
            }
        }
    }
}
