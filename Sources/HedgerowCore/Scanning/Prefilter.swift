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
    /// As `digits`, skipping clusters that are exactly an ISO 8601 timestamp
    /// ("2024-01-15T10:23:45.123+01:00", years 1900-2099): a time opens a cluster on every
    /// line of a log, and none of the number rules using this can match inside one (a
    /// test tries thousands of timestamps against each of them).
    case digitsExceptTimestamps(Int)
    /// For rules whose every match is a number written in digits and separators
    /// (`digits:N:numbers`): a cluster holding at least this many digits with no ASCII
    /// letter between them, that is not exactly a timestamp or a caption timing
    /// ("00:01:02.345", "01:02,345"). The GUID cue identifiers and timing lines of a Teams
    /// transcript (nearly half its bytes) are digit clusters too: hex letters split the
    /// first, and colons the second, into runs too short for any number rule. Sound for a
    /// rule only if no match has a letter between its digits or lies inside a timestamp or
    /// timing: the tests try each rule using it over thousands of both, and GUIDs.
    case numbers(Int)
    /// As `numbers`, for a number that follows two capital letters, at most a space between
    /// them and its first digit (a National Insurance number, `digits:N:numbers-after-capitals`):
    /// the cluster must hold a digit with two capitals just before it. (Not only its first:
    /// "083 QQ123456C" is one cluster, a test found.)
    case numbersAfterCapitals(Int)
    /// Two uppercase letters then two digits at the start of a word, followed by a letter,
    /// digit or space (IBAN country code, check digits, then the first group).
    case lettersDigits
    /// A digit cluster with four digits and three dots (a dotted quad).
    case ipv4
    /// A digit then two capital letters ending a word (a UK postcode's inward code).
    case inwardCode
    /// A line ending in twelve or more base64 characters, one of them a digit, `+` or `/`
    /// (then at most two `=`, a quote, blanks and a carriage return): a value assigned
    /// in base64. The position reported is the run's last character.
    case base64LineEnd
    /// A colon starting "::" or three colon-and-hex groups (see `ipv6Chain`).
    case ipv6
    /// A capitalised word (see `hedgerow_capital_words_using`) that the gazetteer holds as a
    /// given name or surname and not as a common word: the position is the word's first
    /// letter. The gazetteer name rule starts at such a word, or at an initial just before
    /// it (its `keyword_lead`).
    case nameWord
    /// A capitalised street type ("Lane", "Crescent", "Gardens") as a whole word: the
    /// position is its first letter; a street address ends with one.
    case streetWord

    public init?(_ text: String) {
        if text == "ipv6" { self = .ipv6; return }
        if text == "name-word" { self = .nameWord; return }
        if text == "street-word" { self = .streetWord; return }
        if text == "letters-digits" { self = .lettersDigits; return }
        if text == "ipv4" { self = .ipv4; return }
        if text == "inward-code" { self = .inwardCode; return }
        if text == "base64-line-end" { self = .base64LineEnd; return }
        let parts = text.split(separator: ":")
        if parts.count == 2, parts[0] == "digits", let n = Int(parts[1]), n >= 1 { self = .digits(n); return }
        if parts.count == 3, parts[0] == "digits", let n = Int(parts[1]), n >= 1, parts[2] == "not-timestamps" {
            self = .digitsExceptTimestamps(n); return
        }
        if parts.count == 3, parts[0] == "digits", let n = Int(parts[1]), n >= 1, parts[2] == "numbers" {
            self = .numbers(n); return
        }
        if parts.count == 3, parts[0] == "digits", let n = Int(parts[1]), n >= 1, parts[2] == "numbers-after-capitals" {
            self = .numbersAfterCapitals(n); return
        }
        return nil
    }

    /// A run of digits in which consecutive digits are at most `maxGap` bytes apart on one
    /// line ("07700 900 123", "4111-1111-1111-1111", "12-34-56"): number-shaped values
    /// all lie in one, so rules that need N digits look only at clusters with N or more.
    struct DigitCluster {
        var start: Int
        var end: Int
        var digits: Int
        /// Dots between its first and last digit (and any trailing ones).
        var dots: Int
        /// Two capital letters in a row just before it, or among its bytes and the gap
        /// after it: an IBAN's country code before its check digits, a postcode's inward
        /// letters after its digit. The only clusters either can be in (a timestamp's
        /// lone "T" does not count).
        var capital: Bool
        /// Exactly an ISO 8601 timestamp (see `isTimestamp`), worked out once per cluster.
        var timestamp = false
        /// The most digits in a row of the cluster with no ASCII letter between them ("1e7ea419"
        /// has 3: 4, 1 and 9); at most `digits`.
        var plainDigits = 0
        /// Exactly a caption timing (see `isCaptionTiming`).
        var captionTiming = false
    }
    static let maxGap = 3
    /// Hits inside a long cluster are this far apart, well under any digit rule's segment.
    static let clusterStride = 48

    /// Which digit clusters a set of prefilters can use: those with `digits` digits or
    /// more, those with `dotted` or more and three dots (a dotted quad), and any with a
    /// pair of capitals. Most clusters in code and logs (an id, a count) are none of these
    /// and are dropped as soon as they are measured.
    struct ClusterFloor: Equatable {
        var digits = Int.max
        var dotted = Int.max
        static let everything = ClusterFloor(digits: 1, dotted: 1)

        mutating func lower(to other: ClusterFloor) {
            digits = min(digits, other.digits)
            dotted = min(dotted, other.dotted)
        }

        @inline(__always) func keeps(digits count: Int, dots: Int, capital: Bool) -> Bool {
            count >= digits || capital || (count >= dotted && dots >= 3)
        }
    }

    /// Whether the prefilter reads digit clusters (every kind but base64 and IPv6).
    var usesClusters: Bool {
        switch self {
        case .base64LineEnd, .ipv6, .nameWord, .streetWord: false
        default: true
        }
    }

    var clusterFloor: ClusterFloor {
        switch self {
        case let .digits(n), let .digitsExceptTimestamps(n), let .numbers(n), let .numbersAfterCapitals(n): ClusterFloor(digits: n)
        case .ipv4: ClusterFloor(dotted: 4)
        case .lettersDigits, .inwardCode, .base64LineEnd, .ipv6, .nameWord, .streetWord: ClusterFloor()
        }
    }

    /// The digit clusters that overlap `[from, to)`, each measured whole (back to its
    /// start, forward up to `limit`), computed once per step for all digit rules; those
    /// that `floor` does not keep are left out.
    static func digitClusters(_ p: UnsafePointer<UInt8>, from: Int, to: Int, limit: Int, floor: ClusterFloor = .everything) -> [DigitCluster] {
        var clusters: [DigitCluster] = []
        digitClusters(p, from: from, to: to, limit: limit, floor: floor, into: &clusters)
        return clusters
    }

    /// The same into `clusters`, emptied first: the scanner keeps one array for every
    /// step, as a log's megabyte holds tens of thousands of clusters.
    /// `shortcuts: false` walks every cluster byte by byte (no timestamp, digit-run or end
    /// shortcut), for the test that compares.
    /// `digits` are the digit bits of `p[0..<limit]` (worked out here when not given).
    static func digitClusters(_ p: UnsafePointer<UInt8>, from: Int, to: Int, limit: Int, floor: ClusterFloor,
                              digits given: BitPlane? = nil, into clusters: inout [DigitCluster], shortcuts: Bool = true) {
        guard let digits = given else {
            let owned = ByteMasks.of(p, count: limit)
            withExtendedLifetime(owned) {
                digitClusters(p, from: from, to: to, limit: limit, floor: floor, digits: owned.digits, into: &clusters, shortcuts: shortcuts)
            }
            return
        }
        clusters.removeAll(keepingCapacity: true)
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
            // Straight to the next digit through the digit bits: most text has none.
            guard let next = digits.next(from: i, to: to) else { break }
            i = next
            let start = i
            var last = i
            var count = 0
            var dots = 0
            var capital = start > 1 && p[start - 1] &- 0x41 < 26 && p[start - 2] &- 0x41 < 26
            var previousCapital = false
            // Digits since the last letter between digits, and the most of them.
            var plain = 0, plainMost = 0
            var letterBetween = false
            var j = i
            // A timestamp opens a cluster on every line of a log. Its first 19 bytes
            // ("2024-01-15T10:23:45") are checked a word at a time and passed at once: the
            // walk would find 14 digits, no dot, no capital pair and no gap in them.
            if shortcuts && start + 19 <= limit && p[start + 4] == 0x2D && Self.isTimestampHead(p + start) {
                count = 14
                last = start + 18
                j = start + 19
                // Eight digits, then six after a "T" or with them after a space.
                if p[start + 10] == 0x54 { plain = 6; plainMost = 8 } else { plain = 14; plainMost = 14 }
            }
            while j < limit {
                let c = p[j]
                let isCapital = c &- 0x41 < 26
                if c &- 0x30 < 10 {
                    if letterBetween { plain = 0; letterBetween = false }
                    guard shortcuts else {
                        count += 1; last = j; previousCapital = false; j += 1
                        plain += 1; plainMost = max(plainMost, plain)
                        continue
                    }
                    // A run of digits at once, from the digit bits.
                    let run = digits.run(from: j)
                    count += run
                    plain += run; plainMost = max(plainMost, plain)
                    last = j + run - 1
                    previousCapital = false
                    j += run
                    // Most clusters end here (a count, an id): no digit in the next four
                    // bytes, and no dot or capital pair in the three a walk would look at.
                    // Those three are judged a word at a time; anything else is walked.
                    if j &+ 8 <= limit && digits.next(from: j, to: j &+ 4) == nil {
                        let word = UnsafeRawPointer(p + j).loadUnaligned(as: UInt64.self)
                        let capitals = Self.bytes(word, above: 0x40, below: 0x5B) & 0x80_8080
                        if ByteSearch.matchingBytes(word, 0x2E) & 0x80_8080 == 0 && capitals & (capitals &>> 8) == 0 { break }
                    }
                    continue
                }
                else if c == 0x0A || j - last > maxGap { break }
                else if c == 0x2E { dots += 1 }
                else if isCapital && previousCapital { capital = true }
                if (c | 0x20) &- 0x61 < 26 { letterBetween = true }
                previousCapital = isCapital
                j += 1
            }
            if floor.keeps(digits: count, dots: dots, capital: capital) {
                var cluster = DigitCluster(start: start, end: last + 1, digits: count, dots: dots, capital: capital)
                cluster.timestamp = isTimestamp(p, cluster)
                cluster.plainDigits = plainMost
                cluster.captionTiming = isCaptionTiming(p, cluster)
                clusters.append(cluster)
            }
            i = max(j, last + 1)
        }
    }

    /// Candidate positions in `[from, to)` for this prefilter; bytes up to `limit` may be
    /// read ahead. Every kind but IPv6 takes its positions from `clusters`: all of their
    /// matches hold digits, so text without digits costs them nothing beyond the one
    /// cluster pass they share.
    /// `masks` classify `p[0..<limit]`.
    func search(_ p: UnsafePointer<UInt8>, from: Int, to: Int, limit: Int, clusters: [DigitCluster], masks: ByteMasks, into hits: inout [Int]) {
        var lastHit = Int.min / 2
        switch self {
        case let .digits(count), let .digitsExceptTimestamps(count):
            let skipTimestamps = if case .digitsExceptTimestamps = self { true } else { false }
            for cluster in clusters where cluster.digits >= count && !(skipTimestamps && cluster.timestamp) {
                Self.strideThrough(cluster, from: from, to: to, into: &hits)
            }
        case let .numbers(count):
            for cluster in clusters where cluster.plainDigits >= count && !cluster.timestamp && !cluster.captionTiming {
                Self.strideThrough(cluster, from: from, to: to, into: &hits)
            }
        case let .numbersAfterCapitals(count):
            for cluster in clusters where cluster.plainDigits >= count && !cluster.timestamp && !cluster.captionTiming
                && Self.hasDigitAfterTwoCapitals(p, cluster) {
                Self.strideThrough(cluster, from: from, to: to, into: &hits)
            }
        case .ipv4:
            for cluster in clusters where cluster.digits >= 4 && cluster.dots >= 3 {
                Self.strideThrough(cluster, from: from, to: to, into: &hits)
            }
        case .lettersDigits:
            // The first check digit is the evidence: "GB82" at a word start, then a group.
            for cluster in clusters where cluster.digits >= 2 && cluster.capital {
                lastHit = Int.min / 2
                var d = max(cluster.start, from, 2)
                while d < min(cluster.end, to) {
                    if p[d] &- 0x30 < 10, d + 2 < limit, p[d + 1] &- 0x30 < 10, p[d - 1] &- 0x41 < 26, p[d - 2] &- 0x41 < 26,
                       d == 2 || !Self.isAlphanumeric(p[d - 3]), Self.isAlphanumeric(p[d + 2]) || p[d + 2] == 0x20,
                       d - lastHit >= 16 {
                        hits.append(d); lastHit = d
                    }
                    d += 1
                }
            }
        case .inwardCode:
            for cluster in clusters where cluster.capital {
                var d = max(cluster.start, from)
                while d < min(cluster.end, to) {
                    if p[d] &- 0x30 < 10,
                       d + 2 >= limit || (p[d + 1] &- 0x41 < 26 && p[d + 2] &- 0x41 < 26 && (d + 3 >= limit || !Self.isAlphanumeric(p[d + 3]))) {
                        hits.append(d)
                    }
                    d += 1
                }
            }
        case .base64LineEnd:
            // Every line end is looked at from `from` on, the stream end counted as one: a
            // run ending before `from` on a line that ends here is reported at `from`, so a
            // line longer than a step is still seen (the scanner drops repeated matches).
            var lineStart = from
            Self.base64Kind.withUnsafeBufferPointer { kinds in
                func lineEnds(at newline: Int) {
                    if let end = Self.base64RunEnd(p, lineEnd: newline, lineFloor: lineStart, kinds: kinds.baseAddress!), end < to {
                        hits.append(max(end, from))
                    }
                    lineStart = newline + 1
                }
                masks.newlines.forEach(from: from, to: limit, lineEnds)
                lineEnds(at: limit)
            }
        case .nameWord:
            let names = Lexicon.names
            masks.capitals(p, from: from, to: to).forEach(from: from, to: to) { start in
                if NameWords.isNameWord(p, at: start, limit: limit, in: names) { hits.append(start) }
            }
        case .streetWord:
            let types = Lexicon.streetTypes
            masks.capitals(p, from: from, to: to).forEach(from: from, to: to) { start in
                if NameWords.isWholeWord(p, at: start, limit: limit, in: types) { hits.append(start) }
            }
        case .ipv6:
            // Colons from their bits (a line of code or a log holds several); only one
            // followed by a colon or hex digit can open an address, and the colons a failed
            // look went through fail too (a time's "12:34:56"). Hits on one line are 16
            // bytes apart at least.
            var chainEnd = from
            let newlines = masks.newlines
            masks.colons.forEach(from: from, to: to) { colon in
                guard colon >= chainEnd, colon + 1 < limit, p[colon + 1] == 0x3A || Self.isHex(p[colon + 1]) else { return }
                if colon - lastHit < 16 && newlines.previous(from: lastHit, to: colon) == nil { return }
                let (shaped, lastColon) = Self.ipv6Chain(p, at: colon, limit: limit)
                if shaped { hits.append(colon); lastHit = colon } else { chainEnd = lastColon + 1 }
            }
        }
    }

    /// Positions through the part of a cluster inside `[from, to)`, `clusterStride` apart.
    private static func strideThrough(_ cluster: DigitCluster, from: Int, to: Int, into hits: inout [Int]) {
        var position = max(cluster.start, from)
        while position < min(cluster.end, to) {
            hits.append(position)
            position += clusterStride
        }
    }

    /// Whether the cluster is exactly `yyyy-dd-dd[T ]dd:dd[:dd][.d+][(+|-)dd[[:]dd]]`, the
    /// year 19xx or 20xx.
    static func isTimestamp(_ p: UnsafePointer<UInt8>, _ cluster: DigitCluster) -> Bool {
        guard cluster.digits >= 12 && cluster.digits <= 25 else { return false }
        var i = cluster.start
        let end = cluster.end
        func digits(_ n: Int) -> Bool {
            guard i + n <= end else { return false }
            for k in i..<(i + n) where p[k] &- 0x30 >= 10 { return false }
            i += n
            return true
        }
        func byte(_ options: UInt8...) -> Bool {
            guard i < end, options.contains(p[i]) else { return false }
            i += 1
            return true
        }
        // Years 1900-2099 only: a year such as 0695 opens a valid UK phone number shape.
        guard (p[i] == 0x31 && p[i + 1] == 0x39) || (p[i] == 0x32 && p[i + 1] == 0x30) else { return false }
        guard digits(4), byte(0x2D), digits(2), byte(0x2D), digits(2), byte(0x54, 0x20), digits(2), byte(0x3A), digits(2) else { return false }
        if i < end && p[i] == 0x3A { guard byte(0x3A), digits(2) else { return false } }
        if i < end && p[i] == 0x2E {
            i += 1
            guard digits(1) else { return false }
            while i < end && p[i] &- 0x30 < 10 { i += 1 }
        }
        if i < end && (p[i] == 0x2B || p[i] == 0x2D) {
            i += 1
            guard digits(2) else { return false }
            if i < end { _ = byte(0x3A); guard digits(2) else { return false } }
        }
        return i == end
    }

    /// A digit of the cluster with two ASCII capitals just before it, or before a space just
    /// before it. The window holds the bytes before any cluster but one at the stream's
    /// start, where nothing precedes it.
    static func hasDigitAfterTwoCapitals(_ p: UnsafePointer<UInt8>, _ cluster: DigitCluster) -> Bool {
        for d in cluster.start..<cluster.end where p[d] &- 0x30 < 10 {
            var k = d - 1
            if k >= 0 && p[k] == 0x20 { k -= 1 }
            if k >= 1 && p[k] &- 0x41 < 26 && p[k - 1] &- 0x41 < 26 { return true }
        }
        return false
    }

    /// Whether the cluster is exactly a caption or media timing, `[hh[h]:]mm:ss[.,]ddd` (WebVTT
    /// and SRT cue timings: two of them open every cue).
    static func isCaptionTiming(_ p: UnsafePointer<UInt8>, _ cluster: DigitCluster) -> Bool {
        let n = cluster.end - cluster.start
        guard cluster.digits >= 7 && n >= 9 && cluster.digits == n - 2 - (n > 9 ? 1 : 0) else { return false }
        let q = p + cluster.start
        @inline(__always) func digit(_ k: Int) -> Bool { q[k] &- 0x30 < 10 }
        // The tail "mm:ss.ddd": nine bytes ending the cluster.
        let t = n - 9
        guard digit(t), digit(t + 1), q[t + 2] == 0x3A, digit(t + 3), digit(t + 4), q[t + 5] == 0x2E || q[t + 5] == 0x2C,
              digit(t + 6), digit(t + 7), digit(t + 8) else { return false }
        if t == 0 { return true }
        // Hours: two or three digits, then a colon. No more: a number rule can match ten
        // digits before a colon (ten of them can be an NHS number), while no run
        // of digits here without a colon holds the six any of them needs.
        guard t == 3 || t == 4, q[t - 1] == 0x3A else { return false }
        for k in 0..<(t - 1) where !digit(k) { return false }
        return true
    }

    /// The last character of a base64 run of 12 or more ending the line that ends at
    /// `lineEnd`, walking back no further than `floor` plus the longest value.
    /// Inlined into the line loop (it runs once per line); `kinds` is `base64Kind`.
    @inline(__always)
    static func base64RunEnd(_ p: UnsafePointer<UInt8>, lineEnd: Int, lineFloor: Int, kinds: UnsafePointer<UInt8>) -> Int? {
        var k = lineEnd - 1
        let floor = max(lineFloor - 4200, 0)
        if k >= floor && p[k] == 0x0D { k -= 1 }
        while k >= floor && (p[k] == 0x20 || p[k] == 0x09) { k -= 1 }
        if k >= floor && (p[k] == 0x22 || p[k] == 0x27) { k -= 1 }
        var equals = 0
        while k >= floor && p[k] == 0x3D && equals < 2 { k -= 1; equals += 1 }
        let end = k
        // Most lines end in a short word: the twelfth byte back settles them without a walk
        // when it cannot be in the run.
        if end - 11 < floor || kinds[Int(p[end - 11])] == 0 { return nil }
        var run = 0
        var seen: UInt8 = 0
        while k >= floor && run <= 4000 {
            let kind = kinds[Int(p[k])]
            if kind == 0 { break }
            seen |= kind
            run += 1
            k -= 1
            // Settled once the run is long enough and has held a digit: the rest of a long
            // value need not be walked.
            if run >= 12 && seen & 2 != 0 { return end }
        }
        return nil
    }

    /// Per byte: 0 outside base64, 1 a letter, 3 a digit, `+` or `/` (a run needs one).
    static let base64Kind: [UInt8] = (0..<256).map { (b: Int) -> UInt8 in
        let c = UInt8(b)
        if c &- 0x30 < 10 || c == 0x2B || c == 0x2F { return 3 }
        return (c | 0x20) &- 0x61 < 26 ? 1 : 0
    }

    /// At a colon: "::" ahead, or three colons each followed by 1-4 hex digits. Every IPv6
    /// address has one or the other (without "::" all eight groups are written); a clock
    /// time such as 12:34:56 has neither.
    /// Also gives the last colon looked at: a look from any colon between `i` and it goes
    /// over the same bytes with fewer colons, so it fails as well when this one does.
    static func ipv6Chain(_ p: UnsafePointer<UInt8>, at i: Int, limit: Int) -> (shaped: Bool, lastColon: Int) {
        var j = i
        var colons = 0
        var lastColon = i
        while j < limit && p[j] == 0x3A {
            colons += 1
            lastColon = j
            var k = j + 1
            while k < limit && k <= j + 4 && isHex(p[k]) { k += 1 }
            if k == j + 1 { return (k < limit && p[k] == 0x3A, lastColon) }
            if colons >= 3 { return (true, lastColon) }
            j = k
        }
        return (false, lastColon)
    }

    /// The high bit of each of eight bytes that is an ASCII digit, and of no other (the
    /// "has a byte between m and n" word trick with m = "/" and n = ":": no byte borrows
    /// from or carries into its neighbour, so every byte is judged exactly).
    @inline(__always) static func digitBytes(_ word: UInt64) -> UInt64 {
        bytes(word, above: 0x2F, below: 0x3A)
    }

    /// The high bit of each byte of `word` strictly between `low` and `high` (both under
    /// 128), and of no other.
    @inline(__always) static func bytes(_ word: UInt64, above low: UInt64, below high: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let low7 = word & (ones &* 127)
        let belowHigh = ones &* (127 + high) &- low7
        let aboveLow = low7 &+ ones &* (127 - low)
        return belowHigh & ~word & aboveLow & (ones &* 0x80)
    }

    /// Whether the 19 bytes at `q` read `dddd-dd-dd[T ]dd:dd:dd`, three words at a time
    /// (bytes 0-7, 8-15 and 11-18; a byte's high bit stands for it in each mask).
    @inline(__always) static func isTimestampHead(_ q: UnsafePointer<UInt8>) -> Bool {
        let w0 = UnsafeRawPointer(q).loadUnaligned(as: UInt64.self)
        let w1 = UnsafeRawPointer(q + 8).loadUnaligned(as: UInt64.self)
        let w2 = UnsafeRawPointer(q + 11).loadUnaligned(as: UInt64.self)
        let digits0: UInt64 = 0x0080_8000_8080_8080, dashes0: UInt64 = 0x8000_0080_0000_0000
        let digits12: UInt64 = 0x8080_0080_8000_8080, separator1: UInt64 = 0x0080_0000, colon1: UInt64 = 0x8000_0000_0000
        let colons2: UInt64 = 0x8000_0080_0000
        return digitBytes(w0) & digits0 == digits0 && ByteSearch.matchingBytes(w0, 0x2D) & dashes0 == dashes0
            && digitBytes(w1) & digits12 == digits12
            && (ByteSearch.matchingBytes(w1, 0x54) | ByteSearch.matchingBytes(w1, 0x20)) & separator1 == separator1
            && ByteSearch.matchingBytes(w1, 0x3A) & colon1 == colon1
            && digitBytes(w2) & digits12 == digits12 && ByteSearch.matchingBytes(w2, 0x3A) & colons2 == colons2
    }

    @inline(__always) static func isAlphanumeric(_ c: UInt8) -> Bool {
        c &- 0x30 < 10 || (c | 0x20) &- 0x61 < 26
    }

    @inline(__always) static func isHex(_ c: UInt8) -> Bool {
        c &- 0x30 < 10 || (c | 0x20) &- 0x61 < 6
    }
}
