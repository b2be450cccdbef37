import Foundation
import PCRE2
#if canImport(Glibc)
import Glibc
#endif

/// Stage 2, candidates: which rules run where. One pass of the keyword index over the
/// committed region, then each prefilter's byte scan (digit clusters, IPv4 shapes, base64
/// line ends...), then the few rules with neither over the whole region. Each rule then
/// goes to matching (ScanEngine+Matching) only around its candidates; what matches goes on
/// to judging, placement and the overlap policy, in that order, in `process`.
extension ScanEngine {
    func process(
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

    /// Column-context rules run only where a header names their column.
    @inline(__always) func headerAllows(_ rule: CompiledRule, _ state: WindowState) -> Bool {
        rule.rule.requiresHeader.isEmpty || rule.rule.requiresHeader.contains { state.headersLowercased.containsBytes($0) }
    }
}
