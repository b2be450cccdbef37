#if canImport(Glibc)
import Glibc
#endif

/// Inline allow comments: `hedgerow:allow` on a finding's line, or `hedgerow:allow-next-line`
/// on the line above, optionally followed by a rule id or category (then only that one
/// is allowed) and a reason. They are matched as text, so every comment syntax works:
/// `# hedgerow:allow`, `// hedgerow:allow pd.email test inbox`, `<!-- hedgerow:allow -->`.
enum InlineAllow {
    static let marker = Array("hedgerow:allow".utf8)
    static let nextLineSuffix = Array("-next-line".utf8)
    /// How far along a line the marker is looked for, so a huge minified line costs little.
    static let lineLimit = 8192

    /// Whether `p[0..<count]` holds the marker at all: one pass over a window, so the
    /// findings of a window without a comment (nearly all) are not each walked back and
    /// forth along their line (16 KB per finding on a long line).
    /// The marker's colon is looked for with `memchr` (colons are rarer than its letters).
    static func anyMarker(_ p: UnsafePointer<UInt8>, count: Int) -> Bool {
        let colon = 8  // "hedgerow" before it
        var i = colon
        while i + marker.count - colon <= count {
            guard let found = memchr(p + i, 0x3A, count - i) else { return false }
            i = p.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if i + marker.count - colon <= count && (0..<marker.count).allSatisfy({ p[i - colon + $0] == marker[$0] }) { return true }
            i += 1
        }
        return false
    }

    /// Whether the match starting at `start` in `p[0..<count]` is allowed by a comment on
    /// its first line (a PEM block's BEGIN line) or on the line above.
    static func allows(_ p: UnsafePointer<UInt8>, count: Int, start: Int, ruleID: String, category: String) -> Bool {
        var lineStart = start
        while lineStart > 0 && start - lineStart < lineLimit && p[lineStart - 1] != 0x0A { lineStart -= 1 }
        var lineEnd = start
        while lineEnd < count && lineEnd - start < lineLimit && p[lineEnd] != 0x0A { lineEnd += 1 }
        if found(p, from: lineStart, to: lineEnd, nextLine: false, ruleID: ruleID, category: category) { return true }
        guard lineStart > 0 else { return false }
        var previousStart = lineStart - 1
        while previousStart > 0 && lineStart - previousStart < lineLimit && p[previousStart - 1] != 0x0A { previousStart -= 1 }
        return found(p, from: previousStart, to: lineStart - 1, nextLine: true, ruleID: ruleID, category: category)
    }

    private static func found(_ p: UnsafePointer<UInt8>, from: Int, to: Int, nextLine: Bool, ruleID: String, category: String) -> Bool {
        var i = from
        while i + marker.count <= to {
            if p[i] == marker[0] && (0..<marker.count).allSatisfy({ p[i + $0] == marker[$0] }) {
                var after = i + marker.count
                let isNextLine = after + nextLineSuffix.count <= to && (0..<nextLineSuffix.count).allSatisfy { p[after + $0] == nextLineSuffix[$0] }
                if isNextLine { after += nextLineSuffix.count }
                if isNextLine == nextLine && scopeMatches(p, from: after, to: to, ruleID: ruleID, category: category) { return true }
                i = after
            } else {
                i += 1
            }
        }
        return false
    }

    /// The word after the marker, if it names a rule or category, limits the allow to it.
    private static func scopeMatches(_ p: UnsafePointer<UInt8>, from: Int, to: Int, ruleID: String, category: String) -> Bool {
        func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x3A || c == 0x0D }
        func isWord(_ c: UInt8) -> Bool {
            (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == 0x2E || c == 0x5F || c == 0x2D
        }
        var i = from
        if i < to && !isSpace(p[i]) { return false } // "hedgerow:allowance" is not the marker
        while i < to && isSpace(p[i]) { i += 1 }
        var j = i
        while j < to && isWord(p[j]) { j += 1 }
        let word = String(decoding: UnsafeBufferPointer(start: p + i, count: j - i), as: UTF8.self)
        let looksLikeScope = word.containsBytes(".") || Category(rawValue: word) != nil
        return !looksLikeScope || word == ruleID || word == category
    }
}
