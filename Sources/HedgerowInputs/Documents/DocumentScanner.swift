#if canImport(Glibc)
import Glibc
#endif

import HedgerowCore

/// Reads archives, Office and OpenDocument files and PDFs and scans what they hold:
/// archive members as files in their own right (nested archives to a depth limit),
/// documents as their extracted text. Every finding keeps the file on disk as its path
/// and gets a `location` a person can follow (`export.zip!customers/2024.csv:14:3`,
/// `register.xlsx!Sheet1!C14`). Members are read into memory or streamed, never written
/// to disk. A limit reached, an encrypted part or a corrupt one is counted in the tally
/// and the rest of the input (or the scan) goes on.
final class DocumentScanner {
    /// Where a container's bytes are: the open input file (re-read from its start for a
    /// second pass) or bytes in memory (a member of another archive, a git blob).
    enum Source {
        case descriptor(Int32)
        case bytes([UInt8])

        func open(raw: Bool) throws -> ArchiveReader {
            switch self {
            case let .descriptor(fd):
                _ = lseek(fd, 0, SEEK_SET)
                return try ArchiveReader(descriptor: fd, raw: raw)
            case let .bytes(bytes): return try ArchiveReader(bytes: bytes, raw: raw)
            }
        }
    }

    let scanner: HedgerowCore.ScanEngine
    let diskPath: String
    let budget: ExpansionBudget
    let emit: (Finding) -> Void
    private(set) var tally = DocumentTally()
    private(set) var limitHits: [String: Int] = [:]

    init(scanner: HedgerowCore.ScanEngine, diskPath: String, limits: DocumentLimits, storedSize: Int, emit: @escaping (Finding) -> Void) {
        self.scanner = scanner
        self.diskPath = diskPath
        self.budget = ExpansionBudget(limits: limits, compressed: storedSize)
        self.emit = emit
    }

    /// Scans one top-level input of a known kind; a limit stops it with the limit as a skip.
    func scan(_ kind: DocumentKind, source: Source, name: String) {
        do {
            try scan(kind, source: source, name: name, depth: 0)
        } catch let limit as LimitReached {
            tally.skipped[limit.reason, default: 0] += 1
        } catch {
            tally.errors.append("\(name): \(error)")
        }
    }

    private func scan(_ kind: DocumentKind, source: Source, name: String, depth: Int) throws {
        switch kind {
        case let .archive(raw): try scanArchive(source, raw: raw, name: name, depth: depth)
        case .encryptedOffice: tally.skipped["encrypted document", default: 0] += 1
        case .pdf: try scanPDF(source, name: name)
        case .word, .spreadsheet, .presentation, .openDocument: try scanOffice(kind, source: source, name: name)
        }
    }

    // MARK: archives

    private func scanArchive(_ source: Source, raw: Bool, name: String, depth: Int) throws {
        let reader: ArchiveReader
        do { reader = try source.open(raw: raw) } catch {
            return fail(name, "\(error)")
        }
        while true {
            let member: ArchiveMember
            do {
                guard let next = try reader.next() else { break }
                member = next
            } catch {
                return fail(name, "\(error)")
            }
            try budget.countMember()
            guard member.isRegularFile else { continue }
            if member.isEncrypted { tally.skipped["encrypted archive member", default: 0] += 1; continue }
            let memberName = raw ? DocumentKind.streamContentName(name) : member.name
            let inner = name + "!" + memberName
            do {
                try scanMember(reader, name: memberName, inner: inner, depth: depth)
            } catch let limit as LimitReached {
                throw limit
            } catch {
                // A member's data could not be read (corrupt, truncated): the archive is unusable from here.
                return fail(inner, "\(error)")
            }
        }
    }

    private func fail(_ name: String, _ message: String) {
        // libarchive says "encrypted" or "passphrase" for archives it cannot read without one.
        let lower = message.lowercased()
        if lower.contains("encrypt") || lower.contains("passphrase") {
            tally.skipped["encrypted archive", default: 0] += 1
        } else {
            tally.errors.append("\(name): unreadable archive (\(message))")
        }
    }

