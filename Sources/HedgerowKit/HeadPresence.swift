import Foundation
import HedgerowCore
import HedgerowInputs

/// Which pushed values are gone from HEAD. Deleting a value in a later commit does not
/// undo a push: it is still in history for anyone who fetched, so the advice is to
/// rewrite the branch and rotate, and the incident record says the value left HEAD
/// rather than dropping it.
enum HeadPresence {
    /// Fingerprints of values found in history that HEAD's copy of none of their files holds.
    static func goneFromHead(_ findings: [Finding], reader: GitHistoryReader) -> Set<String> {
        // A value inside a document or archive is not in HEAD's raw bytes even when it is
        // still there: such values are never called gone.
        let withValues = findings.filter { $0.origin.commit != nil && !$0.value.isEmpty && $0.location == nil }
        guard !withValues.isEmpty,
              let contents = try? reader.contentsAtHead(Array(Set(withValues.map(\.origin.path))).sorted()) else { return [] }
        var present = Set<String>(), seen = Set<String>()
        for f in withValues {
            seen.insert(f.fingerprint)
            if let bytes = contents[f.origin.path], Data(bytes).range(of: Data(f.value.utf8)) != nil { present.insert(f.fingerprint) }
        }
        return seen.subtracting(present)
    }

    /// The advice for values pushed and later deleted, in words for text, Markdown and step summaries.
    static func advice(goneCount: Int, hasCredential: Bool) -> String {
        "\(goneCount) value\(goneCount == 1 ? " was" : "s were") pushed and later deleted: deleting it in a new commit leaves it in the branch's history, "
            + "so the build stays red until the branch is rewritten (an interactive rebase that drops or edits the commit, or a squash) and force-pushed"
            + (hasCredential ? "; rotate any credential among them first, since it was readable from the moment it was pushed." : ".")
    }
}
