import Foundation

/// Loads a set of rule files (the built-in ones, embedded in the binary) on all cores:
/// YAML parsing of some 350 rules and their examples is most of a hook's start-up. The
/// result keeps the files' order. In the core, not the top layer, so the core's tests
/// load the real rules without building the CLI's library.
public enum RuleFiles {
    public static func load(_ files: [(path: String, yaml: String)], under folder: String = "Rules/") throws -> [Rule] {
        let results = ParsedFiles(count: files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { i in
            let result = Result { try RuleLoader.load(yaml: files[i].yaml, file: folder + files[i].path, builtIn: true) }
            results.set(i, result)
        }
        return try results.all().flatMap { try $0.get() }
    }
}

/// One slot per file, filled from several threads.
private final class ParsedFiles: @unchecked Sendable {
    private var slots: [Result<[Rule], Error>?]
    private let lock = NSLock()
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ result: Result<[Rule], Error>) { lock.withLock { slots[i] = result } }
    func all() -> [Result<[Rule], Error>] { lock.withLock { slots.map { $0! } } }
}
