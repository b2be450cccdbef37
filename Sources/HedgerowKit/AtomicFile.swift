import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes a whole file or nothing: the text goes to a temporary file beside the target,
/// is flushed to disk, and is renamed over it. A failed write leaves no half file.
enum AtomicFile {
    struct WriteError: Error, CustomStringConvertible {
        var path: String
        var reason: String
        var description: String { "cannot write \(path): \(reason)" }
    }

    static func write(_ text: String, to path: String) throws {
        let directory = (path as NSString).deletingLastPathComponent
        let temporary = (directory.isEmpty ? "." : directory) + "/.\((path as NSString).lastPathComponent).hedgerow-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw WriteError(path: path, reason: String(cString: strerror(errno))) }
        var ok = true
        var reason = ""
        let bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + written, bytes.count - written) }
            if n < 0 { if errno == EINTR { continue }; ok = false; reason = String(cString: strerror(errno)); break }
            written += n
        }
        if ok && fsync(fd) != 0 { ok = false; reason = String(cString: strerror(errno)) }
        close(fd)
        if ok && rename(temporary, path) != 0 { ok = false; reason = String(cString: strerror(errno)) }
        if !ok {
            unlink(temporary)
            throw WriteError(path: path, reason: reason)
        }
    }

    /// Appends one line in a single write, so concurrent writers never interleave lines.
    static func appendLine(_ line: String, to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw WriteError(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        let bytes = Array((line.hasSuffix("\n") ? line : line + "\n").utf8)
        let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress!, bytes.count) }
        if n != bytes.count { throw WriteError(path: path, reason: n < 0 ? String(cString: strerror(errno)) : "short write") }
    }
}
