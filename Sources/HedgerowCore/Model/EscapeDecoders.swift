/// Byte-level decoders for percent and JSON escapes and base64. Decoding runs once per encoded-looking
/// token (tens of thousands on a source tree full of `b'\x89PNG'` test data), so it works
/// on the UTF-8 bytes directly: Foundation's JSONDecoder and NSString searches cost more
/// than the pattern that found the token.
enum EscapeDecoders {
    /// `%XX` to the byte and `+` to a space; nil when an escape is malformed, there is no
    /// escape, or the result is not UTF-8.
    static func percent(_ text: String) -> [UInt8]? {
        let input = Array(text.utf8)
        guard input.contains(UInt8(ascii: "%")) else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(input.count)
        var i = 0
        while i < input.count {
            let c = input[i]
            if c == UInt8(ascii: "%") {
                guard i + 2 < input.count, let hi = hexValue(input[i + 1]), let lo = hexValue(input[i + 2]) else { return nil }
                out.append(hi << 4 | lo)
                i += 3
            } else {
                out.append(c == UInt8(ascii: "+") ? 0x20 : c)
                i += 1
            }
        }
        guard out != input, String(validating: out, as: UTF8.self) != nil else { return nil }
        return out
    }

    /// JSON string escapes (`\uXXXX` with surrogate pairs, `\n`, `\/`...) plus `\xXX` read
    /// as U+00XX; nil when an escape is malformed, a control byte is written raw, a
    /// surrogate is unpaired, or nothing changed.
    static func json(_ text: String) -> [UInt8]? {
        let input = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(input.count)
        var changed = false
        var i = 0
        func hex(_ at: Int, _ count: Int) -> UInt32? {
            guard at + count <= input.count else { return nil }
            var value: UInt32 = 0
            for k in at..<(at + count) {
                guard let v = hexValue(input[k]) else { return nil }
                value = value << 4 | UInt32(v)
            }
            return value
        }
        while i < input.count {
            let c = input[i]
            guard c >= 0x20 else { return nil }
            guard c == UInt8(ascii: "\\") else { out.append(c); i += 1; continue }
            guard i + 1 < input.count else { return nil }
            changed = true
            let e = input[i + 1]
            switch e {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e); i += 2
            case UInt8(ascii: "b"): out.append(0x08); i += 2
            case UInt8(ascii: "f"): out.append(0x0C); i += 2
            case UInt8(ascii: "n"): out.append(0x0A); i += 2
            case UInt8(ascii: "r"): out.append(0x0D); i += 2
            case UInt8(ascii: "t"): out.append(0x09); i += 2
            case UInt8(ascii: "x"):
                guard let v = hex(i + 2, 2) else { return nil }
                appendScalar(v, to: &out); i += 4
            case UInt8(ascii: "u"):
                guard var v = hex(i + 2, 4) else { return nil }
                i += 6
                if v >= 0xD800 && v < 0xDC00 {
                    guard i + 1 < input.count, input[i] == UInt8(ascii: "\\"), input[i + 1] == UInt8(ascii: "u"),
                          let low = hex(i + 2, 4), low >= 0xDC00 && low < 0xE000 else { return nil }
                    v = 0x10000 + ((v - 0xD800) << 10) + (low - 0xDC00)
                    i += 6
                } else if v >= 0xDC00 && v < 0xE000 {
                    return nil
                }
                appendScalar(v, to: &out)
            default:
                return nil
            }
        }
        return changed ? out : nil
    }

    /// Standard base64 with optional padding, after trimming quotes and spaces at either
    /// end (trailing padding is not counted, as Foundation does not count it); nil for any
    /// other character, padding inside the text, or a dangling sixth of a byte.
    static func base64(_ text: String) -> [UInt8]? {
        var input = Array(text.utf8)[...]
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

    private static func appendScalar(_ value: UInt32, to out: inout [UInt8]) {
        guard let scalar = Unicode.Scalar(value) else { return }
        out.append(contentsOf: Array(String(Character(scalar)).utf8))
    }

    @inline(__always) static func hexValue(_ c: UInt8) -> UInt8? {
        switch c {
        case 0x30...0x39: return c - 0x30
        case 0x41...0x46: return c - 0x41 + 10
        case 0x61...0x66: return c - 0x61 + 10
        default: return nil
        }
    }
}
