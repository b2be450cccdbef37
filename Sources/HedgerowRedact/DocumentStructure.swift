/// The kinds of file whose structure a replacement must keep, chosen by extension.
public enum DocumentFormat: Equatable, Sendable {
    /// Lines are kept: a replacement never holds or removes a line break.
    case plain
    /// WebVTT and SRT: also timing lines, cue numbers and the `WEBVTT` header are never touched.
    case caption
    /// JSON (and JSON Lines, notebooks): a value inside a string is replaced by string
    /// content; one outside (a number) by a quoted string; quotes, brackets and commas stay.
    case json
    /// CSV and TSV: quotes and separators stay, so every row keeps its field count.
    case delimited(separator: UInt8)

    public static func of(path: String) -> DocumentFormat {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: ".") else { return .plain }
        switch name[name.index(after: dot)...].lowercased() {
        case "vtt", "srt": return .caption
        case "json", "jsonl", "ndjson", "ipynb", "geojson", "har": return .json
        case "csv": return .delimited(separator: UInt8(ascii: ","))
        case "tsv", "tab": return .delimited(separator: 0x09)
        default: return .plain
        }
    }
}

/// A part of the source to replace, as the structure allows it: `quoted` when it stands
/// outside a JSON string and its replacement must become one.
public struct Leaf: Equatable, Sendable {
    public var range: Range<Int>
    public var quoted: Bool
}

/// Reads a document in order, knowing at each position what the format's structure is
/// there (inside a JSON string or a quoted CSV field), and cuts a range to be replaced into
/// the leaves that can be replaced without touching structure. Advancing is one pass over
/// the bytes; copies of the reader look ahead without moving it.
public struct StructureReader {
    public let format: DocumentFormat
    public private(set) var position = 0
    // JSON
    private var inString = false
    private var escapeLeft = 0
    // CSV
    private var inQuotes = false

    public init(format: DocumentFormat) { self.format = format }

    var tracksState: Bool {
        switch format {
        case .json, .delimited: return true
        default: return false
        }
    }

    /// Moves to `target` (never backwards), reading the bytes in between.
    public mutating func advance(_ p: UnsafePointer<UInt8>, to target: Int) {
        guard target > position else { return }
        switch format {
        case .json:
            var i = position
            while i < target {
                let b = p[i]
                if escapeLeft > 0 {
                    escapeLeft = (escapeLeft == 1 && b == UInt8(ascii: "u")) ? 4 : escapeLeft - 1
                } else if inString {
                    if b == UInt8(ascii: "\\") { escapeLeft = 1 } else if b == UInt8(ascii: "\"") { inString = false }
                } else if b == UInt8(ascii: "\"") {
                    inString = true
                }
                i += 1
            }
        case let .delimited(separator):
            _ = separator
            var i = position
            while i < target {
                if p[i] == UInt8(ascii: "\"") { inQuotes.toggle() }
                i += 1
            }
        default:
            break
        }
        position = target
    }

    /// The leaves of `range` (which starts at or after the reader's position). The reader
    /// itself does not move.
    public func leaves(_ p: UnsafePointer<UInt8>, count n: Int, of range: Range<Int>) -> [Leaf] {
        var reader = self
        reader.advance(p, to: range.lowerBound)
        var lower = range.lowerBound, upper = min(range.upperBound, n)
        guard lower < upper else { return [] }
        var out: [Leaf] = []
        func emit(_ a: Int, _ b: Int, quoted: Bool) {
            var a = a, b = b
            while a < b && (p[a] == 0x20 || p[a] == 0x09) { a += 1 }
            while b > a && (p[b - 1] == 0x20 || p[b - 1] == 0x09) { b -= 1 }
            if a < b { out.append(Leaf(range: a..<b, quoted: quoted)) }
        }
        switch format {
        case .plain, .caption:
            var start = lower
            for i in lower..<upper where p[i] == 0x0A || p[i] == 0x0D {
                emit(start, i, quoted: false)
                start = i + 1
            }
            emit(start, upper, quoted: false)
            if format == .caption { out.removeAll { Self.isProtectedLine(p, count: n, around: $0.range.lowerBound) } }
        case .json:
            // A range that starts inside an escape takes the whole escape.
            if reader.escapeLeft > 0 {
                var back = lower
                while back > 0 && back > lower - 6 && p[back - 1] != UInt8(ascii: "\\") { back -= 1 }
                if back > 0 && p[back - 1] == UInt8(ascii: "\\") { lower = back - 1 }
                reader = self
                reader.advance(p, to: lower)
            }
            var runStart: Int? = nil
            var runQuoted = false
            var i = lower
            while i < upper || (reader.escapeLeft > 0 && i < n) {
                let b = p[i]
                let inside = reader.inString
                reader.advance(p, to: i + 1)
                let structural: Bool
                if inside {
                    structural = b == UInt8(ascii: "\"") && !reader.inString
                } else {
                    structural = b == UInt8(ascii: "\"") || b == UInt8(ascii: ",") || b == UInt8(ascii: ":") || b == UInt8(ascii: "{")
                        || b == UInt8(ascii: "}") || b == UInt8(ascii: "[") || b == UInt8(ascii: "]") || b <= 0x20
                }
                if structural || b == 0x0A || b == 0x0D {
                    if let s = runStart { emit(s, i, quoted: runQuoted) }
                    runStart = nil
                } else if runStart == nil || runQuoted != !inside {
                    if let s = runStart { emit(s, i, quoted: runQuoted) }
                    runStart = i
                    runQuoted = !inside
                }
                i += 1
            }
            if let s = runStart { emit(s, i, quoted: runQuoted) }
        case let .delimited(separator):
            var start = lower
            var quotes = reader.inQuotes
            for i in lower..<upper {
                let b = p[i]
                let cut = b == UInt8(ascii: "\"") || b == 0x0A || b == 0x0D || (b == separator && !quotes)
                if b == UInt8(ascii: "\"") { quotes.toggle() }
                if cut { emit(start, i, quoted: false); start = i + 1 }
            }
            emit(start, upper, quoted: false)
        }
        return out
    }

    /// Whether a literal found at `range` can be replaced whole where it stands: inside one
    /// string or field, off any protected caption line. Sets `quoted` for a JSON value
    /// outside a string.
    public func admits(_ p: UnsafePointer<UInt8>, count n: Int, _ range: Range<Int>) -> Leaf? {
        let leaves = self.leaves(p, count: n, of: range)
        guard leaves.count == 1, leaves[0].range == range else { return nil }
        return leaves[0]
    }

    /// Caption lines that are structure, not speech: timings, cue numbers, the header.
    static func isProtectedLine(_ p: UnsafePointer<UInt8>, count n: Int, around i: Int) -> Bool {
        var start = i
        while start > 0 && i - start < 4096 && p[start - 1] != 0x0A { start -= 1 }
        var end = i
        while end < n && end - i < 4096 && p[end] != 0x0A && p[end] != 0x0D { end += 1 }
        let line = UnsafeBufferPointer(start: p + start, count: end - start)
        if line.isEmpty { return true }
        if line.allSatisfy({ $0 &- 0x30 < 10 || $0 == 0x20 }) { return true }
        var k = 0
        while k + 2 < line.count {
            if line[k] == UInt8(ascii: "-") && line[k + 1] == UInt8(ascii: "-") && line[k + 2] == UInt8(ascii: ">") { return true }
            k += 1
        }
        if start == 0 || (start == 3 && p[0] == 0xEF) {
            let header = Array("WEBVTT".utf8)
            if line.count >= header.count && Array(line.prefix(header.count)) == header { return true }
        }
        return false
    }
}
