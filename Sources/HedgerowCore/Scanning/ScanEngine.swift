import Foundation
import PCRE2
#if canImport(Glibc)
import Glibc
#endif

/// Runs a rule set over a stream of bytes with bounded memory: the scanning pipeline's
/// stages, one file each. Stage 1, windowing, is this file: the stream is read into a
/// sliding window with an overlap, and each step hands the new region to candidates
/// (ScanEngine+Candidates), matching (+Matching), judging (+Judging), placement
/// (+Placement) and the overlap policy (+Overlap), whose emitted findings are finished
/// (FindingFinisher: masked, fingerprinted). Suppression (inline, config, baseline) and the
/// confidence threshold come after the engine, in the run's collector.
///
/// Each step commits the region
/// `[committed, cut)`: keyword hits in it send their rules over the hit's line (or a
/// bounded span for multi-line rules), and rules without keywords run over the region
/// itself. Every decision is made in stream coordinates from the bytes alone, so the
/// findings are the same whatever the chunk size; a test proves it down to one byte.
/// Not thread-safe: one scanner per thread, sharing the immutable `RuleSet`.
public final class ScanEngine {
    public let ruleSet: RuleSet
    public let fingerprinter: Fingerprinter
    public internal(set) var statistics: RuleStatistics
    let matcher = Matcher()
    let chunkSize: Int
    let overlap: Int
    let backContext: Int
    let maxLength: Int
    let storage: UnsafeMutableRawBufferPointer
    var hits: [[Int]]
    var resume: [Int]
    /// The keyword hits of "COPY " (SQL dump table headers), after the rules' own.
    var copySlot: Int { ruleSet.rules.count }
    /// Digit clusters of the current step, for the prefilters (kept to reuse its storage).
    var clusters: [Prefilter.DigitCluster] = []
    /// Newlines, colons and digits of the current window, classified once per step.
    let masks: ByteMasks
    /// Scans decoded text with the same rules. It decodes once more (the base64 `auth` of
    /// a registry inside a base64 `.dockerconfigjson`), and its own nested scanner never
    /// does, so nesting stops at two.
    let nested: ScanEngine?
    let decodes: Bool
    /// False for the scanner of decoded text, whose findings are only read for their
    /// value and confidence: their masks and fingerprints are not worked out.
    let finishesFindings: Bool
    /// Masks and fingerprints what the overlap policy emits (stage 7).
    let finisher: FindingFinisher
    /// Value spans (stream offsets) not worth judging, because whatever is found there is
    /// dropped after the scan (a transcript's later speaker labels): asked once per match.
    public var skipsSpan: ((Int, Int) -> Bool)?

    /// `chunkSize` is how many new bytes each step commits; small values exist for tests.
    public convenience init(ruleSet: RuleSet, fingerprinter: Fingerprinter, chunkSize: Int = 1 << 20) {
        self.init(ruleSet: ruleSet, fingerprinter: fingerprinter, chunkSize: chunkSize, decodes: true)
    }

    init(ruleSet: RuleSet, fingerprinter: Fingerprinter, chunkSize: Int, decodes: Bool, finishesFindings: Bool = true, depth: Int = 0) {
        self.decodes = decodes && ruleSet.hasDecoders
        nested = self.decodes ? ScanEngine(ruleSet: ruleSet, fingerprinter: fingerprinter, chunkSize: 1 << 16, decodes: depth < Self.decodingDepth - 1,
                                           finishesFindings: false, depth: depth + 1) : nil
        self.finishesFindings = finishesFindings
        finisher = FindingFinisher(fingerprinter: fingerprinter)
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

    /// How many encodings deep a value is looked for.
    static let decodingDepth = 2

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
            if state.start == 0, state.committed == 0, state.length >= 3, base[0] == 0xEF, base[1] == 0xBB, base[2] == 0xBF {
                state.tracker.startBeforeByteOrderMark()
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
}
