import HedgerowCore

/// Groups secret findings into credentials. One value is one credential wherever it
/// appears; and the halves of a pair (an AWS key ID and its secret, a Twilio SID and its
/// token, an OAuth client ID and its secret) are one credential too: they are rotated
/// together, so they are one incident, not two P1s. Halves are paired when their rules
/// belong to the same provider (`secret.<provider>.…`), differ, and sit within
/// `nearbyLines` of each other in the same file of the same commit.
enum CredentialPairs {
    static let nearbyLines = 5

    /// Groups in first-seen order; each group's findings in their original order.
    static func group(_ secrets: [Finding]) -> [[Finding]] {
        var order: [String] = []
        var byFingerprint: [String: [Finding]] = [:]
        for f in secrets {
            if byFingerprint[f.fingerprint] == nil { order.append(f.fingerprint) }
            byFingerprint[f.fingerprint, default: []].append(f)
        }
        // Union-find over fingerprints.
        var parent = Dictionary(uniqueKeysWithValues: order.map { ($0, $0) })
        func root(_ x: String) -> String { var x = x; while parent[x]! != x { x = parent[x]! }; return x }
        for (i, a) in order.enumerated() {
            for b in order[(i + 1)...] where root(a) != root(b) && paired(byFingerprint[a]!, byFingerprint[b]!) {
                parent[root(b)] = root(a)
            }
        }
        var groups: [String: [Finding]] = [:]
        var groupOrder: [String] = []
        for fp in order {
            let r = root(fp)
            if groups[r] == nil { groupOrder.append(r) }
            groups[r, default: []] += byFingerprint[fp]!
        }
        return groupOrder.map { groups[$0]! }
    }

    static func provider(_ ruleID: String) -> String? {
        let parts = ruleID.split(separator: ".")
        guard parts.count >= 3, parts[0] == "secret", parts[1] != "generic" else { return nil }
        return String(parts[1])
    }

    static func paired(_ a: [Finding], _ b: [Finding]) -> Bool {
        for x in a {
            guard let px = provider(x.ruleID) else { continue }
            for y in b where y.ruleID != x.ruleID && provider(y.ruleID) == px
                && y.origin.path == x.origin.path && y.origin.commit == x.origin.commit
                && abs(y.start.line - x.start.line) <= nearbyLines {
                return true
            }
        }
        return false
    }
}
