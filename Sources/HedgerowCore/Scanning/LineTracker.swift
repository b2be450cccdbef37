/// Keeps line and column (in code points) for the first byte of the scanner's window
/// as the window slides, so positions are exact however the stream was chunked.
struct LineTracker {
    private(set) var line = 1
    private(set) var column = 1

    /// Moves over `bytes[from..<to]`.
    mutating func advance(over p: UnsafePointer<UInt8>, from: Int, to: Int) {
        var i = from
        var lastNewline = -1
        // Eight bytes at a time: every byte of a scan passes through here at least once.
        let ones: UInt64 = 0x0101_0101_0101_0101, low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        var lastWord = -1
        while i &+ 8 <= to {
            let x = UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self) ^ (ones &* 0x0A)
            // The high bit of each byte that was a newline, and of no other byte.
            let newlines = ~(((x & low7) &+ low7) | x | low7)
            if newlines != 0 { line += newlines.nonzeroBitCount; lastWord = i }
            i &+= 8
        }
        if lastWord >= 0 {
            var k = lastWord + 7
            while p[k] != 0x0A { k -= 1 }
            lastNewline = k
        }
        while i < to {
            if p[i] == 0x0A { line += 1; lastNewline = i }
            i += 1
        }
        if lastNewline >= 0 {
            column = 1 + Self.codePoints(p, from: lastNewline + 1, to: to)
        } else {
            column += Self.codePoints(p, from: from, to: to)
        }
    }

    /// Counts code points: every byte that is not a UTF-8 continuation byte.
    static func codePoints(_ p: UnsafePointer<UInt8>, from: Int, to: Int) -> Int {
        var n = 0
        var i = from
        while i < to {
            if p[i] & 0xC0 != 0x80 { n += 1 }
            i += 1
        }
        return n
    }
}
