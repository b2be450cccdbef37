import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import HedgerowCore

/// Finds the secret key that fingerprints are made under. Order: the
/// HEDGEROW_FINGERPRINT_KEY environment variable (how a team and its CI share one key),
/// then a per-user key file, created with random bytes on first use. The key is never
/// written into any report or baseline, so fingerprints cannot be reversed by hashing
/// every possible phone or NHS number.
public enum FingerprintKey {
    public static func resolve(environment: [String: String] = ProcessInfo.processInfo.environment) -> [UInt8] {
        resolveNoting(environment: environment).key
    }

    /// The key, and a warning when it could not be kept: a key made for this run only gives
    /// fingerprints no later run shares, so baselines, allow entries, records and
    /// `audit --resume` would silently stop matching.
    public static func resolveNoting(environment: [String: String] = ProcessInfo.processInfo.environment) -> (key: [UInt8], warning: String?) {
        if let key = environment["HEDGEROW_FINGERPRINT_KEY"], !key.isEmpty { return (Array(key.utf8), nil) }
        // An empty or relative XDG_CONFIG_HOME is to be ignored (XDG base directory spec):
        // taken as given, the key file landed in ./hedgerow/ under the current directory.
        let base = environment["XDG_CONFIG_HOME"].flatMap { $0.hasPrefix("/") ? URL(fileURLWithPath: $0) : nil }
            ?? URL(fileURLWithPath: environment["HOME"] ?? NSTemporaryDirectory()).appendingPathComponent(".config")
        let file = base.appendingPathComponent("hedgerow/fingerprint.key")
        if let data = try? Data(contentsOf: file), data.count >= 16 { return (Array(data), nil) }
        var bytes = [UInt8](repeating: 0, count: 32)
        var generator = SystemRandomNumberGenerator()
        for i in bytes.indices { bytes[i] = generator.next() }
        do {
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try writePrivately(bytes, to: file.path)
        } catch {
            // An unwritable home still gets a working key, for this run only: said, because
            // fingerprints that change every run break what is matched against them.
            return (bytes, "warning: cannot save the fingerprint key in \(file.deletingLastPathComponent().path) "
                + "(\(Self.reason(error))): this run's fingerprints will not match any other run's (baselines, allow entries, "
                + "incident records, audit --resume). Set HEDGEROW_FINGERPRINT_KEY, or make that directory writable")
        }
        return (bytes, nil)
    }

    /// Why a directory or file could not be made, in words.
    static func reason(_ error: Error) -> String {
        let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
        if let code = underlying?.code, underlying?.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(code))) }
        if let code = (error as? CocoaError)?.code {
            switch code {
            case .fileWriteNoPermission: return "permission denied"
            case .fileWriteOutOfSpace: return "no space left"
            default: break
            }
        }
        return "it cannot be written"
    }

    /// Creates the file with mode 0600 from its first byte (written beside it, then
    /// renamed into place): there is no moment when another user could read the key.
    static func writePrivately(_ bytes: [UInt8], to path: String) throws {
        let temporary = path + ".\(getpid()).tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw CocoaError(.fileWriteNoPermission) }
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        let synced = fsync(fd) == 0
        close(fd)
        guard written == bytes.count, synced, rename(temporary, path) == 0 else {
            unlink(temporary)
            throw CocoaError(.fileWriteUnknown)
        }
    }
}
