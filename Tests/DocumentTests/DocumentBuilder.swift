import CArchive
import Foundation
import XCTest

/// Builds archives and documents at run time, from fake data only: zips and tarballs
/// through libarchive's write API, Office and OpenDocument files as zips of the XML parts
/// their formats need, a PDF written by hand.
enum DocumentBuilder {
    enum Format { case zip, tarGz, sevenZip }

    /// An archive of `members` (name, bytes), optionally with zip encryption.
    static func archive(_ format: Format, _ members: [(String, [UInt8])], passphrase: String? = nil, store: Bool = false) throws -> [UInt8] {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("hedgerow-build-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: file) }
        let a = archive_write_new()!
        defer { archive_write_free(a) }
        switch format {
        case .zip:
            archive_write_set_format_zip(a)
            if store { archive_write_set_options(a, "zip:compression=store") }
            if let passphrase {
                XCTAssertEqual(archive_write_set_options(a, "zip:encryption=zipcrypt"), ARCHIVE_OK, "libarchive without zip encryption")
                archive_write_set_passphrase(a, passphrase)
            }
        case .tarGz:
            archive_write_set_format_pax_restricted(a)
            archive_write_add_filter_gzip(a)
        case .sevenZip:
            archive_write_set_format_7zip(a)
        }
        guard archive_write_open_filename(a, file.path) == ARCHIVE_OK else { throw Failure(a) }
        for (name, bytes) in members {
            let entry = archive_entry_new()!
            archive_entry_set_pathname(entry, name)
            archive_entry_set_size(entry, la_int64_t(bytes.count))
            archive_entry_set_filetype(entry, 0o100000)
            archive_entry_set_perm(entry, 0o644)
            guard archive_write_header(a, entry) == ARCHIVE_OK else { archive_entry_free(entry); throw Failure(a) }
            _ = bytes.withUnsafeBytes { archive_write_data(a, $0.baseAddress, $0.count) }
            archive_entry_free(entry)
        }
        archive_write_close(a)
        return Array(try Data(contentsOf: file))
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ a: OpaquePointer) { description = archive_error_string(a).map { String(cString: $0) } ?? "archive write failed" }
    }

    static func zip(_ members: [(String, String)]) throws -> [UInt8] {
        try archive(.zip, members.map { ($0.0, Array($0.1.utf8)) })
    }

    static let w = #"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#
    static let sml = #"xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships""#

    /// A .docx: each paragraph a list of runs (so a value can be split across runs).
    static func docx(paragraphs: [[String]], comment: String? = nil, author: String? = nil, prolog: String = "") throws -> [UInt8] {
        let body = paragraphs.map { runs in
            "<w:p>" + runs.map { "<w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">\(escape($0))</w:t></w:r>" }.joined() + "</w:p>"
        }.joined()
        var parts: [(String, String)] = [
            ("[Content_Types].xml", #"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#),
            ("word/document.xml", #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + prolog + "<w:document \(w)><w:body>\(body)</w:body></w:document>"),
        ]
        if let comment {
            parts.append(("word/comments.xml", "<w:comments \(w)><w:comment w:id=\"0\" w:author=\"Reviewer\"><w:p><w:r><w:t>\(escape(comment))</w:t></w:r></w:p></w:comment></w:comments>"))
        }
        if let author {
            parts.append(("docProps/core.xml", #"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>"# + escape(author) + "</dc:creator></cp:coreProperties>"))
        }
        return try zip(parts)
    }

    /// An .xlsx with one sheet named `sheet`: `cells` maps "C14" to a value; `shared`
    /// values go through the shared-strings table, a value given as several runs becomes
    /// a rich-text shared string.
    static func xlsx(sheet: String = "Sheet1", cells: [(String, [String])]) throws -> [UInt8] {
        var strings: [String] = []
        var rows: [Int: [String]] = [:]
        for (ref, runs) in cells {
            let digits = ref.drop { !$0.isNumber }
            let row = Int(digits)!
            let si = runs.count == 1 ? "<si><t>\(escape(runs[0]))</t></si>" : "<si>" + runs.map { "<r><rPr><b/></rPr><t>\(escape($0))</t></r>" }.joined() + "</si>"
            strings.append(si)
            rows[row, default: []].append("<c r=\"\(ref)\" t=\"s\"><v>\(strings.count - 1)</v></c>")
        }
        let sheetData = rows.keys.sorted().map { "<row r=\"\($0)\">" + rows[$0]!.joined() + "</row>" }.joined()
        return try zip([
            ("[Content_Types].xml", #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#),
            ("xl/workbook.xml", "<workbook \(sml)><sheets><sheet name=\"\(sheet)\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"),
            ("xl/_rels/workbook.xml.rels", #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#),
            ("xl/sharedStrings.xml", "<sst \(sml) count=\"\(strings.count)\">" + strings.joined() + "</sst>"),
            ("xl/worksheets/sheet1.xml", "<worksheet \(sml)><sheetData>\(sheetData)</sheetData></worksheet>"),
        ])
    }

    /// An .odt with one paragraph per string (the second run in a span).
    static func odt(paragraphs: [String]) throws -> [UInt8] {
        let body = paragraphs.map { "<text:p>\(escape($0))</text:p>" }.joined()
        return try archive(.zip, [
            ("mimetype", Array("application/vnd.oasis.opendocument.text".utf8)),
            ("content.xml", Array((#"<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>"# + body + "</office:text></office:body></office:document-content>").utf8)),
        ], store: true)
    }

    /// An .ods with one sheet: rows of cells (column repeats honoured by the reader).
    static func ods(sheet: String, rows: [[String]]) throws -> [UInt8] {
        let table = rows.map { row in
            "<table:table-row>" + row.map { $0.isEmpty ? "<table:table-cell/>" : "<table:table-cell><text:p>\(escape($0))</text:p></table:table-cell>" }.joined() + "</table:table-row>"
        }.joined()
        return try archive(.zip, [
            ("mimetype", Array("application/vnd.oasis.opendocument.spreadsheet".utf8)),
            ("content.xml", Array((#"<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"><office:body><office:spreadsheet><table:table table:name=""# + sheet + "\">" + table + "</table:table></office:spreadsheet></office:body></office:document-content>").utf8)),
        ], store: true)
    }

    /// A minimal PDF, one page per string, lines split at "\n", Helvetica text.
    static func pdf(pages: [String]) -> [UInt8] {
        var objects: [String] = ["<< /Type /Catalog /Pages 2 0 R >>"]
        let kids = pages.indices.map { "\(3 + 2 * $0) 0 R" }.joined(separator: " ")
        objects.append("<< /Type /Pages /Kids [\(kids)] /Count \(pages.count) >>")
        let font = 3 + 2 * pages.count
        for (i, page) in pages.enumerated() {
            objects.append("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents \(4 + 2 * i) 0 R /Resources << /Font << /F1 \(font) 0 R >> >> >>")
            let stream = "BT /F1 12 Tf 72 720 Td 14 TL " + page.split(separator: "\n").map { "(\($0)) Tj T*" }.joined(separator: " ") + " ET"
            objects.append("<< /Length \(stream.utf8.count) >>\nstream\n\(stream)\nendstream")
        }
        objects.append("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
        var out = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (i, object) in objects.enumerated() {
            offsets.append(out.utf8.count)
            out += "\(i + 1) 0 obj\n\(object)\nendobj\n"
        }
        let xref = out.utf8.count
        out += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets { out += String(repeating: "0", count: 10 - String(offset).count) + "\(offset) 00000 n \n" }
        out += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return Array(out.utf8)
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }
}
