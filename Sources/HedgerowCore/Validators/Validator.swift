import Foundation

/// What a validator sees of one match: the value and the text around it on its line.
/// Strings are decoded leniently (invalid UTF-8 becomes U+FFFD); validators judge shape.
public struct Candidate: Sendable {
    /// The value (the `value` group, or the whole match).
    public let value: String
    /// The whole match, which may carry context around the value.
    public let match: String
    /// Up to 80 bytes of the same line before the value.
    public let before: String
    /// Up to 80 bytes of the same line after the value.
    public let after: String

    /// The fragment's table header line (CSV, TSV), if its first lines have one.
    public let header: String
    /// The whole line before the value, up to 512 bytes, for locating its column.
    public let lineBefore: String
    /// The path of the fragment's file ("-" for standard input, "" in rule checks): some
    /// shapes are ruled out by the file they sit in (a dotted quad in a changelog).
    public let path: String

    public init(value: String, match: String? = nil, before: String = "", after: String = "", header: String = "", lineBefore: String? = nil, path: String = "") {
        self.value = value
        self.match = match ?? value
        self.before = before
        self.after = after
        self.header = header
        self.lineBefore = lineBefore ?? before
        self.path = path
    }

    /// The header name of the column the value sits in, when the fragment is a table
    /// (comma, tab or pipe separated with a header line); nil otherwise. Delimiters inside
    /// quoted fields do not count (TableColumns).
    public var columnName: String? {
        guard !header.isEmpty else { return nil }
        let delimiter: Character = header.containsBytes("\t") ? "\t" : header.containsBytes(",") ? "," : header.containsBytes("|") ? "|" : " "
        guard delimiter != " " else { return nil }
        var prefix = Substring(lineBefore)
        if prefix.hasPrefix("+") && !header.hasPrefix("+") { prefix = prefix.dropFirst() }
        let index = TableColumns.index(of: prefix, delimiter: delimiter)
        let columns = TableColumns.fields(of: header, delimiter: delimiter)
        guard index < columns.count else { return nil }
        return columns[index].trimmingCharacters(in: CharacterSet(charactersIn: " \"'\r")).lowercased()
    }
}

/// A validator's judgement of one candidate.
public enum Verdict: Equatable, Sendable {
    case accept
    /// Keep the finding but report it at most at this confidence, with the reason.
    case lower(Confidence, String)
    /// Not a finding, with the reason (kept for `rules check` messages and --stats).
    case reject(String)
}

/// A check written in Swift, named from rule files. Validators carry the knowledge a
/// pattern cannot: checksums, number plans, reserved ranges, placeholders.
public protocol Validator: Sendable {
    func validate(_ candidate: Candidate) -> Verdict
}

/// A validator built from a closure, for the many checks that need no state.
public struct ClosureValidator: Validator {
    let body: @Sendable (Candidate) -> Verdict
    public init(_ body: @escaping @Sendable (Candidate) -> Verdict) { self.body = body }
    public func validate(_ candidate: Candidate) -> Verdict { body(candidate) }
}
