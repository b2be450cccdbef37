import Foundation
import HedgerowCore

/// A draft incident record in the AI Engineering Lab playbook's shape. Written as JSON
/// (for tooling and `hedgerow report`) and Markdown (for people); never holds a raw value.
public struct IncidentRecord: Codable, Sendable, Equatable {
    /// `AIENG-YYYY-NNNN`, given by the register in the incident directory.
    public var id: String
    /// What makes two drafts the same incident: the same credential (CL) or the same
    /// source (DE). A rerun updates the draft with that key instead of opening another.
    public var key: String
    /// `DE` (data exposure) or `CL` (credential leak).
    public var category: String
    public var status: String
    public var severity: Severity
    public var responseTime: String
    public var severityReason: String
    public var title: String
    public var whatHappened: String
    /// When the data left: the earliest commit date that holds it; nil when not from history.
    public var occurredAt: String?
    public var detectedAt: String
    /// Hours from occurrence to detection, for mean time to detect.
    public var hoursToDetect: Double?
    public var source: Source
    public var locations: [Location]
    public var data: DataSummary
    /// The service that issued the credential (CL).
    public var provider: String?
    public var containment: [Step]
    public var notify: [String]
    /// The ICO question for DE records: whether it arises and by when it must be decided.
    public var icoNotification: String?
    public var initialNotification: String
    /// Who works the incident: read back from the record's Markdown, where a person sets it.
    public var owner: String?
    /// Every repository or input that holds the value, the first one first: one credential
    /// is one record however many repositories hold it.
    public var sources: [Source]?
    /// When the latest run saw it; `detected_at` stays at the first detection.
    public var lastSeenAt: String?
    /// What each run added or no longer found, oldest first; entries are never removed.
    public var timeline: [TimelineEntry]?
    /// Whether HEAD still holds any of the values (git history runs); false means deleted
    /// in a later commit but still in history: rewrite the branch and rotate.
    public var stillAtHead: Bool?
    /// `public`, `private`, `internal` when configured, else `unknown` (the record asks to confirm it).
    public var visibility: String?
    /// The identity of the key its fingerprints were made under (never the key).
    public var fingerprintKey: String?

    enum CodingKeys: String, CodingKey {
        case id, key, category, status, severity, title, source, locations, data, provider, containment, notify, owner, sources, timeline
        case lastSeenAt = "last_seen_at", stillAtHead = "still_at_head", visibility, fingerprintKey = "fingerprint_key"
        case responseTime = "response_time", severityReason = "severity_reason", whatHappened = "what_happened"
        case occurredAt = "occurred_at", detectedAt = "detected_at", hoursToDetect = "hours_to_detect"
        case icoNotification = "ico_notification", initialNotification = "initial_notification"
    }

    /// A record file of this or an earlier version.
    public static func decode(_ data: Data) throws -> IncidentRecord {
        try JSONDecoder().decode(IncidentRecord.self, from: OutputContract.upgradingLegacyKeys(data))
    }

    /// The record's JSON file.
    public func jsonDocument(toolVersion: String) -> String {
        OutputContract.document(OutputContract.object(self), toolVersion: toolVersion)
    }

    public struct Source: Codable, Sendable, Equatable {
        /// "repository" or "input".
        public var kind: String
        public var name: String
        /// The branch or range scanned, when from git.
        public var branch: String?
        public init(kind: String, name: String, branch: String? = nil) { self.kind = kind; self.name = name; self.branch = branch }
    }

    public struct Location: Codable, Sendable, Equatable {
        public var path: String
        public var line: Int
        public var commit: String?
        public var date: String?
        public var author: String?
        public var rule: String
        /// The repository or input, when the record spans more than one.
        public var repository: String?
        /// The branches (local and remote-tracking) that hold the commit, when asked.
        public var branches: [String]?
    }

    public struct DataSummary: Codable, Sendable, Equatable {
        /// Occurrences by category.
        public var occurrences: [String: Int]
        /// Distinct values by category.
        public var distinctValues: [String: Int]
        /// The largest number of distinct person-level identifiers of one kind (DE).
        public var dataSubjectsEstimate: Int?
        public var maskedSamples: [String]
        public var fingerprints: [String]

        enum CodingKeys: String, CodingKey {
            case occurrences, fingerprints
            case distinctValues = "distinct_values", dataSubjectsEstimate = "data_subjects_estimate", maskedSamples = "masked_samples"
        }
    }

    public struct TimelineEntry: Codable, Sendable, Equatable {
        public var at: String
        public var event: String
        public init(at: String, event: String) { self.at = at; self.event = event }
    }

    public struct Step: Codable, Sendable, Equatable {
        public var action: String
        public var within: String
        public var done: Bool

        public init(action: String, within: String, done: Bool) {
            self.action = action; self.within = within; self.done = done
        }

        /// A playbook step as a record's unticked box.
        init(playbook step: Containment.Step) { self.init(action: step.action, within: step.within, done: false) }
    }
}
