#if canImport(Glibc)
import Glibc
#endif
import HedgerowCore

/// A part of one big text file, scanned on its own thread. Parts start at line starts, so
/// columns and line-start anchors behave as in a whole-file scan (line numbers count from
/// the part's start until the parts before it are counted); each reads `overlap`
/// bytes past its end so a match that starts inside it is seen whole, and reports only
/// matches that start inside it, so no finding is lost or doubled at a boundary.
public struct FilePart: Sendable {
    public let target: FileTarget
    public let start: Int
    public let end: Int
    public let readEnd: Int
    /// The file's table header (from its first lines), which later parts cannot see.
    public let header: String
    /// The text stage the file is read through (a transcript's), if any: each part runs
    /// it over its own bytes, which start and end where the stage starts afresh.
    public let stage: InputStage?
    /// The part's place among the file's parts (0 first).
    public let index: Int
}

/// Plans the parts of a big file so one huge input uses every core.
public enum FileSplitter {
    /// Parts of about `partSize` bytes for a plain text file of at least twice that; nil
    /// for smaller, binary, UTF-16 or unreadable files, which are scanned whole.
    /// SQL dumps declare their tables' columns in `COPY` lines that rows much later depend
    /// on; a part could not see them, so dumps are scanned whole.
    static let wholeOnly: Set<String> = ["sql", "dump", "pgdump", "psql"]

    public static func plan(_ target: FileTarget, partSize: Int, overlap: Int) -> [FilePart]? {
        guard partSize > 0, target.size >= 2 * partSize else { return nil }
        let name = target.path.split(separator: "/").last.map(String.init) ?? target.path
        if let dot = name.lastIndex(of: "."), wholeOnly.contains(name[name.index(after: dot)...].lowercased()) { return nil }
        // Archives and documents are opened whole by the document reader, never cut in parts.
        if DocumentKind.isDocumentName(name) { return nil }
        guard let fd = try? RegularFile.open(target.path) else { return nil }
        defer { close(fd) }
        var head = [UInt8](repeating: 0, count: 8192)
        let n = head.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
        guard n > 0 else { return nil }
        let first = Array(head[0..<n])
        if first.starts(with: [0xFF, 0xFE]) || first.starts(with: [0xFE, 0xFF]) || first.contains(0) { return nil }
        // Old Mac line endings are turned into newlines by the whole-file reader only.
        if SniffingSource.endsLinesWithCarriageReturns(first) { return nil }
        // E-mail and chat exports are read whole: their text stage joins lines a part
        // boundary would cut. Transcripts are cut where their stage starts afresh.
        let stage = InputStage.detect(path: target.path, head: first)
        var transcript: TranscriptFormat?
        if let stage {
            guard case let .transcript(format) = stage else { return nil }
            transcript = format
        }
        let header = first.withUnsafeBytes { ScanEngine.headerLine(UnsafeRawBufferPointer(rebasing: $0[0..<min($0.count, 2048)])) }

        // Boundaries just after a newline near each multiple of partSize (in a transcript,
        // at the first cue after it that starts a new speaker's turn).
        var starts = [0]
        var nominal = partSize
        while nominal < target.size - partSize / 2 {
            let limit = min(target.size, nominal + (1 << 20))
            let found = if let transcript { transcriptCut(fd, format: transcript, from: nominal, limit: limit) }
                        else { nextNewline(fd, from: nominal, limit: limit).map { $0 + 1 } }
            guard let cut = found else {
                if transcript != nil { nominal += partSize; continue }
                break
            }
            if cut > starts.last! && cut < target.size { starts.append(cut) }
            nominal = max(nominal + partSize, cut + partSize / 2)
        }
        guard starts.count > 1 else { return nil }
        // Line numbers are not worked out here: each part counts its own lines as it reads
        // them, and its findings' lines are moved by the parts before it once those are done.
        return starts.enumerated().map { k, start in
            let end = k + 1 < starts.count ? starts[k + 1] : target.size
            return FilePart(target: target, start: start, end: end, readEnd: min(target.size, end + overlap), header: header,
                            stage: stage, index: k)
        }
    }

    /// The first place at or after `from` (before `limit`) where a transcript can be cut.
    static func transcriptCut(_ fd: Int32, format: TranscriptFormat, from: Int, limit: Int) -> Int? {
        // Most cues change speaker within a few kilobytes: read a little first.
        var size = 1 << 14
        while true {
            let length = min(size, limit - from)
            guard length > 0 else { return nil }
            var buffer = [UInt8](repeating: 0, count: length)
            let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, length, off_t(from)) }
            guard n > 0 else { return nil }
            if let cut = buffer.withUnsafeBufferPointer({ TranscriptCuts.firstCut(in: UnsafeBufferPointer(rebasing: $0[0..<n]), format: format) }) {
                return from + cut
            }
            if n < length || from + length >= limit { return nil }
            size *= 4
        }
    }

    static func nextNewline(_ fd: Int32, from: Int, limit: Int) -> Int? {
        var buffer = [UInt8](repeating: 0, count: 65536)
        var position = from
        while position < limit {
            let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, min($0.count, limit - position), off_t(position)) }
            guard n > 0 else { return nil }
            if let i = buffer[0..<n].firstIndex(of: 0x0A) { return position + i }
            position += n
        }
        return nil
    }
}

extension InputScanner {
    /// Scans one part of a big file; findings are kept (or emitted) only if they start in
    /// the part, with offsets made relative to the whole file. A transcript's part runs
    /// its stage over its own bytes and notes its speakers in `speakers` (the file's
    /// ledger, which the caller applies to the parts' findings in order).
    public func scanPart(_ part: FilePart, with scanner: ScanEngine, speakers: SpeakerLedger? = nil, emit: ((Finding) -> Void)? = nil) -> InputResult {
        var result = InputResult(displayPath: part.target.displayPath)
        let fd: Int32
        do { fd = try RegularFile.open(part.target.path) } catch let error as RegularFile.OpenError {
            result.error = "\(part.target.displayPath): \(error.reason)"
            return result
        } catch {
            result.error = "\(part.target.displayPath): \(error)"
            return result
        }
        defer { close(fd) }
        var source = FileRangeSource(descriptor: fd, from: part.start, to: part.readEnd, countingNewlinesFrom: part.end)
        let origin = Origin(path: part.target.displayPath, header: part.header)
        let ownLength = part.end - part.start
        do {
            var findings: [Finding] = []
            let keep: (Finding) -> Void = { finding in
                guard finding.start.offset < ownLength else { return }
                var moved = finding
                moved.start.offset += part.start
                moved.end.offset += part.start
                moved.pieces = finding.pieces.map { ($0.lowerBound + part.start)..<($0.upperBound + part.start) }
                moved.pairedWith?.start.offset += part.start
                if let emit { emit(moved) } else { findings.append(moved) }
            }
            let report: FragmentReport
            if let stage = part.stage {
                let spans = speakers?.spans(forPart: part.index, offset: part.start) ?? SpeakerSpans()
                report = try scanStaged(&source, stage: stage, displayPath: part.target.displayPath, with: scanner, emit: keep,
                                        origin: origin, stageLimit: ownLength, speakers: spans).report
            } else {
                report = try scanner.scan(&source, origin: origin, emit: keep)
            }
            result.findings = findings
            result.bytes = min(report.bytes, ownLength)
            result.limitHits = report.limitHits
            result.newlines = report.newlines - source.newlinesPast
        } catch {
            result.error = "\(part.target.displayPath): read failed: \(error)"
        }
        return result
    }
}
