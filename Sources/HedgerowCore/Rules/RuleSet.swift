/// The rules a scan runs, compiled, with the keyword index that decides which rules
/// need to look at which bytes. Immutable and shared by all scanning threads.
public final class RuleSet: @unchecked Sendable {
    public let rules: [CompiledRule]
    let keywords: KeywordIndex
    /// Rules with neither keywords nor a prefilter, run over all text.
    let unfilteredRules: [Int]
    /// Rules whose candidate positions come from a prefilter byte scan.
    let prefilteredRules: [Int]
    /// Whether any rule decodes encoded text (and so needs a nested scanner).
    public let hasDecoders: Bool
    /// The longest match any rule can produce; sets chunk overlap.
    public let maxMatchLength: Int
    /// Each rule's position by id: findings in decoded text come back by id, one lookup each.
    private let indexByID: [String: Int]
    /// For each rule, the rules whose findings pair with its own (`Rule.identifies`, both ways).
    let partners: [[Int]]

    /// Compiles every rule; collects every problem rather than stopping at the first.
    public init(_ definitions: [Rule]) throws {
        var compiled: [CompiledRule] = []
        var problems: [RuleProblem] = []
        var seen: Set<String> = []
        for rule in definitions {
            if !seen.insert(rule.id).inserted {
                problems.append(RuleProblem(rule: rule, message: "duplicate rule id"))
                continue
            }
            do { compiled.append(try CompiledRule(rule: rule, index: compiled.count)) } catch let p as RuleProblem {
                problems.append(p)
            }
        }
        if !problems.isEmpty { throw RuleSetProblems(problems: problems) }
        rules = compiled
        // SQL COPY lines are found with the keywords, in the same pass (see `ScanEngine.copySlot`).
        keywords = KeywordIndex(rules: definitions.filter { seen.contains($0.id) }, extra: [ScanEngine.copyKeyword])
        unfilteredRules = compiled.filter { $0.rule.keywords.isEmpty && $0.rule.prefilter == nil }.map(\.index)
        prefilteredRules = compiled.filter { $0.rule.prefilter != nil }.map(\.index)
        hasDecoders = compiled.contains { $0.rule.decode != nil }
        maxMatchLength = compiled.map(\.rule.maxLength).max() ?? 512
        let byID = Dictionary(uniqueKeysWithValues: compiled.map { ($0.rule.id, $0.index) })
        indexByID = byID
        var partners = [[Int]](repeating: [], count: compiled.count)
        for rule in compiled {
            for id in rule.rule.identifies {
                // A rule set without the secret rule (a rule check of one rule) pairs nothing.
                guard let other = byID[id], other != rule.index else { continue }
                partners[rule.index].append(other)
                partners[other].append(rule.index)
            }
        }
        self.partners = partners
    }

    public func rule(id: String) -> CompiledRule? { index(of: id).map { rules[$0] } }

    /// The position of the rule with this id, if the set has it.
    func index(of id: String) -> Int? { indexByID[id] }
}

/// Every problem found while compiling a rule set.
public struct RuleSetProblems: Error, CustomStringConvertible {
    public let problems: [RuleProblem]
    public var description: String { problems.map(\.description).joined(separator: "\n") }
}
