/// Where the keyword pass looks for each keyword: the three bytes in it that ordinary text
/// holds least often. A keyword's opening is usually a common trigram ("ser" of "serpapi",
/// "def" of "defaultendpointsprotocol"), and every occurrence of its anchor costs a
/// comparison, so the rarest one wins.
///
/// "Rarest" is judged on the English word list the name rules already carry (SCOWL, see
/// the README), with each word's start and end marked as spaces: a general sample of
/// what text and code identifiers are made of, not of any one input. A trigram with a
/// digit or punctuation in it counts as rare, as it is in words.
enum Anchors {
    /// The anchor's offset in a lower-cased keyword of at least two bytes (0 for two bytes).
    static func offset(in keyword: [UInt8]) -> Int {
        guard keyword.count > 3 else { return 0 }
        var best = 0, bestCount = UInt32.max
        for i in 0...(keyword.count - 3) {
            let count = frequency[index(keyword[i], keyword[i + 1], keyword[i + 2])]
            if count < bestCount { (best, bestCount) = (i, count) }
        }
        return best
    }

    /// Letters 1-26, a space 27, anything else 0 (whose trigrams are never counted).
    @inline(__always) static func symbol(_ byte: UInt8) -> Int {
        let lower = byte &- 0x41 < 26 ? byte | 0x20 : byte
        if lower &- 0x61 < 26 { return Int(lower - 0x60) }
        return byte == 0x20 ? 27 : 0
    }

    static func index(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> Int {
        let (x, y, z) = (symbol(a), symbol(b), symbol(c))
        return x == 0 || y == 0 || z == 0 ? 0 : (x * 28 + y) * 28 + z
    }

    /// Trigram counts over the English word list, built once (a few hundred kilobytes,
    /// about a millisecond).
    static let frequency: [UInt32] = {
        var counts = [UInt32](repeating: 0, count: 28 * 28 * 28)
        var text = Lexicon.text("english-words.txt")
        text.withUTF8 { bytes in
            var a: UInt8 = 0x20, b: UInt8 = 0x20
            for byte in bytes {
                let c: UInt8 = byte == 0x0A || byte == 0x0D ? 0x20 : byte
                let i = index(a, b, c)
                if i != 0 { counts[i] &+= 1 }
                (a, b) = (b, c)
            }
        }
        counts[0] = 0
        return counts
    }()
}
