/// A decoder stage: percent-encoded text (`rhys.green%40…`) as rewritten text.
extension EscapeDecoders {
    /// `%XX` to the byte and `+` to a space, as rewritten text: each escape (and each `+`)
    /// is a replacement of its source bytes, every other byte a copy, so a value between
    /// escapes maps back to its own bytes. `input` starts at source offset `offset`. Nil
    /// when an escape is malformed, there is no escape, or the result is not UTF-8.
    static func percent(_ input: UnsafeBufferPointer<UInt8>, at offset: Int) -> RewrittenText? {
        guard input.contains(UInt8(ascii: "%")) else { return nil }
        var text = RewrittenText()
        var i = 0, copied = 0
        /// Copies the plain bytes before `i` that are not written yet.
        func flush() {
            if copied < i { text.copy(UnsafeBufferPointer(rebasing: input[copied..<i]), from: offset + copied) }
        }
        while i < input.count {
            let c = input[i]
            if c == UInt8(ascii: "%") {
                guard i + 2 < input.count, let hi = hexValue(input[i + 1]), let lo = hexValue(input[i + 2]) else { return nil }
                flush()
                text.replace((offset + i)..<(offset + i + 3), with: hi << 4 | lo)
                i += 3
                copied = i
            } else if c == UInt8(ascii: "+") {
                flush()
                text.replace((offset + i)..<(offset + i + 1), with: 0x20)
                i += 1
                copied = i
            } else {
                i += 1
            }
        }
        flush()
        // Every `%` is decoded, so the text changed; it must still be text.
        guard String(validating: text.bytes, as: UTF8.self) != nil else { return nil }
        return text
    }
}
