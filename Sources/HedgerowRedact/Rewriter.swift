import HedgerowCore

/// One value to replace: the source byte ranges that hold it (one, or the pieces of a
/// value split over cues or said aloud) and what it is.
/// Compact (one range inline, pieces only when there are several): a long transcript has
/// a target for every value in it.
public struct Target: Sendable {
    public var range: Range<Int>
    /// The pieces of a value that is not one span; nil for one span.
    public var pieces: [Range<Int>]?
    public var identity: Identity
    public init(ranges: [Range<Int>], identity: Identity) {
        range = ranges.first ?? 0..<0
        pieces = ranges.count > 1 ? ranges : nil
        self.identity = identity
    }
    public init(range: Range<Int>, pieces: [Range<Int>]?, identity: Identity) {
        self.range = range; self.pieces = pieces; self.identity = identity
    }
    public var ranges: [Range<Int>] { pieces ?? [range] }
    var start: Int { pieces?.first?.lowerBound ?? range.lowerBound }
}

/// What a rewrite replaced, by category, and how many of those were further occurrences
/// of values found elsewhere in the run.
public struct RewriteCounts: Sendable, Equatable {
    public var byCategory: [Category: Int] = [:]
    public var repeats = 0
    public var total: Int { byCategory.values.reduce(0, +) }
    public init() {}
    public mutating func add(_ other: RewriteCounts) {
        for (c, n) in other.byCategory { byCategory[c, default: 0] += n }
        repeats += other.repeats
    }
}

/// Writes the clean copy of one document: the bytes in order, each target's leaves and
/// each further whole-word occurrence of a known value replaced, everything else
/// (line breaks, timings, quotes, separators, encodings) copied byte for byte. Reads the
/// source once, front to back, so a mapped file's pages can be released behind it.
public struct Rewriter {
    public let format: DocumentFormat
    public let book: PlaceholderBook
    public let matcher: LiteralMatcher
    /// The identity each literal of the matcher stands for.
    public let literalIdentities: [Identity]

    public init(format: DocumentFormat, book: PlaceholderBook, matcher: LiteralMatcher, literalIdentities: [Identity]) {
        self.format = format; self.book = book; self.matcher = matcher; self.literalIdentities = literalIdentities
    }

    /// `targets` in order of their first range; `write` receives the copy in pieces;
    /// `release` is told, now and then, the offset below which the source is done with.
    public func rewrite(_ source: UnsafeRawBufferPointer, targets: [Target],
                        write: (UnsafeRawBufferPointer) -> Void, release: ((Int) -> Void)? = nil) -> RewriteCounts {
        var i = 0
        return rewrite(source, nextTarget: {
            defer { i += 1 }
            return i < targets.count ? targets[i] : nil
        }, write: write, release: release)
    }

