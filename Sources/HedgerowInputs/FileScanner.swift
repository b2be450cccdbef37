#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import HedgerowCore

/// What happened to one input: its findings, or why it was not scanned.
public struct InputResult: Sendable {
    public var displayPath: String
    public var findings: [Finding] = []
    public var bytes = 0
    public var skippedReason: String?
    public var error: String?
    public var limitHits: [String: Int] = [:]
    /// For a part of a big file: the newlines in it. Its findings' lines count from the
    /// part's first line until moved by the newlines of the parts before it.
    public var newlines = 0
    /// For an archive or document: the parts scanned, skipped and broken inside it.
    /// `bytes` and `findings` then hold its text's totals.
    public var document: DocumentTally?
}

/// Opens and scans single inputs: sniffs the first block for binary content and UTF-16,
/// and streams everything else through the scanner in chunks.
public struct InputScanner {
    /// Whether and how far archives and documents are opened.
    public var documents: DocumentLimits
    public init(documents: DocumentLimits = DocumentLimits()) { self.documents = documents }

    /// Scans one file from disk.
    /// With `emit`, findings are handed over as they are found and not kept in the result,
    /// so a huge file's findings need not all be held at once.
    public func scanFile(_ target: FileTarget, with scanner: ScanEngine, emit: ((Finding) -> Void)? = nil) -> InputResult {
        var result = InputResult(displayPath: target.displayPath)
        // Regular files only, opened so that a read never blocks (a FIFO swapped in after
        // the walk, `/proc/kmsg`): such an input is an error naming it, not a hang.
        let fd: Int32
        do { fd = try RegularFile.open(target.path) } catch let error as RegularFile.OpenError {
            result.error = "\(target.displayPath): \(error.reason)"
            return result
        } catch {
            result.error = "\(target.displayPath): \(error)"
            return result
        }
        defer { close(fd) }
        // Only the first 8 KiB of a binary file is read: keep the kernel from reading ahead
        // until the sniff says the file is text (then it reads ahead again, below).
        _ = posix_fadvise(fd, 0, 0, POSIX_FADV_RANDOM)
        return scanDescriptor(fd, displayPath: target.displayPath, with: scanner, emit: emit)
    }

    /// Scans an open descriptor (a file or stdin).
    public func scanDescriptor(_ fd: Int32, displayPath: String, with scanner: ScanEngine, emit: ((Finding) -> Void)? = nil) -> InputResult {
        var result = InputResult(displayPath: displayPath)
        var source = SniffingSource(inner: FileDescriptorSource(descriptor: fd))
        do {
            try source.sniff()
        } catch {
            result.error = "\(displayPath): \(error)"
            return result
        }
        // Archives and documents are binary (or start with their signature): they are opened, not skipped.
        if documents.enabled, displayPath != "-", source.kind == .binary || DocumentKind.hasMagic(source.head),
           let kind = DocumentKind.detect(name: displayPath, head: Array(source.head.prefix(512))) {
            return scanDocument(kind, source: .descriptor(fd), storedSize: Self.size(of: fd), displayPath: displayPath, with: scanner, emit: emit)
        }
        switch source.kind {
        case .binary:
            result.skippedReason = "binary"
            return result
        case .utf16LE, .utf16BE, .utf32LE, .utf32BE:
            do {
                var all = source.head
                var buffer = [UInt8](repeating: 0, count: 1 << 16)
                while true {
                    let n = try buffer.withUnsafeMutableBytes { try source.inner.read(into: $0) }
                    if n == 0 { break }
                    all += buffer[0..<n]
                    if all.count > 256 << 20 { result.skippedReason = "UTF-16 or UTF-32 file over 256 MB"; return result }
                }
                let utf8 = SniffingSource.transcode(all, from: source.kind)
                let scanned = if let stage = InputStage.detect(path: displayPath, head: Array(utf8.prefix(8192))) {
                    try scanStaged(MemorySource(utf8), stage: stage, displayPath: displayPath, with: scanner, emit: nil)
                } else {
                    try scanner.scan(bytes: utf8, origin: Origin(path: displayPath))
                }
                if let emit { scanned.findings.forEach(emit) } else { result.findings = scanned.findings }
                result.bytes = all.count
                result.limitHits = scanned.report.limitHits
            } catch {
                result.error = "\(displayPath): \(error)"
            }
            return result
        case .text:
            _ = posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL)
            // A transcript or e-mail is also read through its text stage (cues joined,
            // soft line breaks removed), for values the plain scan sees in pieces.
            if let stage = InputStage.detect(path: displayPath, head: source.head) {
                do {
                    let scanned = try scanStaged(source, stage: stage, displayPath: displayPath, with: scanner, emit: emit)
                    result.findings = scanned.findings
                    result.bytes = scanned.report.bytes
                    result.limitHits = scanned.report.limitHits
                } catch {
                    result.error = "\(displayPath): read failed: \(error)"
                }
                return result
            }
            do {
                var findings: [Finding] = []
                let report = try scanner.scan(&source, origin: Origin(path: displayPath)) { finding in
                    if let emit { emit(finding) } else { findings.append(finding) }
                }
                result.findings = findings
                result.bytes = report.bytes
                result.limitHits = report.limitHits
            } catch {
                result.error = "\(displayPath): read failed: \(error)"
            }
            return result
        }
    }
}

