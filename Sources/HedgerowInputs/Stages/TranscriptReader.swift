import HedgerowCore

/// Reads a caption file or transcript export as utterances: timing lines, cue numbers
/// and identifiers, headers, `NOTE`/`STYLE` blocks, markup and speaker tags are set
/// aside, and the text of one speaker's consecutive cues is written as one line, so a
/// value a cue cut in two ("adrian.nash@" / "northgate.co.uk") is whole.
///
/// Pieces are joined as `UtteranceWriter` says. A cue with no speaker mark continues the speaker before it; a dialogue dash (`- `) or
/// `>> ` starts a new, unnamed one.
public struct TranscriptReader: LineRewriter {
    public let format: TranscriptFormat
    private enum State { case between, payload, skipBlock }
    private var state = State.between
    private var utterances = UtteranceWriter()
    private var pieces: [UtteranceWriter.Piece] = []
    /// The pieces of the current line: source ranges (line-relative), entities with their index in `entities`.
    private var runs: [(range: Range<Int>, entity: Int?)] = []
    /// Where the speakers' names are, for a scan that judges each speaker's label once.
    var speakers: SpeakerSpans?

    public init(format: TranscriptFormat) { self.format = format }

    init(format: TranscriptFormat, speakers: SpeakerSpans?) {
        self.format = format
        self.speakers = speakers
    }

    /// With `everyUtterance`, utterances that are one copy of the source are written too.
    init(format: TranscriptFormat, everyUtterance: Bool) {
        self.format = format
        utterances.keepsCopies = everyUtterance
    }

    public mutating func consume(_ line: UnsafeBufferPointer<UInt8>, at offset: Int, ending: Int, into text: inout RewrittenText) {
        var start = 0
        if offset == 0 && line.count >= 3 && line[0] == 0xEF && line[1] == 0xBB && line[2] == 0xBF { start = 3 }
        switch format {
        case .plain: consumePlain(line, from: start, at: offset, into: &text)
        case .webVTT, .srt: consumeCueLine(line, from: start, at: offset, into: &text)
        }
    }

    public mutating func finish(into text: inout RewrittenText) {
        close(&text)
    }

    /// Between cues (a cue's first line is next), and the speaker the next text goes to:
    /// what `TranscriptCuts` watches.
    var isBetweenCues: Bool { format == .plain || state == .between }
    var currentSpeaker: [UInt8] { utterances.currentSpeaker }

    // MARK: - Plain-text exports

    private mutating func consumePlain(_ line: UnsafeBufferPointer<UInt8>, from start: Int, at offset: Int, into text: inout RewrittenText) {
        let p = UnsafeBufferPointer(rebasing: line[start...])
        let base = offset + start
        switch TranscriptLine.parsePlain(p) {
        case .blank, .timing:
            return
        case let .turn(name, body, _):
            setSpeaker(p, name, base: base, &text)
            runs.removeAll(keepingCapacity: true)
            runs.append((body, nil))
            write(p, base: base, &text)
        case let .header(name):
            setSpeaker(p, name, base: base, &text)
        case let .text(body):
            runs.removeAll(keepingCapacity: true)
            runs.append((body, nil))
            write(p, base: base, &text)
        }
    }

    // MARK: - WebVTT and SRT

    private mutating func consumeCueLine(_ line: UnsafeBufferPointer<UInt8>, from start: Int, at offset: Int, into text: inout RewrittenText) {
        let p = UnsafeBufferPointer(rebasing: line[start...])
        let base = offset + start
        var s = 0
        while s < p.count && TranscriptLine.isSpace(p[s]) { s += 1 }
        if s == p.count {
            // A blank line ends a cue (or a header or NOTE block), not an utterance.
            if state != .between { state = .between }
            return
        }
        switch state {
        case .skipBlock:
            return
        case .between:
            if TranscriptLine.isTiming(p) { state = .payload; return }
            if startsWord(p, "WEBVTT") || startsWord(p, "NOTE") || startsWord(p, "STYLE") || startsWord(p, "REGION") {
                state = .skipBlock
            }
            // Otherwise a cue number or identifier.
            return
        case .payload:
            if TranscriptLine.isTiming(p) { return }
            payloadLine(p, base: base, &text)
        }
    }

    private func startsWord(_ p: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
        let n = word.utf8CodeUnitCount
        guard p.count >= n else { return false }
        for i in 0..<n where p[i] != word.utf8Start[i] { return false }
        return p.count == n || TranscriptLine.isSpace(p[n])
    }

