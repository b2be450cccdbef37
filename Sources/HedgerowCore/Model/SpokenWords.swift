/// The words people use when they say a value aloud: digits and numbers, ordinals,
/// months, the NATO spelling alphabet and the names of the symbols in an address.
/// Lower case; the tokens `SpokenTokens` makes are compared with these.
enum SpokenWords {
    /// A digit said as a word. "oh" and "o" are zero only where a number is being read.
    static let digits: [String: Int] = [
        "zero": 0, "oh": 0, "o": 0, "nought": 0, "nil": 0,
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    ]
    static let teens: [String: Int] = [
        "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
        "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    ]
    static let tens: [String: Int] = [
        "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60,
        "seventy": 70, "eighty": 80, "ninety": 90,
    ]
    /// "double seven" is 77, "triple oh" 000.
    static let repeats: [String: Int] = ["double": 2, "triple": 3, "treble": 3]

    /// Ordinals of the days of a month; "twenty-first" is "twenty" then "first".
    static let ordinals: [String: Int] = [
        "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
        "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
        "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
        "nineteenth": 19, "twentieth": 20, "thirtieth": 30,
    ]

    static let months = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december",
    ]
    /// A month name or its usual short form, as 1-12.
    static func month(_ word: String) -> Int? {
        if let i = months.firstIndex(of: word) { return i + 1 }
        let short = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        if word == "sept" { return 9 }
        return short.firstIndex(of: word).map { $0 + 1 }
    }

    /// The NATO/ICAO spelling alphabet, with the spellings people also write.
    static let phonetic: [String: Character] = [
        "alpha": "A", "alfa": "A", "bravo": "B", "charlie": "C", "delta": "D", "echo": "E",
        "foxtrot": "F", "golf": "G", "hotel": "H", "india": "I", "juliet": "J", "juliett": "J",
        "kilo": "K", "lima": "L", "mike": "M", "november": "N", "oscar": "O", "papa": "P",
        "quebec": "Q", "romeo": "R", "sierra": "S", "tango": "T", "uniform": "U", "victor": "V",
        "whiskey": "W", "whisky": "W", "xray": "X", "x-ray": "X", "yankee": "Y", "zulu": "Z",
    ]

    /// Symbols in a spoken e-mail address.
    static let symbols: [String: String] = [
        "dot": ".", "underscore": "_", "dash": "-", "hyphen": "-", "plus": "+",
    ]

    /// Hesitations a transcript keeps and a value never holds.
    static let fillers: Set<String> = ["erm", "um", "umm", "uh", "er", "err", "ah", "uhm", "hmm", "mm"]
}
