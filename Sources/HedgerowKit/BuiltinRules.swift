import Foundation
import HedgerowCore
import HedgerowRules

/// The rules embedded in the binary from Rules/, loaded the same way as a user's file.
public enum BuiltinRules {
    /// The files are parsed on all cores: YAML parsing of some 350 rules and their
    /// examples is most of a hook's start-up. The result keeps the files' order.
    public static func load() throws -> [Rule] {
        let files = BuiltinRuleFiles.all
        let results = ParsedFiles(count: files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { i in
            let result = Result { try RuleLoader.load(yaml: files[i].yaml, file: "Rules/" + files[i].path) }
            results.set(i, result)
        }
        return try results.all().flatMap { try $0.get() }
    }

    /// The embedded rule files, for tests that check the embedding is complete.
    public static var files: [(path: String, yaml: String)] { BuiltinRuleFiles.all }
}

/// One slot per file, filled from several threads.
private final class ParsedFiles: @unchecked Sendable {
    private var slots: [Result<[Rule], Error>?]
    private let lock = NSLock()
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ result: Result<[Rule], Error>) { lock.withLock { slots[i] = result } }
    func all() -> [Result<[Rule], Error>] { lock.withLock { slots.map { $0! } } }
}
