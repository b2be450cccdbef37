import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The system clipboard through whichever tool is there: `pbpaste`/`pbcopy` (macOS),
/// `wl-paste`/`wl-copy` (Wayland) or `xclip` (X11).
struct Clipboard {
    let readCommand: [String]
    let writeCommand: [String]

    struct Problem: Error, CustomStringConvertible {
        var description: String
    }

    static func detect(environment: [String: String]) throws -> Clipboard {
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        func find(_ name: String) -> String? {
            for dir in path.split(separator: ":") {
                let candidate = String(dir) + "/" + name
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
            return nil
        }
        if let paste = find("pbpaste"), let copy = find("pbcopy") { return Clipboard(readCommand: [paste], writeCommand: [copy]) }
        if !(environment["WAYLAND_DISPLAY"] ?? "").isEmpty, let paste = find("wl-paste"), let copy = find("wl-copy") {
            return Clipboard(readCommand: [paste, "--no-newline"], writeCommand: [copy])
        }
        if let xclip = find("xclip") {
            guard !(environment["DISPLAY"] ?? "").isEmpty else {
                throw Problem(description: "xclip is installed but there is no X display (DISPLAY is not set): cannot reach the clipboard")
            }
            return Clipboard(readCommand: [xclip, "-selection", "clipboard", "-o"], writeCommand: [xclip, "-selection", "clipboard", "-i"])
        }
        throw Problem(description: "no clipboard tool found: install xclip (X11) or wl-clipboard (Wayland); macOS has pbpaste and pbcopy. "
                      + "Or pipe the text instead: hedgerow redact - < file")
    }

    func read(environment: [String: String]) throws -> [UInt8] {
        let (status, output) = try Self.spawn(readCommand, environment: environment, input: nil)
        guard status == 0 else { throw Problem(description: "the clipboard is empty or holds no text (\(readCommand[0]) exited with \(status))") }
        return output
    }

    func write(_ bytes: [UInt8], environment: [String: String]) throws {
        let (status, _) = try Self.spawn(writeCommand, environment: environment, input: bytes)
        guard status == 0 else { throw Problem(description: "\(writeCommand[0]) could not write the clipboard (exit \(status))") }
    }

    /// Runs a tool with `input` on its standard input (or nothing), collecting its output
    /// when there is no input. The child gets only descriptors 0-2: xclip and wl-copy stay
    /// behind to serve the selection, and a pipe they inherited would never reach end of
    /// file (Foundation's Process waits on such a descriptor, and hangs).
    static func spawn(_ argv: [String], environment: [String: String], input: [UInt8]?) throws -> (Int32, [UInt8]) {
        var toChild: [Int32] = [-1, -1], fromChild: [Int32] = [-1, -1]
        guard pipe(&toChild) == 0, pipe(&fromChild) == 0 else {
            throw Problem(description: "cannot run \(argv[0]): \(String(cString: strerror(errno)))")
        }
        // Every descriptor but 0-2 closes on exec (closefrom is not in Swift's Glibc).
        for fd in 3..<Int32(min(4096, sysconf(Int32(_SC_OPEN_MAX)))) {
            let flags = fcntl(fd, F_GETFD)
            if flags >= 0 && flags & FD_CLOEXEC == 0 { _ = fcntl(fd, F_SETFD, flags | FD_CLOEXEC) }
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, toChild[0], 0)
        if input == nil {
            posix_spawn_file_actions_adddup2(&actions, fromChild[1], 1)
        } else {
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        }
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let args = argv.map { strdup($0) } + [nil]
        let env = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { args.forEach { free($0) }; env.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, argv[0], &actions, nil, args, env)
        close(toChild[0]); close(fromChild[1])
        guard spawned == 0 else {
            close(toChild[1]); close(fromChild[0])
            throw Problem(description: "cannot run \(argv[0]): \(String(cString: strerror(spawned)))")
        }
        if let input {
            signal(SIGPIPE, SIG_IGN)
            var written = 0
            while written < input.count {
                let n = input.withUnsafeBytes { Glibc.write(toChild[1], $0.baseAddress! + written, input.count - written) }
                if n < 0 { if errno == EINTR { continue }; break }
                written += n
            }
        }
        close(toChild[1])
        var output: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = buffer.withUnsafeMutableBytes { Glibc.read(fromChild[0], $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            output += buffer[0..<n]
        }
        close(fromChild[0])
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let exited = status & 0x7F == 0
        return (exited ? (status >> 8) & 0xFF : 128 + (status & 0x7F), output)
    }
}
