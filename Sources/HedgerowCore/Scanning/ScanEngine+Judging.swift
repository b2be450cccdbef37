import Foundation
import PCRE2
#if canImport(Glibc)
import Glibc
#endif

/// Stage 4, judging: each match's validators (checksums, context words, placeholders) keep,
/// lower or reject it; decoder rules decode their span and scan the decoded text with the
/// other rules; the finding's context class (attribution, organisational) is decided here.
extension ScanEngine {
    /// Validates one match and keeps it if it survives.
    func consider(_ m: MatchSpan, rule: CompiledRule, window: UnsafeRawBufferPointer, state: WindowState, into raw: inout [RawMatch]) {
        let r = rule.index
        statistics.matches[r] += 1
        let span = m.group ?? m.whole
        guard span.count > 0 else { return }
        if let skipsSpan, skipsSpan(state.start + span.start, state.start + span.end) { return }
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
        if rule.rule.decode == .concatenation {
            joinAndScan(span, window: p, state: state, into: &raw)
            return
        }
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
    func decodeAndScan(
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
}
