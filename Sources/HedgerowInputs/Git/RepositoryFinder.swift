import Foundation

/// Finds the repositories an audit covers: each path is a repository (working copy, bare
/// or mirror) or a directory searched for them, nested ones included. Symbolic links are
/// not followed, so a link loop cannot trap the search.
public struct RepositoryFinder {
    /// A repository to audit.
    public struct Found: Equatable, Sendable {
        /// The absolute path git runs in.
        public var path: String
        /// A stable name for reports, state files and sharding: relative to the search root.
        public var name: String
    }

    public init() {}

    /// Repositories sorted by name, and the roots that held none (reported, not skipped).
    public func find(_ roots: [String]) -> (repositories: [Found], errors: [String]) {
        var found: [Found] = []
        var errors: [String] = []
        let manager = FileManager.default
        for root in roots {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue else {
                errors.append("\(root): not a directory")
                continue
            }
            let base = URL(fileURLWithPath: root).standardizedFileURL
            var here: [Found] = []
            walk(base, base: base, into: &here)
            if here.isEmpty { errors.append("\(root): no git repositories found") }
            found += here
        }
        var seen = Set<String>()
        return (found.filter { seen.insert($0.path).inserted }.sorted { $0.name < $1.name }, errors)
    }

    /// True for a working copy (`.git` inside) or a bare repository or mirror.
    public static func kind(of directory: URL) -> String? {
        let manager = FileManager.default
        if manager.fileExists(atPath: directory.appendingPathComponent(".git").path) { return "working copy" }
        let looksBare = ["HEAD", "objects", "refs"].allSatisfy { manager.fileExists(atPath: directory.appendingPathComponent($0).path) }
        return looksBare ? "bare" : nil
    }

    private func walk(_ directory: URL, base: URL, into found: inout [Found]) {
        let kind = Self.kind(of: directory)
        if kind != nil {
            let relative = directory.path == base.path ? base.lastPathComponent : base.lastPathComponent + "/" + String(directory.path.dropFirst(base.path.count + 1))
            found.append(Found(path: directory.path, name: relative))
            if kind == "bare" { return }
        }
        guard let entries = try? FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: [.isDirectoryKey, .isSymbolicLinkKey]) else { return }
        for entry in entries.sorted(by: { $0.lastPathComponent < $1.lastPathComponent }) where entry.lastPathComponent != ".git" {
            let values = try? entry.resourceValues(forKeys: [.isDirectoryKey, .isSymbolicLinkKey])
            if values?.isSymbolicLink == true || values?.isDirectory != true { continue }
            walk(entry, base: base, into: &found)
        }
    }
}
