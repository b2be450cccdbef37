import Foundation
import PCRE2
#if canImport(Glibc)
import Glibc
#endif

/// Runs a rule set over a stream of bytes with bounded memory.
///
/// The stream is read into a sliding window. Each step commits the region
/// `[committed, cut)`: keyword hits in it send their rules over the hit's line (or a
/// bounded span for multi-line rules), and rules without keywords run over the region
/// itself. Every decision is made in stream coordinates from the bytes alone, so the
/// findings are the same whatever the chunk size; a test proves it down to one byte.
/// Not thread-safe: one scanner per thread, sharing the immutable `RuleSet`.
public final class Scanner {
    public let ruleSet: RuleSet
    public let fingerprinter: Fingerprinter
    public private(set) var statistics: RuleStatistics
    private let matcher = Matcher()
    private let chunkSize: Int
    private let overlap: Int
    private let backContext: Int
    private let maxLength: Int
    private let storage: UnsafeMutableRawBufferPointer
    private var hits: [[Int]]
    private var resume: [Int]
    /// The keyword hits of "COPY " (SQL dump table headers), after the rules' own.
    var copySlot: Int { ruleSet.rules.count }
    /// Digit clusters of the current step, for the prefilters (kept to reuse its storage).
    private var clusters: [Prefilter.DigitCluster] = []
    /// Newlines, colons and digits of the current window, classified once per step.
    private let masks: ByteMasks
    /// Scans decoded text with the same rules; it never decodes again, so nesting stops at one.
    private let nested: Scanner?
    private let decodes: Bool
    /// False for the scanner of decoded text, whose findings are only read for their
    /// value and confidence: their masks and fingerprints are not worked out.
    private let finishesFindings: Bool

    /// `chunkSize` is how many new bytes each step commits; small values exist for tests.
    public convenience init(ruleSet: RuleSet, fingerprinter: Fingerprinter, chunkSize: Int = 1 << 20) {
        self.init(ruleSet: ruleSet, fingerprinter: fingerprinter, chunkSize: chunkSize, decodes: true)
    }

    init(ruleSet: RuleSet, fingerprinter: Fingerprinter, chunkSize: Int, decodes: Bool, finishesFindings: Bool = true) {
        self.decodes = decodes && ruleSet.hasDecoders
        nested = self.decodes ? Scanner(ruleSet: ruleSet, fingerprinter: fingerprinter, chunkSize: 1 << 16, decodes: false, finishesFindings: false) : nil
        self.finishesFindings = finishesFindings
        self.ruleSet = ruleSet
        self.fingerprinter = fingerprinter
        self.chunkSize = max(1, chunkSize)
        maxLength = ruleSet.maxMatchLength
        overlap = maxLength + 256 + ruleSet.keywords.longestKeyword
        backContext = maxLength + 256
        // At least 4 KiB so the first window always holds the 2 KiB the header is read from.
        storage = .allocate(byteCount: max(4096, backContext + overlap + self.chunkSize), alignment: 16)
        masks = ByteMasks(capacity: storage.count)
        hits = Array(repeating: [], count: ruleSet.rules.count + 1)
        resume = Array(repeating: 0, count: ruleSet.rules.count)
        statistics = RuleStatistics(ruleCount: ruleSet.rules.count)
    }

    deinit { storage.deallocate() }

    /// Bytes of context patterns may inspect beyond their match (lookahead, lookbehind).
    static let lookaroundMargin = 64

    /// Time a user's rule (`Rule.boundedTime`) may spend on one window (about a megabyte),
    /// and on a run of match-limit hits of any rule: a rule over it stops for the window
    /// and counts a limit hit, which fails the run. Patterns such as `(\w+)\s+\1` or
    /// `(?>a+)+$`, or a keyword that occurs everywhere, otherwise took minutes per megabyte.
    static let ruleBudget: UInt64 = 2_000_000_000
    /// Start positions searched per call for a bounded rule: one call's worst case stays
    /// well under the budget, and an ordinary rule pays one call per slice.
    static let sliceStarts = 128