    /// One member: a nested container is read whole and recursed into (depth permitting),
    /// text is streamed through the scanner, anything else is a binary skip.
    private func scanMember(_ reader: ArchiveReader, name: String, inner: String, depth: Int) throws {
        var source = MemberSource(reader: reader, budget: budget)
        let head = try source.readHead(8192)
        if let kind = DocumentKind.detect(name: name, head: Array(head.prefix(512))) {
            guard depth + 1 <= budget.limits.maxDepth else {
                tally.skipped["archive nested too deep (limit \(budget.limits.maxDepth))", default: 0] += 1
                return
            }
            let bytes = try source.readAll()
            try scan(kind, source: .bytes(bytes), name: inner, depth: depth + 1)
            return
        }
        if head.contains(0) { tally.skipped["binary archive member", default: 0] += 1; return }
        let report = try scanner.scan(&source, origin: Origin(path: inner)) { finding in
            var placed = finding
            placed.location = inner + ":" + String(finding.start.line) + ":" + String(finding.start.column)
            placed.origin.path = diskPath
            emit(placed)
        }
        count(report)
    }

    /// Totals of one scan; `file` when it is a whole member or document (the parts of a
    /// document, and the pieces of a sheet, count as the one file they belong to).
    private func count(_ report: FragmentReport, file: Bool = true) {
        if file { tally.files += 1 }
        tally.bytes += report.bytes
        for (rule, hits) in report.limitHits { limitHits[rule, default: 0] += hits }
    }

    // MARK: documents

    /// Scans extracted text, each finding placed by the label of the piece it starts in.
    /// `header` is the table header of a sheet scanned in pieces, for the pieces after the first.
    private func scanText(_ text: ExtractedText, name: String, header: String? = nil) {
        guard !text.isEmpty else { return }
        do {
            let (findings, report) = try scanner.scan(bytes: text.bytes, origin: Origin(path: name, header: header))
            for finding in findings {
                var placed = finding
                placed.location = name + (text.label(at: finding.start.offset) ?? "")
                placed.origin.path = diskPath
                emit(placed)
            }
            count(report, file: !scannedDocuments.contains(name))
            scannedDocuments.insert(name)
        } catch {
            tally.errors.append("\(name): \(error)")
        }
    }

    /// Documents some text of which was scanned: each counts as one file however many parts it has.
    private var scannedDocuments: Set<String> = []

    private func scanPDF(_ source: Source, name: String) throws {
        let bytes: [UInt8]
        switch source {
        case let .bytes(held): bytes = held
        case let .descriptor(fd): bytes = try Self.readFile(fd, limit: budget.limits.maxExpandedBytes)
        }
        switch PDFText.extract(bytes, part: name) {
        case let .text(text): scanText(text, name: name)
        case let .skipped(reason): tally.skipped[reason, default: 0] += 1
        case let .failed(message): tally.errors.append(message)
        }
    }

    /// Office and OpenDocument files: a first pass reads the small parts everything else
    /// needs (workbook, relationships, shared strings, properties, manifest), a second
    /// reads the content parts one at a time, so only one sheet's XML is in memory at once.
    private func scanOffice(_ kind: DocumentKind, source: Source, name: String) throws {
        let ext = DocumentKind.extensionOf(name)
        var index: [String: [UInt8]] = [:]
        do {
            let reader = try source.open(raw: false)
            while let member = try reader.next() {
                try budget.countMember()
                guard member.isRegularFile, OfficeParts.isIndex(member.name, kind: kind) else { continue }
                if member.isEncrypted { tally.skipped["encrypted document", default: 0] += 1; return }
                var data = MemberSource(reader: reader, budget: budget)
                index[member.name] = try data.readAll()
            }
        } catch let limit as LimitReached {
            throw limit
        } catch {
            tally.errors.append("\(name): not a readable \(ext) file (\(error))")
            return
        }
        if let manifest = index["META-INF/manifest.xml"], String(decoding: manifest, as: UTF8.self).contains("encryption-data") {
            tally.skipped["encrypted document", default: 0] += 1
            return
        }
        for part in OfficeParts.propertyParts where index[part] != nil {
            do { scanText(try DocumentProperties.extract(index[part]!, part: part), name: name) } catch { tally.errors.append("\(name)!\(error)") }
        }
        var workbook = SpreadsheetText()
        if kind == .spreadsheet {
            do { try workbook.index(parts: index) } catch { tally.errors.append("\(name)!\(error)"); return }
        }
        index = [:]
        // Second pass: content parts in the order the container holds them.
        var contentParts = 0
        defer {
            // A container with none of its format's content parts is not that format:
            // an error, never a clean pass.
            if contentParts == 0 && tally.errors.isEmpty { tally.errors.append("\(name): not a readable \(ext) file (no document content found)") }
        }
        do {
            let reader = try source.open(raw: false)
            while let member = try reader.next() {
                guard member.isRegularFile, let job = OfficeParts.content(member.name, kind: kind, extension: ext) else { continue }
                contentParts += 1
                var data = MemberSource(reader: reader, budget: budget)
                if case .sheet = job {
                    try scanSheet(&data, workbook: workbook, part: member.name, name: name)
                    continue
                }
                let xml = try data.readAll()
                do {
                    let text: ExtractedText
                    switch job {
                    case let .word(label): text = try WordText.extract(xml, part: member.name, label: label)
                    case let .slide(label): text = try SlideText.extract(xml, part: member.name, label: label)
                    case .sheet: var row = 0; text = try workbook.sheet(xml, part: member.name, row: &row)
                    case .sheetComments: text = try workbook.comments(xml, part: member.name)
                    case let .openDocument(flavour): text = try OpenDocumentText.extract(xml, part: member.name, flavour: flavour)
                    }
                    scanText(text, name: name)
                } catch let problem as XMLProblem {
                    tally.errors.append("\(name)!\(problem.message)")
                }
            }
        } catch let limit as LimitReached {
            throw limit
        } catch {
            tally.errors.append("\(name): not a readable \(ext) file (\(error))")
        }
    }

