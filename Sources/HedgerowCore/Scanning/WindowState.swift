import Foundation

/// What the engine's stages hand each other within one window.
struct RawMatch {
    let rule: Int
    let start: Int
    let end: Int
    let value: String
    let confidence: Confidence
    let note: String?
    var decodedFrom: Encoding? = nil
    /// Set by `FindingContext`: published on purpose (attribution) or a team's mailbox.
    var context: FindingContext? = nil
    /// The source ranges of a value assembled from pieces (`ScanEngine.joinAndScan`).
    var pieces: [Range<Int>] = []
}

struct Pending {
    var finding: Finding
    let rule: Int
    let priority: Int
    var decided = false
}

struct WindowState {
    let origin: Origin
    /// Stream offset of the window's first byte.
    var start = 0
    var length = 0
    /// Everything before this stream offset has been processed.
    var committed = 0
    var previousByte: UInt8 = 0x0A
    var tracker = LineTracker()
    /// The tracker where the window will start next step, when `place` walked there.
    var slideMark: (offset: Int, tracker: LineTracker)?
    var pending: [Pending] = []
    var header = ""
    /// The header and every SQL COPY column list so far, lower case, for `requires_header`.
    var headersLowercased = ""
    /// SQL COPY headers seen so far (stream offset, tab-joined columns), newest last.
    var tableHeaders: [(offset: Int, header: String)] = []
    /// Stream offset where the file's opening credit block ends (0: none), for attribution.
    var creditBlockEnd = 0
    init(origin: Origin) { self.origin = origin }
}
