/// The caption and transcript formats the transcript reader knows, and how a file is
/// recognised as one: by extension, or (for `.txt`, `.transcript` and standard input) by
/// its first lines.
public enum TranscriptFormat: String, Sendable {
    /// WebVTT: `WEBVTT` header, optional cue identifiers, `00:00:01.000 --> ...` timings,
    /// payloads with `<v Speaker>` voice tags (Microsoft Teams) or `Speaker: text` (Zoom).
    case webVTT
    /// SubRip: numbered cues, `00:00:01,000 --> ...` timings, optional `SPEAKER:` prefixes
    /// and `- ` dialogue dashes.
    case srt
    /// Plain-text exports: `[00:01:02] Speaker: text`, `00:01:02 Speaker: text` (Zoom),
    /// `Speaker  0:02` or `[Speaker] 10:02:03` headers over the text (Otter, Teams), or
    /// `Speaker: text` lines.
    case plain

    /// The format a path's extension says, or nil when only the content can tell.
    public static func byExtension(_ path: String) -> TranscriptFormat? {
        switch Self.pathExtension(path) {
        case "vtt", "webvtt": return .webVTT
        case "srt": return .srt
        default: return nil
        }
    }

    /// Extensions whose files are read as transcripts when their first lines look like one.
    static let sniffedExtensions: Set<String> = ["txt", "transcript", "text"]

    /// The format of a file: by extension, else by content for text-like extensions.
    public static func detect(path: String, head: [UInt8]) -> TranscriptFormat? {
        if let format = byExtension(path) { return format }
        let ext = pathExtension(path)
        guard path == "-" || sniffedExtensions.contains(ext) else { return nil }
        // A `.transcript` file is one whatever its first lines say.
        return sniff(head) ?? (ext == "transcript" ? .plain : nil)
    }

    /// The file name's extension, lower-cased ("" for none or a dot file), read from the
    /// end of the path's bytes: every file asks, so no splitting of the whole path.
    static func pathExtension(_ path: String) -> String {
        let bytes = path.utf8
        var i = bytes.endIndex
        while i != bytes.startIndex {
            let before = bytes.index(before: i)
            switch bytes[before] {
            case 0x2F: return ""  // "/": the name has no dot
            case 0x2E:
                // A dot that starts the name is a hidden file's, not an extension.
                if before == bytes.startIndex || bytes[bytes.index(before: before)] == 0x2F { return "" }
                return String(path[i...]).lowercased()
            default: i = before
            }
        }
        return ""
    }

    /// Reads the first 40 lines: `WEBVTT`, a cue timing line, or at least three speaker
    /// turns with a timestamp (`[00:01:02] Name: text`, `Name  0:02`), of at least two speakers.
    public static func sniff(_ head: [UInt8]) -> TranscriptFormat? {
        var lines: [[UInt8]] = []
        var start = head.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        for i in start..<head.count where head[i] == 0x0A {
            var line = Array(head[start..<i])
            if line.last == 0x0D { line.removeLast() }
            lines.append(line)
            start = i + 1
            if lines.count == 40 { break }
        }
        guard let first = lines.first(where: { !$0.isEmpty }) else { return nil }
        if first.starts(with: Array("WEBVTT".utf8)) { return .webVTT }
        var speakers = Set<[UInt8]>()
        var score = 0
        for line in lines {
            if TranscriptLine.isTiming(line[...]) { return line.contains(UInt8(ascii: ",")) ? .srt : .webVTT }
            let speaker: Range<Int>
            switch line.withUnsafeBufferPointer({ TranscriptLine.parsePlain($0) }) {
            // `Name: value` lines without a time are headers of mail, package metadata and
            // config as often as turns: only timed turns and turn headers count.
            case let .turn(name, _, true): speaker = name; score += 1
            case let .header(name): speaker = name; score += 1
            default: continue
            }
            speakers.insert(Array(line[speaker]))
        }
        return score >= 3 && speakers.count >= 2 ? .plain : nil
    }
}
