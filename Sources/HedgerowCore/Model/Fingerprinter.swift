/// Makes fingerprints: HMAC-SHA-256 over rule id and value under a secret key, cut to
/// 128 bits. Stable across moves (no path or line in it) and not reversible by trying
/// every phone or NHS number, because the key never appears in any output.
public struct Fingerprinter: Sendable {
    public let key: [UInt8]
    private let hmacKey: SHA256.HMACKey
    public init(key: [UInt8]) {
        self.key = key
        hmacKey = SHA256.HMACKey(key)
    }

    public func fingerprint(ruleID: String, value: String) -> String {
        let message = Array(ruleID.utf8) + [0] + Array(value.utf8)
        return "hr1:" + Array(hmacKey.authenticate(message).prefix(16)).hexString
    }
}
