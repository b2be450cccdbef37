import Foundation

/// Judges a candidate person name by the evidence for it, since a name has no checksum.
///
/// Two kinds of evidence add up: the gazetteer (a token is a given name or surname from
/// population data) and context (a speaker tag, "my name is", a salutation, a title, a
/// `first_name` field, or an email on the line whose local part spells the name). Both is
/// high; one is medium; a capitalised run that only looks like a name is low. Known
/// non-people (companies named after people, products, places) are rejected, placeholder
/// people ("Joe Bloggs") are low, and code (a call, an attribute, a class) is rejected.
public struct PersonNameValidator: Validator {
    public enum Kind: String, Sendable {
        /// The rule's pattern carries context (a keyword rule): the context is given.
        case context
        /// After a title (Mr, Dr, Cllr): whatever capitalised word follows is a surname,
        /// even one that is also a word.
        case title
        /// A field or key that may hold a person's name or anything else (`name`): the
        /// gazetteer must agree, or it is no finding.
        case field
        /// The rule found a gazetteer word with nothing around it (the name-word prefilter).
        case gazetteer
        /// A surname in the string literal straight after a given name's literal
        /// (`Person("Luke", "Watts")`): the given name is found alone, and the surname, hedgerow:allow (made-up example)
        /// weak alone, is a name because of it.
        case pair
    }

    let kind: Kind

    public init(kind: Kind) { self.kind = kind }

