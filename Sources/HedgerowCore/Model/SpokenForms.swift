import Foundation

/// Values said aloud in a transcript, written back as the value so the ordinary rules and
/// validators can judge them: "kevin dot jarvis at england dot nhs dot uk" is hedgerow:allow (made-up example)
/// kevin.jarvis@england.nhs.uk, "oh seven four one two, five one two, seven eight oh" is hedgerow:allow (made-up example)
/// 07412512780, "D E two three, five W Q" is DE23 5WQ, "the third of March nineteen hedgerow:allow (made-up example)
/// eighty-four" is 3 March 1984.
///
/// The decoder rules (Rules/encoded/spoken.yml) decide where a spoken value is; this only
/// reads one, and gives up (nil) on a word it does not know rather than guess.
public enum SpokenForms {
    /// The value the spoken text says, or nil.
    public static func decode(_ text: String) -> String? {
        let tokens = SpokenTokens.split(text)
        guard !tokens.isEmpty else { return nil }
        let words = tokens.filter { $0.kind == .word }.map(\.text)
        let hasAt = words.contains("at") || tokens.contains { $0.kind == .glue && $0.text == "@" }
        let hasDot = words.contains("dot") || words.contains("point") || tokens.contains { $0.kind == .glue && $0.text == "." }
        if hasAt && hasDot { return email(tokens) }
        if words.contains(where: { SpokenWords.month($0) != nil }), let date = SpokenDates.render(words) {
            return SpokenDates.isSaid(words) ? date : SpokenDates.written(text)
        }
        return characters(tokens)
    }

    /// The context words the value's rules read, from the text before the value: a date
    /// said after "born" or "date of birth" is a date of birth. Nothing else of the
    /// transcript goes along, so nothing in it is reported on the spoken span.
    public static func context(before: String) -> String {
        let lower = before.lowercased()
        if ["birth", "born", "dob", "d.o.b"].contains(where: { lower.contains($0) }) { return "date of birth: " }
        return ""
    }

    // MARK: - E-mail addresses

    /// Phrases that say how an address is written, not what it is.
    static let emailAsides: [[String]] = [
        ["all", "one", "word"], ["all", "in", "lower", "case"], ["all", "lower", "case"], ["all", "lowercase"],
        ["all", "small", "letters"], ["lower", "case"], ["lowercase"], ["no", "spaces"], ["all", "together"],
        ["one", "word"], ["small"], ["capital"],
    ]

    static func email(_ tokens: [SpokenToken]) -> String? {
        var out = ""
        var times = 1
        var sawAt = false
        var i = 0
        func word(_ k: Int) -> String? { k < tokens.count && tokens[k].kind == .word ? tokens[k].text : nil }
        func isNumberWord(_ w: String?) -> Bool {
            guard let w else { return false }
            return SpokenWords.digits[w] != nil || SpokenWords.teens[w] != nil || SpokenWords.tens[w] != nil
        }
        while i < tokens.count {
            let t = tokens[i]
            switch t.kind {
            case .pause:
                i += 1
                continue
            case .glue:
                // "twenty-two" is one number; "geraldine-chamberlain" keeps its dash.
                if !(t.text == "-" && isNumberWord(word(i - 1)) && isNumberWord(word(i + 1))) {
                    if t.text == "@" { if sawAt { return nil }; sawAt = true }
                    out += t.text
                }
                i += 1
                continue
            case .word:
                break
            }
            let w = t.text
            if SpokenWords.fillers.contains(w) { i += 1; continue }
            if let aside = emailAsides.first(where: { phrase in phrase.indices.allSatisfy { word(i + $0) == phrase[$0] } }) {
                i += aside.count
                continue
            }
            var piece: String
            switch w {
            case "at":
                if sawAt { return nil }
                sawAt = true
                piece = "@"
                if word(i + 1) == "sign" || word(i + 1) == "symbol" { i += 1 }
            case "dot", "point":
                piece = "."
            case "full" where word(i + 1) == "stop":
                piece = "."
                i += 1
            default:
                if let symbol = SpokenWords.symbols[w] {
                    piece = symbol
                } else if let n = SpokenWords.repeats[w] {
                    times = n
                    i += 1
                    continue
                } else if w != "o", let (number, used) = number(at: i, in: tokens) {
                    piece = number
                    i += used - 1
                } else {
                    piece = w.replacingOccurrences(of: "'", with: "")
                }
            }
            out += String(repeating: piece, count: times)
            times = 1
            i += 1
        }
        guard sawAt, let at = out.firstIndex(of: "@"), out[at...].contains("."), out.first != "@" else { return nil }
        return out
    }

    /// A number said in an address or a phone number, from token `i`: a digit word,
    /// "ten" to "nineteen", "twenty" to "ninety-nine", or digits. Returns its digits and
    /// how many tokens it used.
    static func number(at i: Int, in tokens: [SpokenToken]) -> (String, Int)? {
        let w = tokens[i].text
        if let d = SpokenWords.digits[w] { return (String(d), 1) }
        if let t = SpokenWords.teens[w] { return (String(t), 1) }
        if let t = SpokenWords.tens[w] {
            var k = i + 1
            if k < tokens.count && tokens[k].kind == .glue && tokens[k].text == "-" { k += 1 }
            if k < tokens.count, tokens[k].kind == .word, let d = SpokenWords.digits[tokens[k].text], d > 0,
               !["oh", "o"].contains(tokens[k].text) {
                return (String(t + d), k - i + 1)
            }
            return (String(t), 1)
        }
        if w == "hundred" { return ("00", 1) }
        if !w.isEmpty, w.utf8.allSatisfy({ $0 &- 0x30 < 10 }) { return (w, 1) }
        return nil
    }

