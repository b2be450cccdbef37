#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One file to scan: the path to open and the path to report.
public struct FileTarget: Equatable, Sendable {
    public let path: String
    public let displayPath: String
    public let size: Int
}

/// Turns command-line paths into the files to scan. Skips `.git`; inside a git work tree
/// scans what git lists (tracked files, and untracked ones its ignore rules allow), outside
/// one reads `.gitignore` files on the way down; honours `.hedgerowignore` everywhere;
/// never follows symlinks (so loops are impossible), and records every skip with its
/// reason. With `useIgnoreFiles` off, ignored files are scanned too.
public struct FileWalker {
    public struct Outcome {
        public var files: [FileTarget] = []
        public var skipped: [String: Int] = [:]
        public var errors: [String] = []
    }

    public let maxFileSize: Int
    /// Off for `--no-ignore`: a `.env` is usually git-ignored and exactly what a user may
    /// want checked.
    public let useIgnoreFiles: Bool
    public init(maxFileSize: Int = Int.max, useIgnoreFiles: Bool = true) {
        self.maxFileSize = maxFileSize
        self.useIgnoreFiles = useIgnoreFiles
    }

    public func collect(_ paths: [String]) -> Outcome {
        var outcome = Outcome()
        for path in paths {
            var info = stat()
            let shown = FileNames.shown(path)
            guard FileNames.withPath(path, { lstat($0, &info) }) == 0 else {
                outcome.errors.append("\(shown): \(String(cString: strerror(errno)))")
                continue
            }
            switch info.st_mode & S_IFMT {
            case S_IFREG:
                outcome.files.append(FileTarget(path: path, displayPath: shown, size: Int(info.st_size)))
            case S_IFDIR:
                // Inside a work tree git answers for every ignore rule, the root's included;
                // elsewhere ignore files are read from the named directory down.
                let listing = useIgnoreFiles ? WorkTreeListing.containing(path) : nil
                walk(directory: path, display: shown, ignores: listing.map(ancestorScopes) ?? [], listing: listing, into: &outcome)
            case S_IFLNK:
                // A symlink named on the command line is followed once, to a file only.
                var target = stat()
                if FileNames.withPath(path, { stat($0, &target) }) == 0, target.st_mode & S_IFMT == S_IFREG {
                    outcome.files.append(FileTarget(path: path, displayPath: shown, size: Int(target.st_size)))
                } else {
                    outcome.errors.append("\(shown): symbolic link to something that is not a regular file")
                }
            default:
                outcome.skipped["not a regular file", default: 0] += 1
            }
        }
        return outcome
    }

    private struct Scope {
        /// The folder holding the rules: as the walk names it, or root-relative (with a
        /// trailing slash, "" for the root) for the folders above the scanned one.
        let base: String
        let rules: IgnoreRules
        var rootRelative = false
    }

    /// `.hedgerowignore` files between the work tree's root and the scanned folder: a
    /// subfolder is scanned under the same rules as the whole tree.
    private func ancestorScopes(_ listing: WorkTreeListing) -> [Scope] {
        var scopes: [Scope] = []
        var relative = ""
        var up = String(repeating: "../", count: listing.prefix.split(separator: "/").count)
        for part in [""] + listing.prefix.split(separator: "/").map(String.init) {
            if !part.isEmpty { relative += part + "/"; up = String(up.dropFirst(3)) }
            if relative == listing.prefix { break }
            if let text = readSmallFile(join(listing.walkedBase, up + ".hedgerowignore")) {
                scopes.append(Scope(base: relative, rules: IgnoreRules(text: text), rootRelative: true))
            }
        }
        return scopes
    }

    private func walk(directory: String, display: String, ignores: [Scope], listing: WorkTreeListing?, into outcome: inout Outcome) {
        var scopes = ignores
        for name in !useIgnoreFiles ? [] : listing == nil ? [".gitignore", ".hedgerowignore"] : [".hedgerowignore"] {
            if let text = readSmallFile(join(directory, name)) {
                scopes.append(Scope(base: directory, rules: IgnoreRules(text: text)))
            }
        }
        guard let dir = FileNames.withPath(directory, { opendir($0) }) else {
            outcome.errors.append("\(display): \(String(cString: strerror(errno)))")
            return
        }
        var entries: [String] = []
        while let entry = readdir(dir) {
            // Every byte of the name kept, UTF-8 or not (FileNames).
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: UInt8.self, capacity: 256) { FileNames.decode(UnsafeBufferPointer(start: $0, count: strlen(UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)))) }
            }
            if name == "." || name == ".." || name == ".git" { continue }
            entries.append(name)
        }
        closedir(dir)
        // Directories sort as their name and a slash, so the walk visits files in the order
        // of their whole paths ("config.js" before "config/index.ts"): streamed reports come
        // out in the same order as those sorted in memory.
        var listed: [(name: String, info: stat, key: String)] = []
        for name in entries.sorted() {
            var info = stat()
            guard FileNames.withPath(join(directory, name), { lstat($0, &info) }) == 0 else {
                outcome.errors.append("\(join(display, FileNames.shown(name))): \(String(cString: strerror(errno)))")
                continue
            }
            listed.append((name, info, info.st_mode & S_IFMT == S_IFDIR ? name + "/" : name))
        }
        for (name, info, _) in listed.sorted(by: { $0.key < $1.key }) {
            let path = join(directory, name)
            let shown = join(display, FileNames.shown(name))
            let kind = info.st_mode & S_IFMT
            if listing?.excludes(path, isDirectory: kind == S_IFDIR) == true || isIgnored(path, isDirectory: kind == S_IFDIR, scopes: scopes, listing: listing) {
                outcome.skipped["ignored", default: 0] += 1
                continue
            }
            switch kind {
            case S_IFDIR:
                let inner = listing.map { $0.isNestedRepository(path) || $0.files.contains($0.rootRelative(path)) ? WorkTreeListing.containing(path) : $0 } ?? nil
                walk(directory: path, display: shown, ignores: scopes, listing: inner, into: &outcome)
            case S_IFREG: outcome.files.append(FileTarget(path: path, displayPath: shown, size: Int(info.st_size)))
            case S_IFLNK: outcome.skipped["symlink", default: 0] += 1
            default: outcome.skipped["not a regular file", default: 0] += 1
            }
        }
    }

    private func isIgnored(_ path: String, isDirectory: Bool, scopes: [Scope], listing: WorkTreeListing?) -> Bool {
        var ignored = false
        for scope in scopes {
            let relative = scope.rootRelative
                ? String((listing?.rootRelative(path) ?? path).dropFirst(scope.base.count))
                : String(path.dropFirst(scope.base.count + (scope.base.hasSuffix("/") ? 0 : 1)))
            if let verdict = scope.rules.ignores(relative, isDirectory: isDirectory) { ignored = verdict }
        }
        return ignored
    }

    private func join(_ a: String, _ b: String) -> String { a.hasSuffix("/") ? a + b : a + "/" + b }
}

/// Reads a small text file whole, or nil when it does not exist, is not a regular file
/// (a FIFO named `.gitignore` must not hang the walk) or cannot be read.
func readSmallFile(_ path: String, limit: Int = 1 << 20) -> String? {
    try? RegularFile.readText(path, limit: limit)
}
