import HedgerowCore

/// Where a big transcript can be cut into parts scanned on their own, with the same
/// findings as the whole file: at the start of a cue (or, in a plain-text export, a line)
/// whose first text comes from a speaker other than the one before it. There the reader
/// of the whole file closes the utterance before the cut, as the reader of the first part
/// does at its end, and starts the next afresh, as the reader of the second part does; a
/// cut between two cues of one speaker would part a value split across them.
///
/// Found by running the reader itself over a window of the file from a line it can start
/// at (the first line after a blank one, for captions: between cues), watching which
/// speaker each line's text goes to. The speaker before the cut must have been named
/// inside the window, so the window's reader knows what the whole file's knows.
enum TranscriptCuts {
    /// The offset in `window` of the first safe cut, or nil. `window` starts anywhere in a
    /// transcript (never at its start: a byte-order mark is not looked for).
    static func firstCut(in window: UnsafeBufferPointer<UInt8>, format: TranscriptFormat) -> Int? {
        let n = window.count
        guard let base = window.baseAddress else { return nil }
        func lineEnd(from i: Int) -> Int? {
            var k = i
            while k < n && base[k] != 0x0A { k += 1 }
            return k < n ? k : nil
        }
        func isBlank(_ a: Int, _ b: Int) -> Bool {
            var k = a
            while k < b && (base[k] == 0x20 || base[k] == 0x09 || base[k] == 0x0D) { k += 1 }
            return k == b
        }
        // The first whole line; for captions, the line after the first blank one.
        guard let first = lineEnd(from: 0) else { return nil }
        var i = first + 1
        if format != .plain {
            while true {
                guard let e = lineEnd(from: i) else { return nil }
                let blank = isBlank(i, e)
                i = e + 1
                if blank { break }
            }
        }
        var reader = TranscriptReader(format: format, everyUtterance: true)
        var text = RewrittenText()
        var pending: (at: Int, speaker: [UInt8])?
        while let e = lineEnd(from: i) {
            let stop = e > i && base[e - 1] == 0x0D ? e - 1 : e
            let before = reader.currentSpeaker
            let written = text.count
            if pending == nil && reader.isBetweenCues && !isBlank(i, e) { pending = (i, before) }
            // Offsets past 0: the reader looks for a byte-order mark at offset 0 only.
            reader.consume(UnsafeBufferPointer(rebasing: window[i..<stop]), at: i + 1, ending: e - stop + 1, into: &text)
            let after = reader.currentSpeaker
            if after != before || text.count != written {
                if let cut = pending, after != before, !cut.speaker.isEmpty { return cut.at }
                pending = nil
            }
            i = e + 1
            // The reader's text is not needed, only whether it grew.
            if text.count > 1 << 16 { text.removeAll() }
        }
        return nil
    }
}
