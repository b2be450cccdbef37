/// Separates addresses of people from the many `x@y` shapes in code: reserved example
/// domains, git and ssh remotes, package versions, asset names and credentials in URLs.
public struct EmailValidator: Validator {
    /// RFC 2606 / RFC 6761 names that can never reach a person.
    static let reservedDomains: Set<String> = ["example.com", "example.org", "example.net", "example.edu"]
    static let reservedTLDs: Set<String> = ["test", "invalid", "example", "localhost", "local", "internal", "lan", "localdomain"]
    /// File extensions that follow `@2x` asset names and similar.
    static let fileExtensions: Set<String> = [
        "png", "jpg", "jpeg", "gif", "svg", "webp", "ico", "bmp", "js", "ts", "css", "scss", "map", "json",
        "html", "py", "rb", "go", "rs", "swift", "java", "kt", "md", "txt", "yml", "yaml", "xml", "zip",
        "gz", "tgz", "tar", "pdf", "mp4", "mp3", "wav", "woff", "woff2", "ttf", "otf", "eot", "lock", "sh",
    ]

    /// Mailbox names people type in examples rather than real addresses.
    static let placeholderLocals: Set<String> = [
        "foo", "bar", "baz", "qux", "test", "tester", "user", "username", "email", "mail", "name", "someone",
        "somebody", "nobody", "me", "you", "john.doe", "jane.doe", "johndoe", "janedoe", "first.last",
        "firstname.lastname", "firstname", "example", "sample", "xxx", "abc", "foobar", "spam", "eggs",
    ]
    /// Generic top-level domains in common use; two-letter country codes are all accepted,
    /// and a longer domain outside this list lowers confidence rather than rejecting.
    static let genericTLDs: Set<String> = [
        "com", "org", "net", "edu", "gov", "mil", "int", "info", "biz", "name", "pro", "aero", "coop", "museum",
        "mobi", "asia", "tel", "travel", "jobs", "cat", "post", "app", "dev", "cloud", "tech", "online", "site",
        "shop", "store", "blog", "email", "digital", "agency", "company", "services", "solutions", "systems",
        "network", "london", "wales", "scot", "cymru", "page", "io", "xyz", "club", "live", "media", "news",
        "health", "care", "law", "legal", "bank", "money", "finance", "consulting", "design", "studio", "team",
        "work", "world", "global", "group", "help", "support", "space", "website", "technology", "software",
    ]

    /// Mailboxes that belong to software and lists rather than people.
    static let automatedMailbox: [String] = [
        "noreply", "no-reply", "donotreply", "do-not-reply", "mailer-daemon", "postmaster", "bounces", "bounce",
        "request", "admin", "sig", "owner", "listserv", "majordomo", "internet-drafts", "dev", "users", "announce",
        "discuss", "list",
    ]

    /// The same, with a dash in front, for "x-noreply"-style suffixes (built once).
    static let automatedSuffixes = automatedMailbox.map { "-" + $0 }
    static let reservedSuffixes = reservedDomains.map { "." + $0 }

    /// Message-IDs and generated ids: a UUID, or six or more digits in the local part.
    /// Counted over bytes: the pattern only matches ASCII addresses.
    /// Whether an address is a Message-ID or generated object id rather than a mailbox:
    /// the redactor leaves those alone (they identify a message, not a person).
    public static func isMessageID(_ address: String) -> Bool {
        guard let at = address.lastIndex(of: "@") else { return false }
        return looksLikeMessageID(address[..<at].lowercased())
    }

    static func looksLikeMessageID(_ local: String) -> Bool {
        var digits = 0, dashes = 0, length = 0
        for c in local.utf8 {
            length += 1
            if c &- 0x30 < 10 { digits += 1 } else if c == 0x2D { dashes += 1 }
        }
        return digits >= 6 || (dashes == 4 && length >= 32)
    }

    public init() {}

