/// Who issued a credential, from the rule that found it: the rotation step names them.
enum ProviderNames {
    static let byRuleSegment: [(String, String)] = [
        ("aws", "AWS IAM"), ("github", "GitHub"), ("gitlab", "GitLab"), ("slack", "Slack"), ("stripe", "Stripe"),
        ("google", "Google Cloud"), ("azure", "Microsoft Azure"), ("openai", "OpenAI"), ("anthropic", "Anthropic"),
        ("npm", "npm"), ("pypi", "PyPI"), ("sendgrid", "SendGrid"), ("twilio", "Twilio"), ("jwt", "the token-signing service"),
        ("private-key", "the key pair's owner"), ("connection", "the database or service owner"),
    ]

    static func provider(forRule id: String) -> String {
        let parts = id.lowercased().split(separator: ".").map(String.init)
        for (segment, name) in byRuleSegment where parts.contains(where: { $0.hasPrefix(segment) }) { return name }
        return "the service the credential belongs to"
    }
}
