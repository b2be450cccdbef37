/// Other forms in which a value found once may be written elsewhere in the same run, so
/// that they are replaced too: a phone number without its spaces or with the other
/// country prefix (`tel:07700900123` beside "07700 900123"), and the name an e-mail
/// address spells (`brett.foster@...` beside "Brett Foster"). hedgerow:allow (made-up example)
public enum ValueVariants {
    /// Forms of a phone number other than the one found: compact, and with `0`, `+44`
    /// or `0044` in front.
    public static func phone(_ value: String) -> [String] {
        let kept = value.unicodeScalars.filter { $0 == "+" || ($0.isASCII && $0.properties.numericType != nil) }
        var compact = String(String.UnicodeScalarView(kept))
        if compact.hasPrefix("0044") { compact = "+44" + compact.dropFirst(4) }
        var national: String?
        if compact.hasPrefix("+44") { national = "0" + compact.dropFirst(3) }
        else if compact.hasPrefix("0") && !compact.hasPrefix("00") { national = compact }
        guard let national, national.count >= 10 else { return compact.count >= 7 && compact != value ? [compact] : [] }
        let rest = national.dropFirst()
        return Array(Set([national, "+44" + rest, "0044" + rest, "44" + rest]).subtracting([value])).sorted()
    }

    /// "Brett Foster" for `brett.foster@example.org` or `brett_foster2@...`: two words of hedgerow:allow (made-up example)
    /// two letters or more, a dot, underscore or hyphen between them, digits or a `+tag` after allowed.
    public static func nameSpelled(byEmail value: String) -> String? {
        guard let at = value.firstIndex(of: "@") else { return nil }
        var local = Substring(value[..<at])
        if let plus = local.firstIndex(of: "+") { local = local[..<plus] }
        while let last = local.last, last.isASCII && last.isNumber { local = local.dropLast() }
        let words = local.split(whereSeparator: { $0 == "." || $0 == "_" || $0 == "-" })
        guard words.count == 2, words.allSatisfy({ $0.count >= 2 && $0.allSatisfy { $0.isASCII && $0.isLetter } }) else { return nil }
        return words.map { $0.prefix(1).uppercased() + $0.dropFirst().lowercased() }.joined(separator: " ")
    }
}
