#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where an address sits, which decides whether it can identify a host or person.
public enum AddressScope: Equatable, Sendable {
    case publicAddress, privateAddress, loopback, linkLocal, unspecified, documentation, multicast, reserved
}

/// IPv4: octet ranges, then evidence, then scope. Loopback, unspecified and documentation
/// ranges are never findings; private ranges are low confidence. A public address needs
/// evidence (`IPv4Evidence`): without it, it is low confidence; in a version, revision,
/// OID or section context it is no finding at all.
public struct IPv4Validator: Validator {
    public init() {}

    /// Public DNS resolvers and the sequences people type as examples: not anyone's address.
    static let wellKnownNonPersonal: Set<String> = [
        "1.1.1.1", "1.0.0.1", "8.8.8.8", "8.8.4.4", "9.9.9.9", "149.112.112.112", "208.67.222.222", "208.67.220.220",
        "1.2.3.4", "4.3.2.1", "1.2.3.5", "5.6.7.8", "2.3.4.5", "11.22.33.44", "12.34.56.78", "123.123.123.123",
        "123.45.67.89", "98.76.54.32",
    ]

    /// The four octets of a dotted quad written in ASCII digits, or nil.
    public static func octets(_ text: String) -> [Int]? {
        var result: [Int] = []
        result.reserveCapacity(4)
        var value = 0, length = 0, leadingZero = false
        func close() -> Bool {
            guard length > 0, length <= 3, value <= 255, !(length > 1 && leadingZero) else { return false }
            result.append(value)
            return true
        }
        for b in text.utf8 {
            if b == 0x2E {
                guard result.count < 3, close() else { return nil }
                value = 0; length = 0
            } else {
                guard b &- 0x30 < 10, length < 3 else { return nil }
                if length == 0 { leadingZero = b == 0x30 }
                value = value * 10 + Int(b &- 0x30)
                length += 1
            }
        }
        return result.count == 3 && close() ? result : nil
    }

    public static func scope(_ o: [Int]) -> AddressScope {
        switch (o[0], o[1], o[2]) {
        case (0, _, _): return .unspecified
        case (127, _, _): return .loopback
        case (10, _, _), (192, 168, _), (100, 64...127, _): return .privateAddress
        case (172, 16...31, _): return .privateAddress
        case (169, 254, _): return .linkLocal
        case (192, 0, 2), (198, 51, 100), (203, 0, 113): return .documentation
        case (198, 18...19, _): return .reserved
        case (224...239, _, _): return .multicast
        case (240...255, _, _): return .reserved
        default: return .publicAddress
        }
    }

    public func validate(_ c: Candidate) -> Verdict {
        guard let o = Self.octets(c.value) else { return .reject("not four octets of 0-255") }
        switch IPv4Evidence.read(c, octets: o) {
        case let .notAddress(reason): return .reject(reason)
        case .address: return Self.verdict(o, value: c.value)
        case .unknown:
            let verdict = Self.verdict(o, value: c.value)
            guard verdict == .accept else { return verdict }
            return .lower(.low, "nothing around it says it is an address (versions and section numbers look the same)")
        }
    }

    /// The verdict on an address's own octets, once its context has not ruled it out.
    static func verdict(_ o: [Int], value: String) -> Verdict {
        if o == [255, 255, 255, 255] || (o[0] == 255 && o[1] == 255) { return .reject("netmask") }
        if wellKnownNonPersonal.contains(value) { return .reject("public resolver or stock example address") }
        switch scope(o) {
        case .publicAddress:
            if o[0] == 1 && o[1] == 2 { return .lower(.low, "a counting sequence (1.2.x.x) used as an example") }
            if o[2] == 0 && o[3] == 0 { return .lower(.low, "a network address, not a host") }
            return .accept
        case .privateAddress, .linkLocal: return .lower(.low, "private or link-local address")
        case .loopback: return .reject("loopback")
        case .unspecified: return .reject("unspecified address")
        case .documentation: return .reject("documentation range (RFC 5737)")
        case .multicast, .reserved: return .reject("multicast or reserved range")
        }
    }
}

/// IPv6 in full and compressed forms, parsed by the C library so `::` rules are exact.
public struct IPv6Validator: Validator {
    public init() {}

    public static func bytes(_ text: String) -> [UInt8]? {
        var address = in6_addr()
        let zoneless = text.split(separator: "%", maxSplits: 1).first.map(String.init) ?? text
        guard inet_pton(AF_INET6, zoneless, &address) == 1 else { return nil }
        return withUnsafeBytes(of: &address) { Array($0) }
    }

    public func validate(_ c: Candidate) -> Verdict {
        let text = c.value
        guard let b = Self.bytes(text) else { return .reject("not an IPv6 address") }
        let groups = text.split(separator: ":", omittingEmptySubsequences: true)
        if !text.containsBytes("::") && groups.count != 8 && !text.containsBytes(".") { return .reject("too few groups") }
        if groups.count < 3 && !(text.containsBytes("::") && groups.count >= 2 && groups.contains(where: { $0.count >= 3 })) {
            return .reject("too short to be an address in text")
        }
        // Code such as `Foo::Bar` or timestamps: demand at least one digit.
        guard text.contains(where: \.isNumber) else { return .reject("no digits") }
        if b.allSatisfy({ $0 == 0 }) { return .reject("unspecified address") }
        if b[0..<15].allSatisfy({ $0 == 0 }) && b[15] == 1 { return .reject("loopback") }
        if b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8 { return .reject("documentation range (RFC 3849)") }
        if b[0] == 0xff { return .reject("multicast") }
        if b[0] == 0x3f && b[1] == 0xfe { return .reject("6bone test range (3ffe::/16), returned in 2006") }
        let mappedOrCompatible = b[0..<10].allSatisfy({ $0 == 0 })
        if b[0] == 0 && !mappedOrCompatible { return .reject("reserved range (::/8)") }
        if b[0] == 0x20 && b[1] == 0x01 && b[2] == 0 && b[3] == 0 { return .lower(.low, "Teredo tunnelling prefix") }
        if b[0] & 0xfe == 0xfc { return .lower(.low, "unique local address") }
        if text.hasSuffix("::") { return .lower(.low, "a network prefix, not a host") }
        if text.hasPrefix("::") && groups.count <= 2 && !text.lowercased().hasPrefix("::ffff:") {
            return .lower(.low, "deprecated IPv4-compatible form, used in tests")
        }
        let hexspeak: Set<String> = ["dead", "beef", "cafe", "babe", "face", "feed", "c0de", "f00d", "bad", "b00c", "fade", "deaf", "bead"]
        if groups.contains(where: { hexspeak.contains($0.lowercased()) }) { return .lower(.low, "hexspeak groups of an example address") }
        if b[0] == 0xfe && b[1] & 0xc0 == 0x80 { return .lower(.low, "link-local address") }
        if b[0..<10].allSatisfy({ $0 == 0 }) && b[10] == 0xff && b[11] == 0xff {
            let mapped = Array(b[12..<16]).map(Int.init)
            if IPv4Validator.wellKnownNonPersonal.contains(mapped.map(String.init).joined(separator: ".")) {
                return .reject("stock example address, IPv4-mapped")
            }
            switch IPv4Validator.scope(mapped) {
            case .publicAddress: return .accept
            case .privateAddress, .linkLocal: return .lower(.low, "private address")
            default: return .reject("reserved IPv4-mapped address")
            }
        }
        return .accept
    }
}
