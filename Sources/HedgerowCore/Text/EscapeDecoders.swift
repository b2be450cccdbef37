/// Byte-level decoders for percent and JSON escapes and base64, one file each
/// (PercentDecoder, JSONEscapeDecoder, Base64Decoder). Percent and JSON escapes are decoded
/// into rewritten text with an offset map back to the encoded bytes (base64 has no byte of
/// its own to map to: its value maps as a whole, see `Encoding.rewrite`). Decoding runs once
/// per encoded-looking token (tens of thousands on a source tree full of `b'\x89PNG'` test
/// data), so it works on the UTF-8 bytes directly: Foundation's JSONDecoder and NSString
/// searches cost more than the pattern that found the token.
enum EscapeDecoders {
    @inline(__always) static func hexValue(_ c: UInt8) -> UInt8? {
        switch c {
        case 0x30...0x39: return c - 0x30
        case 0x41...0x46: return c - 0x41 + 10
        case 0x61...0x66: return c - 0x61 + 10
        default: return nil
        }
    }
}
