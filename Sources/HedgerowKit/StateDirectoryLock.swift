import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One audit per state directory at a time. Two audits sharing `--state-dir` reset and
/// rewrite the same result files, each deleting the other's results; the second is
/// refused at once (flock on `<state-dir>/.lock`, released when the process ends, even
/// when it is killed) and told which directory is busy.
final class StateDirectoryLock {
    private let fd: Int32

    init(directory: String) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let path = directory + "/.lock"
        fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw AtomicFile.WriteError(path: path, reason: String(cString: strerror(errno))) }
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            if errno == EINTR { continue }
            close(fd)
            throw AtomicFile.WriteError(path: directory, reason: "another audit is using this state directory; wait for it or use another --state-dir")
        }
    }

    deinit { close(fd) }
}
