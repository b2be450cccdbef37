import Foundation
import HedgerowCore
import HedgerowReport

/// The library entry point behind `hedgerow report DIR`: figures across a directory of
/// records, optionally for one period, with the near-miss log's prevented cases beside them.
public enum ReportJob {
    public struct Period: Sendable {
        public var since: Date?
        public var until: Date?
        public var sinceText: String?
        public var untilText: String?
        public init(since: String? = nil, until: String? = nil) throws {
            sinceText = since; untilText = until
            self.since = try since.map { try Self.date($0, endOfDay: false) }
            self.until = try until.map { try Self.date($0, endOfDay: true) }
        }
        func contains(_ date: Date?) -> Bool {
            guard let date else { return since == nil && until == nil }
            return (since.map { date >= $0 } ?? true) && (until.map { date < $0 } ?? true)
        }
        /// `YYYY-MM-DD` (a whole day, UTC) or a full ISO 8601 time.
        static func date(_ text: String, endOfDay: Bool) throws -> Date {
            if let d = ISO8601DateFormatter().date(from: text) { return d }
            let day = ISO8601DateFormatter()
            day.formatOptions = [.withFullDate]
            guard let d = day.date(from: text) else { throw PeriodError(text: text) }
            return endOfDay ? d.addingTimeInterval(86400) : d
        }
    }
    struct PeriodError: Error, CustomStringConvertible {
        var text: String
        var description: String { "'\(text)' is not a date: use YYYY-MM-DD or an ISO 8601 time" }
    }

    public static func run(directory: String, json: Bool, period: Period? = nil, nearMissLog: String? = nil) -> RunResult {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
            return RunResult(output: "", diagnostics: ["error: cannot read \(directory)"], exitCode: ExitStatus.error)
        }
        let iso = ISO8601DateFormatter()
        var records: [IncidentRecord] = []
        var errors: [String] = []
        for name in names.sorted() where name.hasPrefix("AIENG-") && name.hasSuffix(".json") {
            let path = directory + "/" + name
            do { records.append(try IncidentRecord.decode(Data(contentsOf: URL(fileURLWithPath: path)))) }
            catch { errors.append("error: \(path): not an incident record: \(DecodingProblem.describe(error))") }
        }
        if let period { records = records.filter { period.contains(iso.date(from: $0.detectedAt)) } }
        var nearMisses: RecordFigures.NearMissFigures?
        if let nearMissLog {
            do { nearMisses = try NearMissLog.figures(path: nearMissLog, period: period) }
            catch { errors.append("error: \(nearMissLog): \(error)") }
        }
        let figures = RecordFigures(records, since: period?.sinceText, until: period?.untilText, nearMisses: nearMisses)
        var output = figures.text()
        if json {
            output = figures.jsonDocument(toolVersion: hedgerowVersion)
        }
        return RunResult(output: output, diagnostics: errors, exitCode: errors.isEmpty ? ExitStatus.clean : ExitStatus.error)
    }
}

/// Reads the near-miss log (`--log-near-miss`, one JSON line per prevented commit or
/// paste) into the monthly figures; lines that are not near misses are counted as errors.
enum NearMissLog {
    static func figures(path: String, period: ReportJob.Period?) throws -> RecordFigures.NearMissFigures {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let iso = ISO8601DateFormatter()
        var figures = RecordFigures.NearMissFigures()
        for (number, line) in text.split(separator: "\n").enumerated() where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  object["type"] as? String == "near-miss" else {
                throw LogError(description: "line \(number + 1) is not a near-miss entry")
            }
            if let period, !period.contains((object["time"] as? String).flatMap(iso.date(from:))) { continue }
            figures.count += 1
            figures.byPrevented[object["prevented"] as? String ?? "unknown", default: 0] += 1
            figures.credentials += object["credentials"] as? Int ?? 0
            for (category, count) in object["categories"] as? [String: Int] ?? [:] { figures.byDataCategory[category, default: 0] += count }
        }
        return figures
    }
}

struct LogError: Error, CustomStringConvertible { var description: String }
