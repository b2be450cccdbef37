import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs `git` so that nothing from the scanned repository can execute.
///
/// A repository's own configuration and attributes can name programs for git to run:
/// external diff drivers, textconv filters, an fsmonitor daemon, a pager, hooks, a GPG
/// program for signatures. hedgerow reads repositories it does not trust (audits) and
/// runs inside commits (hooks), so every invocation pins those settings on the command
/// line, where they override any configuration file, and passes the matching flags.
public struct GitCommand: Sendable {
    /// The repository directory git runs in (`git -C`).
    public var directory: String
    /// Pin `core.hooksPath` to nowhere. Off only to ask git where hooks live (installing one).
    public var pinsHooksPath = true
    /// Drop `repositorySelectors` from git's environment: on for audits, which read other
    /// repositories. Off for `hedgerow git` in the repository being committed to, whose
    /// hook may rightly point git at a temporary index (`git commit -a`, `git commit <path>`).
    public var isolatesRepository = false

    public init(directory: String) { self.directory = directory }

    /// Settings forced on every call. Command-line `-c` wins over system, global and
    /// repository configuration, including `include.path` files.
    public static let settings: [String] = [
        "core.fsmonitor=false", "core.hooksPath=/dev/null", "core.pager=cat", "core.quotePath=false",
        "core.untrackedCache=false", "diff.external=", "diff.noprefix=false", "diff.mnemonicPrefix=false",
        "diff.relative=false", "diff.interHunkContext=0", "diff.suppressBlankEmpty=false", "diff.renames=true",
        "log.showSignature=false", "color.ui=false", "gpg.program=false", "pager.log=false", "pager.diff=false",
    ]

    /// Flags for every diff-producing command: no external diff, no textconv, added lines
    /// only with no context, fixed `a/` `b/` prefixes, submodules left out.
    public static let diffFlags = [
        "--no-ext-diff", "--no-textconv", "--no-color", "-U0", "-M", "--src-prefix=a/", "--dst-prefix=b/",
        "--ignore-submodules=all",
    ]

    /// Environment variables that could make git run a program or change its output.
    static let scrubbed: Set<String> = [
        "GIT_EXTERNAL_DIFF", "GIT_PAGER", "PAGER", "GIT_DIFF_OPTS", "GIT_TRACE", "GIT_TRACE2", "GIT_TRACE2_EVENT",
        "GIT_TRACE2_PERF", "GIT_ASKPASS", "SSH_ASKPASS", "GIT_SSH", "GIT_SSH_COMMAND",
    ]

    /// A non-zero exit, with git's own message so the user sees why.
    public struct Failure: Error, CustomStringConvertible {
        public var arguments: [String]
        public var status: Int32
        public var stderr: String
        public var description: String {
            let message = stderr.trimmingCharacters(in: .whitespacesAndNewlines)
            return "git \(arguments.first ?? "") failed (exit \(status))" + (message.isEmpty ? "" : ": \(message)")
        }
    }

    /// Runs git and returns its whole standard output; for small answers (rev-parse, config).
    public func output(_ arguments: [String]) throws -> String {
        var data = [UInt8]()
        try stream(arguments) { chunk in data += chunk }
        return String(decoding: data, as: UTF8.self)
    }

    /// Standard output and standard error of a run that succeeded: git reports some
    /// problems as warnings and carries on (`ignoring broken ref`).
    public func outputAndWarnings(_ arguments: [String]) throws -> (output: String, warnings: String) {
        var data = [UInt8]()
        var warnings = ""
        try stream(arguments, warnings: { warnings = $0 }) { chunk in data += chunk }
        return (String(decoding: data, as: UTF8.self), warnings)
    }

    /// Standard output as bytes (file names from `ls-files -z` need not be UTF-8).
    public func outputBytes(_ arguments: [String]) throws -> [UInt8] {
        var data = [UInt8]()
        try stream(arguments) { chunk in data += chunk }
        return data
    }

