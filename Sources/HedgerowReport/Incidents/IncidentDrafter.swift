import Foundation
import HedgerowCore

/// Turns the findings of an exposure (pushed history, a CI run, an audit, content already
/// shared) into draft records: one CL record per distinct credential, since each needs its
/// own rotation, and one DE record per source, counting distinct values and data subjects.
public struct IncidentDrafter {
    public var policy: SeverityPolicy
    public var source: IncidentRecord.Source
    public var detectedAt: Date

    /// The rules' own provider names and revocation pages, by rule id: a CL record's
    /// containment steps say whom to call and where to revoke.
    public var rules: [String: RuleInfo]

    /// When each record key was first detected, from the register: a rerun drafts with the
    /// first detection time so every deadline (the ICO's 72 hours) stays where it was.
    public var firstDetected: [String: Date] = [:]

    /// Fingerprints of values that HEAD no longer holds; with `headKnown`, every other value
    /// is still at HEAD. A record says which, so triage knows whether the tree still leaks.
    public var goneFromHead: Set<String> = []
    public var headKnown = false
    /// The branches holding each commit, and the repository's visibility, from the job.
    public var branchesByCommit: [String: [String]] = [:]
    public var visibility: String?
    /// The fingerprint key's identity, stored in the record so `report` can tell when
    /// records' fingerprints cannot be compared.
    public var keyIdentity: String?

