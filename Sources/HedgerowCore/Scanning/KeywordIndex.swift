#if canImport(Glibc)
import Glibc
#endif

/// Finds the positions of rule keywords in a buffer in one pass, case-insensitively,
/// so that expensive patterns only run near text that could match.
///
/// The pass maps each byte to one of 64 classes (case folded) and tests every class
/// triple against a 32 KiB table of keyword anchors (a 64-bit set of third classes per
/// pair of first two): one table load and one bit test per byte. Each keyword is found by
/// its *anchor*, the three bytes in it that are rarest in English words (`Anchors`), not
/// by its opening: "assignee", "serpapi" and "defaultendpointsprotocol" open with
/// trigrams that open a word in every few lines of code ("class", "user", "default"), and
/// with some 700 keywords, openings let 9% of the Python standard library's positions
/// through; anchors and separate classes for punctuation let 3%. Only those positions
/// are compared with the keywords anchored on their two bytes. One-byte keywords ("@",
/// "+") are found with `memchr`.
struct KeywordIndex {
    /// Keyword bytes, lower case, back to back: keyword `k` is `bytes[offsets[k]..<offsets[k + 1]]`.
    private let bytes: [UInt8]
    private let offsets: [Int32]
    /// Rules of keyword `k`: `ruleList[ruleStart[k]..<ruleStart[k + 1]]`.
    private let ruleList: [Int32]
    private let ruleStart: [Int32]
    /// Keywords by the lower-case byte pair their anchor starts with, flattened like the
    /// above, each with the anchor's offset in the keyword.
    private var pairStart = [Int32](repeating: 0, count: 65537)
    private var pairKeywords: [Int32] = []
    private var pairOffsets: [Int32] = []
    /// The largest anchor offset: a keyword starting before `to` is seen up to this far past it.
    private var maxOffset = 0
    /// Per class pair (`c0 << 6 | c1`), a bit for every third class with which the triple
    /// can be a keyword's anchor (any third class for two-byte keywords).
    private var thirds = [UInt64](repeating: 0, count: 4096)
    /// One-byte keywords: the byte values to find (both cases) and their keyword.
    private var singles: [(byte: UInt8, keyword: Int)] = []
    /// Rules with a one-byte keyword and any other: their hits are merged and sorted.
    private var mixedRules: [Int] = []
    let longestKeyword: Int

    static let lower: [UInt8] = (0..<256).map { (b: Int) -> UInt8 in
        let byte = UInt8(b)
        return byte >= 65 && byte <= 90 ? byte + 32 : byte
    }

    /// Byte classes for the triple test: letters (either case) 1-26, digits 27, and the
    /// other bytes keywords hold 28-63 (shared only past 36 of them); every other byte is
    /// 0. A class triple set in `thirds` is a filter only: hits are confirmed byte by byte.
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
        for word in sorted { for b in word where classes[Int(b)] == 0 { classes[Int(b)] = nextOther; nextOther = nextOther == 63 ? 28 : nextOther + 1 } }
        self.classes = classes

