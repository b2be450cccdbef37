/// Turns a raw value into something a person can locate without learning the value:
/// a few leading characters, an ellipsis and the length. Short values show nothing.
public enum Masking {
    /// Runs once per finding, so it walks the value's scalars in place rather than
    /// copying them into an array.
    public static func mask(_ value: String, category: Category) -> String {
        if category != .privateKey, let masked = maskASCII(value, category: category) { return masked }
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

    /// The same on bytes, for an ASCII value (where bytes are scalars); nil for any other.
    private static func maskASCII(_ value: String, category: Category) -> String? {
        var value = value
        return value.withUTF8 { b -> String? in
            guard b.allSatisfy({ $0 < 0x80 }) else { return nil }
            let length = b.count
            let suffix = "…[" + String(length) + " chars]"
            func head(_ n: Int) -> String { String(decoding: UnsafeBufferPointer(rebasing: b[0..<n]), as: UTF8.self) }
            let shown: Int
            switch category {
            case .apiKey, .privateKey, .password, .connectionString:
                shown = min(prefixLength(b[0..<min(16, length)].map { Unicode.Scalar($0) }), length / 3)
            case .email:
                if let at = b.firstIndex(of: 0x40), at > 0, at + 1 < length {
                    return head(1) + "…@" + String(decoding: UnsafeBufferPointer(rebasing: b[(at + 1)...(at + 1)]), as: UTF8.self) + suffix
                }
                shown = min(1, length / 4)
            default:
                shown = min(2, length / 4)
            }
            return head(shown) + suffix
        }
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