    public func validate(_ candidate: Candidate) -> Verdict {
        let tokens = Self.tokens(of: candidate.value)
        guard !tokens.isEmpty else { return .reject("no name in it") }
        let lower = tokens.map(Self.normalised)
        if Self.isCode(candidate) { return .reject("code, not prose") }
        // "Bonne Journ\xe9e": a string escape straight after the last word is one of its
        // letters, so the word (and the name) is cut short.
        if ["\\x", "\\u", "\\N{", "\\U"].contains(where: { candidate.after.hasPrefix($0) }) {
            return .reject("a word cut short by a string escape")
        }
        if lower.count == 1 && lower[0].count <= 2 { return .reject("too short to be a name alone") }
        // "Hi Mom", "Dear Dad": a family word or an endearment in a name's place. hedgerow:allow (made-up example)
        if lower.count == 1 && Self.kin.contains(lower[0]) { return .reject("a family word, not a name") }
        // "Lima Sierra", "Delta Yankee": letters spelled with the phonetic alphabet.
        if lower.count > 1 && lower.allSatisfy(Self.phonetic.contains) { return .reject("the phonetic alphabet") }
        if Self.isNotAPerson(lower, candidate) { return .reject("an organisation, product or place") }
        if Self.isPlaceholderPerson(lower) {
            return .lower(.low, "a placeholder person")
        }
        if Self.isOrganisation(lower, after: candidate.after) { return .reject("an organisation or place") }
        // "Allan Lane", "Tom Close": a street named after a person is an address.
        if lower.count > 1, let last = lower.last, Lexicon.streetTypes.contains(last) { return .reject("a street") }
        let inGazetteer = lower.map { Self.inGazetteer($0) }
        let tags = lower.map { Lexicon.names.tag($0) }
        let uncommon = tags.map { $0 & Lexicon.commonTag == 0 }
        let given = tags.map { $0 & Lexicon.givenTag != 0 }
        // Every token an ordinary word and none a given name: "Dear Customer", "Hi Team",
        // "I'm Sorry", "Welcome Back". After a title an ordinary word is a surname all the
        // same (Dr Gibbons, Mrs Storey). hedgerow:allow (made-up example)
        if kind != .title && kind != .pair && Self.isPhrase(lower) { return .reject("ordinary words") }
        // Role labels in transcripts and forms ("Participant 2", "P13", "Interviewer").
        if lower.contains(where: { Self.roles.contains($0) || $0.contains(where: \.isNumber) }) { return .reject("a role, not a name") }
        switch kind {
        case .pair:
            return Self.judgePair(lower[0], candidate, given: given[0])
        case .context, .title:
            if lower.contains(where: { Self.calendar.contains($0) }) { return .reject("a month or day") }
            // "this is True", "This is Sendmail version 8.8.4": one everyday word, or a hedgerow:allow (made-up example)
            // product followed by its version, after a cue that also introduces things.
            if tokens.count == 1 && kind == .context {
                if Self.isEnglishWord(lower[0]) && !given[0] { return .reject("an everyday word") }
                // "when this is True", "if this is None": a condition, not an introduction.
                let cue = candidate.before.lowercased()
                if ["when this is ", "if this is ", "while this is ", "unless this is ", "whether this is "].contains(where: { cue.hasSuffix($0) }) {
                    return .reject("a condition in code or prose, not an introduction")
                }
                let next = candidate.after.lowercased().drop { $0 == " " }
                if next.hasPrefix("version") || next.hasPrefix("release") || next.first?.isNumber == true {
                    return .reject("a product and its version")
                }
            }
            if inGazetteer.contains(true) { return .accept }
            return .lower(.medium, "context only: no token is in the gazetteer")
        case .field:
            if inGazetteer.contains(true) { return .accept }
            return .reject("the field's value is not a name in the gazetteer")
        case .gazetteer:
            // A lone word must be a given name that is not an everyday word; a surname
            // alone ("Powell") or a common word is too weak without context.
            if lower.contains(where: { Self.calendar.contains($0) }) { return .reject("a month or day") }
            // A place first ("Manchester Piccadilly", "Bristol") is a place unless it is
            // also a given name followed by a surname, or a cue makes it a person.
            if Lexicon.places.contains(lower[0]) && !(tokens.count > 1 && given[0]) && !Self.strongCue(candidate.before) {
                return .reject("a place")
            }
            if tokens.count == 1 {
                guard given[0] && uncommon[0] else { return .reject("a lone surname or common word") }
                // A first name alone is a person only when the sentence treats it as one
                // ("ask Gregory", "Priya is off today"); otherwise it is as likely a hedgerow:allow (made-up example)
                // language, a place or a product (Julia, Jordan, Aurora).
                if !Self.personCue(before: candidate.before, after: candidate.after) {
                    return .lower(.low, "a first name alone, with nothing saying it is a person")
                }
            } else {
                // Every word after the first must be a name or at least not an everyday word
                // ("Victoria Station", "Florence Nightingale Hospital" are not people).
                for k in 1..<tokens.count where Lexicon.englishWords.contains(lower[k]) && !Lexicon.isSurname(lower[k]) {
                    return .reject("followed by an ordinary word")
                }
            }
            if Self.emailSpells(lower, candidate) || Self.contextBefore(candidate.before) { return .accept }
            // "J. Miles" is a person, "Plan B. Will" is not: an initial and a word that is
            // also an everyday word, with nothing else saying so, is kept low (a redacted
            // copy still takes it out; a scan report leaves it).
            if tokens.count >= 2 && lower[0].count == 2 && lower[0].hasSuffix(".")
                && lower[1].split(separator: "-").contains(where: { Lexicon.isCommonWord(String($0)) }) {
                return .lower(.low, "an initial and a surname that is also an everyday word")
            }
            // "a research centre in Palo Alto", "born in Harrow": after "in", a capitalised
            // name is a place more often than a person.
            if Self.afterIn(candidate.before) { return .lower(.low, "after \"in\": more often a place than a person") }
            if Self.amongUnknownWords(candidate) { return .lower(.low, "gazetteer only, in text with no English word or name around it") }
            return .lower(.medium, "gazetteer only: no context says it is a person")
        }
    }

    /// The surname of a literal pair: the literal before it must be a given name (the
    /// first word of the match) and the value a surname that is not also a given name
    /// (graph nodes and test users are lists of first names: "Dan", "Albert"); a common
    /// word in either place leaves it medium.
    static func judgePair(_ surname: String, _ c: Candidate, given valueIsGiven: Bool) -> Verdict {
        guard Lexicon.isSurname(surname) else { return .reject("not a surname") }
        if valueIsGiven { return .reject("also a given name: more likely a list of first names") }
        // The match opens with the quote, so the first run of letters is the given name.
        let first = c.match.split { !$0.isLetter }.first.map { normalised($0) } ?? ""
        guard Lexicon.isGivenName(first), !calendar.contains(first), !calendar.contains(surname) else {
            return .reject("the literal before it is not a given name")
        }
        if isPlaceholderPerson([first, surname]) { return .lower(.low, "a placeholder person") }
        if Lexicon.isCommonWord(first) || Lexicon.isCommonWord(surname) {
            return .lower(.medium, "a given name and a surname in literals side by side, one also an everyday word")
        }
        return .accept
    }