        var buckets: [Int: [(keyword: Int, offset: Int)]] = [:]
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
            let o = Anchors.offset(in: word)
            maxOffset = max(maxOffset, o)
            buckets[Int(word[o]) << 8 | Int(word[o + 1]), default: []].append((k, o))
            let c0 = Int(classes[Int(word[o])]), c1 = Int(classes[Int(word[o + 1])])
            let thirdClasses = word.count > 2 ? [Int(classes[Int(word[o + 2])])] : Array(0..<64)
            for c2 in thirdClasses { self.thirds[c0 << 6 | c1] |= 1 << UInt64(c2) }
        }
        mixedRules = singleRules.filter { keywordsOfRule[$0] > 1 }.sorted()
        // Filled in pair order without visiting all 65,536 pairs through the dictionary.
        var next = 0
        for pair in buckets.keys.sorted() {
            while next <= pair { pairStart[next] = Int32(pairKeywords.count); next += 1 }
            pairKeywords += buckets[pair]!.map { Int32($0.keyword) }
            pairOffsets += buckets[pair]!.map { Int32($0.offset) }
        }
        while next <= 65536 { pairStart[next] = Int32(pairKeywords.count); next += 1 }
    }

    /// Appends, per rule, every keyword start in `from..<to`. Bytes up to `limit` may be
    /// read to confirm a keyword that starts before `to`. Hits per rule come out sorted.
    func search(_ buffer: UnsafeRawBufferPointer, from: Int, to: Int, limit: Int, into hits: inout [[Int]]) {
        guard offsets.count > 1, from < to else { return }
        let p = buffer.baseAddress!.assumingMemoryBound(to: UInt8.self)
        // Anchors lie up to `maxOffset` bytes into their keyword, so positions past `to`
        // are tested too; a keyword's start decides whether it is in range.
        let scanTo = min(to + maxOffset, limit)
        var unordered: [Int] = []
        Self.lower.withUnsafeBufferPointer { lower in
        classes.withUnsafeBufferPointer { classes in
        thirds.withUnsafeBufferPointer { thirds in
        withTables(lower: lower) { tables in
        withUnsafeTemporaryAllocation(of: Int.self, capacity: 4096) { found in
            // Positions whose three bytes are all in the buffer go through the triple test,
            // a block at a time; the last two before `limit` are confirmed directly.
            let end = min(scanTo, limit - 2)
            var code = end > from ? Int(classes[Int(p[from])]) << 6 | Int(classes[Int(p[from + 1])]) : 0
            var i = from
            while i < end {
                let count = Self.candidates(p, from: i, to: min(end, i + found.count), code: &code,
                                            classes: classes.baseAddress!, thirds: thirds.baseAddress!, into: found.baseAddress!)
                for k in 0..<count { tables.confirm(at: found[k], p, from: from, to: to, limit: limit, into: &hits, unordered: &unordered) }
                i = min(end, i + found.count)
            }
            while i < scanTo { tables.confirm(at: i, p, from: from, to: to, limit: limit, into: &hits, unordered: &unordered); i += 1 }
        }
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
        // One-byte keywords are found after the others, and keywords anchored at different
        // offsets are seen out of their start order.
        for rule in mixedRules where hits[rule].count > 1 { Self.sortUnique(&hits[rule]) }
        for rule in Set(unordered) where !mixedRules.contains(rule) { Self.sortUnique(&hits[rule]) }
    }

    private static func sortUnique(_ list: inout [Int]) {
        list.sort()
        var unique: [Int] = []
        unique.reserveCapacity(list.count)
        for h in list where unique.last != h { unique.append(h) }
        list = unique
    }

    /// The positions in `from..<to` whose class triple opens a keyword. Kept apart from
    /// the confirming code and branch-free (every position is written, the count moves
    /// only on a hit): this loop touches every byte. Each position's test takes the two
    /// classes before it from registers, so no position waits on the one before (a
    /// rolling code of the last three bytes did, and ran at half this speed).
    @inline(never)
    private static func candidates(
        _ p: UnsafePointer<UInt8>, from: Int, to: Int, code: inout Int,
        classes: UnsafePointer<UInt8>, thirds: UnsafePointer<UInt64>, into found: UnsafeMutablePointer<Int>
    ) -> Int {
        var c0 = code &>> 6, c1 = code & 63
        var count = 0
        var i = from
        // Four positions a round: their tests are independent, and the classes of one
        // round's last two bytes open the next.
        while i &+ 4 <= to {
            let d0 = Int(classes[Int(p[i &+ 2])]), d1 = Int(classes[Int(p[i &+ 3])])
            let d2 = Int(classes[Int(p[i &+ 4])]), d3 = Int(classes[Int(p[i &+ 5])])
            let h0 = Int(truncatingIfNeeded: (thirds[c0 &<< 6 | c1] &>> UInt64(d0)) & 1)
            let h1 = Int(truncatingIfNeeded: (thirds[c1 &<< 6 | d0] &>> UInt64(d1)) & 1)
            let h2 = Int(truncatingIfNeeded: (thirds[d0 &<< 6 | d1] &>> UInt64(d2)) & 1)
            let h3 = Int(truncatingIfNeeded: (thirds[d1 &<< 6 | d2] &>> UInt64(d3)) & 1)
            found[count] = i
            count &+= h0
            found[count] = i &+ 1
            count &+= h1
            found[count] = i &+ 2
            count &+= h2
            found[count] = i &+ 3
            count &+= h3
            c0 = d2
            c1 = d3
            i &+= 4
        }
        while i < to {
            let c2 = Int(classes[Int(p[i &+ 2])])
            found[count] = i
            count &+= Int(truncatingIfNeeded: (thirds[c0 &<< 6 | c1] &>> UInt64(c2)) & 1)
            c0 = c1
            c1 = c2
            i &+= 1
        }
        code = c0 &<< 6 | c1
        return count
    }

    /// The tables the confirming step reads, as pointers: it runs for every candidate, and
    /// array subscripts there cost a bounds check each.
    private struct Tables {
        let bytes: UnsafePointer<UInt8>, offsets: UnsafePointer<Int32>
        let pairStart: UnsafePointer<Int32>, pairKeywords: UnsafePointer<Int32>, pairOffsets: UnsafePointer<Int32>
        let ruleStart: UnsafePointer<Int32>, ruleList: UnsafePointer<Int32>
        let lower: UnsafePointer<UInt8>

        /// Records every keyword of two or more bytes whose anchor is at `i` and whose start
        /// is in `from..<to`. A rule goes on `unordered` when a start comes before one already recorded.
        @inline(__always)
        func confirm(at i: Int, _ p: UnsafePointer<UInt8>, from: Int, to: Int, limit: Int, into hits: inout [[Int]], unordered: inout [Int]) {
            guard i + 1 < limit else { return }
            let pair = Int(lower[Int(p[i])]) << 8 | Int(lower[Int(p[i + 1])])
            var slot = Int(pairStart[pair])
            let last = Int(pairStart[pair + 1])
            while slot < last {
                let k = Int(pairKeywords[slot])
                let start = i - Int(pairOffsets[slot])
                if start >= from && start < to && matches(k, p, at: start, limit: limit) {
                    for r in Int(ruleStart[k])..<Int(ruleStart[k + 1]) {
                        let rule = Int(ruleList[r])
                        if let previous = hits[rule].last {
                            if previous == start { continue }
                            if previous > start { unordered.append(rule) }
                        }
                        hits[rule].append(start)
                    }
                }
                slot += 1
            }
        }

        @inline(__always)
        func matches(_ k: Int, _ p: UnsafePointer<UInt8>, at i: Int, limit: Int) -> Bool {
            let start = Int(offsets[k]), count = Int(offsets[k + 1]) - start
            guard i + count <= limit else { return false }
            var j = 0
            while j < count {
                if lower[Int(p[i + j])] != bytes[start + j] { return false }
                j += 1
            }
            return true
        }
    }

    private func withTables<R>(lower: UnsafeBufferPointer<UInt8>, _ body: (Tables) -> R) -> R {
        bytes.withUnsafeBufferPointer { bytes in
        offsets.withUnsafeBufferPointer { offsets in
        pairStart.withUnsafeBufferPointer { pairStart in
        pairKeywords.withUnsafeBufferPointer { pairKeywords in
        pairOffsets.withUnsafeBufferPointer { pairOffsets in
        ruleStart.withUnsafeBufferPointer { ruleStart in
        ruleList.withUnsafeBufferPointer { ruleList in
            // Every keyword index has one keyword at least (`search` returns before
            // otherwise), but the rule and pair lists of a test's index can be empty.
            let empty = UnsafePointer<Int32>(bitPattern: MemoryLayout<Int32>.alignment)!
            return body(Tables(bytes: bytes.baseAddress!, offsets: offsets.baseAddress!, pairStart: pairStart.baseAddress!,
                               pairKeywords: pairKeywords.baseAddress ?? empty, pairOffsets: pairOffsets.baseAddress ?? empty,
                               ruleStart: ruleStart.baseAddress!,
                               ruleList: ruleList.baseAddress ?? empty, lower: lower.baseAddress!))
        }
        }
        }
        }
        }
        }
        }
    }

    @inline(__always)
    private func record(_ keyword: Int, at position: Int, into hits: inout [[Int]]) {
        for slot in Int(ruleStart[keyword])..<Int(ruleStart[keyword + 1]) {
            let rule = Int(ruleList[slot])
            if hits[rule].last != position { hits[rule].append(position) }
        }
    }
}