    /// Scans a whole in-memory buffer; convenience for tests, rule checks and small inputs.
    public func scan(bytes: [UInt8], origin: Origin = Origin(path: "-")) throws -> (findings: [Finding], report: FragmentReport) {
        var source = MemorySource(bytes)
        var findings: [Finding] = []
        let report = try scan(&source, origin: origin) { findings.append($0) }
        return (findings, report)
    }

    /// Scans one fragment from `source`, calling `emit` for each finding in order of position.
    public func scan<Source: ByteSource>(_ source: inout Source, origin: Origin, emit: (Finding) -> Void) throws -> FragmentReport {
        for i in resume.indices { resume[i] = 0 }
        var state = WindowState(origin: origin)
        var report = FragmentReport()
        let base = storage.baseAddress!.assumingMemoryBound(to: UInt8.self)
        while true {
            // Fill the window until full or the stream ends.
            var eof = false
            while state.length < storage.count {
                let n = try source.read(into: UnsafeMutableRawBufferPointer(rebasing: storage[state.length...]))
                if n == 0 { eof = true; break }
                state.length += n
                report.bytes += n
            }
            let windowEnd = state.start + state.length
            let cut = eof ? windowEnd : windowEnd - overlap
            // The masks describe this window only when this round processed it.
            let classified = cut > state.committed || eof
            if classified {
                try process(base: base, state: &state, cut: cut, eof: eof, report: &report, emit: emit)
                state.committed = max(state.committed, cut)
            }
            if eof {
                // The tracker stands at the window's start; the last window was classified.
                report.newlines = state.tracker.line - 1 + masks.newlines.population(from: 0, to: state.length)
                break
            }
            // Slide: keep enough history for lookbehind and context of the next step.
            let keepFrom = max(state.start, state.committed - backContext)
            let drop = keepFrom - state.start
            if drop > 0 {
                // `place` may have walked there already this step.
                if let saved = state.slideMark, saved.offset == keepFrom {
                    state.tracker = saved.tracker
                } else if classified {
                    state.tracker.advance(over: base, newlines: masks.newlines, from: 0, to: drop)
                } else {
                    state.tracker.advance(over: base, from: 0, to: drop)
                }
                state.previousByte = base[drop - 1]
                (base).update(from: base + drop, count: state.length - drop)
                state.start = keepFrom
                state.length -= drop
            }
        }
        return report
    }

    // MARK: - One step