    /// A placeholder person of forms and test data ("Joe Bloggs", "John Doe").
    public static func isPlaceholderPerson(_ value: String) -> Bool { isPlaceholderPerson(tokens(of: value).map(normalised)) }

    static func isPlaceholderPerson(_ lower: [String]) -> Bool { Lexicon.placeholderPeople.contains(lower.joined(separator: " ")) }

    /// Lower case, curly apostrophes straight, a possessive "'s" dropped.
    static func normalised(_ token: Substring) -> String {
        var word = token.lowercased()
        while word.hasSuffix("'") || word.hasSuffix("\u{2019}") { word.removeLast() }
        if word.unicodeScalars.contains("\u{2019}") { word = String(word.map { $0 == "\u{2019}" ? "'" : $0 }) }
        if word.hasSuffix("'s") && word.count > 3 { word.removeLast(2) }
        return word
    }

    /// A given name or surname, also written without its apostrophe (O'Brien, OBrien).
    static func inGazetteer(_ word: String) -> Bool {
        if Lexicon.isGivenName(word) || Lexicon.isSurname(word) { return true }
        // Double-barrelled: each part on its own (Okonkwo-Hart).
        if word.contains("-") {
            return word.split(separator: "-").contains { inGazetteer(String($0)) }
        }
        // Without the apostrophe, as the census writes O'Brien.
        if word.contains("'") {
            let bare = String(word.filter { $0 != "'" })
            if Lexicon.isGivenName(bare) || Lexicon.isSurname(bare) { return true }
        }
        // Without accents, as the census lists write them (Siobhán, Zoë).
        guard !word.utf8.allSatisfy({ $0 < 0x80 }) else { return false }
        let plain = word.folding(options: .diacriticInsensitive, locale: nil)
        return plain != word && (Lexicon.isGivenName(plain) || Lexicon.isSurname(plain))
    }

    /// Words that end the names of organisations and places ("Thames Water", "Leeds
    /// General Infirmary", "Copperbeech Insurance team"): in the name or right after it.
    static let organisationWords: Set<String> = [
        "ltd", "limited", "plc", "llp", "inc", "group", "holdings", "partners", "associates", "company", "co", "bank", "building",
        "society", "insurance", "energy", "water", "telecom", "pharmacy", "health", "healthcare", "housing", "homes", "council",
        "services", "service", "trust", "foundation", "charity", "university", "college", "school", "academy", "hospital",
        "infirmary", "clinic", "surgery", "practice", "centre", "center", "station", "airport", "park", "team", "department",
        "office", "ministry", "agency", "authority", "board", "committee", "network", "solutions", "systems", "technologies",
        "consulting", "media", "studios", "store", "stores", "shop", "cafe", "restaurant", "hotel", "club", "church", "cathedral",
        "museum", "gallery", "library", "stadium", "bridge", "street", "road", "square", "way", "lane",
    ]

    static func isOrganisation(_ lower: [String], after: String) -> Bool {
        if let last = lower.last, organisationWords.contains(last) { return true }
        let next = after.drop { $0 == " " || $0 == "\t" }.prefix { $0.isLetter }.lowercased()
        return !next.isEmpty && organisationWords.contains(next)
    }

    /// Everyday words, not a name: "Customer", "Shared Memory", "Hello World". A given
    /// name alone ("Grace") or a given name and surname ("Grace Baker") is still a name. hedgerow:allow (made-up example)
    static func isPhrase(_ lower: [String]) -> Bool {
        guard lower.allSatisfy({ Lexicon.englishWords.contains($0) || Lexicon.isCommonWord($0) || calendar.contains($0) }) else { return false }
        guard Lexicon.isGivenName(lower[0]) else { return true }
        return lower.count > 1 && !Lexicon.isSurname(lower[lower.count - 1])
    }

    /// The name's words: runs of letters, apostrophes and hyphens; titles and initials dropped.
    static func tokens(of value: String) -> [Substring] {
        value.split { $0 == " " || $0 == "\t" || $0 == "," }.filter { token in
            guard token.count > 1 else { return false }
            var lower = token.lowercased()
            if lower.hasSuffix(".") { lower.removeLast() }
            return !titles.contains(lower) && !particles.contains(lower)
        }
    }

    /// An everyday word, also when written with accents for effect ("Hello Wörld").
    static func isEnglishWord(_ word: String) -> Bool {
        if Lexicon.englishWords.contains(word) { return true }
        guard !word.utf8.allSatisfy({ $0 < 0x80 }) else { return false }
        return Lexicon.englishWords.contains(word.folding(options: .diacriticInsensitive, locale: nil))
    }

