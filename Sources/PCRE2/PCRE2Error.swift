import CPCRE2

/// The single error type of the PCRE2 wrapper, so callers can tell a bad rule
/// (compile) from an input that made a rule run away (limits) without reading C codes.
public struct PCRE2Error: Error, Equatable, CustomStringConvertible, Sendable {
    public enum Kind: String, Sendable {
        case compile
        case jit
        case matchLimit = "match-limit"
        case depthLimit = "depth-limit"
        case match
        case resource
    }

    public let kind: Kind
    /// The PCRE2 error code (negative for match errors, positive for compile errors).
    public let code: Int32
    /// Byte offset into the pattern for compile errors, nil otherwise.
    public let offset: Int?
    public let message: String

    public init(kind: Kind, code: Int32, offset: Int? = nil) {
        self.kind = kind
        self.code = code
        self.offset = offset
        self.message = PCRE2Error.text(for: code)
    }

    public var description: String {
        if let offset { return "\(kind.rawValue) error \(code) at offset \(offset): \(message)" }
        return "\(kind.rawValue) error \(code): \(message)"
    }

    static func text(for code: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 256)
        let length = buffer.withUnsafeMutableBufferPointer { ptr in
            pcre2_get_error_message_8(code, ptr.baseAddress, ptr.count)
        }
        guard length > 0 else { return "unknown PCRE2 error" }
        return String(decoding: buffer[0..<Int(length)], as: UTF8.self)
    }

    static func fromMatch(code: Int32) -> PCRE2Error {
        switch code {
        case PCRE2_ERROR_MATCHLIMIT, PCRE2_ERROR_JIT_STACKLIMIT, PCRE2_ERROR_HEAPLIMIT:
            return PCRE2Error(kind: .matchLimit, code: code)
        case PCRE2_ERROR_DEPTHLIMIT:
            return PCRE2Error(kind: .depthLimit, code: code)
        case PCRE2_ERROR_NOMEMORY:
            return PCRE2Error(kind: .resource, code: code)
        default:
            return PCRE2Error(kind: .match, code: code)
        }
    }
}
