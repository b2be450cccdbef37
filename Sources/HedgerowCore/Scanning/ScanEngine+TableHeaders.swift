#if canImport(Glibc)
import Glibc
#endif

/// Table headers for column-context rules: the header line of a CSV/TSV file and the
/// column lists of SQL `COPY` blocks.
extension ScanEngine {
    /// SQL dumps carry tables as `COPY t (a, b, c) FROM stdin;` followed by tab-separated
    /// rows; each COPY line becomes the header for the rows after it. The keyword pass
    /// finds "copy " (in any case) in its slot after the rules' (`copySlot`); those at a
    /// line start are read here, before the rules run on the same step.
    func recordSQLCopyHeaders(_ window: UnsafeRawBufferPointer, hits: [Int], state: inout WindowState) {
        let p = window.baseAddress!.assumingMemoryBound(to: UInt8.self)
        for at in hits where at == 0 || p[at - 1] == 0x0A { recordCopyHeader(window, at: at, state: &state) }
    }

    static let copyKeyword = "COPY "

    /// The column list of a `COPY ... FROM stdin` line starting at `at`, if it is one.
    private func recordCopyHeader(_ window: UnsafeRawBufferPointer, at: Int, state: inout WindowState) {
        let p = window.baseAddress!.assumingMemoryBound(to: UInt8.self)
        let keyword = Array(Self.copyKeyword.utf8)
        guard at + keyword.count <= window.count, (0..<keyword.count).allSatisfy({ p[at + $0] == keyword[$0] }) else { return }
        var end = at
        while end < window.count && end - at < 4096 && p[end] != 0x0A { end += 1 }
        let line = String(decoding: UnsafeBufferPointer(start: p + at, count: end - at), as: UTF8.self)
        guard let open = line.firstIndex(of: "("), let close = line.firstIndex(of: ")"), open < close,
              line.byteRange(of: "FROM stdin", caseInsensitive: true) != nil else { return }
        let columns = line[line.index(after: open)..<close].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        state.tableHeaders.append((state.start + at, columns.joined(separator: "\t")))
        state.headersLowercased += "\n" + columns.joined(separator: "\t").lowercased()
        if state.tableHeaders.count > 4 { state.tableHeaders.removeFirst() }
    }

    /// The first line of the first 2 KiB that reads like a table header (has a comma,
    /// tab or pipe), skipping diff hunk markers and the `+` of added lines.
    public static func headerLine(_ window: UnsafeRawBufferPointer) -> String {
        let limit = min(window.count, 2048)
        guard let p = window.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return "" }
        func starts(_ a: Int, _ b: Int, _ prefix: StaticString) -> Bool {
            let n = prefix.utf8CodeUnitCount
            guard b - a >= n else { return false }
            let q = prefix.utf8Start
            for k in 0..<n where p[a + k] != q[k] { return false }
            return true
        }
        // Bytes only: this runs once per file, and String work here showed up in profiles.
        var lineStart = 0
        var lines = 0
        while lineStart < limit && lines < 8 {
            var lineEnd = lineStart
            while lineEnd < limit && p[lineEnd] != 0x0A { lineEnd += 1 }
            if lineEnd > lineStart {
                lines += 1
                var a = lineStart
                let skip = starts(a, lineEnd, "@@") || starts(a, lineEnd, "diff ") || starts(a, lineEnd, "+++") || starts(a, lineEnd, "---")
                if !skip {
                    if p[a] == UInt8(ascii: "+") { a += 1 }
                    var k = a
                    while k < lineEnd && p[k] != 0x2C && p[k] != 0x09 && p[k] != 0x7C { k += 1 }
                    if k < lineEnd { return String(decoding: UnsafeBufferPointer(start: p + a, count: lineEnd - a), as: UTF8.self) }
                }
            }
            lineStart = lineEnd + 1
        }
        return ""
    }
}