    static func afterIn(_ before: String) -> Bool {
        let tail = before.suffix(4).lowercased()
        return tail == " in " || (tail.hasSuffix("in ") && before.count == 3)
    }

    /// Family words and endearments that stand where a name would ("Hi Mum", "Thanks Dad").
    static let kin: Set<String> = ["mom", "mum", "mam", "mommy", "mummy", "mother", "dad", "daddy", "father", "nan", "nana", "nanna",
                                   "gran", "granny", "grandma", "grandpa", "grandad", "granddad", "grandmother", "grandfather",
                                   "auntie", "aunty", "aunt", "uncle", "sis", "bro", "babe", "darling", "sweetie", "honey", "mate",
                                   "pal", "buddy", "folks", "guys", "everyone", "all"]

    /// Whether the words on the candidate's line (four at least) hold no English word and no
    /// name: encoded or foreign text (rot13 of "The Zen of Python" in `this.py`), where a
    /// capitalised word that happens to be a name is weak evidence of a person.
    static func amongUnknownWords(_ c: Candidate) -> Bool {
        // Words of prose only: a token with punctuation inside (a URL, an address, a path,
        // an identifier) says nothing about the language of the text. Read as bytes: this
        // runs for most lone gazetteer names, a transcript's every utterance among them.
        let text = Array(c.before.utf8.suffix(80)) + [0x20] + Array(c.after.utf8.prefix(80))
        @inline(__always) func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 }
        @inline(__always) func isPunctuation(_ b: UInt8) -> Bool { b > 0x20 && b < 0x7F && (b | 0x20) &- 0x61 >= 26 && b &- 0x30 >= 10 }
        return text.withUnsafeBufferPointer { bytes in
            var words = 0, i = 0
            while i < bytes.count {
                while i < bytes.count && isSpace(bytes[i]) { i += 1 }
                var end = i
                while end < bytes.count && !isSpace(bytes[end]) { end += 1 }
                var start = i, stop = end
                i = end
                while start < stop && isPunctuation(bytes[start]) { start += 1 }
                while stop > start && isPunctuation(bytes[stop - 1]) { stop -= 1 }
                guard stop - start >= 2, bytes[start..<stop].allSatisfy({ ($0 | 0x20) &- 0x61 < 26 }) else { continue }
                words += 1
                let word = bytes.baseAddress! + start, count = stop - start
                // Two-letter "names" are mostly noise in the census lists ("ol", "bo").
                if Lexicon.englishWords.contains(word, count: count) || (count > 2 && Lexicon.names.tag(word, count: count) != 0) {
                    return false
                }
            }
            return words >= 4
        }
    }

    static let roles: Set<String> = ["participant", "interviewer", "facilitator", "moderator", "speaker", "researcher", "observer",
                                     "guest", "unknown", "host", "caller", "agent", "customer", "respondent", "notetaker", "team", "admin"]
    static let calendar: Set<String> = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
                                        "february", "march", "april", "may", "june", "july", "august", "september", "october",
                                        "november", "december", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "jan", "feb",
                                        "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"]
    static let phonetic: Set<String> = ["alpha", "alfa", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india",
                                        "juliet", "juliett", "kilo", "lima", "mike", "november", "oscar", "papa", "quebec", "romeo",
                                        "sierra", "tango", "uniform", "victor", "whiskey", "whisky", "xray", "x-ray", "yankee", "zulu"]
    static let titles: Set<String> = ["mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "cllr", "councillor", "sir", "dame", "lady", "lord", "rev", "revd", "reverend"]
    static let particles: Set<String> = ["van", "der", "den", "von", "de", "da", "di", "del", "della", "du", "le", "la", "ap", "ab", "bin", "ibn", "bint", "al", "el", "ní", "nic", "mac", "ó", "o"]

    /// Words just before the value that say a person follows.
    static let cues = ["called ", "named ", "dear ", "hi ", "hello ", "thanks ", "thank you ", "spoke to ", "speaking to ",
                       "spoke with ", "talked to ", "contact ", "regards ", "name is ", "name's ", "name, ", "i'm ", "i am ", "this is ", "cc "]

    /// Words around a lone first name that make it a person: a preposition or verb of
    /// speaking before it, a verb or pronoun after it.
    static let cueBefore = ["to ", "with ", "for ", "ask ", "asked ", "tell ", "told ", "thanks ", "thank ", "from ", "cc ", "and ",
                            "called ", "named ", "dear ", "hi ", "hello ", "spoke to ", "by "]
    static let cueAfter = [" said", " says", " told", " rang", " phoned", " emailed", " called", " is off", " was ", " will ", " has ",
                           " had ", " who ", ", he ", ", she ", " he ", " she ", " and i ", " at the ", " in billing", " to send",
                           " to call", " to ring", " is on ", " is away", " is out", " thinks", " wants", " asked"]

    /// Cues that make even a place name a person ("ask Chester", "Dear Bristol" is odd but a person). hedgerow:allow (made-up example)
    static let strongCues = ["ask ", "asked ", "tell ", "told ", "thanks ", "thank ", "dear ", "hi ", "hello ", "spoke to ", "speak to ",
                             "speaking to ", "called ", "named "]

    static func strongCue(_ before: String) -> Bool {
        let head = before.suffix(12).lowercased()
        return strongCues.contains { head.hasSuffix($0) }
    }

    static func personCue(before: String, after: String) -> Bool {
        let head = before.suffix(12).lowercased()
        if cueBefore.contains(where: { head.hasSuffix($0) }) { return true }
        let tail = after.prefix(12).lowercased()
        return cueAfter.contains { tail.hasPrefix($0) }
    }

    static func contextBefore(_ before: String) -> Bool {
        let tail = before.suffix(16).lowercased()
        return cues.contains { tail.hasSuffix($0) }
    }

    /// An email on the line whose local part spells the name ("jane.smith@", "jsmith@").
    static func emailSpells(_ lower: [String], _ c: Candidate) -> Bool {
        guard lower.count >= 2, c.after.utf8.contains(0x40) || c.before.utf8.contains(0x40) else { return false }
        let line = (c.before + " " + c.after).lowercased()
        let first = lower[0], last = lower[lower.count - 1]
        for form in ["\(first).\(last)@", "\(first)_\(last)@", "\(first)\(last)@", "\(first.prefix(1))\(last)@", "\(first.prefix(1)).\(last)@", "\(first)-\(last)@"]
        where line.containsBytes(form) { return true }
        return false
    }

    /// Code, not prose: an attribute or call (`.Smith`, `Smith(`, `Smith.`), a declaration
    /// (`class Smith`, `def Smith`), or a value glued to an identifier.
    static func isCode(_ c: Candidate) -> Bool {
        let before = c.before, after = c.after
        if let last = before.last, last == "." || last == "_" || last == "$" || last == "@" || last == "#" || last == "/" || last == "\\" { return true }
        if let next = after.first, next == "(" || next == "_" || next == "[" || next == "{" { return true }
        if after.hasPrefix(".") && after.dropFirst().first.map({ $0.isLetter }) == true { return true }
        if after.hasPrefix("::") || after.hasPrefix("->") { return true }
        // A key, not a value: `"Sid": ...`, `Name: Value` in YAML keys written capitalised.
        if after.hasPrefix("\":") || after.hasPrefix("':") || after.hasPrefix("\" :") { return true }
        let tail = before.suffix(12)
        for keyword in ["class ", "def ", "import ", "struct ", "enum ", "interface ", "func ", "new ", "extends ", "implements "] where tail.hasSuffix(keyword) {
            return true
        }
        return false
    }

    /// The candidate, read with the words around it, is one of the known non-people
    /// ("Marks and Spencer", "John Lewis", "Victoria Station").
    static func isNotAPerson(_ lower: [String], _ c: Candidate) -> Bool {
        var phrases: [[String]] = []
        for word in Set(lower) { phrases += Lexicon.notPeople[word] ?? [] }
        guard !phrases.isEmpty else { return false }
        let around = (c.before.suffix(40) + " " + c.value + " " + c.after.prefix(40)).lowercased()
        let words = around.split { !$0.isLetter && $0 != "'" && $0 != "’" && $0 != "&" }.map(String.init)
        for phrase in phrases where phrase.count <= words.count {
            for start in 0...(words.count - phrase.count) where Array(words[start..<(start + phrase.count)]) == phrase {
                // The phrase must hold all of the candidate's words ("Spencer" in "Marks and
                // Spencer"), not just share one ("Sarah McDonald's" is a person). hedgerow:allow (made-up example)
                if lower.allSatisfy({ phrase.contains($0) }) { return true }
            }
        }
        return false
    }
}
