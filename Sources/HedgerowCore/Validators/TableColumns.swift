/// Which column of a delimited row a position is in, reading CSV quoting: a field that
/// opens with a double quote runs to its closing quote, delimiters and all (`"Flat 6, 137
/// Wyatt Mews"` is one field), and `""` inside it is a quote. Counting every comma put each
/// value after such a field one column to the right, so a date of birth after a quoted
/// address was judged against the wrong header.
enum TableColumns {
    /// The number of delimiters outside quoted fields in `prefix`, the row up to a value:
    /// the value's column index.
    static func index(of prefix: Substring, delimiter: Character) -> Int {
        var count = 0
        var quoted = false, fieldStart = true
        var i = prefix.startIndex
        while i < prefix.endIndex {
            let ch = prefix[i]
            if quoted {
                if ch == "\"" {
                    let next = prefix.index(after: i)
                    if next < prefix.endIndex && prefix[next] == "\"" { i = next } else { quoted = false }
                }
            } else if ch == delimiter {
                count += 1
                fieldStart = true
            } else if ch == "\"" && fieldStart {
                quoted = true
                fieldStart = false
            } else if ch != " " {
                // A quote inside an unquoted field (`5" screen`) is a character, not quoting.
                fieldStart = false
            }
            i = prefix.index(after: i)
        }
        return count
    }

    /// The fields of a header line, split where `index(of:)` counts delimiters.
    static func fields(of line: String, delimiter: Character) -> [Substring] {
        var fields: [Substring] = []
        var start = line.startIndex
        var quoted = false, fieldStart = true
        var i = line.startIndex
        while i < line.endIndex {
            let ch = line[i]
            if quoted {
                if ch == "\"" {
                    let next = line.index(after: i)
                    if next < line.endIndex && line[next] == "\"" { i = next } else { quoted = false }
                }
            } else if ch == delimiter {
                fields.append(line[start..<i])
                start = line.index(after: i)
                fieldStart = true
            } else if ch == "\"" && fieldStart {
                quoted = true
                fieldStart = false
            } else if ch != " " {
                fieldStart = false
            }
            i = line.index(after: i)
        }
        fields.append(line[start..<line.endIndex])
        return fields
    }
}
