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

    /// Mailbox names people type in examples rather than real addresses. Words, not
    /// shapes: a one-letter or all-digit local part, a vanity domain (`jo@jo.net`) or an hedgerow:allow (made-up example)
    /// uncommon top-level domain is somebody's address as often as not.
    static let placeholderLocals: Set<String> = [
        "foo", "bar", "baz", "qux", "test", "tester", "user", "username", "email", "mail", "name", "someone",
        "somebody", "nobody", "me", "you", "john.doe", "jane.doe", "johndoe", "janedoe", "first.last",
        "firstname.lastname", "firstname", "example", "sample", "xxx", "abc", "foobar", "spam", "eggs",
        "dummy", "fake", "placeholder", "your.name", "yourname", "your-name", "your_email", "youremail", "test1", "test2",
        "user1", "user2", "testuser", "demo", "changeme", "person", "someperson", "anyone", "everyone", "recipient",
        "sender", "customer", "client", "password", "passwd", "pass", "pwd", "secret", "xxxx", "nobody.home",
    ]
    /// Local parts of mailboxes that belong to a role, a service or a list rather than a
    /// person: an organisation publishes them to be written to.
    static let roleLocals: Set<String> = [
        "noreply", "no-reply", "no_reply", "donotreply", "do-not-reply", "do_not_reply", "mailer-daemon", "postmaster",
        "hostmaster", "webmaster", "abuse", "bounces", "bounce", "request", "admin", "administrator", "sig", "owner",
        "listserv", "mailserv", "mailserver", "majordomo", "internet-drafts", "dev", "devel", "developers", "users", "announce", "discuss", "list",
        "info", "information", "help", "helpdesk", "support", "security", "secure", "enquiries", "enquiry", "inquiries",
        "contact", "contactus", "hello", "office", "sales", "marketing", "press", "media", "news", "newsletter", "dpo",
        "privacy", "dataprotection", "data.protection", "foi", "complaints", "feedback", "careers", "jobs", "recruitment",
        "hr", "billing", "accounts", "finance", "invoices", "payments", "service", "services", "customerservice",
        "customer.service", "customerservices", "general", "reception", "legal", "compliance", "team", "bugs", "bug",
        "issues", "maintainers", "core", "committers", "patches", "root", "sysadmin", "ops", "operations", "it",
        "servicedesk", "notifications", "alerts", "mailer", "daemon", "www", "web", "ftp", "licensing", "partners",
        "psf", "python-dev", "python-list", "python-ideas", "docs", "documentation",
    ]

    /// Domains (or their ends) that host mailing lists.
    static let listDomains = ["googlegroups.com", "vger.kernel.org", "groups.io", "freelists.org", "lists.sourceforge.net", "mail.python.org"]

    /// Webmail providers whose users often have all-digit local parts (QQ numbers): there,
    /// digits are a person's mailbox, not a message id.
    static let webmailDomains: Set<String> = ["qq.com", "163.com", "126.com", "gmail.com", "yahoo.com", "hotmail.com", "outlook.com", "mail.ru", "yandex.ru", "aol.com"]

    /// Mailboxes of organisations and lists: a role local part (`security@`, `info@`), a
    /// list's (`foo-announce@`, `foo-list@`) or a list host (`lists.`, `googlegroups.com`).
    /// Such findings are low confidence and marked organisational.
    public static func isOrganisational(_ address: String) -> Bool {
        guard let at = address.lastIndex(of: "@") else { return false }
        return isOrganisational(local: address[..<at].lowercased(), domain: address[address.index(after: at)...].lowercased())
    }

    static func isOrganisational(local: String, domain: String) -> Bool {
        if roleLocals.contains(local) || automatedSuffixes.contains(where: { local.hasSuffix($0) }) { return true }
        if domain.hasPrefix("lists.") || domain.hasPrefix("list.") || domain.containsBytes(".lists.") { return true }
        return listDomains.contains { domain == $0 || domain.hasSuffix("." + $0) }
    }

    /// Suffixes of list and service local parts ("git-announce", "foo-noreply").
    static let automatedMailbox: [String] = [
        "noreply", "no-reply", "donotreply", "request", "owner", "bounces", "admin", "dev", "devel", "users", "announce",
        "discuss", "list", "help", "bugs", "team", "support", "security", "commits", "patches", "general", "sig",
    ]

    /// A placeholder word, or a run of x (the redaction letter: `xxxxxxx@agency.gov`).
    static func isPlaceholderLocal(_ local: String) -> Bool {
        placeholderLocals.contains(local) || (local.utf8.count >= 3 && local.utf8.allSatisfy { $0 == 0x78 })
    }

    /// The ssh users of git hosts: never anyone's mailbox.
    static let forgeRemotes: Set<String> = ["git@github.com", "git@gitlab.com", "git@bitbucket.org", "git@ssh.dev.azure.com", "git@codeberg.org", "git@git.sr.ht"]

    /// Mail headers whose `<...@...>` values are message ids.
    static let messageHeaders = ["message-id", "references:", "in-reply-to:", "content-id:", "msgid"]

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
        if Self.looksLikeMessageID(lowerLocal) && !Self.webmailDomains.contains(domainText) {
            return .lower(.low, "a message or object id, not a mailbox")
        }
        if Self.isOrganisational(local: lowerLocal, domain: domainText) {
            return .lower(.low, "an organisation's, list's or service's mailbox, not a person")
        }
        if Self.isPlaceholderLocal(lowerLocal) { return .lower(.low, "placeholder mailbox name") }
        return .accept
    }

    @inline(__always) private static func lower(_ b: UInt8) -> UInt8 { b &- 0x41 < 26 ? b | 0x20 : b }

    /// Rejections read from the line around the address: remotes, shell commands, URLs.
    private func contextVerdict(_ c: Candidate) -> Verdict? {
        // git@host:org/repo and scp-style user@host:path
        if c.after.hasPrefix(":") && !c.after.hasPrefix("://") { return .reject("ssh/scp remote") }
        let lowerBefore = c.before.lowercased()
        // git@github.com written alone (a tuple, a config value): the forge's ssh user.
        if Self.forgeRemotes.contains(c.value.lowercased()) { return .reject("a git host's ssh user, not a mailbox") }
        // <id@host> in Message-ID, References, In-Reply-To and Content-ID headers names a
        // message, not a mailbox.
        if c.before.hasSuffix("<"), Self.messageHeaders.contains(where: { lowerBefore.containsBytes($0) }) {
            return .reject("a message id in a mail header")
        }
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
        if Self.looksLikeMessageID(lowerLocal) && !Self.webmailDomains.contains(domain) {
            return .lower(.low, "a message or object id, not a mailbox")
        }
        if Self.isOrganisational(local: lowerLocal, domain: domain) {
            return .lower(.low, "an organisation's, list's or service's mailbox, not a person")
        }
        if Self.isPlaceholderLocal(lowerLocal) { return .lower(.low, "placeholder mailbox name") }
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
