import CAccel

/// Where a window's newlines, colons and digits are, one bit per byte, made in one vector
/// pass per step. Line ends around keyword hits, line counts for positions, the IPv6
/// colon walk, base64 line ends and digit clusters all read these bits instead of each
/// walking the bytes again.
final class ByteMasks {
    private var storage: UnsafeMutablePointer<UInt64>
    private var capacity: Int
    /// Bytes covered, from the window's first byte.
    private(set) var count = 0

    /// Capitalised word starts, worked out only when a name rule asks (most steps of most
    /// files never do), and only around the range it asks about: a step with a small
    /// chunk commits a few bytes of a window of kilobytes. `capitalRange` is where the
    /// bits describe the current bytes.
    private var capitalStorage: UnsafeMutablePointer<UInt64>
    private var capitalRange = 0..<0

    init(capacity bytes: Int = 0) {
        capacity = max(1, (bytes + 63) / 64)
        storage = .allocate(capacity: 3 * capacity)
        capitalStorage = .allocate(capacity: capacity)
    }

    deinit { storage.deallocate(); capitalStorage.deallocate() }

    /// The capitalised word starts of the bytes last classified (`p` must be those
    /// bytes), valid for positions in `from..<to`.
    func capitals(_ p: UnsafePointer<UInt8>, from: Int = 0, to: Int? = nil, level: Int32 = 2) -> BitPlane {
        let to = min(to ?? count, count)
        if !(capitalRange.lowerBound <= from && to <= capitalRange.upperBound) && from < to {
            // From a word boundary a word before `from` (so the byte before `from` is
            // read), to a word past `to` (so the byte after a word start is read).
            let start = max(0, (from & ~63) - 64)
            let end = min(count, (to + 64 + 63) & ~63)
            hedgerow_capital_words_using(p + start, end - start, capitalStorage + start / 64, level)
            capitalRange = (start == 0 ? 0 : start + 1)..<(end == count ? count : end - 1)
        }
        return BitPlane(words: capitalStorage, count: count)
    }

    /// Classifies `p[0..<count]`, replacing what the masks held. `level` caps the vector
    /// instructions used (tests compare each version with the plain one); the level used
    /// comes back.
    @discardableResult
    func update(_ p: UnsafePointer<UInt8>, count: Int, level: Int32 = 2) -> Int32 {
        let words = (count + 63) / 64
        if words > capacity {
            storage.deallocate()
            capitalStorage.deallocate()
            capacity = words
            storage = .allocate(capacity: 3 * capacity)
            capitalStorage = .allocate(capacity: capacity)
        }
        self.count = count
        capitalRange = 0..<0
        return hedgerow_classify_using(p, count, storage, storage + capacity, storage + 2 * capacity, level)
    }

    var newlines: BitPlane { BitPlane(words: storage, count: count) }
    var colons: BitPlane { BitPlane(words: storage + capacity, count: count) }
    var digits: BitPlane { BitPlane(words: storage + 2 * capacity, count: count) }

    /// Masks of a whole buffer, for tests and one-off callers.
    static func of(_ p: UnsafePointer<UInt8>, count: Int) -> ByteMasks {
        let masks = ByteMasks(capacity: count)
        masks.update(p, count: count)
        return masks
    }
}

/// One class of byte as bits (bit `i % 64` of word `i / 64` for byte `i`); borrowed from
/// a `ByteMasks`, valid while that object lives (hold it with `withExtendedLifetime`
/// where nothing else does) and until it is updated. Ranges are byte positions, `from..<to`,
/// within `0..<count`.
struct BitPlane {
    let words: UnsafePointer<UInt64>
    let count: Int

    /// The first position in `from..<to` with the bit set.
    @inline(__always) func next(from: Int, to: Int) -> Int? {
        guard from < to else { return nil }
        var w = from &>> 6
        let lastWord = (to &- 1) &>> 6
        var bits = words[w] & (~UInt64(0) &<< UInt64(from & 63))
        while true {
            if bits != 0 {
                let i = w &<< 6 | bits.trailingZeroBitCount
                return i < to ? i : nil
            }
            w &+= 1
            if w > lastWord { return nil }
            bits = words[w]
        }
    }

    /// The last position in `from..<to` with the bit set.
    @inline(__always) func previous(from: Int, to: Int) -> Int? {
        guard from < to else { return nil }
        var w = (to &- 1) &>> 6
        let firstWord = from &>> 6
        var bits = words[w] & (~UInt64(0) &>> UInt64(63 &- ((to &- 1) & 63)))
        while true {
            if bits != 0 {
                let i = w &<< 6 | (63 &- bits.leadingZeroBitCount)
                return i >= from ? i : nil
            }
            w &-= 1
            if w < firstWord { return nil }
            bits = words[w]
        }
    }

    /// How many positions in a row from `i` on have the bit set (bits past `count` are clear).
    @inline(__always) func run(from i: Int) -> Int {
        var w = i &>> 6
        let shift = i & 63
        var n = (~(words[w] &>> UInt64(shift))).trailingZeroBitCount
        guard n == 64 &- shift else { return n }
        let lastWord = (count &- 1) &>> 6
        while w < lastWord {
            w &+= 1
            let ones = (~words[w]).trailingZeroBitCount
            n &+= ones
            if ones < 64 { break }
        }
        return n
    }

    /// How many positions in `from..<to` have the bit set.
    @inline(__always) func population(from: Int, to: Int) -> Int {
        guard from < to else { return 0 }
        let firstWord = from &>> 6, lastWord = (to &- 1) &>> 6
        let head = ~UInt64(0) &<< UInt64(from & 63)
        let tail = ~UInt64(0) &>> UInt64(63 &- ((to &- 1) & 63))
        if firstWord == lastWord { return (words[firstWord] & head & tail).nonzeroBitCount }
        var n = (words[firstWord] & head).nonzeroBitCount &+ (words[lastWord] & tail).nonzeroBitCount
        var w = firstWord &+ 1
        while w < lastWord {
            n &+= words[w].nonzeroBitCount
            w &+= 1
        }
        return n
    }

    /// Calls `body` with each position in `from..<to` that has the bit set, in order.
    @inline(__always) func forEach(from: Int, to: Int, _ body: (Int) -> Void) {
        guard from < to else { return }
        var w = from &>> 6
        let lastWord = (to &- 1) &>> 6
        var bits = words[w] & (~UInt64(0) &<< UInt64(from & 63))
        while true {
            if w == lastWord { bits &= ~UInt64(0) &>> UInt64(63 &- ((to &- 1) & 63)) }
            while bits != 0 {
                body(w &<< 6 | bits.trailingZeroBitCount)
                bits &= bits &- 1
            }
            w &+= 1
            if w > lastWord { return }
            bits = words[w]
        }
    }
}