    /// Exit status only, for questions git answers with its status (`rev-parse --verify`).
    public func succeeds(_ arguments: [String]) -> Bool {
        (try? stream(arguments) { _ in }) != nil
    }

    /// Runs git and hands its standard output to `consume` in chunks as it arrives, so a
    /// history of any size passes through bounded memory. Throws `Failure` on a non-zero exit.
    public func stream(_ arguments: [String], input: [UInt8]? = nil, warnings: ((String) -> Void)? = nil, consume: (UnsafeRawBufferPointer) throws -> Void) throws {
        let pinned = pinsHooksPath ? Self.settings : Self.settings.filter { !$0.hasPrefix("core.hooksPath=") }
        let argv = [Self.gitPath, "--no-pager", "-C", directory] + pinned.flatMap { ["-c", $0] } + arguments
        var environment = ProcessInfo.processInfo.environment.filter {
            !Self.scrubbed.contains($0.key) && !(isolatesRepository && Self.repositorySelectors.contains($0.key))
        }
        environment["GIT_TERMINAL_PROMPT"] = "0"
        environment["GIT_OPTIONAL_LOCKS"] = "0"
        environment["LC_ALL"] = "C"
        let child = try ChildProcess(argv: argv, environment: environment.map { "\($0.key)=\($0.value)" }, input: input)
        var errorText = [UInt8]()
        var consumerError: Error?
        let timedOut = child.drain(
            idleSeconds: Self.idleTimeout,
            stdout: { chunk in
                guard consumerError == nil else { return }
                do { try consume(chunk) } catch { consumerError = error; child.terminate() }
            },
            stderr: { chunk in if errorText.count < 1 << 16 { errorText += chunk } }
        )
        let status = child.wait()
        if timedOut {
            throw Failure(arguments: arguments, status: status, stderr: "no answer for \(Int(Self.idleTimeout)) s, killed (a FIFO or a file that blocks in the repository's .git?)")
        }
        if let consumerError { throw consumerError }
        if status != 0 {
            throw Failure(arguments: arguments, status: status, stderr: String(decoding: errorText, as: UTF8.self))
        }
        warnings?(String(decoding: errorText, as: UTF8.self))
    }

    /// How long git may stay silent (no output at all) before it is killed as hung:
    /// `HEDGEROW_GIT_TIMEOUT` seconds, default 120. Output resets the clock, so a long
    /// history that keeps streaming is never cut off.
    static let idleTimeout: Double = {
        if let text = ProcessInfo.processInfo.environment["HEDGEROW_GIT_TIMEOUT"], let value = Double(text), value > 0 { return value }
        return 120
    }()

    /// Variables that point git at another repository, index or object store. Inside a git
    /// hook `GIT_DIR` and `GIT_INDEX_FILE` are set for the repository being committed to;
    /// inherited by the git hedgerow runs for an audited repository, they would make it
    /// read that one instead. `-C <directory>` must decide alone.
    static let repositorySelectors: Set<String> = [
        "GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY", "GIT_ALTERNATE_OBJECT_DIRECTORIES",
        "GIT_COMMON_DIR", "GIT_NAMESPACE", "GIT_CEILING_DIRECTORIES", "GIT_DISCOVERY_ACROSS_FILESYSTEM",
        "GIT_REPLACE_REF_BASE", "GIT_NO_REPLACE_OBJECTS", "GIT_GRAFT_FILE", "GIT_SHALLOW_FILE", "GIT_QUARANTINE_PATH",
        "GIT_PREFIX", "GIT_INTERNAL_SUPER_PREFIX", "GIT_CONFIG", "GIT_CONFIG_PARAMETERS", "GIT_CONFIG_COUNT",
    ]

    /// git from PATH, resolved once.
    static let gitPath: String = {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let candidate = "\(dir)/git"
            if access(candidate, X_OK) == 0 { return candidate }
        }
        return "/usr/bin/git"
    }()
}

