import Glibc
import FuzzMain
import HedgerowCore
import HedgerowInputs
import HedgerowKit

enum Engines {
    static let ruleSet: RuleSet = {
        do { return try RuleSet(BuiltinRules.load()) } catch { fatalError("the built-in rules do not load: \(error)") }
    }()
    static let engine = ScanEngine(ruleSet: ruleSet, fingerprinter: Fingerprinter(key: Array("fuzz-key".utf8)), chunkSize: 1 << 16)
    /// The first byte picks the name, and the name picks the reader. PDF is left out: its
    /// text comes from `pdftotext`, another program, one process per input.
    static let names = ["report.docx", "sheet.xlsx", "slides.pptx", "letter.odt", "table.ods", "bundle.zip",
                        "bundle.tar", "notes.gz", "bundle.tar.gz", "bundle.7z", "locked.docx"]
}

/// One fuzzing input: the document readers (Sources/HedgerowInputs/Documents): zip,
/// tar and compressed containers through libarchive, and the Word, Excel, PowerPoint and
/// OpenDocument text extractors, as a committed document is read. The first byte picks
/// the file name; the rest is the file. A broken document is reported; nothing may crash
/// or hang.
public func fuzzDocuments(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data, size > 0 else { return 0 }
    let name = Engines.names[Int(data[0]) % Engines.names.count]
    let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    _ = InputScanner().scanDocument(bytes: bytes, displayPath: name, with: Engines.engine)
    return 0
}

@main
enum Main {
    static func main() { runFuzzer { data, size in fuzzDocuments(data, size) } }
}
