#if canImport(Glibc)
import Glibc
#endif
import HedgerowCore

/// The commit a fragment of history came from.
public struct CommitInfo: Equatable, Sendable {
    public var hash: String
    public var author: String
    public var date: String

    public init(hash: String, author: String, date: String) { self.hash = hash; self.author = author; self.date = date }
}

/// The lines one change added to one file, joined with newlines, and the line number
/// each has in the new file; contiguous additions stay adjacent so multi-line values
/// (private keys) are found whole.
public struct AddedFragment: Sendable {
    public var path: String
    public var commit: CommitInfo?
    public var bytes: [UInt8] = []
    /// `lines[i]` is the new-file line number of line `i + 1` of `bytes` (0 for a hunk separator).
    public var lines: [Int] = []

    public init(path: String, commit: CommitInfo?) { self.path = path; self.commit = commit }
}

/// Counts for the summary: what the diff held besides text additions.
public struct DiffTotals: Equatable, Sendable {
    public var files = 0
    public var addedLines = 0
    public var binaryFiles = 0
    public var commits = 0
    /// Binary changes that are documents or archives (by name), to be read whole from
    /// their blob: a line diff means nothing for them.
    public var documents: [DocumentChange] = []
    /// Refs a history of all refs could not read (a history of the others was read).
    public var brokenRefs: [String] = []
    public init() {}
}

/// A document or archive a change added or modified: its new path and the commit (nil
/// for the staged change, whose blob is in the index).
public struct DocumentChange: Equatable, Sendable {
    public var path: String
    public var commit: CommitInfo?
}

/// Reads `git diff -U0` / `git log -p -U0` output as it streams and hands out the added
/// lines of each file. Only `+` lines inside hunks are kept; a content line can never be
/// mistaken for a header because the parser tracks where each hunk starts and ends.
public struct DiffParser {
    /// Put at the start of each commit's header by the `--format` hedgerow passes to git log.
    public static let commitMarker: [UInt8] = Array("\u{1}hedgerow-commit ".utf8)
    /// `git log --format` producing the marker line: hash, author name and email, committer date.
    public static let logFormat = "--format=%x01hedgerow-commit %H%x1f%an <%ae>%x1f%cI"
    /// A file's additions are handed out in pieces of about this size, keeping memory bounded.
    public static let fragmentLimit = 4 << 20

    private enum State { case outside, header, hunk }
    private var state = State.outside
    private var pending: [UInt8] = []
    private var commit: CommitInfo?
    private var fragment: AddedFragment?
    private var nextLine = 0
    private var lastAdded = -1
    private let emit: (AddedFragment) throws -> Void
    public private(set) var totals = DiffTotals()

    public init(emit: @escaping (AddedFragment) throws -> Void) { self.emit = emit }