    private func process(
        base: UnsafeMutablePointer<UInt8>, state: inout WindowState, cut: Int, eof: Bool,
        report: inout FragmentReport, emit: (Finding) -> Void
    ) throws {
        let window = UnsafeRawBufferPointer(start: base, count: state.length)
        if state.start == 0 && state.committed == 0 {
            state.header = state.origin.header ?? Self.headerLine(window)
            state.headersLowercased = state.header.lowercased()
            if state.origin.header == nil { state.creditBlockEnd = AttributionContext.creditBlockEnd(window) }
        }
        let from = state.committed - state.start
        let to = cut - state.start
        masks.update(base, count: state.length)
        var raw: [RawMatch] = []
        for i in hits.indices { hits[i].removeAll(keepingCapacity: true) }
        ruleSet.keywords.search(window, from: from, to: to, limit: state.length, into: &hits)
        recordSQLCopyHeaders(window, hits: hits[copySlot], state: &state)
        for r in ruleSet.rules.indices where !hits[r].isEmpty && (decodes || ruleSet.rules[r].rule.decode == nil)
            && headerAllows(ruleSet.rules[r], state) {
            statistics.candidates[r] += hits[r].count
            let t0 = monotonicNanoseconds()
            try runSegments(rule: ruleSet.rules[r], window: window, state: state, eof: eof, into: &raw, report: &report)
            statistics.nanoseconds[r] += monotonicNanoseconds() &- t0
        }
        let bytes = window.baseAddress!.assumingMemoryBound(to: UInt8.self)
        // Clusters only the rules that run here can use (a column rule needs its header).
        let active = ruleSet.prefilteredRules.filter { (decodes || ruleSet.rules[$0].rule.decode == nil) && headerAllows(ruleSet.rules[$0], state) }
        var floor = Prefilter.ClusterFloor()
        for r in active { floor.lower(to: ruleSet.rules[r].rule.prefilter!.clusterFloor) }
        if active.contains(where: { ruleSet.rules[$0].rule.prefilter!.usesClusters }) {
            Prefilter.digitClusters(bytes, from: from, to: to, limit: state.length, floor: floor, digits: masks.digits, into: &clusters)
        } else {
            clusters.removeAll(keepingCapacity: true)
        }
        for r in active {
            let rule = ruleSet.rules[r]
            let t0 = monotonicNanoseconds()
            rule.rule.prefilter!.search(bytes, from: from, to: to, limit: state.length, clusters: clusters, masks: masks, into: &hits[r])
            if !hits[r].isEmpty {
                statistics.candidates[r] += hits[r].count
                try runSegments(rule: rule, window: window, state: state, eof: eof, into: &raw, report: &report)
            }
            statistics.nanoseconds[r] += monotonicNanoseconds() &- t0
        }
        for r in ruleSet.unfilteredRules where (decodes || ruleSet.rules[r].rule.decode == nil) && headerAllows(ruleSet.rules[r], state) {
            let t0 = monotonicNanoseconds()
            try runRegion(rule: ruleSet.rules[r], window: window, state: state, from: from, to: to, eof: eof, into: &raw, report: &report)
            statistics.nanoseconds[r] += monotonicNanoseconds() &- t0
        }
        state.slideMark = nil
        place(raw, window: window, state: &state, slideTo: max(state.start, max(state.committed, cut) - backContext))
        flush(state: &state, cutoff: eof ? Int.max : cut - maxLength, emit: emit, report: &report)
    }

    /// Keyword rules: run the pattern over the line (or bounded span) around each hit.
    private func runSegments(
        rule: CompiledRule, window: UnsafeRawBufferPointer, state: WindowState, eof: Bool,
        into raw: inout [RawMatch], report: inout FragmentReport
    ) throws {
        let r = rule.index
        let p = window.baseAddress!.assumingMemoryBound(to: UInt8.self)
        let newlines = masks.newlines
        // A match holding the hit lies within maxLength of it; the margin leaves room for lookaround.
        let length = rule.rule.maxLength + Scanner.lookaroundMargin
        var lastTried = -1
        var afterKeyword = LiteralLookahead(count: rule.literalsAfterKeyword.count)
        let deadline = rule.rule.boundedTime ? monotonicNanoseconds() &+ Self.ruleBudget : UInt64.max
        let capitalised = rule.rule.keywordsCapitalised, wordStart = rule.rule.keywordsAtWordStart
        for (n, hit) in hits[r].enumerated() {
            // A user's rule whose keyword occurs everywhere stops for this window at its budget.
            if deadline != .max && n & 63 == 63 && monotonicNanoseconds() > deadline {
                report.noteBudgetSpent(rule: rule.rule.id)
                break
            }
            if capitalised && !Self.startsCapitalisedWord(p, at: hit, previous: state.previousByte) { continue }
            if wordStart && !Self.startsWord(p, at: hit, previous: state.previousByte) { continue }
            // Positions in the window from here on. The segment ends at the hit's line end
            // (`lineEnds`), or where the window or the longest match cuts it.
            var segEnd = min(state.length, hit + length)
            var lineEnds = eof && segEnd == state.length
            if !rule.rule.multiline, let newline = newlines.next(from: hit, to: segEnd) {
                segEnd = newline
                lineEnds = true
            }
            // The segment starts at the hit's line start, or the longest match before it;
            // worked out only when needed (anchored rules mostly never do).
            func segmentStart() -> Int {
                let floor = max(0, hit - length)
                return newlines.previous(from: floor, to: hit).map { $0 + 1 } ?? floor
            }
            // No match can be where none of the rule's required literals is.
            // Hits come in increasing order and share the lookahead's memory of where the
            // literals are (and are not), so many hits close together cost one pass, not one each.
            if !rule.literalsAfterKeyword.isEmpty && !afterKeyword.holds(rule.literalsAfterKeyword, in: p, from: hit, to: segEnd) {
                continue
            }
            if !rule.requiredLiterals.isEmpty && !ByteSearch.containsAny(rule.requiredLiterals, in: p, from: segmentStart(), to: segEnd) {
                continue
            }
            // Anchored rules are tried only where a match can start. A single-line segment must
            // end at its line; a multi-line one must hold the longest match (the window does
            // not cut it). Otherwise the hit goes the general way.
            let uncut = lineEnds || (rule.rule.multiline && segEnd == hit + length)
            if let anchored = rule.anchoredPattern, uncut,
               tryAnchored(rule, anchored, hit: hit, lineEnd: segEnd, length: length, lastTried: &lastTried,
                           options: lineEnds ? notBOL(state) : notBOL(state).union(.notEndOfLine),
                           window: window, state: state, into: &raw, report: &report) {
                continue
            }
            let segStart = segmentStart()
            var cursor = max(resume[r] - state.start, segStart)
            while cursor < segEnd {
                let options: Matcher.MatchOptions = lineEnds ? notBOL(state) : notBOL(state).union(.notEndOfLine)
                guard let found = attempt(rule, window, end: segEnd, from: cursor, options: options, report: &report) else {
                    resume[r] = state.start + segEnd
                    break
                }
                guard let m = found else {
                    resume[r] = max(resume[r], state.start + (lineEnds ? segEnd : max(segStart, segEnd - length)))
                    break
                }
                if !lineEnds && m.whole.end >= segEnd {
                    resume[r] = max(resume[r], state.start + min(m.whole.start, max(segStart, segEnd - length)))
                    break
                }
                consider(m, rule: rule, window: window, state: state, into: &raw)
                resume[r] = state.start + Self.resumePoint(after: m)
                cursor = resume[r] - state.start
            }
        }
    }

