#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import HedgerowCore

/// Writes the utterances of a conversation (captions, transcript exports, chat exports)
/// as rewritten text: one line per utterance, a speaker's consecutive pieces joined.
///
/// Pieces are joined with a space, or with nothing where the first ends with `@` or `_`
/// (or with `.` or `-` right after a letter or digit, when the next piece starts with a
/// lower-case letter or digit) or the second starts with `@`, `.`, `-` or `_` before a
/// letter or digit. A comma ending a piece is dropped at a join ("+44," / "7349 817410").
/// Digits joined to digits in dotted groups are joined with a dot ("020" / "3782.9479").
struct UtteranceWriter {
    /// Bytes of one piece and the source range they came from: a copy, or decoded text
    /// (an entity, a JSON escape) standing for its whole source range.
    struct Piece {
        var source: Range<Int>
        var bytes: UnsafeBufferPointer<UInt8>
        var decoded: Bool
    }

    private var speaker: [UInt8] = []
    private var open = false
    private var anonymous = 0
    /// The source offset of a comma ending the last piece, not written yet.
    private var heldComma: Int?
    /// The source offset just after the last piece, where the line end is placed.
    private var lastEnd = 0
    /// Bytes written for the open utterance, and the places in it where the text is not
    /// one copy of the source (joins, decoded text, markup taken out).
    private var utteranceLength = 0
    private var seams = 0
    /// Keeps utterances that are one copy of the source too (tests read the whole text).
    var keepsCopies = false

    /// The end of `Speaker:` (and the white space after it) at `p[from...]` when the
    /// speaker is the current one: a speaker's next cue is read without parsing the name again.
    func currentSpeakerPrefix(_ p: UnsafeBufferPointer<UInt8>, from: Int, end: Int) -> Int? {
        let n = speaker.count
        guard n > 0, speaker[0] != 0xFF, from + n < end, p[from + n] == 0x3A else { return nil }
        let same = speaker.withUnsafeBufferPointer { memcmp($0.baseAddress!, p.baseAddress! + from, n) == 0 }
        guard same else { return nil }
        var t = from + n + 1
        guard t == end || TranscriptLine.isSpace(p[t]) else { return nil }
        while t < end && TranscriptLine.isSpace(p[t]) { t += 1 }
        return t
    }

    /// A named speaker: a different one closes the open utterance. False when it is the current one.
    @discardableResult
    mutating func setSpeaker<C: Collection>(_ name: C, _ text: inout RewrittenText) -> Bool where C.Element == UInt8 {
        if speaker.elementsEqual(name) { return false }
        close(&text)
        speaker = Array(name)
        return true
    }

    /// The same for a name in memory (a voice tag in every cue: compared without a walk).
    @discardableResult
    mutating func setSpeaker(_ name: UnsafeBufferPointer<UInt8>, _ text: inout RewrittenText) -> Bool {
        let same = speaker.count == name.count && speaker.withUnsafeBufferPointer { s in
            name.isEmpty || memcmp(s.baseAddress!, name.baseAddress!, name.count) == 0
        }
        if same { return false }
        close(&text)
        speaker = Array(name)
        return true
    }

    /// Bytes of the current speaker's name (0 for none).
    var speakerLength: Int { speaker.count }

    /// The current speaker (a named one's bytes; an unnamed one's start with 0xFF), for
    /// finding places where a transcript can be cut into parts.
    var currentSpeaker: [UInt8] { speaker }

    /// A new speaker with no name (a dialogue dash): always closes the open utterance.
    mutating func newAnonymousSpeaker(_ text: inout RewrittenText) {
        close(&text)
        anonymous += 1
        speaker = [0xFF] + Array(String(anonymous).utf8)
    }

    /// Ends the open utterance with a line end; nothing after it joins what came before.
    /// An utterance that is one copy of the source (one cue, no markup inside) is taken
    /// back out: every value in it is a copy the plain scan finds, so scanning it again
    /// finds nothing to keep (most utterances of a real meeting are one cue).
    mutating func close(_ text: inout RewrittenText) {
        guard open else { return }
        open = false
        if seams == 0 && !keepsCopies && utteranceLength <= text.count {
            text.truncate(to: text.count - utteranceLength)
            heldComma = nil
            text.markBoundary()
            return
        }
        if let comma = heldComma { text.copy(CollectionOfOne(UInt8(ascii: ",")), from: comma); heldComma = nil }
        text.insert(0x0A, at: lastEnd)
        text.markBoundary()
    }

    /// Writes trimmed, non-empty pieces to the open utterance (opening one if needed).
    mutating func write(_ pieces: inout [Piece], _ text: inout RewrittenText) {
        // A comma ending the pieces is held back: dropped if the next piece joins these.
        var comma: Int?
        if let last = pieces.last, !last.decoded, last.bytes.last == 0x2C {
            comma = last.source.upperBound - 1
            if last.bytes.count == 1 {
                pieces.removeLast()
            } else {
                pieces[pieces.count - 1].bytes = UnsafeBufferPointer(rebasing: last.bytes.dropLast())
                pieces[pieces.count - 1].source = last.source.lowerBound..<(last.source.upperBound - 1)
            }
        }
        guard let first = pieces.first(where: { !$0.bytes.isEmpty }) else { return }
        let before = text.count
        if !open {
            utteranceLength = 0
            seams = 0
        } else {
            seams += 1
            let b = first.bytes
            if heldComma != nil || !Self.joinsTight(text.bytes, next: b[0], afterNext: b.count > 1 ? b[1] : nil) {
                text.insert(Self.digitGroupSeparator(after: text.bytes.last, next: b) ?? 0x20, at: first.source.lowerBound)
            }
            heldComma = nil
        }
        open = true
        var written = 0
        for piece in pieces where !piece.bytes.isEmpty {
            if piece.decoded {
                text.replace(piece.source, with: Array(piece.bytes))
                seams += 1
            } else {
                text.copy(piece.bytes, from: piece.source.lowerBound)
            }
            written += 1
        }
        seams += written - 1
        utteranceLength += text.count - before
        heldComma = comma
        lastEnd = pieces.last!.source.upperBound
    }

    /// Digits joined to digits written in dotted groups ("020" / "3782.9479") are joined
    /// with a dot, as the writer grouped the rest; nil for a space.
    static func digitGroupSeparator(after prev: UInt8?, next: UnsafeBufferPointer<UInt8>) -> UInt8? {
        guard let prev, TranscriptLine.isDigit(prev) else { return nil }
        var i = 0
        while i < next.count && TranscriptLine.isDigit(next[i]) { i += 1 }
        guard i > 0, i + 1 < next.count, next[i] == 0x2E, TranscriptLine.isDigit(next[i + 1]) else { return nil }
        return 0x2E
    }

    @inline(__always) static func isAlnum(_ c: UInt8) -> Bool { TranscriptLine.isDigit(c) || (c | 0x20) &- 0x61 < 26 }

    /// Whether the next piece joins the text so far with nothing between (see the type's notes).
    static func joinsTight(_ written: [UInt8], next: UInt8, afterNext: UInt8?) -> Bool {
        guard let prev = written.last else { return true }
        if prev == 0x40 || prev == 0x5F { return true }
        if prev == 0x2E || prev == 0x2D {
            let before = written.count >= 2 ? written[written.count - 2] : 0x20
            let lowerOrDigit = TranscriptLine.isDigit(next) || next &- 0x61 < 26
            if isAlnum(before) && lowerOrDigit { return true }
        }
        if next == 0x40 || next == 0x2E || next == 0x2D || next == 0x5F, let a = afterNext, isAlnum(a) { return true }
        return false
    }
}
