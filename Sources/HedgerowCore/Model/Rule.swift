/// A detection rule as written in a rule file: data, not code. Compiled into
/// `CompiledRule` before scanning.
public struct Rule: Sendable, Equatable {
    public var id: String
    public var name: String
    public var description: String
    public var category: Category
    public var dataClass: DataClass
    /// Confidence before validators adjust it.
    public var confidence: Confidence
    /// PCRE2 syntax; a group named `value` marks the value when the match carries context.
    public var pattern: String
    /// Literal strings, one of which must occur (case-insensitively) near a match.
    /// Empty means the pattern runs over all text.
    public var keywords: [String]
    /// Names of Swift validators run on each match, in order.
    public var validators: [String]
    /// True for rules whose matches span lines (PEM blocks).
    public var multiline: Bool
    /// Longest match the rule can produce, in bytes; bounds the work per candidate.
    public var maxLength: Int
    public var caseInsensitive: Bool
    public var examples: [String]
    public var lowConfidenceExamples: [String]
    public var negativeExamples: [String]
    public var references: [String]
    public var hint: String
    /// Who issued the credential ("GitHub", "GOV.UK Notify"): incident records name them in
    /// the rotation steps. Empty for personal-data rules.
    public var provider: String = ""
    /// Where or how to revoke the credential: the provider's page or a command. Records
    /// put it in the containment steps, so a responder does not have to look it up.
    public var revoke: String = ""
    /// Set on decoder rules: the pattern finds encoded text, which is decoded and scanned
    /// with the other rules; such a rule reports nothing of its own.
    public var decode: Encoding?
    /// A user's rule (`--rules`, the configuration's rule files): nobody has reviewed its
    /// cost, so the scanner bounds it, searching in slices of start positions with a time
    /// budget per window (`ScanEngine.ruleBudget`). Built-in rules are bounded by review.
    public var boundedTime = false
    /// For rules without keywords: a byte scan that finds where a match could be.
    public var prefilter: Prefilter?
    /// The rule only runs on input whose table header (first line, or a SQL COPY column
    /// list) contains one of these, lower case: column-context rules skip everything else.
    public var requiresHeader: [String] = []
    /// Every match starts where the run of letters, digits, `_`, `.` and `-` holding one of
    /// its keywords starts (`db_password = ...`): the pattern is then tried once, anchored
    /// there, per keyword hit instead of at every position of the line.
    public var startsAtWord = false
    /// Every match starts at most this many bytes before one of its keywords (on the same
    /// line): the pattern is tried, anchored, at each of those few positions per hit.
    public var keywordLead: Int?
    /// Every match holds one of these (ASCII letters compared case-insensitively): a
    /// keyword hit whose line holds none is passed over without running the pattern. The
    /// keywords of the prose password rule ("token", "secret") fill code; its matches
    /// need a backtick or "-p" as well, which almost no such line has.
    public var lineRequires: [String] = []
    /// Every match holds one of these after a keyword it holds (the `=` of `token = ...`):
    /// a hit with none of them between it and its line end is passed over. Half the
    /// "token" hits in code name a value ("kind: token") and have nothing after them.
    public var afterKeyword: [String] = []
    /// A keyword hit counts only where the text has it capitalised at the start of a word
    /// ("Lane" in "14 Mill Lane", "Dear"): street types and salutations are everyday words hedgerow:allow (made-up example)
    /// in code ("lane", "close()", "view"), where they are never capitalised at a word start.
    public var keywordsCapitalised = false
    /// A keyword hit counts only at the start of a word (no letter, digit or underscore
    /// before it): "hiv" in "archive" and "std" in "mystdout" are passed over unread.
    public var keywordsAtWordStart = false
    /// The secret rules whose value this rule's value identifies (an AWS access key ID
    /// for the secret access key, a Twilio account SID for the auth token): a finding of
    /// each half within `PairedValue.nearbyLines` of the other names it (`pairedWith`).
    public var identifies: [String] = []
    /// Where the rule was defined, for error messages ("Rules/secrets/aws.yml:12").
    public var origin: String

    public init(
        id: String, name: String, description: String = "", category: Category, dataClass: DataClass,
        confidence: Confidence = .high, pattern: String, keywords: [String] = [], validators: [String] = [],
        multiline: Bool = false, maxLength: Int = 512, caseInsensitive: Bool = false,
        examples: [String] = [], lowConfidenceExamples: [String] = [], negativeExamples: [String] = [],
        references: [String] = [], hint: String = "", origin: String = "", decode: Encoding? = nil
    ) {
        self.decode = decode
        self.id = id; self.name = name; self.description = description; self.category = category
        self.dataClass = dataClass; self.confidence = confidence; self.pattern = pattern
        self.keywords = keywords; self.validators = validators; self.multiline = multiline
        self.maxLength = maxLength; self.caseInsensitive = caseInsensitive; self.examples = examples
        self.lowConfidenceExamples = lowConfidenceExamples; self.negativeExamples = negativeExamples
        self.references = references; self.hint = hint; self.origin = origin
    }
}
