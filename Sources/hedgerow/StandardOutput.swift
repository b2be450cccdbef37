import Foundation

/// Writes to standard output and error with every result checked.
///
/// `FileHandle.write` raises an Objective-C exception when a write fails, which on Linux
/// ends the process with SIGILL (exit 132): a full disk or a closed pipe then looked like
/// a crash, and a report that was never written could go unnoticed. SIGPIPE is ignored
/// (`ignoreBrokenPipe`, at start-up) so a closed pipe is the write error EPIPE, and a
/// failed write of the report is exit 2 with a message naming what could not be written.
enum StandardOutput {
    static func ignoreBrokenPipe() { signal(SIGPIPE, SIG_IGN) }

    /// Writes all of `bytes` to `fd`; the error text when it cannot.
    static func write(_ bytes: [UInt8], to fd: Int32) -> String? {
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + written, bytes.count - written) }
            if n < 0 {
                if errno == EINTR { continue }
                return String(cString: strerror(errno))
            }
            written += n
        }
        return nil
    }
}
