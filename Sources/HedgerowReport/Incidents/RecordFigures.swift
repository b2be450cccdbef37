import Foundation

/// The figures a security team reports monthly, from a directory of records: how many,
/// how severe, how long exposures went unnoticed, and which values keep coming back.
public struct RecordFigures: Codable, Sendable, Equatable {
    public var records: Int
    public var bySeverity: [String: Int]
    public var byCategory: [String: Int]
    public var byDataCategory: [String: Int]
    /// Mean hours from first commit to detection, over records that know both.
    public var meanHoursToDetect: Double?
    /// Fingerprints found in more than one record, with those records' IDs.
    public var repeatFingerprints: [String: [String]]
    public var ids: [String]
    /// Records by the status people set in the register (Draft, Contained, Closed…).
    public var byStatus: [String: Int]
    /// The period asked for (`--since`, `--until`), as given; records are counted by first detection.
    public var since: String?
    public var until: String?
    /// Near misses (P4: prevented commits and pastes) from the near-miss log, in the period.
    public var nearMisses: NearMissFigures?
    /// The fingerprint key identities the records were made under; more than one means
    /// repeat fingerprints across them cannot be seen.
    public var fingerprintKeys: [String]

    /// The near-miss log's figures: how many were prevented, of what.
    public struct NearMissFigures: Codable, Sendable, Equatable {
        public var count: Int
        public var byPrevented: [String: Int]
        public var byDataCategory: [String: Int]
        public var credentials: Int
        enum CodingKeys: String, CodingKey {
            case count, credentials
            case byPrevented = "by_prevented", byDataCategory = "by_data_category"
        }
        public init(count: Int = 0, byPrevented: [String: Int] = [:], byDataCategory: [String: Int] = [:], credentials: Int = 0) {
            self.count = count; self.byPrevented = byPrevented; self.byDataCategory = byDataCategory; self.credentials = credentials
        }
    }

    enum CodingKeys: String, CodingKey {
        case records, ids, since, until
        case byStatus = "by_status", nearMisses = "near_misses", fingerprintKeys = "fingerprint_keys"
        case bySeverity = "by_severity", byCategory = "by_category", byDataCategory = "by_data_category"
        case meanHoursToDetect = "mean_hours_to_detect", repeatFingerprints = "repeat_fingerprints"
    }

    public func jsonDocument(toolVersion: String) -> String {
        OutputContract.document(OutputContract.object(self), toolVersion: toolVersion)
    }

    public init(_ list: [IncidentRecord], since: String? = nil, until: String? = nil, nearMisses: NearMissFigures? = nil) {
        self.since = since; self.until = until; self.nearMisses = nearMisses
        records = list.count
        bySeverity = [:]; byCategory = [:]; byDataCategory = [:]; byStatus = [:]
        var seen: [String: [String]] = [:]
        var hours: [Double] = []
        for r in list {
            bySeverity[r.severity.rawValue, default: 0] += 1
            byStatus[r.status, default: 0] += 1
            byCategory[r.category, default: 0] += 1
            for (category, count) in r.data.occurrences { byDataCategory[category, default: 0] += count }
            if let h = r.hoursToDetect { hours.append(h) }
            for fp in Set(r.data.fingerprints) { seen[fp, default: []].append(r.id) }
        }
        meanHoursToDetect = hours.isEmpty ? nil : (hours.reduce(0, +) / Double(hours.count) * 10).rounded() / 10
        repeatFingerprints = seen.filter { $0.value.count > 1 }.mapValues { $0.sorted() }
        ids = list.map(\.id).sorted()
        fingerprintKeys = Array(Set(list.compactMap(\.fingerprintKey))).sorted()
    }

    public func text() -> String {
        func line(_ d: [String: Int]) -> String { d.isEmpty ? "none" : d.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ") }
        var out = "hedgerow report: \(records) record\(records == 1 ? "" : "s")"
        if since != nil || until != nil { out += " first detected \(since.map { "from \($0) " } ?? "")\(until.map { "until \($0)" } ?? "")".trimmingCharacters(in: .whitespaces) }
        out += "\n"
        out += "  by status: \(line(byStatus))\n"
        out += "  by severity: \(line(bySeverity))\n"
        out += "  by category: \(line(byCategory))\n"
        out += "  by data category (occurrences): \(line(byDataCategory))\n"
        out += "  mean time to detect: \(meanHoursToDetect.map(IncidentMarkdown.duration) ?? "unknown (no record has a commit date)")\n"
        if let n = nearMisses {
            out += "  near misses (P4, prevented): \(n.count)" + (n.count == 0 ? "" : " (\(line(n.byPrevented)); credentials \(n.credentials); \(line(n.byDataCategory)))") + "\n"
        }
        if fingerprintKeys.count > 1 {
            out += "  warning: records were fingerprinted under \(fingerprintKeys.count) keys (\(fingerprintKeys.joined(separator: ", "))): repeats across them are not seen; share one HEDGEROW_FINGERPRINT_KEY\n"
        }
        out += "  repeat fingerprints: \(repeatFingerprints.isEmpty ? "none" : "")\n"
        for (fp, ids) in repeatFingerprints.sorted(by: { $0.key < $1.key }) { out += "    \(fp): \(ids.joined(separator: ", "))\n" }
        return out
    }
}
