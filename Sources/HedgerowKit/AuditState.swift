import Foundation
import HedgerowCore
import HedgerowReport

/// An audit's state directory: `repos/<name>.json`, one file per finished repository,
/// each written atomically. A killed audit leaves only whole files behind, so `--resume`
/// trusts every file it finds and rescans only the rest; nothing is lost or doubled.
struct AuditState {
    let directory: String
    var repositories: String { directory + "/repos" }

    /// One file name per repository name, never the same for two names: percent-encoding
    /// (with `%` itself encoded) is one-to-one. A leading dot is encoded too, so a
    /// `.dotfiles` repository's result is not a hidden file that `load` and `merge` pass
    /// over; a name too long for the file system keeps a readable start and a hash of the whole.
    static func fileName(_ name: String) -> String {
        var allowed = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: Unicode.Scalar(0)...Unicode.Scalar(127)))
        allowed.insert(charactersIn: "-._")
        var encoded = name.addingPercentEncoding(withAllowedCharacters: allowed) ?? name
        if encoded.hasPrefix(".") { encoded = "%2E" + encoded.dropFirst() }
        if encoded.utf8.count > 200 {
            let digest = SHA256.hash(Array(name.utf8)).prefix(16).map { String(format: "%02x", $0) }.joined()
            encoded = String(encoded.prefix(120)) + "~" + digest
        }
        return encoded + ".json"
    }

    func reset() throws {
        let manager = FileManager.default
        try manager.createDirectory(atPath: repositories, withIntermediateDirectories: true)
        for file in try manager.contentsOfDirectory(atPath: repositories) where file.hasSuffix(".json") {
            try manager.removeItem(atPath: repositories + "/" + file)
        }
    }

    func save(_ result: RepositoryResult) throws {
        try FileManager.default.createDirectory(atPath: repositories, withIntermediateDirectories: true)
        try AtomicFile.write(result.stateDocument(toolVersion: hedgerowVersion), to: repositories + "/" + Self.fileName(result.name))
    }

    /// Whether this is a state directory (an audit made its repos/ folder), even an empty one.
    var exists: Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: repositories, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// Every finished repository's result, by name.
    func load() throws -> [String: RepositoryResult] {
        guard let files = try? FileManager.default.contentsOfDirectory(atPath: repositories) else { return [:] }
        var results: [String: RepositoryResult] = [:]
        for file in files where file.hasSuffix(".json") && !file.hasPrefix(".") {
            let path = repositories + "/" + file
            do {
                let result = try RepositoryResult.decodeState(Data(contentsOf: URL(fileURLWithPath: path)))
                results[result.name] = result
            } catch {
                throw StateFileError(path: path, reason: DecodingProblem.describe(error))
            }
        }
        return results
    }
}

/// A state file that does not read back as an audit result.
struct StateFileError: Error, CustomStringConvertible {
    var path: String
    var reason: String
    var description: String { "\(path) in the state directory is not an audit result: \(reason) (delete it, or run without --resume to start again)" }
}

/// Progress for long audits: a live line on a terminal, one plain line per repository
/// otherwise (CI logs), both on standard error.
final class AuditProgress: @unchecked Sendable {
    private let lock = NSLock()
    private let total: Int
    private var done: Int
    private var findings = 0
    private var bytes = 0
    private let started = Date()
    private let report: @Sendable (String, Bool) -> Void
    private let interactive: Bool

    init(total: Int, done: Int, report: @escaping @Sendable (String, Bool) -> Void, interactive: Bool) {
        self.total = total; self.done = done; self.report = report; self.interactive = interactive
    }

    func finished(_ result: RepositoryResult, seconds: Double) {
        lock.lock(); defer { lock.unlock() }
        done += 1
        findings += result.findings.count
        bytes += result.bytesScanned
        let rate = Double(bytes) / 1e6 / max(0.001, Date().timeIntervalSince(started))
        if interactive {
            report(String(format: "[%d/%d repositories] %.1f MB/s, %d findings so far", done, total, rate, findings), true)
        } else {
            let found = "\(result.findings.count) distinct finding\(result.findings.count == 1 ? "" : "s")"
            let what = result.status == "empty" ? "empty (no commits)" : result.status == "ok" ? found
                : result.status == "partial" ? "PARTIAL, \(found): \(result.error ?? "")" : "FAILED: \(result.error ?? "")"
            report(String(format: "[%d/%d] %@: %@ (%.1f s)", done, total, result.name, what, seconds), false)
        }
    }

    func end() { if interactive && done > 0 { report("", true) } }
}
