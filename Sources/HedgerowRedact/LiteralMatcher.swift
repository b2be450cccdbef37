/// Finds any of a set of literal byte strings as whole words, in one pass: the values
/// already found in a run (so each of their other occurrences is replaced too), or the
/// replacements of a map (for `restore`). A literal whose first (last) byte is a word
/// character matches only where a word starts (ends); `[NAME-1]` needs no boundary.
/// A table of the literals' first two bytes turns almost every position down with one
/// bit test, so a pass runs at memory speed whatever the number of literals.
public struct LiteralMatcher: Sendable {
    public let literals: [[UInt8]]
    private var firstPairs = [UInt64](repeating: 0, count: 1024)
    /// A byte trie of the literals: (node << 8 | byte) -> child node; node 0 is the root.
    private var edges = EdgeTable()
    /// The literal ending at each node, or -1.
    private var terminal: [Int32] = [-1]

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
            var node = 0
            for b in bytes {
                let key = node << 8 | Int(b)
                if let child = edges[key] { node = Int(child) } else {
                    terminal.append(-1)
                    edges.insert(key, Int32(terminal.count - 1))
                    node = terminal.count - 1
                }
            }
            terminal[node] = Int32(i)
        }
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
                // A literal that starts with a letter or digit starts a word: most hits are not at one.
                if table[pair >> 6] & (1 << UInt64(pair & 63)) != 0 && (i == 0 || !Self.isWord(p[i]) || !Self.isWord(p[i - 1])),
                   let found = match(p, n, at: i) {
                    return (i..<(i + literals[found].count), found)
                }
                i += 1
            }
            return nil
        }
    }

    /// The longest literal starting at `i` that ends where a word may end.
    private func match(_ p: UnsafePointer<UInt8>, _ n: Int, at i: Int) -> Int? {
        var node = 0
        var best: Int? = nil
        var j = i
        while j < n, let child = edges[node << 8 | Int(p[j])] {
            node = Int(child)
            j += 1
            let literal = terminal[node]
            if literal >= 0 && (j == n || !Self.isWord(p[j - 1]) || !Self.isWord(p[j])) { best = Int(literal) }
        }
        return best
    }
}

/// The trie's edges in one open-addressed table of integer keys: a redaction walks the trie
/// at every place a literal's first two bytes occur (every speaker label of a transcript),
/// and a `Dictionary` hashed each step with SipHash, a few percent of a redaction.
struct EdgeTable: Sendable {
    private var keys: [Int] = Array(repeating: -1, count: 64)
    private var values: [Int32] = Array(repeating: 0, count: 64)
    private var count = 0

    @inline(__always) private func slot(_ key: Int, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (UInt64(bitPattern: Int64(key)) &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    subscript(key: Int) -> Int32? {
        keys.withUnsafeBufferPointer { k in
            let mask = k.count - 1
            var i = slot(key, mask)
            while true {
                let stored = k[i]
                if stored == key { return values[i] }
                if stored < 0 { return nil }
                i = (i + 1) & mask
            }
        }
    }

    /// Adds a key not yet present (keys are never negative).
    mutating func insert(_ key: Int, _ value: Int32) {
        if (count + 1) * 2 > keys.count { grow() }
        let mask = keys.count - 1
        var i = slot(key, mask)
        while keys[i] >= 0 { i = (i + 1) & mask }
        keys[i] = key
        values[i] = value
        count += 1
    }

    private mutating func grow() {
        let old = zip(keys, values).filter { $0.0 >= 0 }
        keys = Array(repeating: -1, count: keys.count * 2)
        values = Array(repeating: 0, count: keys.count)
        count = 0
        for (key, value) in old { insert(key, value) }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