    /// Feeds the next piece of git's output; lines may be split across pieces.
    public mutating func feed(_ chunk: UnsafeRawBufferPointer) throws {
        guard let base = chunk.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return }
        var start = 0
        while start < chunk.count {
            guard let nl = memchr(base + start, 0x0A, chunk.count - start) else {
                pending.append(contentsOf: UnsafeBufferPointer(start: base + start, count: chunk.count - start))
                return
            }
            let end = base.distance(to: nl.assumingMemoryBound(to: UInt8.self))
            if pending.isEmpty {
                try line(UnsafeBufferPointer(start: base + start, count: end - start))
            } else {
                pending.append(contentsOf: UnsafeBufferPointer(start: base + start, count: end - start))
                let whole = pending
                pending.removeAll(keepingCapacity: true)
                try whole.withUnsafeBufferPointer { try line($0) }
            }
            start = end + 1
        }
    }

    /// Ends the stream: a last line without a newline counts, and the open file is handed out.
    public mutating func finish() throws {
        if !pending.isEmpty {
            let whole = pending
            pending.removeAll()
            try whole.withUnsafeBufferPointer { try line($0) }
        }
        try handOut()
    }

    private mutating func line(_ text: UnsafeBufferPointer<UInt8>) throws {
        let first = text.first ?? 0
        if state == .hunk {
            switch first {
            case UInt8(ascii: "+"): try added(UnsafeBufferPointer(rebasing: text[1...])); return
            case UInt8(ascii: "-"), UInt8(ascii: "\\"): return
            case UInt8(ascii: " "): nextLine += 1; return
            default: state = .outside
            }
        }
        if Self.starts(text, Self.commitMarker) {
            try handOut()
            state = .outside
            let fields = String(decoding: text[Self.commitMarker.count...], as: UTF8.self).split(separator: "\u{1F}", omittingEmptySubsequences: false)
            commit = CommitInfo(hash: String(fields[0]), author: fields.count > 1 ? String(fields[1]) : "",
                                date: fields.count > 2 ? String(fields[2]) : "")
            totals.commits += 1
        } else if Self.starts(text, Self.diffHeader) {
            try handOut()
            state = .header
        } else if state == .header && Self.starts(text, Self.newFile) {
            let raw = Array(text[Self.newFile.count...])
            if raw == Array("/dev/null".utf8) { return }
            var path = Self.unquote(raw)
            if path.hasPrefix("b/") { path.removeFirst(2) }
            fragment = AddedFragment(path: path, commit: commit)
            lastAdded = -1
            totals.files += 1
        } else if state == .header && Self.starts(text, Self.binary) {
            if let path = Self.binaryNewPath(text), DocumentKind.isDocumentName(path) {
                totals.documents.append(DocumentChange(path: path, commit: commit))
            } else {
                totals.binaryFiles += 1
            }
        } else if (state == .header || state == .outside) && Self.starts(text, Self.hunkHeader) && fragment != nil {
            nextLine = Self.newStart(text)
            state = .hunk
        }
    }

    private mutating func added(_ content: UnsafeBufferPointer<UInt8>) throws {
        guard fragment != nil else { nextLine += 1; return }
        if fragment!.bytes.count > Self.fragmentLimit { try handOut(keepingFile: true) }
        if lastAdded >= 0 && nextLine != lastAdded + 1 {
            // A gap between hunks: an empty separator line so a match cannot join them.
            fragment!.bytes.append(0x0A)
            fragment!.lines.append(0)
        }
        fragment!.bytes.append(contentsOf: content)
        fragment!.bytes.append(0x0A)
        fragment!.lines.append(nextLine)
        totals.addedLines += 1
        lastAdded = nextLine
        nextLine += 1
    }

    /// Hands the open file's additions out; `keepingFile` continues the same file after a
    /// size cut.
    private mutating func handOut(keepingFile: Bool = false) throws {
        guard let current = fragment else { return }
        fragment = keepingFile ? AddedFragment(path: current.path, commit: current.commit) : nil
        lastAdded = -1
        if !current.lines.isEmpty { try emit(current) }
    }

    // MARK: - Header pieces

    static let diffHeader = Array("diff --git ".utf8)
    static let newFile = Array("+++ ".utf8)
    static let binary = Array("Binary files ".utf8)
    static let hunkHeader = Array("@@ ".utf8)

    static func starts(_ text: UnsafeBufferPointer<UInt8>, _ prefix: [UInt8]) -> Bool {
        text.count >= prefix.count && prefix.indices.allSatisfy { text[$0] == prefix[$0] }
    }

    /// The new path in `Binary files a/x and b/y differ`; nil for a deletion (`/dev/null`).
    static func binaryNewPath(_ text: UnsafeBufferPointer<UInt8>) -> String? {
        var line = Array(text[binary.count...])
        let suffix = Array(" differ".utf8)
        guard line.count > suffix.count, Array(line.suffix(suffix.count)) == suffix else { return nil }
        line.removeLast(suffix.count)
        let separator = Array(" and ".utf8)
        var cut = -1
        var i = line.count - separator.count
        while i >= 0 { if Array(line[i..<i + separator.count]) == separator { cut = i; break }; i -= 1 }
        guard cut >= 0 else { return nil }
        let raw = Array(line[(cut + separator.count)...])
        if raw == Array("/dev/null".utf8) { return nil }
        var path = unquote(raw)
        if path.hasPrefix("b/") { path.removeFirst(2) }
        return path
    }

    /// The new-file start line from `@@ -a,b +c,d @@`.
    static func newStart(_ text: UnsafeBufferPointer<UInt8>) -> Int {
        var i = 3
        while i < text.count && text[i] != UInt8(ascii: "+") { i += 1 }
        i += 1
        var value = 0
        // Capped: a hostile header's digits would overflow (a trap), and no file has more lines.
        while i < text.count, text[i] >= 0x30, text[i] <= 0x39 { value = min(value * 10 + Int(text[i] - 0x30), 1 << 40); i += 1 }
        return value
    }

    /// Undoes git's C-style quoting of unusual paths (`"b/tab\there"`, octal bytes) and the
    /// tab git appends after a name that holds a space.
    static func unquote(_ raw: [UInt8]) -> String {
        var bytes = raw
        if bytes.last == 0x09 { bytes.removeLast() }
        guard bytes.count >= 2, bytes.first == 0x22, bytes.last == 0x22 else { return String(decoding: bytes, as: UTF8.self) }
        var out: [UInt8] = []
        var i = 1
        let end = bytes.count - 1
        while i < end {
            let c = bytes[i]
            guard c == 0x5C, i + 1 < end else { out.append(c); i += 1; continue }
            let e = bytes[i + 1]
            switch e {
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "a"): out.append(0x07)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "v"): out.append(0x0B)
            case 0x30...0x37:
                var value = 0, j = i + 1
                while j < end, j < i + 4, (0x30...0x37).contains(bytes[j]) { value = value * 8 + Int(bytes[j] - 0x30); j += 1 }
                out.append(UInt8(truncatingIfNeeded: value))
                i = j
                continue
            default: out.append(e)
            }
            i += 2
        }
        return String(decoding: out, as: UTF8.self)
    }
}
