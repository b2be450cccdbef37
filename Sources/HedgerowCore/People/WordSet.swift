/// A set of lower-case words that answers "is this byte run one of them?" without making a
/// String: the name prefilter asks it for every capitalised word of every file, so a
/// lookup is one hash of the bytes (ASCII folded to lower case) and a probe or two.
///
/// Words are stored as 64-bit FNV-1a hashes in an open-addressed table. Two different
/// words sharing a hash would make one stand in for the other; among a few hundred
/// thousand words that chance is about one in a hundred million, and a false "yes" only
/// sends a candidate on to the rule's pattern and validator.
public struct WordSet: Sendable {
    private let slots: [UInt64]
    private let mask: Int
    public let count: Int

    /// One word per line; blank lines are skipped. Case is folded (ASCII letters only:
    /// the lists are lower case already).
    public init(lines text: String) {
        var hashes: [UInt64] = []
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            for i in 0...bytes.count {
                if i == bytes.count || bytes[i] == 0x0A {
                    var end = i
                    if end > start && bytes[end - 1] == 0x0D { end -= 1 }
                    if end > start {
                        hashes.append(Self.hash(UnsafeBufferPointer(rebasing: bytes[start..<end])))
                    }
                    start = i + 1
                }
            }
        }
        self.init(hashes: hashes)
    }

    public init<S: Sequence>(words: S) where S.Element == String {
        self.init(hashes: words.map { word in
            var word = word
            return word.withUTF8 { Self.hash($0) }
        })
    }

    private init(hashes: [UInt64]) {
        var size = 16
        while size < hashes.count * 2 { size <<= 1 }
        var slots = [UInt64](repeating: 0, count: size)
        var count = 0
        for h in hashes {
            var i = Int(truncatingIfNeeded: h) & (size - 1)
            while slots[i] != 0 && slots[i] != h { i = (i + 1) & (size - 1) }
            if slots[i] == 0 { slots[i] = h; count += 1 }
        }
        self.slots = slots
        mask = size - 1
        self.count = count
    }

    /// Words present in `self` but not in `other`.
    public func subtracting(_ other: WordSet) -> WordSet {
        WordSet(hashes: slots.filter { $0 != 0 && !other.contains(hash: $0) })
    }

    /// Words in either set.
    public func union(_ other: WordSet) -> WordSet {
        WordSet(hashes: slots.filter { $0 != 0 } + other.slots.filter { $0 != 0 })
    }

    @inline(__always) public func contains(_ p: UnsafePointer<UInt8>, count n: Int) -> Bool {
        contains(hash: Self.hash(UnsafeBufferPointer(start: p, count: n)))
    }

    public func contains(_ word: String) -> Bool {
        var word = word
        return word.withUTF8 { contains(hash: Self.hash($0)) }
    }

    @inline(__always) private func contains(hash h: UInt64) -> Bool {
        slots.withUnsafeBufferPointer { s in
            var i = Int(truncatingIfNeeded: h) & mask
            while true {
                let v = s[i]
                if v == h { return true }
                if v == 0 { return false }
                i = (i + 1) & mask
            }
        }
    }

    /// FNV-1a over the bytes with ASCII upper case folded; never 0 (0 marks an empty slot).
    @inline(__always) static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for var b in bytes {
            if b &- 0x41 < 26 { b |= 0x20 }
            h = (h ^ UInt64(b)) &* 0x100_0000_01b3
        }
        return h == 0 ? 1 : h
    }
}
