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

    /// The national number with a leading 0 (ASCII digits), or nil when the digits cannot
    /// be a UK number. The pattern matches ASCII only, so this works on bytes.
    static func nationalNumber(_ text: String) -> [UInt8]? {
        let bytes = Array(text.utf8)
        var digits = bytes.filter { $0 &- 0x30 < 10 }
        let compact = bytes.filter { $0 != 0x20 }
        let international = compact.starts(with: "0044".utf8)
        if compact.starts(with: "+44".utf8) || international || compact.starts(with: "(+44)".utf8) {
            digits.removeFirst(international ? 4 : 2)
            if text.containsBytes("(0)") { digits.removeFirst() }
            digits.insert(0x30, at: 0)
        }
        return digits.first == 0x30 ? digits : nil
    }

    /// The length of each digit group as written, after the +44 / 0044 / (0) prefix: how
    /// people group phone numbers (3-5 digits), unlike dates, times and decimals (1-2
    /// digits, one dot). "(0)" is dropped, "(" dropped, ")" read as a space.
    static func writtenGroups(_ text: String) -> [Int] {
        var rest = Array(text.utf8)[...]
        for prefix in ["+44", "00 44", "0044"] where rest.starts(with: prefix.utf8) { rest = rest.dropFirst(prefix.utf8.count) }
        var groups: [Int] = []
        var length = 0
        var i = rest.startIndex
        while i < rest.endIndex {
            let c = rest[i]
            if c == 0x28 && i + 2 < rest.endIndex && rest[i + 1] == 0x30 && rest[i + 2] == 0x29 { i += 3; continue }
            if c == 0x20 || c == 0x2D || c == 0x2E || c == 0x29 {
                if length > 0 { groups.append(length) }
                length = 0
            } else if c != 0x28 {
                length += 1
            }
            i += 1
        }
        if length > 0 { groups.append(length) }
        return groups
    }

    /// Words that name another country's identifier: the digits after them are a VAT,
    /// tax or company number (an Italian partita IVA is eleven digits starting 0).
    static let foreignIdentifierWords = [
        "p.iva", "p. iva", "piva", "partita iva", "codice fiscale", "iva:", "iva ", "ust-id", "ustid", "steuernummer",
        "steuer-nr", "siret", "siren", "tva", "btw", "kvk", "nif", "cif:", "cnpj", "cpf", "vat no", "vat number", "vat:",
        "vat id", "ssn", "ein:", "abn", "gstin", "pan:",
    ]

    /// Countries whose national numbers share the UK's shape (0 and ten digits): a number
    /// on a line naming one is that country's, not the UK's.
    static let otherCountries = [
        "germany", "deutschland", "france", "italy", "italia", "spain", "españa", "netherlands", "nederland", "belgium",
        "belgique", "austria", "österreich", "switzerland", "schweiz", "ireland", "éire", "portugal", "poland", "polska",
        "sweden", "norway", "denmark", "finland", "australia", "new zealand", "india", "japan", "china", "brazil",
        "mexico", "south africa", "nigeria", "kenya", "berlin", "paris", "roma", "milano", "madrid", "amsterdam", "dublin",
    ]

    public func validate(_ c: Candidate) -> Verdict {
        guard let n = Self.nationalNumber(c.value) else { return .reject("not a UK national number") }
        let international = c.value.hasPrefix("+") || c.value.hasPrefix("00")
        if !international {
            let lowerBefore = c.before.lowercased()
            if let word = Self.foreignIdentifierWords.first(where: { lowerBefore.containsBytes($0) }) {
                return .reject("another country's identifier ('\(word.trimmingCharacters(in: .whitespaces))'), not a phone number")
            }
            let line = lowerBefore + " " + c.after.lowercased()
            if let country = Self.otherCountries.first(where: { line.containsBytes($0) }) {
                return .lower(.low, "a national number of another country (\(country)), not a UK number")
            }
        }
        if Self.writtenGroups(c.value).dropFirst().contains(where: { $0 < 3 }) {
            return .reject("digit groups of a date, time or list, not a phone number")
        }
        let value = c.value.utf8
        let dots = value.reduce(0) { $0 + ($1 == 0x2E ? 1 : 0) }
        if dots == 1 { return .reject("a decimal number") }
        if dots > 0 && value.contains(0x2D) { return .reject("mixed separators") }
        func hasPrefix(_ prefix: String) -> Bool { n.starts(with: prefix.utf8) }
        let second: UInt8 = n.count > 1 ? n[1] : 0x78
        let third: UInt8 = n.count > 2 ? n[2] : 0x78
        let ok: Bool
        switch second {
        case 0x37:  // 07
            ok = n.count == 11 && ((0x31...0x35).contains(third) || (0x37...0x39).contains(third) || hasPrefix("07624"))
        case 0x31:  // 01
            ok = n.count == 10 || n.count == 11
        case 0x32, 0x33, 0x39:  // 02, 03, 09
            ok = n.count == 11
        case 0x38:  // 08
            ok = (hasPrefix("0800") && (n.count == 10 || n.count == 11)) || (n.count == 11 && "0457".utf8.contains(third))
        default:
            ok = false
        }
        guard ok else { return .reject("not in the Ofcom numbering plan") }
        if n.count > 4 && n[4...].allSatisfy({ $0 == n[4] }) { return .reject("repeated digits") }
        if Self.dramaPrefixes.contains(where: { hasPrefix($0) }) {
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
