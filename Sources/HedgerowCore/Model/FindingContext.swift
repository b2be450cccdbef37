/// A context class that cuts across categories. A project's author list and a team's
/// mailing list are personal data in the letter of the law, but nobody leaked them: the
/// project published them on purpose. Reporting them like a customer's address buries the
/// real leak under a project's own credits, and teams then switch the rule off. So they
/// are still found and counted, but marked, summarised and (by default) never failing.
public enum FindingContext: String, Sendable, Equatable, Hashable, Codable {
    /// Names and emails a project publishes on purpose: `.mailmap`, AUTHORS, copyright
    /// lines, commit trailers, translation headers, package metadata.
    case attribution
    /// A mailbox that belongs to a team or a list, not a person (`security@`, `lists.`).
    case organisational

    /// Words that make a postal address an organisation's (a PO box, a company, a
    /// university or council): not anyone's home, so not personal data.
    static let organisationMarkers = [
        "po box", "p.o. box", "p o box", "pobox", " ltd", "limited", " plc", " llp", " inc.", " inc,", "corporation",
        " corp.", "university", "council", "nhs trust", "nhs foundation", "headquarters",
    ]
    // Not "registered office": small companies register at a director's flat, which is a home.

    /// Mail headers a mailing list writes: the address in them is the list's.
    static let listHeaders = ["x-beenthere:", "list-post:", "list-id:", "list-help:", "list-subscribe:", "list-unsubscribe:",
                              "list-archive:", "list-owner:", "mailing-list:", "x-mailing-list:", "errors-to:"]

    static func isListHeader(_ lineBefore: String) -> Bool {
        let line = lineBefore.lowercased().drop { $0 == " " || $0 == "\t" || $0 == "+" || $0 == "\"" }
        return listHeaders.contains { line.hasPrefix($0) }
    }

    static func isOrganisationAddress(_ c: Candidate) -> Bool {
        let line = (c.lineBefore + " " + c.after).lowercased()
        return organisationMarkers.contains { line.containsBytes($0) }
    }

    /// What a credit can publish about its author besides the name.
    static let contactCategories: Set<Category> = [.name, .email, .phone, .postcode, .address]

    /// A hint that fits the class; nil keeps the rule's own.
    public var hint: String? {
        switch self {
        case .attribution: return "Published attribution (credits, copyright, package metadata): no action needed unless the person asked to be removed."
        case .organisational: return "An organisation's mailbox or address, not a person's: keep it if it is meant to be public."
        }
    }

    /// The class of one candidate, from its file and its line. Names and emails are
    /// attributions in credit contexts; a phone number or a key in an AUTHORS file is
    /// still a leak, except in a file's opening credit block.
    /// `inCreditBlock`: the value sits in the file's opening credit block, where the authors'
    /// addresses and numbers are published along with their names.
    public static func classify(_ c: Candidate, category: Category, inCreditBlock: Bool = false) -> FindingContext? {
        if (category == .postcode || category == .address) && isOrganisationAddress(c) { return .organisational }
        if inCreditBlock && contactCategories.contains(category) && !AttributionContext.isThirdPartyData(path: c.path) {
            return .attribution
        }
        guard category == .email || category == .name else { return nil }
        if category == .email && isListHeader(c.lineBefore) { return .organisational }
        if AttributionContext.isAttribution(path: c.path, lineBefore: c.lineBefore) { return .attribution }
        if category == .email && EmailValidator.isOrganisational(c.value) { return .organisational }
        return nil
    }
}
