#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The subset of gitignore syntax hedgerow honours outside a git work tree, for
/// `.gitignore` and `.hedgerowignore`: globs, `dir/` for directories, leading `/` to
/// anchor, `**/`, `!` to re-include, `#` comments.
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
            var directoryOnly = false
            if line.hasSuffix("/") { directoryOnly = true; line.removeLast() }
            var anchored = line.dropLast().contains("/")
            if line.hasPrefix("/") { anchored = true; line.removeFirst() }
            if line.hasPrefix("**/") { anchored = false; line.removeFirst(3) }
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
            let subject = pattern.anchored ? relativePath : name
            let flags: Int32 = pattern.anchored ? FNM_PATHNAME : 0
            if fnmatch(pattern.glob, subject, flags) == 0 || (pattern.anchored && pattern.glob.hasSuffix("/**") && relativePath.hasPrefix(String(pattern.glob.dropLast(3)))) {
                verdict = !pattern.negated
            }
        }
        return verdict
    }
}

extension IgnoreRules {
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