    /// A `starts_at_word` or `keyword_lead` rule at one hit: the pattern is tried anchored
    /// at the few places a match holding this hit can start (the start of the hit's word;
    /// or the `keyword_lead` bytes before the hit, and the hit), on the hit's line, in
    /// increasing order across hits. Every match of such a rule starts at one of them, so
    /// the matches found are those of a search from the line's start (a test compares the
    /// two). False, having tried nothing, when the window cuts the word or lead: that hit
    /// goes the general way.
    private func tryAnchored(
        _ rule: CompiledRule, _ anchored: Pattern, hit: Int, lineEnd end: Int, length: Int, lastTried: inout Int,
        options: Matcher.MatchOptions, window: UnsafeRawBufferPointer, state: WindowState,
        into raw: inout [RawMatch], report: inout FragmentReport
    ) -> Bool {
        let p = window.baseAddress!.assumingMemoryBound(to: UInt8.self)
        var first = hit
        if let lead = rule.rule.keywordLead {
            if hit - lead < 0 && state.start > 0 { return false }
            first = max(0, hit - lead)
            if let newline = masks.newlines.previous(from: first, to: hit) { first = newline + 1 }
        } else {
            while first > 0 && hit - first < length && Self.isWordByte(p[first - 1]) { first -= 1 }
            if (first == 0 && state.start > 0) || hit - first >= length { return false }
        }
        let r = rule.index
        // The word-start mode has one place per hit; the lead mode has up to lead + 1.
        let last = rule.rule.keywordLead == nil ? first : hit
        var start = max(first, lastTried + 1)
        let startBytes = rule.pattern.startBytes
        while start <= last {
            lastTried = start
            // A byte no match can start with is skipped without calling PCRE2.
            if state.start + start >= resume[r], startBytes?[Int(p[start])] ?? true,
               let found = attempt(rule, window, end: end, from: start, options: options, report: &report, pattern: anchored),
               let m = found {
                consider(m, rule: rule, window: window, state: state, into: &raw)
                resume[r] = state.start + Self.resumePoint(after: m)
            }
            start += 1
        }
        return true
    }

