import Foundation
@testable import HedgerowCore

// The String-based validators and masking as they were before the byte-level rewrite,
// kept as the reference the rewrite is compared with (ValidatorEquivalenceTests). The email
// and placeholder checks keep their Character path in the sources for non-ASCII values, and
// the tests compare with that instead.

struct ReferencePostcodeValidator {
    init() {}

    func validate(_ c: Candidate) -> Verdict {
        let compact = c.value.uppercased().filter { $0 != " " }
        if compact == "GIR0AA" { return .lower(.low, "GIR 0AA is a non-geographic postcode") }
        guard compact.count >= 5, compact.count <= 7 else { return .reject("wrong length") }
        let outward = Array(compact.dropLast(3))
        let inward = Array(compact.suffix(3))
        let area = String(outward.prefix { $0.isLetter })
        guard PostcodeValidator.areas.contains(area) else { return .reject("no such postcode area '\(area)'") }
        let district = outward.dropFirst(area.count)
        guard let first = district.first, first.isNumber else { return .reject("district must start with a digit") }
        if district.count == 2, let last = district.last, last.isLetter {
            // A9A and AA9A districts allow only some letters in the last place.
            let allowed: Set<Character> = area.count == 1 ? Set("ABCDEFGHJKPSTUW") : Set("ABEHMNPRVWXY")
            guard allowed.contains(last) else { return .reject("letter not used in that district position") }
        }
        guard inward[0].isNumber, !Set("CIKMOV").contains(inward[1]), !Set("CIKMOV").contains(inward[2]) else {
            return .reject("inward code uses letters Royal Mail never assigns")
        }
        return .accept
    }
}

struct ReferenceUKPhoneValidator {
    init() {}

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

    func validate(_ c: Candidate) -> Verdict {
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
        if UKPhoneValidator.dramaPrefixes.contains(where: { n.hasPrefix($0) }) {
            return .lower(.low, "Ofcom drama range (fictional)")
        }
        return .accept
    }
}


extension String {
    func referenceTrimmingSuffix(while predicate: (Character) -> Bool) -> String {
        var s = Substring(self)
        while let last = s.last, predicate(last) { s = s.dropLast() }
        return String(s)
    }
}

enum ReferenceMasking {
    static func mask(_ value: String, category: Category) -> String {
        let scalars = Array(value.unicodeScalars)
        let length = scalars.count
        if category == .privateKey {
            let header = value.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
            if header.hasPrefix("-----BEGIN") && header.count < length { return "\(header)…[\(length) chars]" }
        }
        let shown: Int
        switch category {
        case .apiKey, .privateKey, .password, .connectionString:
            // Token prefixes (ghp_, AKIA, sk_live_) name the kind and are not secret.
            shown = min(prefixLength(scalars), length / 3)
        case .email:
            if let at = scalars.firstIndex(of: "@"), at > 0, at + 1 < length {
                return "\(scalars[0])…@\(scalars[at + 1])…[\(length) chars]"
            }
            shown = min(1, length / 4)
        default:
            shown = min(2, length / 4)
        }
        return String(String.UnicodeScalarView(scalars.prefix(shown))) + "…[\(length) chars]"
    }

    /// Up to the first underscore or dash within 8 characters, else 4 characters.
    private static func prefixLength(_ scalars: [Unicode.Scalar]) -> Int {
        if let sep = scalars.prefix(9).lastIndex(where: { $0 == "_" || $0 == "-" }), sep >= 2 { return sep + 1 }
        let head = scalars.prefix(16)
        if head.count >= 3, let colon = (0...(head.count - 3)).first(where: { head[$0] == ":" && head[$0 + 1] == "/" && head[$0 + 2] == "/" }) {
            return colon + 3
        }
        return 4
    }
}

enum ReferencePlaceholder {
    static func isIdentifier(_ value: String) -> Bool {
        guard value.allSatisfy({ ($0.isASCII && $0.isLetter) || $0 == "_" || $0 == "." || $0 == "-" || $0 == "/" || $0 == ":" }) else { return false }
        let mixedCase = value.contains(where: \.isUppercase) && value.contains(where: \.isLowercase)
        let separated = value.contains(where: { "_.-/:".contains($0) })
        return !(mixedCase && !separated && value.count >= 16)
    }

    static func entropy(_ text: String) -> Double {
        var counts: [UInt8: Int] = [:]
        for byte in text.utf8 { counts[byte, default: 0] += 1 }
        let total = Double(text.utf8.count)
        guard total > 0 else { return 0 }
        return counts.values.reduce(0) { sum, n in
            let p = Double(n) / total
            return sum - p * log2(p)
        }
    }
}
