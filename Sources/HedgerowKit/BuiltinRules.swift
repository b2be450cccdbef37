import HedgerowCore
import HedgerowRules

/// The rules embedded in the binary from Rules/, loaded the same way as a user's file.
public enum BuiltinRules {
    public static func load() throws -> [Rule] { try RuleFiles.load(BuiltinRuleFiles.all) }

    /// The embedded rule files, for tests that check the embedding is complete.
    public static var files: [(path: String, yaml: String)] { BuiltinRuleFiles.all }
}
