/// Checks a street address line: the street type must be one of the list (the pattern
/// lets any capitalised word through so the list stays data), the number must not be a
/// year or a quantity, and the street words must not be code.
public struct StreetAddressValidator: Validator {
    public init() {}

    static let numberedThings: Set<String> = ["level", "floor", "platform", "gate", "terminal", "zone", "bay", "stand", "page",
                                              "chapter", "section", "step", "phase", "version", "week", "day", "year", "route",
                                              "bus", "junction", "exit", "room", "screen", "block", "car", "unit", "lot", "no.", "box"]

    public func validate(_ candidate: Candidate) -> Verdict {
        let words = candidate.value.split { $0 == " " || $0 == "," || $0 == "\t" }
        guard !words.isEmpty else { return .reject("empty") }
        // The street type ends one of the comma-separated parts (a town may follow it).
        let parts = candidate.value.split(separator: ",")
        let hasType = parts.contains { part in
            part.split(separator: " ").last.map { Lexicon.streetTypes.contains(String($0.lowercased().trimmingCharacters(in: ["."]))) } ?? false
        }
        guard hasType else { return .reject("no street type") }
        // "2024 Road Map", "500 Main Drive" in code: a house number is rarely over 2000, hedgerow:allow (made-up example)
        // and a year before a capitalised word is a heading.
        // A number said in words is a house number only when more than a bare "one": "one
        // Station Road sign" is a count.
        if let first = words.first?.lowercased(), first == "one" || first == "a", words.count <= 3 { return .reject("a count, not a house number") }
        if let number = words.first.flatMap({ Int($0.prefix { $0.isNumber }) }), number >= 1900 && number <= 2100 {
            return .reject("a year, not a house number")
        }
        // "Level 2 Car Park", "Platform 9", "Junction 4 Retail Park": a number of something else. hedgerow:allow (made-up example)
        let previous = candidate.before.split(separator: " ").last.map { $0.lowercased() } ?? ""
        if Self.numberedThings.contains(previous) { return .reject("a numbered \(previous), not a house") }
        if let next = candidate.before.last, next == "." || next == "_" || next == "/" || next == "#" || next == "$" { return .reject("code") }
        if let after = candidate.after.first, after == "(" || after == "_" || after == "=" { return .reject("code") }
        return .accept
    }
}