    // MARK: - Digits and letters: phone numbers, postcodes, National Insurance numbers

    /// Letters and digits said one by one (or in numbers), written together with no
    /// spaces: "D E two three, five W Q" is DE235WQ, "plus four four seven..." +447... hedgerow:allow (made-up example)
    /// A capital O is the letter only among other letters (OL13 4ZS), zero otherwise. hedgerow:allow (made-up example)
    static func characters(_ tokens: [SpokenToken]) -> String? {
        var out: [Character] = []
        var ambiguousO: [Int] = []
        /// Lengths of `out` at each pause, where a number said in groups may end.
        var pauses: [Int] = []
        var times = 1
        var i = 0
        func word(_ k: Int) -> String? { k < tokens.count && tokens[k].kind == .word ? tokens[k].text : nil }
        while i < tokens.count {
            let t = tokens[i]
            guard t.kind == .word else {
                if t.kind == .pause { pauses.append(out.count) }
                i += 1
                continue
            }
            let w = t.text
            if SpokenWords.fillers.contains(w) { i += 1; continue }
            if let n = SpokenWords.repeats[w] { times = n; i += 1; continue }
            var piece: String
            if w == "plus" {
                piece = "+"
            } else if w == "o" && t.isCapital {
                ambiguousO.append(out.count)
                piece = "0"
            } else if let (number, used) = number(at: i, in: tokens) {
                piece = number
                i += used - 1
            } else if w.count == 1, let c = w.first, c.isLetter {
                piece = w.uppercased()
                // "L for Lima", "S as in Sierra", "x-ray": the word after only confirms the letter. hedgerow:allow (made-up example)
                var k = i + 1
                while k < tokens.count && tokens[k].kind != .word { k += 1 }
                if w == "x" && word(k) == "ray" {
                    i = k
                } else if word(k) == "for" || word(k) == "like" {
                    if let next = word(k + 1), next.first == c { i = k + 1 }
                } else if word(k) == "as" && word(k + 1) == "in" {
                    if let next = word(k + 2), next.first == c { i = k + 2 }
                } else if word(k) == "is" && word(k + 1) == "for" {
                    if let next = word(k + 2), next.first == c { i = k + 2 }
                }
            } else if let letter = SpokenWords.phonetic[w] {
                piece = String(letter)
            } else if w.utf8.allSatisfy({ $0 &- 0x30 < 10 || $0 &- 0x61 < 26 || $0 == 0x2B }) && w.utf8.contains(where: { $0 &- 0x30 < 10 }) {
                // Written among the words: "W1K", "+44", "07".
                piece = w.uppercased()
            } else {
                return nil
            }
            if times > 1 && piece.count != 1 { return nil }
            out += Array(String(repeating: piece, count: times))
            times = 1
            i += 1
        }
        guard !out.isEmpty else { return nil }
        if out.contains(where: { $0.isLetter }) {
            for k in ambiguousO { out[k] = "O" }
        }
        if out.allSatisfy({ $0.isNumber || $0 == "+" }) {
            // A phone number said in groups and then more words that read as digits ("...
            // six oh four, one more thing"): it ends at the pause that leaves 10 or 11 digits.
            // "plus four four, oh seven nine...": the trunk zero goes after the country code.
            if out.starts(with: Array("+440")) { out.remove(at: 3) }
            let national = out.first == "+" ? 2 : 0
            if out.count - national > 11, let end = pauses.last(where: { (10...11).contains($0 - national) }) {
                out = Array(out[..<end])
            }
            if isCounting(out) { return nil }
        }
        let value = String(out)
        // A postcode reads best with its space: outward code, then the last three.
        if isPostcodeShape(out) {
            return String(out.dropLast(3)) + " " + String(out.suffix(3))
        }
        return value
    }

    /// "zero one two three four five six...": counting aloud, not a number. Six digits
    /// in a row each one more (or less) than the last.
    static func isCounting(_ digits: [Character]) -> Bool {
        let values = digits.compactMap(\.wholeNumberValue)
        var up = 1, down = 1
        for k in values.indices.dropFirst() {
            up = values[k] == values[k - 1] + 1 ? up + 1 : 1
            down = values[k] == values[k - 1] - 1 ? down + 1 : 1
            if up >= 6 || down >= 6 { return true }
        }
        return false
    }

    static func isPostcodeShape(_ c: [Character]) -> Bool {
        guard (5...7).contains(c.count), c.last!.isLetter, c[c.count - 2].isLetter, c[c.count - 3].isNumber,
              c[0].isLetter, c.allSatisfy({ $0.isASCII && ($0.isNumber || $0.isUppercase) }) else { return false }
        return c.dropLast(3).contains(where: \.isNumber)
    }
}
