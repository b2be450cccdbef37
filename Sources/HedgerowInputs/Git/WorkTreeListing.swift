#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Which files of a git work tree git itself would consider: tracked ones, and untracked
/// ones its ignore rules do not exclude (`git ls-files --cached --others
/// --exclude-standard`). Asking git, instead of reading `.gitignore` files on the way down,
/// makes a scan honour every rule git honours (the root's `.gitignore` when a
/// subdirectory is scanned, `info/exclude`, the user's global excludes, `**` anywhere, a
/// tracked file that a later pattern would match) and makes the result independent of
/// the folder the scan starts in.
struct WorkTreeListing {
    /// The walked directory, as the walk names it.
    let walkedBase: String
    /// The walked directory relative to the work tree's root ("" at the root, else "a/b/").
    let prefix: String
    /// Root-relative paths git lists.
    let files: Set<String>
    /// Every folder holding a listed file, root-relative.
    let folders: Set<String>
    /// Nested repositories and submodules: git lists them as one entry; the walk asks
    /// their own git about what is inside.
    let nested: Set<String>

    /// The listing for the work tree holding `directory`, or nil outside one (or when git
    /// cannot be run, in which case the walk falls back to reading ignore files).
    static func containing(_ directory: String) -> WorkTreeListing? {
        let git = GitCommand(directory: directory)
        guard let inside = try? git.output(["rev-parse", "--is-inside-work-tree"]), inside.hasPrefix("true"),
              let prefixLine = try? git.output(["rev-parse", "--show-prefix"]),
              let listing = try? git.outputBytes(["ls-files", "-z", "--cached", "--others", "--exclude-standard", "--full-name", ":/"])
        else { return nil }
        var files = Set<String>(), folders = Set<String>(), nested = Set<String>()
        // Names decoded as the walk decodes directory entries (FileNames), UTF-8 or not.
        for entry in listing.split(separator: 0) {
            var path = FileNames.decode(entry)
            if path.hasSuffix("/") { path.removeLast(); nested.insert(path) }
            files.insert(path)
            var parent = path
            while let slash = parent.lastIndex(of: "/") {
                parent = String(parent[..<slash])
                if !folders.insert(parent).inserted { break }
            }
        }
        let prefix = prefixLine.droppingTrailing("\n")
        // A folder the user names is scanned even when the repository around it ignores it
        // (a Python installation inside a git-managed ~/.pyenv): its own ignore files apply,
        // read on the way down as outside a work tree.
        if !prefix.isEmpty, !folders.contains(String(prefix.dropLast())), git.succeeds(["check-ignore", "-q", "--no-index", "."]) {
            return nil
        }
        return WorkTreeListing(walkedBase: directory, prefix: prefix, files: files, folders: folders, nested: nested)
    }

    /// The root-relative path of a walked path below `walkedBase`.
    func rootRelative(_ path: String) -> String {
        var rest = path.dropFirst(walkedBase.count)
        while rest.hasPrefix("/") { rest = rest.dropFirst() }
        return prefix + rest
    }

    /// Whether git leaves this path out: a file it does not list, or a folder holding
    /// nothing it lists.
    func excludes(_ path: String, isDirectory: Bool) -> Bool {
        let relative = rootRelative(path)
        return isDirectory ? !(folders.contains(relative) || files.contains(relative)) : !files.contains(relative)
    }

    /// Whether the folder is a repository of its own (a submodule, or an untracked clone).
    func isNestedRepository(_ path: String) -> Bool { nested.contains(rootRelative(path)) }
}

extension String {
    func droppingTrailing(_ set: String) -> String {
        var s = Substring(self)
        while let last = s.last, set.contains(last) { s = s.dropLast() }
        return String(s)
    }
}
