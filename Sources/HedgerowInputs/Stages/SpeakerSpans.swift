import Foundation
import HedgerowCore

/// Where a transcript names its speakers: the name in every voice tag (`<v Name>`) and
/// `Name:` prefix the transcript reader sets aside, by source range. A speaker's label is
/// a finding once per speaker: the first label of each speaker is judged as any text is,
/// and whatever is found inside a later label of the same speaker is dropped. The scanner
/// is told not to judge matches inside those later labels at all (`ScanEngine.skipsSpan`):
/// a Teams transcript repeats the speaker's name in every cue, and judging a name is the
/// dearest thing the scanner does.
///
/// One per scanned stream (a whole file or a part of one), filled by the reader as lines
/// are read, which is always ahead of the scanner that asks. The first labels are kept
/// (few: one per speaker) so that a file scanned in parts can drop, once the parts before
/// are done, what a part found in the first label of a speaker an earlier part already had.
public final class SpeakerSpans: @unchecked Sendable {
    private var seen = Set<[UInt8]>()
    private var lastKey: [UInt8] = []
    /// Later labels (source ranges, in order), pruned far behind the reading position.
    private var repeated: [Range<Int>] = []
    private var repeatedStart = 0
    /// The first label of each speaker, in order; read from other threads (see `SpeakerLedger`).
    private var firstLabels: [(key: [UInt8], range: Range<Int>)] = []
    private let lock = NSLock()
    /// Labels further behind the newest than this are never asked about again: the
    /// scanner judges within about a megabyte of what it has read, and the reader gets
    /// every byte as soon as the scanner reads it.
    static let horizon = 8 << 20

    public init() {}

    /// The speaker key of a name: ASCII letters folded, runs of white space as one space.
    static func key(_ name: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var key: [UInt8] = []
        key.reserveCapacity(name.count)
        var space = false
        for c in name {
            if c == 0x20 || c == 0x09 { space = !key.isEmpty; continue }
            if space { key.append(0x20); space = false }
            key.append(c &- 0x41 < 26 ? c | 0x20 : c)
        }
        return key
    }

    /// A label naming the speaker `name` at source range `range`. `sameAsLast` says the
    /// reader knows it names the speaker of the label before (no key to work out).
    func record(_ name: UnsafeBufferPointer<UInt8>, at range: Range<Int>, sameAsLast: Bool) {
        if !sameAsLast {
            let key = Self.key(name)
            if key != lastKey {
                lastKey = key
                if seen.insert(key).inserted {
                    lock.lock(); firstLabels.append((key, range)); lock.unlock()
                    return
                }
            }
        } else if lastKey.isEmpty {
            return
        }
        while repeatedStart < repeated.count && repeated[repeatedStart].upperBound + Self.horizon < range.lowerBound { repeatedStart += 1 }
        if repeatedStart > 4096 && repeatedStart * 2 > repeated.count {
            repeated.removeFirst(repeatedStart)
            repeatedStart = 0
        }
        repeated.append(range)
    }

    /// Whether `start..<end` lies inside a later label of a speaker.
    public func isRepeated(_ start: Int, _ end: Int) -> Bool {
        // The last label at or before `start`.
        var lo = repeatedStart, hi = repeated.count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if repeated[mid].lowerBound <= start { lo = mid + 1 } else { hi = mid }
        }
        guard lo > repeatedStart else { return false }
        let label = repeated[lo - 1]
        return end <= label.upperBound
    }

    /// The speaker key of the first label holding `start..<end`, if one does.
    public func firstLabelKey(_ start: Int, _ end: Int) -> [UInt8]? {
        lock.lock(); defer { lock.unlock() }
        for label in firstLabels where label.range.lowerBound <= start && end <= label.range.upperBound { return label.key }
        return nil
    }

    /// Every speaker named so far.
    public var keys: Set<[UInt8]> {
        lock.lock(); defer { lock.unlock() }
        return Set(firstLabels.map(\.key))
    }

    /// Moves every range by `delta` (a part's ranges made the whole file's).
    func firstLabelsMoved(by delta: Int) -> [(key: [UInt8], range: Range<Int>)] {
        lock.lock(); defer { lock.unlock() }
        return firstLabels.map { ($0.key, ($0.range.lowerBound + delta)..<($0.range.upperBound + delta)) }
    }
}

/// Puts the parts of one transcript scanned in parts back together as the whole file's
/// scan would have them, applied to each part's findings in order: a finding inside a
/// part's first label of a speaker an earlier part named is dropped (the whole-file scan
/// never judged it), and of the speaker-tag findings only the first of each name is kept.
public final class SpeakerLedger: @unchecked Sendable {
    private let lock = NSLock()
    private var parts: [Int: SpeakerSpans] = [:]
    private var offsets: [Int: Int] = [:]
    private var named = Set<[UInt8]>()
    private var current = -1
    private var tags = SpeakerTags()

    public init() {}

    /// The spans of part `index` (0-based, in file order), whose offsets start at `offset`.
    public func spans(forPart index: Int, offset: Int) -> SpeakerSpans {
        lock.lock(); defer { lock.unlock() }
        if let known = parts[index] { return known }
        let spans = SpeakerSpans()
        parts[index] = spans
        offsets[index] = offset
        return spans
    }

    /// Whether a finding of part `index` (offsets the whole file's) stays. Called for the
    /// parts in order, each part's findings in order, once every earlier part is done.
    public func admits(_ finding: Finding, part index: Int) -> Bool {
        admits(start: finding.start.offset, end: finding.end.offset,
               speakerTag: finding.ruleID.hasPrefix(SpeakerTags.rulePrefix) ? finding.value : nil, part: index)
    }

    /// The same for a finding reduced to its span and, for a speaker-tag rule's, its value.
    public func admits(start: Int, end: Int, speakerTag: String?, part index: Int) -> Bool {
        lock.lock(); defer { lock.unlock() }
        while current < index {
            // The speakers of every part before `index` are known: those parts are done.
            if current >= 0, let done = parts[current] { named.formUnion(done.keys) }
            current += 1
        }
        if index > 0, let spans = parts[index], let offset = offsets[index],
           let key = spans.firstLabelKey(start - offset, end - offset), named.contains(key) {
            return false
        }
        return speakerTag.map { tags.admits(value: $0) } ?? true
    }
}

/// Speaker-tag findings (rules `pd.name.speaker*`) of one transcript: the first of each
/// name is kept, later ones with the same name are dropped.
public struct SpeakerTags {
    public static let rulePrefix = "pd.name.speaker"
    private var seen = Set<String>()

    mutating func admits(_ finding: Finding) -> Bool {
        guard finding.ruleID.hasPrefix(Self.rulePrefix) else { return true }
        return admits(value: finding.value)
    }

    mutating func admits(value: String) -> Bool {
        let key = value.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        return seen.insert(key).inserted
    }
}
