/// The first message sent about an incident, filled in from the record so the person
/// on call edits it rather than writing it under pressure.
enum NotificationText {
    static func initial(for r: IncidentRecord) -> String {
        let kind = r.category == "CL" ? "credential leak" : "data exposure"
        let whatData = r.category == "CL"
            ? "one credential (\(r.data.maskedSamples.first ?? "masked")) issued by \(r.provider ?? "an unknown provider")"
            : r.data.distinctValues.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
                + (r.data.dataSubjectsEstimate.map { ", about \($0) data subject\($0 == 1 ? "" : "s")" } ?? "")
        let first = r.containment.first?.action ?? ""
        return """
        Subject: [\(r.id.isEmpty ? "AIENG-YYYY-NNNN" : r.id)] \(r.severity.rawValue) \(kind) (Draft): \(r.title)

        At \(r.detectedAt), hedgerow detected a \(kind) in \(r.source.name)\(r.source.branch.map { " (\($0))" } ?? ""). \
        It holds \(whatData). \(r.occurredAt.map { "It was first committed at \($0)." } ?? "When it first left the machine is not known.")

        Severity \(r.severity.rawValue) (\(r.severityReason)); response within \(r.responseTime).
        Containment has started with: \(first.prefix(1).lowercased() + first.dropFirst()).
        No values are included in this message. Next update within \(r.responseTime).
        """
    }
}
