import Foundation
import HedgerowReport

/// The library entry point behind `hedgerow merge`: shard outputs back into the report
/// one unsharded audit would have produced (the report depends only on the set of
/// repository results, never on which worker produced them).
public enum MergeJob {
    public static func run(stateDirectories: [String], into: String?, options: ScanOptions) -> RunResult {
        let setup: RunSetup
        do { setup = try RunSetup(options, searchFrom: nil) } catch { return RunSetup.failure(error) }
        var merged: [String: RepositoryResult] = [:]
        for directory in stateDirectories {
            let results: [String: RepositoryResult]
            do { results = try AuditState(directory: directory).load() } catch { return RunSetup.failure(error) }
            // A shard that was given no repositories leaves an empty repos/ folder: a valid
            // part of the audit. Only a path that is not a state directory at all (a shard's
            // report file, a typo) is an error, so a glob that catches one fails loudly.
            if results.isEmpty && !AuditState(directory: directory).exists {
                return RunSetup.failure(StateDirectoryError(path: directory))
            }
            for (name, result) in results {
                if let earlier = merged[name], earlier != result {
                    return RunSetup.failure(AtomicFile.WriteError(path: directory, reason: "\(name) was audited by two shards with different results"))
                }
                merged[name] = result
            }
        }
        if let into {
            let target = AuditState(directory: into)
            do { for result in merged.values { try target.save(result) } } catch { return RunSetup.failure(error) }
        }
        return AuditJob.finish(AuditReport(Array(merged.values)), setup: setup, options: setup.options)
    }

    struct StateDirectoryError: Error, CustomStringConvertible {
        var path: String
        var description: String { "\(path) is not an audit state directory (no repos/ folder; give each shard's --state-dir)" }
    }
}
