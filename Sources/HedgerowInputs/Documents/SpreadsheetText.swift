import Foundation

/// The cells of an Excel (.xlsx) workbook as text: one line per row, cells joined by
/// tabs (so the first row reads as a table header, as in a CSV), each cell labelled with
/// its sheet and coordinates (`Sheet1!C14`). Shared strings are resolved, rich-text runs
/// of one string joined, and comments labelled with the cell they sit on.
struct SpreadsheetText {
    /// Sheet names by part path (`xl/worksheets/sheet1.xml` -> "Sheet1"), in workbook order.
    private(set) var sheetNames: [String: String] = [:]
    /// Comment parts by path, with the name of the sheet they belong to.
    private(set) var commentSheets: [String: String] = [:]
    private(set) var sharedStrings: [String] = []

    /// Reads the workbook, its relationships and the shared strings: the parts every sheet needs.
    mutating func index(parts: [String: [UInt8]]) throws {
        var sheetTargets: [String: String] = [:]  // relationship id -> name
        if let workbook = parts["xl/workbook.xml"] {
            var ids: [(String, String)] = []
            try SafeXML.parse(workbook, part: "xl/workbook.xml", start: { name, attributes in
                if name == "sheet", let sheet = attributes["name"], let id = attributes["id"] { ids.append((id, sheet)) }
            }, end: { _ in }, text: { _ in })
            for (id, name) in ids { sheetTargets[id] = name }
        }
        if let rels = parts["xl/_rels/workbook.xml.rels"] {
            for (id, target) in try Self.relationships(rels, part: "xl/_rels/workbook.xml.rels") {
                if let name = sheetTargets[id] { sheetNames[Self.resolve(target, from: "xl/")] = name }
            }
        }
        // Each sheet's own relationships say which comments part is its.
        for (path, bytes) in parts where path.hasPrefix("xl/worksheets/_rels/") && path.hasSuffix(".rels") {
            let sheetFile = String(path.dropFirst("xl/worksheets/_rels/".count).dropLast(".rels".count))
            guard let sheet = sheetNames["xl/worksheets/" + sheetFile] else { continue }
            for (_, target) in try Self.relationships(bytes, part: path) where target.contains("comments") {
                commentSheets[Self.resolve(target, from: "xl/worksheets/")] = sheet
            }
        }
        if let shared = parts["xl/sharedStrings.xml"] {
            var strings: [String] = []
            var current = ""
            var inText = false, inPhonetic = false
            try SafeXML.parse(shared, part: "xl/sharedStrings.xml", start: { name, _ in
                switch name {
                case "si": current = ""
                case "t": inText = true
                case "rPh": inPhonetic = true
                default: break
                }
            }, end: { name in
                switch name {
                case "si": strings.append(current)
                case "t": inText = false
                case "rPh": inPhonetic = false
                default: break
                }
            }, text: { string in
                if inText && !inPhonetic { current += string }
            })
            sharedStrings = strings
        }
    }

    /// The parts `index` reads, to pick them out of the container in a first pass.
    static func isIndexPart(_ path: String) -> Bool {
        path == "xl/workbook.xml" || path == "xl/_rels/workbook.xml.rels" || path == "xl/sharedStrings.xml"
            || (path.hasPrefix("xl/worksheets/_rels/") && path.hasSuffix(".rels"))
    }

    static func isSheet(_ path: String) -> Bool { path.hasPrefix("xl/worksheets/") && path.hasSuffix(".xml") && !path.contains("/_rels/") }
    static func isComments(_ path: String) -> Bool { path.hasPrefix("xl/comments") && path.hasSuffix(".xml") }

