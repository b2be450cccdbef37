/// A set of lower-case words, each with a small tag (which lists it is on), that answers
/// "is this byte run one of them?" without making a String: the name prefilter asks it
/// for every capitalised word of every file, so a lookup is one hash of the bytes (ASCII
/// folded to lower case), a look at a cache-resident filter, and rarely a probe.
///
/// Words are stored as 61-bit FNV-1a hashes with the tag in the low three bits, in an
/// open-addressed table built once from the lists (the start-up of a hook
/// pays for it). Two words sharing a hash would make one stand in for the other; among a
/// few hundred thousand words that chance is about one in ten million, and a false "yes"
/// only sends a candidate on to the rule's pattern and validator.
public struct WordSet: Sendable {
    private let slots: [UInt64]
    private let mask: Int
    /// Two bits per word the filter predicate keeps, in 2^20 (128 KiB): most capitalised
    /// words in code are not names ("True", "None", "Return"), and this says so without
    /// touching the table, whose probe is a cache miss.
    private let filter: [UInt64]
    private let filterKeeps: @Sendable (UInt8) -> Bool
    public let count: Int

    /// One word per line (blank lines skipped), all with tag 1.
    public init(lines text: String) {
        self.init(lists: [(text, 1)])
    }

    public init<S: Sequence>(words: S) where S.Element == String {
        self.init(lists: [(words.joined(separator: "\n"), 1)])
    }

    /// Several lists, each with its tag bits (1, 2 or 4); a word on several lists has their
    /// bits together. `filterKeeps` says which tags `matches` answers yes for.
    public init(lists: [(text: String, tag: UInt8)], filterKeeps: @escaping @Sendable (UInt8) -> Bool = { $0 != 0 }) {
        // Every word's hash first, in one sequential pass over the lists.
        var entries: [UInt64] = []
        entries.reserveCapacity(lists.reduce(0) { $0 + $1.text.utf8.count / 6 + 1 })
        for list in lists {
            var text = list.text
            text.withUTF8 { bytes in
                var start = 0
                for i in 0...bytes.count where i == bytes.count || bytes[i] == 0x0A {
                    var end = i
                    if end > start && bytes[end - 1] == 0x0D { end -= 1 }
                    if end > start { entries.append(Self.hash(UnsafeBufferPointer(rebasing: bytes[start..<end])) | UInt64(list.tag & 7)) }
                    start = i + 1
                }
            }
        }
        var size = 16
        while size < entries.count * 3 / 2 { size <<= 1 }
        // Inserted in the order of their home slots (a counting sort on the slot's top bits),
        // so the table is filled front to back: inserted in list order, each of 200,000
        // names was a cache miss, most of the name table's build time at every start.
        let bucketBits = min(10, size.trailingZeroBitCount), shift = size.trailingZeroBitCount - bucketBits
        var starts = [Int](repeating: 0, count: (1 << bucketBits) + 1)
        for e in entries { starts[((Int(truncatingIfNeeded: e >> 3) & (size - 1)) >> shift) + 1] += 1 }
        for b in 1..<starts.count { starts[b] += starts[b - 1] }
        var ordered = [UInt64](repeating: 0, count: entries.count)
        for e in entries {
            let b = (Int(truncatingIfNeeded: e >> 3) & (size - 1)) >> shift
            ordered[starts[b]] = e
            starts[b] += 1
        }
        var slots = [UInt64](repeating: 0, count: size)
        var count = 0
        for e in ordered {
            let h = e & ~7
            var k = Int(truncatingIfNeeded: h >> 3) & (size - 1)
            while slots[k] != 0 && slots[k] & ~7 != h { k = (k + 1) & (size - 1) }
            if slots[k] == 0 { count += 1; slots[k] = h }
            slots[k] |= e & 7
        }
        var filter = [UInt64](repeating: 0, count: 1 << 14)
        for v in slots where v != 0 && filterKeeps(UInt8(v & 7)) {
            let (a, b) = Self.filterBits(v & ~7)
            filter[a >> 6] |= 1 << UInt64(a & 63)
            filter[b >> 6] |= 1 << UInt64(b & 63)
        }
        self.slots = slots
        mask = size - 1
        self.count = count
        self.filter = filter
        self.filterKeeps = filterKeeps
    }

    /// The word's tag bits, 0 when it is on no list.
    @inline(__always) public func tag(_ p: UnsafePointer<UInt8>, count n: Int) -> UInt8 {
        tag(hash: Self.hash(UnsafeBufferPointer(start: p, count: n)))
    }

    public func tag(_ word: String) -> UInt8 {
        var word = word
        return word.withUTF8 { tag(hash: Self.hash($0)) }
    }

    @inline(__always) public func contains(_ p: UnsafePointer<UInt8>, count n: Int) -> Bool { tag(p, count: n) != 0 }

    public func contains(_ word: String) -> Bool { tag(word) != 0 }

    /// Whether the word is on the lists and its tag is one `filterKeeps` keeps; the filter
    /// answers most "no"s without a probe.
    @inline(__always) public func matches(_ p: UnsafePointer<UInt8>, count n: Int) -> Bool {
        let h = Self.hash(UnsafeBufferPointer(start: p, count: n))
        let (a, b) = Self.filterBits(h)
        let present = filter.withUnsafeBufferPointer { f in f[a >> 6] >> UInt64(a & 63) & f[b >> 6] >> UInt64(b & 63) & 1 == 1 }
        return present && filterKeeps(tag(hash: h))
    }

    @inline(__always) private func tag(hash h: UInt64) -> UInt8 {
        slots.withUnsafeBufferPointer { s in
            var i = Int(truncatingIfNeeded: h >> 3) & mask
            while true {
                let v = s[i]
                if v == 0 { return 0 }
                if v & ~7 == h { return UInt8(v & 7) }
                i = (i + 1) & mask
            }
        }
    }

    @inline(__always) static func filterBits(_ h: UInt64) -> (Int, Int) {
        (Int(truncatingIfNeeded: h >> 40) & 0xFFFFF, Int(truncatingIfNeeded: h >> 20) & 0xFFFFF)
    }

    /// FNV-1a over the bytes with ASCII upper case folded, low three bits cleared for the
    /// tag; never 0 (0 marks an empty slot).
    @inline(__always) static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for var b in bytes {
            if b &- 0x41 < 26 { b |= 0x20 }
            h = (h ^ UInt64(b)) &* 0x100_0000_01b3
        }
        h &= ~7
        return h == 0 ? 8 : h
    }
}
