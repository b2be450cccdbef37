/// Backward byte search, eight bytes at a time: Glibc's `memrchr` is a GNU extension
/// Swift does not import, and segments are found by looking back from every keyword hit
/// for the start of its line.
enum ByteSearch {
    /// Calls `body` with each newline position in `from..<to`, in order, eight bytes at a
    /// time: lines are short, so a `memchr` call per line costs more than its search.
    @inline(__always)
    static func forEachNewline(in p: UnsafePointer<UInt8>, from: Int, to: Int, _ body: (Int) -> Void) {
        let ones: UInt64 = 0x0101_0101_0101_0101, low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        var i = from
        while i &+ 8 <= to {
            let x = UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self) ^ (ones &* 0x0A)
            var newlines = ~(((x & low7) &+ low7) | x | low7)
            while newlines != 0 {
                body(i &+ newlines.trailingZeroBitCount >> 3)
                newlines &= newlines &- 1
            }
            i &+= 8
        }
        while i < to {
            if p[i] == 0x0A { body(i) }
            i &+= 1
        }
    }

    /// The last position in `from..<to` holding `byte`, or nil.
    static func lastIndex(of byte: UInt8, in p: UnsafePointer<UInt8>, from: Int, to: Int) -> Int? {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let pattern = ones &* UInt64(byte)
        var end = to
        while end &- 8 >= from {
            // A zero byte in `word ^ pattern` is a match (the "has a zero byte" word trick).
            let x = UnsafeRawPointer(p + (end &- 8)).loadUnaligned(as: UInt64.self) ^ pattern
            if (x &- ones) & ~x & (ones &* 0x80) != 0 { break }
            end &-= 8
        }
        var k = end &- 1
        while k >= from {
            if p[k] == byte { return k }
            k &-= 1
        }
        return nil
    }
}
