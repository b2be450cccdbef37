/// Text taken out of a document, with the place each piece came from: the scanner sees
/// plain lines (one paragraph, one spreadsheet row with its cells joined by tabs, one PDF
/// line), and a finding's byte offset is turned back into a place a person can open
/// (`Sheet1!C14`, `paragraph 12`, `page 3 line 8`).
struct ExtractedText {
    /// A name for the part this text is (a sheet, the body, the comments), for errors.
    var part: String
    var bytes: [UInt8] = []
    /// Start offsets and labels, in increasing offset order.
    private(set) var starts: [Int] = []
    private(set) var labels: [String] = []

    init(part: String) { self.part = part }

    /// Starts a new labelled piece at the current end.
    mutating func begin(_ label: String) {
        if let last = starts.last, last == bytes.count { labels[labels.count - 1] = label; return }
        starts.append(bytes.count)
        labels.append(label)
    }

    /// Appends text, with tabs and line breaks inside it turned into spaces (same length,
    /// so a value keeps its shape and cannot spill into the next cell or paragraph).
    mutating func append(_ text: String) {
        for byte in text.utf8 { bytes.append(byte == 0x0A || byte == 0x0D || byte == 0x09 ? 0x20 : byte) }
    }

    /// Appends a separator byte as is (a tab between cells, a newline after a paragraph).
    mutating func separate(_ byte: UInt8) { bytes.append(byte) }

    var isEmpty: Bool { bytes.allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x09 } }

    /// The label of the piece holding byte `offset`.
    func label(at offset: Int) -> String? {
        var low = 0, high = starts.count
        while low < high {
            let mid = (low + high) / 2
            if starts[mid] <= offset { low = mid + 1 } else { high = mid }
        }
        return low == 0 ? nil : labels[low - 1]
    }
}