extension InputScanner {
    /// Scans a document held in memory (a git blob): nil when the bytes are no document
    /// hedgerow opens (or documents are off), so the caller treats them as before.
    public func scanDocument(bytes: [UInt8], displayPath: String, with scanner: ScanEngine, emit: ((Finding) -> Void)? = nil) -> InputResult? {
        guard documents.enabled, let kind = DocumentKind.detect(name: displayPath, head: Array(bytes.prefix(512))) else { return nil }
        if case .pdf = kind, !bytes.starts(with: Array("%PDF-".utf8)) { return nil }
        if case .archive = kind, !bytes.prefix(8192).contains(0), !bytes.starts(with: [0x1F, 0x8B]) { return nil }
        return scanDocument(kind, source: .bytes(bytes), storedSize: bytes.count, displayPath: displayPath, with: scanner, emit: emit)
    }

    func scanDocument(_ kind: DocumentKind, source: DocumentScanner.Source, storedSize: Int, displayPath: String,
                      with scanner: ScanEngine, emit: ((Finding) -> Void)?) -> InputResult {
        var result = InputResult(displayPath: displayPath)
        var held: [Finding] = []
        let reader = DocumentScanner(scanner: scanner, diskPath: displayPath, limits: documents, storedSize: storedSize) { finding in
            if let emit { emit(finding) } else { held.append(finding) }
        }
        reader.scan(kind, source: source, name: displayPath)
        result.findings = held
        result.document = reader.tally
        result.bytes = reader.tally.bytes
        result.limitHits = reader.limitHits
        return result
    }

    static func size(of fd: Int32) -> Int {
        var info = stat()
        return fstat(fd, &info) == 0 ? Int(info.st_size) : 0
    }
}

/// Reads the first 8 KiB to decide how to treat a stream, then replays it.
struct SniffingSource: ByteSource {
    enum Kind { case text, binary, utf16LE, utf16BE, utf32LE, utf32BE }
    var inner: FileDescriptorSource
    var head: [UInt8] = []
    var replayed = 0
    var kind = Kind.text
    /// Text whose lines end in a carriage return alone (classic Mac OS): each CR is read as
    /// a newline, byte for byte (offsets stay the same), or every finding would be on line
    /// 1 and multi-line values (a PEM private key) would not match. Decided on the head.
    var carriageReturnLines = false

    init(inner: FileDescriptorSource) { self.inner = inner }

    mutating func sniff() throws {
        // Read straight into the head (no zero-filled buffer and copy): this runs per file.
        var source = inner
        head = try [UInt8](unsafeUninitializedCapacity: 8192) { buffer, count in
            count = 0
            while count < 8192 {
                let n = try source.read(into: UnsafeMutableRawBufferPointer(UnsafeMutableBufferPointer(rebasing: buffer[count...])))
                if n == 0 { break }
                count += n
            }
        }
        inner = source
        kind = Self.kind(of: head)
        if kind == .text, Self.endsLinesWithCarriageReturns(head) {
            carriageReturnLines = true
            Self.carriageReturnsToNewlines(&head)
        }
    }

    /// A carriage return in the head and no line feed: old Mac line endings.
    static func endsLinesWithCarriageReturns(_ head: [UInt8]) -> Bool {
        head.withUnsafeBytes { p in
            guard let base = p.baseAddress, !p.isEmpty else { return false }
            return memchr(base, 0x0D, p.count) != nil && memchr(base, 0x0A, p.count) == nil
        }
    }

