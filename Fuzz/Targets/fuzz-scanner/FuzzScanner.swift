import Glibc
import FuzzMain
import HedgerowCore
import HedgerowKit

/// The built-in rules, compiled once, and two scanners over them: one that takes the
/// input in one window and one that commits 97 bytes a step, so every rule meets window
/// edges at odd places.
enum Engines {
    static let ruleSet: RuleSet = {
        do { return try RuleSet(BuiltinRules.load()) } catch { fatalError("the built-in rules do not load: \(error)") }
    }()
    static let fingerprinter = Fingerprinter(key: Array("fuzz-key".utf8))
    static let whole = ScanEngine(ruleSet: ruleSet, fingerprinter: fingerprinter)
    static let chunked = ScanEngine(ruleSet: ruleSet, fingerprinter: fingerprinter, chunkSize: 97)
}

/// One fuzzing input: the scanner over the built-in rules. It must not crash or hang,
/// must not hit a match limit (a limit hit fails the user's run), and must find the same
/// findings whatever the window size.
public func fuzzScanner(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: data == nil ? 0 : size))
    guard let whole = try? Engines.whole.scan(bytes: bytes) else { return 0 }
    precondition(whole.report.limitHits.isEmpty, "built-in rules hit a match limit: \(whole.report.limitHits)")
    for finding in whole.findings {
        precondition(finding.start.offset >= 0 && finding.start.offset <= bytes.count, "a finding outside the input")
        precondition(finding.start.line >= 1 && finding.start.column >= 1, "a finding before line 1, column 1")
    }
    guard let chunked = try? Engines.chunked.scan(bytes: bytes) else { return 0 }
    let a = whole.findings.map { "\($0.ruleID)@\($0.start.offset)" }
    let b = chunked.findings.map { "\($0.ruleID)@\($0.start.offset)" }
    precondition(a == b, "findings depend on the window size: \(a) vs \(b)")
    return 0
}

@main
enum Main {
    static func main() { runFuzzer { data, size in fuzzScanner(data, size) } }
}
