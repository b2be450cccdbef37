import Foundation
import HedgerowCore
import HedgerowInputs

/// What every kind of run needs before it reads input: the project configuration, the
/// compiled rules, the keyed fingerprinter and the suppressions. Building them can fail
/// on a bad rule file, configuration or baseline, which is exit 2.
struct RunSetup {
    let ruleSet: RuleSet
    let fingerprinter: Fingerprinter
    let suppressor: Suppressor
    /// Path excludes from the configuration, relative to `configBase`.
    let excludes: IgnoreRules
    let configBase: String?
    /// The configuration's `attribution: fail`: attributions count as findings.
    let attributionFails: Bool
    /// A warning for runs with findings when the configuration's allow entries carry no
    /// `fingerprint_key` (nil when they do, or there are none).
    let unkeyedAllowNote: String?
    /// Set when the fingerprint key could not be saved and holds for this run only.
    let keyWarning: String?
    /// Per-rule counters summed over every scanner of the run, for `--stats`.
    let statistics: StatisticsTotal
    /// When the run started, for the statistics' wall time.
    let started = Date()
    /// The options after the configuration filled in what the command line left open.
    var options: ScanOptions

    /// `searchFrom` nil: only a `--config` file applies (audits never trust a scanned
    /// repository's own configuration, which could silence its own findings).
    init(_ given: ScanOptions, searchFrom: String?) throws {
        Lexicon.prepareInBackground()
        var options = given
        let found = try searchFrom.map { try ConfigFile.locate(explicit: options.matching.configPath, from: $0) }
            ?? options.matching.configPath.flatMap { try ConfigFile.locate(explicit: $0, from: ".") }
        var config = ProjectConfig()
        var rules = try BuiltinRules.load() + Self.loadRuleFiles(options.matching.extraRuleFiles)
        if let found {
            let text = try ConfigFile.read(found.path)
            // Rule files named by the configuration are part of the known rules it may refer to.
            let draft = try ProjectConfig.load(yaml: text, file: found.path, knownRules: nil)
                .ruleFiles.map { ($0 as NSString).isAbsolutePath ? $0 : found.base + "/" + $0 }
            rules += try Self.loadRuleFiles(draft)
            config = try ProjectConfig.load(yaml: text, file: found.path, knownRules: Set(rules.map(\.id)))
        }
        rules.removeAll { !config.runs($0) }
        if options.matching.minConfidence == nil { options.matching.minConfidence = config.minConfidence }
        if options.reporting.bulkThreshold == nil, let n = config.bulkThreshold { options.reporting.policy.bulkThreshold = n }
        if options.reporting.sensitiveThreshold == nil, let n = config.sensitiveThreshold { options.reporting.policy.sensitiveThreshold = n }
        if let limits = config.documents {
            // `--no-documents` on the command line wins over the configuration.
            let allowed = options.inputs.documents.enabled
            options.inputs.documents = limits
            if !allowed { options.inputs.documents.enabled = false }
        }
        ruleSet = try RuleSet(rules)
        let resolved = options.matching.fingerprintKey.map { (key: $0, warning: String?.none) } ?? FingerprintKey.resolveNoting()
        fingerprinter = Fingerprinter(key: resolved.key)
        keyWarning = resolved.warning
        var baseline: Baseline?
        if let path = options.matching.baselinePath {
            guard let text = readRegularText(path) else {
                throw YAMLProblem(file: path, line: nil, message: "cannot read the baseline")
            }
            baseline = try Baseline.parse(text, file: path)
            if let made = baseline?.keyIdentity, made != fingerprinter.keyIdentity {
                throw YAMLProblem(file: path, line: nil, message: """
                    made with fingerprint key \(made), but this run's key is \(fingerprinter.keyIdentity): none of its entries \
                    would match. Use the team's shared key (HEDGEROW_FINGERPRINT_KEY, e.g. from a CI secret) or recreate the baseline
                    """)
            }
        }
        if !config.allow.isEmpty, let made = config.fingerprintKey, made != fingerprinter.keyIdentity {
            throw YAMLProblem(file: found?.path ?? "the configuration", line: nil, message: """
                its allow entries were made with fingerprint key \(made) (fingerprint_key), but this run's key is \(fingerprinter.keyIdentity): \
                none of them would match. Use the team's shared key (HEDGEROW_FINGERPRINT_KEY, e.g. from a CI secret) or recreate the entries
                """)
        }
        // Entries with no recorded key could have been made under another key: said when a
        // run reports findings, which is when an entry that stopped matching shows.
        if !config.allow.isEmpty && config.fingerprintKey == nil {
            unkeyedAllowNote = """
                warning: \(found?.path ?? "the configuration")'s \(config.allow.count) allow entr\(config.allow.count == 1 ? "y names fingerprints" : "ies name fingerprints") \
                but no fingerprint_key: made under another key they cannot match. Add `fingerprint_key: \(fingerprinter.keyIdentity)` \
                if they were made under this run's key, so a run under another key is refused instead
                """
        } else {
            unkeyedAllowNote = nil
        }
        suppressor = Suppressor(allow: config.allow, baseline: baseline)
        excludes = IgnoreRules(text: config.exclude.joined(separator: "\n"))
        configBase = found?.base
        attributionFails = config.attributionFails
        statistics = StatisticsTotal(ruleCount: ruleSet.rules.count)
        self.options = options
    }

