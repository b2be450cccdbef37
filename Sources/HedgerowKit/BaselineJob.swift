import Foundation
import HedgerowCore

/// `hedgerow baseline create|update`: accept what is already there so only new findings fail.
public enum BaselineJob {
    /// Scans `options.paths` and writes every reported finding to `file`.
    public static func create(_ given: ScanOptions, file: String) -> RunResult {
        var options = given
        options.matching.baselinePath = nil
        return write(options, file: file) { findings, identity in Baseline(findings: findings, keyIdentity: identity) }
    }

    /// Rescans and keeps only the entries whose values still occur; adds nothing new.
    public static func update(_ given: ScanOptions, file: String) -> RunResult {
        guard let text = readRegularText(file) else {
            return RunSetup.failure(YAMLProblem(file: file, line: nil, message: "cannot read the baseline"))
        }
        let old: Baseline
        do { old = try Baseline.parse(text, file: file) } catch { return RunSetup.failure(error) }
        var options = given
        options.matching.baselinePath = nil
        if let made = old.keyIdentity {
            let current = Fingerprinter(key: options.matching.fingerprintKey ?? FingerprintKey.resolve()).keyIdentity
            if made != current {
                return RunSetup.failure(YAMLProblem(file: file, line: nil, message: "made with fingerprint key \(made), but this run's key is \(current): updating would drop every entry; use the team's key (HEDGEROW_FINGERPRINT_KEY)"))
            }
        }
        return write(options, file: file) { findings, identity in var kept = old.keeping(findings); kept.keyIdentity = identity; return kept } describe: { new in
            "kept \(new.entries.count) of \(old.entries.count) entries (\(old.entries.count - new.entries.count) no longer occur)"
        }
    }

    private static func write(_ options: ScanOptions, file: String, make: ([Finding], String) -> Baseline,
                              describe: ((Baseline) -> String)? = nil) -> RunResult {
        let setup: RunSetup
        do { setup = try RunSetup(options, searchFrom: ScanJob.searchStart(options)) } catch { return RunSetup.failure(error) }
        let collector = ScanJob.collect(setup: setup)
        guard collector.summary.errors.isEmpty else {
            return RunResult(output: "", diagnostics: collector.diagnostics + ["error: baseline not written: the scan was incomplete"],
                             exitCode: ExitStatus.error)
        }
        let baseline = make(collector.findings, setup.fingerprinter.keyIdentity)
        do { try AtomicFile.write(baseline.render(), to: file) } catch { return RunSetup.failure(error) }
        let what = describe?(baseline) ?? "\(baseline.entries.count) entr\(baseline.entries.count == 1 ? "y" : "ies")"
        return RunResult(output: "hedgerow: baseline \(file): \(what)\n", diagnostics: [], exitCode: ExitStatus.clean)
    }
}
