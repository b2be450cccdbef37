/// What the name prefilter asks of each capitalised word: is it a whole word the
/// gazetteer holds as a name (and not as a common word)? Works on the window's bytes.
enum NameWords {
    /// Whether the capitalised word starting at `p[start]` is a name word: letters (ASCII
    /// or multi-byte) and apostrophes up to a byte that is not a letter, digit or
    /// underscore; a possessive "'s" is not part of it.
    @inline(__always) static func isNameWord(_ p: UnsafePointer<UInt8>, at start: Int, limit: Int, in names: WordSet) -> Bool {
        var end = start + 1
        while end < limit {
            let c = p[end]
            if (c | 0x20) &- 0x61 < 26 || c == 0x27 || c >= 0x80 { end += 1; continue }
            if c &- 0x30 < 10 || c == 0x5F { return false }
            break
        }
        // A word the window cuts is judged on what it holds; the next step sees it whole.
        if end - start >= 3 && p[end - 2] == 0x27 && (p[end - 1] | 0x20) == 0x73 { end -= 2 }
        if end > start && p[end - 1] == 0x27 { end -= 1 }
        let length = end - start
        guard length >= 2 && length <= 24 else { return false }
        if names.matches(p + start, count: length) { return true }
        // "J. Miles", "A. Rose": after a lone initial, a surname that is also an everyday
        // word is a name word too (the validator weighs it low; without this the name-word
        // pass never offered it, and a redacted copy kept it).
        if start >= 3 && p[start - 1] == 0x20 && p[start - 2] == 0x2E && p[start - 3] &- 0x41 < 26
            && (start == 3 || !isWordByte(p[start - 4]))
            && names.tag(p + start, count: length) & Lexicon.surnameTag != 0 {
            return true
        }
        // O'Brien, D'Souza: the part after the apostrophe names the family as well.
        if length > 3 && p[start + 1] == 0x27 {
            return names.matches(p + start + 2, count: length - 2)
        }
        return false
    }

    /// A letter, digit, underscore or byte of a multi-byte character.
    @inline(__always) static func isWordByte(_ c: UInt8) -> Bool { (c | 0x20) &- 0x61 < 26 || c &- 0x30 < 10 || c == 0x5F || c >= 0x80 }

    /// Whether the capitalised word at `p[start]` (letters only, up to a byte that is not
    /// a letter, digit or underscore; a trailing dot is not part of it) is in `words`.
    @inline(__always) static func isWholeWord(_ p: UnsafePointer<UInt8>, at start: Int, limit: Int, in words: WordSet) -> Bool {
        var end = start + 1
        while end < limit && (p[end] | 0x20) &- 0x61 < 26 { end += 1 }
        if end < limit && (p[end] &- 0x30 < 10 || p[end] == 0x5F || p[end] >= 0x80) { return false }
        return end - start <= 16 && words.contains(p + start, count: end - start)
    }
}
