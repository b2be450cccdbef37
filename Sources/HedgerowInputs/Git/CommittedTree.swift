import Foundation

/// The files a repository's HEAD commit holds, read from git's object store.
///
/// An audit of the checked-out tree must see what is committed, and only that: a walk of
/// the work tree would honour the audited repository's own `.gitignore` and
/// `.hedgerowignore` (so a committed key listed there would pass as clean), and would open
/// whatever the work tree holds (FIFOs, devices, files never committed). `git ls-tree`
/// lists HEAD's blobs and `git cat-file --batch` streams them, object names on standard
/// input, never a path on a command line.
public struct CommittedTree {
    public let git: GitCommand

    /// Only audits read committed trees: git ignores `GIT_DIR` and the like from the environment.
    public init(directory: String) {
        var git = GitCommand(directory: directory)
        git.isolatesRepository = true
        self.git = git
    }

    /// One regular file of the commit (symbolic links and submodules are not files).
    public struct Entry: Equatable, Sendable {
        public var path: String
        public var object: String
        public var size: Int
    }

    /// HEAD's regular files, in path order.
    public func entries() throws -> [Entry] {
        var listing: [UInt8] = []
        do {
            try git.stream(["ls-tree", "-r", "-z", "--long", "--full-tree", "HEAD"]) { listing += $0 }
        } catch let failure as GitCommand.Failure {
            throw GitInputError("\(git.directory): cannot list HEAD's files (\(failure))")
        }
        var result: [Entry] = []
        for record in listing.split(separator: 0) {
            // "<mode> SP <type> SP <object> SP+ <size> TAB <path>"
            guard let tab = record.firstIndex(of: 0x09) else { continue }
            let fields = String(decoding: record[record.startIndex..<tab], as: UTF8.self).split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count == 4, fields[1] == "blob", fields[0] == "100644" || fields[0] == "100755",
                  let size = Int(fields[3]) else { continue }
            result.append(Entry(path: String(decoding: record[(tab + 1)...], as: UTF8.self), object: String(fields[2]), size: size))
        }
        return result
    }

    /// Streams each entry's bytes to `visit`, one blob at a time, in the order given.
    public func read(_ entries: [Entry], visit: (Entry, [UInt8]) throws -> Void) throws {
        guard !entries.isEmpty else { return }
        try withoutActuallyEscaping(visit) { visit in
            var parser = BatchParser(entries: entries, visit: visit)
            try git.stream(["cat-file", "--batch"], input: Array(entries.map { $0.object + "\n" }.joined().utf8)) { chunk in
                try parser.feed(chunk)
            }
            guard parser.next == entries.count else {
                throw GitInputError("\(git.directory): git cat-file stopped after \(parser.next) of \(entries.count) files")
            }
        }
    }

    /// `git cat-file --batch` output: "<object> <type> <size>\n<bytes>\n" per object.
    struct BatchParser {
        let entries: [Entry]
        let visit: (Entry, [UInt8]) throws -> Void
        var next = 0
        var header: [UInt8] = []
        var body: [UInt8] = []
        /// Bytes of the current body still to come (+1 for its newline); nil while reading a header.
        var remaining: Int?

        init(entries: [Entry], visit: @escaping (Entry, [UInt8]) throws -> Void) {
            self.entries = entries; self.visit = visit
        }

        mutating func feed(_ chunk: UnsafeRawBufferPointer) throws {
            var i = 0
            while i < chunk.count {
                if let left = remaining {
                    let n = min(left, chunk.count - i)
                    body.append(contentsOf: UnsafeRawBufferPointer(rebasing: chunk[i..<(i + n)]))
                    i += n
                    remaining = left - n
                    if remaining == 0 {
                        body.removeLast()  // the newline after the object
                        guard next < entries.count else { throw GitInputError("git cat-file sent more objects than asked for") }
                        try visit(entries[next], body)
                        next += 1
                        body = []
                        remaining = nil
                    }
                } else {
                    let byte = chunk[i]
                    i += 1
                    if byte != 0x0A { header.append(byte); continue }
                    let fields = String(decoding: header, as: UTF8.self).split(separator: " ")
                    header = []
                    guard fields.count == 3, let size = Int(fields[2]) else {
                        throw GitInputError("git cat-file: object \(next < entries.count ? entries[next].path : "?") is missing")
                    }
                    remaining = size + 1
                    body.reserveCapacity(size + 1)
                }
            }
        }
    }
}
