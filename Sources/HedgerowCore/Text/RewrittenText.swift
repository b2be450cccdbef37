/// Text a stage rewrote from a source (cues joined into utterances, soft line breaks
/// removed, escapes decoded), with the map from its offsets back to the source's.
/// Source offsets are absolute (from the start of the input), so a streaming stage can
/// hand over one block at a time.
public struct RewrittenText: Equatable, Sendable {
    public private(set) var bytes: [UInt8] = []
    public private(set) var map = OffsetMap()
    /// Rewritten offsets where a block may end: nothing after such a place is joined to
    /// anything before it.
    public private(set) var boundaries: [Int] = []

    public init() {}

    public var count: Int { bytes.count }
    public var isEmpty: Bool { bytes.isEmpty }

    /// Copies `source[range]` (the caller's bytes for that range are `content`).
    public mutating func copy<C: Collection>(_ content: C, from start: Int) where C.Element == UInt8 {
        guard !content.isEmpty else { return }
        bytes.append(contentsOf: content)
        map.appendCopy(source: start..<(start + content.count))
    }

    /// The same for bytes in memory (not generic: called once per piece of every line).
    public mutating func copy(_ content: UnsafeBufferPointer<UInt8>, from start: Int) {
        guard !content.isEmpty else { return }
        bytes.append(contentsOf: content)
        map.appendCopy(source: start..<(start + content.count))
    }

    /// `replacement` stands for the source range `source` (a decoded escape).
    public mutating func replace(_ source: Range<Int>, with replacement: [UInt8]) {
        guard !replacement.isEmpty else { return }
        bytes.append(contentsOf: replacement)
        map.appendReplacement(length: replacement.count, source: source)
    }

    /// The same for one byte (a decoded `%40`), without an array per escape.
    public mutating func replace(_ source: Range<Int>, with byte: UInt8) {
        bytes.append(byte)
        map.appendReplacement(length: 1, source: source)
    }

    /// The same for a decoded character (a `\u00e9` escape written back as UTF-8).
    public mutating func replace(_ source: Range<Int>, with scalar: Unicode.Scalar) {
        let before = bytes.count
        bytes.append(contentsOf: scalar.utf8)
        map.appendReplacement(length: bytes.count - before, source: source)
    }

    /// Bytes with no source (a joining space, an utterance's line end), placed at `at`.
    public mutating func insert(_ inserted: [UInt8], at: Int) {
        guard !inserted.isEmpty else { return }
        bytes.append(contentsOf: inserted)
        map.appendInsertion(length: inserted.count, at: at)
    }

    /// One byte with no source (a joining space, a line end), placed at `at`.
    public mutating func insert(_ byte: UInt8, at: Int) {
        bytes.append(byte)
        map.appendInsertion(length: 1, at: at)
    }

    /// Marks the current end as a place a block may end.
    public mutating func markBoundary() {
        if boundaries.last != bytes.count { boundaries.append(bytes.count) }
    }

    /// Splits off everything before rewritten offset `cut` (a boundary) and keeps the
    /// rest, renumbered from 0.
    public mutating func removePrefix(upTo cut: Int) -> RewrittenText {
        var head = RewrittenText()
        head.bytes = Array(bytes[..<cut])
        head.map = map.prefix(upTo: cut)
        head.boundaries = boundaries.filter { $0 <= cut }
        bytes.removeFirst(cut)
        map = map.suffix(from: cut)
        boundaries = boundaries.filter { $0 > cut }.map { $0 - cut }
        return head
    }

    /// Drops everything from rewritten offset `count` on (text a stage wrote and then
    /// found nothing could be found in).
    public mutating func truncate(to count: Int) {
        guard count < bytes.count else { return }
        bytes.removeLast(bytes.count - count)
        map.truncate(to: count)
        while let last = boundaries.last, last > count { boundaries.removeLast() }
    }

    /// Removes everything.
    public mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        map = OffsetMap()
        boundaries.removeAll()
    }
}
