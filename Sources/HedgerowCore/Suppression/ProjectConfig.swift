import Yams

/// `.hedgerow.yml`: what a team decided about this repository. Read strictly: an unknown
/// key or a bad value is an error with its line, because a typo in an allow-list must not
/// silently widen or narrow what is reported.
public struct ProjectConfig: Sendable, Equatable {
    public var disabledRules: Set<String> = []
    /// Rules kept even though their category is disabled (`rules.enable`).
    public var enabledRules: Set<String> = []
    public var disabledCategories: Set<Category> = []
    /// Extra rule files, relative to the config file, in the schema of `Rules/`.
    public var ruleFiles: [String] = []
    /// gitignore-style globs relative to the config file's directory.
    public var exclude: [String] = []
    public var allow: [Allowance] = []
    /// `fingerprint_key:` the identity (`Fingerprinter.keyIdentity`, never the key) of the
    /// key the `allow` entries' fingerprints were made under. Under another key they cannot
    /// match, so a run under another key is refused rather than silently reporting them.
    public var fingerprintKey: String?
    public var minConfidence: Confidence?
    public var bulkThreshold: Int?
    public var sensitiveThreshold: Int?
    /// `attribution: fail`: published attributions (AUTHORS, copyright lines, trailers)
    /// fail a run like other findings. Default `report`: counted and summarised only.
    public var attributionFails = false
    /// `documents:`: whether archives and documents are opened, and their limits; nil keeps the defaults.
    public var documents: DocumentLimits?

    /// A judged false positive or accepted value, named by fingerprint so the value itself
    /// is never written down.
    public struct Allowance: Sendable, Equatable {
        public var fingerprint: String
        /// Limit to one rule; nil allows the value under any rule.
        public var rule: String?
        public var reason: String
    }

    public init() {}

    /// Whether a rule runs: not disabled by id, and not in a disabled category unless enabled by id.
    public func runs(_ rule: Rule) -> Bool {
        if disabledRules.contains(rule.id) { return false }
        return !disabledCategories.contains(rule.category) || enabledRules.contains(rule.id)
    }