    /// Runs for every address-shaped match. The pattern only matches ASCII addresses,
    /// which are judged on their bytes (lower-casing, characters and bytes agree there);
    /// the line around them keeps String's rules.
    public func validate(_ c: Candidate) -> Verdict {
        guard c.value.utf8.allSatisfy({ $0 < 0x80 }) else { return validateUnicode(c) }
        let value = Array(c.value.utf8)
        guard let at = value.lastIndex(of: 0x40) else { return .reject("no @") }
        let local = value[..<at]
        let domain = value[(at + 1)...].map(Self.lower)
        let labels = domain.split(separator: 0x2E, omittingEmptySubsequences: false)
        guard labels.count >= 2, let tld = labels.last, !labels.contains(where: \.isEmpty) else {
            return .reject("domain has no dot")
        }
        let domainText = String(decoding: domain, as: UTF8.self), tldText = String(decoding: tld, as: UTF8.self)
        if Self.reservedDomains.contains(domainText) || Self.reservedSuffixes.contains(where: { domainText.hasSuffix($0) }) {
            return .reject("reserved example domain")
        }
        if Self.reservedTLDs.contains(tldText) { return .reject("reserved top-level domain") }
        if labels.dropLast().contains(where: { $0.elementsEqual("example".utf8) }) { return .reject("reserved example name in the domain") }
        guard tld.count >= 2, tld.count <= 24, tld.allSatisfy({ $0 &- 0x61 < 26 }) else {
            return .reject("not a top-level domain")
        }
        if Self.fileExtensions.contains(tldText) && labels.count == 2 { return .reject("file name, not a domain") }
        if labels.dropLast().allSatisfy({ $0.allSatisfy { $0 &- 0x30 < 10 } }) { return .reject("version, not a domain") }
        if let verdict = contextVerdict(c) { return verdict }
        if local.first == 0x2D || local.last == 0x2E { return .reject("malformed local part") }
        let lowerLocal = String(decoding: local.map(Self.lower), as: UTF8.self)
        if Self.looksLikeMessageID(lowerLocal) { return .lower(.low, "a message or object id, not a mailbox") }
        if Self.automatedMailbox.contains(lowerLocal) || Self.automatedSuffixes.contains(where: { lowerLocal.hasSuffix($0) })
            || domainText.hasPrefix("lists.") {
            return .lower(.low, "an automated or list mailbox, not a person")
        }
        let firstLower = lowerLocal.utf8.first
        if local.count == 1 || (!local.isEmpty && lowerLocal.utf8.allSatisfy({ $0 == firstLower })) || Self.placeholderLocals.contains(lowerLocal)
            || lowerLocal.utf8.elementsEqual(labels[0]) {
            return .lower(.low, "placeholder mailbox name")
        }
        if tld.count > 2 && !Self.genericTLDs.contains(tldText) {
            return .lower(.low, "top-level domain '\(tldText)' is not a common one")
        }
        return .accept
    }

    @inline(__always) private static func lower(_ b: UInt8) -> UInt8 { b &- 0x41 < 26 ? b | 0x20 : b }

    /// Rejections read from the line around the address: remotes, shell commands, URLs.
    private func contextVerdict(_ c: Candidate) -> Verdict? {
        // git@host:org/repo and scp-style user@host:path
        if c.after.hasPrefix(":") && !c.after.hasPrefix("://") { return .reject("ssh/scp remote") }
        let lowerBefore = c.before.lowercased()
        if let word = lastCommandWord(lowerBefore), ["ssh", "scp", "rsync", "sftp", "mosh", "ssh-copy-id", "-l"].contains(word) {
            return .reject("user@host in a shell command")
        }
        // user:password@host inside a URL belongs to the connection-string rules.
        if let scheme = lowerBefore.byteRange(of: "://", backwards: true),
           !lowerBefore[scheme.upperBound...].contains(where: { $0 == " " || $0 == "\"" || $0 == "'" }) {
            return .reject("credentials inside a URL")
        }
        return nil
    }

    /// The same judgement over Characters, for a value that is not ASCII (a custom rule's);
    /// the tests hold the byte path to it on ASCII addresses.
    func validateUnicode(_ c: Candidate) -> Verdict {
        guard let at = c.value.lastIndex(of: "@") else { return .reject("no @") }
        let local = c.value[..<at]
        let domain = c.value[c.value.index(after: at)...].lowercased()
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, let tld = labels.last, !labels.contains(where: \.isEmpty) else {
            return .reject("domain has no dot")
        }
        if Self.reservedDomains.contains(domain) || Self.reservedSuffixes.contains(where: { domain.hasSuffix($0) }) {
            return .reject("reserved example domain")
        }
        if Self.reservedTLDs.contains(String(tld)) { return .reject("reserved top-level domain") }
        if labels.dropLast().contains("example") { return .reject("reserved example name in the domain") }
        guard tld.count >= 2, tld.count <= 24, tld.allSatisfy({ $0.isASCII && $0.isLetter }) else {
            return .reject("not a top-level domain")
        }
        if Self.fileExtensions.contains(String(tld)) && labels.count == 2 { return .reject("file name, not a domain") }
        if labels.dropLast().allSatisfy({ $0.allSatisfy(\.isNumber) }) { return .reject("version, not a domain") }
        if let verdict = contextVerdict(c) { return verdict }
        if local.hasPrefix("-") || local.hasSuffix(".") { return .reject("malformed local part") }
        let lowerLocal = local.lowercased()
        if Self.looksLikeMessageID(lowerLocal) { return .lower(.low, "a message or object id, not a mailbox") }
        if Self.automatedMailbox.contains(lowerLocal) || Self.automatedSuffixes.contains(where: { lowerLocal.hasSuffix($0) })
            || domain.hasPrefix("lists.") {
            return .lower(.low, "an automated or list mailbox, not a person")
        }
        if local.count == 1 || Set(lowerLocal).count == 1 || Self.placeholderLocals.contains(lowerLocal) || lowerLocal == labels.first.map(String.init) {
            return .lower(.low, "placeholder mailbox name")
        }
        if tld.count > 2 && !Self.genericTLDs.contains(String(tld)) {
            return .lower(.low, "top-level domain '\(tld)' is not a common one")
        }
        return .accept
    }

    /// The shell word just before the address, if the line reads like a command.
    private func lastCommandWord(_ text: String) -> String? {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "`" || $0 == "$" })
        guard let last = words.last else { return nil }
        // `ssh -p 2222 user@host`: look back past options and their arguments.
        for word in words.reversed().prefix(4) where ["ssh", "scp", "rsync", "sftp", "mosh", "ssh-copy-id"].contains(String(word)) {
            return String(word)
        }
        return String(last)
    }
}