    static func loadRuleFiles(_ paths: [String]) throws -> [Rule] {
        try paths.flatMap { path in
            guard let text = readRegularText(path) else {
                throw YAMLProblem(file: path, line: nil, message: "cannot read rule file")
            }
            return try RuleLoader.load(yaml: text, file: path).map { rule in
                var rule = rule
                rule.boundedTime = true
                return rule
            }
        }
    }

    /// A scanner for one thread (scanners keep per-thread state and are not shared).
    func scanner() -> HedgerowCore.ScanEngine {
        ScanEngine(ruleSet: ruleSet, fingerprinter: fingerprinter, chunkSize: options.inputs.chunkSize)
    }

    /// Whether the configuration excludes a file, given its absolute path.
    func excludes(absolutePath: String) -> Bool {
        guard let base = configBase, !excludes.isEmpty, absolutePath.hasPrefix(base + "/") else { return false }
        return excludes.excludesFile(String(absolutePath.dropFirst(base.count + 1)))
    }

    func collector() -> FindingCollector {
        FindingCollector(minConfidence: options.matching.minConfidence ?? .medium, suppressor: suppressor,
                         attribution: AttributionPolicy(fails: attributionFails, listed: options.reporting.listsAttribution))
    }

    static func failure(_ error: Error) -> RunResult {
        RunResult(output: "", diagnostics: ["error: \(error)"], exitCode: ExitStatus.error)
    }
}

/// Statistics from scanners on several threads, added up under a lock.
final class StatisticsTotal: @unchecked Sendable {
    private var total: RuleStatistics
    private let lock = NSLock()
    init(ruleCount: Int) { total = RuleStatistics(ruleCount: ruleCount) }
    func add(_ s: RuleStatistics) { lock.lock(); total.add(s); lock.unlock() }
    var value: RuleStatistics { lock.lock(); defer { lock.unlock() }; return total }
}

/// Findings that pass the confidence threshold, and the summary that counts the rest.
struct FindingCollector {
    var findings: [Finding] = []
    var summary = ScanSummary()
    let minConfidence: Confidence
    let suppressor: Suppressor

    let attribution: AttributionPolicy

    init(minConfidence: Confidence, suppressor: Suppressor = Suppressor(), attribution: AttributionPolicy = AttributionPolicy()) {
        self.minConfidence = minConfidence; self.suppressor = suppressor; self.attribution = attribution
    }

    /// False when findings are written out as they come (streaming) rather than kept.
    var keepsFindings = true

    /// Counts the finding; true when it is to be reported.
    @discardableResult
    mutating func add(_ finding: Finding) -> Bool {
        if finding.confidence >= minConfidence, let reason = suppressor.reason(finding) {
            summary.suppressed[reason, default: 0] += 1
            return false
        } else if finding.confidence >= minConfidence && finding.context == .attribution && !attribution.fails {
            // Counted apart: published on purpose, so it neither fails the run nor crowds
            // the report; listed only where asked for (JSON for tooling, --show-attribution).
            summary.attributions += 1
            summary.attributionFiles.insert(finding.origin.path)
            if attribution.listed && keepsFindings { findings.append(finding) }
            return attribution.listed
        } else if finding.confidence >= minConfidence {
            if keepsFindings { findings.append(finding) }
            summary.findingsByCategory[finding.category, default: 0] += 1
            return true
        } else {
            summary.belowThreshold += 1
            return false
        }
    }

    /// Exit status: errors win over findings, so a partial scan never looks like a result.
    /// A match-limit hit is an error too: some input went unscanned by a rule, and a run
    /// that passes it would let it through (in the pre-commit hook, the commit).
    var exitCode: Int32 {
        if !summary.errors.isEmpty || !summary.limitHits.isEmpty { return ExitStatus.error }
        return summary.findingCount == 0 ? ExitStatus.clean : ExitStatus.findings
    }

    /// The error for match-limit hits: which rules gave up, and that the run cannot pass.
    static func limitMessage(_ hits: [String: Int]) -> String {
        "error: match limit reached, input partly unscanned by: \(hits.keys.sorted().joined(separator: ", ")); the run fails so nothing unscanned passes"
    }

    /// Error and warning lines for standard error.
    var diagnostics: [String] {
        var lines = summary.errors.map { "error: \($0)" }
        if !summary.limitHits.isEmpty {
            lines.append(Self.limitMessage(summary.limitHits))
        }
        return lines
    }
}

/// What a run does with attributions (`FindingContext.attribution`).
struct AttributionPolicy {
    /// The configuration's `attribution: fail`: they are findings like any other.
    var fails = false
    /// Listed one by one (JSON, JSON Lines, `--show-attribution`) rather than only counted.
    var listed = false
}
