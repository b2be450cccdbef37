import PCRE2

/// A rule ready to run: its pattern JIT-compiled once and its validators resolved.
public final class CompiledRule: @unchecked Sendable {
    public let rule: Rule
    public let pattern: Pattern
    /// The pattern held to its start offset (`\G`), for `starts_at_word` and `keyword_lead` rules.
    let anchoredPattern: Pattern?
    /// The groups that may hold the value (`value`, `value2`, ... for alternatives), in
    /// order; empty when the whole match is the value.
    public let valueGroups: [Int]
    public let validators: [any Validator]
    /// Position in its rule set; findings sort by it when spans tie.
    public let index: Int
    /// `line_requires` and `after_keyword`, lower case, as bytes.
    let requiredLiterals: [[UInt8]]
    let literalsAfterKeyword: [[UInt8]]

    init(rule: Rule, index: Int) throws {
        self.rule = rule
        self.index = index
        priority = Self.priority(of: rule)
        requiredLiterals = rule.lineRequires.map { Array($0.lowercased().utf8) }
        literalsAfterKeyword = rule.afterKeyword.map { Array($0.lowercased().utf8) }
        var options: Pattern.Options = [.multiline]
        if rule.caseInsensitive { options.insert(.caseless) }
        if rule.boundedTime { options.insert(.useOffsetLimit) }
        do {
            pattern = try Pattern(rule.pattern, options: options)
        } catch let error as PCRE2Error {
            throw RuleProblem(rule: rule, message: "pattern does not compile: \(error)")
        }
        let anchors = rule.startsAtWord || rule.keywordLead != nil
        anchoredPattern = anchors ? try? Pattern("\\G(?:" + rule.pattern + ")", options: options) : nil
        if anchors && anchoredPattern == nil { throw RuleProblem(rule: rule, message: "pattern cannot be anchored") }
        let compiledPattern = pattern
        valueGroups = (["value"] + (2...9).map { "value\($0)" }).compactMap { compiledPattern.groupNumber(named: $0) }
        validators = try rule.validators.map { name in
            do { return try ValidatorRegistry.validator(named: name) } catch {
                throw RuleProblem(rule: rule, message: "\(error)")
            }
        } + (Self.checksFiller(rule) ? [FillerKeyValidator(prefixes: rule.keywords)] : [])
    }

    /// A provider's API-key rule (`secret.<provider>.…`) reports documentation and filler
    /// keys at low confidence (`FillerKeyValidator`), after its own validators.
    static func checksFiller(_ rule: Rule) -> Bool {
        guard rule.dataClass == .secret, rule.category == .apiKey, rule.decode == nil else { return false }
        let parts = rule.id.split(separator: ".")
        return parts.count >= 3 && parts[0] == "secret" && parts[1] != "generic"
    }

    /// Priority when two rules' findings overlap: specific rules beat generic ones. Worked
    /// out once: it is read for every finding.
    let priority: Int

    private static func priority(of rule: Rule) -> Int {
        if rule.id.containsBytes("generic") { return 0 }
        switch rule.category {
        case .privateKey, .apiKey, .connectionString: return 30
        case .cardNumber, .bankAccount, .nhsNumber, .niNumber: return 20
        case .password: return 15
        case .email, .dateOfBirth, .protectiveMarking: return 10
        case .phone, .postcode, .ip: return 5
        case .name, .address, .health: return 3
        default: return rule.dataClass == .secret ? 15 : 8  // a declared category: between the built-ins
        }
    }
}

/// A rule that cannot be used, with where it was defined.
public struct RuleProblem: Error, CustomStringConvertible, Equatable, Sendable {
    public let ruleID: String
    public let origin: String
    public let message: String
    public init(rule: Rule, message: String) { ruleID = rule.id; origin = rule.origin; self.message = message }
    public var description: String { "\(origin): rule \(ruleID): \(message)" }
}
