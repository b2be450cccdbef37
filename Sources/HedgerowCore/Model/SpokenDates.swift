/// A date said aloud, written as "3 March 1984": "the third of March nineteen
/// eighty-four", "3rd March 84", "March the third, two thousand and eleven", "the
/// twenty-first of June 1990". Two-digit years follow the date-of-birth validator's
/// reading (31 and above are 19xx).
enum SpokenDates {
    /// Words that join the parts of a spoken date and say nothing themselves.
    static let joiners: Set<String> = ["the", "of", "on", "and", "in", "year"]

    static func render(_ allWords: [String]) -> String? {
        let words = allWords.filter { !joiners.contains($0) && !SpokenWords.fillers.contains($0) }
        guard let m = words.firstIndex(where: { SpokenWords.month($0) != nil }), let month = SpokenWords.month(words[m]) else { return nil }
        var before = Array(words[..<m]), after = Array(words[(m + 1)...])
        if before.isEmpty {
            // Month first: "March the third, 2011", "March 3rd 84".
            let used = after.count >= 2 && SpokenWords.tens[after[0]] != nil && unitOrdinal(after[1]) != nil ? 2 : 1
            guard after.count > used else { return nil }
            before = Array(after[..<used])
            after = Array(after[used...])
        }
        guard let day = day(before), (1...31).contains(day), let year = year(after) else { return nil }
        let name = SpokenWords.months[month - 1]
        return "\(day) \(name.prefix(1).uppercased() + name.dropFirst()) \(year)"
    }

    /// True when some part of the date was said in words (or with a two-digit year, which
    /// the date rules cannot read): otherwise the date is written, "3rd March 1984", and is
    /// passed on as written, so a date rule that also reads it reports the same value.
    static func isSaid(_ allWords: [String]) -> Bool {
        allWords.contains { SpokenWords.ordinals[$0] != nil || SpokenWords.digits[$0] != nil
            || SpokenWords.teens[$0] != nil || SpokenWords.tens[$0] != nil || $0 == "thousand" || $0 == "hundred" }
            || allWords.last?.count == 2
    }

    /// A written date without its joining words: "the 21st of April, 1959" is
    /// "21st April 1959", letters kept as they were.
    static func written(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\n" || $0 == "\t" })
            .filter { !joiners.contains($0.lowercased()) }
            .joined(separator: " ")
    }

    /// An ordinal or number of 1-9 ("first", "three", "3rd"), for the unit of "twenty-first".
    static func unitOrdinal(_ w: String) -> Int? {
        if let n = SpokenWords.ordinals[w], n < 10 { return n }
        if let n = SpokenWords.digits[w], n > 0, w != "oh", w != "o" { return n }
        return nil
    }

    static func day(_ words: [String]) -> Int? {
        switch words.count {
        case 1:
            let w = words[0]
            if let n = SpokenWords.ordinals[w] ?? SpokenWords.teens[w] ?? SpokenWords.tens[w] { return n }
            if let n = unitOrdinal(w) { return n }
            // "3rd", "21st", "3".
            let digits = w.prefix { $0.isASCII && $0.isNumber }
            let suffix = w.dropFirst(digits.count)
            guard (1...2).contains(digits.count), ["", "st", "nd", "rd", "th"].contains(String(suffix)) else { return nil }
            return Int(digits)
        case 2:
            guard let tens = SpokenWords.tens[words[0]], let unit = unitOrdinal(words[1]) else { return nil }
            return tens + unit
        default:
            return nil
        }
    }

    /// "nineteen eighty-four", "nineteen oh five", "nineteen hundred", "two thousand",
    /// "two thousand and eleven", "twenty twenty-one", "1990", "84", "'84".
    static func year(_ words: [String]) -> Int? {
        guard !words.isEmpty else { return nil }
        if words.count == 1, words[0].allSatisfy({ $0.isASCII && $0.isNumber }) {
            let n = Int(words[0]) ?? -1
            if words[0].count == 4 { return n }
            if words[0].count == 2 { return n + (n > 30 ? 1900 : 2000) }
            return nil
        }
        if let t = words.firstIndex(of: "thousand") {
            guard t == 1, let lead = SpokenWords.digits[words[0]], lead > 0 else { return nil }
            let rest = Array(words[(t + 1)...])
            if rest.isEmpty { return lead * 1000 }
            guard let chunks = chunks(rest), chunks.count == 1 else { return nil }
            return lead * 1000 + chunks[0]
        }
        guard let chunks = chunks(words), chunks.count == 2, (18...20).contains(chunks[0]) else { return nil }
        return chunks[0] * 100 + chunks[1]
    }

    /// Two-digit pieces: "eighty four" is 84, "oh five" 5, "hundred" 0, "nineteen" 19.
    static func chunks(_ words: [String]) -> [Int]? {
        var out: [Int] = []
        var i = 0
        while i < words.count {
            let w = words[i]
            if let t = SpokenWords.teens[w] {
                out.append(t)
            } else if let t = SpokenWords.tens[w] {
                if i + 1 < words.count, let d = SpokenWords.digits[words[i + 1]], d > 0, words[i + 1] != "oh", words[i + 1] != "o" {
                    out.append(t + d)
                    i += 1
                } else {
                    out.append(t)
                }
            } else if ["oh", "o", "zero", "nought"].contains(w), i + 1 < words.count, let d = SpokenWords.digits[words[i + 1]], d > 0 {
                out.append(d)
                i += 1
            } else if w == "hundred" {
                out.append(0)
            } else if let d = SpokenWords.digits[w], d > 0, out.isEmpty == false {
                out.append(d)
            } else {
                return nil
            }
            i += 1
        }
        return out
    }
}
