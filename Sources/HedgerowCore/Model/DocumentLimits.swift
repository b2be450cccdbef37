/// How far hedgerow follows a container before it stops: archives and Office files are
/// compressed, so a few kilobytes on disk can claim gigabytes (a zip bomb) or nest
/// archives inside archives without end. Each limit, when hit, makes the rest of that
/// input a skip with its reason in the summary: never a silent pass, never a crash.
/// Lives in the core so the project configuration can set it.
public struct DocumentLimits: Equatable, Sendable {
    /// Read archives, Office and OpenDocument files and PDFs at all (off: they are binary skips, as before).
    public var enabled = true
    /// Bytes one top-level input may expand to, all members and nesting levels together.
    public var maxExpandedBytes = 1 << 30
    /// Expanded bytes per compressed byte of the top-level input, checked once more than
    /// `ratioFloor` bytes have come out (a small, very repetitive file is no bomb).
    public var maxRatio = 200
    public var ratioFloor = 16 << 20
    /// Archives inside archives: the top-level input is depth 0.
    public var maxDepth = 4
    /// Members of one archive, counted over all nesting levels of one input.
    public var maxMembers = 100_000

    public init() {}
}