    /// One line of a cue's payload: markup set aside, a voice tag, `Speaker:` prefix or
    /// dialogue dash read as the speaker, the rest written.
    private mutating func payloadLine(_ p: UnsafeBufferPointer<UInt8>, base: Int, _ text: inout RewrittenText) {
        runs.removeAll(keepingCapacity: true)
        var voice: Range<Int>?
        var i = 0
        var runStart = 0
        let n = p.count
        while i < n {
            let c = p[i]
            if c == 0x3C, let close = index(of: 0x3E, in: p, from: i + 1) {
                // <v Name>, <v.loud Name>, </v>, <c.yellow>, <i>, <00:00:01.000>
                if runStart < i { runs.append((runStart..<i, nil)) }
                if i + 2 < close && p[i + 1] == 0x76 && (p[i + 2] == 0x20 || p[i + 2] == 0x2E) {
                    var k = i + 2
                    while k < close && p[k] != 0x20 { k += 1 }
                    while k < close && p[k] == 0x20 { k += 1 }
                    var e = close
                    while e > k && p[e - 1] == 0x20 { e -= 1 }
                    if k < e && voice == nil { voice = k..<e }
                }
                i = close + 1
                runStart = i
            } else if c == 0x7B && i + 1 < n && p[i + 1] == 0x5C, let close = index(of: 0x7D, in: p, from: i + 2) {
                // {\an8} and other SSA override tags in SRT
                if runStart < i { runs.append((runStart..<i, nil)) }
                i = close + 1
                runStart = i
            } else if c == 0x26, let (length, entity) = Self.entity(p, at: i) {
                if runStart < i { runs.append((runStart..<i, nil)) }
                runs.append((i..<(i + length), entity))
                i += length
                runStart = i
            } else {
                i += 1
            }
        }
        if runStart < n { runs.append((runStart..<n, nil)) }
        guard trimRuns(p) else { return }
        if let voice {
            setSpeaker(p, voice, base: base, &text)
        } else if runs[0].entity == nil {
            let first = runs[0].range
            if let after = utterances.currentSpeakerPrefix(p, from: first.lowerBound, end: first.upperBound) {
                if let speakers {
                    let name = first.lowerBound..<(first.lowerBound + utterances.speakerLength)
                    speakers.record(UnsafeBufferPointer(rebasing: p[name]), at: (base + name.lowerBound)..<(base + name.upperBound), sameAsLast: true)
                }
                runs[0].range = after..<first.upperBound
            } else if let after = TranscriptLine.speakerChangeMark(p, at: first.lowerBound, end: first.upperBound) {
                utterances.newAnonymousSpeaker(&text)
                runs[0].range = after..<first.upperBound
            } else if let (name, after) = TranscriptLine.speakerPrefix(p, from: first.lowerBound, end: first.upperBound, capitalised: false) {
                setSpeaker(p, name, base: base, &text)
                runs[0].range = after..<first.upperBound
            }
            guard trimRuns(p) else { return }
        }
        write(p, base: base, &text)
    }

    private func index(of byte: UInt8, in p: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        var k = from
        while k < p.count { if p[k] == byte { return k }; k += 1 }
        return nil
    }

    /// The decoded entities, in memory that lives as long as the process.
    static let entityBytes: [UnsafeBufferPointer<UInt8>] = entities.map { entity in
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(1, entity.1.count))
        _ = buffer.initialize(from: entity.1)
        return UnsafeBufferPointer(rebasing: buffer[0..<entity.1.count])
    }

    static let entities: [([UInt8], [UInt8])] = [("&amp;", "&"), ("&lt;", "<"), ("&gt;", ">"), ("&nbsp;", " "), ("&quot;", "\""),
        ("&apos;", "'"), ("&#39;", "'"), ("&lrm;", ""), ("&rlm;", "")].map { (Array($0.0.utf8), Array($0.1.utf8)) }

    /// The character entities captions use; the length of the one at `i` and its text.
    static func entity(_ p: UnsafeBufferPointer<UInt8>, at i: Int) -> (length: Int, index: Int)? {
        for (index, (bytes, _)) in entities.enumerated() where i + bytes.count <= p.count {
            if (0..<bytes.count).allSatisfy({ p[i + $0] == bytes[$0] }) { return (bytes.count, index) }
        }
        return nil
    }

    static func isBlank(_ entity: Int) -> Bool { entities[entity].1.isEmpty || entities[entity].1 == [0x20] }

    /// Drops white space (and empty runs) at both ends of the runs; false when nothing is left.
    private mutating func trimRuns(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        while let first = runs.first {
            if let e = first.entity {
                if Self.isBlank(e) { runs.removeFirst(); continue }
                break
            }
            var s = first.range.lowerBound
            while s < first.range.upperBound && TranscriptLine.isSpace(p[s]) { s += 1 }
            if s == first.range.upperBound { runs.removeFirst(); continue }
            runs[0].range = s..<first.range.upperBound
            break
        }
        while let last = runs.last {
            if let e = last.entity {
                if Self.isBlank(e) { runs.removeLast(); continue }
                break
            }
            var e = last.range.upperBound
            while e > last.range.lowerBound && TranscriptLine.isSpace(p[e - 1]) { e -= 1 }
            if e == last.range.lowerBound { runs.removeLast(); continue }
            runs[runs.count - 1].range = last.range.lowerBound..<e
            break
        }
        return !runs.isEmpty
    }

    // MARK: - Utterances

    private mutating func setSpeaker(_ p: UnsafeBufferPointer<UInt8>, _ name: Range<Int>, base: Int, _ text: inout RewrittenText) {
        let label = UnsafeBufferPointer(rebasing: p[name])
        let changed = utterances.setSpeaker(label, &text)
        speakers?.record(label, at: (base + name.lowerBound)..<(base + name.upperBound), sameAsLast: !changed)
    }

    private mutating func close(_ text: inout RewrittenText) { utterances.close(&text) }

    /// Writes the runs of this line to the open utterance.
    private mutating func write(_ p: UnsafeBufferPointer<UInt8>, base: Int, _ text: inout RewrittenText) {
        guard !runs.isEmpty else { return }
        pieces.removeAll(keepingCapacity: true)
        for run in runs {
            let source = (base + run.range.lowerBound)..<(base + run.range.upperBound)
            if let entity = run.entity {
                pieces.append(.init(source: source, bytes: Self.entityBytes[entity], decoded: true))
            } else {
                pieces.append(.init(source: source, bytes: UnsafeBufferPointer(rebasing: p[run.range]), decoded: false))
            }
        }
        utterances.write(&pieces, &text)
    }
}
