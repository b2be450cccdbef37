extension Array where Element == UInt8 {
    /// Hands back bytes read ahead to sniff a stream (its kind, a document's magic) before
    /// the rest of the stream: copies from `offset` into `buffer`, advances `offset`, and
    /// returns how many bytes it copied (0 once everything has been handed back).
    func replay(from offset: inout Int, into buffer: UnsafeMutableRawBufferPointer) -> Int {
        guard offset < count else { return 0 }
        let n = Swift.min(buffer.count, count - offset)
        withUnsafeBytes { buffer.baseAddress!.copyMemory(from: $0.baseAddress! + offset, byteCount: n) }
        offset += n
        return n
    }
}
