/// Assembles a value written in pieces, as the language would: string literals joined by
/// `+` (`'ghp_' + 'abc…'`, Java and JavaScript across lines), literals side by side inside
/// parentheses (Python's implicit concatenation), and backslash-newline continuations
/// (shell, and inside C, Python or JavaScript literals). The result is rewritten text
/// whose map points each byte back at the source, so a secret found in it is reported on
/// its pieces in the file, not on the expression around them.
///
/// Escapes other than a continuation are kept as written (`\n` stays two bytes): the
/// private-key rule reads a PEM block written with `\n` escapes, and no other rule looks
/// inside an escape.
public enum StringJoiner {
    /// A run of token bytes (letters, digits, `_-+/=`) shorter than this across a joint
    /// assembles no secret worth a nested scan.
    static let shortest = 16

    /// Joins the pieces in `bytes`, whose first byte is source offset `offset`. A value
    /// that starts with a quote comes back quoted (its first quote and its last), so a rule
    /// reading `password = "…"` still sees a literal. Nil when there is nothing to join:
    /// fewer than two pieces, or no run of `shortest` token bytes across a joint
    /// (`"Hello " + "world"` and `"ab" + "cd"` assemble no token).
    public static func join(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> RewrittenText? {
        var text = RewrittenText()
        var i = 0
        let n = bytes.count
        var pieces = 0
        // The token run being written, and whether it crosses a joint; `tokenJoint` once
        // such a run is `shortest` long.
        var run = 0
        var runCrossesJoint = false
        var tokenJoint = false
        var lastByte: UInt8 = 0x20
        // A value that opens with a quote is written back quoted: its opening quote now,
        // the last literal's closing quote at the end.
        var first = 0
        while first < n, bytes[first] == 0x28 || bytes[first] == 0x2B || isBlank(bytes[first]) { first += 1 }
        let quote: UInt8? = first < n && (bytes[first] == 0x22 || bytes[first] == 0x27) ? bytes[first] : nil
        var close = -1
        if let quote { text.copy([quote], from: offset + first) }
        let opening = text.count
        /// Copies `bytes[from..<to]`, noting whether this piece continues a token.
        func copy(_ from: Int, _ to: Int) {
            guard from < to else { return }
            if text.count > opening && isTokenByte(lastByte) && isTokenByte(bytes[from]) { runCrossesJoint = true }
            for k in from..<to {
                if isTokenByte(bytes[k]) {
                    run += 1
                    if runCrossesJoint && run >= shortest { tokenJoint = true }
                } else {
                    run = 0
                    runCrossesJoint = false
                }
            }
            text.copy(UnsafeBufferPointer(rebasing: bytes[from..<to]), from: offset + from)
            lastByte = bytes[to - 1]
        }
        while i < n {
            let c = bytes[i]
            if c == 0x22 || c == 0x27 {
                // A literal: up to its closing quote; a backslash-newline inside it is dropped.
                let q = c
                var j = i + 1, runStart = j
                var closed = false
                while j < n {
                    let d = bytes[j]
                    if d == 0x5C, let end = continuationEnd(bytes, from: j) {
                        copy(runStart, j); j = end; runStart = j; pieces += 1; continue
                    }
                    if d == 0x5C { j += 2; continue }
                    if d == q { closed = true; break }
                    if d == 0x0A { break }
                    j += 1
                }
                guard closed else { return nil }
                copy(runStart, j)
                close = j
                pieces += 1
                i = j + 1
            } else if c == 0x5C, let end = continuationEnd(bytes, from: i) {
                pieces += 1
                i = end
            } else if c == 0x2B || c == 0x28 || c == 0x29 || isBlank(c) {
                i += 1
            } else if quote != nil {
                // After the last literal of a quoted chain (`;`, a comment): the end.
                break
            } else {
                // A bare run (a shell word continued on the next line).
                var j = i
                while j < n, !isSeparator(bytes[j]) { j += 1 }
                if j == i { return nil }
                copy(i, j)
                if pieces == 0 { pieces = 1 }
                i = j
            }
        }
        guard pieces >= 2, tokenJoint else { return nil }
        if let quote, close >= 0 { text.copy([quote], from: offset + close) }
        return text
    }

    /// Where a backslash-newline (`\` then `\n` or `\r\n`) at `i` ends, if there is one.
    static func continuationEnd(_ bytes: UnsafeBufferPointer<UInt8>, from i: Int) -> Int? {
        guard i + 1 < bytes.count, bytes[i] == 0x5C else { return nil }
        if bytes[i + 1] == 0x0A { return i + 2 }
        if bytes[i + 1] == 0x0D, i + 2 < bytes.count, bytes[i + 2] == 0x0A { return i + 3 }
        return nil
    }

    static func isTokenByte(_ b: UInt8) -> Bool {
        (b &- 0x30 < 10) || ((b | 0x20) &- 0x61 < 26) || b == 0x5F || b == 0x2D || b == 0x2B || b == 0x2F || b == 0x3D || b >= 0x80
    }

    static func isBlank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

    static func isSeparator(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x22 || b == 0x27 || b == 0x5C
    }
}
