import Foundation
import HedgerowCore

/// Which added lines of a repository to read.
public enum GitSelection: Equatable, Sendable {
    /// The index against HEAD (or against nothing before the first commit): what the pre-commit hook sees.
    case staged
    /// Every commit reachable from `head` and not from `base`, as in `base..head`.
    case range(base: String, head: String)
    /// All commits of `ref` (all refs when nil), optionally only those after `since`.
    case history(ref: String?, since: String?)
}

/// A problem with the repository or the selection, worded for the person at the terminal.
public struct GitInputError: Error, CustomStringConvertible, Equatable {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// Reads the added lines of a selection from one repository through `GitCommand`,
/// checking first that the repository and the revisions exist so that a mistake is an
/// error and never an empty, clean-looking scan.
public struct GitHistoryReader {
    public let git: GitCommand

    /// `isolated`: git ignores `GIT_DIR` and the like from the environment (audits).
    public init(directory: String, isolated: Bool = false) {
        var git = GitCommand(directory: directory)
        git.isolatesRepository = isolated
        self.git = git
    }

    /// Whether git reads the repository and finds no commit in it: no ref, and HEAD an
    /// unborn branch. A repository just created, or a mirror of one, has nothing to audit,
    /// which is not a failure; a repository git cannot read is never called empty.
    public func isWithoutCommits() -> Bool {
        // A ref git skips as broken is a commit that was there: not empty.
        guard let refs = try? git.outputAndWarnings(["for-each-ref", "--count=1", "--format=%(objectname)"]),
              refs.output.isEmpty, !refs.warnings.contains("broken ref") else { return false }
        return git.succeeds(["symbolic-ref", "-q", "HEAD"]) && !git.succeeds(["rev-parse", "--verify", "--quiet", "HEAD^{commit}"])
    }

    /// Streams the selection's added lines to `emit`; returns the totals for the summary.
    /// A history of all refs reads every ref git can resolve and names the others in
    /// `DiffTotals.brokenRefs`, so one broken ref does not cost the rest of the repository.
    public func read(_ selection: GitSelection, emit: @escaping (AddedFragment) throws -> Void) throws -> DiffTotals {
        var arguments = try self.arguments(for: selection)
        var input: [UInt8]?
        var broken: [String] = []
        if case .history(nil, _) = selection, let all = arguments.firstIndex(of: "--all") {
            let refs = try readableRefs()
            broken = refs.broken
            if !broken.isEmpty {
                // The readable tips on standard input (never a command line a mirror's
                // thousands of refs could overflow), in place of --all.
                guard !refs.tips.isEmpty || arguments.contains("HEAD") else {
                    throw GitInputError("\(git.directory): no ref can be read (broken: \(broken.joined(separator: ", ")))")
                }
                arguments[all] = "--stdin"
                input = Array(refs.tips.map { $0 + "\n" }.joined().utf8)
            }
        }
        var parser = DiffParser(emit: emit)
        do {
            try git.stream(arguments, input: input) { try parser.feed($0) }
            try parser.finish()
        } catch let failure as GitCommand.Failure {
            throw GitInputError("\(git.directory): \(failure)")
        }
        var totals = parser.totals
        totals.brokenRefs = broken
        return totals
    }

    /// The object names of the refs whose tips exist, and the names of the refs that are
    /// broken: a ref file git cannot parse (it warns and skips it) or a tip whose object is
    /// missing from the object store.
    public func readableRefs() throws -> (tips: [String], broken: [String]) {
        let listed: (output: String, warnings: String)
        do { listed = try git.outputAndWarnings(["for-each-ref", "--format=%(objectname) %(refname)"]) } catch let failure as GitCommand.Failure {
            throw GitInputError("\(git.directory): cannot list the refs (\(failure))")
        }
        var broken: [String] = []
        for line in listed.warnings.split(whereSeparator: \.isNewline) {
            if let range = line.range(of: "ignoring broken ref ") { broken.append(String(line[range.upperBound...])) }
        }
        let refs: [(object: String, name: String)] = listed.output.split(separator: "\n").compactMap { line in
            let fields = line.split(separator: " ", maxSplits: 1)
            return fields.count == 2 ? (String(fields[0]), String(fields[1])) : nil
        }
        guard !refs.isEmpty else { return ([], broken) }
        // `cat-file --batch-check` answers "<name> missing" for an object that is not there.
        var answers: [UInt8] = []
        let objects = Array(Set(refs.map { $0.object })).sorted()
        try git.stream(["cat-file", "--batch-check"], input: Array(objects.map { $0 + "\n" }.joined().utf8)) { answers += $0 }
        var missing = Set<String>()
        for line in String(decoding: answers, as: UTF8.self).split(separator: "\n") where line.hasSuffix(" missing") {
            missing.insert(String(line.dropLast(" missing".count)))
        }
        broken += refs.filter { missing.contains($0.object) }.map { $0.name }
        let tips = objects.filter { !missing.contains($0) }
        return (tips, broken.sorted())
    }

