/// Substring searches over UTF-8 bytes for validators and the scanner. Foundation's
/// `contains(_:)` and `range(of:)` go through NSString and Unicode-aware search, which
/// validators calling them dozens of times per match made one of the costliest steps of
/// a scan. Byte equality is the same test for the ASCII needles used here.
enum ByteContains {
    /// The offset of the first (or last) occurrence of `n` in `h`, ASCII letters folded to
    /// lower case on both sides when asked.
    static func offset(of n: UnsafeBufferPointer<UInt8>, in h: UnsafeBufferPointer<UInt8>,
                       backwards: Bool = false, caseInsensitive: Bool = false) -> Int? {
        guard h.count >= n.count else { return nil }
        guard !n.isEmpty else { return backwards ? h.count : 0 }
        @inline(__always) func fold(_ c: UInt8) -> UInt8 { caseInsensitive && c &- 0x41 < 26 ? c | 0x20 : c }
        let last = h.count - n.count
        var i = backwards ? last : 0
        while i >= 0 && i <= last {
            var j = 0
            while j < n.count && fold(h[i + j]) == fold(n[j]) { j += 1 }
            if j == n.count { return i }
            i += backwards ? -1 : 1
        }
        return nil
    }
}

extension StringProtocol {
    /// Whether `needle` occurs in the text, compared byte by byte.
    public func containsBytes(_ needle: String) -> Bool {
        let found = utf8.withContiguousStorageIfAvailable { h in
            needle.utf8.withContiguousStorageIfAvailable { n in ByteContains.offset(of: n, in: h) != nil }
        }
        if let found = found ?? nil { return found }
        return Array(utf8).withUnsafeBufferPointer { h in
            Array(needle.utf8).withUnsafeBufferPointer { n in ByteContains.offset(of: n, in: h) != nil }
        }
    }
}

extension String {
    /// Where an ASCII `needle` occurs, first or last, compared byte by byte (ASCII letters
    /// case-insensitively when asked): a Foundation-free `range(of:)`.
    func byteRange(of needle: String, backwards: Bool = false, caseInsensitive: Bool = false) -> Range<String.Index>? {
        let h = Array(utf8), n = Array(needle.utf8)
        guard !n.isEmpty, let i = h.withUnsafeBufferPointer({ h in
            n.withUnsafeBufferPointer { n in ByteContains.offset(of: n, in: h, backwards: backwards, caseInsensitive: caseInsensitive) }
        }) else { return nil }
        let lower = utf8.index(startIndex, offsetBy: i)
        return lower..<utf8.index(lower, offsetBy: n.count)
    }
}
