/// Finds the positions of rule keywords in a buffer in one pass, case-insensitively,
/// so that expensive patterns only run near text that could match. Keywords are
/// bucketed by their first two bytes; a bitset over byte pairs rejects most positions
/// with one load.
struct KeywordIndex {
    private let keywords: [[UInt8]]
    private let keywordRules: [[Int]]
    private var pairBits = [UInt64](repeating: 0, count: 1024)
    /// Keywords by their first byte pair, flattened: those of pair `x` are
    /// `pairKeywords[pairStart[x]..<pairStart[x + 1]]` (no hashing on the hot path).
    private var pairStart = [Int32](repeating: 0, count: 65537)
    private var pairKeywords: [Int32] = []
    private var singleByte = [[Int]](repeating: [], count: 256)
    private var isSingle = [Bool](repeating: false, count: 256)
    let longestKeyword: Int
    let ruleCount: Int

    static let lower: [UInt8] = (0..<256).map { (b: Int) -> UInt8 in
        let byte = UInt8(b)
        return byte >= 65 && byte <= 90 ? byte + 32 : byte
    }

    init(rules: [Rule]) {
        var words: [[UInt8]: [Int]] = [:]
        for (index, rule) in rules.enumerated() {
            for keyword in rule.keywords {
                let bytes = keyword.utf8.map { Self.lower[Int($0)] }
                words[bytes, default: []].append(index)
            }
        }
        let sorted = words.keys.sorted { $0.lexicographicallyPrecedes($1) }
        keywords = sorted
        keywordRules = sorted.map { Array(Set(words[$0]!)).sorted() }
        longestKeyword = sorted.map(\.count).max() ?? 0
        ruleCount = rules.count
        var buckets: [Int: [Int]] = [:]
        for (k, word) in sorted.enumerated() {
            if word.count == 1 {
                singleByte[Int(word[0])].append(k)
                isSingle[Int(word[0])] = true
            } else {
                let pair = Int(word[0]) << 8 | Int(word[1])
                pairBits[pair >> 6] |= 1 << UInt64(pair & 63)
                buckets[pair, default: []].append(k)
            }
        }
        for pair in 0..<65536 {
            pairStart[pair] = Int32(pairKeywords.count)
            pairKeywords += (buckets[pair] ?? []).map(Int32.init)
        }
        pairStart[65536] = Int32(pairKeywords.count)
    }

    /// Appends, per rule, every keyword start in `from..<to`. Bytes up to `limit` may be
    /// read to confirm a keyword that starts before `to`. Hits per rule come out sorted.
    func search(_ buffer: UnsafeRawBufferPointer, from: Int, to: Int, limit: Int, into hits: inout [[Int]]) {
        guard !keywords.isEmpty, from < to else { return }
        let p = buffer.baseAddress!.assumingMemoryBound(to: UInt8.self)
        Self.lower.withUnsafeBufferPointer { lower in
            pairBits.withUnsafeBufferPointer { bits in
            isSingle.withUnsafeBufferPointer { single in
            pairStart.withUnsafeBufferPointer { starts in
                let end = min(to, limit - 1)
                var i = from
                while i < end {
                    let b0 = Int(lower[Int(p[i])])
                    let pair = b0 << 8 | Int(lower[Int(p[i + 1])])
                    if bits[pair >> 6] & (1 << UInt64(pair & 63)) != 0 {
                        for slot in Int(starts[pair])..<Int(starts[pair + 1]) {
                            let k = Int(pairKeywords[slot])
                            if matches(keywords[k], p, at: i, limit: limit, lower: lower) { record(k, at: i, into: &hits) }
                        }
                    }
                    if single[b0] { for k in singleByte[b0] { record(k, at: i, into: &hits) } }
                    i += 1
                }
                // The last byte before `limit` can only start a one-byte keyword.
                if end < to {
                    let b0 = Int(lower[Int(p[end])])
                    if single[b0] { for k in singleByte[b0] { record(k, at: end, into: &hits) } }
                }
            }
            }
            }
        }
    }

    @inline(__always)
    private func matches(_ word: [UInt8], _ p: UnsafePointer<UInt8>, at i: Int, limit: Int, lower: UnsafeBufferPointer<UInt8>) -> Bool {
        guard i + word.count <= limit else { return false }
        var j = 2
        while j < word.count {
            if lower[Int(p[i + j])] != word[j] { return false }
            j += 1
        }
        return true
    }

    @inline(__always)
    private func record(_ keyword: Int, at position: Int, into hits: inout [[Int]]) {
        for rule in keywordRules[keyword] where hits[rule].last != position {
            hits[rule].append(position)
        }
    }
}
