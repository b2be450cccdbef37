import Foundation
import PCRE2
#if canImport(Glibc)
import Glibc
#endif

/// Stage 3, matching: one PCRE2 pattern per rule, run on the line (or bounded span) around
/// each candidate, anchored where a rule says where its matches start, resuming after each
/// match so nothing is found twice across windows.
extension ScanEngine {
    /// Keyword rules: run the pattern over the line (or bounded span) around each hit.
    func runSegments(
        rule: CompiledRule, window: UnsafeRawBufferPointer, state: WindowState, eof: Bool,
        into raw: inout [RawMatch], report: inout FragmentReport
    ) throws {
        let r = rule.index
        let p = window.baseAddress!.assumingMemoryBound(to: UInt8.self)
        let newlines = masks.newlines
        // A match holding the hit lies within maxLength of it; the margin leaves room for lookaround.
        let length = rule.rule.maxLength + ScanEngine.lookaroundMargin
        var lastTried = -1
        var afterKeyword = LiteralLookahead(count: rule.literalsAfterKeyword.count)
        let deadline = rule.rule.boundedTime ? monotonicNanoseconds() &+ Self.ruleBudget : UInt64.max
        let capitalised = rule.rule.keywordsCapitalised, wordStart = rule.rule.keywordsAtWordStart
        let multiline = rule.rule.multiline
        // The hits read through a local copy (nothing adds to them while they are run): read
        // through the class property, each one cost a retain, a release and an access check.
        let ruleHits = hits[r]
        var n = -1
        while n + 1 < ruleHits.count {
            n += 1
            let hit = ruleHits[n]
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
            if !multiline, let newline = newlines.next(from: hit, to: segEnd) {
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
            let uncut = lineEnds || (multiline && segEnd == hit + length)
            if let anchored = rule.anchoredPattern, uncut,
               tryAnchored(rule, anchored, hit: hit, lineEnd: segEnd, length: length, lastTried: &lastTried,
                           options: lineEnds ? notBOL(state) : notBOL(state).union(.notEndOfLine),
                           window: window, state: state, into: &raw, report: &report) {
                continue
            }
            let segStart = segmentStart()
            // On a line longer than the segment, the hits that follow inside it join it: one
            // search goes over the union of their segments. Searched one by one, each hit
            // searched again the `length` bytes the one before could not settle, so digit
            // clusters on one long line cost several times what they cost in short lines.
            if !lineEnds {
                while n + 1 < ruleHits.count && ruleHits[n + 1] < segEnd {
                    n += 1
                    let next = ruleHits[n]
                    guard next + length > segEnd else { continue }
                    segEnd = min(state.length, next + length)
                    lineEnds = eof && segEnd == state.length
                    if !multiline, let newline = newlines.next(from: next, to: segEnd) {
                        segEnd = newline
                        lineEnds = true
                    }
                    if lineEnds { break }
                }
            }
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
    func tryAnchored(
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
    func attempt(
        _ rule: CompiledRule, _ window: UnsafeRawBufferPointer, end: Int, from: Int,
        options: Matcher.MatchOptions, report: inout FragmentReport, pattern: Pattern? = nil, startLimit: Int? = nil
    ) -> MatchSpan?? {
        do {
            let found = try matcher.firstMatch(of: pattern ?? rule.pattern, in: window, end: end, from: from, groups: rule.valueGroups,
                                               options: options, startLimit: startLimit)
            // A search goes over the bytes up to its match's end, or to its end.
            if pattern == nil { statistics.searchedBytes[rule.index] += max(0, (found?.whole.end ?? end) - from) }
            return .some(found)
        } catch let error as PCRE2Error {
            report.noteLimit(rule: rule.rule.id, error: error)
            return nil
        } catch {
            return nil
        }
    }

    /// Where the next match may start: after this one, and never stuck on an empty match.
    static func resumePoint(after m: MatchSpan) -> Int {
        m.whole.end > m.whole.start ? m.whole.end : m.whole.start + 1
    }

    /// Rules without keywords: run over the committed region, with lookahead for matches
    /// that start in it and end after it.
    func runRegion(
        rule: CompiledRule, window: UnsafeRawBufferPointer, state: WindowState, from: Int, to: Int, eof: Bool,
        into raw: inout [RawMatch], report: inout FragmentReport
    ) throws {
        let r = rule.index
        let end = min(state.length, to + rule.rule.maxLength + ScanEngine.lookaroundMargin)
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


    func notBOL(_ state: WindowState) -> Matcher.MatchOptions {
        state.start == 0 || state.previousByte == 0x0A ? [] : .notBeginningOfLine
    }
}
