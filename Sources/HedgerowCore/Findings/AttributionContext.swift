/// Decides whether a name or email sits where a project publishes people on purpose:
/// credit files, copyright and SPDX lines, commit trailers, translation headers and
/// package metadata. Judged from the file's path and the line before the value only,
/// so the answer is the same however the file is read (whole, in parts, as a diff).
///
/// Data files (mail, CSV, SQL dumps, JSON fixtures, logs) are never attribution: the
/// people in them are third parties, the findings a security lead wants first.
public enum AttributionContext {
    /// Files that are lists of people by purpose, compared lower-cased without extension.
    static let creditFiles: Set<String> = [
        "authors", "contributors", "credits", "thanks", "maintainers", "acks", "committers", "owners", "codeowners",
    ]

    /// Change logs, news and release notes, by file name without extension.
    static let changeLogStems: Set<String> = ["changelog", "changes", "news", "history", "whatsnew", "release-notes", "release_notes", "releasenotes", "news2x"]

    /// Package manifests: their author, maintainer and contact fields are metadata a
    /// registry publishes.
    static let manifestNames: Set<String> = ["package.json", "pyproject.toml", "setup.py", "setup.cfg", "cargo.toml", "composer.json", "pom.xml"]
    static let manifestExtensions: Set<String> = ["gemspec", "podspec", "nuspec"]

    /// Extensions of data files: people in them are third parties, never attributions.
    static let dataExtensions: Set<String> = [
        "mbox", "eml", "msg", "csv", "tsv", "sql", "log", "jsonl", "ndjson", "vcf", "vtt", "srt", "transcript", "chat",
    ]

    /// Git trailers that credit a person in a commit message or a patch.
    static let trailers = [
        "signed-off-by:", "co-authored-by:", "reviewed-by:", "acked-by:", "tested-by:", "reported-by:",
        "suggested-by:", "helped-by:", "mentored-by:", "reviewed-on:", "thanks-to:", "original-author:",
    ]

    /// Words that make a line credit its author: copyright and SPDX notices and the
    /// author fields of source files and modules.
    static let creditWords = [
        "copyright", "(c) 1", "(c) 2", "©", "spdx-filecopyrighttext", "spdx-filecontributor", "author:", "authors:", "author =", "author=",
        "authors =", "@author", "__author__", "\"author\"", "'author'", "author_email", "authored by", "original author", "__email__", "__credits__",
        "maintainer", "maintained by", "written by", "contributed by", "originally by", "ported by", "translated by",
    ]

    /// Softer credits ("patch by", "thanks to", "based on X's"), counted in source code
    /// only: in notes, tickets and transcripts "thanks to" and "by" name third parties.
    static let codeCreditWords = ["thanks", "based on", "courtesy of", "credit", "submitted", "patch from", "(from ", "inspired"]

    /// Source code, where comments and docstrings credit authors.
    static let codeExtensions: Set<String> = [
        "py", "pyi", "pyx", "c", "h", "cc", "cpp", "cxx", "hpp", "m", "mm", "swift", "java", "kt", "kts", "scala", "go",
        "rs", "rb", "pl", "pm", "php", "js", "mjs", "cjs", "ts", "tsx", "jsx", "cs", "fs", "vb", "sh", "bash", "zsh",
        "ps1", "lua", "r", "jl", "hs", "ml", "el", "lisp", "clj", "ex", "exs", "erl", "dart", "tcl", "awk", "cmake", "asm",
        "s", "f", "f90", "groovy", "gradle", "bat", "cmd", "vim", "in", "ac", "am",
    ]

    /// Header fields of a gettext catalogue (.po, .pot) that name translators.
    static let translationHeaders = ["\"last-translator:", "\"language-team:", "\"report-msgid-bugs-to:", "#"]