    /// `knownRules` nil skips checking rule names (a first pass that only needs `rule_files`).
    public static func load(yaml: String, file: String, knownRules: Set<String>?) throws -> ProjectConfig {
        var config = ProjectConfig()
        guard let root = try parseYAML(yaml, file: file) else { return config }
        var top = try StrictMapping(root, file: file, what: "the configuration")
        if let version = try top.int("version"), version != 1 {
            throw YAMLProblem(file: file, line: top.line, message: "unsupported version \(version) (this hedgerow reads version 1)")
        }
        if let node = top.value("rules") {
            var rules = try StrictMapping(node, file: file, what: "'rules'")
            // The name is not repeated: a value pasted in by mistake could be a secret.
            for (i, id) in try rules.strings("disable").enumerated() {
                guard knownRules?.contains(id) ?? true else {
                    throw YAMLProblem(file: file, line: rules.value("disable")?.mark?.line, message: "item \(i + 1) of rules.disable is not a rule name (see `hedgerow rules list` for the names)")
                }
                config.disabledRules.insert(id)
            }
            // The name is not repeated: a value pasted in by mistake could be a secret.
            for (i, id) in try rules.strings("enable").enumerated() {
                guard knownRules?.contains(id) ?? true else {
                    throw YAMLProblem(file: file, line: rules.value("enable")?.mark?.line, message: "item \(i + 1) of rules.enable is not a rule name (see `hedgerow rules list` for the names)")
                }
                config.enabledRules.insert(id)
            }
            if let both = config.enabledRules.intersection(config.disabledRules).first {
                throw YAMLProblem(file: file, line: rules.line, message: "rule '\(both)' is both enabled and disabled")
            }
            try rules.rejectUnknownKeys()
        }
        if let node = top.value("categories") {
            var categories = try StrictMapping(node, file: file, what: "'categories'")
            for name in try categories.strings("disable") {
                guard let category = Category(rawValue: name) else {
                    throw YAMLProblem(file: file, line: categories.value("disable")?.mark?.line,
                                      message: "unknown category '\(name)' (one of: \(Category.allCases.map(\.rawValue).joined(separator: ", ")))")
                }
                config.disabledCategories.insert(category)
            }
            try categories.rejectUnknownKeys()
        }
        config.ruleFiles = try top.strings("rule_files")
        config.exclude = try top.strings("exclude")
        if let text = try top.string("min_confidence") {
            guard let confidence = Confidence(rawValue: text) else {
                throw YAMLProblem(file: file, line: top.value("min_confidence")?.mark?.line, message: "min_confidence must be low, medium or high")
            }
            config.minConfidence = confidence
        }
        if let text = try top.string("attribution") {
            guard text == "report" || text == "fail" else {
                throw YAMLProblem(file: file, line: top.value("attribution")?.mark?.line, message: "attribution must be report or fail")
            }
            config.attributionFails = text == "fail"
        }
        if let text = try top.string("fingerprint_key") {
            guard text.count == 12, text.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else {
                throw YAMLProblem(file: file, line: top.value("fingerprint_key")?.mark?.line, message: "fingerprint_key must be a key identity (12 hex digits, as `hedgerow baseline create` and reports show it), never the key itself")
            }
            config.fingerprintKey = text
        }
        if let node = top.value("severity") {
            var severity = try StrictMapping(node, file: file, what: "'severity'")
            config.bulkThreshold = try severity.int("bulk_threshold")
            config.sensitiveThreshold = try severity.int("sensitive_threshold")
            for (name, value) in [("bulk_threshold", config.bulkThreshold), ("sensitive_threshold", config.sensitiveThreshold)] {
                if let value, value < 1 { throw YAMLProblem(file: file, line: severity.line, message: "severity.\(name) must be 1 or more") }
            }
            try severity.rejectUnknownKeys()
        }
        if let node = top.value("documents") {
            var section = try StrictMapping(node, file: file, what: "'documents'")
            var limits = DocumentLimits()
            if let on = try section.bool("enabled") { limits.enabled = on }
            let numbers: [(String, Int?)] = [
                ("max_expanded_mb", try section.int("max_expanded_mb")), ("max_ratio", try section.int("max_ratio")),
                ("max_depth", try section.int("max_depth")), ("max_members", try section.int("max_members")),
            ]
            for (name, value) in numbers {
                guard let value else { continue }
                guard value >= 1 else { throw YAMLProblem(file: file, line: section.line, message: "documents.\(name) must be 1 or more") }
                switch name {
                case "max_expanded_mb": limits.maxExpandedBytes = value << 20
                case "max_ratio": limits.maxRatio = value
                case "max_depth": limits.maxDepth = value
                default: limits.maxMembers = value
                }
            }
            try section.rejectUnknownKeys()
            config.documents = limits
        }
        if let node = top.value("allow") {
            guard case let .sequence(items) = node else {
                throw YAMLProblem(file: file, line: node.mark?.line, message: "'allow' must be a list of {fingerprint, rule, reason}")
            }
            for item in items {
                var entry = try StrictMapping(item, file: file, what: "an allow entry")
                let fingerprint = try entry.string("fingerprint", required: true)!
                guard fingerprint.hasPrefix("hr1:"), fingerprint.count == 36 else {
                    throw YAMLProblem(file: file, line: entry.line, message: "an allow entry's fingerprint is not a hedgerow fingerprint (hr1: and 32 hex digits; copy it from a report)")
                }
                let rule = try entry.string("rule")
                if let rule, !(knownRules?.contains(rule) ?? true) {
                    throw YAMLProblem(file: file, line: entry.line, message: "an allow entry names an unknown rule (see `hedgerow rules list` for the names)")
                }
                guard let reason = try entry.string("reason"), !reason.isEmpty else {
                    throw YAMLProblem(file: file, line: entry.line, message: "an allow entry needs a 'reason' (why this value is acceptable)")
                }
                try entry.rejectUnknownKeys()
                config.allow.append(Allowance(fingerprint: fingerprint, rule: rule, reason: reason))
            }
        }
        try top.rejectUnknownKeys()
        return config
    }
}
