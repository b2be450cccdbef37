import Glibc
import FuzzMain
import HedgerowCore
import HedgerowInputs
import HedgerowKit

enum Engines {
    static let ruleSet: RuleSet = {
        do { return try RuleSet(BuiltinRules.load()) } catch { fatalError("the built-in rules do not load: \(error)") }
    }()
    static let engine = ScanEngine(ruleSet: ruleSet, fingerprinter: Fingerprinter(key: Array("fuzz-key".utf8)), chunkSize: 4096)
    /// The first byte picks the name, and the name picks the reader: WebVTT, SubRip, a
    /// sniffed plain-text transcript, e-mail (quoted-printable), a Slack export, stdin.
    static let names = ["call.vtt", "call.srt", "call.txt", "call.transcript", "message.eml", "slack.json", "-"]
}

/// One fuzzing input: the transcript, e-mail and chat readers (Sources/HedgerowInputs/
/// Stages) behind the scanner, as a file or a committed blob is read. The first byte picks
/// the file name; the rest is the file. Nothing may crash or hang, and every finding must
/// point inside the input.
public func fuzzTranscripts(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data, size > 0 else { return 0 }
    let name = Engines.names[Int(data[0]) % Engines.names.count]
    let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    let result = InputScanner().scanBytes(bytes, displayPath: name, with: Engines.engine)
    for finding in result.findings {
        precondition(finding.start.line >= 1 && finding.start.column >= 1, "a finding before line 1, column 1")
        precondition(finding.start.offset <= finding.end.offset, "a finding that ends before it starts")
    }
    return 0
}

@main
enum Main {
    static func main() { runFuzzer { data, size in fuzzTranscripts(data, size) } }
}