    /// An ASCII capital with no letter just before it (`previous` is the byte before the window).
    @inline(__always) static func startsCapitalisedWord(_ p: UnsafePointer<UInt8>, at i: Int, previous: UInt8) -> Bool {
        guard p[i] &- 0x41 < 26 else { return false }
        let before = i > 0 ? p[i - 1] : previous
        return (before | 0x20) &- 0x61 >= 26 && before < 0x80
    }

    /// No letter, digit or underscore just before `i` (`previous` is the byte before the window).
    @inline(__always) static func startsWord(_ p: UnsafePointer<UInt8>, at i: Int, previous: UInt8) -> Bool {
        let before = i > 0 ? p[i - 1] : previous
        return !(before &- 0x30 < 10 || (before | 0x20) &- 0x61 < 26 || before == 0x5F || before >= 0x80)
    }

    @inline(__always) static func isWordByte(_ c: UInt8) -> Bool {
        c &- 0x30 < 10 || (c | 0x20) &- 0x61 < 26 || c == 0x5F || c == 0x2E || c == 0x2D
    }

    /// One match attempt. A match-limit error is counted in the report and comes back as
    /// nil (give up on this stretch); no match is `.some(nil)`.
    private func attempt(
        _ rule: CompiledRule, _ window: UnsafeRawBufferPointer, end: Int, from: Int,
        options: Matcher.MatchOptions, report: inout FragmentReport, pattern: Pattern? = nil, startLimit: Int? = nil
    ) -> MatchSpan?? {
        do {
            return .some(try matcher.firstMatch(of: pattern ?? rule.pattern, in: window, end: end, from: from, groups: rule.valueGroups,
                                                options: options, startLimit: startLimit))
        } catch let error as PCRE2Error {
            report.noteLimit(rule: rule.rule.id, error: error)
            return nil
        } catch {
            return nil
        }
    }

    /// Where the next match may start: after this one, and never stuck on an empty match.
    private static func resumePoint(after m: MatchSpan) -> Int {
        m.whole.end > m.whole.start ? m.whole.end : m.whole.start + 1
    }

    /// Rules without keywords: run over the committed region, with lookahead for matches
    /// that start in it and end after it.
    private func runRegion(
        rule: CompiledRule, window: UnsafeRawBufferPointer, state: WindowState, from: Int, to: Int, eof: Bool,
        into raw: inout [RawMatch], report: inout FragmentReport
    ) throws {
        let r = rule.index
        let end = min(state.length, to + rule.rule.maxLength + Scanner.lookaroundMargin)
        let atStreamEnd = eof && end == state.length
        let options: Matcher.MatchOptions = atStreamEnd ? notBOL(state) : notBOL(state).union(.notEndOfLine)
        var cursor = max(resume[r] - state.start, from)
        // A user's rule is searched a slice of start positions at a time, so one call cannot
        // run for minutes, and the rule stops for this window when its budget is spent.
        let bounded = rule.rule.boundedTime
        let deadline = monotonicNanoseconds() &+ Self.ruleBudget
        while cursor < to {
            let sliceEnd = bounded ? min(to, cursor + Self.sliceStarts) : to
            guard let found = attempt(rule, window, end: end, from: cursor, options: options, report: &report,
                                      startLimit: bounded ? sliceEnd - 1 : nil) else {
                // A match limit at some start after `cursor`: go on from the next line rather
                // than giving up the region, so later matches are still found.
                cursor = masks.newlines.next(from: cursor, to: to).map { $0 + 1 } ?? to
                resume[r] = state.start + cursor
                if monotonicNanoseconds() > deadline && cursor < to {
                    report.noteBudgetSpent(rule: rule.rule.id)
                    resume[r] = state.start + to
                    return
                }
                continue
            }
            guard let m = found, m.whole.start < to else {
                guard bounded && sliceEnd < to else { return }
                cursor = sliceEnd
                if monotonicNanoseconds() > deadline {
                    report.noteBudgetSpent(rule: rule.rule.id)
                    resume[r] = state.start + to
                    return
                }
                continue
            }
            statistics.candidates[r] += 1
            consider(m, rule: rule, window: window, state: state, into: &raw)
            resume[r] = state.start + Self.resumePoint(after: m)
            cursor = resume[r] - state.start
        }
    }

