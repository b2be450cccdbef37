/// A text stage that reads its input a line at a time and writes rewritten text (cues
/// joined into utterances, soft line breaks removed). It marks a boundary in the text
/// wherever nothing later will be joined to what came before, so the driver can hand
/// over finished blocks and keep memory bounded.
public protocol LineRewriter {
    /// One source line without its line end (`\n`, and a `\r` before it), at input
    /// offset `offset`; `ending` is how many line-end bytes followed it (0 at the end of input).
    mutating func consume(_ line: UnsafeBufferPointer<UInt8>, at offset: Int, ending: Int, into text: inout RewrittenText)
    /// The input ended: close what is open.
    mutating func finish(into text: inout RewrittenText)
}
