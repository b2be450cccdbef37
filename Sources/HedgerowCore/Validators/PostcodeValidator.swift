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

    public init() {}

    public func validate(_ c: Candidate) -> Verdict {
        let compact = c.value.uppercased().filter { $0 != " " }
        if compact == "GIR0AA" { return .lower(.low, "GIR 0AA is a non-geographic postcode") }
        guard compact.count >= 5, compact.count <= 7 else { return .reject("wrong length") }
        let outward = Array(compact.dropLast(3))
        let inward = Array(compact.suffix(3))
        let area = String(outward.prefix { $0.isLetter })
        guard Self.areas.contains(area) else { return .reject("no such postcode area '\(area)'") }
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
