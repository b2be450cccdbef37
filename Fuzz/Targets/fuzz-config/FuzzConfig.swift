import Glibc
import FuzzMain
import HedgerowCore

/// One fuzzing input: the project configuration loader (`.hedgerow.yml`, `--config`)
/// and the baseline reader, on the same bytes. A load may fail with a message; it must
/// not crash, hang or recurse without bound (deeply nested YAML).
public func fuzzConfig(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: data == nil ? 0 : size), as: UTF8.self)
    _ = try? ProjectConfig.load(yaml: text, file: ".hedgerow.yml", knownRules: nil)
    _ = try? ProjectConfig.load(yaml: text, file: ".hedgerow.yml", knownRules: ["pd.email", "secret.aws-access-key"])
    if let baseline = try? Baseline.parse(text, file: "baseline.tsv") {
        // What a baseline writes, it reads back the same.
        let again = try? Baseline.parse(baseline.render(), file: "baseline.tsv")
        precondition(again?.entries == baseline.entries, "a baseline does not read back what it wrote")
    }
    return 0
}

@main
enum Main {
    static func main() { runFuzzer { data, size in fuzzConfig(data, size) } }
}