    /// One sheet's rows and cells.
    /// `row` carries the row count from one piece of a sheet to the next (rows without an `r`).
    func sheet(_ xml: [UInt8], part: String, row startRow: inout Int) throws -> ExtractedText {
        let sheetName = sheetNames[part] ?? (part.split(separator: "/").last.map { String($0.dropLast(4)) } ?? part)
        var text = ExtractedText(part: part)
        var row = startRow, column = 0
        defer { startRow = row }
        var rowHasCells = false
        var cellRef: String?, cellType = "", value = ""
        var inValue = false, inInline = false
        let strings = sharedStrings
        try SafeXML.parse(xml, part: part, start: { name, attributes in
            switch name {
            case "row":
                row = attributes["r"].flatMap(Int.init) ?? row + 1
                column = 0
                rowHasCells = false
            case "c":
                if let r = attributes["r"], let parsed = CellReference.parse(r) { column = parsed.column } else { column += 1 }
                cellRef = CellReference.name(column: column, row: row)
                cellType = attributes["t"] ?? "n"
                value = ""
            case "v": inValue = true
            case "is": inInline = true
            case "t": break
            default: break
            }
        }, end: { name in
            switch name {
            case "v": inValue = false
            case "is": inInline = false
            case "c":
                var shown = value
                if cellType == "s" { shown = Int(value.trimmingCharacters(in: .whitespaces)).flatMap { strings.indices.contains($0) ? strings[$0] : nil } ?? "" }
                if !shown.isEmpty, let ref = cellRef {
                    if rowHasCells { text.separate(0x09) }
                    text.begin("!" + sheetName + "!" + ref)
                    text.append(shown)
                    rowHasCells = true
                }
                cellRef = nil
            case "row":
                if rowHasCells { text.separate(0x0A) }
            default: break
            }
        }, text: { string in
            if cellRef != nil && (inValue || inInline) { value += string }
        })
        return text
    }

    /// A comments part: each comment's text labelled with its sheet and cell.
    func comments(_ xml: [UInt8], part: String) throws -> ExtractedText {
        let sheetName = commentSheets[part] ?? "comments"
        var text = ExtractedText(part: part)
        var inText = false
        var open = false
        try SafeXML.parse(xml, part: part, start: { name, attributes in
            switch name {
            case "comment":
                text.begin("!" + sheetName + "!" + (attributes["ref"] ?? "?") + " comment")
                open = true
            case "t": inText = true
            default: break
            }
        }, end: { name in
            switch name {
            case "t": inText = false
            case "comment": if open { text.separate(0x0A); open = false }
            default: break
            }
        }, text: { string in
            if inText && open { text.append(string) }
        })
        return text
    }

    /// (Id, Target) pairs of a relationships part.
    static func relationships(_ xml: [UInt8], part: String) throws -> [(String, String)] {
        var pairs: [(String, String)] = []
        try SafeXML.parse(xml, part: part, start: { name, attributes in
            if name == "Relationship", let id = attributes["Id"], let target = attributes["Target"] { pairs.append((id, target)) }
        }, end: { _ in }, text: { _ in })
        return pairs
    }

    /// A relationship target (`worksheets/sheet1.xml`, `../comments1.xml`, `/xl/x.xml`) as a part path.
    static func resolve(_ target: String, from base: String) -> String {
        if target.hasPrefix("/") { return String(target.dropFirst()) }
        var parts = base.split(separator: "/").map(String.init)
        for piece in target.split(separator: "/") {
            if piece == ".." { _ = parts.popLast() } else if piece != "." { parts.append(String(piece)) }
        }
        return parts.joined(separator: "/")
    }
}

/// A1-style cell coordinates: column letters (A..XFD) and a 1-based row.
enum CellReference {
    static func parse(_ reference: String) -> (column: Int, row: Int)? {
        var column = 0
        var digits = ""
        for scalar in reference.unicodeScalars {
            if scalar.value >= 65 && scalar.value <= 90, digits.isEmpty { column = column * 26 + Int(scalar.value - 64) }
            else if scalar.value >= 97 && scalar.value <= 122, digits.isEmpty { column = column * 26 + Int(scalar.value - 96) }
            else if scalar.value >= 48 && scalar.value <= 57 { digits.unicodeScalars.append(scalar) }
            else if scalar != "$" { return nil }
        }
        guard column > 0, let row = Int(digits) else { return nil }
        return (column, row)
    }

    static func name(column: Int, row: Int) -> String {
        var letters = ""
        var n = column
        while n > 0 {
            let rest = (n - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + rest))) + letters
            n = (n - 1) / 26
        }
        return letters + String(row)
    }
}
