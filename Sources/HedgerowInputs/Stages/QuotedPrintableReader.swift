import HedgerowCore

/// Reads an e-mail (`.eml`, `.mbox`) the way a mail client shows it: in parts declared
/// `Content-Transfer-Encoding: quoted-printable`, a soft line break (`=` at the end of a
/// line) joins the line to the next and `=XX` escapes are decoded, so a value the sending
/// client wrapped (`jane.doe@north=` / `gate.co.uk`, `jane=40example.org`) is whole.
/// Headers, boundaries and parts in other encodings are set aside (the plain scan reads them).
public struct QuotedPrintableReader: LineRewriter {
    private var inHeaders = true
    /// The header block being read declared quoted-printable.
    private var partIsQP = false
    private var bodyIsQP = false
    /// A soft break ended the last line: the next one continues it.
    private var continuing = false
    private var lastEnd = 0
    private var lastHeaderWasContentType = false
    private var previousBlank = false
    /// MIME boundaries declared so far, with their leading `--`.
    private var mimeBoundaries: [[UInt8]] = []

    public init() {}

    public mutating func consume(_ line: UnsafeBufferPointer<UInt8>, at offset: Int, ending: Int, into text: inout RewrittenText) {
        defer { previousBlank = line.isEmpty }
        if inHeaders {
            readHeader(line)
            return
        }
        if line.count >= 2 && line[0] == 0x2D && line[1] == 0x2D, mimeBoundaries.contains(where: { line.starts(with: $0) }) {
            endLine(&text)
            inHeaders = true
            partIsQP = false
            return
        }
        if previousBlank && line.starts(with: Array("From ".utf8)) {
            // The next message of an mbox file.
            endLine(&text)
            inHeaders = true
            partIsQP = false
            return
        }
        guard bodyIsQP else { return }
        decode(line, at: offset, &text)
    }

    public mutating func finish(into text: inout RewrittenText) {
        endLine(&text)
    }

    private mutating func readHeader(_ line: UnsafeBufferPointer<UInt8>) {
        if line.isEmpty {
            inHeaders = false
            bodyIsQP = partIsQP
            return
        }
        let lower = String(decoding: line.prefix(512), as: UTF8.self).lowercased()
        let folded = line[0] == 0x20 || line[0] == 0x09
        if !folded { lastHeaderWasContentType = lower.hasPrefix("content-type:") }
        if lower.hasPrefix("content-transfer-encoding:") && lower.contains("quoted-printable") { partIsQP = true }
        if lastHeaderWasContentType, let range = lower.range(of: "boundary=") {
            var value = String(String(decoding: line.prefix(512), as: UTF8.self)[range.upperBound...])
            if value.hasPrefix("\"") {
                value.removeFirst()
                value = String(value.prefix { $0 != "\"" })
            } else {
                value = String(value.prefix { $0 != ";" && $0 != " " && $0 != "\t" })
            }
            if !value.isEmpty { mimeBoundaries.append(Array(("--" + value).utf8)) }
        }
    }

    /// Ends the current decoded line, if one is open.
    private mutating func endLine(_ text: inout RewrittenText) {
        guard continuing else { return }
        continuing = false
        text.insert(0x0A, at: lastEnd)
        text.markBoundary()
    }

    private mutating func decode(_ line: UnsafeBufferPointer<UInt8>, at offset: Int, _ text: inout RewrittenText) {
        var end = line.count
        while end > 0 && (line[end - 1] == 0x20 || line[end - 1] == 0x09) { end -= 1 }
        let soft = end > 0 && line[end - 1] == 0x3D
        if soft { end -= 1 }
        var i = 0, runStart = 0
        while i < end {
            if line[i] == 0x3D, i + 2 < end, let hi = Self.hex(line[i + 1]), let lo = Self.hex(line[i + 2]) {
                if runStart < i { text.copy(UnsafeBufferPointer(rebasing: line[runStart..<i]), from: offset + runStart) }
                text.replace((offset + i)..<(offset + i + 3), with: [hi << 4 | lo])
                i += 3
                runStart = i
            } else {
                i += 1
            }
        }
        if runStart < end { text.copy(UnsafeBufferPointer(rebasing: line[runStart..<end]), from: offset + runStart) }
        lastEnd = offset + end
        if soft {
            continuing = true
        } else {
            continuing = false
            text.insert(0x0A, at: lastEnd)
            text.markBoundary()
        }
    }

    static func hex(_ c: UInt8) -> UInt8? {
        switch c {
        case 0x30...0x39: return c - 0x30
        case 0x41...0x46: return c - 0x41 + 10
        case 0x61...0x66: return c - 0x61 + 10
        default: return nil
        }
    }
}
