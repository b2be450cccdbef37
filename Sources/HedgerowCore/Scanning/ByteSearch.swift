import CAccel
#if canImport(Glibc)
import Glibc
#endif

/// Byte searches for the places the scanner's per-step bit masks do not cover (line
/// tracking outside a step, literal checks, rule checks). Lines are short, so a `memchr`
/// call per line costs more than its search, and Glibc's `memrchr` is a GNU extension
/// Swift does not import.
public enum ByteSearch {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F

    /// The high bit of each byte of `word` equal to `byte`, and of no other byte.
    @inline(__always) static func matchingBytes(_ word: UInt64, _ byte: UInt8) -> UInt64 {
        let x = word ^ (ones &* UInt64(byte))
        return ~(((x & low7) &+ low7) | x | low7)
    }

    /// How many bytes of `buffer` equal `byte`, with vector instructions: a part of a big
    /// file counts the newlines of the overlap it reads past its end.
    public static func count(_ byte: UInt8, in buffer: UnsafeRawBufferPointer) -> Int {
        guard let base = buffer.baseAddress else { return 0 }
        return hedgerow_count_byte(base.assumingMemoryBound(to: UInt8.self), buffer.count, byte)
    }

    /// Whether `from..<to` holds one of `literals` (given in lower case; ASCII letters in
    /// the text are folded to match). A literal opening with a byte other than a letter
    /// is looked for with `memchr`, so a short line without it costs one call.
    static func containsAny(_ literals: [[UInt8]], in p: UnsafePointer<UInt8>, from: Int, to: Int) -> Bool {
        @inline(__always) func fold(_ c: UInt8) -> UInt8 { c &- 0x41 < 26 ? c | 0x20 : c }
        for literal in literals where to - from >= literal.count {
            let last = to - literal.count
            let first = literal[0]
            var i = from
            while i <= last {
                if first &- 0x61 >= 26 {
                    guard let found = memchr(p + i, Int32(first), last + 1 - i) else { break }
                    i = p.distance(to: found.assumingMemoryBound(to: UInt8.self))
                } else if fold(p[i]) != first {
                    i &+= 1
                    continue
                }
                var j = 1
                while j < literal.count && fold(p[i + j]) == literal[j] { j &+= 1 }
                if j == literal.count { return true }
                i &+= 1
            }
        }
        return false
    }

    /// The last position in `from..<to` holding `byte`, or nil.
    static func lastIndex(of byte: UInt8, in p: UnsafePointer<UInt8>, from: Int, to: Int) -> Int? {
        var end = to
        while end &- 8 >= from {
            let found = matchingBytes(UnsafeRawPointer(p + (end &- 8)).loadUnaligned(as: UInt64.self), byte)
            if found != 0 { return end &- 8 &+ (63 &- found.leadingZeroBitCount) >> 3 }
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
