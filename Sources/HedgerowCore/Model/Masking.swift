/// Turns a raw value into something a person can locate without learning the value:
/// a few leading characters, an ellipsis and the length. Short values show nothing.
public enum Masking {
    /// Runs once per finding, so it walks the value's scalars in place rather than
    /// copying them into an array.
    public static func mask(_ value: String, category: Category) -> String {
        let scalars = value.unicodeScalars
        let length = scalars.count
        let suffix = "…[" + String(length) + " chars]"
        if category == .privateKey {
            let header = value.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
            if header.hasPrefix("-----BEGIN") && header.count < length { return header + suffix }
        }
        let shown: Int
        switch category {
        case .apiKey, .privateKey, .password, .connectionString:
            // Token prefixes (ghp_, AKIA, sk_live_) name the kind and are not secret.
            shown = min(prefixLength(Array(scalars.prefix(16))), length / 3)
        case .email:
            if let at = scalars.firstIndex(of: "@"), at > scalars.startIndex, scalars.index(after: at) < scalars.endIndex {
                return String(scalars.first!) + "…@" + String(scalars[scalars.index(after: at)]) + suffix
            }
            shown = min(1, length / 4)
        default:
            shown = min(2, length / 4)
        }
        return String(scalars.prefix(shown)) + suffix
    }

    /// Up to the first underscore or dash within 8 characters, else 4 characters; `head`
    /// is the value's first 16 scalars.
    private static func prefixLength(_ head: [Unicode.Scalar]) -> Int {
        if let sep = head.prefix(9).lastIndex(where: { $0 == "_" || $0 == "-" }), sep >= 2 { return sep + 1 }
        if head.count >= 3, let colon = (0...(head.count - 3)).first(where: { head[$0] == ":" && head[$0 + 1] == "/" && head[$0 + 2] == "/" }) {
            return colon + 3
        }
        return 4
    }
}
