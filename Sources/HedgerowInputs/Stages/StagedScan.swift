import HedgerowCore

/// The text stage that reads an input besides the plain scan, if any.
public enum InputStage: Equatable, Sendable {
    case transcript(TranscriptFormat)
    case email
    /// A chat export (Slack's JSON).
    case chat

    static let emailExtensions: Set<String> = ["eml", "mbox", "mht", "mhtml"]

    /// By extension (`.vtt`, `.srt`, `.eml`...), else by the first bytes for `.txt`,
    /// `.transcript` and standard input.
    public static func detect(path: String, head: [UInt8]) -> InputStage? {
        if let format = TranscriptFormat.detect(path: path, head: head) { return .transcript(format) }
        let ext = TranscriptFormat.pathExtension(path)
        if emailExtensions.contains(ext) { return .email }
        if ext == "json" && ChatExportReader.looksLikeChatExport(head) { return .chat }
        if path == "-" || ext == "txt" {
            let text = String(decoding: head.prefix(8192), as: UTF8.self).lowercased()
            if text.containsBytes("content-transfer-encoding: quoted-printable") && (text.hasPrefix("from") || text.containsBytes("\nfrom:")) {
                return .email
            }
        }
        return nil
    }

    public func makeRewriter() -> any LineRewriter { makeRewriter(speakers: nil) }

    /// A transcript's reader notes where its speakers are named in `speakers`.
    func makeRewriter(speakers: SpeakerSpans?) -> any LineRewriter {
        switch self {
        case let .transcript(format): return TranscriptReader(format: format, speakers: speakers)
        case .email: return QuotedPrintableReader()
        case .chat: return ChatExportReader()
        }
    }
}

/// A byte source that hands every byte it reads to a rewrite stage as well, up to
/// `limit` (a part of a file is read past its end; its stage stops there).
struct StagedSource<Inner: ByteSource>: ByteSource {
    var inner: Inner
    let stage: RewriteStage
    var limit = Int.max
    var fed = 0

    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        let n = try inner.read(into: buffer)
        let staged = min(n, max(0, limit - fed))
        if staged > 0 { try stage.feed(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(buffer)[0..<staged])) }
        fed += n
        return n
    }
}

/// Puts the findings of the plain scan and of a text stage into one stream in source
/// order. From the stage it gets only values that are not a copy of one source span
/// (split over cues, decoded); a plain finding lying inside such a value, of the same
/// category, is the part of it one cue held and is dropped. In a transcript, a speaker
/// is a name finding once: what is found inside a later label of a speaker is dropped (see
/// `SpeakerSpans`), and so are later findings of rules `pd.name.speaker*` with the same name.
final class StagedFindings {
    private let stage: RewriteStage
    private let speakerSpans: SpeakerSpans?
    private let dedupesSpeakers: Bool
    private let emit: (Finding) -> Void
    private var held: [Finding] = []
    private var joined: [Finding] = []
    private var covering: [Finding] = []
    private var speakers = SpeakerTags()

    init(stage: RewriteStage, dedupesSpeakers: Bool, speakerSpans: SpeakerSpans? = nil, emit: @escaping (Finding) -> Void) {
        self.stage = stage; self.dedupesSpeakers = dedupesSpeakers; self.speakerSpans = speakerSpans; self.emit = emit
    }

    /// A finding of the plain scan.
    func plain(_ finding: Finding) {
        // Asked as it arrives: the labels are kept only a few megabytes behind the reading.
        if let speakerSpans, speakerSpans.isRepeated(finding.start.offset, finding.end.offset) { return }
        held.append(finding)
        release(final: false)
    }

    /// Emits what is settled: stage findings are complete before `scannedThrough`.
    func release(final: Bool) {
        joined += stage.takeFindings()
        let safe = final ? Int.max : stage.scannedThrough
        var h = 0, j = 0
        // A stage finding goes out once a plain finding at or after it has arrived (the
        // plain scanner reports in order, so nothing before it can still come) or at the
        // end; a plain finding once the stage has scanned past it.
        while true {
            let nextHeld = h < held.count ? held[h] : nil
            let nextJoined = j < joined.count ? joined[j] : nil
            if let s = nextJoined, (nextHeld.map { s.start.offset <= $0.start.offset } ?? final) {
                j += 1
                covering.append(s)
                send(s)
            } else if let f = nextHeld, final || f.start.offset < safe {
                h += 1
                covering.removeAll { $0.end.offset + 4096 < f.start.offset }
                if covering.contains(where: { $0.category == f.category && $0.start.offset <= f.start.offset && f.end.offset <= $0.end.offset }) {
                    continue
                }
                send(f)
            } else {
                break
            }
        }
        held.removeFirst(h)
        joined.removeFirst(j)
    }

    private func send(_ finding: Finding) {
        if dedupesSpeakers && !speakers.admits(finding) { return }
        emit(finding)
    }
}

extension InputScanner {
    /// Scans `source` as today and, through `stage`, its rewritten text, merging both
    /// into one stream of findings in source order. A part of a file passes its origin
    /// (with the file's table header), how far its own bytes go (`stageLimit`: the stage
    /// reads no further) and where its speakers are noted.
    func scanStaged<Source: ByteSource>(_ source: Source, stage: InputStage, displayPath: String, with scanner: ScanEngine,
                                        emit: ((Finding) -> Void)?, blockSize: Int = 1 << 18) throws -> (findings: [Finding], report: FragmentReport) {
        var source = source
        return try scanStaged(&source, stage: stage, displayPath: displayPath, with: scanner, emit: emit, blockSize: blockSize)
    }

    /// The same, leaving `source` as the scan left it (a part's source counts the newlines it read past its end).
    func scanStaged<Source: ByteSource>(_ source: inout Source, stage: InputStage, displayPath: String, with scanner: ScanEngine,
                                        emit: ((Finding) -> Void)?, blockSize: Int = 1 << 18, origin given: Origin? = nil,
                                        stageLimit: Int = .max, speakers: SpeakerSpans? = nil) throws -> (findings: [Finding], report: FragmentReport) {
        let origin = given ?? Origin(path: displayPath)
        let stageScanner = ScanEngine(ruleSet: scanner.ruleSet, fingerprinter: scanner.fingerprinter, chunkSize: 1 << 16)
        var spans: SpeakerSpans?
        if case .transcript = stage { spans = speakers ?? SpeakerSpans() }
        let rewrite = RewriteStage(rewriter: stage.makeRewriter(speakers: spans), scanner: stageScanner, origin: Origin(path: origin.path),
                                   blockSize: blockSize)
        var findings: [Finding] = []
        let isTranscript = stage != .email
        let merged = StagedFindings(stage: rewrite, dedupesSpeakers: isTranscript, speakerSpans: spans) { finding in
            if let emit { emit(finding) } else { findings.append(finding) }
        }
        var staged = StagedSource(inner: source, stage: rewrite, limit: stageLimit)
        // Later speaker labels are not judged: what is found there is dropped.
        if let spans { scanner.skipsSpan = { spans.isRepeated($0, $1) } }
        defer { scanner.skipsSpan = nil }
        let report = try scanner.scan(&staged, origin: origin) { merged.plain($0) }
        source = staged.inner
        try rewrite.finish()
        merged.release(final: true)
        return (findings, report)
    }
}
