/// A position in a text: 1-based line, 1-based column counted in Unicode code points
/// (an invalid UTF-8 byte counts as one), and the byte offset from the start.
public struct TextPosition: Equatable, Hashable, Sendable, Comparable {
    public var line: Int
    public var column: Int
    public var offset: Int
    public init(line: Int, column: Int, offset: Int) { self.line = line; self.column = column; self.offset = offset }
    public static func < (a: TextPosition, b: TextPosition) -> Bool { a.offset < b.offset }
}

/// Where a fragment of text came from: enough for a report to point at it without
/// the reporter ever reading files or running git.
public struct Origin: Equatable, Hashable, Sendable {
    /// The path as given on the command line joined with the path inside it, or "-" for stdin.
    public var path: String
    public var commit: String?
    public var author: String?
    public var date: String?
    /// Line number in the original file of the fragment's first line (diff hunks start mid-file).
    public var firstLine: Int
    /// The file's table header, for a fragment that starts mid-file (a part of a big file
    /// scanned on its own thread); nil reads it from the fragment's first lines.
    public var header: String?
    public init(path: String, commit: String? = nil, author: String? = nil, date: String? = nil, firstLine: Int = 1, header: String? = nil) {
        self.path = path; self.commit = commit; self.author = author; self.date = date; self.firstLine = firstLine
        self.header = header
    }
}

/// One thing found. Carries the raw value in memory only: every output goes through
/// `masked` unless the user asked for values on the command line.
public struct Finding: Equatable, Sendable {
    public var ruleID: String
    public var ruleName: String
    public var category: Category
    public var dataClass: DataClass
    public var confidence: Confidence
    /// Why a validator lowered the confidence, if one did.
    public var confidenceNote: String?
    public var origin: Origin
    public var start: TextPosition
    /// Exclusive end, as SARIF counts it.
    public var end: TextPosition
    public var value: String
    public var masked: String
    public var fingerprint: String
    public var hint: String
    /// Set when the value was found inside encoded text; the position is the encoded span.
    public var decodedFrom: Encoding? = nil
    /// A `hedgerow:allow` comment on its line (or `allow-next-line` above) covers it.
    public var allowedInline = false
    /// The byte ranges of the source that hold the value, when it is not the one span
    /// `start.offset..<end.offset`: a value split over two caption cues, or said aloud
    /// around a timing line. A redactor replaces each piece and leaves what lies between
    /// them (timings, cue numbers) alone. Empty means the one span.
    public var pieces: [Range<Int>] = []
    /// A context class that cuts across categories: personal data a project publishes on
    /// purpose (attribution) or a team's mailbox (organisational). Nil for everything else.
    public var context: FindingContext? = nil
    /// Where a person finds the value when a line and column in the scanned text mean
    /// nothing in the file itself: a member of an archive (`export.zip!customers/2024.csv:14:3`),
    /// a spreadsheet cell (`register.xlsx!Sheet1!C14`), a paragraph (`notes.docx paragraph 12`),
    /// a PDF page and line. `origin.path` stays the file on disk. Nil for ordinary text,
    /// whose place is `path:line:column`.
    public var location: String? = nil
    /// For an international phone number, the country or area its calling code belongs
    /// to (`CallingCodes`), so nobody reads a French number as a UK one. Nil otherwise.
    public var country: String? = nil

    /// The other half of a credential pair found next to this one: the identifier a
    /// secret belongs to (the AWS access key ID of a secret access key), or the secret an
    /// identifier goes with. Nil for a value alone.
    public var pairedWith: PairedValue? = nil

    public var line: Int { start.line }

    public init(ruleID: String, ruleName: String, category: Category, dataClass: DataClass, confidence: Confidence,
                confidenceNote: String? = nil, origin: Origin, start: TextPosition, end: TextPosition, value: String,
                masked: String, fingerprint: String, hint: String, decodedFrom: Encoding? = nil) {
        self.ruleID = ruleID; self.ruleName = ruleName; self.category = category; self.dataClass = dataClass
        self.confidence = confidence; self.confidenceNote = confidenceNote; self.origin = origin; self.start = start
        self.end = end; self.value = value; self.masked = masked; self.fingerprint = fingerprint; self.hint = hint
        self.decodedFrom = decodedFrom
    }
}

extension Finding {
    /// The same finding `lines` lines further down: a part of a big file numbers its lines
    /// from its own start until the parts before it are counted.
    public func movedDown(lines: Int) -> Finding {
        guard lines != 0 else { return self }
        var moved = self
        moved.start.line += lines
        moved.end.line += lines
        moved.pairedWith?.start.line += lines
        return moved
    }
}

extension Finding {
    /// The place reporters print: the document location when there is one, else `path:line:column`.
    public var place: String { location ?? (origin.path + ":" + String(start.line) + ":" + String(start.column)) }
    /// The short place (tables, prevention results): the document location, else `path:line`.
    public var shortPlace: String { location ?? (origin.path + ":" + String(start.line)) }
}
