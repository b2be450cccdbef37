import HedgerowCore

/// How a found value is replaced in the clean copy.
public enum ReplacementStyle: String, CaseIterable, Sendable {
    /// `[NAME-1]`, `[EMAIL-2]`: typed, numbered, the same value the same placeholder.
    case placeholder
    /// Realistic, harmless equivalents (reserved domains, drama numbers, fictional names).
    case fake
    /// Every character replaced by `*`, the length kept.
    case mask
}

/// Which word of a person's name a lone word stands for, once the whole name is known.
public enum NamePart: String, Sendable {
    case first, middle, last
}

/// What a replaced value is within a run: its category and number, and for a lone word
/// of a known name, which part of that name it is.
public struct Identity: Hashable, Sendable {
    public var category: Category
    public var number: Int
    public var part: NamePart?
    public init(category: Category, number: Int, part: NamePart? = nil) {
        self.category = category; self.number = number; self.part = part
    }
}

/// Numbers the values of one run and hands out their replacements, consistently: the same
/// value (compared loosely: case, spaces, +44) gets the same identity in every file, and a
/// lone word of a full name seen in the run is linked to it (`[NAME-1:first]`).
/// It also keeps the table the map file is written from: each replacement written and the
/// exact source text it stands for. Not thread-safe: one run writes its copies in order.
public final class PlaceholderBook {
    public let style: ReplacementStyle
    private var identities: [String: Identity] = [:]
    private var counters: [Category: Int] = [:]
    private var nameParts: [String: Identity] = [:]
    /// Words of full names (three letters or more, capitalised), to be replaced wherever
    /// they stand alone: "Margaret Okafor" said once with context, "Margaret" later. hedgerow:allow (made-up example)
    public private(set) var namePartLiterals: [(word: String, identity: Identity)] = []
    /// Replacement -> source text, in order of first use: what `restore` reverses.
    public private(set) var entries: [(replacement: String, source: String, category: Category)] = []
    private var entrySources: [String: String] = [:]
    private var cache: [CacheKey: String] = [:]
    /// Every replacement handed out, so a rescan can tell a fake it wrote from a leak.
    public private(set) var written: Set<String> = []

    private struct CacheKey: Hashable {
        var identity: Identity
        var piece: Int
        var pieces: Int
        var source: String
    }

    public init(style: ReplacementStyle) { self.style = style }

    /// Numbers the values of the run, given in order of appearance: full names and every
    /// other category first, then lone name words (so they can be linked to a full name
    /// that appears after them).
    public func prepare(_ values: [(category: Category, value: String)]) {
        for (category, value) in values where !(category == .name && Self.words(value).count == 1) {
            identity(category, value)
        }
        for (category, value) in values where category == .name && Self.words(value).count == 1 {
            identity(category, value)
        }
    }

    /// The identity of a value, allocated on first sight.
    @discardableResult
    public func identity(_ category: Category, _ value: String) -> Identity {
        let key = Self.key(category, value)
        if let known = identities[key] { return known }
        if category == .name {
            let words = Self.words(value)
            if words.count == 1, let linked = nameParts[words[0].lowercased()] {
                identities[key] = linked
                return linked
            }
            let id = Identity(category: .name, number: next(.name))
            identities[key] = id
            if words.count >= 2 {
                for (i, word) in words.enumerated() {
                    let part: NamePart = i == 0 ? .first : (i == words.count - 1 ? .last : .middle)
                    let lower = word.lowercased()
                    guard nameParts[lower] == nil, word.unicodeScalars.count >= 3 else { continue }
                    let partID = Identity(category: .name, number: id.number, part: part)
                    nameParts[lower] = partID
                    if let first = word.unicodeScalars.first, first.properties.isUppercase {
                        namePartLiterals.append((word, partID))
                    }
                }
            }
            return id
        }
        let id = Identity(category: category, number: next(category))
        identities[key] = id
        return id
    }

    private func next(_ category: Category) -> Int {
        let n = counters[category, default: 0] + 1
        counters[category] = n
        return n
    }

    /// The replacement for one piece (`piece` of `pieces`) of a value whose source text is
    /// `source`, recorded for the map. A placeholder whose source text differs from the one
    /// it already stands for (`07700 900123` and `07700900123`) gets a variant (`:v2`),
    /// so restoring gives back exactly what was there.
    public func replacement(for identity: Identity, source: String, piece: Int = 0, of pieces: Int = 1) -> String {
        if style == .mask { return Self.mask(source) }
        let cacheKey = CacheKey(identity: identity, piece: piece, pieces: pieces, source: source)
        if let cached = cache[cacheKey] { return cached }
        var token: String
        switch style {
        case .placeholder:
            token = Self.placeholder(identity, piece: piece, of: pieces, variant: 1)
            var variant = 1
            while let existing = entrySources[token], existing != source {
                variant += 1
                token = Self.placeholder(identity, piece: piece, of: pieces, variant: variant)
            }
        case .fake:
            let whole = FakeValues.make(identity, singleWord: Self.words(source).count == 1 && pieces == 1)
            token = pieces > 1 ? FakeValues.piece(whole, piece, of: pieces) : whole
        case .mask:
            token = Self.mask(source)
        }
        record(token, source: source, category: identity.category)
        cache[cacheKey] = token
        return token
    }

    /// Records another written form of a replacement (a JSON value wrapped in quotes).
    public func record(_ replacement: String, source: String, category: Category) {
        written.insert(replacement)
        guard style != .mask, entrySources[replacement] == nil else { return }
        entrySources[replacement] = source
        entries.append((replacement, source, category))
    }

    static func placeholder(_ id: Identity, piece: Int, of pieces: Int, variant: Int) -> String {
        var text = "[" + label(id.category) + "-" + String(id.number)
        if let part = id.part { text += ":" + part.rawValue }
        if pieces > 1 { text += ":" + String(piece + 1) + "/" + String(pieces) }
        if variant > 1 { text += ":v" + String(variant) }
        return text + "]"
    }

    /// `name` -> `NAME`, `nhs_number` -> `NHS-NUMBER`.
    public static func label(_ category: Category) -> String {
        category.rawValue.uppercased().replacingOccurrences(of: "_", with: "-")
    }

    /// Characters replaced by `*`, whitespace kept: the length and the word breaks stay.
    public static func mask(_ source: String) -> String {
        String(String.UnicodeScalarView(source.unicodeScalars.map { $0.properties.isWhitespace ? $0 : "*" }))
    }

    static func words(_ value: String) -> [String] {
        value.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }).map(String.init)
    }

    /// The value as compared for "the same value": case and separators do not count where
    /// they do not change what the value is.
    public static func key(_ category: Category, _ value: String) -> String {
        switch category {
        case .phone:
            var digits = String(value.unicodeScalars.filter { $0.properties.numericType != nil && $0.isASCII })
            if digits.hasPrefix("44") && digits.count == 12 { digits = "0" + digits.dropFirst(2) }
            return "phone:" + digits
        case .postcode, .nhsNumber, .niNumber, .cardNumber, .bankAccount, .dateOfBirth:
            return category.rawValue + ":" + String(value.unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }).uppercased()
        case .email, .name, .address:
            return category.rawValue + ":" + words(value).joined(separator: " ").lowercased()
        default:
            return category.rawValue + ":" + value
        }
    }
}
