/// Which column of a delimited row a position is in, reading CSV quoting: a field that
/// opens with a double quote runs to its closing quote, delimiters and all (`"Flat 6, 137
/// Wyatt Mews"` is one field), and `""` inside it is a quote. Counting every comma put each
/// value after such a field one column to the right, so a date of birth after a quoted
/// address was judged against the wrong header.
enum TableColumns {
    /// The number of delimiters outside quoted fields in `prefix`, the row up to a value:
    /// the value's column index.
    static func index(of prefix: Substring, delimiter: Character) -> Int {
        delimiters(in: prefix, delimiter: delimiter).count
    }

    /// The fields of a header line, split where `index(of:)` counts delimiters.
    static func fields(of line: String, delimiter: Character) -> [Substring] {
        var fields: [Substring] = []
        var start = line.startIndex
        for d in delimiters(in: line[...], delimiter: delimiter) {
            fields.append(line[start..<d])
            start = line.index(after: d)
        }
        fields.append(line[start..<line.endIndex])
        return fields
    }

    /// Where the delimiters outside quoted fields are.
    private static func delimiters(in text: Substring, delimiter: Character) -> [Substring.Index] {
        var found: [Substring.Index] = []
        var quoted = false, fieldStart = true
        var i = text.startIndex
        while i < text.endIndex {
            let ch = text[i]
            if quoted {
                if ch == "\"" {
                    let next = text.index(after: i)
                    if next < text.endIndex && text[next] == "\"" { i = next } else { quoted = false }
                }
            } else if ch == delimiter {
                found.append(i)
                fieldStart = true
            } else if ch == "\"" && fieldStart {
                quoted = true
                fieldStart = false
            } else if ch != " " {
                // A quote inside an unquoted field (`5" screen`) is a character, not quoting.
                fieldStart = false
            }
            i = text.index(after: i)
        }
        return found
    }
}
