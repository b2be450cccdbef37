/// The text of an OpenDocument `content.xml` (.odt, .ods, .odp) in reading order: one
/// line per paragraph or heading, spans joined, `text:s` spaces and tabs kept as spaces.
/// Spreadsheet cells (.ods) go one row to a line, tab-separated, labelled `Sheet1!C14`
/// with repeated rows and columns counted; slides (.odp) are labelled `slide N`, and
/// text documents `paragraph N`.
enum OpenDocumentText {
    enum Flavour { case text, spreadsheet, presentation }

    static func flavour(ofExtension ext: String) -> Flavour {
        switch ext {
        case "ods", "ots": return .spreadsheet
        case "odp", "otp": return .presentation
        default: return .text
        }
    }

    static func extract(_ xml: [UInt8], part: String, flavour: Flavour) throws -> ExtractedText {
        var text = ExtractedText(part: part)
        var paragraphs = 0, slides = 0
        var paragraphDepth = 0
        var lineOpen = false
        // Spreadsheet state.
        var sheet = "", row = 0, column = 0
        var rowRepeat = 1, columnRepeat = 1
        var rowHasCells = false, cellOpen = false, cellHasText = false
        func endLine() { if lineOpen { text.separate(0x0A); lineOpen = false } }
        try SafeXML.parse(xml, part: part, start: { name, attributes in
            switch name {
            case "page" where flavour == .presentation:
                endLine()
                slides += 1
            case "table" where flavour == .spreadsheet:
                sheet = attributes["name"] ?? "Sheet\(row)"
                row = 0
            case "table-row" where flavour == .spreadsheet:
                row += 1
                column = 0
                rowRepeat = Int(attributes["number-rows-repeated"] ?? "1") ?? 1
                rowHasCells = false
            case "table-cell", "covered-table-cell":
                guard flavour == .spreadsheet else { break }
                column += 1
                columnRepeat = Int(attributes["number-columns-repeated"] ?? "1") ?? 1
                cellOpen = true
                cellHasText = false
            case "p", "h":
                paragraphDepth += 1
                if flavour == .spreadsheet && cellOpen {
                    if cellHasText { text.append(" ") }
                    else {
                        if rowHasCells { text.separate(0x09) }
                        text.begin("!" + sheet + "!" + CellReference.name(column: column, row: row))
                        rowHasCells = true
                        cellHasText = true
                    }
                } else if paragraphDepth == 1 {
                    endLine()
                    paragraphs += 1
                    text.begin(flavour == .presentation ? " slide \(max(slides, 1))" : " paragraph \(paragraphs)")
                    lineOpen = true
                }
            case "s":
                let count = min(Int(attributes["c"] ?? "1") ?? 1, 64)
                if paragraphDepth > 0 { text.append(String(repeating: " ", count: count)) }
            case "tab", "line-break":
                if paragraphDepth > 0 { text.append(" ") }
            default: break
            }
        }, end: { name in
            switch name {
            case "p", "h":
                paragraphDepth = max(0, paragraphDepth - 1)
                if paragraphDepth == 0 && !(flavour == .spreadsheet && cellOpen) { endLine() }
            case "table-cell", "covered-table-cell":
                guard flavour == .spreadsheet else { break }
                column += columnRepeat - 1
                cellOpen = false
            case "table-row" where flavour == .spreadsheet:
                if rowHasCells { text.separate(0x0A) }
                row += rowRepeat - 1
            default: break
            }
        }, text: { string in
            if paragraphDepth > 0 { text.append(string) }
        })
        endLine()
        return text
    }
}
