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

/// Turns command-line paths into the files to scan. Skips `.git`, honours `.gitignore`
/// and `.hedgerowignore` files on the way down, never follows symlinks (so loops are
/// impossible), and records every skip with its reason.
public struct FileWalker {
    public struct Outcome {
        public var files: [FileTarget] = []
        public var skipped: [String: Int] = [:]
        public var errors: [String] = []
    }

    public let maxFileSize: Int
    public init(maxFileSize: Int = Int.max) { self.maxFileSize = maxFileSize }

    public func collect(_ paths: [String]) -> Outcome {
        var outcome = Outcome()
        for path in paths {
            var info = stat()
            guard lstat(path, &info) == 0 else {
                outcome.errors.append("\(path): \(String(cString: strerror(errno)))")
                continue
            }
            switch info.st_mode & S_IFMT {
            case S_IFREG:
                outcome.files.append(FileTarget(path: path, displayPath: path, size: Int(info.st_size)))
            case S_IFDIR:
                // Ignore files are read from the named directory down, not from its parents.
                walk(directory: path, display: path, ignores: [], into: &outcome)
            case S_IFLNK:
                // A symlink named on the command line is followed once, to a file only.
                var target = stat()
                if stat(path, &target) == 0, target.st_mode & S_IFMT == S_IFREG {
                    outcome.files.append(FileTarget(path: path, displayPath: path, size: Int(target.st_size)))
                } else {
                    outcome.errors.append("\(path): symbolic link to something that is not a regular file")
                }
            default:
                outcome.skipped["not a regular file", default: 0] += 1
            }
        }
        return outcome
    }

    private struct Scope {
        let base: String
        let rules: IgnoreRules
    }

    private func walk(directory: String, display: String, ignores: [Scope], into outcome: inout Outcome) {
        var scopes = ignores
        for name in [".gitignore", ".hedgerowignore"] {
            if let text = readSmallFile(join(directory, name)) {
                scopes.append(Scope(base: directory, rules: IgnoreRules(text: text)))
            }
        }
        guard let dir = opendir(directory) else {
            outcome.errors.append("\(display): \(String(cString: strerror(errno)))")
            return
        }
        var entries: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
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
            guard lstat(join(directory, name), &info) == 0 else {
                outcome.errors.append("\(join(display, name)): \(String(cString: strerror(errno)))")
                continue
            }
            listed.append((name, info, info.st_mode & S_IFMT == S_IFDIR ? name + "/" : name))
        }
        for (name, info, _) in listed.sorted(by: { $0.key < $1.key }) {
            let path = join(directory, name)
            let shown = join(display, name)
            let kind = info.st_mode & S_IFMT
            if isIgnored(path, isDirectory: kind == S_IFDIR, scopes: scopes) {
                outcome.skipped["ignored", default: 0] += 1
                continue
            }
            switch kind {
            case S_IFDIR: walk(directory: path, display: shown, ignores: scopes, into: &outcome)
            case S_IFREG: outcome.files.append(FileTarget(path: path, displayPath: shown, size: Int(info.st_size)))
            case S_IFLNK: outcome.skipped["symlink", default: 0] += 1
            default: outcome.skipped["not a regular file", default: 0] += 1
            }
        }
    }

    private func isIgnored(_ path: String, isDirectory: Bool, scopes: [Scope]) -> Bool {
        var ignored = false
        for scope in scopes {
            let relative = String(path.dropFirst(scope.base.count + (scope.base.hasSuffix("/") ? 0 : 1)))
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
