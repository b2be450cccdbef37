/// Cuts a worksheet's XML into pieces of whole rows, each wrapped in the sheet's own
/// opening tags, so a sheet of any size is parsed a few megabytes at a time as it comes
/// out of the zip. Parsing a 400 MB sheet whole was measured at 3 GB of memory and then
/// refused by the XML parser (libxml2's size limits); in pieces memory stays flat.
struct SheetChunker {
    /// Bytes of rows gathered before a piece is cut.
    let pieceSize: Int
    private var pending: [UInt8] = []
    /// Everything up to and including the `<sheetData>` opening tag.
    private var prologue: [UInt8]?
    /// `</sheetData></worksheet>` with the prefixes the sheet uses.
    private var closing: [UInt8] = []
    private var failedToFindRows = false

    init(pieceSize: Int = 4 << 20) { self.pieceSize = pieceSize }

    /// Adds bytes; returns the pieces ready to parse (each a well-formed document).
    mutating func feed(_ bytes: ArraySlice<UInt8>) -> [[UInt8]] {
        pending += bytes
        if prologue == nil && !failedToFindRows { findPrologue() }
        guard let prologue, pending.count >= pieceSize else { return [] }
        guard let cut = Self.lastRowEnd(in: pending) else { return [] }
        let piece = prologue + pending[..<cut] + closing
        pending.removeSubrange(..<cut)
        return [piece]
    }

    /// The last piece: what is left, with the sheet's own closing tags.
    mutating func finish() -> [UInt8] {
        guard let prologue else { return pending }
        return prologue + pending
    }

    private mutating func findPrologue() {
        // `<sheetData>` (any prefix), not the empty `<sheetData/>`.
        guard let tagStart = Self.find(Array("sheetData".utf8), in: pending) else {
            if pending.count > 1 << 20 { failedToFindRows = true }
            return
        }
        var open = tagStart
        while open > 0 && pending[open] != 0x3C { open -= 1 }
        var end = tagStart
        while end < pending.count && pending[end] != 0x3E { end += 1 }
        guard end < pending.count else { return }
        if pending[end - 1] == 0x2F { failedToFindRows = true; return }
        let sheetDataName = Array(pending[(open + 1)..<(tagStart + "sheetData".utf8.count)])
        // The root element: the first tag that is not a declaration, comment or instruction.
        var rootName: [UInt8] = Array("worksheet".utf8)
        var i = 0
        while i < open {
            if pending[i] == 0x3C, i + 1 < open, pending[i + 1] != 0x3F, pending[i + 1] != 0x21 {
                var j = i + 1
                while j < open, ![0x20, 0x3E, 0x2F, 0x09, 0x0A, 0x0D].contains(pending[j]) { j += 1 }
                rootName = Array(pending[(i + 1)..<j])
                break
            }
            i += 1
        }
        prologue = Array(pending[...end])
        closing = Array("</".utf8) + sheetDataName + Array("></".utf8) + rootName + [0x3E]
        pending.removeSubrange(...end)
    }

    /// Just past the last `</row>` or `</x:row>` in `bytes`.
    static func lastRowEnd(in bytes: [UInt8]) -> Int? {
        let tail = Array("row>".utf8)
        var i = bytes.count - tail.count
        while i > 1 {
            if bytes[i] == 0x72, Array(bytes[i..<i + tail.count]) == tail {
                // Back over an optional prefix (`x:`) to `</`.
                var j = i
                if bytes[j - 1] == 0x3A {
                    j -= 1
                    while j > 0, let c = Optional(bytes[j - 1]), c != 0x2F && c != 0x3C && c != 0x3E && c != 0x20 { j -= 1 }
                }
                if j >= 2 && bytes[j - 1] == 0x2F && bytes[j - 2] == 0x3C { return i + tail.count }
            }
            i -= 1
        }
        return nil
    }

    static func find(_ needle: [UInt8], in bytes: [UInt8]) -> Int? {
        guard bytes.count >= needle.count else { return nil }
        var i = 0
        while i + needle.count <= bytes.count {
            if bytes[i] == needle[0], Array(bytes[i..<i + needle.count]) == needle { return i }
            i += 1
        }
        return nil
    }
}
