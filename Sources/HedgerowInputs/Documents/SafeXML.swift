import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Why a part of a document could not be read as XML.
struct XMLProblem: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// Runs Foundation's XML parser over one part of a document, handing element starts,
/// ends and text to closures under local names (`w:t` arrives as `t`: producers differ in
/// prefixes, never in local names).
///
/// Office and OpenDocument parts never carry a document type declaration, so a part that
/// does is refused before parsing: no DTD is read, no entity (external or internal, the
/// "billion laughs") is expanded, no file or URL is fetched. External entity resolution
/// is switched off as well, in case a parser version ever reads one anyway.
enum SafeXML {
    static func parse(_ bytes: [UInt8], part: String,
                      start: @escaping (String, [String: String]) -> Void,
                      end: @escaping (String) -> Void,
                      text: @escaping (String) -> Void) throws {
        if containsDoctype(bytes) { throw XMLProblem(message: "\(part): XML with a document type declaration (refused: entities are never expanded)") }
        let parser = XMLParser(data: Data(bytes))
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = false
        parser.shouldReportNamespacePrefixes = false
        let events = Events(start: start, end: end, text: text)
        parser.delegate = events
        let parsed = parser.parse()
        // A truncated part can end with elements still open and no error from the parser:
        // the root must have been opened and closed for the part to count as read.
        guard parsed, events.failure == nil, events.sawRoot, events.depth == 0 else {
            // Foundation's own text is a code ("NSXMLParserErrorDomain error 76"): say where.
            let reason = events.failure ?? parser.parserError.map { sentence(for: $0, column: parser.columnNumber) } ?? "the XML ends before its root element closes"
            throw XMLProblem(message: "\(part): XML does not parse (line \(parser.lineNumber): \(reason))")
        }
    }

    /// What went wrong, in words. Foundation's own text is only a code ("The operation could
    /// not be completed. (NSXMLParserErrorDomain error 76.)"); the codes are libxml2's.
    static func sentence(for error: Error, column: Int) -> String {
        let what: String
        switch (error as NSError).code {
        case 4: what = "the part is empty"
        case 5: what = "content after the root element"
        case 9: what = "a character XML does not allow"
        case 73, 77: what = "an unfinished tag"
        case 76: what = "an end tag that does not match its start tag"
        case 201: what = "an undeclared namespace prefix"
        default: what = "malformed XML"
        }
        return "\(what) at column \(column)"
    }

    /// `<!DOCTYPE` anywhere before the root element (case as XML spells it).
    static func containsDoctype(_ bytes: [UInt8]) -> Bool {
        let needle = Array("<!DOCTYPE".utf8)
        let limit = min(bytes.count, 1 << 16)
        guard limit >= needle.count else { return false }
        var i = 0
        while i + needle.count <= limit {
            if bytes[i] == 0x3C, bytes[i + 1] == 0x21, Array(bytes[i..<i + needle.count]) == needle { return true }
            i += 1
        }
        // An entity reference to a declared entity needs a DTD; a DTD later than 64 KiB is
        // not well-formed XML (it must precede the root), and libxml2 rejects it.
        return false
    }

    /// The name without its namespace prefix.
    static func local(_ name: String) -> String {
        guard let colon = name.lastIndex(of: ":") else { return name }
        return String(name[name.index(after: colon)...])
    }

    private final class Events: NSObject, XMLParserDelegate {
        let start: (String, [String: String]) -> Void
        let end: (String) -> Void
        let text: (String) -> Void
        var depth = 0
        var sawRoot = false
        var failure: String?
        init(start: @escaping (String, [String: String]) -> Void, end: @escaping (String) -> Void, text: @escaping (String) -> Void) {
            self.start = start; self.end = end; self.text = text
        }
        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
            var attributes: [String: String] = [:]
            for (key, value) in attributeDict { attributes[SafeXML.local(key)] = value }
            depth += 1
            sawRoot = true
            start(SafeXML.local(elementName), attributes)
        }
        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
            depth -= 1
            end(SafeXML.local(elementName))
        }
        func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
            if failure == nil { failure = SafeXML.sentence(for: parseError, column: parser.columnNumber) }
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) { text(string) }
        func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) { text(String(decoding: CDATABlock, as: UTF8.self)) }
    }
}