    /// The same with the targets handed over one at a time, in order of their first
    /// range (read from a spill file a part at a time, so a file with millions of values
    /// never has them all in memory).
    public func rewrite(_ source: UnsafeRawBufferPointer, nextTarget: () -> Target?,
                        write: (UnsafeRawBufferPointer) -> Void, release: ((Int) -> Void)? = nil) -> RewriteCounts {
        var counts = RewriteCounts()
        let n = source.count
        guard n > 0, let base = source.baseAddress else { return counts }
        let p = base.assumingMemoryBound(to: UInt8.self)
        var reader = StructureReader(format: format)
        var cursor = 0
        var released = 0
        var upcoming = nextTarget()
        var pending: [(leaf: Leaf, text: String, category: Category)] = []
        var literal = matcher.next(in: source, from: 0)

        func copy(to end: Int) {
            guard end > cursor else { return }
            write(UnsafeRawBufferPointer(start: base + cursor, count: end - cursor))
            if reader.tracksState { reader.advance(p, to: end) }
            cursor = end
            if let release, cursor - released > 8 << 20 {
                released = cursor - (1 << 20)
                release(released)
            }
        }
        func emit(_ leaf: Leaf, _ text: String) {
            copy(to: leaf.range.lowerBound)
            var out = text
            if format == .json { out = Self.jsonStringContent(out) }
            if leaf.quoted { out = "\"" + out + "\"" }
            var bytes = Array(out.utf8)
            bytes.withUnsafeBytes { write($0) }
            bytes.removeAll()
            if reader.tracksState { reader.advance(p, to: leaf.range.upperBound) }
            cursor = leaf.range.upperBound
        }
        func sourceText(_ r: Range<Int>) -> String {
            String(decoding: UnsafeBufferPointer(start: p + r.lowerBound, count: r.count), as: UTF8.self)
        }

        while true {
            let t = upcoming?.start ?? Int.max
            let l = pending.first?.leaf.range.lowerBound ?? Int.max
            let v = literal?.range.lowerBound ?? Int.max
            if t == Int.max && l == Int.max && v == Int.max { break }
            if t <= l && t <= v {
                // Cut the target into leaves now, while the reader is before all of them.
                let target = upcoming!
                upcoming = nextTarget()
                if reader.tracksState { reader.advance(p, to: max(cursor, min(target.start, n))) }
                var ranges = target.ranges.sorted(by: { $0.lowerBound < $1.lowerBound })
                if target.identity.category == .connectionString, ranges.count == 1, ranges[0].upperBound <= n {
                    ranges[0] = ranges[0].lowerBound..<Self.connectionStringEnd(p, n, ranges[0])
                }
                var leaves: [Leaf] = []
                for range in ranges
                where range.lowerBound >= cursor && range.lowerBound >= (leaves.last?.range.upperBound ?? 0) {
                    leaves += reader.leaves(p, count: n, of: range)
                }
                guard !leaves.isEmpty else { continue }
                counts.byCategory[target.identity.category, default: 0] += 1
                for (k, leaf) in leaves.enumerated() {
                    let original = sourceText(leaf.range)
                    let text = book.replacement(for: target.identity, source: original, piece: k, of: leaves.count)
                    if leaf.quoted { book.record("\"" + text + "\"", source: original, category: target.identity.category) }
                    let entry = (leaf: leaf, text: text, category: target.identity.category)
                    let at = pending.firstIndex { $0.leaf.range.lowerBound > leaf.range.lowerBound } ?? pending.count
                    pending.insert(entry, at: at)
                }
            } else if l <= v {
                let next = pending.removeFirst()
                // A leaf overlapping one already written is dropped (the earlier one covers it).
                if next.leaf.range.lowerBound >= cursor { emit(next.leaf, next.text) }
            } else {
                let found = literal!
                literal = matcher.next(in: source, from: found.range.lowerBound + 1)
                // Findings come first: a literal overlapping a leaf still to come is skipped.
                guard found.range.lowerBound >= cursor, found.range.upperBound <= min(l, t) else { continue }
                if reader.tracksState { reader.advance(p, to: found.range.lowerBound) }
                guard let leaf = reader.admits(p, count: n, found.range),
                      format != .caption || !StructureReader.isProtectedLine(p, count: n, around: found.range.lowerBound) else { continue }
                let identity = literalIdentities[found.literal]
                let original = sourceText(found.range)
                let text = book.replacement(for: identity, source: original)
                if leaf.quoted { book.record("\"" + text + "\"", source: original, category: identity.category) }
                emit(leaf, text)
                counts.byCategory[identity.category, default: 0] += 1
                counts.repeats += 1
                // The look from just after its start already found the next one, unless
                // that one starts inside it: most do not, and the look is not made twice.
                if let following = literal, following.range.lowerBound < found.range.upperBound {
                    literal = matcher.next(in: source, from: found.range.upperBound)
                }
            }
        }
        copy(to: n)
        return counts
    }

    /// A connection string's options after the part a rule matched (`;encrypt=true`,
    /// `&useSSL=true`) belong to the same value: the replacement runs to the end of it,
    /// at a quote, a line end, or a space (in a `Key=Value;` string, a space not inside a key).
    static func connectionStringEnd(_ p: UnsafePointer<UInt8>, _ n: Int, _ range: Range<Int>) -> Int {
        let semicolons = UnsafeBufferPointer(start: p + range.lowerBound, count: range.count).contains(UInt8(ascii: ";"))
        var e = range.upperBound
        scan: while e < n && e - range.upperBound < 512 {
            switch p[e] {
            case 0x0A, 0x0D, UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "`"), UInt8(ascii: "<"), UInt8(ascii: ">"):
                break scan
            case 0x20, 0x09, UInt8(ascii: ","):
                guard semicolons, p[e] != UInt8(ascii: ",") || e + 1 < n && p[e + 1] &- 0x30 < 10 else { break scan }
                // "Connection Timeout=30": a space inside a key goes on; anything else ends it.
                var k = e + 1
                while k < n && k - e < 40 && (p[k] == 0x20 || ((p[k] | 0x20) &- 0x61) < 26) { k += 1 }
                if p[e] == UInt8(ascii: ",") || (k < n && p[k] == UInt8(ascii: "=")) { e += 1 } else { break scan }
            default:
                e += 1
            }
        }
        while e > range.upperBound, [UInt8(ascii: ":"), UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ")"), UInt8(ascii: ";")].contains(p[e - 1]) { e -= 1 }
        return e
    }

    /// Text as the content of a JSON string: quotes, backslashes and control characters escaped.
    static func jsonStringContent(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
