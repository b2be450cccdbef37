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
        // Transcripts and e-mail are read whole: their text stage joins lines a part boundary would cut.
        if InputStage.detect(path: target.path, head: first) != nil { return nil }
        let header = first.withUnsafeBytes { ScanEngine.headerLine(UnsafeRawBufferPointer(rebasing: $0[0..<min($0.count, 2048)])) }

        // Boundaries just after a newline near each multiple of partSize.
        var starts = [0]
        var nominal = partSize
        while nominal < target.size - partSize / 2 {
            guard let newline = nextNewline(fd, from: nominal, limit: min(target.size, nominal + (1 << 20))) else { break }
            if newline + 1 > starts.last! && newline + 1 < target.size { starts.append(newline + 1) }
            nominal = max(nominal + partSize, newline + 1 + partSize / 2)
        }
        guard starts.count > 1 else { return nil }
        // Line numbers are not worked out here: each part counts its own lines as it reads
        // them, and its findings' lines are moved by the parts before it once those are done.
        return starts.enumerated().map { k, start in
            let end = k + 1 < starts.count ? starts[k + 1] : target.size
            return FilePart(target: target, start: start, end: end, readEnd: min(target.size, end + overlap), header: header)
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
    /// the part, with offsets made relative to the whole file.
    public func scanPart(_ part: FilePart, with scanner: ScanEngine, emit: ((Finding) -> Void)? = nil) -> InputResult {
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
            let report = try scanner.scan(&source, origin: origin) { finding in
                guard finding.start.offset < ownLength else { return }
                var moved = finding
                moved.start.offset += part.start
                moved.end.offset += part.start
                moved.pieces = finding.pieces.map { ($0.lowerBound + part.start)..<($0.upperBound + part.start) }
                moved.pairedWith?.start.offset += part.start
                if let emit { emit(moved) } else { findings.append(moved) }
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
