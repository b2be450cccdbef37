import HedgerowCore

/// The playbook's severities, each with the time within which the response must start.
public enum Severity: String, Codable, Sendable, Comparable, CaseIterable {
    case p1 = "P1", p2 = "P2", p3 = "P3", p4 = "P4"

    public var responseTime: String {
        switch self {
        case .p1: return "1 hour"
        case .p2: return "4 hours"
        case .p3: return "24 hours"
        case .p4: return "72 hours"
        }
    }

    /// Who is told at this severity, in order.
    public var notify: [String] {
        switch self {
        case .p1: return ["Security lead (immediately, by phone)", "SIRO / CISO", "Service owner", "Data Protection Officer if personal data is involved"]
        case .p2: return ["Security lead", "Data Protection Officer", "Service owner"]
        case .p3: return ["Team lead", "Data Protection Officer (for the record)"]
        case .p4: return ["Team lead, in the monthly near-miss figures"]
        }
    }

    public static func < (a: Severity, b: Severity) -> Bool { a.rawValue > b.rawValue }
}

/// When findings become which severity. The defaults follow the playbook; teams change
/// the thresholds in configuration. Personal-data categories that identify a person in a
/// health, tax or financial record count as sensitive and reach P2 sooner.
public struct SeverityPolicy: Sendable, Equatable {
    /// Distinct personal-data values at or above which a DE exposure is "bulk" (P2).
    public var bulkThreshold = 10
    /// Distinct sensitive identifiers (NHS, NI, card, bank, date of birth) at or above which a DE exposure is P2.
    public var sensitiveThreshold = 3

    public init() {}

    public static let sensitive: Set<Category> = [.nhsNumber, .niNumber, .cardNumber, .bankAccount, .dateOfBirth]

    /// One finding on its own, for per-finding reports (SARIF level, Markdown table).
    public func severity(of f: Finding) -> Severity {
        if f.confidence == .low { return .p4 }
        if f.dataClass == .secret { return f.confidence == .high ? .p1 : .p2 }
        return .p3
    }

    /// A credential leak: a value in a credential's format in shared history is treated as a
    /// compromise. The wording says only what was checked (the format and the rule's
    /// validator), never that the credential works: no provider is asked.
    public func credentialSeverity(_ findings: [Finding]) -> (Severity, String) {
        if findings.contains(where: { $0.confidence == .high }) {
            return (.p1, "format matched; not verified with the provider: a value in a credential's format (checked by its validator) has left the machine: treat it as compromised")
        }
        return (.p2, "a value that looks like a credential has left the machine; its format could not be confirmed and it was not verified with the provider")
    }

    /// A data exposure, from the distinct values it holds.
    public func exposureSeverity(distinctByCategory: [Category: Int]) -> (Severity, String) {
        let personal = distinctByCategory.filter { $0.key != .protectiveMarking }.values.reduce(0, +)
        let sensitive = distinctByCategory.filter { Self.sensitive.contains($0.key) }.values.reduce(0, +)
        if personal >= bulkThreshold {
            return (.p2, "bulk personal data: \(personal) distinct values (threshold \(bulkThreshold))")
        }
        if sensitive >= sensitiveThreshold {
            return (.p2, "\(sensitive) distinct health, tax or financial identifiers (threshold \(sensitiveThreshold))")
        }
        if personal == 0 {
            return (.p3, "protectively marked material, no personal values")
        }
        return (.p3, "personal data below the bulk thresholds: \(personal) distinct value\(personal == 1 ? "" : "s")")
    }
}
