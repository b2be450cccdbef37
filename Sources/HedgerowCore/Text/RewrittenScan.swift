/// The source bytes a block of rewritten text was made from: bytes from a line start
/// on, where they sit in the input, and the number of that line.
public struct SourceBlock {
    public var bytes: [UInt8]
    /// Input offset of `bytes[0]`.
    public var offset: Int
    /// Line number of `bytes[0]`, which starts a line.
    public var line: Int
    public init(bytes: [UInt8], offset: Int = 0, line: Int = 1) { self.bytes = bytes; self.offset = offset; self.line = line }
}

extension ScanEngine {
    /// Scans text a stage rewrote and places each finding in the source: `start` and `end`
    /// are worked out in the source's own bytes (line, column in code points, offset), the
    /// start at the first source byte of the value and the end just after its last, and
    /// `pieces` holds the source ranges of a value that is not one span (a value cut by a
    /// cue, whose pieces have a timing line between them).
    ///
    /// With `onlyRewritten` (the default), a finding whose value is a byte-for-byte copy
    /// of one source span is left out: a scan of the source finds it there already.
    public func scan(_ text: RewrittenText, source: SourceBlock, origin: Origin, onlyRewritten: Bool = true) throws -> [Finding] {
        guard !text.isEmpty else { return [] }
        var inner = origin
        inner.header = ""
        inner.firstLine = 1
        let found = try scan(bytes: text.bytes, origin: inner).findings
        var kept: [(finding: Finding, pieces: [Range<Int>])] = []
        for f in found {
            guard let pieces = text.sourcePieces(of: f.start.offset..<f.end.offset, onlyRewritten: onlyRewritten),
                  let first = pieces.first, let last = pieces.last,
                  first.lowerBound >= source.offset, last.upperBound <= source.offset + source.bytes.count else { continue }
            kept.append((f, pieces))
        }
        guard !kept.isEmpty else { return [] }
        // Every start and end, placed in one walk over the source block.
        var marks: [(offset: Int, slot: Int)] = []
        for (i, k) in kept.enumerated() {
            marks.append((k.pieces.first!.lowerBound - source.offset, 2 * i))
            marks.append((k.pieces.last!.upperBound - source.offset, 2 * i + 1))
        }
        marks.sort { $0.offset < $1.offset }
        var positions = [TextPosition](repeating: TextPosition(line: 0, column: 0, offset: 0), count: marks.count)
        var tracker = LineTracker()
        var cursor = 0
        source.bytes.withUnsafeBufferPointer { p in
            for mark in marks {
                tracker.advance(over: p.baseAddress!, from: cursor, to: mark.offset)
                cursor = mark.offset
                positions[mark.slot] = TextPosition(line: source.line + tracker.line - 1, column: tracker.column,
                                                    offset: source.offset + mark.offset)
            }
        }
        return kept.enumerated().map { i, k in
            var placed = k.finding
            placed.origin = origin
            placed.start = positions[2 * i]
            placed.end = positions[2 * i + 1]
            placed.pieces = k.pieces.count > 1 ? k.pieces : []
            // Placed in the rewritten text: its partner's position means nothing in the source.
            placed.pairedWith = nil
            return placed
        }
    }
}

extension RewrittenText {
    /// Where a finding made on this text lies in the source: the source ranges that hold
    /// rewritten `span`, in order (`OffsetMap.pieces`). The one place every rewrite puts a
    /// finding back, whether a stage-2 reader made the text (a transcript, quoted-printable)
    /// or the engine did (a decoded value, joined literals). Nil when nothing of the span
    /// comes from the source, or, with `onlyRewritten`, when it is a byte-for-byte copy of
    /// one source range: a scan of the source finds it there already.
    public func sourcePieces(of span: Range<Int>, onlyRewritten: Bool) -> [Range<Int>]? {
        guard !span.isEmpty, !(onlyRewritten && map.isVerbatim(span)) else { return nil }
        let pieces = map.pieces(of: span)
        return pieces.isEmpty ? nil : pieces
    }
}

extension ScanEngine {
    /// Scans a value the engine rewrote (decoded, or joined from literals) with the nested
    /// scanner, the match's text around it going with it (`password: <base64>` still
    /// reads as a password), and puts each finding back on the source. The text around is
    /// read, never placed: a finding is cut to the value (`span`, in `text`'s offsets), and
    /// one wholly outside it is left out. Pieces are stream offsets when `text`'s map is.
    func rescan(_ text: RewrittenText, before: [UInt8] = [], after: [UInt8] = [],
                onlyRewritten: Bool) -> [(finding: Finding, span: Range<Int>, pieces: [Range<Int>])] {
        guard let nested, !text.isEmpty, let inner = try? nested.scan(bytes: before + text.bytes + after).findings else { return [] }
        var placed: [(finding: Finding, span: Range<Int>, pieces: [Range<Int>])] = []
        for f in inner {
            let lo = max(0, f.start.offset - before.count), hi = min(text.count, f.end.offset - before.count)
            guard lo < hi, let pieces = text.sourcePieces(of: lo..<hi, onlyRewritten: onlyRewritten) else { continue }
            placed.append((f, lo..<hi, pieces))
        }
        return placed
    }
}
