import HedgerowCore

/// A limit of `DocumentLimits` was reached: the rest of the input is skipped, with this reason.
struct LimitReached: Error {
    var reason: String
}

/// Counts what one top-level input has expanded to, over all its members and nesting
/// levels, and stops the read the moment a limit is passed: a zip bomb costs at most the
/// limit in time and memory, never what it claims to hold.
final class ExpansionBudget {
    let limits: DocumentLimits
    /// Bytes of the input as stored (on disk, or the git blob).
    let compressed: Int
    private(set) var expanded = 0
    private(set) var members = 0

    init(limits: DocumentLimits, compressed: Int) {
        self.limits = limits
        self.compressed = max(1, compressed)
    }

    func consume(_ bytes: Int) throws {
        expanded += bytes
        if expanded > limits.maxExpandedBytes {
            throw LimitReached(reason: "archive over the expanded-size limit (\(limits.maxExpandedBytes >> 20) MB)")
        }
        if expanded > limits.ratioFloor && expanded / compressed > limits.maxRatio {
            throw LimitReached(reason: "archive over the expansion-ratio limit (\(limits.maxRatio):1)")
        }
    }

    func countMember() throws {
        members += 1
        if members > limits.maxMembers { throw LimitReached(reason: "archive over the member-count limit (\(limits.maxMembers))") }
    }
}
