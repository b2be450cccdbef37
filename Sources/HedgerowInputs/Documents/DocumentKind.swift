/// What kind of container a file is, from its name and first bytes. The name decides
/// between zip-based formats (a .docx and a .zip look alike); the bytes catch archives
/// with no telling extension and Office files that are really encrypted (an encrypted
/// .docx is an OLE compound file, not a zip).
enum DocumentKind: Equatable {
    case archive(raw: Bool)
    case word, spreadsheet, presentation
    case openDocument
    case pdf
    /// An Office file saved with a password: OLE-wrapped, its text unreadable without it.
    case encryptedOffice

    static let wordExtensions: Set<String> = ["docx", "docm", "dotx", "dotm"]
    static let spreadsheetExtensions: Set<String> = ["xlsx", "xlsm", "xltx", "xltm"]
    static let presentationExtensions: Set<String> = ["pptx", "pptm", "potx", "ppsx"]
    static let openDocumentExtensions: Set<String> = ["odt", "ods", "odp", "ott", "ots", "otp"]
    static let archiveExtensions: Set<String> = ["zip", "jar", "war", "ear", "tar", "tgz", "tbz", "tbz2", "txz", "7z", "cpio"]
    /// Single compressed streams; `x.tar.gz` is read as a tar inside.
    static let streamExtensions: Set<String> = ["gz", "bz2", "xz", "zst", "lz4"]

    /// Decides from the name and up to the first 512 bytes; nil for everything else
    /// (text, images, executables), which the ordinary path handles.
    static func detect(name: String, head: [UInt8]) -> DocumentKind? {
        let ext = Self.extensionOf(name)
        let isZip = head.starts(with: [0x50, 0x4B, 0x03, 0x04]) || head.starts(with: [0x50, 0x4B, 0x05, 0x06])
        let isOLE = head.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
        let office = wordExtensions.union(spreadsheetExtensions).union(presentationExtensions).union(openDocumentExtensions)
        if office.contains(ext) {
            if isOLE { return .encryptedOffice }
            if wordExtensions.contains(ext) { return .word }
            if spreadsheetExtensions.contains(ext) { return .spreadsheet }
            if presentationExtensions.contains(ext) { return .presentation }
            return .openDocument
        }
        if ext == "pdf" || head.starts(with: Array("%PDF-".utf8)) { return .pdf }
        if archiveExtensions.contains(ext) || isZip || isCompressedTar(name) { return .archive(raw: false) }
        if streamExtensions.contains(ext) { return .archive(raw: true) }
        if head.starts(with: [0x1F, 0x8B]) || head.starts(with: [0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C])
            || head.starts(with: [0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00]) || head.starts(with: Array("BZh".utf8)) {
            return .archive(raw: true)
        }
        if head.count >= 262, Array(head[257..<262]) == Array("ustar".utf8) { return .archive(raw: false) }
        return nil
    }

    /// Whether the first bytes are a zip, PDF, gzip, 7z or xz signature: such a file is
    /// opened as a document even when it holds no NUL byte in its first block.
    static func hasMagic(_ head: [UInt8]) -> Bool {
        head.starts(with: [0x50, 0x4B, 0x03, 0x04]) || head.starts(with: Array("%PDF-".utf8)) || head.starts(with: [0x1F, 0x8B])
            || head.starts(with: [0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C]) || head.starts(with: [0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00])
    }

    /// Whether a name alone says "document or archive" (used before any byte is read,
    /// to keep such files out of the big-file splitter).
    static func isDocumentName(_ name: String) -> Bool {
        let ext = extensionOf(name)
        return ext == "pdf" || archiveExtensions.contains(ext) || streamExtensions.contains(ext)
            || wordExtensions.contains(ext) || spreadsheetExtensions.contains(ext)
            || presentationExtensions.contains(ext) || openDocumentExtensions.contains(ext)
    }

    /// `x.tar.gz`, `x.tar.xz`...: libarchive reads the tar through the compression itself.
    static func isCompressedTar(_ name: String) -> Bool {
        let lower = name.lowercased()
        return streamExtensions.contains { lower.hasSuffix(".tar." + $0) }
    }

    static func extensionOf(_ name: String) -> String {
        let base = name.split(separator: "/").last.map(String.init) ?? name
        guard let dot = base.lastIndex(of: "."), dot != base.startIndex else { return "" }
        return base[base.index(after: dot)...].lowercased()
    }

    /// The name a bare compressed stream's content goes by: `notes.txt.gz` holds `notes.txt`.
    static func streamContentName(_ name: String) -> String {
        let base = name.split(separator: "/").last.map(String.init) ?? name
        guard let dot = base.lastIndex(of: ".") else { return base }
        let stem = String(base[..<dot])
        switch extensionOf(base) {
        case "tgz", "tbz", "tbz2", "txz": return stem + ".tar"
        default: return stem
        }
    }
}
