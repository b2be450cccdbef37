import Foundation
import HedgerowInputs

/// Triage facts about where a pushed commit lives: the branches that hold it (local and
/// remote-tracking) and whether the repository is public. Read here, in the job, so the
/// drafter never runs git.
enum CommitBranches {
    /// At most `limit` distinct commits are asked about: a history with thousands of
    /// findings must not run git thousands of times.
    static func branches(for commits: [String], reader: GitHistoryReader, limit: Int = 20) -> [String: [String]] {
        var out: [String: [String]] = [:]
        for commit in Array(Set(commits)).sorted().prefix(limit) {
            guard let text = try? reader.git.output(["branch", "-a", "--contains", commit, "--format=%(refname:short)"]) else { continue }
            out[commit] = text.split(separator: "\n").map(String.init).filter { !$0.isEmpty && !$0.hasSuffix("/HEAD") }
        }
        return out
    }

    /// Public or private, only when configured: `HEDGEROW_REPOSITORY_VISIBILITY`, or GitLab
    /// CI's own `CI_PROJECT_VISIBILITY`. Otherwise "unknown", and the record asks to confirm it.
    static func visibility(_ environment: [String: String]) -> String {
        for name in ["HEDGEROW_REPOSITORY_VISIBILITY", "CI_PROJECT_VISIBILITY"] {
            if let v = environment[name]?.lowercased(), ["public", "private", "internal"].contains(v) { return v }
        }
        return "unknown"
    }
}
