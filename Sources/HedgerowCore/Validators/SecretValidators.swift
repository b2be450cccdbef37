import Foundation

/// AWS's own documentation keys, which appear in countless READMEs and tests.
let AWSExampleKeys: Set<String> = [
    "AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "AKIAI44QH8DHBEXAMPLE",
    "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY", "ASIAIOSFODNN7EXAMPLE",
]

/// Rejects values that are obviously stand-ins: template variables, environment
/// lookups, repeated characters and the words people type instead of a secret.
public struct PlaceholderValidator: Validator {
    static let words = [
        "your_", "your-", "yourkey", "changeme", "change_me", "change-me", "replace", "placeholder", "example",
        "dummy", "redacted", "xxxxx", "*****", "<", "${", "{{", "%s", "%(", "os.environ", "process.env",
        "getenv", "env(", "env[", "#{", "__", "secret_here", "insert", "todo", "fixme", "foobar", "password123!",
        "sample", "notreal", "not-a-real", "fake", "null", "undefined", "none", "true", "false", "$(",
        "...", "vault:", "secretref", "ssm:", "arn:aws", "keyvault", "@microsoft.keyvault",
    ]
    static let exact: Set<String> = ["password", "secret", "token", "passw0rd", "pass", "test", "testing", "admin", "string", "str", "value"]

    public init() {}

    public static func isPlaceholder(_ raw: String) -> Bool {
        let value = raw.lowercased()
        if value.isEmpty { return true }
        if exact.contains(value) { return true }
        if words.contains(where: { value.containsBytes($0) }) { return true }
        if value.hasPrefix("$") || value.hasPrefix("%") && value.hasSuffix("%") { return true }
        if Set(value).count <= 2 { return true }
        return false
    }

    public func validate(_ c: Candidate) -> Verdict {
        if Self.isPlaceholder(c.value) { return .reject("placeholder value") }
        if Self.isIdentifier(c.value) { return .reject("a name in code, not a secret") }
        return .accept
    }

    /// Letters joined by `_`, `.` or `-` with no digit or symbol: `private_key`,
    /// `self.password`, `parts.count`. Real generated secrets and passwords almost always
    /// carry a digit or symbol; a long mixed-case run of letters is still let through.
    public static func isIdentifier(_ value: String) -> Bool {
        guard value.allSatisfy({ ($0.isASCII && $0.isLetter) || $0 == "_" || $0 == "." || $0 == "-" || $0 == "/" || $0 == ":" }) else { return false }
        let mixedCase = value.contains(where: \.isUppercase) && value.contains(where: \.isLowercase)
        let separated = value.contains(where: { "_.-/:".contains($0) })
        return !(mixedCase && !separated && value.count >= 16)
    }
}

/// A floor on Shannon entropy per character, for generic `password = ...` style rules
/// where the pattern alone cannot tell a secret from a word.
public struct EntropyValidator: Validator {
    public let minimumBitsPerCharacter: Double
    public init(minimumBitsPerCharacter: Double) { self.minimumBitsPerCharacter = minimumBitsPerCharacter }

    public static func entropy(_ text: String) -> Double {
        var counts: [UInt8: Int] = [:]
        for byte in text.utf8 { counts[byte, default: 0] += 1 }
        let total = Double(text.utf8.count)
        guard total > 0 else { return 0 }
        return counts.values.reduce(0) { sum, n in
            let p = Double(n) / total
            return sum - p * log2(p)
        }
    }

    public func validate(_ c: Candidate) -> Verdict {
        let value = Self.entropy(c.value)
        return value >= minimumBitsPerCharacter ? .accept
            : .reject(String(format: "entropy %.2f below %.2f bits per character", value, minimumBitsPerCharacter))
    }
}

/// GitHub tokens end in a base62 CRC32 of the rest, so a random look-alike fails.
public struct GitHubTokenValidator: Validator {
    public init() {}
    static let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")

    public static func checksum(_ text: String) -> String {
        var value = CRC32.checksum(Array(text.utf8))
        var digits: [Character] = []
        for _ in 0..<6 {
            digits.append(alphabet[Int(value % 62)])
            value /= 62
        }
        return String(digits.reversed())
    }

    public func validate(_ c: Candidate) -> Verdict {
        let token = c.value
        guard let underscore = token.lastIndex(of: "_") else { return .accept }
        let body = token[token.index(after: underscore)...]
        // Fine-grained tokens (github_pat_) carry no checksum we can verify.
        if token.hasPrefix("github_pat_") { return .accept }
        guard body.count == 36 else { return .reject("wrong length") }
        let expected = Self.checksum(String(body.prefix(30)))
        return String(body.suffix(6)) == expected ? .accept : .lower(.low, "GitHub checksum does not match")
    }
}

/// JWTs: the header must decode to JSON naming an algorithm.
public struct JWTValidator: Validator {
    public init() {}
    public func validate(_ c: Candidate) -> Verdict {
        guard let header = c.value.split(separator: ".").first, let data = Base64URL.decode(String(header)),
              let text = String(data: data, encoding: .utf8) else { return .reject("header is not base64url") }
        return text.containsBytes("\"alg\"") ? .accept : .reject("header names no algorithm")
    }
}

/// Connection strings: a credential must be present and real; a role name with no
/// real password (`postgres:postgres`) is a judgement call, reported at low confidence.
public struct ConnectionStringValidator: Validator {
    static let roleNames: Set<String> = ["postgres", "root", "admin", "sa", "user", "guest", "mysql", "redis", "default", "test", "rabbitmq", "mongo", "username"]

    public init() {}

    /// The password of a URI (`scheme://user:password@host`) or key/value string (`Password=...`).
    static func credentials(in text: String) -> (user: String?, password: String?) {
        if let scheme = text.byteRange(of: "://"), let at = text[scheme.upperBound...].lastIndex(of: "@") {
            let rest = text[scheme.upperBound...]
            let userinfo = rest[..<at]
            let parts = userinfo.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            let user = parts.first.map(String.init)
            let password = parts.count > 1 ? String(parts[1]) : nil
            let restText = String(rest)
            if password == nil, let query = restText.byteRange(of: "password=", caseInsensitive: true) {
                return (user, String(restText[query.upperBound...].prefix { $0 != "&" && $0 != ";" }))
            }
            return (user, password)
        }
        var user: String?, password: String?
        for pair in text.split(whereSeparator: { $0 == ";" || $0 == "&" || $0 == "?" }) {
            let kv = pair.split(separator: "=", maxSplits: 1)
            guard kv.count == 2 else { continue }
            let key = kv[0].lowercased().trimmingCharacters(in: .whitespaces)
            let value = String(kv[1]).trimmingCharacters(in: .whitespaces)
            if ["password", "pwd", "pass", "accountkey", "sharedaccesskey"].contains(key) { password = value }
            if ["user id", "uid", "user", "username", "userid", "accountname"].contains(key) { user = value }
        }
        return (user, password)
    }

    public func validate(_ c: Candidate) -> Verdict {
        let (user, password) = Self.credentials(in: c.match)
        guard let password, !password.isEmpty else { return .reject("no password in the connection string") }
        if PlaceholderValidator.isPlaceholder(password) || password.hasPrefix("$") || password.hasPrefix("{") {
            return .reject("placeholder password")
        }
        if let user, Self.roleNames.contains(user.lowercased()),
           password.lowercased() == user.lowercased() || Self.roleNames.contains(password.lowercased()) || password.count < 6 {
            return .lower(.low, "default role credentials")
        }
        return .accept
    }
}
