/// What the text around a dotted quad says it is. Four small numbers separated by dots
/// are far more often a version (`2.20.1.155`), a CVS revision (`1.3.2.1`), an OID
/// (`1.3.6.1.4.1`) or a section number (`8.2.4.44`) than an address: on real trees nine
/// in ten were not addresses. So an address needs evidence: network words around it, or a
/// shape versions never take (a port, a prefix length, a URL, an access log's first
/// field). Version, revision, OID and section contexts, and the files full of them
/// (changelogs, release notes, RCS `,v` files, lock files), rule it out.
public enum IPv4Evidence {
    public enum Reading: Equatable, Sendable {
        /// Something says it is an address.
        case address
        /// Something says it is a version, revision, OID or section number.
        case notAddress(String)
        /// Nothing says either way.
        case unknown
    }

    /// Parts of names that say "network" (split at punctuation, `_` and camel case):
    /// `CLIENT_IP`, `bastion_ip`, `cidr_blocks`, `remoteAddr`, `whitelist-source-range`.
    static let networkWords: Set<String> = [
        "ip", "ips", "ipv4", "ipaddr", "ipaddress", "addr", "address", "addresses", "host", "hosts", "hostname", "server",
        "servers", "listen", "bind", "ssh", "scp", "sftp", "rsync", "ping", "traceroute", "nslookup", "dig", "telnet",
        "curl", "wget", "nc", "netcat", "nmap", "connect", "connected", "connecting", "connection", "client", "clients",
        "peer", "peers", "remote", "gateway", "gw", "dns", "nameserver", "resolver", "proxy", "upstream", "downstream",
        "route", "routes", "subnet", "cidr", "netmask", "firewall", "iptables", "ufw", "allow", "allowed", "deny",
        "denied", "block", "blocked", "blocklist", "allowlist", "whitelist", "blacklist", "src", "dst", "source",
        "destination", "from", "nat", "bastion", "vpn", "endpoint", "origin", "forwarded", "received", "relay", "smtp",
        "mx", "inet", "eth0", "interface", "lease", "dhcp", "node", "nodes", "ingress", "egress", "office", "public",
        "private", "elastic", "eip", "static", "loadbalancer", "lb", "backend", "frontend", "master", "worker", "db",
        "database", "redis", "postgres", "mysql", "mongo", "ansible", "inventory", "login", "logins", "logged", "request",
        "requests", "attacker", "visitor", "user", "caller", "sender", "target", "machine", "vm", "instance", "router",
        "switch", "socket", "tcp", "udp", "http", "https", "url", "uri", "ftp", "web", "site", "domain", "lookup",
        "resolve", "resolved", "ban", "banned", "fail2ban", "geoip", "network", "net",
    ]

    /// Parts of names that say "version", "revision", "identifier" or "section".
    static let versionWords: Set<String> = [
        "version", "versions", "ver", "release", "released", "releases", "build", "firmware", "rev", "revision",
        "revisions", "tag", "tags", "changelog", "relnotes", "oid", "oids", "section", "sections", "sec", "chapter",
        "clause", "rfc", "appendix", "paragraph", "para", "figure", "fig", "table", "step", "item", "rule", "id",
        "semver", "upgrade", "upgraded", "downgrade", "bump", "bumped", "patch", "hotfix", "milestone", "sdk", "api",
        "python", "git", "kernel", "libc", "gcc", "clang", "node", "npm", "pip", "java", "jdk", "dotnet", "chrome",
        "firefox", "safari", "edge", "windows", "nt", "os", "ios", "android", "macos", "ubuntu", "debian", "centos",
        "rhel", "fedora", "alpine", "mib", "snmp", "asn", "ldap", "x509", "arc", "branch", "see", "cf", "per",
    ]

    /// Words that outrank the version words when both are near: "node" is both a server
    /// and a runtime; "host" is only ever a host.
    static let strongNetworkWords: Set<String> = [
        "ip", "ips", "ipv4", "ipaddr", "ipaddress", "addr", "address", "host", "hostname", "server", "listen", "bind",
        "client", "peer", "remote", "cidr", "subnet", "gateway", "bastion", "firewall", "iptables", "proxy", "nameserver",
        "dns", "nat", "inet", "ssh", "ping",
    ]

    /// Files made of versions and revisions: a dotted quad in one is never an address
    /// unless its own shape says so.
    public static func isVersionFile(_ path: String) -> Bool {
        let lower = path.lowercased()
        if lower.hasSuffix(",v") || lower.hasSuffix(".lock") || lower.hasSuffix("-lock.json") || lower.hasSuffix("-lock.yaml") { return true }
        if lower.containsBytes("relnotes/") || lower.containsBytes("release-notes") || lower.containsBytes("release_notes")
            || lower.containsBytes("releasenotes") { return true }
        let name = lower.split(separator: "/").last.map(String.init) ?? lower
        let stem = name.split(separator: ".").first.map(String.init) ?? name
        return ["changelog", "changes", "news", "history", "releases", "release", "whatsnew", "requirements", "constraints", "go.sum"]
            .contains(stem) || name == "go.sum" || name.hasPrefix("changelog") || name.hasPrefix("news.")
    }

