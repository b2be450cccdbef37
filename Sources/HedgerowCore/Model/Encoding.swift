import Foundation

/// Encodings hedgerow looks inside, so a secret or address is found even when written
/// percent-encoded, as JSON escapes or in base64 (Kubernetes Secrets, .env files).
public enum Encoding: String, CaseIterable, Codable, Sendable {
    case percent
    case jsonEscape = "json-escape"
    case base64

    /// The decoded bytes, or nil when the text does not decode to something worth scanning.
    public func decode(_ text: String) -> [UInt8]? {
        switch self {
        case .percent:
            return EscapeDecoders.percent(text)
        case .jsonEscape:
            return EscapeDecoders.json(text)
        case .base64:
            guard let bytes = EscapeDecoders.base64(text), bytes.count >= 6 else { return nil }
            // Only text is worth scanning: printable UTF-8 with few control bytes.
            guard String(validating: bytes, as: UTF8.self) != nil,
                  bytes.allSatisfy({ $0 >= 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) else { return nil }
            return bytes
        }
    }
}
