#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// A child process with its standard output and error on pipes, spawned with
/// `posix_spawn` and reaped with `waitpid`. Foundation's `Process` polls for exit on a
/// run loop in 50 ms steps, which alone would double the pre-commit hook's time.
final class ChildProcess {
    struct SpawnError: Error, CustomStringConvertible {
        var program: String
        var code: Int32
        var description: String { "cannot run \(program): \(String(cString: strerror(code)))" }
    }

    /// A child that exits before reading all its input must not kill us with SIGPIPE;
    /// the write fails with EPIPE instead and the child's exit status tells the story.
    static let ignoreBrokenPipes: Void = { signal(SIGPIPE, SIG_IGN); return () }()

    private let pid: pid_t
    private var outFD: Int32
    private var errFD: Int32

    /// `input`, when given, is written to the child's standard input from a separate
    /// thread (so a child that answers as it reads cannot deadlock us), then closed.
    init(argv: [String], environment: [String], input: [UInt8]? = nil) throws {
        _ = Self.ignoreBrokenPipes
        var outPipe: [Int32] = [-1, -1], errPipe: [Int32] = [-1, -1], inPipe: [Int32] = [-1, -1]
        if input != nil {
            guard pipe(&inPipe) == 0 else { throw SpawnError(program: argv[0], code: errno) }
            for fd in inPipe { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        }
        guard pipe(&outPipe) == 0 else { throw SpawnError(program: argv[0], code: errno) }
        guard pipe(&errPipe) == 0 else {
            close(outPipe[0]); close(outPipe[1])
            throw SpawnError(program: argv[0], code: errno)
        }
        // Other threads may spawn children too (audits); our pipe ends must not leak into them.
        for fd in outPipe + errPipe { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if input != nil { posix_spawn_file_actions_adddup2(&actions, inPipe[0], 0) }
        else { posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0) }
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
        let cArgs = argv.map { strdup($0) } + [nil]
        let cEnv = environment.map { strdup($0) } + [nil]
        defer { cArgs.forEach { free($0) }; cEnv.forEach { free($0) } }
        var child: pid_t = 0
        let rc = posix_spawn(&child, argv[0], &actions, nil, cArgs, cEnv)
        close(outPipe[1]); close(errPipe[1])
        if input != nil { close(inPipe[0]) }
        guard rc == 0 else {
            close(outPipe[0]); close(errPipe[0])
            if input != nil { close(inPipe[1]) }
            throw SpawnError(program: argv[0], code: rc)
        }
        if let input {
            let fd = inPipe[1]
            let writer = Thread {
                var written = 0
                while written < input.count {
                    let n = input.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + written, input.count - written) }
                    if n < 0 { if errno == EINTR { continue }; break }
                    written += n
                }
                close(fd)
            }
            writer.start()
        }
        pid = child
        outFD = outPipe[0]
        errFD = errPipe[0]
    }

    deinit {
        if outFD >= 0 { close(outFD) }
        if errFD >= 0 { close(errFD) }
    }

    /// Reads both pipes until the child closes them, so neither can fill up and stall it.
    /// With `idleSeconds`, a child silent on both pipes that long is killed (SIGKILL) and
    /// the call returns true: a FIFO in a repository's `.git` (config, packed-refs,
    /// alternates) blocks git forever, and a hung child must be an error, not a hang.
    @discardableResult
    func drain(idleSeconds: Double? = nil, stdout: (UnsafeRawBufferPointer) -> Void, stderr: (UnsafeRawBufferPointer) -> Void) -> Bool {
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var lastHeard = Self.now()
        while outFD >= 0 || errFD >= 0 {
            var fds = [pollfd(fd: outFD, events: Int16(POLLIN), revents: 0), pollfd(fd: errFD, events: Int16(POLLIN), revents: 0)]
            let ready = poll(&fds, 2, idleSeconds == nil ? -1 : 250)
            if ready < 0 { if errno == EINTR { continue }; break }
            if ready == 0, let idleSeconds {
                if Self.now() - lastHeard >= idleSeconds {
                    kill(pid, SIGKILL)
                    if outFD >= 0 { close(outFD); outFD = -1 }
                    if errFD >= 0 { close(errFD); errFD = -1 }
                    return true
                }
                continue
            }
            lastHeard = Self.now()
            for k in 0..<2 where fds[k].fd >= 0 && fds[k].revents != 0 {
                let n = buffer.withUnsafeMutableBytes { read(fds[k].fd, $0.baseAddress, $0.count) }
                if n < 0 && errno == EINTR { continue }
                if n <= 0 {
                    close(fds[k].fd)
                    if k == 0 { outFD = -1 } else { errFD = -1 }
                    continue
                }
                buffer.withUnsafeBytes { chunk in
                    let piece = UnsafeRawBufferPointer(rebasing: chunk[0..<n])
                    if k == 0 { stdout(piece) } else { stderr(piece) }
                }
            }
        }
        return false
    }

    private static func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    func terminate() { kill(pid, SIGTERM) }

    /// Waits for the child; its exit code, or 128 + the signal that ended it.
    func wait() -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            if errno != EINTR { return 127 }
        }
        let signal = status & 0x7F
        return signal == 0 ? (status >> 8) & 0xFF : 128 + signal
    }
}
