import Foundation

/// NHS numbers: ten digits with a modulus 11 check digit. One random ten-digit number in
/// eleven passes, so without an NHS word on the line the finding is only low confidence.
public struct NHSNumberValidator: Validator {
    public init() {}

    /// NNN-NNN-NNNN with dashes, a 555 exchange, or a +1 / ( in front.
    static func looksLikeUSPhone(_ c: Candidate) -> Bool {
        let v = Array(c.value.utf8)
        let dashed = v.count == 12 && v[3] == 0x2D && v[7] == 0x2D
        let digits = v.filter { $0 &- 0x30 < 10 }
        let exchange555 = digits.count == 10 && digits[3] == 0x35 && digits[4] == 0x35 && digits[5] == 0x35
        let before = c.before.trimmingCharacters(in: .whitespaces)
        return dashed || exchange555 || before.hasSuffix("(") || before.hasSuffix("+1") || before.hasSuffix("1-")
    }

    public static func checkDigitValid(_ digits: [Int]) -> Bool {
        guard digits.count == 10 else { return false }
        let sum = zip(digits.prefix(9), stride(from: 10, through: 2, by: -1)).reduce(0) { $0 + $1.0 * $1.1 }
        var check = 11 - sum % 11
        if check == 11 { check = 0 }
        return check != 10 && check == digits[9]
    }

    public func validate(_ c: Candidate) -> Verdict {
        let digits = c.value.compactMap(\.wholeNumberValue)
        guard Self.checkDigitValid(digits) else { return .reject("fails the modulus 11 check") }
        if Set(digits).count == 1 { return .reject("repeated digit") }
        let context = (c.before + " " + c.match + " " + c.after).lowercased()
        // Written like a US phone number (415-555-2671, (415) 555-2671, +1 ...): only the
        // word NHS (or an NHS column) lifts it; "patient" or "health" beside a phone
        // number is a clinic's line.
        if Self.looksLikeUSPhone(c) {
            if context.containsBytes("nhs") || c.columnName?.containsBytes("nhs") == true { return .accept }
            return .lower(.low, "written like a US phone number, with no NHS context")
        }
        let words = ["nhs", "patient", "chi number", "health"]
        if words.contains(where: { context.containsBytes($0) }) { return .accept }
        if let column = c.columnName, column.containsBytes("nhs") { return .accept }
        return .lower(.low, "passes the check digit but no NHS context on the line or column")
    }
}

/// National Insurance numbers: HMRC's prefix rules (first and second letter, and the
/// prefixes never issued) and the A-D suffix.
public struct NINumberValidator: Validator {
    static let neverIssued: Set<String> = ["BG", "GB", "KN", "NK", "NT", "TN", "ZZ"]
    public init() {}
    public func validate(_ c: Candidate) -> Verdict {
        let compact = Array(c.value.uppercased().filter { $0.isLetter || $0.isNumber })
        guard compact.count == 9 else { return .reject("wrong length") }
        let first = compact[0], second = compact[1]
        if "DFIQUV".contains(first) || "DFIOQUV".contains(second) { return .reject("prefix letter never used") }
        if Self.neverIssued.contains(String([first, second])) { return .reject("prefix never issued") }
        guard "ABCD".contains(compact[8]) else { return .reject("suffix must be A-D") }
        if String([first, second]) == "QQ" { return .reject("HMRC's example prefix") }
        return .accept
    }
}

/// Payment card numbers: Luhn, then issuer ranges and lengths. The test numbers
/// published by card schemes and payment providers are low confidence.
public struct CardNumberValidator: Validator {
    static let testNumbers: Set<String> = [
        "4111111111111111", "4242424242424242", "4000056655665556", "4012888888881881", "4222222222222",
        "5555555555554444", "5200828282828210", "5105105105105100", "2223003122003222", "378282246310005",
        "371449635398431", "6011111111111117", "6011000990139424", "3056930009020004", "36227206271667",
        "3566002020360505", "6200000000000005", "4000000000000002", "4000000000000077", "4917610000000000",
        "5454545454545454", "4444333322221111", "4988438843884305", "6759649826438453",
    ]

    public init() {}

    public static func luhn(_ digits: [Int]) -> Bool {
        var sum = 0
        for (i, d) in digits.reversed().enumerated() {
            if i % 2 == 1 { let x = d * 2; sum += x > 9 ? x - 9 : x } else { sum += d }
        }
        return sum % 10 == 0
    }

    static func issuer(_ n: String) -> String? {
        let len = n.count
        func prefix(_ k: Int) -> Int { Int(n.prefix(k)) ?? -1 }
        if n.hasPrefix("4"), [13, 16, 19].contains(len) { return "Visa" }
        if (51...55).contains(prefix(2)) || (2221...2720).contains(prefix(4)), len == 16 { return "Mastercard" }
        if [34, 37].contains(prefix(2)), len == 15 { return "American Express" }
        if prefix(4) == 6011 || prefix(2) == 65 || (644...649).contains(prefix(3)), (16...19).contains(len) { return "Discover" }
        if (3528...3589).contains(prefix(4)), (16...19).contains(len) { return "JCB" }
        if prefix(2) == 36 || (300...305).contains(prefix(3)) || prefix(2) == 38, (14...19).contains(len) { return "Diners Club" }
        if [5018, 5020, 5038, 5893, 6304, 6759, 6761, 6762, 6763].contains(prefix(4)), (12...19).contains(len) { return "Maestro" }
        if prefix(2) == 62, (16...19).contains(len) { return "UnionPay" }
        return nil
    }

