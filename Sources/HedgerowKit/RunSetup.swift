import Foundation
import HedgerowCore

/// What every kind of run needs before it reads input: the compiled rules and the keyed
/// fingerprinter. Building them can fail on a bad extra rule file, which is exit 2.
struct RunSetup {
    let ruleSet: RuleSet
    let fingerprinter: Fingerprinter

    init(_ options: ScanOptions) throws {
        let rules = try BuiltinRules.load() + options.extraRuleFiles.flatMap { path in
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw YAMLProblem(file: path, line: nil, message: "cannot read rule file")
            }
            return try RuleLoader.load(yaml: text, file: path)
        }
        ruleSet = try RuleSet(rules)
        fingerprinter = Fingerprinter(key: options.fingerprintKey ?? FingerprintKey.resolve())
    }

    func scanner(_ options: ScanOptions) -> HedgerowCore.Scanner {
        Scanner(ruleSet: ruleSet, fingerprinter: fingerprinter, chunkSize: options.chunkSize)
    }

    static func failure(_ error: Error) -> RunResult {
        RunResult(output: "", diagnostics: ["error: \(error)"], exitCode: ExitStatus.error)
    }
}

/// Findings that pass the confidence threshold, and the summary that counts the rest.
struct FindingCollector {
    var findings: [Finding] = []
    var summary = ScanSummary()
    let minConfidence: Confidence

    init(minConfidence: Confidence) { self.minConfidence = minConfidence }

    mutating func add(_ finding: Finding) {
        if finding.confidence >= minConfidence {
            findings.append(finding)
            summary.findingsByCategory[finding.category, default: 0] += 1
        } else {
            summary.belowThreshold += 1
        }
    }

    /// Exit status: errors win over findings, so a partial scan never looks like a result.
    var exitCode: Int32 {
        if !summary.errors.isEmpty { return ExitStatus.error }
        return findings.isEmpty ? ExitStatus.clean : ExitStatus.findings
    }

    /// Error and warning lines for standard error.
    var diagnostics: [String] {
        var lines = summary.errors.map { "error: \($0)" }
        if !summary.limitHits.isEmpty {
            lines.append("warning: match limit reached (input partly unscanned by): \(summary.limitHits.keys.sorted().joined(separator: ", "))")
        }
        return lines
    }
}
