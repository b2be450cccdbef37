/// The text of one PowerPoint (.pptx) slide or its notes: DrawingML paragraphs (`a:p`)
/// with their runs (`a:t`) joined, one line each, all labelled with the slide
/// (`slide 3`, `slide 3 notes`): a slide has no line numbers a person would count.
enum SlideText {
    static func extract(_ xml: [UInt8], part: String, label: String) throws -> ExtractedText {
        var text = ExtractedText(part: part)
        text.begin(" " + label)
        var inText = false
        var pending = false
        try SafeXML.parse(xml, part: part, start: { name, _ in
            switch name {
            case "t": inText = true
            case "br": text.append(" ")
            default: break
            }
        }, end: { name in
            switch name {
            case "t": inText = false
            case "p": if pending { text.separate(0x0A); pending = false }
            default: break
            }
        }, text: { string in
            if inText { text.append(string); pending = true }
        })
        if pending { text.separate(0x0A) }
        return text
    }

    /// The slide number in `ppt/slides/slide12.xml` or `ppt/notesSlides/notesSlide12.xml`.
    static func number(_ part: String) -> Int? {
        let base = part.split(separator: "/").last.map(String.init) ?? part
        return Int(base.filter(\.isNumber))
    }
}
