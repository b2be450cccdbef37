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
    static let exact: Set<String> = [
        "password", "secret", "token", "passw0rd", "pass", "test", "testing", "admin", "string", "str", "value",
        // The stock example passwords of tutorials and tests, not anyone's secret.
        "password1", "password123", "p@ssw0rd", "p@ssword", "letmein", "qwerty123", "12345678", "123456789",
        "open-sesame", "opensesame", "hunter2",
    ]

    public init() {}

    /// The words and exact values as bytes, for the ASCII path.
    static let wordBytes: [[UInt8]] = words.map { Array($0.utf8) }
    static let exactBytes: Set<[UInt8]> = Set(exact.map { Array($0.utf8) })

    /// Runs for every candidate of the generic rules. An ASCII value (nearly all) is
    /// judged on its bytes, where lower-casing, characters and bytes are one and the same;
    /// anything else goes through String's Unicode rules.
    public static func isPlaceholder(_ raw: String) -> Bool {
        // "\r\n" is one Character: a value holding a CR goes the Unicode way too.
        guard raw.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) else { return isPlaceholderUnicode(raw) }
        let value = raw.utf8.map { $0 &- 0x41 < 26 ? $0 | 0x20 : $0 }
        if value.isEmpty || exactBytes.contains(value) { return true }
        if value.withUnsafeBufferPointer({ v in
            wordBytes.contains { w in w.withUnsafeBufferPointer { ByteContains.offset(of: $0, in: v) != nil } }
        }) { return true }
        if value.first == 0x24 || (value.first == 0x25 && value.last == 0x25) { return true }
        if isAtMarker(value) { return true }
        var seen = (0 as UInt64, 0 as UInt64), distinct = 0
        for b in value {
            let bit = UInt64(1) << UInt64(b & 63)
            if b < 64 { if seen.0 & bit == 0 { seen.0 |= bit; distinct += 1 } } else if seen.1 & bit == 0 { seen.1 |= bit; distinct += 1 }
            if distinct > 2 { return false }
        }
        return true
    }

    /// A build-time substitution marker: `@SECRETKEY@`, `@@DB_PASSWORD@@` (autoconf, Maven
    /// and Ant filtering, Octopus and Azure DevOps token replacement): a name between at signs.
    static func isAtMarker(_ value: [UInt8]) -> Bool {
        guard value.count >= 3, value.first == 0x40, value.last == 0x40 else { return false }
        var sawName = false
        for b in value.dropFirst().dropLast() {
            if b == 0x40 { continue }
            guard b &- 0x61 < 26 || b &- 0x30 < 10 || b == 0x5F || b == 0x2E || b == 0x2D else { return false }
            sawName = true
        }
        return sawName
    }

    /// The Character path; the tests hold the byte path to it on ASCII values.
    static func isPlaceholderUnicode(_ raw: String) -> Bool {
        let value = raw.lowercased()
        if value.isEmpty { return true }
        if exact.contains(value) { return true }
        if words.contains(where: { value.containsBytes($0) }) { return true }
        if value.hasPrefix("$") || value.hasPrefix("%") && value.hasSuffix("%") { return true }
        if value.unicodeScalars.allSatisfy(\.isASCII) && isAtMarker(Array(value.utf8)) { return true }
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
        // ASCII letters and separators only, so bytes and characters are the same here.
        var upper = false, lower = false, separated = false, count = 0
        for b in value.utf8 {
            if b &- 0x41 < 26 { upper = true }
            else if b &- 0x61 < 26 { lower = true }
            else if b == 0x5F || b == 0x2E || b == 0x2D || b == 0x2F || b == 0x3A { separated = true }
            else { return false }
            count += 1
        }
        return !(upper && lower && !separated && count >= 16)
    }
}

/// A floor on Shannon entropy per character, for generic `password = ...` style rules
/// where the pattern alone cannot tell a secret from a word.
public struct EntropyValidator: Validator {
    public let minimumBitsPerCharacter: Double
    public init(minimumBitsPerCharacter: Double) { self.minimumBitsPerCharacter = minimumBitsPerCharacter }

    public static func entropy(_ text: String) -> Double {
        withUnsafeTemporaryAllocation(of: Int.self, capacity: 256) { counts in
            counts.initialize(repeating: 0)
            var total = 0
            for byte in text.utf8 { counts[Int(byte)] += 1; total += 1 }
            guard total > 0 else { return 0 }
            var sum = 0.0
            for n in counts where n > 0 {
                let p = Double(n) / Double(total)
                sum -= p * log2(p)
            }
            return sum
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
    /// On bytes for ASCII text (every built-in match; the Character version cost more than
    /// the rest of a finding), on Characters otherwise; a test holds the two together.
    static func credentials(in text: String) -> (user: String?, password: String?) {
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else { return credentialsUnicode(in: text) }
        let b = Array(text.utf8)
        func string(_ bytes: ArraySlice<UInt8>) -> String { String(decoding: bytes, as: UTF8.self) }
        if let scheme = Self.end(of: "://", in: b[...]), let at = b[scheme...].lastIndex(of: 0x40) {
            let rest = b[scheme...]
            let parts = rest[..<at].split(separator: 0x3A, maxSplits: 1, omittingEmptySubsequences: false)
            let user = parts.first.map(string)
            let password = parts.count > 1 ? string(parts[1]) : nil
            if password == nil, let query = Self.end(of: "password=", in: rest, caseInsensitive: true) {
                return (user, string(rest[query...].prefix { $0 != 0x26 && $0 != 0x3B }))
            }
            return (user, password)
        }
        var user: String?, password: String?
        for pair in b.split(whereSeparator: { $0 == 0x3B || $0 == 0x26 || $0 == 0x3F }) {
            let kv = pair.split(separator: 0x3D, maxSplits: 1)
            guard kv.count == 2 else { continue }
            let key = string(Self.trimmingBlanks(kv[0])).lowercased()
            let value = string(Self.trimmingBlanks(kv[1]))
            if ["password", "pwd", "pass", "accountkey", "sharedaccesskey"].contains(key) { password = value }
            if ["user id", "uid", "user", "username", "userid", "accountname"].contains(key) { user = value }
        }
        return (user, password)
    }

    /// Spaces and tabs off both ends (what `.whitespaces` trims from ASCII).
    private static func trimmingBlanks(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var slice = bytes
        while let first = slice.first, first == 0x20 || first == 0x09 { slice.removeFirst() }
        while let last = slice.last, last == 0x20 || last == 0x09 { slice.removeLast() }
        return slice
    }

    /// The index just past the first `needle` in `bytes`.
    private static func end(of needle: String, in bytes: ArraySlice<UInt8>, caseInsensitive: Bool = false) -> Int? {
        let n = Array(needle.utf8)
        let offset = bytes.withUnsafeBufferPointer { h in
            n.withUnsafeBufferPointer { ByteContains.offset(of: $0, in: h, caseInsensitive: caseInsensitive) }
        }
        return offset.map { bytes.startIndex + $0 + n.count }
    }

    /// The same over Characters, for text that is not ASCII.
    static func credentialsUnicode(in text: String) -> (user: String?, password: String?) {
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
