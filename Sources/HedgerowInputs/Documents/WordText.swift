/// The text of a Word (.docx) part in reading order: one line per paragraph, the runs
/// of a paragraph joined (Word splits a value across runs wherever formatting, spell
/// checking or an edit touched it), tracked deletions kept (deleted is not gone), and
/// each line labelled `paragraph N` (body), `comment N`, or the part's own name.
enum WordText {
    /// `label` names every paragraph with its number: "paragraph" for the body, "comment" for comments.
    static func extract(_ xml: [UInt8], part: String, label: String) throws -> ExtractedText {
        var text = ExtractedText(part: part)
        var paragraphs = 0
        var open = false
        var inText = false
        func close() { if open { text.separate(0x0A); open = false } }
        try SafeXML.parse(xml, part: part, start: { name, _ in
            switch name {
            case "p":
                close()
                paragraphs += 1
                text.begin(" \(label) \(paragraphs)")
                open = true
            case "t", "delText": inText = true
            case "tab", "br", "cr": if open { text.append(" ") }
            default: break
            }
        }, end: { name in
            switch name {
            case "p": close()
            case "t", "delText": inText = false
            default: break
            }
        }, text: { string in
            if inText && open { text.append(string) }
        })
        close()
        return text
    }
}
