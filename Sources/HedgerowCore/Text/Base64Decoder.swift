/// A decoder stage: standard base64 to bytes (`Encoding.rewrite` maps them to the whole value).
extension EscapeDecoders {
    /// Standard base64 with optional padding, after trimming quotes and spaces at either
    /// end (trailing padding is not counted, as Foundation does not count it); nil for any
    /// other character, padding inside the text, or a dangling sixth of a byte.
    static func base64(_ text: String) -> [UInt8]? {
        Array(text.utf8).withUnsafeBufferPointer { base64($0) }
    }

    /// The same on bytes.
    static func base64(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        var input = bytes[...]
        let trim: (UInt8) -> Bool = { $0 == 0x22 || $0 == 0x27 || $0 == 0x20 }
        while let c = input.first, trim(c) { input = input.dropFirst() }
        while let c = input.last, trim(c) { input = input.dropLast() }
        while let c = input.last, c == UInt8(ascii: "=") { input = input.dropLast() }
        let n = input.count
        guard n % 4 != 1 else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(n * 3 / 4)
        var accumulator: UInt32 = 0, bits = 0
        for c in input {
            let v: UInt32
            switch c {
            case 0x41...0x5A: v = UInt32(c - 0x41)
            case 0x61...0x7A: v = UInt32(c - 0x61 + 26)
            case 0x30...0x39: v = UInt32(c - 0x30 + 52)
            case UInt8(ascii: "+"): v = 62
            case UInt8(ascii: "/"): v = 63
            default: return nil
            }
            accumulator = accumulator << 6 | v
            bits += 6
            if bits >= 8 {
                bits -= 8
                out.append(UInt8(truncatingIfNeeded: accumulator >> UInt32(bits)))
            }
        }
        return out
    }
}
