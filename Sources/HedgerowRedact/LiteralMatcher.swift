/// Finds any of a set of literal byte strings as whole words, in one pass: the values
/// already found in a run (so each of their other occurrences is replaced too), or the
/// replacements of a map (for `restore`). A literal whose first (last) byte is a word
/// character matches only where a word starts (ends); `[NAME-1]` needs no boundary.
/// A table of the literals' first two bytes turns almost every position down with one
/// bit test, so a pass runs at memory speed whatever the number of literals.
public struct LiteralMatcher: Sendable {
    public let literals: [[UInt8]]
    private var firstPairs = [UInt64](repeating: 0, count: 1024)
    /// First two bytes -> literals starting with them, longest first.
    private var buckets: [Int: [Int]] = [:]

    /// Literals shorter than two bytes, or holding a line break, are left out.
    public init(_ texts: [String]) {
        var seen = Set<[UInt8]>()
        var list: [[UInt8]] = []
        for text in texts {
            let bytes = Array(text.utf8)
            guard bytes.count >= 2, !bytes.contains(0x0A), !bytes.contains(0x0D), seen.insert(bytes).inserted else { continue }
            list.append(bytes)
        }
        literals = list
        for (i, bytes) in list.enumerated() {
            let pair = Int(bytes[0]) << 8 | Int(bytes[1])
            firstPairs[pair >> 6] |= 1 << UInt64(pair & 63)
            buckets[pair, default: []].append(i)
        }
        for key in buckets.keys { buckets[key]!.sort { list[$0].count > list[$1].count } }
    }

    public var isEmpty: Bool { literals.isEmpty }

    @inline(__always) static func isWord(_ b: UInt8) -> Bool {
        b >= 0x80 || (b &- 0x30) < 10 || ((b | 0x20) &- 0x61) < 26 || b == 0x5F
    }

    /// The first whole-word occurrence of a literal starting at or after `from`: its range
    /// and the literal's index (the longest literal where several start at one place).
    public func next(in buffer: UnsafeRawBufferPointer, from: Int) -> (range: Range<Int>, literal: Int)? {
        guard !literals.isEmpty, buffer.count >= 2 else { return nil }
        let p = buffer.baseAddress!.assumingMemoryBound(to: UInt8.self)
        let n = buffer.count
        var i = max(0, from)
        return firstPairs.withUnsafeBufferPointer { table -> (range: Range<Int>, literal: Int)? in
            while i < n - 1 {
                let pair = Int(p[i]) << 8 | Int(p[i + 1])
                if table[pair >> 6] & (1 << UInt64(pair & 63)) != 0, let found = match(p, n, at: i, pair: pair) {
                    return (i..<(i + literals[found].count), found)
                }
                i += 1
            }
            return nil
        }
    }

    private func match(_ p: UnsafePointer<UInt8>, _ n: Int, at i: Int, pair: Int) -> Int? {
        guard let candidates = buckets[pair] else { return nil }
        for index in candidates {
            let literal = literals[index]
            let end = i + literal.count
            guard end <= n else { continue }
            if Self.isWord(literal[0]) && i > 0 && Self.isWord(p[i - 1]) { continue }
            if Self.isWord(literal[literal.count - 1]) && end < n && Self.isWord(p[end]) { continue }
            let equal = literal.withUnsafeBufferPointer { l in memcmp(l.baseAddress!, p + i, l.count) == 0 }
            if equal { return index }
        }
        return nil
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
