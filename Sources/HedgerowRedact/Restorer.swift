/// Puts the real values back: every replacement of a map found in a text (as a whole
/// word, where it starts or ends with a letter or digit) becomes the source text it stood
/// for. Meant for the answer an AI tool gave about a redacted copy; run on the copy
/// itself it gives back the original exactly.
public struct Restorer {
    public let map: RedactionMap
    private let matcher: LiteralMatcher
    private let values: [[UInt8]]

    public init(map: RedactionMap) {
        self.map = map
        // The first entry for a replacement wins, as when it was written.
        var seen = Set<String>()
        let entries = map.entries.filter { seen.insert($0.replacement).inserted }
        let matcher = LiteralMatcher(entries.map(\.replacement))
        var byText: [[UInt8]: [UInt8]] = [:]
        for e in entries { byText[Array(e.replacement.utf8)] = Array(e.value.utf8) }
        self.matcher = matcher
        values = matcher.literals.map { byText[$0] ?? $0 }
    }

    /// The text with the values back, and how many replacements were undone.
    public func restore(_ text: [UInt8]) -> (text: [UInt8], restored: Int) {
        var out: [UInt8] = []
        out.reserveCapacity(text.count)
        var restored = 0
        text.withUnsafeBytes { buffer in
            var cursor = 0
            var next = matcher.next(in: buffer, from: 0)
            while let found = next {
                out += buffer[cursor..<found.range.lowerBound]
                out += values[found.literal]
                restored += 1
                cursor = found.range.upperBound
                next = matcher.next(in: buffer, from: cursor)
            }
            out += buffer[cursor...]
        }
        return (out, restored)
    }
}
