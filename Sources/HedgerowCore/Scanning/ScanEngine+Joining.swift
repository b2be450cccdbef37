import PCRE2

/// Part of stage 4, judging: a value written in pieces (`'ghp_' + '…'`, literals side by
/// side in parentheses, a shell word continued with a backslash) is assembled by
/// `StringJoiner` into rewritten text with an offset map, scanned with the other rules by
/// `rescan` (as a decoded value is), and each finding placed on its pieces in the file: the
/// span from the first piece to the last, and the pieces themselves (`Finding.pieces`) for
/// a redactor.
extension ScanEngine {
    func joinAndScan(_ span: ByteRange, window p: UnsafePointer<UInt8>, state: WindowState, into raw: inout [RawMatch]) {
        guard nested != nil else { return }
        var start = span.start
        // A chain that continues a literal on an earlier line (`"abc"` then `+ "def"` below
        // it, as Java style breaks before the operator): the match starts at the `+`, and
        // the literal before it is found here.
        var first = start
        while first < span.end && (p[first] == 0x20 || p[first] == 0x09) { first += 1 }
        if first < span.end && p[first] == 0x2B {
            guard let earlier = Self.literalBefore(p, at: start) else { return }
            start = earlier
        } else if p[start] == 0x5C {
            // A continuation: the match starts at the backslash; the word it continues
            // (`GITHUB_TOKEN=ghp_…`, `"ghp_…`) is before it.
            while start > 0 && span.start - start < 200 && !StringJoiner.isBlank(p[start - 1]) { start -= 1 }
        }
        let pieces = UnsafeBufferPointer(start: p + start, count: span.end - start)
        guard let text = StringJoiner.join(pieces, at: state.start + start) else { return }
        // The line before the first piece goes with it (`password = `), as a key name does
        // for the other decoders.
        var lineStart = start
        while lineStart > 0 && start - lineStart < 256 && p[lineStart - 1] != 0x0A { lineStart -= 1 }
        let before = Array(UnsafeBufferPointer(start: p + lineStart, count: start - lineStart))
        // A value inside one piece is the plain scan's to find (onlyRewritten).
        for (f, value, placed) in rescan(text, before: before, onlyRewritten: true) {
            guard let index = ruleSet.index(of: f.ruleID) else { continue }
            // Pieces of a character or two are a table (`'0' '1' '2'…`), not a value written in parts.
            guard let a = placed.first, let b = placed.last, placed.count * Self.shortestPiece <= value.count else { continue }
            raw.append(RawMatch(rule: index, start: a.lowerBound, end: b.upperBound, value: f.value, confidence: f.confidence,
                                note: f.confidenceNote, decodedFrom: .concatenation, pieces: placed))
        }
    }

    /// The shortest average piece of an assembled value.
    static let shortestPiece = 4

    /// The start of the string literal that ends just before `at` (blanks and line ends
    /// between them), if one does: `"abc"` in `"abc"\n    + "def"`.
    static func literalBefore(_ p: UnsafePointer<UInt8>, at: Int) -> Int? {
        var k = at - 1
        while k >= 0 && at - k < 256 && (p[k] == 0x20 || p[k] == 0x09 || p[k] == 0x0A || p[k] == 0x0D) { k -= 1 }
        guard k > 0, p[k] == 0x22 || p[k] == 0x27 else { return nil }
        let quote = p[k]
        var j = k - 1
        while j >= 0 && k - j < 512 && p[j] != quote && p[j] != 0x0A { j -= 1 }
        guard j >= 0, p[j] == quote, j == 0 || p[j - 1] != 0x5C else { return nil }
        return j
    }
}
