import Foundation

/// Document properties (`docProps/core.xml` and `app.xml` in Office files, `meta.xml` in
/// OpenDocument): author, last editor, title, company, keywords. They travel with the
/// file unseen and often name a person, so each becomes a line `author: ...`, labelled
/// `properties`.
enum DocumentProperties {
    /// Local element names worth reading, with the key they are shown under.
    static let keys: [String: String] = [
        "creator": "author", "lastModifiedBy": "last modified by", "initial-creator": "author",
        "title": "title", "subject": "subject", "description": "description", "keywords": "keywords",
        "keyword": "keywords", "Manager": "manager", "Company": "company", "category": "category",
        "user-defined": "property",
    ]

    static func extract(_ xml: [UInt8], part: String) throws -> ExtractedText {
        var text = ExtractedText(part: part)
        text.begin(" properties")
        var current: String?
        var value = ""
        try SafeXML.parse(xml, part: part, start: { name, _ in
            if let key = keys[name] { current = key; value = "" }
        }, end: { name in
            if let key = current, keys[name] != nil {
                let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
                if !trimmed.isEmpty { text.append(key + ": " + trimmed); text.separate(0x0A) }
                current = nil
            }
        }, text: { string in
            if current != nil { value += string }
        })
        return text
    }
}
