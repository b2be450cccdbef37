import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The text of a PDF, page by page, through Poppler's `pdftotext` (poppler-utils). The
/// PDF goes in on standard input and the text comes out on standard output, so a PDF
/// inside an archive or a git blob never touches the disk. Pages are split at the form
/// feeds `pdftotext` writes; each line is labelled `page P line L`.
enum PDFText {
    /// Why a PDF gave no text: shown as a skip reason, never passed over silently.
    enum Outcome {
        case text(ExtractedText)
        case skipped(String)
        case failed(String)
    }

    /// `pdftotext` from PATH, resolved once; nil when poppler-utils is not installed.
    /// `HEDGEROW_PDFTOTEXT` names another program (tests use it to pretend it is missing).
    static let program: String? = {
        let environment = ProcessInfo.processInfo.environment
        if let given = environment["HEDGEROW_PDFTOTEXT"] { return given.isEmpty || access(given, X_OK) != 0 ? nil : given }
        for dir in (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let candidate = "\(dir)/pdftotext"
            if access(candidate, X_OK) == 0 { return candidate }
        }
        return nil
    }()

    static func extract(_ pdf: [UInt8], part: String) -> Outcome {
        guard let program else { return .skipped("PDF (pdftotext not installed: apt-get install poppler-utils)") }
        var output: [UInt8] = []
        var errors: [UInt8] = []
        let status: Int32
        do {
            let child = try ChildProcess(argv: [program, "-enc", "UTF-8", "-q", "-", "-"], environment: ["LC_ALL=C"], input: pdf)
            child.drain(stdout: { output.append(contentsOf: $0) }, stderr: { errors.append(contentsOf: $0) })
            status = child.wait()
        } catch {
            return .failed("\(part): \(error)")
        }
        // pdftotext exits 1 for a document it cannot open: 3 means a permissions problem,
        // and an "Incorrect password" message means the PDF is encrypted.
        let message = String(decoding: errors, as: UTF8.self)
        if status != 0 {
            if message.localizedCaseInsensitiveContains("password") || status == 3 { return .skipped("encrypted PDF") }
            return .failed("\(part): not a readable PDF (pdftotext exit \(status))")
        }
        var text = ExtractedText(part: part)
        var page = 1, line = 1
        var lineStart = true
        for byte in output {
            if byte == 0x0C { page += 1; line = 1; lineStart = true; continue }
            if lineStart { text.begin(" page \(page) line \(line)"); lineStart = false }
            text.separate(byte)
            if byte == 0x0A { line += 1; lineStart = true }
        }
        return .text(text)
    }
}
