import Foundation

/// A transcript's words, split for reading a value said aloud: words (lower case),
/// pauses (a comma, full stop or dash between words) and symbols written between two
/// words with no space ("margaret.okafor", "twenty-seven", "j_smith").
struct SpokenToken: Equatable {
    enum Kind: Equatable {
        case word
        case pause
        /// `.`, `-`, `_`, `@` or `+` touching a word on both sides.
        case glue
    }
    let kind: Kind
    /// Lower case for words; the symbol itself for glue; "," for every pause.
    let text: String
    /// True for a one-letter word written in upper case ("D E two three"): a spelled letter.
    let isCapital: Bool

    static func word(_ text: String, capital: Bool = false) -> SpokenToken { SpokenToken(kind: .word, text: text, isCapital: capital) }
    static let pause = SpokenToken(kind: .pause, text: ",", isCapital: false)
}

enum SpokenTokens {
    /// Splits text into tokens. A word is a run of ASCII letters, digits and inner
    /// apostrophes; a leading `+` stays on digits ("+44"); apostrophes around a word go
    /// ("'84").
    static func split(_ text: String) -> [SpokenToken] {
        // A typographic apostrophe is an apostrophe.
        let bytes = Array(text.replacingOccurrences(of: "\u{2019}", with: "'").utf8)
        var tokens: [SpokenToken] = []
        var i = 0
        func isWordByte(_ c: UInt8) -> Bool { c &- 0x30 < 10 || (c | 0x20) &- 0x61 < 26 || c == 0x27 }
        func isAlnum(_ c: UInt8) -> Bool { c &- 0x30 < 10 || (c | 0x20) &- 0x61 < 26 }
        while i < bytes.count {
            let c = bytes[i]
            if isWordByte(c) || (c == 0x2B && i + 1 < bytes.count && bytes[i + 1] &- 0x30 < 10 && (i == 0 || !isAlnum(bytes[i - 1]))) {
                var j = i + 1
                while j < bytes.count && isWordByte(bytes[j]) { j += 1 }
                var word = bytes[i..<j]
                while word.first == 0x27 { word = word.dropFirst() }
                while word.last == 0x27 { word = word.dropLast() }
                if !word.isEmpty {
                    let raw = String(decoding: word, as: UTF8.self)
                    let capital = word.count == 1 && word.first! &- 0x41 < 26
                    tokens.append(.word(raw.lowercased(), capital: capital))
                }
                i = j
                continue
            }
            // A symbol between two words with nothing around it joins them.
            if "._-@+".utf8.contains(c), i > 0, i + 1 < bytes.count, isAlnum(bytes[i - 1]), isAlnum(bytes[i + 1]) {
                tokens.append(SpokenToken(kind: .glue, text: String(UnicodeScalar(c)), isCapital: false))
                i += 1
                continue
            }
            if c == 0x2C || c == 0x2E || c == 0x3B || c == 0x3A || c == 0x21 || c == 0x3F || c == 0x2D || c == 0xE2 {
                if tokens.last?.kind != .pause { tokens.append(.pause) }
            }
            i += 1
        }
        return tokens
    }
}
