/// Maps offsets of rewritten text back to the source it was rewritten from, piecewise.
///
/// A text stage (transcript cues joined into utterances, quoted-printable soft breaks
/// removed, `=40` decoded) builds its output from three kinds of segment, in order:
/// bytes copied from the source (one rewritten byte per source byte), replacements (a
/// decoded escape: the rewritten bytes stand for a source range of another length), and
/// insertions (a space joining two cues: rewritten bytes with no source at all). The map
/// answers where a rewritten byte came from, which source ranges hold a rewritten span
/// (the pieces a redactor replaces), and whether a span is a verbatim copy of one source
/// range (then a scan of the source found it already).
public struct OffsetMap: Equatable, Sendable {
    /// One segment: `rewritten` came from `source`. Copies have equal lengths; a
    /// replacement maps as a whole; an insertion has an empty source range at the place
    /// it was inserted.
    public struct Segment: Equatable, Sendable {
        public var rewritten: Range<Int>
        public var source: Range<Int>
        public var isCopy: Bool
    }

    public private(set) var segments: [Segment] = []

    public init() {}

    /// The length of the rewritten text the map covers.
    public var rewrittenLength: Int { segments.last?.rewritten.upperBound ?? 0 }

    /// Rewritten bytes `count` long copied from `source`; merged with the previous copy
    /// when both continue each other.
    public mutating func appendCopy(source: Range<Int>) {
        guard !source.isEmpty else { return }
        let at = rewrittenLength
        if let last = segments.last, last.isCopy, last.source.upperBound == source.lowerBound {
            segments[segments.count - 1].rewritten = last.rewritten.lowerBound..<(at + source.count)
            segments[segments.count - 1].source = last.source.lowerBound..<source.upperBound
            return
        }
        segments.append(Segment(rewritten: at..<(at + source.count), source: source, isCopy: true))
    }

    /// `length` rewritten bytes that stand for `source` as a whole (a decoded escape).
    public mutating func appendReplacement(length: Int, source: Range<Int>) {
        guard length > 0 else { return }
        let at = rewrittenLength
        segments.append(Segment(rewritten: at..<(at + length), source: source, isCopy: false))
    }

    /// `length` rewritten bytes with no source, inserted at source offset `at`.
    public mutating func appendInsertion(length: Int, at: Int) {
        appendReplacement(length: length, source: at..<at)
    }

    /// The map of the rewritten text from `offset` on, renumbered from 0 (a stage hands
    /// over a finished block and keeps the rest).
    public func suffix(from offset: Int) -> OffsetMap {
        var rest = OffsetMap()
        guard let first = index(containing: offset) else { return rest }
        for var s in segments[first...] {
            if s.rewritten.lowerBound < offset {
                // Only a copy can be cut inside; a replacement is kept whole or not at all.
                let cut = offset - s.rewritten.lowerBound
                s.source = s.isCopy ? (s.source.lowerBound + cut)..<s.source.upperBound : s.source
                s.rewritten = offset..<s.rewritten.upperBound
            }
            s.rewritten = (s.rewritten.lowerBound - offset)..<(s.rewritten.upperBound - offset)
            rest.segments.append(s)
        }
        return rest
    }

    /// The map of the rewritten text before `offset`; a copy is cut there, a
    /// replacement or insertion that starts before it is kept whole.
    public func prefix(upTo offset: Int) -> OffsetMap {
        var head = OffsetMap()
        for var s in segments {
            guard s.rewritten.lowerBound < offset else { break }
            if s.isCopy && s.rewritten.upperBound > offset {
                s.source = s.source.lowerBound..<(s.source.lowerBound + offset - s.rewritten.lowerBound)
                s.rewritten = s.rewritten.lowerBound..<offset
            }
            head.segments.append(s)
        }
        return head
    }

    /// Drops the map of the rewritten text from `offset` on (a copy is cut there).
    public mutating func truncate(to offset: Int) {
        while let last = segments.last, last.rewritten.lowerBound >= offset { segments.removeLast() }
        if let last = segments.last, last.rewritten.upperBound > offset {
            if last.isCopy {
                segments[segments.count - 1].source = last.source.lowerBound..<(last.source.lowerBound + offset - last.rewritten.lowerBound)
            }
            segments[segments.count - 1].rewritten = last.rewritten.lowerBound..<offset
        }
    }

    /// The index of the segment holding rewritten byte `offset`.
    public func index(containing offset: Int) -> Int? {
        var lo = 0, hi = segments.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if segments[mid].rewritten.upperBound <= offset { lo = mid + 1 } else { hi = mid }
        }
        return lo < segments.count && segments[lo].rewritten.contains(offset) ? lo : nil
    }

    /// Where rewritten byte `offset` came from: its own source byte for a copy, the start
    /// of the whole source range otherwise.
    public func sourceOffset(of offset: Int) -> Int? {
        guard let i = index(containing: offset) else { return nil }
        let s = segments[i]
        return s.isCopy ? s.source.lowerBound + (offset - s.rewritten.lowerBound) : s.source.lowerBound
    }

    /// The source ranges that hold rewritten `span`, in order, with ranges that continue
    /// each other merged and insertions left out. A span of one copied range, or of
    /// copies and replacements that abut in the source, is one piece.
    public func pieces(of span: Range<Int>) -> [Range<Int>] {
        guard !span.isEmpty, var i = index(containing: span.lowerBound) else { return [] }
        var out: [Range<Int>] = []
        while i < segments.count && segments[i].rewritten.lowerBound < span.upperBound {
            let s = segments[i]
            var source = s.source
            if s.isCopy {
                let lo = max(span.lowerBound, s.rewritten.lowerBound) - s.rewritten.lowerBound
                let hi = min(span.upperBound, s.rewritten.upperBound) - s.rewritten.lowerBound
                source = (s.source.lowerBound + lo)..<(s.source.lowerBound + hi)
            }
            if !source.isEmpty {
                if let last = out.last, last.upperBound == source.lowerBound {
                    out[out.count - 1] = last.lowerBound..<source.upperBound
                } else {
                    out.append(source)
                }
            }
            i += 1
        }
        return out
    }

    /// True when rewritten `span` is a copy of one source range, byte for byte: a scan of
    /// the source sees the same bytes there.
    public func isVerbatim(_ span: Range<Int>) -> Bool {
        guard let i = index(containing: span.lowerBound) else { return false }
        let s = segments[i]
        return s.isCopy && span.upperBound <= s.rewritten.upperBound
    }
}
