import HedgerowCore

/// Writes one finding's JSON object byte for byte as `JSONEncoder` would (sorted keys,
/// slashes unescaped, absent optionals left out), in the pretty form of the JSON document
/// or the compact form of a JSON line. Findings are the bulk of every tooling report and
/// the encoder took an eighth of a whole scan's time writing them; the document's
/// envelope and summary, written once, still go through the encoder. A test compares the
/// two writers on random findings.
enum FindingJSON {
    /// The pretty object as it sits in the document's `findings` array (its lines start
    /// `indent` spaces in).
    static func pretty(_ item: JSONReporter.Document.Item, indent: Int) -> String {
        var out = Writer(indent: indent, pretty: true)
        out.text += String(repeating: " ", count: indent)
        out.object(item)
        return out.text
    }

    /// The compact object of a JSON line.
    static func compact(_ item: JSONReporter.Document.Item) -> String {
        var out = Writer(indent: 0, pretty: false)
        out.object(item)
        return out.text
    }

    /// Every key `object` writes, in order: a test checks it against the item's fields, so a
    /// field added to the item cannot be left out of the output.
    static let keys = ["author", "category", "class", "column", "commit", "confidence", "confidence_note", "context", "country",
                       "date", "decoded", "end_column", "end_line", "fingerprint", "line", "location", "masked", "paired_with", "path", "pieces",
                       "rule", "rule_name", "value"]

    private struct Writer {
        var text = ""
        let indent: Int
        let pretty: Bool
        private var first = true

        init(indent: Int, pretty: Bool) {
            self.indent = indent
            self.pretty = pretty
            text.reserveCapacity(512)
        }

        /// Keys in sorted order, as `.sortedKeys` writes them.
        mutating func object(_ i: JSONReporter.Document.Item) {
            open("{", depth: 0)
            string("author", i.author)
            string("category", i.category)
            string("class", i.class)
            number("column", i.column)
            string("commit", i.commit)
            string("confidence", i.confidence)
            string("confidence_note", i.confidence_note)
            string("context", i.context)
            string("country", i.country)
            string("date", i.date)
            string("decoded", i.decoded)
            number("end_column", i.end_column)
            number("end_line", i.end_line)
            string("fingerprint", i.fingerprint)
            number("line", i.line)
            string("location", i.location)
            string("masked", i.masked)
            if let paired = i.paired_with { pairedObject("paired_with", paired) }
            string("path", i.path)
            if let pieces = i.pieces { ranges("pieces", pieces) }
            string("rule", i.rule)
            string("rule_name", i.rule_name)
            string("value", i.value)
            close("}", depth: 0)
        }

        private mutating func open(_ bracket: String, depth: Int) {
            text += bracket
            first = true
        }

        private mutating func close(_ bracket: String, depth: Int) {
            if pretty { newline(depth: depth) }
            text += bracket
            first = false
        }

        private mutating func newline(depth: Int) {
            text += "\n"
            text += String(repeating: " ", count: indent + 2 * depth)
        }

        /// The separator before the next member or element, at `depth` levels in.
        private mutating func next(depth: Int) {
            if !first { text += "," }
            first = false
            if pretty { newline(depth: depth) }
        }

        private mutating func key(_ name: String, depth: Int = 1) {
            next(depth: depth)
            text += "\"" + name + (pretty ? "\" : " : "\":")
        }

        mutating func string(_ name: String, _ value: String?, depth: Int = 1) {
            guard let value else { return }
            key(name, depth: depth)
            Self.appendQuoted(value, to: &text)
        }

        mutating func number(_ name: String, _ value: Int, depth: Int = 1) {
            key(name, depth: depth)
            text += String(value)
        }

        /// The other half of a credential pair: an object one level down, keys sorted.
        mutating func pairedObject(_ name: String, _ p: JSONReporter.Document.Paired) {
            key(name)
            open("{", depth: 1)
            number("column", p.column, depth: 2)
            number("line", p.line, depth: 2)
            string("masked", p.masked, depth: 2)
            string("rule", p.rule, depth: 2)
            string("rule_name", p.rule_name, depth: 2)
            close("}", depth: 1)
        }

        mutating func ranges(_ name: String, _ ranges: [[Int]]) {
            key(name)
            open("[", depth: 1)
            for range in ranges {
                next(depth: 2)
                open("[", depth: 2)
                for bound in range {
                    next(depth: 3)
                    text += String(bound)
                }
                close("]", depth: 2)
            }
            close("]", depth: 1)
        }

        private static let hex: [Character] = Array("0123456789abcdef")

        /// JSONEncoder's escaping: quote, backslash and control characters; `\b \t \n \f \r`
        /// short, the others as `\u00XX`; everything else as it is.
        static func appendQuoted(_ value: String, to text: inout String) {
            text += "\""
            var plain = value.utf8.startIndex
            let utf8 = value.utf8
            var i = plain
            while i != utf8.endIndex {
                let byte = utf8[i]
                if byte >= 0x20 && byte != 0x22 && byte != 0x5C { i = utf8.index(after: i); continue }
                text += value[plain..<i]
                switch byte {
                case 0x22: text += "\\\""
                case 0x5C: text += "\\\\"
                case 0x08: text += "\\b"
                case 0x09: text += "\\t"
                case 0x0A: text += "\\n"
                case 0x0C: text += "\\f"
                case 0x0D: text += "\\r"
                default:
                    text += "\\u00"
                    text.append(hex[Int(byte >> 4)])
                    text.append(hex[Int(byte & 0xF)])
                }
                i = utf8.index(after: i)
                plain = i
            }
            text += value[plain..<utf8.endIndex]
            text += "\""
        }
    }
}
