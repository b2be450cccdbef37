import Dispatch
import HedgerowLexicon

/// The word lists behind name, address and health detection, read once from the lists
/// embedded at build time (Rules/lexicon; sources and licences in docs/lexicon.md).
/// Each is built on first use; scans start building the name table on another core at once.
public enum Lexicon {
    static func text(_ name: String) -> String {
        BuiltinLexiconFiles.all.first { $0.path == name }?.text ?? ""
    }

    static func lines(_ name: String) -> [String] {
        text(name).split(whereSeparator: \.isNewline).map { String($0) }.filter { !$0.isEmpty }
    }

    /// Given names (tag 1), surnames (tag 2) and names that are also everyday or code
    /// words (tag 4: Will, Grace, Baker, Field) in one table, built in one pass. `matches`
    /// answers the name prefilter's question: a given name or surname, not a common word.
    public static let names = WordSet(lists: [(text("given-names.txt"), givenTag), (text("surnames.txt"), surnameTag),
                                              (text("common-words.txt"), commonTag)],
                                      filterKeeps: isNameWordTag)
    static let givenTag: UInt8 = 1, surnameTag: UInt8 = 2, commonTag: UInt8 = 4

    @Sendable static func isNameWordTag(_ tag: UInt8) -> Bool { tag & (givenTag | surnameTag) != 0 && tag & commonTag == 0 }

    /// Builds the name table on another core while the caller compiles its rules: it
    /// takes tens of milliseconds (200,000 names hashed), most of a small scan's start-up,
    /// and nearly every scan needs it. Whoever asks for `names` first waits for it.
    public static func prepareInBackground() {
        DispatchQueue.global(qos: .userInitiated).async { _ = names }
    }

    public static func isGivenName(_ word: String) -> Bool { names.tag(word) & givenTag != 0 }
    public static func isSurname(_ word: String) -> Bool { names.tag(word) & surnameTag != 0 }
    public static func isCommonWord(_ word: String) -> Bool { names.tag(word) & commonTag != 0 }
    /// A given name or surname and not a common word: evidence of a name on its own.
    public static func isNameWord(_ word: String) -> Bool { isNameWordTag(names.tag(word)) }
    /// Everyday English words (SCOWL, via Debian's wbritish-small; lower-case entries):
    /// a capitalised run of them after "Dear" or "I'm" is a phrase, not a person.
    public static let englishWords = WordSet(lines: text("english-words.txt"))
    /// Organisations, brands, products and places that look like people ("john lewis"),
    /// by their first word, so a candidate is checked against the few that could hold it.
    public static let notPeople: [String: [[String]]] = phrasesByWord(lines("not-people.txt"))
    /// UK cities, large towns and London districts, lower case: a name that is a place
    /// ("Bristol", "Manchester Piccadilly") needs more than a gazetteer hit.
    public static let places = WordSet(lines: text("places.txt"))
    /// Placeholder people of documentation and tests ("joe bloggs"), reported low.
    public static let placeholderPeople: Set<String> = Set(lines("placeholder-people.txt"))
    /// Street type words ("road", "lane", "rd"): the street-word prefilter and the address
    /// and name validators ask the same table.
    public static let streetTypes = WordSet(lines: text("street-types.txt"))
    /// Health terms (conditions, medications, status), lower case; rules use them through
    /// `{lexicon:health-terms}`.
    public static let healthTerms: [String] = lines("health-terms.txt")

    /// Every phrase under each of its words, so a phrase is found from any word of a
    /// candidate ("spencer" finds "marks and spencer").
    static func phrasesByWord(_ phrases: [String]) -> [String: [[String]]] {
        var index: [String: [[String]]] = [:]
        for phrase in phrases {
            let words = phrase.split(separator: " ").map(String.init)
            for word in Set(words) { index[word, default: []].append(words) }
        }
        return index
    }
}
