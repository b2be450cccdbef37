/// Values that sit in a password- or token-named slot but cannot be a secret by their
/// shape: a number (a creation timestamp or counter in `creationToken = 1700000000123`),
/// an element id or CSS selector (`"#add-password"`), a route path
/// (`"/account/reset-password"`) and build-time template markers (`@SECRETKEY@`,
/// `%DB_PASSWORD%`). Seen on real trees; each one is a negative example of the generic rules.
public struct SecretSlotValidator: Validator {
    public init() {}

    public func validate(_ c: Candidate) -> Verdict {
        let v = Array(c.value.utf8)
        guard let first = v.first, let last = v.last else { return .reject("empty") }
        func isWordByte(_ b: UInt8) -> Bool { b &- 0x30 < 10 || (b | 0x20) &- 0x61 < 26 || b == 0x5F }
        if v.allSatisfy({ $0 &- 0x30 < 10 }) { return .reject("a number (a timestamp, id or counter), not a secret") }
        // "#add-password", ".reset-password": an anchor, element id or CSS selector.
        if (first == 0x23 || first == 0x2E), v.dropFirst().allSatisfy({ isWordByte($0) || $0 == 0x2D }), v.contains(0x2D) {
            return .reject("an element id or selector")
        }
        // "/account/reset-password/confirm": a route, lower-case segments.
        if first == 0x2F, v.filter({ $0 == 0x2F }).count >= 2,
           v.allSatisfy({ $0 == 0x2F || $0 == 0x2D || $0 == 0x5F || $0 == 0x2E || $0 &- 0x61 < 26 || $0 == 0x3A || $0 == 0x7B || $0 == 0x7D }) {
            return .reject("a route path")
        }
        // @SECRETKEY@ (autoconf, Gradle filters), %DB_PASSWORD% (Windows, Maven): a marker
        // a build replaces.
        if v.count > 2, (first == 0x40 && last == 0x40) || (first == 0x25 && last == 0x25),
           v.dropFirst().dropLast().allSatisfy({ isWordByte($0) || $0 == 0x2E || $0 == 0x2D }) {
            return .reject("a template marker a build replaces")
        }
        return .accept
    }
}
