/// Keeps line and column (in code points) for the first byte of the scanner's window
/// as the window slides, so positions are exact however the stream was chunked.
struct LineTracker {
    private(set) var line = 1
    private(set) var column = 1

    /// A UTF-8 byte-order mark at the start of the input is no character of line 1: the
    /// tracker starts one column back, so the mark's code point brings it to column 1.
    mutating func startBeforeByteOrderMark() {
        if line == 1 && column == 1 { column = 0 }
    }

    /// Moves over `bytes[from..<to]`.
    mutating func advance(over p: UnsafePointer<UInt8>, from: Int, to: Int) {
        // Eight bytes at a time, counting a word's newlines at once: every byte of a scan
        // passes through here at least once.
        var i = from
        var lastWord = -1
        while i &+ 8 <= to {
            let newlines = ByteSearch.matchingBytes(UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self), 0x0A)
            if newlines != 0 { line += newlines.nonzeroBitCount; lastWord = i }
            i &+= 8
        }
        var lastNewline = lastWord >= 0 ? ByteSearch.lastIndex(of: 0x0A, in: p, from: lastWord, to: lastWord + 8)! : -1
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

    /// The same, counting with the window's newline bits (`newlines` covers `p` from 0).
    mutating func advance(over p: UnsafePointer<UInt8>, newlines: BitPlane, from: Int, to: Int) {
        guard from < to else { return }
        line += newlines.population(from: from, to: to)
        if let last = newlines.previous(from: from, to: to) {
            column = 1 + Self.codePoints(p, from: last + 1, to: to)
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
