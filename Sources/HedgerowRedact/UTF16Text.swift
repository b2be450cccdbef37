/// UTF-16 files are scanned as UTF-8 (the scanner's offsets count the UTF-8 bytes after
/// the byte-order mark), so they are redacted as UTF-8 and written back in UTF-16 with
/// the same byte order and mark.
public enum UTF16Text {
    public enum ByteOrder: Sendable { case little, big }

    public static func byteOrder(_ head: some Collection<UInt8>) -> ByteOrder? {
        let first = Array(head.prefix(2))
        if first == [0xFF, 0xFE] { return .little }
        if first == [0xFE, 0xFF] { return .big }
        return nil
    }

    /// The text after the mark, as UTF-8 (the same conversion the scanner makes).
    public static func toUTF8(_ bytes: [UInt8], _ order: ByteOrder) -> [UInt8] {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var i = 2
        while i + 1 < bytes.count {
            units.append(order == .big ? UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1]) : UInt16(bytes[i + 1]) << 8 | UInt16(bytes[i]))
            i += 2
        }
        return Array(String(decoding: units, as: UTF16.self).utf8)
    }

    /// UTF-8 back to UTF-16 with its mark.
    public static func fromUTF8(_ bytes: [UInt8], _ order: ByteOrder) -> [UInt8] {
        var out: [UInt8] = order == .big ? [0xFE, 0xFF] : [0xFF, 0xFE]
        out.reserveCapacity(bytes.count * 2 + 2)
        for unit in String(decoding: bytes, as: UTF8.self).utf16 {
            if order == .big { out.append(UInt8(unit >> 8)); out.append(UInt8(unit & 0xFF)) }
            else { out.append(UInt8(unit & 0xFF)); out.append(UInt8(unit >> 8)) }
        }
        return out
    }
}
