/// Makes text safe to print on a terminal line: control characters become visible escapes.
///
/// File and repository names are chosen by whoever made the scanned tree. A name holding
/// an escape sequence would drive the reader's terminal, and one holding a newline would
/// forge a finding line (or hide one) in text output and logs. JSON and SARIF escape
/// these already; text formats pass names through here. Names without control
/// characters (all normal ones) come back unchanged.
public enum ControlCharacters {
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if isControl(scalar) {
                switch scalar {
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                default:
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    out += scalar.value < 0x100 ? "\\x" + (hex.count == 1 ? "0" + hex : hex) : "\\u{" + hex + "}"
                }
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// C0 controls, DEL and C1 controls (U+0080 to U+009F: some terminals act on them too).
    @inline(__always) static func isControl(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x20 || (s.value >= 0x7F && s.value <= 0x9F)
    }
}
