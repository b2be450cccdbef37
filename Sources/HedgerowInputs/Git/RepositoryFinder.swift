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
            var unreadable: [String] = []
            walk(base, base: base, into: &here, unreadable: &unreadable)
            // A folder the walk could not open may hold repositories: a failure, never a silent skip.
            errors += unreadable.map { "\($0): cannot read this folder, repositories in it are not audited" }
            if here.isEmpty && unreadable.isEmpty { errors.append("\(root): no git repositories found") }
            found += here
        }
        var seen = Set<String>()
        return (Self.uniqueNames(found.filter { seen.insert($0.path).inserted }).sorted { $0.name < $1.name }, errors)
    }

    /// Names are keys (reports, state files, shards, resume): two repositories must never
    /// share one, or one's results overwrite the other's. `/x/orgA/api` and `/x/orgB/api`
    /// named as roots are both `api`, and two roots called `mirrors` hold the same names:
    /// each name held by more than one path takes one more folder of its path in front,
    /// until every name is unique (whole paths are, so this ends).
    static func uniqueNames(_ found: [Found]) -> [Found] {
        var result = found
        var depth = result.map { $0.name.split(separator: "/").count }
        while true {
            let counts = Dictionary(result.map { ($0.name, 1) }, uniquingKeysWith: +)
            let clashing = result.indices.filter { counts[result[$0].name]! > 1 }
            if clashing.isEmpty { return result }
            for i in clashing {
                let parts = result[i].path.split(separator: "/", omittingEmptySubsequences: true)
                depth[i] += 1
                result[i].name = depth[i] >= parts.count ? result[i].path : parts.suffix(depth[i]).joined(separator: "/")
            }
        }
    }

    /// True for a working copy (`.git` inside) or a bare repository or mirror.
    public static func kind(of directory: URL) -> String? {
        let manager = FileManager.default
        if manager.fileExists(atPath: directory.appendingPathComponent(".git").path) { return "working copy" }
        let looksBare = ["HEAD", "objects", "refs"].allSatisfy { manager.fileExists(atPath: directory.appendingPathComponent($0).path) }
        return looksBare ? "bare" : nil
    }

    private func walk(_ directory: URL, base: URL, into found: inout [Found], unreadable: inout [String]) {
        let kind = Self.kind(of: directory)
        if kind != nil {
            let relative = directory.path == base.path ? base.lastPathComponent : base.lastPathComponent + "/" + String(directory.path.dropFirst(base.path.count + 1))
            found.append(Found(path: directory.path, name: relative))
            if kind == "bare" { return }
        }
        guard let entries = try? FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: [.isDirectoryKey, .isSymbolicLinkKey]) else {
            unreadable.append(directory.path)
            return
        }
        for entry in entries.sorted(by: { $0.lastPathComponent < $1.lastPathComponent }) where entry.lastPathComponent != ".git" {
            let values = try? entry.resourceValues(forKeys: [.isDirectoryKey, .isSymbolicLinkKey])
            if values?.isSymbolicLink == true || values?.isDirectory != true { continue }
            walk(entry, base: base, into: &found, unreadable: &unreadable)
        }
    }
}
