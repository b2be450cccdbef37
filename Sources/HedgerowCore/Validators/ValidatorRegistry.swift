/// Looks validators up by the names rule files use. A name may carry one argument after
/// a colon (`entropy:3.5`). Unknown names are rule errors, caught by `rules check`.
public enum ValidatorRegistry {
    public struct UnknownValidator: Error, CustomStringConvertible {
        public let name: String
        public var description: String {
            "unknown validator '\(name)' (known: \(ValidatorRegistry.names.joined(separator: ", ")))"
        }
    }

    static let fixed: [String: any Validator] = [
        "email": EmailValidator(),
        "uk-phone": UKPhoneValidator(),
        "intl-phone": InternationalPhoneValidator(),
        "ipv4": IPv4Validator(),
        "ipv6": IPv6Validator(),
        "uk-postcode": PostcodeValidator(),
        "uk-postcode-column": PostcodeColumnValidator(),
        "placeholder": PlaceholderValidator(),
        "secret-slot": SecretSlotValidator(),
        "connection-string": ConnectionStringValidator(),
        "aws-example-key": ClosureValidator { c in
            AWSExampleKeys.contains(c.value) ? .lower(.low, "AWS documentation example key") : .accept
        },
        "github-checksum": GitHubTokenValidator(),
        "jwt": JWTValidator(),
        "nhs-number": NHSNumberValidator(),
        "ni-number": NINumberValidator(),
        "luhn": CardNumberValidator(),
        "iban": IBANValidator(),
        "bank-details": BankDetailsValidator(),
        "date-of-birth": DateOfBirthValidator(),
        "date-of-birth-column": DateOfBirthColumnValidator(),
        "street-address": StreetAddressValidator(),
        "health-context": HealthContextValidator(),
        "not-hex-digest": ClosureValidator { c in
            let v = c.value
            return v.count >= 32 && v.allSatisfy(\.isHexDigit) ? .reject("hexadecimal digest") : .accept
        },
    ]

    public static var names: [String] { (Array(fixed.keys) + ["entropy:<bits>", "person-name:context", "person-name:title", "person-name:field", "person-name:gazetteer", "person-name:pair"]).sorted() }

    public static func validator(named name: String) throws -> any Validator {
        if let found = fixed[name] { return found }
        if name.hasPrefix("person-name:"), let kind = PersonNameValidator.Kind(rawValue: String(name.dropFirst("person-name:".count))) {
            return PersonNameValidator(kind: kind)
        }
        if name.hasPrefix("entropy:"), let floor = Double(name.dropFirst("entropy:".count)) {
            return EntropyValidator(minimumBitsPerCharacter: floor)
        }
        throw UnknownValidator(name: name)
    }
}
