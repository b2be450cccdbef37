/// Absolute paths without "." or ".." parts or doubled slashes, as Foundation's
/// `standardizedFileURL.path` gives them, without building a URL per file (that alone
/// was a few percent of a tree scan, all of it before the parallel part starts).
public enum PathNormalizer {
    public static func absolute(_ path: String, currentDirectory: String) -> String {
        let full = path.hasPrefix("/") ? path : currentDirectory + "/" + path
        if isPlain(full) { return full }
        var parts: [Substring] = []
        for part in full.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." { _ = parts.popLast(); continue }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/")
    }

    /// No empty, "." or ".." part and no trailing slash: already what `absolute` returns.
    private static func isPlain(_ path: String) -> Bool {
        var length = 0, dots = 0, first = true
        for c in path.utf8 {
            if c == 0x2F {
                if !first && (length == 0 || (dots == length && length <= 2)) { return false }
                first = false; length = 0; dots = 0
            } else {
                length += 1
                if c == 0x2E { dots += 1 }
            }
        }
        return length > 0 && !(dots == length && length <= 2)
    }
}