    /// A worksheet, parsed and scanned a few megabytes of rows at a time as it is read
    /// (see `SheetChunker`); the first row of the sheet is the header of every piece.
    private func scanSheet(_ data: inout MemberSource, workbook: SpreadsheetText, part: String, name: String) throws {
        var chunker = SheetChunker()
        var row = 0
        var header: String?
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        func handle(_ piece: [UInt8]) throws {
            let text = try workbook.sheet(piece, part: part, row: &row)
            if header == nil, let newline = text.bytes.firstIndex(of: 0x0A) { header = String(decoding: text.bytes[..<newline], as: UTF8.self) }
            scanText(text, name: name, header: header)
        }
        do {
            while true {
                let n = try buffer.withUnsafeMutableBytes { try data.read(into: $0) }
                if n == 0 { break }
                for piece in chunker.feed(buffer[0..<n]) { try handle(piece) }
            }
            try handle(chunker.finish())
        } catch let problem as XMLProblem {
            tally.errors.append("\(name)!\(problem.message)")
        }
    }

    static func readFile(_ fd: Int32, limit: Int) throws -> [UInt8] {
        _ = lseek(fd, 0, SEEK_SET)
        var bytes: [UInt8] = []
        var source = FileDescriptorSource(descriptor: fd)
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = try buffer.withUnsafeMutableBytes { try source.read(into: $0) }
            if n == 0 { return bytes }
            bytes += buffer[0..<n]
            if bytes.count > limit { throw LimitReached(reason: "document over the expanded-size limit (\(limit >> 20) MB)") }
        }
    }
}

/// The current member of an archive as a byte source, every byte counted against the budget.
struct MemberSource: ByteSource {
    let reader: ArchiveReader
    let budget: ExpansionBudget
    private var head: [UInt8] = []
    private var replayed = 0

    init(reader: ArchiveReader, budget: ExpansionBudget) { self.reader = reader; self.budget = budget }

    /// Reads up to `count` bytes to sniff; they are replayed by `read` and `readAll`.
    mutating func readHead(_ count: Int) throws -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let n = try buffer.withUnsafeMutableBytes { try reader.read(into: UnsafeMutableRawBufferPointer(rebasing: $0[filled...])) }
            if n == 0 { break }
            try budget.consume(n)
            filled += n
        }
        head = Array(buffer[0..<filled])
        return head
    }

    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        if replayed < head.count { return head.replay(from: &replayed, into: buffer) }
        let n = try reader.read(into: buffer)
        try budget.consume(n)
        return n
    }

    /// The whole member (after any head already read), within the budget.
    mutating func readAll() throws -> [UInt8] {
        var all = Array(head[replayed...])
        replayed = head.count
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = try buffer.withUnsafeMutableBytes { try reader.read(into: $0) }
            if n == 0 { return all }
            try budget.consume(n)
            all += buffer[0..<n]
        }
    }
}