    /// Whether the value after `lineBefore` (its line up to the value) in `path` is published
    /// attribution.
    public static func isAttribution(path: String, lineBefore: String) -> Bool {
        let file = fileName(path)
        let (stem, ext) = split(file)
        if dataExtensions.contains(ext) || isJSONFixture(path: path, ext: ext) { return false }
        if file == ".mailmap" || creditFiles.contains(stem) { return true }
        // Change logs and release notes credit the people behind each change.
        if changeLogStems.contains(stem) || file.hasPrefix("changelog") || path.lowercased().containsBytes("relnotes/") { return true }
        if manifestNames.contains(file) || manifestExtensions.contains(ext) { return true }
        if ext == "po" || ext == "pot" {
            let header = lineBefore.lowercased().drop { $0 == " " || $0 == "\t" }
            return translationHeaders.contains { header.hasPrefix($0) }
        }
        let line = trimmedLine(lineBefore)
        if trailerBytes.contains(where: { line.starts(with: $0) }) { return true }
        // Mail headers name senders and recipients, not credits ("Received: ... by host").
        if mailHeaderBytes.contains(where: { line.starts(with: $0) }) { return false }
        if creditWordBytes.contains(where: { hasWord(line, $0) }) { return true }
        guard codeExtensions.contains(ext) else { return false }
        return codeCreditWordBytes.contains(where: { hasWord(line, $0) }) || hasByName(lineBefore)
    }

    /// Headers of a message whose people are its senders and recipients.
    static let mailHeaders = ["received:", "from:", "to:", "cc:", "bcc:", "delivered-to:", "return-path:", "reply-to:", "sender:", "x-", "list-", "resent-"]

    /// "patch by Kevin", "By Greg": "by" before a capitalised word credits a person;
    /// "sorted by name" and "by host.example" do not.
    static func hasByName(_ lineBefore: String) -> Bool {
        let bytes = Array(lineBefore.utf8)
        var i = 0
        while i + 3 < bytes.count {
            let startsWord = i == 0 || bytes[i - 1] == 0x20 || bytes[i - 1] == 0x09 || bytes[i - 1] == 0x28
            if startsWord, bytes[i] | 0x20 == 0x62, bytes[i + 1] == 0x79, bytes[i + 2] == 0x20, bytes[i + 3] &- 0x41 < 26 { return true }
            i += 1
        }
        // "... by " right before the value: the value is the name.
        let tail = lineBefore.lowercased()
        return tail.hasSuffix(" by ") || tail == "by "
    }

    // The word lists as bytes: every candidate name and email is tested against them, and
    // Foundation's string search made these tests a fifth of a whole scan.
    static let trailerBytes = trailers.map { Array($0.utf8) }
    static let mailHeaderBytes = mailHeaders.map { Array($0.utf8) }
    static let creditWordBytes = creditWords.map { Array($0.utf8) }
    static let codeCreditWordBytes = codeCreditWords.map { Array($0.utf8) }
    static let blockWordBytes = blockWords.map { Array($0.utf8) }
    static let commentLeaderBytes = commentLeaders.map { Array($0.utf8) }
    static let docstringOpenerBytes = docstringOpeners.map { Array($0.utf8) }

    /// `word` in `line` (both lower-cased bytes), not glued to a longer word after it:
    /// "author" counts in "authors" and "authored", not in "authority" or "authorization".
    static func hasWord<Line: RandomAccessCollection<UInt8>>(_ line: Line, _ word: [UInt8]) -> Bool where Line.Index == Int {
        let n = word.count
        guard let first = word.first, line.count >= n else { return false }
        var i = line.startIndex
        let last = line.endIndex - n
        while i <= last {
            if line[i] == first {
                var j = 1
                while j < n && line[i + j] == word[j] { j += 1 }
                if j == n {
                    if i + n == line.endIndex || line[i + n] != 0x69 { return true }  // "i"
                    i += n
                    continue
                }
            }
            i += 1
        }
        return false
    }

    /// ASCII letters lower-cased, other bytes as they are: the word lists are ASCII but for
    /// "©", which has no case.
    static func lowered<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> [UInt8] {
        bytes.map { $0 &- 0x41 < 26 ? $0 | 0x20 : $0 }
    }

    /// Whether the path is third-party data (mail, tables, dumps, logs, fixtures): reports
    /// list findings in them first.
    public static func isThirdPartyData(path: String) -> Bool {
        let (_, ext) = split(fileName(path))
        return dataExtensions.contains(ext) || isJSONFixture(path: path, ext: ext)
    }

    /// JSON under a fixtures, seed or test-data directory: records, not metadata.
    static func isJSONFixture(path: String, ext: String) -> Bool {
        guard ext == "json" else { return false }
        let lower = path.lowercased()
        return ["fixture", "seed", "testdata", "test_data", "sample", "dump", "export"].contains { lower.containsBytes($0) }
    }

