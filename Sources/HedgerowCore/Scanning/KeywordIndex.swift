#if canImport(Glibc)
import Glibc
#endif

/// Finds the positions of rule keywords in a buffer in one pass, case-insensitively,
/// so that expensive patterns only run near text that could match.
///
/// The pass keeps a rolling code of the last three bytes (each byte mapped to one of 32
/// classes, case folded) and tests it against a 4 KiB bitset of keyword openings: one
/// table load and one bit test per byte. Source text is full of keyword-like pairs ("se",
/// "st", "en" open 9% of positions in the Python standard library); three bytes rule out
/// all but about 1%, and only those are compared with the keywords that share their first
/// two bytes. One-byte keywords ("@", "+") are found with `memchr`.
struct KeywordIndex {
    /// Keyword bytes, lower case, back to back: keyword `k` is `bytes[offsets[k]..<offsets[k + 1]]`.
    private let bytes: [UInt8]
    private let offsets: [Int32]
    /// Rules of keyword `k`: `ruleList[ruleStart[k]..<ruleStart[k + 1]]`.
    private let ruleList: [Int32]
    private let ruleStart: [Int32]
    /// Keywords by their lower-case first byte pair, flattened like the above.
    private var pairStart = [Int32](repeating: 0, count: 65537)
    private var pairKeywords: [Int32] = []
    /// Bits set for every class triple a keyword of two or more bytes can open with.
    private var triples = [UInt64](repeating: 0, count: 512)
    /// One-byte keywords: the byte values to find (both cases) and their keyword.
    private var singles: [(byte: UInt8, keyword: Int)] = []
    /// Rules with a one-byte keyword and any other: their hits are merged and sorted.
    private var mixedRules: [Int] = []
    let longestKeyword: Int

    static let lower: [UInt8] = (0..<256).map { (b: Int) -> UInt8 in
        let byte = UInt8(b)
        return byte >= 65 && byte <= 90 ? byte + 32 : byte
    }

    /// Byte classes for the rolling code: letters (either case) 1-26, digits 27, and the
    /// other bytes keywords hold share 28-31; every other byte is 0. A class triple set
    /// in `triples` is a filter only: hits are confirmed byte by byte.
    private let classes: [UInt8]

    /// `extra` keywords are the scanner's own, not a rule's: their hits go to the slot after
    /// the last rule (`rules.count`), so `hits` needs one more entry when there are any.
    init(rules: [Rule], extra: [String] = []) {
        var words: [[UInt8]: [Int]] = [:]
        for (index, rule) in rules.enumerated() {
            for keyword in rule.keywords {
                words[keyword.utf8.map { Self.lower[Int($0)] }, default: []].append(index)
            }
        }
        for keyword in extra { words[keyword.utf8.map { Self.lower[Int($0)] }, default: []].append(rules.count) }
        let sorted = words.keys.sorted { $0.lexicographicallyPrecedes($1) }
        var bytes: [UInt8] = [], offsets: [Int32] = [0], ruleList: [Int32] = [], ruleStart: [Int32] = [0]
        for word in sorted {
            bytes += word
            offsets.append(Int32(bytes.count))
            ruleList += Set(words[word]!).sorted().map(Int32.init)
            ruleStart.append(Int32(ruleList.count))
        }
        (self.bytes, self.offsets, self.ruleList, self.ruleStart) = (bytes, offsets, ruleList, ruleStart)
        longestKeyword = sorted.map(\.count).max() ?? 0

        var classes = [UInt8](repeating: 0, count: 256)
        var nextOther: UInt8 = 28
        for b in 0..<256 {
            let lowered = Self.lower[b]
            if lowered >= 0x61 && lowered <= 0x7A { classes[b] = lowered - 0x60 } else if b >= 0x30 && b <= 0x39 { classes[b] = 27 }
        }
        for word in sorted { for b in word where classes[Int(b)] == 0 { classes[Int(b)] = nextOther; nextOther = nextOther == 31 ? 28 : nextOther + 1 } }
        self.classes = classes

        var buckets: [Int: [Int]] = [:]
        var keywordsOfRule = [Int](repeating: 0, count: rules.count + 1), singleRules = Set<Int>()
        for word in sorted { for rule in Set(words[word]!) { keywordsOfRule[rule] += 1 } }
        for (k, word) in sorted.enumerated() {
            let rulesOfWord = words[word]!
            if word.count == 1 {
                singleRules.formUnion(rulesOfWord)
                singles.append((word[0], k))
                let upper = word[0] >= 0x61 && word[0] <= 0x7A ? word[0] - 32 : word[0]
                if upper != word[0] { singles.append((upper, k)) }
                continue
            }
            buckets[Int(word[0]) << 8 | Int(word[1]), default: []].append(k)
            let c0 = Int(classes[Int(word[0])]), c1 = Int(classes[Int(word[1])])
            let thirds = word.count > 2 ? [Int(classes[Int(word[2])])] : Array(0..<32)
            for c2 in thirds {
                let code = c0 << 10 | c1 << 5 | c2
                triples[code >> 6] |= 1 << UInt64(code & 63)
            }
        }
        mixedRules = singleRules.filter { keywordsOfRule[$0] > 1 }.sorted()
        // Filled in pair order without visiting all 65,536 pairs through the dictionary.
        var next = 0
        for pair in buckets.keys.sorted() {
            while next <= pair { pairStart[next] = Int32(pairKeywords.count); next += 1 }
            pairKeywords += buckets[pair]!.map(Int32.init)
        }
        while next <= 65536 { pairStart[next] = Int32(pairKeywords.count); next += 1 }
    }

