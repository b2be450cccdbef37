#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a `LineRewriter` over a stream fed in pieces of any size and scans its rewritten
/// text with a scanner of its own, a block at a time: a block ends at a boundary the
/// rewriter marked, once it holds `blockSize` bytes, so memory stays bounded however
/// long the input. Findings come back in source terms (see `ScanEngine.scan(_:source:origin:)`).
public final class RewriteStage {
    private var rewriter: any LineRewriter
    private let scanner: ScanEngine
    private let origin: Origin
    private let blockSize: Int
    private let longestBlock: Int
    private var text = RewrittenText()
    /// Input bytes from `sourceStart` (a line start, line `sourceLine`) on.
    private var source: [UInt8] = []
    private var sourceStart = 0
    private var sourceLine = 1
    /// Index in `source` of the next line to hand to the rewriter, and its line number.
    private var nextLine = 0
    private var lineNumber = 1
    /// How far `source` has been searched for a newline.
    private var searched = 0
    /// The latest boundary: rewritten offset, and the start and number of the line being
    /// read when it was marked (no text after it comes from before that line).
    private var boundary: (rewritten: Int, lineStart: Int, line: Int)?
    private var finished = false
    /// Findings not yet taken, in source order.
    public private(set) var findings: [Finding] = []
    /// Every finding starting before this input offset has been found.
    public private(set) var scannedThrough = 0

    /// `longestBlock` bounds a block with no boundary in it (one speaker's monologue):
    /// it is cut there, and a value cut at that line is not joined.
    public init(rewriter: any LineRewriter, scanner: ScanEngine, origin: Origin, blockSize: Int = 1 << 18, longestBlock: Int = 1 << 22) {
        self.rewriter = rewriter; self.scanner = scanner; self.origin = origin
        self.blockSize = max(1, blockSize)
        self.longestBlock = max(self.blockSize, longestBlock)
    }

    /// Takes the findings found so far.
    public func takeFindings() -> [Finding] {
        defer { findings.removeAll(keepingCapacity: true) }
        return findings
    }

    /// The next bytes of the input.
    public func feed(_ bytes: UnsafeRawBufferPointer) throws {
        guard !bytes.isEmpty else { return }
        source.append(contentsOf: bytes.bindMemory(to: UInt8.self))
        try readLines()
    }

    /// The input ended: the last line, what the rewriter holds, and the last block.
    public func finish() throws {
        guard !finished else { return }
        finished = true
        if nextLine < source.count { consumeLastLine() }
        rewriter.finish(into: &text)
        try scanBlock(upTo: text.count)
        text.removeAll()
        scannedThrough = .max
    }

    /// Hands every complete line fed so far to the rewriter, then hands over a block if
    /// one is due. The loop works on local copies of the rewriter and the text (one
    /// exclusivity check per feed, not per line: lines are short and many).
    private func readLines() throws {
        var rewriter = self.rewriter
        var text = self.text
        self.text = RewrittenText()
        var next = nextLine, number = lineNumber, latest = boundary
        let start = sourceStart
        let from = max(searched, next)
        source.withUnsafeBufferPointer { p in
            guard let base = p.baseAddress else { return }
            var cursor = from
            while cursor < p.count, let hit = memchr(base + cursor, 0x0A, p.count - cursor) {
                let newline = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                var stop = newline, ends = 1
                if stop > next && p[stop - 1] == 0x0D { stop -= 1; ends += 1 }
                let marked = text.boundaries.count
                rewriter.consume(UnsafeBufferPointer(rebasing: p[next..<stop]), at: start + next, ending: ends, into: &text)
                if text.boundaries.count != marked { latest = (text.boundaries.last!, start + next, number) }
                next = newline + 1
                number += 1
                cursor = next
            }
        }
        searched = source.count
        self.rewriter = rewriter
        self.text = text
        nextLine = next
        lineNumber = number
        boundary = latest
        try flushIfDue()
    }

    /// Hands the last line (no newline after it) to the rewriter.
    private func consumeLastLine() {
        let lineStart = sourceStart + nextLine
        let marked = text.boundaries.count
        source.withUnsafeBufferPointer { p in
            rewriter.consume(UnsafeBufferPointer(rebasing: p[nextLine...]), at: lineStart, ending: 0, into: &text)
        }
        if text.boundaries.count != marked { boundary = (text.boundaries.last!, lineStart, lineNumber) }
        nextLine = source.count
        lineNumber += 1
    }

    private func flushIfDue() throws {
        if boundary == nil && (text.count >= longestBlock || nextLine >= 4 * longestBlock) {
            // One utterance this long: cut it here (a value cut at this line is not joined).
            text.markBoundary()
            boundary = (text.count, sourceStart + nextLine, lineNumber)
        }
        guard let b = boundary, text.count >= blockSize || nextLine >= 4 * blockSize else { return }
        boundary = nil
        try scanBlock(upTo: b.rewritten)
        let drop = b.lineStart - sourceStart
        source.removeFirst(drop)
        nextLine -= drop
        searched = max(0, searched - drop)
        sourceStart = b.lineStart
        sourceLine = b.line
        scannedThrough = b.lineStart
    }

    private func scanBlock(upTo cut: Int) throws {
        guard cut > 0 else { return }
        let head = text.removePrefix(upTo: cut)
        findings += try scanner.scan(head, source: SourceBlock(bytes: source, offset: sourceStart, line: sourceLine), origin: origin)
    }
}
