import Foundation
import PCRE2
#if canImport(Glibc)
import Glibc
#endif

/// Stage 5, placement: line and column for every kept match, in one walk of the window in
/// offset order; inline allow comments are read here, while the bytes around the match are
/// still in the window.
extension ScanEngine {
    /// Gives each new match its line and column, walking the window once in offset order.
    /// The walk also stops at `slideTo`, where the window will start next step, and keeps
    /// its line and column there (`slideMark`), so the slide need not walk those bytes again.
    func place(_ raw: [RawMatch], window: UnsafeRawBufferPointer, state: inout WindowState, slideTo: Int) {
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
        let mayAllow = InlineAllow.anyMarker(p, count: window.count)
        for (i, m) in raw.enumerated() {
            let rule = ruleSet.rules[m.rule]
            let finding = Finding(
                ruleID: rule.rule.id, ruleName: rule.rule.name, category: rule.rule.category,
                dataClass: rule.rule.dataClass, confidence: m.confidence, confidenceNote: m.note,
                origin: state.origin, start: positions[2 * i], end: positions[2 * i + 1], value: m.value,
                masked: "", fingerprint: "",
                hint: m.context?.hint ?? rule.rule.hint,
                decodedFrom: m.decodedFrom
            )
            var placed = finding
            placed.context = m.context
            placed.pieces = m.pieces.count > 1 ? m.pieces : []
            if rule.rule.validators.contains("intl-phone"), let found = CallingCodes.country(of: m.value) {
                // The international phone rule says whose number it is, in the finding and its hint.
                placed.country = found.country
                if m.context == nil { placed.hint = "Calling code +\(found.code) (\(found.country)). " + placed.hint }
            }
            placed.allowedInline = mayAllow && InlineAllow.allows(p, count: window.count, start: m.start - state.start,
                                                      ruleID: rule.rule.id, category: rule.rule.category.rawValue)
            state.pending.append(Pending(finding: placed, rule: m.rule, priority: rule.priority))
        }
        state.pending.sort { ($0.finding.start.offset, $0.rule) < ($1.finding.start.offset, $1.rule) }
    }
}
