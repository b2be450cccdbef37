import Foundation
import PCRE2
#if canImport(Glibc)
import Glibc
#endif

/// Stage 6, the overlap policy: a finding is emitted once no later match can overlap it,
/// unless a more specific rule covers the same bytes (a connection string over the generic
/// password rule, an IP inside a URI). Emitted findings are finished (masked and
/// fingerprinted) by `FindingFinisher`, so dominated ones never cost a fingerprint.
extension ScanEngine {
    /// Emits findings no later match can overlap, dropping those a more specific rule
    /// covers (a generic password rule under a connection string, an IP inside a URI).
    func flush(state: inout WindowState, cutoff: Int, emit: (Finding) -> Void, report: inout FragmentReport) {
        let pending = state.pending
        for i in pending.indices where !pending[i].decided && pending[i].finding.end.offset <= cutoff {
            state.pending[i].decided = true
            if !isDominated(i, in: pending) {
                report.findings += 1
                var finding = pending[i].finding
                if finishesFindings {
                    finisher.finish(&finding)
                    finding.pairedWith = partner(of: i, in: pending)
                }
                emit(finding)
            }
        }
        // Pruned only when the oldest can go (pending is in start order): a step of a few
        // bytes (small chunks, tests) must not walk every pending finding.
        let prune = cutoff - 2 * maxLength
        if let oldest = state.pending.first, oldest.decided, oldest.finding.end.offset <= prune {
            state.pending.removeAll { $0.decided && $0.finding.end.offset <= prune }
        }
    }

    /// The nearest finding of a rule that pairs with this one's (`Rule.identifies`), within
    /// `PairedValue.nearbyLines` and not itself dominated. Pending holds every finding
    /// `maxLength` bytes either side of one being emitted, so both halves name each other.
    func partner(of i: Int, in pending: [Pending]) -> PairedValue? {
        let partners = ruleSet.partners[pending[i].rule]
        guard !partners.isEmpty else { return nil }
        let f = pending[i].finding
        var best: Int?
        for j in pending.indices where j != i && partners.contains(pending[j].rule) {
            let g = pending[j].finding
            let distance = abs(g.start.line - f.start.line)
            guard distance <= PairedValue.nearbyLines, !isDominated(j, in: pending) else { continue }
            if best.map({ distance < abs(pending[$0].finding.start.line - f.start.line) }) ?? true { best = j }
        }
        guard let best else { return nil }
        let g = pending[best].finding
        return PairedValue(ruleID: g.ruleID, ruleName: g.ruleName, masked: Masking.mask(g.value, category: g.category), start: g.start)
    }

    func isDominated(_ i: Int, in pending: [Pending]) -> Bool {
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
