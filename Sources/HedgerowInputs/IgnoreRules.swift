#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// gitignore syntax, for `.hedgerowignore` everywhere and `.gitignore` outside a git work
/// tree (inside one, git is asked): globs, `dir/` for directories, a leading or middle
/// `/` to anchor, `**` as a whole segment at the start, middle or end (any number of
/// folders), `!` to re-include, `\#` and `\!` for literal first characters, `#`
/// comments.
public struct IgnoreRules: Sendable {
    struct Pattern: Sendable {
        let glob: String
        let anchored: Bool
        let directoryOnly: Bool
        let negated: Bool
    }

    private var patterns: [Pattern] = []

    public init() {}

    public init(text: String) {
        for raw in text.split(whereSeparator: \.isNewline) {
            var line = String(raw).trimmingTrailingSpaces()
            if line.isEmpty || line.hasPrefix("#") { continue }
            var negated = false
            if line.hasPrefix("!") { negated = true; line.removeFirst() }
            if line.hasPrefix("\\#") || line.hasPrefix("\\!") { line.removeFirst() }
            var directoryOnly = false
            if line.hasSuffix("/") { directoryOnly = true; line.removeLast() }
            var anchored = line.dropLast().contains("/")
            if line.hasPrefix("/") { anchored = true; line.removeFirst() }
            patterns.append(Pattern(glob: line, anchored: anchored, directoryOnly: directoryOnly, negated: negated))
        }
    }

    public var isEmpty: Bool { patterns.isEmpty }

    /// Whether `relativePath` (relative to the directory holding the rules) is ignored.
    public func ignores(_ relativePath: String, isDirectory: Bool) -> Bool? {
        var verdict: Bool?
        let name = relativePath.split(separator: "/").last.map(String.init) ?? relativePath
        for pattern in patterns {
            if pattern.directoryOnly && !isDirectory { continue }
            let matched = pattern.anchored
                ? Self.matchSegments(pattern.glob.split(separator: "/", omittingEmptySubsequences: false)[...], relativePath.split(separator: "/")[...])
                : fnmatch(pattern.glob, name, 0) == 0
            if matched { verdict = !pattern.negated }
        }
        return verdict
    }
}

extension IgnoreRules {
    /// Glob segments against path segments: `**` takes any number of segments (none
    /// included), a trailing `**` everything inside; other segments match one segment
    /// each with fnmatch, so `*` never crosses a `/`.
    static func matchSegments(_ glob: ArraySlice<Substring>, _ path: ArraySlice<Substring>) -> Bool {
        guard let first = glob.first else { return path.isEmpty }
        if first == "**" {
            let rest = glob.dropFirst()
            if rest.isEmpty { return !path.isEmpty }
            var remaining = path
            while true {
                if matchSegments(rest, remaining) { return true }
                guard !remaining.isEmpty else { return false }
                remaining = remaining.dropFirst()
            }
        }
        guard let segment = path.first, fnmatch(String(first), String(segment), 0) == 0 else { return false }
        return matchSegments(glob.dropFirst(), path.dropFirst())
    }

    /// Whether a file is excluded, itself or through any folder above it; for lists of
    /// globs (a configuration's `exclude`) applied to paths relative to their base.
    public func excludesFile(_ relativePath: String) -> Bool {
        let parts = relativePath.split(separator: "/")
        var prefix = ""
        for (i, part) in parts.enumerated() {
            prefix += (prefix.isEmpty ? "" : "/") + part
            if ignores(prefix, isDirectory: i < parts.count - 1) == true { return true }
        }
        return false
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var s = Substring(self)
        while let last = s.last, last == " " || last == "\t" || last == "\r" { s = s.dropLast() }
        return String(s)
    }
}
