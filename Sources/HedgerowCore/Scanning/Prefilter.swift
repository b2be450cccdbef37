#if canImport(Glibc)
import Glibc
#endif

/// Cheap byte scans that stand in for keywords on rules that have none (numbers, IPv6),
/// so their patterns run only near text that could match instead of over everything.
///
/// Each kind is sound for the rules that use it: every match of the rule contains a
/// position the scan reports, or starts within a few bytes of one, on the same line.
/// The scanner then runs the pattern over the line around each reported position, as it
/// does around a keyword. Every rule example (and its mutations, split at every byte) is
/// run through this path by the tests.
public enum Prefilter: Equatable, Sendable {
    /// A digit cluster (digits at most three bytes apart) holding at least this many
    /// digits: for rules whose every match holds such a cluster.
    case digits(Int)
    /// Two uppercase letters then two digits at the start of a word, followed by a letter,
    /// digit or space (IBAN country code, check digits, then the first group).
    case lettersDigits
    /// A colon starting "::" or three colon-and-hex groups (see `ipv6Shaped`).
    case ipv6

    public init?(_ text: String) {
        if text == "ipv6" { self = .ipv6; return }
        if text == "letters-digits" { self = .lettersDigits; return }
        let parts = text.split(separator: ":")
        if parts.count == 2, parts[0] == "digits", let n = Int(parts[1]), n >= 1 { self = .digits(n); return }
        return nil
    }

    /// A run of digits in which consecutive digits are at most `maxGap` bytes apart on one
    /// line ("07700 900 123", "4111-1111-1111-1111", "12-34-56"): number-shaped values
    /// all lie in one, so rules that need N digits look only at clusters with N or more.
    struct DigitCluster {
        var start: Int
        var end: Int
        var digits: Int
    }
    static let maxGap = 3
    /// Hits inside a long cluster are this far apart, well under any digit rule's segment.
    static let clusterStride = 48

    /// The digit clusters that overlap `[from, to)`, each measured whole (back to its
    /// start, forward up to `limit`), computed once per step for all digit rules.
    static func digitClusters(_ p: UnsafePointer<UInt8>, from: Int, to: Int, limit: Int) -> [DigitCluster] {
        var clusters: [DigitCluster] = []
        // Step back to the start of a cluster that crosses `from`.
        var i = from
        var back = from - 1
        var lastDigit = -1
        while back >= 0 && from - back <= 4096 {
            let c = p[back]
            if c == 0x0A { break }
            if c &- 0x30 < 10 { lastDigit = back }
            else if lastDigit >= 0 && lastDigit - back > maxGap { break }
            else if lastDigit < 0 && from - back > maxGap { break }
            back -= 1
        }
        if lastDigit >= 0 { i = lastDigit }
        while i < to {
            guard p[i] &- 0x30 < 10 else { i += 1; continue }
            let start = i
            var last = i
            var count = 0
            var j = i
            while j < limit {
                let c = p[j]
                if c &- 0x30 < 10 { count += 1; last = j }
                else if c == 0x0A || j - last > maxGap { break }
                j += 1
            }
            clusters.append(DigitCluster(start: start, end: last + 1, digits: count))
            i = max(j, last + 1)
        }
        return clusters
    }

    /// Candidate positions in `[from, to)` for this prefilter; bytes up to `limit` may be
    /// read ahead. Digit rules take their positions from `clusters`.
    func search(_ p: UnsafePointer<UInt8>, from: Int, to: Int, limit: Int, clusters: [DigitCluster], into hits: inout [Int]) {
        var lastHit = Int.min / 2
        switch self {
        case let .digits(count):
            for cluster in clusters where cluster.digits >= count {
                var position = max(cluster.start, from)
                while position < min(cluster.end, to) {
                    hits.append(position)
                    position += Self.clusterStride
                }
            }
        case .lettersDigits:
            var i = from
            while i < to {
                let c = p[i]
                if c == 0x0A { lastHit = Int.min / 2 }
                else if c &- 0x41 < 26, i + 4 < limit, p[i + 1] &- 0x41 < 26, p[i + 2] &- 0x30 < 10, p[i + 3] &- 0x30 < 10,
                        i == 0 || !Self.isAlphanumeric(p[i - 1]), Self.isAlphanumeric(p[i + 4]) || p[i + 4] == 0x20,
                        i - lastHit >= 16 {
                    hits.append(i); lastHit = i
                }
                i += 1
            }
        case .ipv6:
            // memchr to each colon; a newline between hits resets the spacing.
            var i = from
            while i < to, let found = memchr(p + i, 0x3A, to - i) {
                let colon = p.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if lastHit >= 0 && memchr(p + lastHit, 0x0A, colon - lastHit) != nil { lastHit = Int.min / 2 }
                if colon - lastHit >= 16 && Self.ipv6Shaped(p, at: colon, limit: limit) { hits.append(colon); lastHit = colon }
                i = colon + 1
            }
        }
    }

    /// At a colon: "::" ahead, or three colons each followed by 1-4 hex digits. Every IPv6
    /// address has one or the other (without "::" all eight groups are written); a clock
    /// time such as 12:34:56 has neither.
    static func ipv6Shaped(_ p: UnsafePointer<UInt8>, at i: Int, limit: Int) -> Bool {
        var j = i
        var colons = 0
        while j < limit && p[j] == 0x3A {
            colons += 1
            var k = j + 1
            while k < limit && k <= j + 4 && isHex(p[k]) { k += 1 }
            if k == j + 1 { return k < limit && p[k] == 0x3A }
            if colons >= 3 { return true }
            j = k
        }
        return false
    }

    @inline(__always) static func isAlphanumeric(_ c: UInt8) -> Bool {
        c &- 0x30 < 10 || (c | 0x20) &- 0x61 < 26
    }

    @inline(__always) static func isHex(_ c: UInt8) -> Bool {
        c &- 0x30 < 10 || (c | 0x20) &- 0x61 < 6
    }
}
