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