    public func validate(_ c: Candidate) -> Verdict {
        let n = c.value.filter(\.isNumber)
        let digits = n.compactMap(\.wholeNumberValue)
        guard Self.luhn(digits) else { return .reject("fails the Luhn check") }
        guard Self.issuer(n) != nil else { return .reject("no card issuer uses this range and length") }
        if Self.testNumbers.contains(n) { return .lower(.low, "published test card number") }
        if Set(digits).count <= 2 { return .reject("too few distinct digits") }
        let grouped = c.value.containsBytes(" ") || c.value.containsBytes("-")
        let context = (c.before + " " + c.after + " " + (c.columnName ?? "")).lowercased()
        let cardWords = ["card", "pan", "visa", "mastercard", "amex", "payment", "cc_", "ccnum", "credit", "debit"]
        if !grouped && !cardWords.contains(where: { context.containsBytes($0) }) {
            return .lower(.low, "an ungrouped number passing Luhn with no card context")
        }
        return .accept
    }
}

/// Sort code and account number pairs: six and eight digits are common in any data, so
/// a banking word must be on the line or name the table column, else confidence is low.
public struct BankDetailsValidator: Validator {
    static let words = ["sort", "account", "acct", "a/c", "bank", "payee", "bacs", "iban", "payment", "refund", "payroll", "salary", "supplier"]
    public init() {}
    public func validate(_ c: Candidate) -> Verdict {
        let context = (c.lineBefore + " " + c.match + " " + c.after + " " + (c.columnName ?? "") + " " + c.header).lowercased()
        return Self.words.contains(where: { context.containsBytes($0) }) ? .accept : .lower(.low, "no banking word on the line or in the table header")
    }
}

/// IBANs: country length and the ISO 7064 mod 97 check.
public struct IBANValidator: Validator {
    static let lengths: [String: Int] = [
        "GB": 22, "IE": 22, "DE": 22, "FR": 27, "ES": 24, "IT": 27, "NL": 18, "BE": 16, "PT": 25, "CH": 21,
        "AT": 20, "DK": 18, "FI": 18, "SE": 24, "NO": 15, "PL": 28, "LU": 20, "GI": 23, "GR": 27, "CY": 28,
        "MT": 31, "IS": 26, "CZ": 24, "SK": 24, "HU": 28, "RO": 24, "BG": 22, "HR": 21, "SI": 19, "EE": 20,
        "LT": 20, "LV": 21, "LI": 21, "MC": 27, "SM": 27, "AD": 24, "IM": 22, "JE": 22, "GG": 22,
    ]
    public init() {}

    public static func mod97(_ iban: String) -> Int {
        let rearranged = iban.dropFirst(4) + iban.prefix(4)
        var remainder = 0
        for ch in rearranged {
            let value: Int
            if let d = ch.wholeNumberValue { value = d } else if let a = ch.asciiValue { value = Int(a) - 55 } else { return -1 }
            remainder = value >= 10 ? (remainder * 100 + value) % 97 : (remainder * 10 + value) % 97
        }
        return remainder
    }

    public func validate(_ c: Candidate) -> Verdict {
        let iban = c.value.uppercased().filter { $0 != " " }
        guard let expected = Self.lengths[String(iban.prefix(2))] else { return .reject("unknown IBAN country") }
        guard iban.count == expected else { return .reject("wrong length for the country") }
        return Self.mod97(iban) == 1 ? .accept : .reject("fails the mod 97 check")
    }
}

/// A date in a table column whose header names a date of birth.
public struct DateOfBirthColumnValidator: Validator {
    public init() {}
    public func validate(_ c: Candidate) -> Verdict {
        guard let column = c.columnName, ["dob", "birth", "born", "d.o.b"].contains(where: { column.containsBytes($0) }) else {
            return .reject("not in a date-of-birth column")
        }
        return DateOfBirthValidator().validate(c)
    }
}

/// Dates of birth: a real calendar date in a plausible range of birth years, which ends
/// at the current year (a year fixed in the code would start rejecting every baby born
/// after it).
public struct DateOfBirthValidator: Validator {
    let currentYear: Int
    public init(currentYear: Int = Calendar(identifier: .gregorian).component(.year, from: Date())) { self.currentYear = currentYear }
    public func validate(_ c: Candidate) -> Verdict {
        let parts = c.value.split(whereSeparator: { "/-. ".contains($0) }).map(String.init)
        guard parts.count == 3 else { return .reject("not a date") }
        let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        var day = 0, month = 0, year = 0
        if parts[0].count == 4, parts[0].allSatisfy(\.isNumber) {
            year = Int(parts[0]) ?? 0; month = Int(parts[1]) ?? 0; day = Int(parts[2]) ?? 0
        } else {
            day = Int(parts[0].prefix { $0.isNumber }) ?? 0
            year = Int(parts[2]) ?? 0
            if let m = Int(parts[1]) { month = m } else if let i = months.firstIndex(of: String(parts[1].lowercased().prefix(3))) { month = i + 1 }
        }
        // Two digits: the most recent such year that is not in the future.
        if year < 100 { year += year > currentYear % 100 ? 1900 : 2000 }
        guard (1900...currentYear).contains(year), (1...12).contains(month) else { return .reject("not a plausible birth date") }
        let monthDays = [31, (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard (1...monthDays[month - 1]).contains(day) else { return .reject("no such day") }
        return .accept
    }
}
