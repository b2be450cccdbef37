/// Makes fingerprints: HMAC-SHA-256 over rule id and value under a secret key, cut to
/// 128 bits. Stable across moves (no path or line in it) and not reversible by trying
/// every phone or NHS number, because the key never appears in any output.
public struct Fingerprinter: Sendable {
    /// The key is held only in its HMAC form: nothing that is handed a fingerprinter can
    /// read the key back out and print or store it.
    private let hmacKey: SHA256.HMACKey
    public init(key: [UInt8]) {
        hmacKey = SHA256.HMACKey(key)
    }

    /// Names the key without revealing it (a fingerprint of a fixed text under it): files
    /// that hold fingerprints can record which key made them, so fingerprints made under
    /// another key are noticed instead of silently never matching.
    public var keyIdentity: String { String(fingerprint(ruleID: "hedgerow.key-identity", value: "").dropFirst(4).prefix(12)) }

    public func fingerprint(ruleID: String, value: String) -> String {
        var ruleID = ruleID, value = value
        let words = ruleID.withUTF8 { r in value.withUTF8 { v in hmacKey.leadingWords(r, v) } }
        let digits: StaticString = "0123456789abcdef"
        return String(unsafeUninitializedCapacity: 36) { out in
            for (i, c) in "hr1:".utf8.enumerated() { out[i] = c }
            for (i, word) in [words.0, words.1, words.2, words.3].enumerated() {
                for k in 0..<8 { out[4 + 8 * i + k] = digits.utf8Start[Int(word >> (28 - 4 * UInt32(k)) & 0xf)] }
            }
            return 36
        }
    }
}
