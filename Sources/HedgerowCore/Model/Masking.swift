/// Turns a raw value into something a person can locate without learning the value:
/// a few leading characters, an ellipsis and the length. Short values show nothing.
public enum Masking {
    public static func mask(_ value: String, category: Category) -> String {
        let scalars = Array(value.unicodeScalars)
        let length = scalars.count
        if category == .privateKey {
            let header = value.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
            if header.hasPrefix("-----BEGIN") && header.count < length { return "\(header)…[\(length) chars]" }
        }
        let shown: Int
        switch category {
        case .apiKey, .privateKey, .password, .connectionString:
            // Token prefixes (ghp_, AKIA, sk_live_) name the kind and are not secret.
            shown = min(prefixLength(scalars), length / 3)
        case .email:
            if let at = scalars.firstIndex(of: "@"), at > 0, at + 1 < length {
                return "\(scalars[0])…@\(scalars[at + 1])…[\(length) chars]"
            }
            shown = min(1, length / 4)
        default:
            shown = min(2, length / 4)
        }
        return String(String.UnicodeScalarView(scalars.prefix(shown))) + "…[\(length) chars]"
    }

    /// Up to the first underscore or dash within 8 characters, else 4 characters.
    private static func prefixLength(_ scalars: [Unicode.Scalar]) -> Int {
        if let sep = scalars.prefix(9).lastIndex(where: { $0 == "_" || $0 == "-" }), sep >= 2 { return sep + 1 }
        let head = scalars.prefix(16)
        if head.count >= 3, let colon = (0...(head.count - 3)).first(where: { head[$0] == ":" && head[$0 + 1] == "/" && head[$0 + 2] == "/" }) {
            return colon + 3
        }
        return 4
    }
}
