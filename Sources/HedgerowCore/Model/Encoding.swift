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
        Array(text.utf8).withUnsafeBufferPointer { rewrite($0, at: 0)?.bytes }
    }

    /// The decoded value as rewritten text whose map leads back to the encoded bytes
    /// `value`, which start at source offset `offset`; nil when it does not decode to
    /// something worth scanning. Escapes map one by one (a value between them maps to its
    /// own bytes); a base64 or spoken value maps as a whole, having no byte of its own.
    public func rewrite(_ value: UnsafeBufferPointer<UInt8>, at offset: Int) -> RewrittenText? {
        switch self {
        case .percent:
            return EscapeDecoders.percent(value, at: offset)
        case .jsonEscape:
            return EscapeDecoders.json(value, at: offset)
        case .base64:
            guard let bytes = EscapeDecoders.base64(value), bytes.count >= 6 else { return nil }
            // Only text is worth scanning: printable UTF-8 with few control bytes.
            guard String(validating: bytes, as: UTF8.self) != nil,
                  bytes.allSatisfy({ $0 >= 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) else { return nil }
            return Self.whole(value, at: offset, decoded: bytes)
        case .spoken:
            guard let said = SpokenForms.decode(String(decoding: value, as: UTF8.self)) else { return nil }
            return Self.whole(value, at: offset, decoded: Array(said.utf8))
        case .concatenation:
            return StringJoiner.join(value, at: offset)
        }
    }

    /// Decoded bytes standing for the whole encoded value.
    private static func whole(_ value: UnsafeBufferPointer<UInt8>, at offset: Int, decoded: [UInt8]) -> RewrittenText? {
        guard !decoded.isEmpty else { return nil }
        var text = RewrittenText()
        text.replace(offset..<(offset + value.count), with: decoded)
        return text
    }

    /// The text scanned around one decoded value: the match's text before and after it,
    /// so `password: <base64>` still reads as a password. A spoken value takes only the
    /// context words its rules read ("date of birth"), not the transcript between them
    /// and the value, which would otherwise be reported on the spoken span.
    public func context(before: [UInt8], after: [UInt8]) -> (before: [UInt8], after: [UInt8]) {
        switch self {
        case .spoken:
            return (Array(SpokenForms.context(before: String(decoding: before, as: UTF8.self)).utf8), [])
        case .percent, .jsonEscape, .base64, .concatenation:
            return (before, after)
        }
    }
}
