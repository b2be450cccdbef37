import Yams

/// Reads rule files (the schema in docs/rules.md) into `Rule` values. The same loader
/// serves the built-in rules, user rule files and custom rules in `.hedgerow.yml`.
public enum RuleLoader {
    /// Parses one rule file: a mapping with a `rules` list. `builtIn` files (embedded from
    /// Rules/, whose nesting a test checks) skip the nesting check every user file gets.
    public static func load(yaml: String, file: String, builtIn: Bool = false) throws -> [Rule] {
        guard let root = try parseYAML(yaml, file: file, checkNesting: !builtIn) else {
            throw YAMLProblem(file: file, line: nil, message: "empty rule file")
        }
        var top = try StrictMapping(root, file: file, what: "a rule file")
        guard let list = top.value("rules") else {
            throw YAMLProblem(file: file, line: top.line, message: "missing required key 'rules'")
        }
        let declared = try top.value("categories").map { try categories(from: $0, file: file) } ?? [:]
        try top.rejectUnknownKeys()
        return try rules(from: list, file: file, declared: declared)
    }

    /// A rule file's own categories (`categories:` list of `name`, `class`, `description`),
    /// by name with their class. A declared name is snake_case and not a built-in one.
    static func categories(from list: Node, file: String) throws -> [String: DataClass] {
        guard case let .sequence(sequence) = list else {
            throw YAMLProblem(file: file, line: list.mark?.line, message: "'categories' must be a list")
        }
        var out: [String: DataClass] = [:]
        for node in sequence {
            var map = try StrictMapping(node, file: file, what: "a category")
            let name = try map.string("name", required: true)!
            let className = try map.string("class", required: true)!
            _ = try map.string("description")
            try map.rejectUnknownKeys()
            guard name.range(of: "^[a-z][a-z0-9_]{1,40}$", options: .regularExpression) != nil else {
                throw YAMLProblem(file: file, line: map.line, message: "category '\(name)': names are snake_case (a-z, 0-9, _)")
            }
            guard Category(rawValue: name) == nil else {
                throw YAMLProblem(file: file, line: map.line, message: "category '\(name)' is built in; declare only new ones")
            }
            guard let dataClass = DataClass(rawValue: className) else {
                throw YAMLProblem(file: file, line: map.line, message: "category '\(name)': unknown class '\(className)' (personal-data or secret)")
            }
            out[name] = dataClass
        }
        return out
    }

    /// Parses a YAML sequence of rule mappings (also used for custom rules in config).
    static func rules(from list: Node, file: String, declared: [String: DataClass] = [:]) throws -> [Rule] {
        guard case let .sequence(sequence) = list else {
            throw YAMLProblem(file: file, line: list.mark?.line, message: "'rules' must be a list")
        }
        return try sequence.map { try rule(from: $0, file: file, declared: declared) }
    }