    /// Appends, per rule, every keyword start in `from..<to`. Bytes up to `limit` may be
    /// read to confirm a keyword that starts before `to`. Hits per rule come out sorted.
    func search(_ buffer: UnsafeRawBufferPointer, from: Int, to: Int, limit: Int, into hits: inout [[Int]]) {
        guard offsets.count > 1, from < to else { return }
        let p = buffer.baseAddress!.assumingMemoryBound(to: UInt8.self)
        Self.lower.withUnsafeBufferPointer { lower in
        classes.withUnsafeBufferPointer { classes in
        triples.withUnsafeBufferPointer { triples in
        withUnsafeTemporaryAllocation(of: Int.self, capacity: 4096) { found in
            // Positions whose three bytes are all in the buffer go through the rolling code,
            // a block at a time; the last two before `limit` are confirmed directly.
            let end = min(to, limit - 2)
            var code = end > from ? Int(classes[Int(p[from])]) << 5 | Int(classes[Int(p[from + 1])]) : 0
            var i = from
            while i < end {
                let count = Self.candidates(p, from: i, to: min(end, i + found.count), code: &code,
                                            classes: classes.baseAddress!, triples: triples.baseAddress!, into: found.baseAddress!)
                for k in 0..<count { confirm(at: found[k], p, limit: limit, lower: lower, into: &hits) }
                i = min(end, i + found.count)
            }
            while i < to { confirm(at: i, p, limit: limit, lower: lower, into: &hits); i += 1 }
        }
        }
        }
        }
        for single in singles {
            var i = from
            while i < to, let found = memchr(p + i, Int32(single.byte), to - i) {
                let at = p.distance(to: found.assumingMemoryBound(to: UInt8.self))
                record(single.keyword, at: at, into: &hits)
                i = at + 1
            }
        }
        for rule in mixedRules where hits[rule].count > 1 {
            hits[rule].sort()
            var unique: [Int] = []
            unique.reserveCapacity(hits[rule].count)
            for h in hits[rule] where unique.last != h { unique.append(h) }
            hits[rule] = unique
        }
    }

    /// The positions in `from..<to` whose class triple opens a keyword. Kept apart from
    /// the confirming code and branch-free (every position is written, the count moves
    /// only on a hit) so the rolling code stays in a register: this loop touches every byte.
    @inline(never)
    private static func candidates(
        _ p: UnsafePointer<UInt8>, from: Int, to: Int, code: inout Int,
        classes: UnsafePointer<UInt8>, triples: UnsafePointer<UInt64>, into found: UnsafeMutablePointer<Int>
    ) -> Int {
        var rolling = code
        var count = 0
        var i = from
        while i < to {
            rolling = (rolling &<< 5 | Int(classes[Int(p[i &+ 2])])) & 0x7FFF
            found[count] = i
            count &+= Int(truncatingIfNeeded: (triples[rolling &>> 6] &>> UInt64(rolling & 63)) & 1)
            i &+= 1
        }
        code = rolling
        return count
    }

    /// Records every keyword of two or more bytes that starts at `i`.
    @inline(__always)
    private func confirm(at i: Int, _ p: UnsafePointer<UInt8>, limit: Int, lower: UnsafeBufferPointer<UInt8>, into hits: inout [[Int]]) {
        guard i + 1 < limit else { return }
        let pair = Int(lower[Int(p[i])]) << 8 | Int(lower[Int(p[i + 1])])
        var slot = Int(pairStart[pair])
        let last = Int(pairStart[pair + 1])
        while slot < last {
            let k = Int(pairKeywords[slot])
            if matches(k, p, at: i, limit: limit, lower: lower) { record(k, at: i, into: &hits) }
            slot += 1
        }
    }

    @inline(__always)
    private func matches(_ k: Int, _ p: UnsafePointer<UInt8>, at i: Int, limit: Int, lower: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = Int(offsets[k]), count = Int(offsets[k + 1]) - start
        guard i + count <= limit else { return false }
        var j = 2
        while j < count {
            if lower[Int(p[i + j])] != bytes[start + j] { return false }
            j += 1
        }
        return true
    }

    @inline(__always)
    private func record(_ keyword: Int, at position: Int, into hits: inout [[Int]]) {
        for slot in Int(ruleStart[keyword])..<Int(ruleStart[keyword + 1]) {
            let rule = Int(ruleList[slot])
            if hits[rule].last != position { hits[rule].append(position) }
        }
    }
}