    public init(policy: SeverityPolicy, source: IncidentRecord.Source, detectedAt: Date, rules: [RuleInfo] = []) {
        self.policy = policy; self.source = source; self.detectedAt = detectedAt
        self.rules = Dictionary(rules.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Drafts without IDs (the register assigns them), CL records first.
    public func draft(_ findings: [Finding]) -> [IncidentRecord] {
        // A project's published credits are not an exposure: never drafted into a DE record.
        let drafted = findings.filter { $0.context != .attribution }
        let secrets = drafted.filter { $0.dataClass == .secret }
        let personal = drafted.filter { $0.dataClass != .secret }
        var records = CredentialPairs.group(secrets).map { credentialRecord($0) }
        if !personal.isEmpty { records.append(exposureRecord(personal)) }
        return records
    }

    // MARK: - CL

    /// The key of a credential's record: its fingerprint alone (not the repository), so the
    /// same credential in several repositories is one record; for a pair, the smallest of
    /// its fingerprints, which does not depend on which half was found first.
    static func credentialKey(_ group: [Finding]) -> String { "CL:" + group.map(\.fingerprint).min()! }

    func credentialRecord(_ group: [Finding]) -> IncidentRecord {
        let first = group[0]
        let key = Self.credentialKey(group)
        let halves = Set(group.map(\.ruleID)).count
        let (severity, reason) = policy.credentialSeverity(group)
        let info = rules[first.ruleID]
        let provider = info.map(\.provider).flatMap { $0.isEmpty ? nil : $0 } ?? ProviderNames.provider(forRule: first.ruleID)
        let revokeWhere = info.map(\.revoke).flatMap { $0.isEmpty ? nil : $0 }
        let paths = orderedUnique(group.map(\.origin.path))
        let occurred = earliestDate(group)
        let steps = Containment.credentialLeak(
            provider: provider, revokeAt: revokeWhere, usedSince: occurred, fingerprint: first.fingerprint,
            sharedOutsideRepository: source.kind != "repository", committedPaths: source.kind == "repository" ? paths : []
        ).map(IncidentRecord.Step.init(playbook:))
        let verb = source.kind == "repository" ? "committed to" : "shared in"
        let title = "\(first.ruleName) \(verb) \(source.name)"
        let ruleNames = orderedUnique(group.map(\.ruleName)).joined(separator: " + ")
        let maskedValues = orderedUnique(group.map(\.masked)).joined(separator: ", ")
        let named = halves > 1 ? "credential pair (\(ruleNames); \(maskedValues))" : "\(first.ruleName.lowercased()) (\(first.masked))"
        let what = "A \(named) was \(verb) \(source.name)\(source.branch.map { " (\($0))" } ?? "") in \(group.count) place\(group.count == 1 ? "" : "s"): \(locationsPhrase(group)). Anyone who can read it can use it until it is revoked."
        return record(category: "CL", key: key, severity: severity, reason: reason, title: title,
                      what: what, group: group, occurred: occurred, provider: provider, steps: steps, ico: nil)
    }

    // MARK: - DE

    func exposureRecord(_ group: [Finding]) -> IncidentRecord {
        var distinct: [Category: Set<String>] = [:]
        for f in group { distinct[f.category, default: []].insert(f.fingerprint) }
        let distinctCounts = distinct.mapValues(\.count)
        let (severity, reason) = policy.exposureSeverity(distinctByCategory: distinctCounts)
        let subjects = Self.subjectCategories.compactMap { distinctCounts[$0] }.max()
        let occurred = earliestDate(group)
        let key = "DE:\(source.name)"
        let deadline = ISO8601DateFormatter().string(from: detection(key).addingTimeInterval(72 * 3600))
        let steps = Containment.dataExposure(subjectsEstimate: subjects, icoDeadline: deadline).map(IncidentRecord.Step.init(playbook:))
        let categories = distinctCounts.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key.rawValue)" }.joined(separator: ", ")
        let title = "Personal data in \(source.name)"
        let what = "Personal data was found in \(source.name)\(source.branch.map { " (\($0))" } ?? ""): \(categories) distinct value(s) in \(group.count) occurrence\(group.count == 1 ? "" : "s"), at \(locationsPhrase(group))."
        let personal = distinctCounts.keys.contains { $0 != .protectiveMarking }
        let ico = Containment.icoQuestion(personalData: personal, deadline: deadline)
        return record(category: "DE", key: key, severity: severity, reason: reason, title: title, what: what,
                      group: group, occurred: occurred, provider: nil, steps: steps, ico: ico, distinct: distinctCounts, subjects: subjects)
    }

    /// Kinds of value that stand for one person each, for the data-subject estimate.
    static let subjectCategories: [Category] = [.email, .phone, .nhsNumber, .niNumber, .cardNumber, .bankAccount, .dateOfBirth]

    // MARK: - Shared

    private func record(category: String, key: String, severity: Severity, reason: String, title: String, what: String,
                        group: [Finding], occurred: String?, provider: String?, steps: [IncidentRecord.Step], ico: String?,
                        distinct: [Category: Int]? = nil, subjects: Int? = nil) -> IncidentRecord {
        let detectedAt = detection(key)
        let detected = ISO8601DateFormatter().string(from: detectedAt)
        var occurrences: [String: Int] = [:]
        for f in group { occurrences[f.category.rawValue, default: 0] += 1 }
        let distinctValues = distinct.map { Dictionary(uniqueKeysWithValues: $0.map { ($0.key.rawValue, $0.value) }) }
            ?? [group[0].category.rawValue: 1]
        var hours: Double?
        if let occurred, let date = ISO8601DateFormatter().date(from: occurred) {
            hours = (detectedAt.timeIntervalSince(date) / 3600 * 10).rounded() / 10
        }
        let locations = group.map {
            IncidentRecord.Location(path: $0.origin.path, line: $0.start.line, commit: $0.origin.commit, date: $0.origin.date,
                                    author: $0.origin.author, rule: $0.ruleID, repository: source.name,
                                    branches: $0.origin.commit.flatMap { branchesByCommit[$0] })
        }
        let data = IncidentRecord.DataSummary(
            occurrences: occurrences, distinctValues: distinctValues, dataSubjectsEstimate: subjects,
            maskedSamples: Array(orderedUnique(group.map(\.masked)).prefix(5)), fingerprints: orderedUnique(group.map(\.fingerprint))
        )
        var draft = IncidentRecord(
            id: "", key: key, category: category, status: "Draft", severity: severity, responseTime: severity.responseTime,
            severityReason: reason, title: title, whatHappened: what, occurredAt: occurred, detectedAt: detected,
            hoursToDetect: hours, source: source, locations: locations, data: data, provider: provider,
            containment: steps, notify: severity.notify, icoNotification: ico, initialNotification: ""
        )
        draft.sources = [source]
        draft.timeline = [.init(at: detected, event: "first detected in \(source.name): \(group.count) occurrence\(group.count == 1 ? "" : "s")")]
        if source.kind == "repository" { draft.visibility = visibility ?? "unknown" }
        draft.fingerprintKey = keyIdentity
        let fingerprints = Set(group.map(\.fingerprint))
        if source.kind == "repository", headKnown || group.contains(where: { $0.origin.commit != nil }) {
            draft.stillAtHead = !fingerprints.isSubset(of: goneFromHead)
        }
        draft.lastSeenAt = ISO8601DateFormatter().string(from: self.detectedAt)
        draft.initialNotification = NotificationText.initial(for: draft)
        return draft
    }

    /// The first detection of the record with this key: the register's, else this run's.
    func detection(_ key: String) -> Date { firstDetected[key].map { min($0, detectedAt) } ?? detectedAt }

    private func earliestDate(_ group: [Finding]) -> String? {
        let formatter = ISO8601DateFormatter()
        return group.compactMap(\.origin.date).min { (formatter.date(from: $0) ?? .distantFuture) < (formatter.date(from: $1) ?? .distantFuture) }
    }

    private func locationsPhrase(_ group: [Finding]) -> String {
        let shown = group.prefix(3).map { "\($0.origin.path):\($0.start.line)" + ($0.origin.commit.map { " (commit \($0.prefix(12)))" } ?? "") }
        return shown.joined(separator: ", ") + (group.count > 3 ? " and \(group.count - 3) more" : "")
    }

    private func orderedUnique(_ items: [String]) -> [String] {
        var seen = Set<String>()
        return items.filter { seen.insert($0).inserted }
    }

}