    /// Column-context rules run only where a header names their column.
    @inline(__always) private func headerAllows(_ rule: CompiledRule, _ state: WindowState) -> Bool {
        rule.rule.requiresHeader.isEmpty || rule.rule.requiresHeader.contains { state.headersLowercased.containsBytes($0) }
    }

    private func notBOL(_ state: WindowState) -> Matcher.MatchOptions {
        state.start == 0 || state.previousByte == 0x0A ? [] : .notBeginningOfLine
    }

    /// Validates one match and keeps it if it survives.
    private func consider(_ m: MatchSpan, rule: CompiledRule, window: UnsafeRawBufferPointer, state: WindowState, into raw: inout [RawMatch]) {
        let r = rule.index
        statistics.matches[r] += 1
        let span = m.group ?? m.whole
        guard span.count > 0 else { return }
        let p = window.baseAddress!.assumingMemoryBound(to: UInt8.self)
        func text(_ a: Int, _ b: Int) -> String { String(decoding: UnsafeBufferPointer(start: p + a, count: b - a), as: UTF8.self) }
        var lineStart = span.start
        while lineStart > 0 && span.start - lineStart < 512 && p[lineStart - 1] != 0x0A { lineStart -= 1 }
        let beforeStart = max(lineStart, span.start - 80)
        var afterEnd = span.end
        while afterEnd < window.count && afterEnd - span.end < 80 && p[afterEnd] != 0x0A { afterEnd += 1 }
        let candidate = Candidate(
            value: text(span.start, span.end), match: text(m.whole.start, m.whole.end),
            before: text(beforeStart, span.start), after: text(span.end, afterEnd),
            header: state.tableHeaders.last(where: { $0.offset < state.start + span.start })?.header ?? state.header,
            lineBefore: text(lineStart, span.start), path: state.origin.path
        )
        if let encoding = rule.rule.decode {
            decodeAndScan(candidate, encoding: encoding, match: m.whole, span: span, window: p, state: state, into: &raw)
            return
        }
        var confidence = rule.rule.confidence
        var note: String?
        for validator in rule.validators {
            switch validator.validate(candidate) {
            case .accept: continue
            case let .lower(level, reason):
                if level < confidence { confidence = level; note = reason }
            case .reject:
                statistics.rejected[r] += 1
                return
            }
        }
        let context = FindingContext.classify(candidate, category: rule.rule.category,
                                              inCreditBlock: state.start + span.start < state.creditBlockEnd)
        // Organisational (a team's or a list's mailbox) is low confidence whatever the rule said.
        if context == .organisational && confidence > .low { confidence = .low; note = note ?? "an organisation's or list's mailbox" }
        raw.append(RawMatch(rule: r, start: state.start + span.start, end: state.start + span.end,
                            value: candidate.value, confidence: confidence, note: note, context: context))
    }

    /// Decodes an encoded span and keeps what the other rules find inside it, placed on
    /// the encoded span and marked with the encoding.
    /// The text around the value (a key name, say) is scanned with it, so `password: <base64>`
    /// still reads as a password once decoded.
    private func decodeAndScan(
        _ candidate: Candidate, encoding: Encoding, match: ByteRange, span: ByteRange, window p: UnsafePointer<UInt8>,
        state: WindowState, into raw: inout [RawMatch]
    ) {
        guard let nested, let decoded = encoding.decode(candidate.value) else { return }
        // Escaped bytes such as b'\x89PNG\r\n' decode to control characters around short
        // words: nothing any rule reports is shorter than four letters or digits in a row.
        // A spoken value is only ever what its words said (a postcode such as W3 6RX). hedgerow:allow (made-up example)
        guard encoding == .spoken || Self.hasAlphanumericRun(decoded, length: 4) else { return }
        // The match's text around the value (a key name) goes with it; a value group outside
        // the match (a capture in a lookaround) has none.
        let input = encoding.surround(
            decoded, before: Array(UnsafeBufferPointer(start: p + match.start, count: max(0, span.start - match.start))),
            after: Array(UnsafeBufferPointer(start: p + span.end, count: max(0, match.end - span.end))))
        guard let inner = try? nested.scan(bytes: input).findings else { return }
        let encoded = Array(candidate.value.utf8)
        for f in inner {
            guard let index = ruleSet.index(of: f.ruleID) else { continue }
            // A value the encoded text holds byte for byte (a token after a \n escape) is
            // placed on those bytes: span and masked value then match the file's own text.
            let at = Self.firstIndex(of: Array(f.value.utf8), in: encoded).map { span.start + $0 }
            raw.append(RawMatch(rule: index, start: state.start + (at ?? span.start), end: state.start + (at.map { $0 + f.value.utf8.count } ?? span.end),
                                value: f.value, confidence: f.confidence, note: f.confidenceNote, decodedFrom: encoding))
        }
    }

