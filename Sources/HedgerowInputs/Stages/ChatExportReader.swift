import HedgerowCore

/// Reads a Slack export (one JSON file per channel and day: an array of message objects
/// with `user`, `text` and `ts`, written one field per line) as utterances: the `text`
/// of one user's consecutive messages joined, so a number sent as "number is 07581" and
/// then "865-208" is whole. JSON escapes in the text are decoded (`\n` as a space).
/// Only the message's own fields count (depth two); the `text` inside `blocks`,
/// `attachments` or `files` repeats or decorates it and is set aside.
public struct ChatExportReader: LineRewriter {
    private var depth = 0
    private var user: [UInt8] = []
    /// The message being read: decoded text bytes, and its pieces (source range, range
    /// in `buffer`, decoded or copied).
    private var buffer: [UInt8] = []
    private var messagePieces: [(source: Range<Int>, bytes: Range<Int>, decoded: Bool)] = []
    private var utterances = UtteranceWriter()
    private var pieces: [UtteranceWriter.Piece] = []

    public init() {}

    /// With `everyUtterance`, utterances that are one copy of the source are written too.
    init(everyUtterance: Bool) { utterances.keepsCopies = everyUtterance }

    /// A Slack export by its first bytes: a JSON array of objects of type "message".
    public static func looksLikeChatExport(_ head: [UInt8]) -> Bool {
        guard let first = head.first(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }), first == 0x5B else { return false }
        let text = String(decoding: head, as: UTF8.self)
        return (text.contains("\"type\": \"message\"") || text.contains("\"type\":\"message\"")) && text.contains("\"ts\"")
            && text.contains("\"text\"")
    }

    public mutating func consume(_ line: UnsafeBufferPointer<UInt8>, at offset: Int, ending: Int, into text: inout RewrittenText) {
        let before = depth
        if before == 2 {
            var s = 0
            while s < line.count && TranscriptLine.isSpace(line[s]) { s += 1 }
            if Self.key(line, at: s, "\"text\"") { readString(line, from: s + 6, at: offset) }
            else if Self.key(line, at: s, "\"user\"") {
                let mark = buffer.count
                let piecesBefore = messagePieces.count
                readString(line, from: s + 6, at: offset)
                user = Array(buffer[mark...])
                buffer.removeSubrange(mark...)
                messagePieces.removeSubrange(piecesBefore...)
            }
        }
        // Structure outside strings.
        var inString = false, escaped = false
        for c in line {
            if inString {
                if escaped { escaped = false } else if c == 0x5C { escaped = true } else if c == 0x22 { inString = false }
                continue
            }
            switch c {
            case 0x22: inString = true
            case 0x7B, 0x5B: depth += 1
            case 0x7D, 0x5D:
                depth -= 1
                if depth == 1 { endMessage(&text) }
            default: break
            }
        }
    }

    public mutating func finish(into text: inout RewrittenText) {
        endMessage(&text)
        utterances.close(&text)
    }

    private static func key(_ line: UnsafeBufferPointer<UInt8>, at s: Int, _ name: StaticString) -> Bool {
        let n = name.utf8CodeUnitCount
        guard s + n <= line.count else { return false }
        for i in 0..<n where line[s + i] != name.utf8Start[i] { return false }
        return true
    }

    /// The JSON string after the colon following `from`, decoded into `buffer`.
    private mutating func readString(_ line: UnsafeBufferPointer<UInt8>, from: Int, at offset: Int) {
        var i = from
        while i < line.count && (TranscriptLine.isSpace(line[i]) || line[i] == 0x3A) { i += 1 }
        guard i < line.count, line[i] == 0x22 else { return }
        i += 1
        var runStart = i
        func copyRun(to end: Int) {
            guard runStart < end else { return }
            let b = buffer.count
            buffer.append(contentsOf: UnsafeBufferPointer(rebasing: line[runStart..<end]))
            messagePieces.append(((offset + runStart)..<(offset + end), b..<buffer.count, false))
        }
        while i < line.count {
            let c = line[i]
            if c == 0x22 { break }
            guard c == 0x5C, i + 1 < line.count else { i += 1; continue }
            copyRun(to: i)
            var length = 2
            var decoded: [UInt8]
            switch line[i + 1] {
            case 0x6E, 0x72, 0x74: decoded = [0x20]                      // \n \r \t
            case 0x75:                                                   // \uXXXX
                guard let (scalar, n) = Self.unicodeEscape(line, at: i) else { decoded = []; break }
                decoded = Array(String(Character(scalar)).utf8)
                length = n
            case 0x62, 0x66: decoded = []
            default: decoded = [line[i + 1]]                             // \" \\ \/
            }
            let b = buffer.count
            buffer.append(contentsOf: decoded)
            messagePieces.append(((offset + i)..<(offset + i + length), b..<buffer.count, true))
            i += length
            runStart = i
        }
        copyRun(to: i)
    }

    /// `\uXXXX`, or a surrogate pair `\uD83D\uDE00`: the scalar and the escape's length.
    static func unicodeEscape(_ line: UnsafeBufferPointer<UInt8>, at i: Int) -> (Unicode.Scalar, Int)? {
        func hex4(_ at: Int) -> UInt32? {
            guard at + 4 <= line.count else { return nil }
            var v: UInt32 = 0
            for k in at..<(at + 4) {
                guard let d = QuotedPrintableReader.hex(line[k]) else { return nil }
                v = v << 4 | UInt32(d)
            }
            return v
        }
        guard let high = hex4(i + 2) else { return nil }
        if (0xD800..<0xDC00).contains(high), i + 12 <= line.count, line[i + 6] == 0x5C, line[i + 7] == 0x75,
           let low = hex4(i + 8), (0xDC00..<0xE000).contains(low) {
            return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)).map { ($0, 12) }
        }
        return Unicode.Scalar(high).map { ($0, 6) }
    }

    /// A message ended: its text joins the open utterance if the same user sent it.
    private mutating func endMessage(_ text: inout RewrittenText) {
        defer { buffer.removeAll(keepingCapacity: true); messagePieces.removeAll(keepingCapacity: true); user = [] }
        // Trim white space at both ends.
        while let first = messagePieces.first, first.bytes.isEmpty || (!first.decoded && buffer[first.bytes.lowerBound] == 0x20) || (first.decoded && buffer[first.bytes].allSatisfy { $0 == 0x20 }) {
            if !first.decoded && first.bytes.count > 1 && buffer[first.bytes.lowerBound] == 0x20 {
                messagePieces[0].bytes = (first.bytes.lowerBound + 1)..<first.bytes.upperBound
                messagePieces[0].source = (first.source.lowerBound + 1)..<first.source.upperBound
            } else {
                messagePieces.removeFirst()
            }
        }
        while let last = messagePieces.last, last.bytes.isEmpty || (!last.decoded && buffer[last.bytes.upperBound - 1] == 0x20) || (last.decoded && buffer[last.bytes].allSatisfy { $0 == 0x20 }) {
            if !last.decoded && last.bytes.count > 1 && buffer[last.bytes.upperBound - 1] == 0x20 {
                messagePieces[messagePieces.count - 1].bytes = last.bytes.lowerBound..<(last.bytes.upperBound - 1)
                messagePieces[messagePieces.count - 1].source = last.source.lowerBound..<(last.source.upperBound - 1)
            } else {
                messagePieces.removeLast()
            }
        }
        guard !messagePieces.isEmpty else { return }
        utterances.setSpeaker(user, &text)
        buffer.withUnsafeBufferPointer { b in
            pieces.removeAll(keepingCapacity: true)
            for m in messagePieces {
                pieces.append(.init(source: m.source, bytes: UnsafeBufferPointer(rebasing: b[m.bytes]), decoded: m.decoded))
            }
            utterances.write(&pieces, &text)
        }
        pieces.removeAll(keepingCapacity: true)
    }
}
