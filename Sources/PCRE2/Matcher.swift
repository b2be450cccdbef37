import CPCRE2

/// A byte range in a subject buffer, half open.
public struct ByteRange: Equatable, Hashable, Sendable {
    public var start: Int
    public var end: Int
    public init(start: Int, end: Int) { self.start = start; self.end = end }
    public var count: Int { end - start }
}

/// One match: the whole match and, when asked for, one capture group.
public struct MatchSpan: Equatable, Sendable {
    public let whole: ByteRange
    /// The first of the requested groups that took part; nil when none did.
    public let group: ByteRange?
}

/// Per-thread matching state: one match-data block reused for every match and a
/// match context carrying the limits and the JIT stack, so the hot loop allocates nothing.
/// Not thread-safe: give each thread its own.
public final class Matcher {
    /// Limits that keep any single match attempt bounded whatever the input.
    public struct Limits: Sendable {
        public var matchLimit: UInt32
        public var depthLimit: UInt32
        public var heapLimitKiB: UInt32
        public init(matchLimit: UInt32 = 2_000_000, depthLimit: UInt32 = 10_000, heapLimitKiB: UInt32 = 20_000) {
            self.matchLimit = matchLimit
            self.depthLimit = depthLimit
            self.heapLimitKiB = heapLimitKiB
        }
    }

    /// Options for a single match call.
    public struct MatchOptions: OptionSet, Sendable {
        public let rawValue: UInt32
        public init(rawValue: UInt32) { self.rawValue = rawValue }
        /// The subject start is not the start of a line (a chunk that begins mid-text).
        public static let notBeginningOfLine = MatchOptions(rawValue: PCRE2_NOTBOL)
        /// The subject end is not the end of a line (a window cut mid-line).
        public static let notEndOfLine = MatchOptions(rawValue: PCRE2_NOTEOL)
    }

    private let matchData: OpaquePointer
    private let context: OpaquePointer
    private let jitStack: OpaquePointer?
    private let unset = hedgerow_pcre2_unset()

    public init(limits: Limits = Limits(), maxGroups: Int = 32) {
        guard let data = pcre2_match_data_create_8(UInt32(maxGroups + 1), nil),
              let ctx = pcre2_match_context_create_8(nil) else {
            fatalError("PCRE2 could not allocate match data (out of memory)")
        }
        matchData = data
        context = ctx
        pcre2_set_match_limit_8(ctx, limits.matchLimit)
        pcre2_set_depth_limit_8(ctx, limits.depthLimit)
        pcre2_set_heap_limit_8(ctx, limits.heapLimitKiB)
        jitStack = pcre2_jit_stack_create_8(32 * 1024, 1024 * 1024, nil)
        if let jitStack { pcre2_jit_stack_assign_8(ctx, nil, UnsafeMutableRawPointer(jitStack)) }
    }

    deinit {
        pcre2_match_data_free_8(matchData)
        pcre2_match_context_free_8(context)
        if let jitStack { pcre2_jit_stack_free_8(jitStack) }
    }

    /// Finds the first match at or after `start` in `subject[0..<end]`. Bytes before
    /// `start` remain visible to lookbehind. Returns nil when there is no match.
    public func firstMatch(
        of pattern: Pattern,
        in subject: UnsafeRawBufferPointer,
        end: Int,
        from start: Int,
        groups: [Int] = [],
        options: MatchOptions = [],
        startLimit: Int? = nil
    ) throws -> MatchSpan? {
        precondition(start >= 0 && start <= end && end <= subject.count, "match range outside subject")
        // Only for patterns compiled with `.useOffsetLimit`: no match starts after `startLimit`.
        if let startLimit { pcre2_set_offset_limit_8(context, startLimit) }
        defer { if startLimit != nil { pcre2_set_offset_limit_8(context, ~0) } }
        let base = subject.baseAddress?.assumingMemoryBound(to: UInt8.self)
        // The JIT's own entry skips the interpreter's argument checks: this call runs once per
        // candidate, millions of times on a large input. The checks it skips hold here (the
        // range is checked above, options are the JIT-supported NOTBOL/NOTEOL only).
        let rc = pattern.isJITCompiled
            ? pcre2_jit_match_8(pattern.code, base, end, start, options.rawValue, matchData, context)
            : pcre2_match_8(pattern.code, base, end, start, options.rawValue, matchData, context)
        if rc == PCRE2_ERROR_NOMATCH { return nil }
        if rc < 0 { throw PCRE2Error.fromMatch(code: rc) }
        let ovector = pcre2_get_ovector_pointer_8(matchData)!
        let whole = ByteRange(start: Int(ovector[0]), end: Int(ovector[1]))
        var groupRange: ByteRange?
        for group in groups where group > 0 && group < Int(rc) {
            let s = ovector[2 * group], e = ovector[2 * group + 1]
            if s != unset { groupRange = ByteRange(start: Int(s), end: Int(e)); break }
        }
        return MatchSpan(whole: whole, group: groupRange)
    }

    /// Convenience for tests and small inputs: every non-overlapping match in `bytes`.
    public func allMatches(of pattern: Pattern, in bytes: [UInt8], groups: [Int] = []) throws -> [MatchSpan] {
        try bytes.withUnsafeBytes { raw in
            var results: [MatchSpan] = []
            var position = 0
            while position <= raw.count, let m = try firstMatch(of: pattern, in: raw, end: raw.count, from: position, groups: groups) {
                results.append(m)
                position = m.whole.end > m.whole.start ? m.whole.end : m.whole.end + 1
            }
            return results
        }
    }
}
