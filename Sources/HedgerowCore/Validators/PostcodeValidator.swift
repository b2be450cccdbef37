/// UK postcodes: the position rules of the format and the list of real postcode areas,
/// so `ZZ1 1ZZ`-style shapes and code identifiers are not reported.
public struct PostcodeValidator: Validator {
    /// The 124 postcode areas in use (Royal Mail), including the Crown dependencies.
    public static let areas: Set<String> = [
        "AB", "AL", "B", "BA", "BB", "BD", "BH", "BL", "BN", "BR", "BS", "BT", "CA", "CB", "CF", "CH", "CM",
        "CO", "CR", "CT", "CV", "CW", "DA", "DD", "DE", "DG", "DH", "DL", "DN", "DT", "DY", "E", "EC", "EH",
        "EN", "EX", "FK", "FY", "G", "GL", "GU", "GY", "HA", "HD", "HG", "HP", "HR", "HS", "HU", "HX", "IG",
        "IM", "IP", "IV", "JE", "KA", "KT", "KW", "KY", "L", "LA", "LD", "LE", "LL", "LN", "LS", "LU", "M",
        "ME", "MK", "ML", "N", "NE", "NG", "NN", "NP", "NR", "NW", "OL", "OX", "PA", "PE", "PH", "PL", "PO",
        "PR", "RG", "RH", "RM", "S", "SA", "SE", "SG", "SK", "SL", "SM", "SN", "SO", "SP", "SR", "SS", "ST",
        "SW", "SY", "TA", "TD", "TF", "TN", "TQ", "TR", "TS", "TW", "UB", "W", "WA", "WC", "WD", "WF", "WN",
        "WR", "WS", "WV", "YO", "ZE",
    ]

    /// The areas as one or two upper-case bytes (`b0 << 8 | b1`): looked up once per match.
    static let areaCodes: Set<Int> = Set(areas.map { area in area.utf8.reduce(0) { $0 << 8 | Int($1) } })

    public init() {}

    /// Works on the value's bytes: the pattern only matches ASCII letters, digits and one
    /// space, so upper-casing and the letter and digit tests are exact byte by byte.
    public func validate(_ c: Candidate) -> Verdict {
        var compact: [UInt8] = []
        compact.reserveCapacity(8)
        for b in c.value.utf8 where b != 0x20 { compact.append(b &- 0x61 < 26 ? b - 32 : b) }
        if compact.elementsEqual("GIR0AA".utf8) { return .lower(.low, "GIR 0AA is a non-geographic postcode") }
        guard compact.count >= 5, compact.count <= 7 else { return .reject("wrong length") }
        let inward = compact.count - 3
        var areaLength = 0
        while areaLength < inward && isLetter(compact[areaLength]) { areaLength += 1 }
        let areaCode = areaLength <= 2 ? compact[0..<areaLength].reduce(0) { $0 << 8 | Int($1) } : -1
        guard areaLength > 0, Self.areaCodes.contains(areaCode) else {
            return .reject("no such postcode area '\(String(decoding: compact[0..<areaLength], as: UTF8.self))'")
        }
        let district = compact[areaLength..<inward]
        guard let first = district.first, isDigit(first) else { return .reject("district must start with a digit") }
        if district.count == 2, let last = district.last, isLetter(last) {
            // A9A and AA9A districts allow only some letters in the last place.
            let allowed = areaLength == 1 ? "ABCDEFGHJKPSTUW" : "ABEHMNPRVWXY"
            guard allowed.utf8.contains(last) else { return .reject("letter not used in that district position") }
        }
        let never = "CIKMOV".utf8
        guard isDigit(compact[inward]), !never.contains(compact[inward + 1]), !never.contains(compact[inward + 2]) else {
            return .reject("inward code uses letters Royal Mail never assigns")
        }
        return .accept
    }

    private func isLetter(_ b: UInt8) -> Bool { (b | 0x20) &- 0x61 < 26 }
    private func isDigit(_ b: UInt8) -> Bool { b &- 0x30 < 10 }
}

/// A postcode in a table column whose header names one: typed in lower case as often as
/// not in form exports, where no address words stand on the row to say what it is.
public struct PostcodeColumnValidator: Validator {
    static let headerWords = ["postcode", "post_code", "post code", "post-code", "postal"]
    public init() {}
    public func validate(_ c: Candidate) -> Verdict {
        guard let column = c.columnName, Self.headerWords.contains(where: { column.containsBytes($0) }) else {
            return .reject("not in a postcode column")
        }
        return PostcodeValidator().validate(c)
    }
}
