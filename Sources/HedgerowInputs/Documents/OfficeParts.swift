/// Which parts of an Office or OpenDocument container hold text a person wrote, and how
/// each is read. Everything else (styles, themes, images, macros' binary) is passed over.
enum OfficeParts {
    /// How one content part is turned into text.
    enum Job {
        /// A WordprocessingML part, its paragraphs labelled "<label> N".
        case word(label: String)
        /// A DrawingML slide or notes page, all labelled with `label`.
        case slide(label: String)
        case sheet
        case sheetComments
        case openDocument(OpenDocumentText.Flavour)
    }

    static let propertyParts = ["docProps/core.xml", "docProps/app.xml", "meta.xml"]

    /// Small parts read in the first pass.
    static func isIndex(_ path: String, kind: DocumentKind) -> Bool {
        if propertyParts.contains(path) || path == "META-INF/manifest.xml" { return true }
        return kind == .spreadsheet && SpreadsheetText.isIndexPart(path)
    }

    static func content(_ path: String, kind: DocumentKind, extension ext: String) -> Job? {
        switch kind {
        case .word:
            guard path.hasPrefix("word/"), path.hasSuffix(".xml"), !path.contains("/_rels/") else { return nil }
            let stem = String(path.dropFirst(5).dropLast(4))
            switch stem {
            case "document": return .word(label: "paragraph")
            case "comments": return .word(label: "comment")
            case "footnotes": return .word(label: "footnote")
            case "endnotes": return .word(label: "endnote")
            default:
                if stem.hasPrefix("header") || stem.hasPrefix("footer") { return .word(label: stem + " paragraph") }
                return nil
            }
        case .presentation:
            guard path.hasSuffix(".xml"), !path.contains("/_rels/") else { return nil }
            if path.hasPrefix("ppt/slides/slide") { return .slide(label: "slide \(SlideText.number(path) ?? 0)") }
            if path.hasPrefix("ppt/notesSlides/notesSlide") { return .slide(label: "slide \(SlideText.number(path) ?? 0) notes") }
            if path.hasPrefix("ppt/comments/") { return .slide(label: "comments") }
            return nil
        case .spreadsheet:
            if SpreadsheetText.isSheet(path) { return .sheet }
            if SpreadsheetText.isComments(path) { return .sheetComments }
            return nil
        case .openDocument:
            return path == "content.xml" ? .openDocument(OpenDocumentText.flavour(ofExtension: ext)) : nil
        default:
            return nil
        }
    }
}
