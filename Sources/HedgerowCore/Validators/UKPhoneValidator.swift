/// Checks a written UK number against the Ofcom numbering plan and marks Ofcom's
/// drama ranges (reserved for fiction) as low confidence rather than failures.
public struct UKPhoneValidator: Validator {
    public init() {}

    /// Ofcom's ranges reserved for TV and radio drama, as national numbers without spaces.
    static let dramaPrefixes: [String] = [
        "01632960", "020794600", "020794601", "020794602", "020794603", "020794604", "020794605",
        "020794606", "020794607", "020794608", "020794609",
        "07700900", "08081570", "09098790", "03069990",
        "01134960", "01144960", "01154960", "01164960", "01174960", "01184960",
        "01214960", "01314960", "01414960", "01514960", "01614960", "01914980",
        "02890180", "02920180",
    ]

    /// The national number with a leading 0, or nil when the digits cannot be a UK number.
    static func nationalNumber(_ text: String) -> String? {
        var digits = text.filter(\.isNumber)
        let compact = String(text.unicodeScalars.filter { $0 != " " })
        if compact.hasPrefix("+44") || compact.hasPrefix("0044") || compact.hasPrefix("(+44)") {
            digits.removeFirst(compact.hasPrefix("0044") ? 4 : 2)
            if text.containsBytes("(0)") { digits.removeFirst() }
            digits = "0" + digits
        }
        return digits.hasPrefix("0") ? digits : nil
    }

    /// Digit groups as written, after the +44 / 0044 / (0) prefix: how people group
    /// phone numbers (3-5 digits), unlike dates, times and decimals (1-2 digits, one dot).
    static func writtenGroups(_ text: String) -> [Substring] {
        var rest = Substring(text)
        for prefix in ["+44", "00 44", "0044"] where rest.hasPrefix(prefix) { rest = rest.dropFirst(prefix.count) }
        // "(0)" dropped, "(" dropped, ")" read as a space; by hand, as this runs per match.
        var cleaned = ""
        var scalars = rest.unicodeScalars[...]
        while let c = scalars.first {
            if c == "(" && scalars.dropFirst().first == "0" && scalars.dropFirst(2).first == ")" { scalars = scalars.dropFirst(3); continue }
            if c != "(" { cleaned.unicodeScalars.append(c == ")" ? " " : c) }
            scalars = scalars.dropFirst()
        }
        rest = Substring(cleaned)
        return rest.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "." })
    }

    public func validate(_ c: Candidate) -> Verdict {
        guard let n = Self.nationalNumber(c.value) else { return .reject("not a UK national number") }
        let groups = Self.writtenGroups(c.value)
        if groups.dropFirst().contains(where: { $0.count < 3 }) { return .reject("digit groups of a date, time or list, not a phone number") }
        if c.value.filter({ $0 == "." }).count == 1 { return .reject("a decimal number") }
        let separators = Set(c.value.filter { $0 == "-" || $0 == "." })
        if separators.count > 1 { return .reject("mixed separators") }
        let second = n.dropFirst().first ?? "x"
        let ok: Bool
        switch second {
        case "7":
            let third = n.dropFirst(2).first ?? "x"
            ok = n.count == 11 && (("1"..."5").contains(third) || ("7"..."9").contains(third) || n.hasPrefix("07624"))
        case "1":
            ok = n.count == 10 || n.count == 11
        case "2":
            ok = n.count == 11
        case "3", "9":
            ok = n.count == 11
        case "8":
            ok = (n.hasPrefix("0800") && (n.count == 10 || n.count == 11)) || (n.hasPrefix("08") && n.count == 11 && "0457".contains(n.dropFirst(2).first!))
        default:
            ok = false
        }
        guard ok else { return .reject("not in the Ofcom numbering plan") }
        if Set(n.dropFirst(4)).count == 1 { return .reject("repeated digits") }
        if Self.dramaPrefixes.contains(where: { n.hasPrefix($0) }) {
            return .lower(.low, "Ofcom drama range (fictional)")
        }
        return .accept
    }
}

/// International numbers written with + and a country code: length per E.164 and
/// a plausible country code. UK numbers are left to the UK rule.
public struct InternationalPhoneValidator: Validator {
    public init() {}
    public func validate(_ c: Candidate) -> Verdict {
        let digits = c.value.filter(\.isNumber)
        guard digits.count >= 8, digits.count <= 15 else { return .reject("E.164 numbers have 8 to 15 digits") }
        guard let first = digits.first, first != "0" else { return .reject("no country code starts with 0") }
        if digits.hasPrefix("44") { return .reject("UK number, handled by the UK rule") }
        if digits.count == 11 && digits.hasPrefix("1") && digits.dropFirst(4).hasPrefix("55501") {
            return .lower(.low, "North American 555-01xx numbers are reserved for fiction")
        }
        if Set(digits.dropFirst(2)).count <= 1 { return .reject("repeated digits") }
        let separated = c.value.dropFirst().contains { $0 == " " || $0 == "-" || $0 == "(" }
        let context = (c.before + " " + c.after).lowercased()
        let phoneWords = ["tel", "phone", "mobile", "call", "whatsapp", "sms", "fax", "contact", "ring", "cell"]
        if !separated && !phoneWords.contains(where: { context.containsBytes($0) }) {
            return .lower(.low, "an unseparated + number with no phone context could be arithmetic")
        }
        return .accept
    }
}
