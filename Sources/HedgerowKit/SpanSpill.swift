#if canImport(Glibc)
import Glibc
#endif

/// Where a redaction keeps the spans of what it found between reading its inputs and
/// writing their copies: in memory while they are few, then in an unnamed temporary file
/// (`tmpfile`: gone when closed or when the process ends), so memory does not grow with the
/// number of values in a file, and a run over thousands of small files opens no file for
/// them. It holds offsets and value numbers only, never a value: nothing in it could undo
/// a redaction.
final class SpanSpill: @unchecked Sendable {
    struct Record {
        var range: Range<Int>
        var pieces: [Range<Int>]?
        var value: Int32
        /// Found by a speaker-tag rule (`pd.name.speaker*`): the speaker ledger needs to know.
        var speakerTag: Bool
        /// Where the value starts (its first piece): the order targets are written in.
        var start: Int { pieces?.first?.lowerBound ?? range.lowerBound }
    }

    /// Records kept in memory before they go to a file.
    static let inMemory = 4096
    private var memory: [Record] = []
    private var file: UnsafeMutablePointer<FILE>?
    private(set) var count = 0

    init() {}

    deinit { if let file { fclose(file) } }

    func append(_ record: Record) {
        count += 1
        if file == nil {
            if memory.count < Self.inMemory { memory.append(record); return }
            // Without a temporary file the records stay in memory: slower to nothing, only bigger.
            guard let opened = tmpfile() else { memory.append(record); return }
            setvbuf(opened, nil, _IOFBF, 1 << 16)
            file = opened
            for held in memory { write(held, to: opened) }
            memory = []
        }
        write(record, to: file!)
    }

    private func write(_ record: Record, to file: UnsafeMutablePointer<FILE>) {
        let pieces = record.pieces ?? []
        var words: [Int64] = [Int64(record.range.lowerBound), Int64(record.range.upperBound),
                              Int64(record.value) << 20 | Int64(record.speakerTag ? 1 : 0) << 19 | Int64(pieces.count)]
        for piece in pieces { words += [Int64(piece.lowerBound), Int64(piece.upperBound)] }
        _ = words.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
    }

    /// Every record, in the order written.
    func forEach(_ body: (Record) -> Void) {
        let next = reader()
        while let record = next() { body(record) }
    }

    /// Reads the records from the first, one a call; nil at the end (or where the file
    /// could not be read back: fewer records than `count`).
    func reader() -> () -> Record? {
        guard let file else {
            var i = 0
            let memory = self.memory
            return {
                defer { i += 1 }
                return i < memory.count ? memory[i] : nil
            }
        }
        fflush(file)
        rewind(file)
        var left = count
        var head = [Int64](repeating: 0, count: 3)
        return {
            guard left > 0 else { return nil }
            left -= 1
            guard head.withUnsafeMutableBytes({ fread($0.baseAddress, 1, $0.count, file) }) == 24 else { left = 0; return nil }
            let meta = head[2]
            let pieceCount = Int(meta & 0x7FFFF)
            var pieces: [Range<Int>]?
            if pieceCount > 0 {
                var words = [Int64](repeating: 0, count: 2 * pieceCount)
                guard words.withUnsafeMutableBytes({ fread($0.baseAddress, 1, $0.count, file) }) == 16 * pieceCount else { left = 0; return nil }
                pieces = (0..<pieceCount).map { Int(words[2 * $0])..<Int(words[2 * $0 + 1]) }
            }
            return Record(range: Int(head[0])..<Int(head[1]), pieces: pieces, value: Int32(truncatingIfNeeded: meta >> 20),
                          speakerTag: (meta >> 19) & 1 == 1)
        }
    }
}
