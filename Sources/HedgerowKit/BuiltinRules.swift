import HedgerowCore
import HedgerowRules

/// The rules embedded in the binary from Rules/, loaded the same way as a user's file.
public enum BuiltinRules {
    public static func load() throws -> [Rule] {
        try BuiltinRuleFiles.all.flatMap { try RuleLoader.load(yaml: $0.yaml, file: "Rules/" + $0.path) }
    }

    /// The embedded rule files, for tests that check the embedding is complete.
    public static var files: [(path: String, yaml: String)] { BuiltinRuleFiles.all }
}
