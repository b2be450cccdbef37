import Foundation

/// Encodings hedgerow looks inside, so a secret or address is found even when written
/// percent-encoded, as JSON escapes or in base64 (Kubernetes Secrets, .env files), or
/// said aloud in a transcript ("jane dot smith at gmail dot com"). hedgerow:allow (made-up example)
public enum Encoding: String, CaseIterable, Codable, Sendable {
    case percent
    case jsonEscape = "json-escape"
    case base64
    case spoken
    /// String literals joined by `+`, side by side in parentheses, or continued with a
    /// backslash at a line end (`StringJoiner`); placed on its pieces, not the whole span.
    case concatenation

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
        case .spoken:
            return SpokenForms.decode(text).map { Array($0.utf8) }
        case .concatenation:
            return Array(text.utf8).withUnsafeBufferPointer { StringJoiner.join($0, at: 0)?.bytes }
        }
    }

    /// The text scanned for one encoded value: the decoded value with the match's text
    /// around it, so `password: <base64>` still reads as a password. A spoken value takes
    /// only the context words its rules read ("date of birth"), not the transcript
    /// between them and the value, which would otherwise be reported on the spoken span.
    public func surround(_ decoded: [UInt8], before: [UInt8], after: [UInt8]) -> [UInt8] {
        switch self {
        case .spoken:
            return Array(SpokenForms.context(before: String(decoding: before, as: UTF8.self)).utf8) + decoded
        case .percent, .jsonEscape, .base64, .concatenation:
            return before + decoded + after
        }
    }
}