    /// Whether the repository is a shallow clone: its history stops at grafted commits.
    public func isShallow() -> Bool {
        (try? git.output(["rev-parse", "--is-shallow-repository"]))?.hasPrefix("true") ?? false
    }

    /// A digest of every ref and HEAD: equal digests mean nothing was committed, fetched or
    /// moved since, so an audit's stored result for the repository still holds. Nil when
    /// git cannot list the refs.
    public func refsDigest() -> String? {
        guard let refs = try? git.output(["for-each-ref", "--format=%(objectname) %(refname)"]) else { return nil }
        let head = (try? git.output(["rev-parse", "--verify", "--quiet", "HEAD"])) ?? ""
        let symbolic = (try? git.output(["symbolic-ref", "-q", "HEAD"])) ?? ""
        return "sha256:" + SHA256.hash(Array((refs + "\nHEAD " + head + symbolic).utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// One blob's bytes: `:path` (the index, for the staged change) or `commit:path`.
    /// Over `limit` bytes it stops reading and throws, like any other document limit.
    public func blob(path: String, commit: String?, limit: Int) throws -> [UInt8] {
        var bytes: [UInt8] = []
        struct TooLarge: Error {}
        do {
            try git.stream(["cat-file", "blob", (commit ?? "") + ":" + path]) { chunk in
                bytes += chunk
                if bytes.count > limit { throw TooLarge() }
            }
        } catch is TooLarge {
            throw GitInputError("\(path): blob over the expanded-size limit (\(limit >> 20) MB)")
        }
        return bytes
    }

    /// The git command line for a selection, after checking the revisions it names.
    public func arguments(for selection: GitSelection) throws -> [String] {
        try checkRepository(needsWorkTree: selection == .staged)
        switch selection {
        case .staged:
            return ["diff", "--cached"] + GitCommand.diffFlags + ["--diff-filter=ACMRT"]
        case let .range(base, head):
            try requireCommit(base, role: "base")
            try requireCommit(head, role: "head")
            try requireWholeRange(base: base, head: head)
            return log(["\(base)..\(head)"])
        case let .history(ref, since):
            var revisions: [String]
            if let ref {
                try requireCommit(ref, role: "branch")
                revisions = [ref]
            } else {
                guard !(try git.output(["for-each-ref", "--count=1", "--format=%(objectname)"])).isEmpty
                        || git.succeeds(["rev-parse", "--verify", "--quiet", "HEAD^{commit}"]) else {
                    throw GitInputError("\(git.directory): the repository has no commits to scan")
                }
                revisions = ["--all"]
                // A detached HEAD's commits belong to no ref; include them too.
                if git.succeeds(["rev-parse", "--verify", "--quiet", "HEAD^{commit}"]) { revisions.append("HEAD") }
            }
            if let since { revisions.append("--since=\(since)") }
            return log(revisions)
        }
    }

    /// A stable name for incident records: the `origin` remote without any user or
    /// password in it, else the repository's absolute path.
    public func displayName() -> String {
        if let url = try? git.output(["config", "--get", "remote.origin.url"]).trimmingCharacters(in: .whitespacesAndNewlines), !url.isEmpty {
            if let scheme = url.range(of: "://"), let at = url[scheme.upperBound...].firstIndex(of: "@"),
               !url[scheme.upperBound..<at].contains("/") {
                return String(url[..<scheme.upperBound]) + String(url[url.index(after: at)...])
            }
            return url
        }
        return topLevel()
    }

    /// The work tree's root as an absolute path (the repository path itself when bare).
    public func topLevel() -> String {
        let top = (try? git.output(["rev-parse", "--show-toplevel"]))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        return top.isEmpty ? URL(fileURLWithPath: git.directory).standardizedFileURL.path : top
    }

    private func log(_ revisions: [String]) -> [String] {
        ["log", "-p", DiffParser.logFormat, "--no-show-signature", "--no-notes", "--no-decorate", "--no-mailmap"]
            + GitCommand.diffFlags + ["--diff-filter=ACMRT"] + revisions
    }

    private func checkRepository(needsWorkTree: Bool) throws {
        let inside: String
        do {
            inside = try git.output(["rev-parse", "--is-bare-repository"]).trimmingCharacters(in: .whitespacesAndNewlines)
        } catch let failure as GitCommand.Failure {
            let reason = failure.stderr.contains("not a git repository") ? "not a git repository" : "\(failure)"
            throw GitInputError("\(git.directory): \(reason)")
        }
        if needsWorkTree && inside == "true" {
            throw GitInputError("\(git.directory): a bare repository has no staged changes; use --range or --history")
        }
    }

    /// Fails with advice when a revision is missing, naming shallow clones as the usual cause in CI.
    private func requireCommit(_ revision: String, role: String) throws {
        guard !revision.isEmpty, !revision.hasPrefix("-") else {
            throw GitInputError("\(role) revision '\(revision)' is not a revision name")
        }
        if git.succeeds(["rev-parse", "--verify", "--quiet", "--end-of-options", "\(revision)^{commit}"]) { return }
        let shallow = (try? git.output(["rev-parse", "--is-shallow-repository"]))?.hasPrefix("true") ?? false
        if shallow {
            throw GitInputError("""
                \(role) revision '\(revision)' is not in this shallow clone. Fetch more history first: \
                `git fetch --deepen=100 origin` (or `git fetch --unshallow`); in GitHub Actions set \
                `fetch-depth: 0` on actions/checkout, in GitLab CI set `GIT_DEPTH: 0`.
                """)
        }
        throw GitInputError("\(role) revision '\(revision)' does not name a commit in \(git.directory)."
            + (role == "base" ? " " + Self.fetchBaseAdvice(revision) : ""))
    }

    /// How to get a missing range base, for CI jobs that fetch only the pushed branch.
    /// GitLab merge-request pipelines are the usual case: they do not fetch the target branch.
    static func fetchBaseAdvice(_ revision: String) -> String {
        let branch = revision.hasPrefix("origin/") ? String(revision.dropFirst("origin/".count)) : revision
        return "Fetch it first: `git fetch origin \(branch)`. In a GitLab merge-request pipeline run "
            + "`git fetch origin $CI_MERGE_REQUEST_TARGET_BRANCH_NAME` and scan `--range origin/$CI_MERGE_REQUEST_TARGET_BRANCH_NAME..HEAD`, "
            + "or scan `--range $CI_MERGE_REQUEST_DIFF_BASE_SHA..HEAD` after `git fetch origin $CI_MERGE_REQUEST_DIFF_BASE_SHA`."
    }

    /// A partial shallow history (a depth-1 clone plus `git fetch --depth 1 origin main`)
    /// has both ends of the range, but a grafted commit inside it has lost its parents, so
    /// its diff claims to add every file it holds and the commits before it are not read at
    /// all: values land on the wrong commit and a file added and deleted in the branch is
    /// missed. Such a range is refused with the fetch that completes it.
    private func requireWholeRange(base: String, head: String) throws {
        guard (try? git.output(["rev-parse", "--is-shallow-repository"]))?.hasPrefix("true") ?? false else { return }
        let shallowFile = (try? git.output(["rev-parse", "--git-path", "shallow"]))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        let path = shallowFile.hasPrefix("/") ? shallowFile : git.directory + "/" + shallowFile
        let grafts = Set(((try? String(contentsOfFile: path, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init))
        guard !grafts.isEmpty else { return }
        let inRange = ((try? git.output(["rev-list", "--end-of-options", "\(base)..\(head)"])) ?? "").split(separator: "\n").map(String.init)
        guard let grafted = inRange.first(where: grafts.contains) else { return }
        throw GitInputError("""
            the range \(base)..\(head) reaches the shallow boundary at commit \(grafted.prefix(12)), whose parents were not \
            fetched: scanning it would credit that commit with every file it holds and miss the commits before it. \
            Fetch the rest of the range first: `git fetch --unshallow origin` (or `git fetch --deepen=100 origin` until \
            this check passes) (in GitHub Actions `fetch-depth: 0`, in GitLab CI `GIT_DEPTH: 0`).
            """)
    }
}

extension GitHistoryReader {
    /// The contents of `paths` at HEAD (nil for paths HEAD does not have), read through
    /// `git cat-file --batch` with the paths on standard input, never on the command line.
    public func contentsAtHead(_ paths: [String]) throws -> [String: [UInt8]] {
        let usable = paths.filter { !$0.contains("\n") }
        guard !usable.isEmpty else { return [:] }
        var output: [UInt8] = []
        let input = Array(usable.map { "HEAD:\($0)\n" }.joined().utf8)
        try git.stream(["cat-file", "--batch"], input: input) { output += $0 }
        var result: [String: [UInt8]] = [:]
        var i = 0
        for path in usable {
            guard let nl = output[i...].firstIndex(of: 0x0A) else { break }
            let header = String(decoding: output[i..<nl], as: UTF8.self).split(separator: " ")
            i = nl + 1
            guard header.count == 3, let size = Int(header[2]) else { continue }  // "<name> missing"
            if header[1] == "blob" { result[path] = Array(output[i..<min(output.count, i + size)]) }
            i += size + 1
        }
        return result
    }
}