    static func fileName(_ path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: 0x2F) else { return path.lowercased() }
        return String(path[path.utf8.index(after: slash)...]).lowercased()
    }

    /// "authors.md" -> ("authors", "md"); ".mailmap" -> (".mailmap", "").
    static func split(_ file: String) -> (stem: String, ext: String) {
        guard let dot = file.lastIndex(of: "."), dot != file.startIndex else { return (file, "") }
        return (String(file[..<dot]), String(file[file.index(after: dot)...]))
    }

    /// The line lower-cased, without a diff's `+`, comment leaders and indentation.
    static func trimmedLine(_ lineBefore: String) -> ArraySlice<UInt8> {
        var line = lowered(lineBefore.utf8)[...]
        func next(_ i: Int) -> UInt8? { line.count > i ? line[line.startIndex + i] : nil }
        while let first = line.first, first == 0x20 || first == 0x09 || first == 0x2B || first == 0x2A || first == 0x2F || first == 0x3B
                || first == 0x2D && next(1) != 0x2D {
            line = line.dropFirst()
        }
        if line.first == 0x23 && (next(1) == 0x20 || next(1) == 0x09) { line = line.dropFirst(2) }
        while line.first == 0x20 { line = line.dropFirst() }
        return line
    }
    /// The end (byte offset) of a file's opening comment block, or its module docstring,
    /// when that block credits someone (copyright, author, written by): the names and
    /// contact details in it are the authors', published with the file. 0 when the file
    /// opens with no such block. Reads at most the first 6 KiB.
    public static func creditBlockEnd(_ window: UnsafeRawBufferPointer) -> Int {
        let limit = min(window.count, 6144)
        guard limit > 0, let p = window.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return 0 }
        var lineStart = 0, blockEnd = 0, credited = false
        var inDocstring = false
        while lineStart < limit {
            var lineEnd = lineStart
            while lineEnd < limit && p[lineEnd] != 0x0A { lineEnd += 1 }
            guard lineEnd < limit else { break }  // a line cut by the limit is not read
            let line = UnsafeBufferPointer(start: p + lineStart, count: lineEnd - lineStart)
            var from = 0
            while from < line.count && (line[from] == 0x20 || line[from] == 0x09 || line[from] == 0x0D) { from += 1 }
            let trimmed = line[from...]
            let quotes = occurrences(of: tripleDouble, in: trimmed) + occurrences(of: tripleSingle, in: trimmed)
            if inDocstring {
                if quotes % 2 == 1 { inDocstring = false }
            } else if docstringOpenerBytes.contains(where: { trimmed.starts(with: $0) }) {
                inDocstring = quotes % 2 == 1
            } else if !(trimmed.isEmpty || commentLeaderBytes.contains { trimmed.starts(with: $0) }) {
                break
            }
            if !credited {
                let lower = lowered(line)
                credited = blockWordBytes.contains { hasWord(lower, $0) }
            }
            blockEnd = lineEnd
            lineStart = lineEnd + 1
        }
        return credited ? blockEnd : 0
    }

    static let tripleDouble = Array("\"\"\"".utf8), tripleSingle = Array("'''".utf8)

    /// Non-overlapping occurrences, counted from the left.
    static func occurrences(of pattern: [UInt8], in line: Slice<UnsafeBufferPointer<UInt8>>) -> Int {
        var count = 0, i = line.startIndex
        while i + pattern.count <= line.endIndex {
            if line[i..<(i + pattern.count)].elementsEqual(pattern) { count += 1; i += pattern.count } else { i += 1 }
        }
        return count
    }

    /// How comment lines start in the languages and data formats hedgerow meets.
    static let commentLeaders = ["#", "//", "/*", "*", "--", ";", "%", "rem ", "REM ", "<!--", "(*", "dnl "]
    /// A module docstring (Python) opening the file.
    static let docstringOpeners = ["\"\"\"", "r\"\"\"", "'''"]
    /// Words that make an opening block a credit block.
    static let blockWords = ["copyright", "author", "written by", "contributed by", "maintainer", "(c) 1", "(c) 2"]
}