    static func carriageReturnsToNewlines(_ bytes: inout [UInt8]) {
        bytes.withUnsafeMutableBytes { carriageReturnsToNewlines($0) }
    }

    static func carriageReturnsToNewlines(_ bytes: UnsafeMutableRawBufferPointer) {
        for i in bytes.indices where bytes[i] == 0x0D { bytes[i] = 0x0A }
    }

    /// What the first bytes say. UTF-32's byte-order marks are tried before UTF-16's: the
    /// UTF-32LE mark (FF FE 00 00) begins with the UTF-16LE one, and read as UTF-16 the
    /// file is text with a NUL after every character, which matches nothing.
    static func kind(of head: [UInt8]) -> Kind {
        if head.starts(with: [0xFF, 0xFE, 0x00, 0x00]) { return .utf32LE }
        if head.starts(with: [0x00, 0x00, 0xFE, 0xFF]) { return .utf32BE }
        if head.starts(with: [0xFF, 0xFE]) { return .utf16LE }
        if head.starts(with: [0xFE, 0xFF]) { return .utf16BE }
        if head.withUnsafeBytes({ $0.count > 0 && memchr($0.baseAddress!, 0, $0.count) != nil }) { return .binary }
        return .text
    }

    /// UTF-8 for a file sniffed as UTF-16 or UTF-32 (its byte-order mark dropped).
    static func transcode(_ bytes: [UInt8], from kind: Kind) -> [UInt8] {
        switch kind {
        case .utf16LE, .utf16BE: return transcodeUTF16(bytes, bigEndian: kind == .utf16BE)
        case .utf32LE, .utf32BE: return transcodeUTF32(bytes, bigEndian: kind == .utf32BE)
        case .text, .binary: return bytes
        }
    }

    static func transcodeUTF32(_ bytes: [UInt8], bigEndian: Bool) -> [UInt8] {
        var scalars = String.UnicodeScalarView()
        var i = 4
        while i + 3 < bytes.count {
            let b = bigEndian ? (bytes[i], bytes[i + 1], bytes[i + 2], bytes[i + 3]) : (bytes[i + 3], bytes[i + 2], bytes[i + 1], bytes[i])
            let value = UInt32(b.0) << 24 | UInt32(b.1) << 16 | UInt32(b.2) << 8 | UInt32(b.3)
            scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
            i += 4
        }
        return Array(String(scalars).utf8)
    }

    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        if replayed < head.count { return head.replay(from: &replayed, into: buffer) }
        let n = try inner.read(into: buffer)
        if carriageReturnLines && n > 0 { Self.carriageReturnsToNewlines(UnsafeMutableRawBufferPointer(rebasing: buffer[0..<n])) }
        return n
    }

    static func transcodeUTF16(_ bytes: [UInt8], bigEndian: Bool) -> [UInt8] {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var i = 2
        while i + 1 < bytes.count {
            units.append(bigEndian ? UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1]) : UInt16(bytes[i + 1]) << 8 | UInt16(bytes[i]))
            i += 2
        }
        return Array(String(decoding: units, as: UTF16.self).utf8)
    }
}

extension InputScanner {
    /// Scans bytes already in memory (a committed blob), sniffed as a file is: binary
    /// skipped, UTF-16 and UTF-32 transcoded, transcripts and e-mail read through their stage.
    public func scanBytes(_ bytes: [UInt8], displayPath: String, with scanner: ScanEngine) -> InputResult {
        var result = InputResult(displayPath: displayPath)
        let kind = SniffingSource.kind(of: Array(bytes.prefix(8192)))
        if kind == .binary { result.skippedReason = "binary"; return result }
        var text = SniffingSource.transcode(bytes, from: kind)
        if kind == .text, SniffingSource.endsLinesWithCarriageReturns(Array(bytes.prefix(8192))) {
            SniffingSource.carriageReturnsToNewlines(&text)
        }
        do {
            let scanned = if let stage = InputStage.detect(path: displayPath, head: Array(text.prefix(8192))) {
                try scanStaged(MemorySource(text), stage: stage, displayPath: displayPath, with: scanner, emit: nil)
            } else {
                try scanner.scan(bytes: text, origin: Origin(path: displayPath))
            }
            result.findings = scanned.findings
            result.bytes = bytes.count
            result.limitHits = scanned.report.limitHits
        } catch {
            result.error = "\(displayPath): \(error)"
        }
        return result
    }
}
