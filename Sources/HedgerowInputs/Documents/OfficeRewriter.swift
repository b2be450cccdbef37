#if canImport(Glibc)
import Glibc
#endif
import HedgerowCore

/// Writes a copy of a Word (.docx) or Excel (.xlsx) file with found values replaced, for
/// `hedgerow redact`. Only the character data of text elements (`w:t`, `t`) and of
/// document properties is touched, so tags, attributes, numbers in numeric cells and
/// every other part are copied byte for byte and the file still opens. A value split
/// across runs is replaced whole; what cannot be replaced (a number in a numeric cell)
/// is left, and the redactor's own re-scan of the copy reports it.
/// Lives beside the readers because it reuses the container code (libarchive).
public enum OfficeRewriter {
    /// Whether `redact` can write this file back.
    public static func canRewrite(path: String) -> Bool {
        let ext = DocumentKind.extensionOf(path)
        return DocumentKind.wordExtensions.contains(ext) || DocumentKind.spreadsheetExtensions.contains(ext)
    }

    /// Rewrites `input` into `output`; `replacements` are (value, replacement) pairs.
    /// Returns how many times each value was replaced, by index into `replacements`.
    public static func rewrite(input: String, output: String, replacements: [(String, String)], limits: DocumentLimits) throws -> [Int] {
        let fd = open(input, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw ArchiveError(message: "cannot read \(input)") }
        defer { close(fd) }
        let reader = try ArchiveReader(descriptor: fd, raw: false)
        let budget = ExpansionBudget(limits: limits, compressed: InputScanner.size(of: fd))
        // Longest first, so a value holding another is replaced whole; both escaped as XML text.
        let order = replacements.indices.sorted { replacements[$0].0.utf8.count > replacements[$1].0.utf8.count }
        let escaped = order.map { (Array(escape(replacements[$0].0).utf8), Array(escape(replacements[$0].1).utf8), $0) }
        var counts = Array(repeating: 0, count: replacements.count)
        let writer = try ArchiveWriter(zipAt: output)
        while let member = try reader.next() {
            try budget.countMember()
            guard member.isRegularFile else { continue }
            var source = MemberSource(reader: reader, budget: budget)
            var bytes = try source.readAll()
            if holdsText(member.name) {
                bytes = replaceInText(bytes, everywhere: member.name.hasPrefix("docProps/"), escaped, counts: &counts)
            }
            try writer.add(member.name, bytes)
        }
        try writer.finish()
        return counts
    }

    static func holdsText(_ part: String) -> Bool {
        guard part.hasSuffix(".xml"), !part.contains("/_rels/") else { return false }
        return part.hasPrefix("word/") || part == "xl/sharedStrings.xml" || part.hasPrefix("xl/worksheets/")
            || part.hasPrefix("xl/comments") || part.hasPrefix("docProps/")
    }

    /// Replaces values in the character data of `t` elements (any prefix), or of every
    /// element when `everywhere`. The text elements of one paragraph (`p`), shared string
    /// (`si`) or inline string (`is`) are searched as one text, so a value Word or Excel
    /// split across runs is found whole: the replacement goes where it starts and the rest
    /// of it is removed from the runs after. Tags pass through untouched.
    static func replaceInText(_ xml: [UInt8], everywhere: Bool, _ pairs: [([UInt8], [UInt8], Int)], counts: inout [Int]) -> [UInt8] {
        var tokens: [(tag: Bool, bytes: ArraySlice<UInt8>)] = []
        var i = 0
        while i < xml.count {
            var j = i
            if xml[i] == 0x3C {
                while j < xml.count && xml[j] != 0x3E { j += 1 }
                j = min(j + 1, xml.count)
                tokens.append((true, xml[i..<j]))
            } else {
                while j < xml.count && xml[j] != 0x3C { j += 1 }
                tokens.append((false, xml[i..<j]))
            }
            i = j
        }
        var rewritten: [Int: [UInt8]] = [:]
        var group: [Int] = []
        var inText = false
        func flush() {
            defer { group = [] }
            guard !group.isEmpty else { return }
            let joined = group.flatMap { Array(tokens[$0].bytes) }
            let edits = matches(in: joined, pairs, counts: &counts)
            guard !edits.isEmpty else { return }
            var offset = 0
            for index in group {
                let segment = Array(tokens[index].bytes)
                var out: [UInt8] = []
                for (k, byte) in segment.enumerated() {
                    let p = offset + k
                    if let edit = edits.first(where: { $0.range.contains(p) }) {
                        if p == edit.range.lowerBound { out += edit.replacement }
                    } else {
                        out.append(byte)
                    }
                }
                rewritten[index] = out
                offset += segment.count
            }
        }
        for (index, token) in tokens.enumerated() {
            if token.tag {
                let closing = token.bytes.count > 2 && token.bytes[token.bytes.startIndex + 1] == 0x2F
                if closing && (everywhere || endsGroup(token.bytes)) { flush() }
                inText = everywhere || isTextOpening(Array(token.bytes))
            } else if inText {
                group.append(index)
            }
        }
        flush()
        var out: [UInt8] = []
        out.reserveCapacity(xml.count)
        for (index, token) in tokens.enumerated() { out += rewritten[index] ?? Array(token.bytes) }
        return out
    }

    /// `</w:p>`, `</si>`, `</is>`, `</a:p>`: the end of one run of text searched as a whole.
    static func endsGroup(_ tag: ArraySlice<UInt8>) -> Bool {
        let body = Array(tag.dropFirst(2).dropLast())
        let local = body.lastIndex(of: 0x3A).map { Array(body[($0 + 1)...]) } ?? body
        return local == Array("p".utf8) || local == Array("si".utf8) || local == Array("is".utf8)
    }

    /// Non-overlapping occurrences of the values (longest first) in `text`.
    static func matches(in text: [UInt8], _ pairs: [([UInt8], [UInt8], Int)], counts: inout [Int]) -> [(range: Range<Int>, replacement: [UInt8])] {
        var found: [(range: Range<Int>, replacement: [UInt8])] = []
        for (value, replacement, index) in pairs where !value.isEmpty && text.count >= value.count {
            var i = 0
            while i + value.count <= text.count {
                if text[i] == value[0], Array(text[i..<i + value.count]) == value,
                   !found.contains(where: { $0.range.overlaps(i..<i + value.count) }) {
                    found.append((i..<i + value.count, replacement))
                    counts[index] += 1
                    i += value.count
                } else {
                    i += 1
                }
            }
        }
        return found
    }

    /// `<t>`, `<w:t xml:space="preserve">`: an opening (not closing, not empty) tag whose local name is `t`.
    static func isTextOpening(_ tag: [UInt8]) -> Bool {
        guard tag.count >= 3, tag[1] != 0x2F, tag[tag.count - 2] != 0x2F else { return false }
        var end = 1
        while end < tag.count && tag[end] != 0x20 && tag[end] != 0x3E && tag[end] != 0x09 && tag[end] != 0x0A { end += 1 }
        let name = tag[1..<end]
        let local = name.lastIndex(of: 0x3A).map { name[($0 + 1)...] } ?? name
        return local.count == 1 && local.first == 0x74
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.append(c)
            }
        }
        return out
    }
}
