import Foundation
import HedgerowCore

/// One distinct value found in a repository's history: reported once, with the commit
/// that first introduced it, every path it appeared in, and whether HEAD still holds it.
/// Stored without the value (masked and fingerprint only), so audit state on disk is safe.
public struct AuditFinding: Codable, Sendable, Equatable {
    public var rule: String
    public var ruleName: String
    public var category: Category
    public var dataClass: DataClass
    public var confidence: Confidence
    public var fingerprint: String
    public var masked: String
    public var hint: String
    public var firstCommit: String?
    public var firstDate: String?
    public var firstAuthor: String?
    public var firstPath: String
    public var firstLine: Int
    public var paths: [String]
    public var occurrences: Int
    /// nil when the tree was scanned without history, HEAD could not be read, or the value
    /// sits inside a document or archive (HEAD's raw bytes cannot say).
    public var presentAtHead: Bool?
    /// The first occurrence's place inside a document or archive (`export.zip!people.csv:2:3`).
    public var location: String? = nil
    /// Attribution (published on purpose) or organisational (a team's mailbox), as the scan
    /// judged it: carried so an audit drafts no DE record for a project's own credits.
    public var context: FindingContext? = nil
    /// For an international phone number, its country or area (`Finding.country`).
    public var country: String? = nil

    /// The first occurrence uses the names a scan finding uses (`path`, `line`, `commit`).
    enum CodingKeys: String, CodingKey {
        case rule, category, confidence, fingerprint, masked, hint, paths, occurrences
        case ruleName = "rule_name", dataClass = "class", firstCommit = "commit", firstDate = "date"
        case firstAuthor = "author", firstPath = "path", firstLine = "line", presentAtHead = "present_at_head", location, context, country
    }

    /// Back to a finding (value withheld) for reporters and incident drafting, its context
    /// class kept (the drafter leaves attributions out of DE records).
    public func asFinding() -> Finding {
        var finding = Finding(ruleID: rule, ruleName: ruleName, category: category, dataClass: dataClass, confidence: confidence,
                origin: Origin(path: firstPath, commit: firstCommit, author: firstAuthor, date: firstDate),
                start: TextPosition(line: firstLine, column: 1, offset: 0), end: TextPosition(line: firstLine, column: 1, offset: 0),
                value: "", masked: masked, fingerprint: fingerprint, hint: hint)
            .placed(at: location)
        finding.context = context
        finding.country = country
        return finding
    }

    /// Groups occurrences by rule and fingerprint; the earliest commit date introduced it.
    public static func deduplicate(_ findings: [Finding]) -> [AuditFinding] {
        let formatter = ISO8601DateFormatter()
        func time(_ f: Finding) -> Date { f.origin.date.flatMap(formatter.date(from:)) ?? .distantFuture }
        var groups: [String: [Finding]] = [:]
        for f in findings { groups[f.ruleID + "\t" + f.fingerprint, default: []].append(f) }
        return groups.values.map { group in
            let first = group.min { (time($0), $0.origin.path, $0.start.line) < (time($1), $1.origin.path, $1.start.line) }!
            var paths: [String] = []
            for f in group where !paths.contains(f.origin.path) { paths.append(f.origin.path) }
            return AuditFinding(
                rule: first.ruleID, ruleName: first.ruleName, category: first.category, dataClass: first.dataClass,
                confidence: group.map(\.confidence).max()!, fingerprint: first.fingerprint, masked: first.masked, hint: first.hint,
                firstCommit: first.origin.commit, firstDate: first.origin.date, firstAuthor: first.origin.author,
                firstPath: first.origin.path, firstLine: first.start.line, paths: paths.sorted(), occurrences: group.count,
                presentAtHead: nil, location: first.location,
                // An attribution only when every occurrence is one: the same address in a
                // data file as well as in AUTHORS is third-party data there.
                context: group.allSatisfy { $0.context == first.context } ? first.context : nil,
                country: first.country
            )
        }.sorted { ($0.firstPath, $0.firstLine, $0.rule, $0.fingerprint) < ($1.firstPath, $1.firstLine, $1.rule, $1.fingerprint) }
    }
}

extension Finding {
    func placed(at location: String?) -> Finding {
        var f = self
        f.location = location
        return f
    }
}

/// The result of auditing one repository, written as soon as it completes so an
/// interrupted audit resumes without rescanning it.
public struct RepositoryResult: Codable, Sendable, Equatable {
    public var name: String
    public var path: String
    /// "ok", "failed", "empty" (no commits yet: nothing to audit, not a failure), or
    /// "partial" (some refs could not be read, named in `error`; the rest was scanned and
    /// its findings are kept; counted as failed, since part of the history went unread).
    public var status: String
    public var error: String?
    public var history: String
    public var commits: Int?
    public var addedLines: Int?
    public var bytesScanned: Int
    public var suppressed: [String: Int]
    public var findings: [AuditFinding]
    /// The identity of the fingerprint key the findings were fingerprinted under
    /// (`Fingerprinter.keyIdentity`, never the key): results under different keys share no
    /// fingerprints, so merging them is warned about.
    public var fingerprintKey: String?
    /// True when the repository is a shallow clone: its history stops at grafted commits,
    /// so values committed before them were never read. Nil otherwise.
    public var shallow: Bool?
    /// A digest of the repository's refs and HEAD when it was scanned: `--resume` scans a
    /// repository again when its refs have changed since.
    public var refs: String?

    enum CodingKeys: String, CodingKey {
        case name, path, status, error, history, commits, suppressed, findings, shallow, refs
        case addedLines = "added_lines", bytesScanned = "bytes_scanned", fingerprintKey = "fingerprint_key"
    }

    public init(name: String, path: String, status: String, error: String? = nil, history: String, commits: Int? = nil,
                addedLines: Int? = nil, bytesScanned: Int = 0, suppressed: [String: Int] = [:], findings: [AuditFinding] = []) {
        self.name = name; self.path = path; self.status = status; self.error = error; self.history = history
        self.commits = commits; self.addedLines = addedLines; self.bytesScanned = bytesScanned
        self.suppressed = suppressed; self.findings = findings
    }
}

/// The whole audit, assembled from repository results (of one run, or of merged shards):
/// the same inputs always give the same report, whatever the order they completed in.
public struct AuditReport: Codable, Sendable, Equatable {
    public var repositories: [RepositoryResult]
    /// Fingerprints found in more than one repository, with those repositories.
    public var sharedValues: [String: [String]]
    /// Repositories that failed, or were read only in part (status "partial").
    public var failed: Int
    public var distinctFindings: Int
    /// The fingerprint key identities the results were made under; more than one means
    /// the same value in two repositories is not recognised as shared.
    public var fingerprintKeys: [String]

    enum CodingKeys: String, CodingKey {
        case repositories, failed
        case sharedValues = "shared_values", distinctFindings = "distinct_findings", fingerprintKeys = "fingerprint_keys"
    }

    public init(_ results: [RepositoryResult]) {
        repositories = results.sorted { $0.name < $1.name }
        var where_: [String: Set<String>] = [:]
        for r in repositories { for f in r.findings { where_[f.fingerprint, default: []].insert(r.name) } }
        sharedValues = where_.filter { $0.value.count > 1 }.mapValues { $0.sorted() }
        failed = repositories.filter { $0.status == "failed" || $0.status == "partial" }.count
        distinctFindings = repositories.map(\.findings.count).reduce(0, +)
        fingerprintKeys = Array(Set(repositories.compactMap(\.fingerprintKey))).sorted()
    }
}
