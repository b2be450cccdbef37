#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading single lines of captions and transcript exports: timings, timestamps,
/// speaker prefixes and headers. Works on the line's bytes; ranges are indices into them.
enum TranscriptLine {
    /// What a line of a plain-text export holds.
    enum Plain: Equatable {
        case blank
        /// Only a timestamp (or a cue timing).
        case timing
        /// `[00:01:02] Speaker: text`, `00:01:02 Speaker: text`, `Speaker: text`.
        case turn(speaker: Range<Int>, text: Range<Int>, timed: Bool)
        /// `Speaker  0:02`, `Speaker 00:01:02`, `[Speaker] 10:02:03`: the text follows on the next lines.
        case header(speaker: Range<Int>)
        /// Text (after a leading timestamp, if any).
        case text(Range<Int>)
    }

    @inline(__always) static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 }
    @inline(__always) static func isDigit(_ c: UInt8) -> Bool { c &- 0x30 < 10 }
    @inline(__always) static func isLetter(_ c: UInt8) -> Bool { (c | 0x20) &- 0x61 < 26 || c >= 0x80 }
    @inline(__always) static func isUpper(_ c: UInt8) -> Bool { c &- 0x41 < 26 || c >= 0x80 }

    /// A cue timing line: `00:00:01.000 --> 00:00:04.000` (WebVTT) or `00:00:01,000 --> ...` (SRT).
    static func isTiming<C: Collection>(_ line: C) -> Bool where C.Element == UInt8 {
        guard let first = line.first(where: { !isSpace($0) }), isDigit(first) else { return false }
        var dashes = 0
        for c in line {
            if c == 0x2D { dashes += 1 } else if c == 0x3E && dashes >= 2 { return true } else { dashes = 0 }
        }
        return false
    }

    /// The same for a line in memory: most lines start with a letter or `<`, and the rest
    /// (cue identifiers) rarely hold a `>`.
    static func isTiming(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < p.count && isSpace(p[i]) { i += 1 }
        guard i < p.count, isDigit(p[i]) else { return false }
        while i < p.count {
            guard let hit = memchr(p.baseAddress! + i, 0x3E, p.count - i) else { return false }
            let k = p.baseAddress!.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if k >= 2 && p[k - 1] == 0x2D && p[k - 2] == 0x2D { return true }
            i = k + 1
        }
        return false
    }

    /// The end of a timestamp `H:MM`, `HH:MM:SS`, `MM:SS.mmm`, `HH:MM:SS,mmm` starting at `i`, or nil.
    static func timestamp(_ p: UnsafeBufferPointer<UInt8>, at i: Int, end: Int) -> Int? {
        var k = i
        var digits = 0
        while k < end && isDigit(p[k]) && digits < 2 { k += 1; digits += 1 }
        guard digits > 0 else { return nil }
        var groups = 0
        while groups < 2 && k + 2 < end && p[k] == 0x3A && isDigit(p[k + 1]) && isDigit(p[k + 2]) {
            k += 3
            groups += 1
        }
        guard groups > 0 else { return nil }
        if k + 1 < end && (p[k] == 0x2E || p[k] == 0x2C) && isDigit(p[k + 1]) {
            k += 1
            while k < end && isDigit(p[k]) { k += 1 }
        }
        // A timestamp is a word of its own.
        if k < end && (isDigit(p[k]) || isLetter(p[k])) { return nil }
        return k
    }

    /// Log levels and other all-capital words that open lines of logs, not speaker turns.
    static let notSpeakers: Set<[UInt8]> = Set(["INFO", "WARN", "WARNING", "ERROR", "DEBUG", "TRACE", "FATAL", "NOTICE",
                                                "CRITICAL", "SEVERE", "ALERT", "EMERG", "FINE", "HTTP", "HTTPS"].map { Array($0.utf8) })

    /// Whether `p[r]` can be a speaker's name: one to six words of letters, digits and
    /// `.'-_()&`, with a letter, at most 64 bytes; `capitalised` asks every word to start
    /// with a capital or a digit.
    static func isNameLike(_ p: UnsafeBufferPointer<UInt8>, _ r: Range<Int>, capitalised: Bool) -> Bool {
        guard !r.isEmpty, r.count <= 64, isLetter(p[r.lowerBound]) || isDigit(p[r.lowerBound]), !isSpace(p[r.upperBound - 1]) else { return false }
        var words = 1, letters = 0
        var wordStart = true
        for i in r {
            let c = p[i]
            if isSpace(c) {
                if wordStart { return false }  // two spaces in a row
                words += 1
                wordStart = true
                continue
            }
            if wordStart && capitalised && !(isUpper(c) || isDigit(c)) { return false }
            wordStart = false
            if isLetter(c) { letters += 1; continue }
            if isDigit(c) { continue }
            switch c {
            case 0x2E, 0x27, 0x2D, 0x5F, 0x28, 0x29, 0x26: continue
            default: return false
            }
        }
        guard words <= 6, letters > 0 else { return false }
        if words == 1 && r.count <= 8 && notSpeakers.contains(Array(p[r])) { return false }
        return true
    }

    /// `Speaker:` at `i`: the name's range and where the text after the colon starts.
    static func speakerPrefix(_ p: UnsafeBufferPointer<UInt8>, from i: Int, end: Int, capitalised: Bool) -> (name: Range<Int>, text: Int)? {
        var k = i
        let limit = min(end, i + 65)
        while k < limit && p[k] != 0x3A { k += 1 }
        guard k < limit, k > i, k + 1 == end || isSpace(p[k + 1]) else { return nil }
        guard isNameLike(p, i..<k, capitalised: capitalised) else { return nil }
        var t = k + 1
        while t < end && isSpace(p[t]) { t += 1 }
        return (i..<k, t)
    }

    /// Reads one line of a plain-text export.
    static func parsePlain(_ p: UnsafeBufferPointer<UInt8>) -> Plain {
        var s = 0, e = p.count
        while s < e && isSpace(p[s]) { s += 1 }
        while e > s && isSpace(p[e - 1]) { e -= 1 }
        guard s < e else { return .blank }
        if isTiming(UnsafeBufferPointer(rebasing: p[s..<e])) { return .timing }
        var i = s
        var timed = false
        // A leading timestamp, bare or in brackets, and a separator after it.
        let open = p[i] == 0x5B || p[i] == 0x28
        if let te = timestamp(p, at: open ? i + 1 : i, end: e) {
            var k = te
            if open {
                if k < e && (p[k] == 0x5D || p[k] == 0x29) { k += 1; timed = true }
            } else {
                timed = true
            }
            if timed {
                while k < e && (isSpace(p[k]) || p[k] == 0x2D || p[k] == 0x7C) { k += 1 }
                i = k
            }
        }
        if timed && i == e { return .timing }
        if let (name, text) = speakerPrefix(p, from: i, end: e, capitalised: !timed) {
            return .turn(speaker: name, text: text..<e, timed: timed)
        }
        if !timed {
            // `[Speaker] 10:02:03`
            if p[i] == 0x5B, let close = (i + 1..<e).first(where: { p[$0] == 0x5D }), close + 1 < e, isSpace(p[close + 1]) {
                var t = close + 1
                while t < e && isSpace(p[t]) { t += 1 }
                if t < e, timestamp(p, at: t, end: e) == e, isNameLike(p, (i + 1)..<close, capitalised: false) {
                    return .header(speaker: (i + 1)..<close)
                }
            }
            // `Speaker  0:02`
            var t = e
            while t > i && (isDigit(p[t - 1]) || p[t - 1] == 0x3A || p[t - 1] == 0x2E || p[t - 1] == 0x2C) { t -= 1 }
            if t < e && t > i && isSpace(p[t - 1]), timestamp(p, at: t, end: e) == e {
                var n = t
                while n > i && isSpace(p[n - 1]) { n -= 1 }
                if isNameLike(p, i..<n, capitalised: true) { return .header(speaker: i..<n) }
            }
        }
        return .text(i..<e)
    }

    /// True when `p[i...]` starts a dialogue dash (`- `) or a broadcast speaker change (`>> `).
    static func speakerChangeMark(_ p: UnsafeBufferPointer<UInt8>, at i: Int, end: Int) -> Int? {
        if i + 1 < end && p[i] == 0x2D && isSpace(p[i + 1]) { return i + 2 }
        if i + 2 < end && p[i] == 0x3E && p[i + 1] == 0x3E && isSpace(p[i + 2]) { return i + 3 }
        return nil
    }
}