    static func rule(from node: Node, file: String, declared: [String: DataClass] = [:]) throws -> Rule {
        var map = try StrictMapping(node, file: file, what: "a rule")
        let line = map.line
        let id = try map.string("id", required: true)!
        func problem(_ message: String) -> YAMLProblem {
            YAMLProblem(file: file, line: line, message: "rule \(id): \(message)")
        }
        let categoryName = try map.string("category", required: true)!
        guard let category = Category(rawValue: categoryName) ?? declared[categoryName].map({ _ in Category(declared: categoryName) }) else {
            throw problem("unknown category '\(categoryName)' (one of: \((Category.allCases.map(\.rawValue) + declared.keys.sorted()).joined(separator: ", ")); declare new ones under 'categories')")
        }
        let className = try map.string("class", required: true)!
        guard let dataClass = DataClass(rawValue: className) else {
            throw problem("unknown class '\(className)' (personal-data or secret)")
        }
        if let declaredClass = declared[categoryName], declaredClass != dataClass {
            throw problem("category '\(categoryName)' is declared \(declaredClass.rawValue), but the rule's class is \(className)")
        }
        var confidence = Confidence.high
        if let text = try map.string("confidence") {
            guard let value = Confidence(rawValue: text) else { throw problem("confidence must be low, medium or high") }
            confidence = value
        }
        let pattern = Self.expandingLexicon(in: try map.string("pattern", required: true)!)
        let multiline = try map.bool("multiline") ?? false
        var decode: Encoding?
        if let name = try map.string("decode") {
            guard let encoding = Encoding(rawValue: name) else {
                throw problem("decode must be one of: \(Encoding.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            decode = encoding
        }
        let maxLength = try map.int("max_length") ?? (multiline ? 16_384 : 512)
        guard maxLength > 0, maxLength <= 65_536 else { throw problem("max_length must be between 1 and 65536") }
        var rule = Rule(
            id: id,
            name: try map.string("name", required: true)!,
            description: try map.string("description") ?? "",
            category: category,
            dataClass: dataClass,
            confidence: confidence,
            pattern: pattern,
            keywords: try map.strings("keywords").flatMap { Self.lexiconList($0) ?? [$0] },
            validators: try map.strings("validators"),
            multiline: multiline,
            maxLength: maxLength,
            caseInsensitive: try map.bool("case_insensitive") ?? false,
            examples: try map.strings("examples"),
            lowConfidenceExamples: try map.strings("low_confidence_examples"),
            negativeExamples: try map.strings("negative_examples"),
            references: try map.strings("references"),
            hint: try map.string("hint") ?? "",
            origin: line.map { "\(file):\($0)" } ?? file,
            decode: decode
        )
        if let text = try map.string("prefilter") {
            guard let prefilter = Prefilter(text) else { throw problem("prefilter must be digits:N, digits:N:not-timestamps, digits:N:numbers, digits:N:numbers-after-capitals, letters-digits, ipv4, inward-code, base64-line-end, ipv6 or name-word") }
            guard rule.keywords.isEmpty else { throw problem("a rule has keywords or a prefilter, not both") }
            guard !rule.multiline else { throw problem("a prefilter works line by line; multiline rules use keywords") }
            rule.prefilter = prefilter
        }
        rule.provider = try map.string("provider") ?? ""
        rule.revoke = try map.string("revoke") ?? ""
        rule.requiresHeader = try map.strings("requires_header").map { $0.lowercased() }
        rule.startsAtWord = try map.bool("starts_at_word") ?? false
        if rule.startsAtWord && (rule.keywords.isEmpty || rule.multiline) {
            throw problem("starts_at_word needs keywords and a single-line rule")
        }
        rule.keywordLead = try map.int("keyword_lead")
        if let lead = rule.keywordLead {
            guard lead >= 0 && lead <= 64 else { throw problem("keyword_lead must be 0 to 64") }
            // A multi-line rule may have a lead of 0 (every match starts at its keyword): it is
            // then tried at each hit alone, which keeps a file of many hits linear.
            guard (!rule.keywords.isEmpty || rule.prefilter == .nameWord) && (!rule.multiline || lead == 0) && !rule.startsAtWord else {
                throw problem("keyword_lead needs keywords (or the name-word prefilter) and a single-line rule without starts_at_word (a multi-line rule: 0 only)")
            }
        }
        rule.keywordsCapitalised = try map.bool("keywords_capitalised") ?? false
        if rule.keywordsCapitalised && rule.keywords.isEmpty { throw problem("keywords_capitalised needs keywords") }
        rule.keywordsAtWordStart = try map.bool("keywords_at_word_start") ?? false
        if rule.keywordsAtWordStart && rule.keywords.isEmpty { throw problem("keywords_at_word_start needs keywords") }
        rule.lineRequires = try map.strings("line_requires")
        rule.afterKeyword = try map.strings("after_keyword")
        rule.identifies = try map.strings("identifies")
        for (key, literals) in [("line_requires", rule.lineRequires), ("after_keyword", rule.afterKeyword)] where !literals.isEmpty {
            // after_keyword is looked for in the span after the hit, which a multi-line rule also has.
            guard !rule.keywords.isEmpty && (!rule.multiline || key == "after_keyword") else {
                throw problem(key == "line_requires" ? "line_requires needs keywords and a single-line rule" : "after_keyword needs keywords")
            }
            guard literals.allSatisfy({ !$0.isEmpty && $0.utf8.allSatisfy { $0 < 0x80 && $0 != 0x0A } }) else {
                throw problem("\(key) holds non-empty ASCII strings without newlines")
            }
        }
        if rule.keywords.contains(where: { $0.isEmpty }) { throw problem("keywords must not be empty strings") }
        try map.rejectUnknownKeys()
        return rule
    }

    /// `{lexicon:NAME}` in a pattern stands for the alternation of Rules/lexicon/NAME.txt
    /// (each line a literal phrase, its spaces any run of blanks), so a term list is data
    /// kept in one place and the rule file says only how the terms are used. The
    /// alternation is written as a trie (shared prefixes once), so PCRE2 follows one
    /// branch per character instead of trying six hundred terms at every position.
    static func expandingLexicon(in pattern: String) -> String {
        var result = pattern
        while let open = result.range(of: "{lexicon:"), let close = result[open.upperBound...].firstIndex(of: "}") {
            let name = String(result[open.upperBound..<close])
            let terms = Lexicon.lines(name + ".txt").map { Array($0) }
            result.replaceSubrange(open.lowerBound...close, with: "(?:" + trie(terms[...]) + ")")
        }
        return result
    }

    /// The terms (all sharing what came before) as nested alternations, longest first
    /// where one term is a prefix of another.
    static func trie(_ terms: ArraySlice<[Character]>) -> String {
        var groups: [Character: [[Character]]] = [:]
        var order: [Character] = []
        var ends = false
        for term in terms {
            guard let first = term.first else { ends = true; continue }
            if groups[first] == nil { order.append(first) }
            groups[first, default: []].append(Array(term.dropFirst()))
        }
        var branches = order.sorted().map { c -> String in
            let head = c == " " ? "[ \\t]+" : escapeLiteral(String(c))
            let rest = groups[c]!
            if rest.count == 1 { return head + rest[0].map { $0 == " " ? "[ \\t]+" : escapeLiteral(String($0)) }.joined() }
            return head + "(?:" + trie(rest[...]) + ")"
        }
        if ends { branches.append("") }
        return branches.joined(separator: "|")
    }

    /// A keyword `{lexicon:NAME}` stands for every term of the list: of each term, the
    /// word least likely to fill ordinary text (not one of the words code is full of,
    /// not shorter than four letters, then the longest), so a hit is found whatever
    /// blanks separate the words and the keyword pass is not flooded.
    static func lexiconList(_ keyword: String) -> [String]? {
        guard keyword.hasPrefix("{lexicon:"), keyword.hasSuffix("}") else { return nil }
        let name = String(keyword.dropFirst("{lexicon:".count).dropLast())
        var words = Set<String>()
        for term in Lexicon.lines(name + ".txt") {
            let parts: [String] = term.split { $0 == " " || $0 == "-" || $0 == "/" }.map(String.init)
            // Short words and abbreviations hit inside every other word ("c" of "hepatitis
            // c", "pre" of "pre-eclampsia"): taken only when the term has nothing longer.
            func score(_ w: String) -> Int {
                (codeWords.contains(w) ? -100 : 0) + (w.count < 4 ? -50 : 0) + w.count
            }
            // A one- or two-letter keyword ("st", "rd", "tb") would hit inside every other
            // word: such a term is found only where another keyword brings the rule.
            if let best = parts.max(by: { score($0) < score($1) }), best.count >= 3 { words.insert(best) }
        }
        return words.sorted()
    }

    /// Words that fill source code and technical text: never a keyword of a term list
    /// when the term has another word.
    static let codeWords: Set<String> = ["self", "back", "date", "user", "note", "signed", "access", "complex", "negative", "positive",
                                         "language", "terminal", "registered", "replacement", "identity", "life", "programme", "condition",
                                         "clinic", "failure", "sleep", "type", "high", "low", "test", "care", "work", "off", "due",
                                         "with", "for", "the", "and", "of", "to", "in", "on", "under", "end", "mini", "fit", "term", "long", "short"]

    static func escapeLiteral(_ text: String) -> String {
        var out = ""
        for c in text {
            if "\\^$.|?*+()[]{}".contains(c) { out.append("\\") }
            out.append(c)
        }
        return out
    }
}
