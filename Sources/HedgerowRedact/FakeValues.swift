import HedgerowCore

/// Realistic stand-ins that are harmless by construction: e-mails on the reserved
/// `example.com`, phone numbers in Ofcom's drama range (07700 900000-900999), postcodes in
/// an area that does not exist (`QQ`), NHS numbers that fail the check digit, NI numbers
/// with the never-issued `QQ` prefix, card numbers that fail Luhn, documentation IP
/// ranges, and names from a fixed list of fictional names. The same identity always gives
/// the same fake, and different identities of a category different ones.
public enum FakeValues {
    static let givenNames = [
        "Alex", "Sam", "Jordan", "Robin", "Casey", "Morgan", "Taylor", "Jamie",
        "Riley", "Quinn", "Avery", "Rowan", "Frankie", "Drew", "Harper", "Reese",
    ]
    static let surnames = [
        "Fairweather", "Quillfeather", "Ashdown", "Brackenbury", "Thistlewood", "Marchbank", "Pennywhistle",
        "Oakhollow", "Hedgecombe", "Larkspur", "Willowby", "Fernsby", "Brambleton", "Mossgrove",
        "Cobblestone", "Puddingfield", "Tumbledown", "Wrenfield", "Foxglove",
    ]

    /// The fake for an identity; `singleWord` for a lone name word not linked to a full name.
    public static func make(_ id: Identity, singleWord: Bool = false) -> String {
        let i = id.number - 1
        switch id.category {
        case .name:
            // (given, surname) pairs are distinct for the first 16 x 19 names (17 and 19 are coprime).
            let given = givenNames[i % givenNames.count]
            var surname = surnames[(i + i / givenNames.count) % surnames.count]
            let round = i / (givenNames.count * surnames.count)
            if round > 0 { surname += "-" + surnames[(round - 1) % surnames.count] }
            switch id.part {
            case .first: return given
            case .middle: return "Lee"
            case .last: return surname
            case nil: return singleWord ? given + (i >= givenNames.count ? String(i / givenNames.count + 1) : "") : given + " " + surname
            }
        case .email:
            return "person\(id.number)@example.com"
        case .phone:
            return "07700 900" + padded(i % 1000, 3)
        case .postcode:
            let letters = Array("ABDEFGHJLNPQRSTUWXYZ")
            return "QQ\(1 + i % 99) \((i / 99) % 10)\(letters[(i / 990) % 20])\(letters[i % 20])"
        case .address:
            return "\(id.number) Nowhere Lane"
        case .nhsNumber:
            let body = Array(padded(100_000_000 + i * 7 % 900_000_000, 9)).map { Int(String($0))! }
            var sum = 0
            for (k, d) in body.enumerated() { sum += d * (10 - k) }
            let check = 11 - sum % 11
            // A check digit of 10 means no valid number; else use a digit that is not the check.
            let wrong = check >= 10 ? 1 : (check + 1) % 10
            let digits = body.map(String.init).joined() + String(wrong)
            let a = digits.prefix(3), b = digits.dropFirst(3).prefix(3), c = digits.dropFirst(6)
            return "\(a) \(b) \(c)"
        case .niNumber:
            let d = padded(i % 1_000_000, 6)
            return "QQ " + d.prefix(2) + " " + d.dropFirst(2).prefix(2) + " " + d.dropFirst(4) + " C"
        case .cardNumber:
            let body = "4000000000" + padded(i % 100_000, 5)
            let good = luhnCheckDigit(body)
            return group(body + String((good + 1) % 10), by: 4)
        case .bankAccount:
            return "00-00-00 " + padded(i % 100_000_000, 8)
        case .dateOfBirth:
            return padded(1 + i % 28, 2) + "/" + padded(1 + (i / 28) % 12, 2) + "/" + String(1900 + (i / 336) % 10)
        case .ip:
            return "192.0.2.\(1 + i % 254)"
        default:
            return PlaceholderBook.placeholder(id, piece: 0, of: 1, variant: 1)
        }
    }

    /// One of `pieces` nearly equal parts of a fake, for a value split over lines or cues.
    public static func piece(_ whole: String, _ piece: Int, of pieces: Int) -> String {
        let scalars = Array(whole.unicodeScalars)
        let from = scalars.count * piece / pieces, to = scalars.count * (piece + 1) / pieces
        let part = String(String.UnicodeScalarView(scalars[from..<max(from, to)]))
        return part.isEmpty ? "…" : part
    }

    static func padded(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }

    static func group(_ digits: String, by size: Int) -> String {
        var out = ""
        for (k, c) in digits.enumerated() {
            if k > 0 && k % size == 0 { out += " " }
            out.append(c)
        }
        return out
    }

    static func luhnCheckDigit(_ body: String) -> Int {
        var sum = 0
        for (k, c) in body.reversed().enumerated() {
            var d = Int(String(c))!
            if k % 2 == 0 { d *= 2; if d > 9 { d -= 9 } }
            sum += d
        }
        return (10 - sum % 10) % 10
    }
}
