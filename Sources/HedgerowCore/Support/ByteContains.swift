extension StringProtocol {
    /// Whether `needle` occurs in the text, comparing UTF-8 bytes. Foundation's
    /// `contains(_:)` goes through NSString and Unicode-aware search, which validators
    /// calling it dozens of times per match made one of the costliest steps of a scan.
    /// (Byte equality is the same test for these ASCII needles.)
    func containsBytes(_ needle: String) -> Bool {
        let found = utf8.withContiguousStorageIfAvailable { h in
            needle.utf8.withContiguousStorageIfAvailable { n in Self.search(h, n) }
        }
        if let found = found ?? nil { return found }
        return Array(utf8).withUnsafeBufferPointer { h in Array(needle.utf8).withUnsafeBufferPointer { n in Self.search(h, n) } }
    }

    private static func search(_ h: UnsafeBufferPointer<UInt8>, _ n: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !n.isEmpty else { return true }
        guard h.count >= n.count else { return false }
        let first = n[0]
        var i = 0
        let last = h.count - n.count
        while i <= last {
            if h[i] == first {
                var j = 1
                while j < n.count && h[i + j] == n[j] { j += 1 }
                if j == n.count { return true }
            }
            i += 1
        }
        return false
    }
}

extension String {
    /// Where an ASCII `needle` occurs, first or last, compared byte by byte (ASCII letters
    /// case-insensitively when asked): a Foundation-free `range(of:)` for validators.
    func byteRange(of needle: String, backwards: Bool = false, caseInsensitive: Bool = false) -> Range<String.Index>? {
        let h = Array(utf8), n = Array(needle.utf8)
        guard !n.isEmpty, h.count >= n.count else { return nil }
        func fold(_ c: UInt8) -> UInt8 { caseInsensitive && c &- 0x41 < 26 ? c | 0x20 : c }
        let starts = backwards ? Array(stride(from: h.count - n.count, through: 0, by: -1)) : Array(0...(h.count - n.count))
        for i in starts where (0..<n.count).allSatisfy({ fold(h[i + $0]) == fold(n[$0]) }) {
            let lower = utf8.index(startIndex, offsetBy: i)
            return lower..<utf8.index(lower, offsetBy: n.count)
        }
        return nil
    }
}
