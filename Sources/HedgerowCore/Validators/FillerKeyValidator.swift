/// Provider keys that are documentation or filler rather than anyone's credential: AWS's
/// documented example keys (`AKIAIOSFODNN7EXAMPLE`), keys marked EXAMPLE, a character
/// repeated (`sk_live_xxxxxxxx…`, `AKIA0000…`) or a run in sequence (`ghp_abcdefghij…`,
/// `…1234567890`). They are reported at low confidence, not dropped: a test fixture
/// holding one is worth a look, not a revocation. A generated key holds no run of eight
/// repeated or consecutive characters but once in billions.
///
/// Every provider API-key rule runs it after its own validators (`CompiledRule`), so a
/// value a rule rejects outright (a placeholder) stays rejected.
public struct FillerKeyValidator: Validator {
    /// The shortest run of one character, or of consecutive ones, that marks filler.
    static let run = 8

    /// The rule's keywords: a value's documented prefix (`sk_live_`, or the run of A that
    /// starts an X bearer token) is the format's, not filler, and is not judged.
    let prefixes: [[UInt8]]

    public init(prefixes: [String] = []) {
        self.prefixes = prefixes.map { Array($0.utf8) }.sorted { $0.count > $1.count }
    }

    public func validate(_ c: Candidate) -> Verdict {
        var body = Array(c.value.utf8)
        if let prefix = prefixes.first(where: { body.starts(with: $0) }) { body.removeFirst(prefix.count) }
        return Self.reason(c.value, body: body).map { .lower(.low, $0) } ?? .accept
    }

    /// Why `value` reads as filler, or nil; `body` is the value without its documented prefix.
    public static func reason(_ value: String, body: [UInt8]? = nil) -> String? {
        if AWSExampleKeys.contains(value) { return "AWS documentation example key" }
        if value.containsBytes("EXAMPLE") { return "documentation example key" }
        let bytes = body ?? Array(value.utf8)
        var same = 1, up = 1, down = 1
        for i in bytes.indices.dropFirst() {
            let a = bytes[i - 1], b = bytes[i]
            same = b == a ? same + 1 : 1
            // Consecutive letters or digits, either way (abcdef, 98765).
            let alnum = isAlphanumeric(a) && isAlphanumeric(b)
            up = alnum && b == a &+ 1 ? up + 1 : 1
            down = alnum && b &+ 1 == a ? down + 1 : 1
            if same >= run { return "a character repeated" }
            if up >= run || down >= run { return "characters in sequence" }
        }
        return nil
    }

    static func isAlphanumeric(_ b: UInt8) -> Bool { b &- 0x30 < 10 || b &- 0x41 < 26 || b &- 0x61 < 26 }
}
