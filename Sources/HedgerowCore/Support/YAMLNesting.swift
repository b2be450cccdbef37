/// Measures how deeply a YAML text nests before the parser sees it.
///
/// The YAML composer recurses once per level: a 10 KB file of `[[[[...` or `{a: {a: ...`
/// overflowed the stack and crashed `scan`, `git` and `rules check` (SIGSEGV) before any
/// error could be reported. Rule files and configurations nest a handful of levels, so a
/// cheap pass over the text that stops at `limit` turns such a file into a located error.
/// It over-counts rather than under-counts: flow brackets in plain text count as levels
/// (quoted strings, comments and block scalars are skipped), and the block levels of a
/// line are its indentation steps plus its `- ` and `? ` entries.
enum YAMLNesting {
    static let limit = 64

    /// The first line (1-based) where nesting passes `limit`, or nil.
    static func lineTooDeep(_ text: String, limit: Int = limit) -> Int? {
        var flow = 0
        var indents: [Int] = []
        var blockScalarParent: Int?  // indentation of the line that opened a block scalar
        var quote: UInt8?
        for (number, line) in text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
            let bytes = Array(line)
            var i = 0
            while i < bytes.count && bytes[i] == 0x20 { i += 1 }
            let indent = i
            let blank = i == bytes.count || bytes[i] == 0x23 || bytes[i] == 0x0D
            if let parent = blockScalarParent {
                if blank || indent > parent { continue }
                blockScalarParent = nil
            }
            if blank && quote == nil && flow == 0 { continue }
            var block = 0
            if flow == 0 && quote == nil {
                while let top = indents.last, top >= indent { indents.removeLast() }
                indents.append(indent)
                block = indents.count
                // Compact entries on one line: "- - - x", "? - x".
                while i + 1 < bytes.count && (bytes[i] == 0x2D || bytes[i] == 0x3F) && bytes[i + 1] == 0x20 {
                    block += 1
                    i += 2
                    while i < bytes.count && bytes[i] == 0x20 { i += 1 }
                }
            }
            var last: UInt8 = 0x20
            while i < bytes.count {
                let c = bytes[i]
                if let q = quote {
                    if c == q {
                        if q == 0x27 && i + 1 < bytes.count && bytes[i + 1] == 0x27 { i += 2; continue }  // '' inside '...'
                        quote = nil
                    } else if c == 0x5C && q == 0x22 {
                        i += 1  // \" inside "..."
                    }
                    i += 1
                    continue
                }
                let structural = last == 0x20 || last == 0x3A || last == 0x2C || last == 0x5B || last == 0x7B || last == 0x2D
                switch c {
                case 0x23 where last == 0x20 || last == 0x09:
                    i = bytes.count
                    continue
                case 0x22 where structural, 0x27 where structural:
                    quote = c
                case 0x5B where flow > 0 || structural, 0x7B where flow > 0 || structural:
                    flow += 1
                case 0x5D where flow > 0, 0x7D where flow > 0:
                    flow -= 1
                case 0x7C where flow == 0 && (last == 0x20 || last == 0x3A), 0x3E where flow == 0 && (last == 0x20 || last == 0x3A):
                    // "key: |" or "- >-": the lines after it, more indented, are text.
                    var rest = i + 1
                    while rest < bytes.count && (bytes[rest] == 0x2D || bytes[rest] == 0x2B || bytes[rest] &- 0x30 < 10) { rest += 1 }
                    while rest < bytes.count && (bytes[rest] == 0x20 || bytes[rest] == 0x0D) { rest += 1 }
                    if rest == bytes.count || bytes[rest] == 0x23 { blockScalarParent = indent }
                default:
                    break
                }
                if block + flow > limit { return number + 1 }
                last = c
                i += 1
            }
            if block + flow > limit { return number + 1 }
        }
        return nil
    }
}