    /// Where `needle` first occurs in `haystack`, if it does (short inputs: a decoded value).
    static func firstIndex(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard !needle.isEmpty, needle.count <= haystack.count else { return nil }
        for i in 0...(haystack.count - needle.count) where haystack[i] == needle[0] {
            if haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
        }
        return nil
    }

    static func hasAlphanumericRun(_ bytes: [UInt8], length: Int) -> Bool {
        var run = 0
        for b in bytes {
            let alnum = (b &- 0x30 < 10) || ((b | 0x20) &- 0x61 < 26)
            run = alnum ? run + 1 : 0
            if run >= length { return true }
        }
        return false
    }

    /// Gives each new match its line and column, walking the window once in offset order.
    /// The walk also stops at `slideTo`, where the window will start next step, and keeps
    /// its line and column there (`slideMark`), so the slide need not walk those bytes again.
    private func place(_ raw: [RawMatch], window: UnsafeRawBufferPointer, state: inout WindowState, slideTo: Int) {
        guard !raw.isEmpty else { return }
        let p = window.baseAddress!.assumingMemoryBound(to: UInt8.self)
        // Starts and ends in offset order (slot 2i is match i's start, 2i + 1 its end; -1 the slide).
        var marks: [(offset: Int, slot: Int)] = [(slideTo, -1)]
        marks.reserveCapacity(raw.count * 2 + 1)
        for (i, m) in raw.enumerated() { marks.append((m.start, 2 * i)); marks.append((m.end, 2 * i + 1)) }
        marks.sort { $0.offset < $1.offset }
        var tracker = state.tracker
        var cursor = state.start
        var positions = [TextPosition](repeating: TextPosition(line: 0, column: 0, offset: 0), count: raw.count * 2)
        for mark in marks {
            tracker.advance(over: p, newlines: masks.newlines, from: cursor - state.start, to: mark.offset - state.start)
            cursor = mark.offset
            guard mark.slot >= 0 else { state.slideMark = (mark.offset, tracker); continue }
            positions[mark.slot] = TextPosition(line: tracker.line + state.origin.firstLine - 1, column: tracker.column, offset: mark.offset)
        }
        for (i, m) in raw.enumerated() {
            let rule = ruleSet.rules[m.rule]
            let finding = Finding(
                ruleID: rule.rule.id, ruleName: rule.rule.name, category: rule.rule.category,
                dataClass: rule.rule.dataClass, confidence: m.confidence, confidenceNote: m.note,
                origin: state.origin, start: positions[2 * i], end: positions[2 * i + 1], value: m.value,
                masked: finishesFindings ? Masking.mask(m.value, category: rule.rule.category) : "",
                fingerprint: finishesFindings ? fingerprinter.fingerprint(ruleID: rule.rule.id, value: m.value) : "",
                hint: m.context?.hint ?? rule.rule.hint,
                decodedFrom: m.decodedFrom
            )
            var placed = finding
            placed.context = m.context
            placed.allowedInline = InlineAllow.allows(p, count: window.count, start: m.start - state.start,
                                                      ruleID: rule.rule.id, category: rule.rule.category.rawValue)
            state.pending.append(Pending(finding: placed, rule: m.rule, priority: rule.priority))
        }
        state.pending.sort { ($0.finding.start.offset, $0.rule) < ($1.finding.start.offset, $1.rule) }
    }

