/// A rerun of an existing record: what the register already knows is kept (the first
/// detection, the initial notification, every location and repository ever seen) and what
/// changed is added to the timeline, so nothing a security lead relied on moves or vanishes.
public enum RecordHistory {
    /// `old` as filed, `fresh` as drafted by this run (with the same key), `now` this run's time.
    public static func merge(old: IncidentRecord, fresh: IncidentRecord, now: String) -> IncidentRecord {
        var r = fresh
        r.id = old.id
        r.status = old.status
        r.owner = old.owner
        r.detectedAt = old.detectedAt
        r.hoursToDetect = old.hoursToDetect.map { h in fresh.hoursToDetect.map { max(h, $0) } ?? h } ?? fresh.hoursToDetect
        r.occurredAt = [old.occurredAt, fresh.occurredAt].compactMap { $0 }.min()
        r.initialNotification = old.initialNotification
        r.lastSeenAt = now
        if old.severity > fresh.severity {
            r.severity = old.severity; r.severityReason = old.severityReason; r.responseTime = old.responseTime; r.notify = old.notify
        }

        var sources = old.sources ?? [old.source]
        var timeline = old.timeline ?? [IncidentRecord.TimelineEntry(at: old.detectedAt, event: "first detected in \(old.source.name): \(old.locations.count) occurrence\(old.locations.count == 1 ? "" : "s")")]
        for s in fresh.sources ?? [fresh.source] where !sources.contains(where: { $0.name == s.name }) {
            sources.append(s)
            timeline.append(.init(at: now, event: "also found in \(s.kind) \(s.name)"))
        }
        r.sources = sources
        r.source = sources[0]

        func same(_ a: IncidentRecord.Location, _ b: IncidentRecord.Location) -> Bool {
            a.path == b.path && a.line == b.line && a.commit == b.commit && a.rule == b.rule
                && (a.repository ?? old.source.name) == (b.repository ?? old.source.name)
        }
        var locations = old.locations.map { l -> IncidentRecord.Location in var l = l; l.repository = l.repository ?? old.source.name; return l }
        for l in fresh.locations where !locations.contains(where: { same($0, l) }) {
            locations.append(l)
            timeline.append(.init(at: now, event: "new occurrence: \(where_(l))"))
        }
        // Only this run's repository can say a location is gone; others were not looked at.
        let scanned = Set((fresh.sources ?? [fresh.source]).map(\.name))
        for l in old.locations where scanned.contains(l.repository ?? old.source.name) && !fresh.locations.contains(where: { same($0, l) }) {
            let event = "no longer found by a run at \(where_(l)) (kept in this record)"
            if !timeline.contains(where: { $0.event == event }) { timeline.append(.init(at: now, event: event)) }
        }
        r.locations = locations
        if old.stillAtHead == true, fresh.stillAtHead == false {
            timeline.append(.init(at: now, event: "no longer at HEAD (deleted in a later commit; still in history)"))
        }
        r.timeline = timeline

        var data = fresh.data
        data.fingerprints = unique(old.data.fingerprints + fresh.data.fingerprints)
        data.maskedSamples = Array(unique(old.data.maskedSamples + fresh.data.maskedSamples).prefix(5))
        if r.category == "CL" {
            for category in Set(old.data.occurrences.keys).union(fresh.data.occurrences.keys) {
                data.occurrences[category] = locations.count
            }
            if sources.count > 1 {
                r.whatHappened = fresh.whatHappened + " The same credential is in \(sources.count) places: " + sources.map(\.name).joined(separator: ", ") + "."
            }
        }
        r.data = data
        let known = Set(fresh.containment.map(\.action))
        r.containment = fresh.containment + old.containment.filter { !known.contains($0.action) }
        return r
    }

    private static func where_(_ l: IncidentRecord.Location) -> String {
        "\(l.repository.map { "\($0) " } ?? "")\(l.path):\(l.line)" + (l.commit.map { " (commit \($0.prefix(12)))" } ?? "")
    }

    private static func unique(_ items: [String]) -> [String] {
        var seen = Set<String>()
        return items.filter { seen.insert($0).inserted }
    }
}
