import Foundation

/// The one contract every JSON document and JSON line hedgerow writes follows, so a
/// consumer learns one dialect: snake_case keys, the same name for the same concept in
/// every command, and an envelope (`tool`, `schema_version`) that says which contract a
/// file was written under. Documented field by field in docs/OUTPUT.md; each document's
/// JSON Schema is under docs/schemas/.
public enum OutputContract {
    /// Raised when a field is renamed, removed or changes meaning; adding an optional
    /// field does not raise it.
    public static let schemaVersion = 1

    /// The envelope's fields, as a JSON object.
    public static func envelope(toolVersion: String) -> [String: Any] {
        ["tool": ["name": "hedgerow", "version": toolVersion], "schema_version": schemaVersion]
    }

    /// A whole document: the payload's fields with the envelope's beside them.
    public static func document(_ payload: [String: Any], toolVersion: String) -> String {
        JSONText.pretty(payload.merging(envelope(toolVersion: toolVersion)) { _, envelope in envelope })
    }

    /// One JSON line: `type`, first, says what the line holds; the other keys sorted.
    public static func line(type: String, _ payload: [String: Any]) -> String {
        var object = payload
        object["type"] = nil
        return typed(type, JSONText.line(object))
    }

    /// Puts `"type"` first in an encoded object: `{"type":"finding",...}`.
    static func typed(_ type: String, _ body: String) -> String {
        let rest = body.dropFirst()
        return "{\"type\":\"\(type)\"" + (rest == "}" ? "}" : "," + rest) + "\n"
    }

    /// The first line of a JSON Lines stream: the envelope, so a consumer knows the
    /// contract before the first finding arrives.
    public static func runLine(toolVersion: String) -> String {
        line(type: "run", envelope(toolVersion: toolVersion))
    }

    /// An `Encodable` value as a JSON object, to be merged into a document or a line.
    public static func object<T: Encodable>(_ value: T) -> [String: Any] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(value),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return [:] }
        return object
    }

    // MARK: - Reading what earlier versions wrote

    /// Keys written before schema version 1, and their names now. Old audit state
    /// directories and incident records are read through this table, so nothing a user
    /// saved is lost; scripts/check-output-contract.py uses the same table (from
    /// docs/schemas/renames.json) to show that the renames changed nothing else.
    public static let legacyRenames: [String: String] = [
        "ruleName": "rule_name", "dataClass": "class", "firstCommit": "commit", "firstDate": "date",
        "firstAuthor": "author", "firstPath": "path", "firstLine": "line", "presentAtHead": "present_at_head",
        "addedLines": "added_lines", "bytesScanned": "bytes_scanned", "sharedValues": "shared_values",
        "distinctFindings": "distinct_findings", "responseTime": "response_time", "severityReason": "severity_reason",
        "whatHappened": "what_happened", "occurredAt": "occurred_at", "detectedAt": "detected_at",
        "hoursToDetect": "hours_to_detect", "icoNotification": "ico_notification",
        "initialNotification": "initial_notification", "distinctValues": "distinct_values",
        "dataSubjectsEstimate": "data_subjects_estimate", "maskedSamples": "masked_samples",
        "bySeverity": "by_severity", "byCategory": "by_category", "byDataCategory": "by_data_category",
        "meanHoursToDetect": "mean_hours_to_detect", "repeatFingerprints": "repeat_fingerprints",
    ]

    /// Fields whose value is a map keyed by data (fingerprints, rule IDs, repository
    /// names): their keys are never renamed.
    static let mapFields: Set<String> = [
        "shared_values", "suppressed", "occurrences", "distinct_values", "by_severity", "by_category",
        "by_data_category", "repeat_fingerprints", "files_skipped", "findings_by_category", "match_limit_hits",
    ]

    /// A document written before schema version 1 (it has no `schema_version`), with its
    /// keys renamed to today's names; a current document unchanged.
    public static func upgradingLegacyKeys(_ data: Data) -> Data {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              object["schema_version"] == nil,
              let upgraded = try? JSONSerialization.data(withJSONObject: renamed(object)) else { return data }
        return upgraded
    }

    static func renamed(_ value: Any) -> Any {
        if let array = value as? [Any] { return array.map(renamed) }
        guard let object = value as? [String: Any] else { return value }
        var out: [String: Any] = [:]
        for (key, inner) in object {
            let name = legacyRenames[key] ?? key
            out[name] = mapFields.contains(name) ? inner : renamed(inner)
        }
        return out
    }
}

/// Stable JSON text: sorted keys so golden files and diffs do not churn.
enum JSONText {
    static func pretty(_ object: Any) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    static func line(_ object: Any) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
