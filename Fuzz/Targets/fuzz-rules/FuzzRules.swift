import Glibc
import FuzzMain
import HedgerowCore

/// One fuzzing input: the rule loader (`--rules`, `rule_files`) and the rule set
/// compiler behind it, then the rule's own examples as `rules check` runs them. A bad rule
/// is reported; nothing may crash or hang.
public func fuzzRules(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: data == nil ? 0 : size), as: UTF8.self)
    guard let rules = try? RuleLoader.load(yaml: text, file: "fuzz-rules.yml"), !rules.isEmpty,
          let set = try? RuleSet(rules) else { return 0 }
    let engine = ScanEngine(ruleSet: set, fingerprinter: Fingerprinter(key: Array("fuzz-key".utf8)), chunkSize: 512)
    for rule in rules {
        for example in (rule.examples + rule.negativeExamples).prefix(4) {
            _ = try? engine.scan(bytes: Array(example.utf8))
        }
    }
    return 0
}

@main
enum Main {
    static func main() { runFuzzer { data, size in fuzzRules(data, size) } }
}