    /// Emits findings no later match can overlap, dropping those a more specific rule
    /// covers (a generic password rule under a connection string, an IP inside a URI).
    private func flush(state: inout WindowState, cutoff: Int, emit: (Finding) -> Void, report: inout FragmentReport) {
        let pending = state.pending
        for i in pending.indices where !pending[i].decided && pending[i].finding.end.offset <= cutoff {
            state.pending[i].decided = true
            if !isDominated(i, in: pending) {
                report.findings += 1
                emit(pending[i].finding)
            }
        }
        // Pruned only when the oldest can go (pending is in start order): a step of a few
        // bytes (small chunks, tests) must not walk every pending finding.
        let prune = cutoff - 2 * maxLength
        if let oldest = state.pending.first, oldest.decided, oldest.finding.end.offset <= prune {
            state.pending.removeAll { $0.decided && $0.finding.end.offset <= prune }
        }
    }

    private func isDominated(_ i: Int, in pending: [Pending]) -> Bool {
        let f = pending[i]
        func beats(_ g: Pending, at j: Int) -> Bool {
            guard g.finding.start.offset < f.finding.end.offset, g.finding.end.offset > f.finding.start.offset else { return false }
            if g.priority != f.priority { return g.priority > f.priority }
            // The same value read raw and inside a decoded span (an address between \u003c
            // escapes): the raw reading's span and value are the file's own bytes.
            if (g.finding.decodedFrom != nil) != (f.finding.decodedFrom != nil) && g.finding.value == f.finding.value {
                return g.finding.decodedFrom == nil
            }
            let gl = g.finding.end.offset - g.finding.start.offset, fl = f.finding.end.offset - f.finding.start.offset
            if gl != fl { return gl > fl }
            // A finding inside decoded text knows more than the same span read raw, unless
            // it read the same value (a written date the spoken rule also passed on).
            if (g.finding.decodedFrom != nil) != (f.finding.decodedFrom != nil) {
                return g.finding.value == f.finding.value ? g.finding.decodedFrom == nil : g.finding.decodedFrom != nil
            }
            return g.rule < f.rule || (g.rule == f.rule && j < i)
        }
        var j = i - 1
        while j >= 0 && pending[j].finding.start.offset > f.finding.start.offset - maxLength {
            if beats(pending[j], at: j) { return true }
            j -= 1
        }
        j = i + 1
        while j < pending.count && pending[j].finding.start.offset < f.finding.end.offset {
            if beats(pending[j], at: j) { return true }
            j += 1
        }
        return false
    }
}

struct RawMatch {
    let rule: Int
    let start: Int
    let end: Int
    let value: String
    let confidence: Confidence
    let note: String?
    var decodedFrom: Encoding? = nil
    /// Set by `FindingContext`: published on purpose (attribution) or a team's mailbox.
    var context: FindingContext? = nil
}

struct Pending {
    var finding: Finding
    let rule: Int
    let priority: Int
    var decided = false
}

struct WindowState {
    let origin: Origin
    /// Stream offset of the window's first byte.
    var start = 0
    var length = 0
    /// Everything before this stream offset has been processed.
    var committed = 0
    var previousByte: UInt8 = 0x0A
    var tracker = LineTracker()
    /// The tracker where the window will start next step, when `place` walked there.
    var slideMark: (offset: Int, tracker: LineTracker)?
    var pending: [Pending] = []
    var header = ""
    /// The header and every SQL COPY column list so far, lower case, for `requires_header`.
    var headersLowercased = ""
    /// SQL COPY headers seen so far (stream offset, tab-joined columns), newest last.
    var tableHeaders: [(offset: Int, header: String)] = []
    /// Stream offset where the file's opening credit block ends (0: none), for attribution.
    var creditBlockEnd = 0
    init(origin: Origin) { self.origin = origin }
}
