import Foundation
import PCRE2
#if canImport(Glibc)
import Glibc
#endif

/// Stage 4, judging: each match's validators (checksums, context words, placeholders) keep,
/// lower or reject it; decoder rules rewrite their span (`Encoding.rewrite`: decoded text
/// with an offset map back to it) and `rescan` it with the other rules; the finding's
/// context class (attribution, organisational) is decided here.
extension ScanEngine {
    /// Validates one match and keeps it if it survives.
    func consider(_ m: MatchSpan, rule: CompiledRule, window: UnsafeRawBufferPointer, state: WindowState, into raw: inout [RawMatch]) {
        let r = rule.index
        statistics.matches[r] += 1
        let span = m.group ?? m.whole
        guard span.count > 0 else { return }
        if let skipsSpan, skipsSpan(state.start + span.start, state.start + span.end) { return }
        let p = window.baseAddress!.assumingMemoryBound(to: UInt8.self)
        // A decoder rule reports nothing itself: its span is rewritten and scanned again.
        if rule.rule.decode == .concatenation {
            joinAndScan(span, window: p, state: state, into: &raw)
            return
        }
        if let encoding = rule.rule.decode {
            decodeAndScan(encoding, match: m.whole, span: span, window: p, state: state, into: &raw)
            return
        }
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

    /// Decodes an encoded span into rewritten text with an offset map back to its bytes
    /// (`Encoding.rewrite`), scans it with the other rules (`rescan`, which puts each
    /// finding back on the source through the map, as for every rewrite) and keeps what
    /// they find, marked with the encoding: a value between escapes lands on its own bytes,
    /// a base64 or spoken value on the whole encoded span.
    /// The text around the value (a key name, say) is scanned with it, so `password: <base64>`
    /// still reads as a password once decoded.
    func decodeAndScan(
        _ encoding: Encoding, match: ByteRange, span: ByteRange, window p: UnsafePointer<UInt8>,
        state: WindowState, into raw: inout [RawMatch]
    ) {
        guard nested != nil,
              let decoded = encoding.rewrite(UnsafeBufferPointer(start: p + span.start, count: span.end - span.start), at: state.start + span.start)
        else { return }
        // Escaped bytes such as b'\x89PNG\r\n' decode to control characters around short
        // words: nothing any rule reports is shorter than four letters or digits in a row.
        // A spoken value is only ever what its words said (a postcode such as W3 6RX). hedgerow:allow (made-up example)
        guard encoding == .spoken || Self.hasAlphanumericRun(decoded.bytes, length: 4) else { return }
        // The match's text around the value (a key name) goes with it; a value group outside
        // the match (a capture in a lookaround) has none.
        let around = encoding.context(
            before: Array(UnsafeBufferPointer(start: p + match.start, count: max(0, span.start - match.start))),
            after: Array(UnsafeBufferPointer(start: p + span.end, count: max(0, match.end - span.end))))
        // A value the encoded text holds byte for byte (a token after a \n escape) is kept
        // too: the plain scan may not read it (the escape's letter glued onto it).
        for (f, _, placed) in rescan(decoded, before: around.before, after: around.after, onlyRewritten: false) {
            guard let index = ruleSet.index(of: f.ruleID), let first = placed.first, let last = placed.last else { continue }
            raw.append(RawMatch(rule: index, start: first.lowerBound, end: last.upperBound,
                                value: f.value, confidence: f.confidence, note: f.confidenceNote, decodedFrom: encoding))
        }
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
}
