import Foundation
import HedgerowCore

/// Finds `.hedgerow.yml`: the file named by `--config`, else the first one found from
/// the scanned directory upwards, stopping at the root of the git work tree it is in (a
/// configuration outside the repository never applies to it).
enum ConfigFile {
    static let name = ".hedgerow.yml"

    struct Found {
        var path: String
        /// The directory its relative paths and globs are resolved against.
        var base: String
    }

    static func locate(explicit: String?, from start: String) throws -> Found? {
        let manager = FileManager.default
        if let explicit {
            guard manager.isReadableFile(atPath: explicit) else {
                throw YAMLProblem(file: explicit, line: nil, message: "cannot read the configuration file")
            }
            let absolute = URL(fileURLWithPath: explicit).standardizedFileURL.path
            return Found(path: absolute, base: (absolute as NSString).deletingLastPathComponent)
        }
        var isDirectory: ObjCBool = false
        var directory = URL(fileURLWithPath: start).standardizedFileURL
        if !manager.fileExists(atPath: directory.path, isDirectory: &isDirectory) || !isDirectory.boolValue {
            directory = directory.deletingLastPathComponent()
        }
        while true {
            let candidate = directory.appendingPathComponent(name).path
            if manager.fileExists(atPath: candidate) { return Found(path: candidate, base: directory.path) }
            if manager.fileExists(atPath: directory.appendingPathComponent(".git").path) { return nil }
            let parent = directory.deletingLastPathComponent()
            if parent.path == directory.path { return nil }
            directory = parent
        }
    }

    static func read(_ path: String) throws -> String {
        guard let text = readRegularText(path) else {
            throw YAMLProblem(file: path, line: nil, message: "cannot read the configuration file (is it UTF-8?)")
        }
        return text
    }
}
