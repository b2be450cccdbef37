#if canImport(Glibc)
import Glibc
#endif

/// Finds the positions of rule keywords in a buffer in one pass, case-insensitively,
/// so that expensive patterns only run near text that could match.
///
/// The pass maps each byte to one of 32 classes (case folded) and tests every class
/// triple against a 4 KiB table of keyword openings (a 32-bit set of third classes per
/// pair of first two): one table load and one bit test per byte. Source text is full of
/// keyword-like pairs ("se", "st", "en" open 9% of positions in the Python standard
/// library); three bytes rule out all but about 1%, and only those are compared with the
/// keywords that share their first two bytes. One-byte keywords ("@", "+") are found with
/// `memchr`.
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
    /// Per class pair (`c0 << 5 | c1`), a bit for every third class with which the triple
    /// can open a keyword of two or more bytes.
    private var thirds = [UInt32](repeating: 0, count: 1024)
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
    /// other bytes keywords hold share 28-31; every other byte is 0. A class triple set
    /// in `thirds` is a filter only: hits are confirmed byte by byte.
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
            let thirdClasses = word.count > 2 ? [Int(classes[Int(word[2])])] : Array(0..<32)
            for c2 in thirdClasses { self.thirds[c0 << 5 | c1] |= 1 << UInt32(c2) }
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
        thirds.withUnsafeBufferPointer { thirds in
        withTables(lower: lower) { tables in
        withUnsafeTemporaryAllocation(of: Int.self, capacity: 4096) { found in
            // Positions whose three bytes are all in the buffer go through the triple test,
            // a block at a time; the last two before `limit` are confirmed directly.
            let end = min(to, limit - 2)
            var code = end > from ? Int(classes[Int(p[from])]) << 5 | Int(classes[Int(p[from + 1])]) : 0
            var i = from
            while i < end {
                let count = Self.candidates(p, from: i, to: min(end, i + found.count), code: &code,
                                            classes: classes.baseAddress!, thirds: thirds.baseAddress!, into: found.baseAddress!)
                for k in 0..<count { tables.confirm(at: found[k], p, limit: limit, into: &hits) }
                i = min(end, i + found.count)
            }
            while i < to { tables.confirm(at: i, p, limit: limit, into: &hits); i += 1 }
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
    /// only on a hit): this loop touches every byte. Each position's test takes the two
    /// classes before it from registers, so no position waits on the one before (a
    /// rolling code of the last three bytes did, and ran at half this speed).
    @inline(never)
    private static func candidates(
        _ p: UnsafePointer<UInt8>, from: Int, to: Int, code: inout Int,
        classes: UnsafePointer<UInt8>, thirds: UnsafePointer<UInt32>, into found: UnsafeMutablePointer<Int>
    ) -> Int {
        var c0 = code &>> 5, c1 = code & 31
        var count = 0
        var i = from
        // Four positions a round: their tests are independent, and the classes of one
        // round's last two bytes open the next.
        while i &+ 4 <= to {
            let d0 = Int(classes[Int(p[i &+ 2])]), d1 = Int(classes[Int(p[i &+ 3])])
            let d2 = Int(classes[Int(p[i &+ 4])]), d3 = Int(classes[Int(p[i &+ 5])])
            let h0 = Int(truncatingIfNeeded: (thirds[c0 &<< 5 | c1] &>> UInt32(d0)) & 1)
            let h1 = Int(truncatingIfNeeded: (thirds[c1 &<< 5 | d0] &>> UInt32(d1)) & 1)
            let h2 = Int(truncatingIfNeeded: (thirds[d0 &<< 5 | d1] &>> UInt32(d2)) & 1)
            let h3 = Int(truncatingIfNeeded: (thirds[d1 &<< 5 | d2] &>> UInt32(d3)) & 1)
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
            count &+= Int(truncatingIfNeeded: (thirds[c0 &<< 5 | c1] &>> UInt32(c2)) & 1)
            c0 = c1
            c1 = c2
            i &+= 1
        }
        code = c0 &<< 5 | c1
        return count
    }

    /// The tables the confirming step reads, as pointers: it runs for every candidate, and
    /// array subscripts there cost a bounds check each.
    private struct Tables {
        let bytes: UnsafePointer<UInt8>, offsets: UnsafePointer<Int32>
        let pairStart: UnsafePointer<Int32>, pairKeywords: UnsafePointer<Int32>
        let ruleStart: UnsafePointer<Int32>, ruleList: UnsafePointer<Int32>
        let lower: UnsafePointer<UInt8>

        /// Records every keyword of two or more bytes that starts at `i`.
        @inline(__always)
        func confirm(at i: Int, _ p: UnsafePointer<UInt8>, limit: Int, into hits: inout [[Int]]) {
            guard i + 1 < limit else { return }
            let pair = Int(lower[Int(p[i])]) << 8 | Int(lower[Int(p[i + 1])])
            var slot = Int(pairStart[pair])
            let last = Int(pairStart[pair + 1])
            while slot < last {
                let k = Int(pairKeywords[slot])
                if matches(k, p, at: i, limit: limit) {
                    for r in Int(ruleStart[k])..<Int(ruleStart[k + 1]) {
                        let rule = Int(ruleList[r])
                        if hits[rule].last != i { hits[rule].append(i) }
                    }
                }
                slot += 1
            }
        }

        @inline(__always)
        func matches(_ k: Int, _ p: UnsafePointer<UInt8>, at i: Int, limit: Int) -> Bool {
            let start = Int(offsets[k]), count = Int(offsets[k + 1]) - start
            guard i + count <= limit else { return false }
            var j = 2
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
        ruleStart.withUnsafeBufferPointer { ruleStart in
        ruleList.withUnsafeBufferPointer { ruleList in
            // Every keyword index has one keyword at least (`search` returns before
            // otherwise), but the rule and pair lists of a test's index can be empty.
            let empty = UnsafePointer<Int32>(bitPattern: MemoryLayout<Int32>.alignment)!
            return body(Tables(bytes: bytes.baseAddress!, offsets: offsets.baseAddress!, pairStart: pairStart.baseAddress!,
                               pairKeywords: pairKeywords.baseAddress ?? empty, ruleStart: ruleStart.baseAddress!,
                               ruleList: ruleList.baseAddress ?? empty, lower: lower.baseAddress!))
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
