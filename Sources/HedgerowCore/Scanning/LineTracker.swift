/// Keeps line and column (in code points) for the first byte of the scanner's window
/// as the window slides, so positions are exact however the stream was chunked.
struct LineTracker {
    private(set) var line = 1
    private(set) var column = 1

    /// Moves over `bytes[from..<to]`.
    mutating func advance(over p: UnsafePointer<UInt8>, from: Int, to: Int) {
        var i = from
        var lastNewline = -1
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