    /// Reads the text around a dotted quad whose octets are `octets`.
    public static func read(_ c: Candidate, octets: [Int]) -> Reading {
        let before = Array(c.before.utf8), after = Array(c.after.utf8)
        // Shapes versions never take: glued to what follows or precedes the way addresses are.
        if let shape = shapeEvidence(before: before, after: after) { return shape }
        if let glued = versionShape(before: c.before.lowercased(), after: after) { return .notAddress(glued) }
        if isVersionFile(c.path) { return .notAddress("a version or revision file (changelog, release notes, lock or ,v file)") }
        // Words before, nearest first: a strong network word or a version word decides;
        // a weak network word ("from", "request") counts unless a version word is nearby.
        var weak = false
        for (distance, word) in words(c.before).reversed().enumerated() where distance < 8 {
            if strongNetworkWords.contains(word) { return .address }
            if versionWords.contains(word) { return .notAddress("a version, revision, OID or section number ('\(word)')") }
            if networkWords.contains(word) { weak = true }
        }
        if weak { return .address }
        // A table column named for addresses (CSV, TSV, a SQL dump's COPY list).
        if let column = c.columnName, words(column).contains(where: { networkWords.contains($0) }) { return .address }
        // Words after: "63.105.40.212 after repeated failed logins", "1.2.3.4 is the new release". hedgerow:allow (made-up example)
        for (distance, word) in words(c.after).enumerated() where distance < 6 {
            if versionWords.contains(word) { return .notAddress("a version, revision, OID or section number ('\(word)')") }
            if networkWords.contains(word) { return .address }
        }
        // Every part two or three digits long: versions start small (1.x, 2.x) and keep
        // some parts to one digit; 48.46.195.239 is a shape they never take. hedgerow:allow (made-up example)
        if octets.allSatisfy({ $0 >= 10 }) { return .address }
        return .unknown
    }

    /// A port, a prefix length, a URL scheme, `user@`, a bracketed log field or an access
    /// log's first field: shapes addresses take and versions never do.
    static func shapeEvidence(before: [UInt8], after: [UInt8]) -> Reading? {
        func digits(_ bytes: ArraySlice<UInt8>) -> Int { bytes.prefix { $0 &- 0x30 < 10 }.count }
        if after.first == 0x3A, (1...5).contains(digits(after.dropFirst())) { return .address }  // :8080
        if after.first == 0x2F, (1...2).contains(digits(after.dropFirst())) { return .address }  // /32
        if before.suffix(3).elementsEqual("://".utf8) || before.last == 0x40 && !before.isEmpty && before.dropLast().last.map(isWordByte) == true {
            return .address  // http://1.2.3.4, user@1.2.3.4
        }
        if before.isEmpty && (after.starts(with: " - ".utf8) || after.starts(with: " -\t".utf8)) { return .address }  // access log
        if before.suffix(7).elementsEqual("client ".utf8) || before.suffix(8).elementsEqual("[client ".utf8) { return .address }
        // A mail domain literal (user@[1.2.3.4]) or a host name then its address in brackets
        // (`mx.example.net [1.2.3.4]`, as Received: headers write them).
        if before.last == 0x5B, after.first == 0x5D {
            let head = before.dropLast()
            if head.last == 0x40 { return .address }
            let word = head.reversed().drop { $0 == 0x20 || $0 == 0x28 }.prefix { $0 != 0x20 && $0 != 0x28 }
            if word.contains(0x2E) && word.contains(where: { ($0 | 0x20) &- 0x61 < 26 }) { return .address }
        }
        // ('1.2.3.4', 80): an address and port pair in code.
        if let quote = after.first, quote == 0x27 || quote == 0x22 {
            let rest = after.dropFirst().drop { $0 == 0x20 }
            if rest.first == 0x2C {
                let port = rest.dropFirst().drop { $0 == 0x20 }
                let n = digits(port)
                if (1...5).contains(n), port.dropFirst(n).first == 0x29 { return .address }
            }
        }
        return nil
    }

    /// Shapes of versions: `v1.2.3.4`, `==1.2.3.4`, `pkg@1.2.3.4`, `2.20.1.155.g1a2b3c`
    /// (git describe), `1.3.2.1 2001/05/03` (an RCS log), `$Id: ... 1.3.2.1`, `§ 8.2.4.44`.
    static func versionShape(before lower: String, after: [UInt8]) -> String? {
        if lower.hasSuffix("v") { return "a version string (v1.2.3.4)" }
        let unspaced = lower.reversed().drop { $0 == " " || $0 == "\"" || $0 == "'" }
        if ["==", ">=", "<=", "~=", "!=", "^", "~"].contains(where: { unspaced.starts(with: $0.reversed()) }) { return "a version pin" }
        if lower.containsBytes("$id") || lower.containsBytes("$revision") || lower.containsBytes("$header") { return "an RCS keyword's revision" }
        if lower.containsBytes("§") { return "a section number" }
        if after.first == 0x2E, after.count > 1, after[1] == 0x67 { return "git describe output (2.20.1.155.g1a2b3c)" }
        if after.first == 0x2D, after.count > 1, isWordByte(after[1]) { return "a version with a suffix (1.2.3.4-rc1)" }
        if after.first == 0x2B { return "a version with build metadata (1.2.3.4+build)" }
        return nil
    }

    @inline(__always) static func isWordByte(_ b: UInt8) -> Bool {
        b &- 0x30 < 10 || (b | 0x20) &- 0x61 < 26 || b == 0x5F
    }

    /// The words of a text, lower-cased, split at anything not a letter and at camel case
    /// (`remoteAddr` -> remote, addr; `CLIENT_IP` -> client, ip). Digits end a word.
    static func words(_ text: String) -> [String] {
        var result: [String] = []
        var current: [UInt8] = []
        var previousLower = false
        func close() { if !current.isEmpty { result.append(String(decoding: current, as: UTF8.self)); current.removeAll() } }
        for b in text.utf8 {
            let isUpper = b &- 0x41 < 26, isLower = b &- 0x61 < 26
            if isUpper || isLower {
                if isUpper && previousLower { close() }
                current.append(b | 0x20)
                previousLower = isLower
            } else {
                close()
                previousLower = false
            }
        }
        close()
        return result
    }
}
