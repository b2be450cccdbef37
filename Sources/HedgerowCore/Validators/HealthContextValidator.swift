/// Health data is personal only when the text ties it to a person: a health term counts
/// when its sentence also holds a person ("I", "my son", "she", "the patient", a title)
/// or a verb of diagnosis. "Diabetes clinic opening hours" is no finding; "my son has
/// diabetes" is.
public struct HealthContextValidator: Validator {
    public init() {}

    static let personWords: Set<String> = [
        "i", "i'm", "i've", "i'd", "im", "ive", "me", "my", "mine", "myself", "he", "she", "he's", "she's", "him", "her",
        "his", "hers", "they're", "we", "our", "son", "daughter", "husband", "wife", "partner", "mum", "mother", "dad",
        "father", "child", "children", "kid", "kids", "baby", "brother", "sister", "grandson", "granddaughter", "nan",
        "gran", "grandma", "grandad", "grandmother", "grandfather", "boyfriend", "girlfriend", "patient", "resident",
        "tenant", "claimant", "client", "customer", "applicant", "mr", "mrs", "ms", "miss", "mx",
    ]
    static let diagnosisWords = ["diagnosed", "diagnosis", "suffers", "suffering", "living with", "lives with", "prescribed",
                                 "takes ", "taking ", "on medication", "struggles with", "has had", "was admitted", "treated for",
                                 "treatment for", "recovering from", "pregnant", "expecting"]

    public func validate(_ candidate: Candidate) -> Verdict {
        // The sentence: back to the last full stop, on to the next one.
        let before = candidate.before.split(omittingEmptySubsequences: false) { $0 == "." || $0 == "!" || $0 == "?" }.last.map(String.init) ?? ""
        let after = candidate.after.split(omittingEmptySubsequences: false) { $0 == "." || $0 == "!" || $0 == "?" }.first.map(String.init) ?? ""
        // The term itself is left out: "ms" would read as the title Ms.
        let sentence = (before + " " + after).lowercased()
        if sentence.contains("def ") || sentence.contains("return ") || sentence.contains("()") || sentence.contains("import ") {
            return .reject("code")
        }
        let words = sentence.split { !$0.isLetter && $0 != "'" && $0 != "’" }.map { $0.replacingOccurrences(of: "’", with: "'") }
        if words.contains(where: { Self.personWords.contains($0) }) { return .accept }
        if Self.diagnosisWords.contains(where: { sentence.contains($0) }) { return .accept }
        return .reject("no person in the sentence")
    }
}
