/// The fixed category vocabulary shared by JSON, SARIF and incident records.
/// Raw values are the wire names; never rename one, tooling keys on them.
public enum Category: String, CaseIterable, Codable, Sendable, Comparable {
    case email
    case phone
    case ip
    case postcode
    case connectionString = "connection_string"
    case apiKey = "api_key"
    case privateKey = "private_key"
    case password
    case nhsNumber = "nhs_number"
    case niNumber = "ni_number"
    case cardNumber = "card_number"
    case bankAccount = "bank_account"
    case dateOfBirth = "date_of_birth"
    case protectiveMarking = "protective_marking"
    /// A person's name in free text, a transcript, a form field or a data file.
    case name
    /// A street address line (house number or name, street, street type).
    case address
    /// Health data tied to a person: special category data under UK GDPR article 9.
    case health

    /// Special category data (UK GDPR article 9): records say so, and it weighs more in severity.
    public var isSpecialCategory: Bool { self == .health }

    public static func < (lhs: Category, rhs: Category) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Credentials lead to CL incidents, everything else to DE.
    public var isCredential: Bool {
        switch self {
        case .connectionString, .apiKey, .privateKey, .password: return true
        default: return false
        }
    }
}

/// Whether a rule finds personal data (DE incidents) or secrets (CL incidents).
public enum DataClass: String, Codable, Sendable {
    case personalData = "personal-data"
    case secret
}

/// How sure hedgerow is that a finding is real. Ordered: low < medium < high.
public enum Confidence: String, CaseIterable, Codable, Sendable, Comparable {
    case low, medium, high

    private var rank: Int {
        switch self {
        case .low: return 0
        case .medium: return 1
        case .high: return 2
        }
    }

    public static func < (lhs: Confidence, rhs: Confidence) -> Bool { lhs.rank < rhs.rank }
}
