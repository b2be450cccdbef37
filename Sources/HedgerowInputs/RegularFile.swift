#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Opens files for reading only when they are regular files, and never so that a read can
/// block forever.
///
/// A FIFO named `.gitignore` or `.hedgerowignore` (or a config, baseline or rule file)
/// blocks `open` until a writer comes, which may be never; a device may do anything when
/// opened. And some regular files block on `read` (`/proc/kmsg`). So: `stat` first and
/// open nothing else, open with `O_NONBLOCK` (no effect on ordinary files; a read that
/// would block fails with EAGAIN instead, which becomes an error naming the file), and
/// check again with `fstat` in case the path was swapped in between.
public enum RegularFile {
    public struct OpenError: Error, CustomStringConvertible, Equatable {
        public var path: String
        public var reason: String
        public var description: String { "\(path): \(reason)" }
    }

    /// A descriptor open for reading; the caller closes it.
    public static func open(_ path: String) throws -> Int32 {
        var info = stat()
        guard FileNames.withPath(path, { stat($0, &info) }) == 0 else { throw OpenError(path: FileNames.shown(path), reason: String(cString: strerror(errno))) }
        guard info.st_mode & S_IFMT == S_IFREG else { throw OpenError(path: FileNames.shown(path), reason: "not a regular file (FIFOs, devices and sockets are never opened)") }
        let fd = FileNames.withPath(path) { Glibc.open($0, O_RDONLY | O_NONBLOCK | O_CLOEXEC) }
        guard fd >= 0 else { throw OpenError(path: FileNames.shown(path), reason: String(cString: strerror(errno))) }
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            close(fd)
            throw OpenError(path: FileNames.shown(path), reason: "not a regular file (FIFOs, devices and sockets are never opened)")
        }
        return fd
    }

    /// A small file's bytes, at most `limit` of them.
    public static func read(_ path: String, limit: Int = 64 << 20) throws -> [UInt8] {
        let fd = try open(path)
        defer { close(fd) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while bytes.count < limit {
            let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, min($0.count, limit - bytes.count)) }
            if n < 0 && errno == EINTR { continue }
            if n < 0 { throw OpenError(path: path, reason: "read failed: \(String(cString: strerror(errno)))") }
            if n == 0 { break }
            bytes += buffer[0..<n]
        }
        return bytes
    }

    /// A small text file, decoded as UTF-8 (invalid bytes replaced).
    public static func readText(_ path: String, limit: Int = 64 << 20) throws -> String {
        String(decoding: try read(path, limit: limit), as: UTF8.self)
    }
}
