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

    enum CodingKeys: String, CodingKey {
        case records, ids
        case bySeverity = "by_severity", byCategory = "by_category", byDataCategory = "by_data_category"
        case meanHoursToDetect = "mean_hours_to_detect", repeatFingerprints = "repeat_fingerprints"
    }

    public func jsonDocument(toolVersion: String) -> String {
        OutputContract.document(OutputContract.object(self), toolVersion: toolVersion)
    }

    public init(_ list: [IncidentRecord]) {
        records = list.count
        bySeverity = [:]; byCategory = [:]; byDataCategory = [:]
        var seen: [String: [String]] = [:]
        var hours: [Double] = []
        for r in list {
            bySeverity[r.severity.rawValue, default: 0] += 1
            byCategory[r.category, default: 0] += 1
            for (category, count) in r.data.occurrences { byDataCategory[category, default: 0] += count }
            if let h = r.hoursToDetect { hours.append(h) }
            for fp in Set(r.data.fingerprints) { seen[fp, default: []].append(r.id) }
        }
        meanHoursToDetect = hours.isEmpty ? nil : (hours.reduce(0, +) / Double(hours.count) * 10).rounded() / 10
        repeatFingerprints = seen.filter { $0.value.count > 1 }.mapValues { $0.sorted() }
        ids = list.map(\.id).sorted()
    }

    public func text() -> String {
        func line(_ d: [String: Int]) -> String { d.isEmpty ? "none" : d.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ") }
        var out = "hedgerow report: \(records) record\(records == 1 ? "" : "s")\n"
        out += "  by severity: \(line(bySeverity))\n"
        out += "  by category: \(line(byCategory))\n"
        out += "  by data category (occurrences): \(line(byDataCategory))\n"
        out += "  mean time to detect: \(meanHoursToDetect.map { "\($0) hours" } ?? "unknown (no record has a commit date)")\n"
        out += "  repeat fingerprints: \(repeatFingerprints.isEmpty ? "none" : "")\n"
        for (fp, ids) in repeatFingerprints.sorted(by: { $0.key < $1.key }) { out += "    \(fp): \(ids.joined(separator: ", "))\n" }
        return out
    }
}
