import Glibc
import FuzzMain
import HedgerowInputs

/// One fuzzing input: `git log -p` output, as hedgerow's pipe hands it to the diff
/// parser, in pieces whose size the first byte picks (a piece boundary can fall anywhere:
/// inside a commit marker, a header or a UTF-8 sequence). Errors are fine; crashes, hangs
/// and fragments that contradict the parser's own promises are not.
public func fuzzDiff(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data, size > 0 else { return 0 }
    let input = UnsafeRawBufferPointer(start: data, count: size)
    let piece = Int(data[0]) % 97 + 1
    var parser = DiffParser { fragment in
        // One line number per line of the fragment (0 for the separator between hunks).
        precondition(fragment.lines.allSatisfy { $0 >= 0 }, "a negative line number")
        precondition(fragment.lines.count == fragment.bytes.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }, "line numbers out of step with lines")
        precondition(fragment.bytes.count <= DiffParser.fragmentLimit + (1 << 16), "a fragment over the parser's limit")
    }
    do {
        var at = 0
        while at < size {
            let end = min(size, at + piece)
            try parser.feed(UnsafeRawBufferPointer(rebasing: input[at..<end]))
            at = end
        }
        try parser.finish()
    } catch {}
    return 0
}

@main
enum Main {
    static func main() { runFuzzer { data, size in fuzzDiff(data, size) } }
}
