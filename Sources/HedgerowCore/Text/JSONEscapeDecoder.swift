/// A decoder stage: JSON and backslash escapes (`\u0040`, `\x40`, `\n`) as rewritten text.
extension EscapeDecoders {
    /// JSON string escapes (`\uXXXX` with surrogate pairs, `\n`, `\/`...) plus `\xXX` read
    /// as U+00XX, as rewritten text: each escape (a surrogate pair as one) is a replacement
    /// of its source bytes, every other byte a copy. `input` starts at source offset
    /// `offset`. Nil when an escape is malformed, a control byte is written raw, a
    /// surrogate is unpaired, or nothing changed.
    static func json(_ input: UnsafeBufferPointer<UInt8>, at offset: Int) -> RewrittenText? {
        var text = RewrittenText()
        var changed = false
        var i = 0, copied = 0
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
            guard c == UInt8(ascii: "\\") else { i += 1; continue }
            guard i + 1 < input.count else { return nil }
            changed = true
            if copied < i { text.copy(UnsafeBufferPointer(rebasing: input[copied..<i]), from: offset + copied) }
            let escape = i
            let e = input[i + 1]
            var decoded: UInt8?
            switch e {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): decoded = e; i += 2
            case UInt8(ascii: "b"): decoded = 0x08; i += 2
            case UInt8(ascii: "f"): decoded = 0x0C; i += 2
            case UInt8(ascii: "n"): decoded = 0x0A; i += 2
            case UInt8(ascii: "r"): decoded = 0x0D; i += 2
            case UInt8(ascii: "t"): decoded = 0x09; i += 2
            case UInt8(ascii: "x"):
                guard let v = hex(i + 2, 2) else { return nil }
                i += 4
                text.replace((offset + escape)..<(offset + i), with: Unicode.Scalar(UInt8(v)))
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
                if let scalar = Unicode.Scalar(v) { text.replace((offset + escape)..<(offset + i), with: scalar) }
            default:
                return nil
            }
            if let decoded { text.replace((offset + escape)..<(offset + i), with: decoded) }
            copied = i
        }
        guard changed else { return nil }
        if copied < input.count { text.copy(UnsafeBufferPointer(rebasing: input[copied...]), from: offset + copied) }
        return text
    }
}
