#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Answers "does one of these literals start in `from...to - length`?" for a run of keyword
/// hits in increasing order, remembering what it has already searched.
///
/// Asking `ByteSearch.containsAny` afresh for every hit costs the whole span per hit: a
/// file of many keyword hits with no literal after them (thousands of unterminated
/// `-----BEGIN PRIVATE KEY-----` headers) is then quadratic in the span. With this memory
/// every byte is searched about once per step, whatever the number of hits.
struct LiteralLookahead {
    /// Per literal: no occurrence starts in `cleanFrom..<cleanTo`.
    private var cleanFrom: [Int]
    private var cleanTo: [Int]
    /// Per literal: the start of a known occurrence, or -1.
    private var found: [Int]

    init(count: Int) {
        cleanFrom = Array(repeating: 0, count: count)
        cleanTo = Array(repeating: 0, count: count)
        found = Array(repeating: -1, count: count)
    }

    /// Whether one of `literals` (lower case, as for `ByteSearch.containsAny`) lies wholly in `from..<to`.
    mutating func holds(_ literals: [[UInt8]], in p: UnsafePointer<UInt8>, from: Int, to: Int) -> Bool {
        for (k, literal) in literals.enumerated() {
            let lastStart = to - literal.count
            guard lastStart >= from else { continue }
            if found[k] >= from && found[k] <= lastStart { return true }
            // Continue a clean stretch that reaches `from`; else start a new one.
            let extending = cleanFrom[k] <= from && from < cleanTo[k]
            let searchFrom = extending ? cleanTo[k] : from
            if !extending { cleanFrom[k] = from }
            if let at = Self.firstStart(of: literal, in: p, from: searchFrom, lastStart: lastStart) {
                found[k] = at
                cleanTo[k] = at
                return true
            }
            cleanTo[k] = max(searchFrom, lastStart + 1)
        }
        return false
    }

    /// The first position in `from...lastStart` where `literal` starts (ASCII letters in
    /// the text folded to lower case, as the literals are given).
    static func firstStart(of literal: [UInt8], in p: UnsafePointer<UInt8>, from: Int, lastStart: Int) -> Int? {
        @inline(__always) func fold(_ c: UInt8) -> UInt8 { c &- 0x41 < 26 ? c | 0x20 : c }
        let first = literal[0]
        var i = from
        while i <= lastStart {
            if first &- 0x61 >= 26 {
                guard let hit = memchr(p + i, Int32(first), lastStart + 1 - i) else { return nil }
                i = p.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            } else if fold(p[i]) != first {
                i &+= 1
                continue
            }
            var j = 1
            while j < literal.count && fold(p[i + j]) == literal[j] { j &+= 1 }
            if j == literal.count { return i }
            i &+= 1
        }
        return nil
    }
}
