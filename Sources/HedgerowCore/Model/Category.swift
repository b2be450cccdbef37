/// The category vocabulary shared by JSON, SARIF and incident records: the fixed
/// built-in names below, plus any a custom rule file declares (a department's case
/// reference numbers, staff IDs) under `categories:` with their class. A struct rather
/// than an enum so a declared name travels through every output unchanged; the built-in
/// names are the only ones `init?(rawValue:)` accepts, so configuration and inline allows
/// still reject a misspelt built-in. Raw values are the wire names; never rename one.
public struct Category: RawRepresentable, Hashable, Codable, Sendable, Comparable {
    public let rawValue: String

    /// A built-in category, or nil.
    public init?(rawValue: String) {
        guard Self.builtInNames.contains(rawValue) else { return nil }
        self.rawValue = rawValue
    }

    /// A category a rule file declared; the loader checks the name.
    public init(declared name: String) { rawValue = name }

    /// Any name read back from hedgerow's own output (records, audit state), built-in or declared.
    public init(from decoder: Decoder) throws { rawValue = try decoder.singleValueContainer().decode(String.self) }
    public func encode(to encoder: Encoder) throws { var c = encoder.singleValueContainer(); try c.encode(rawValue) }

    private init(builtIn name: String) { rawValue = name }

    public static let email = Category(builtIn: "email")
    public static let phone = Category(builtIn: "phone")
    public static let ip = Category(builtIn: "ip")
    public static let postcode = Category(builtIn: "postcode")
    public static let connectionString = Category(builtIn: "connection_string")
    public static let apiKey = Category(builtIn: "api_key")
    public static let privateKey = Category(builtIn: "private_key")
    public static let password = Category(builtIn: "password")
    public static let nhsNumber = Category(builtIn: "nhs_number")
    public static let niNumber = Category(builtIn: "ni_number")
    public static let cardNumber = Category(builtIn: "card_number")
    public static let bankAccount = Category(builtIn: "bank_account")
    public static let dateOfBirth = Category(builtIn: "date_of_birth")
    public static let protectiveMarking = Category(builtIn: "protective_marking")
    /// A person's name in free text, a transcript, a form field or a data file.
    public static let name = Category(builtIn: "name")
    /// A street address line (house number or name, street, street type).
    public static let address = Category(builtIn: "address")
    /// Health data tied to a person: special category data under UK GDPR article 9.
    public static let health = Category(builtIn: "health")

    /// The built-in categories, in declaration order.
    public static let allCases: [Category] = [
        .email, .phone, .ip, .postcode, .connectionString, .apiKey, .privateKey, .password, .nhsNumber, .niNumber,
        .cardNumber, .bankAccount, .dateOfBirth, .protectiveMarking, .name, .address, .health,
    ]
    private static let builtInNames: Set<String> = [
        "email", "phone", "ip", "postcode", "connection_string", "api_key", "private_key", "password", "nhs_number",
        "ni_number", "card_number", "bank_account", "date_of_birth", "protective_marking", "name", "address", "health",
    ]

    /// Whether this is one of the fixed names (not declared by a rule file).
    public var isBuiltIn: Bool { Self.builtInNames.contains(rawValue) }

    /// Special category data (UK GDPR article 9): records say so, and it weighs more in severity.
    public var isSpecialCategory: Bool { self == .health }

    public static func < (lhs: Category, rhs: Category) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Built-in credentials lead to CL incidents; for declared categories the rule's class decides.
    public var isCredential: Bool { [.connectionString, .apiKey, .privateKey, .password].contains(self) }
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
