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
        let writer = try StreamWriter(outputPath: path)
        writer.write(text)
        if let problem = writer.close() { throw WriteError(path: path, reason: problem) }
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

/// Standard output, or a temporary file beside the target, flushed and renamed over it
/// when closed (so the file is whole or absent): `--output`, records, audit state. A
/// target that exists and is not a regular file (`/dev/null`, a FIFO, `/dev/stdout`) is
/// written in place: renaming over it would replace the device with a file. Writes are
/// buffered; a failed write is remembered and reported, never ignored.
final class StreamWriter: @unchecked Sendable {
    private let fd: Int32
    private let target: String?
    private let temporary: String?
    /// Where `MemoryLimit` holds the temporary file's name, to remove it on a fatal failure.
    private var temporarySlot: Int32 = -1
    private var buffer: [UInt8] = []
    private(set) var failure: String?

    /// `mode` is the new file's permission bits (0600 for a file that holds values).
    init(outputPath: String?, mode: mode_t = 0o644) throws {
        target = outputPath
        if let outputPath, Self.isSpecialFile(outputPath) {
            let descriptor = open(outputPath, O_WRONLY | O_CLOEXEC)
            guard descriptor >= 0 else { throw AtomicFile.WriteError(path: outputPath, reason: String(cString: strerror(errno))) }
            fd = descriptor
            temporary = nil
        } else if let outputPath {
            let directory = (outputPath as NSString).deletingLastPathComponent
            let temp = (directory.isEmpty ? "." : directory)
                + "/.\((outputPath as NSString).lastPathComponent).hedgerow-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
            let descriptor = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
            guard descriptor >= 0 else { throw AtomicFile.WriteError(path: outputPath, reason: String(cString: strerror(errno))) }
            fd = descriptor
            temporary = temp
            temporarySlot = MemoryLimit.note(temporary: temp)
        } else {
            fd = STDOUT_FILENO
            temporary = nil
        }
    }

    /// True when the path names something other than a regular file or nothing.
    private static func isSpecialFile(_ path: String) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0 else { return false }
        return info.st_mode & S_IFMT != S_IFREG && info.st_mode & S_IFMT != S_IFDIR
    }

    func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    /// Bytes as they are (a redacted copy need not be UTF-8); big runs skip the buffer.
    func write(bytes: UnsafeRawBufferPointer) {
        guard bytes.count > 0 else { return }
        if buffer.count + bytes.count > 1 << 16 { flush() }
        if bytes.count >= 1 << 16 {
            var written = 0
            while written < bytes.count && failure == nil {
                let n = Glibc.write(fd, bytes.baseAddress! + written, bytes.count - written)
                if n < 0 { if errno == EINTR { continue }; failure = String(cString: strerror(errno)) } else { written += n }
            }
        } else {
            buffer.append(contentsOf: bytes)
        }
    }

    private func flush() {
        var written = 0
        while written < buffer.count && failure == nil {
            let n = buffer.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + written, buffer.count - written) }
            if n < 0 { if errno == EINTR { continue }; failure = String(cString: strerror(errno)) } else { written += n }
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes; for a file, syncs and renames it into place (or removes it on failure).
    func close() -> String? {
        flush()
        guard let temporary, let target else {
            if target != nil { Glibc.close(fd) }
            return failure
        }
        if failure == nil && fsync(fd) != 0 { failure = String(cString: strerror(errno)) }
        Glibc.close(fd)
        if failure == nil && rename(temporary, target) != 0 { failure = String(cString: strerror(errno)) }
        if let failure { unlink(temporary) }
        MemoryLimit.forget(temporarySlot)
        return failure
    }
}
