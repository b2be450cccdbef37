import CArchive
import Foundation
import HedgerowCore
import HedgerowKit
import XCTest

/// Fake values in real formats (never real people).
enum Fake {
    static let ni = "AB123456C"
    static let email = "sam.patel@gmail.com"
}

/// Runs `hedgerow scan` through the library on files written to a scratch directory and
/// reads back the JSON report.
final class DocumentScratch {
    let url: URL
    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("hedgerow-docs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(at: url) }

    @discardableResult
    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let file = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: file)
        return file.path
    }

    struct Report {
        var exitCode: Int32
        var findings: [[String: Any]]
        var summary: [String: Any]
        var output: String
        var locations: [String] { findings.compactMap { $0["location"] as? String } }
        var skipped: [String: Int] { summary["files_skipped"] as? [String: Int] ?? [:] }
        var errors: [String] { summary["errors"] as? [String] ?? [] }
    }

    /// Scans `names` (relative to the scratch directory, run from inside it) as JSON.
    func scan(_ names: [String], format: OutputFormat = .json, limits: DocumentLimits = DocumentLimits()) throws -> Report {
        let previous = FileManager.default.currentDirectoryPath
        FileManager.default.changeCurrentDirectoryPath(url.path)
        defer { FileManager.default.changeCurrentDirectoryPath(previous) }
        var options = ScanOptions(paths: names)
        options.reporting.format = format
        options.matching.fingerprintKey = Array("document-test-key".utf8)
        options.inputs.documents = limits
        options.inputs.threads = 1
        let out = url.appendingPathComponent("report-\(UUID().uuidString).out")
        options.destinations.outputPath = out.path
        let result = ScanJob.run(options)
        let text = (try? String(contentsOf: out, encoding: .utf8)) ?? result.output
        try? FileManager.default.removeItem(at: out)
        guard format == .json else { return Report(exitCode: result.exitCode, findings: [], summary: [:], output: text) }
        let json = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] ?? [:]
        return Report(exitCode: result.exitCode, findings: json["findings"] as? [[String: Any]] ?? [],
                      summary: json["summary"] as? [String: Any] ?? [:], output: text)
    }
}

final class ArchiveScanTests: XCTestCase {
    func csv() -> String {
        var lines = ["id,reference"]
        for n in 2...13 { lines.append("\(n),none") }
        lines.append("  \(Fake.ni),x")  // line 14, column 3
        return lines.joined(separator: "\n") + "\n"
    }

    func testZipMemberLocationInEveryFormat() throws {
        let dir = try DocumentScratch()
        try dir.write("export.zip", try DocumentBuilder.zip([("customers/2024.csv", csv())]))
        let r = try dir.scan(["export.zip"])
        XCTAssertEqual(r.exitCode, 1)
        XCTAssertEqual(r.locations, ["export.zip!customers/2024.csv:14:3"])
        XCTAssertEqual(r.findings.first?["path"] as? String, "export.zip")
        XCTAssertEqual(r.summary["files_scanned"] as? Int, 1)

        let text = try dir.scan(["export.zip"], format: .text).output
        XCTAssertTrue(text.contains("export.zip!customers/2024.csv:14:3: National Insurance number"), text)
        XCTAssertFalse(text.contains(Fake.ni), "no raw value without --show-values")
        let markdown = try dir.scan(["export.zip"], format: .markdown).output
        XCTAssertTrue(markdown.contains("export.zip!customers/2024.csv:14:3"), markdown)
        let sarif = try dir.scan(["export.zip"], format: .sarif).output
        XCTAssertTrue(sarif.contains(#""fullyQualifiedName" : "export.zip!customers\/2024.csv:14:3""#) || sarif.contains("export.zip!customers/2024.csv:14:3"), sarif)
        XCTAssertTrue(sarif.contains(#""uri" : "export.zip""#), sarif)
        let lines = try dir.scan(["export.zip"], format: .jsonl).output
        XCTAssertTrue(lines.contains(#""location":"export.zip!customers/2024.csv:14:3""#), lines)
    }

    func testTarGzMember() throws {
        let dir = try DocumentScratch()
        try dir.write("backup.tar.gz", try DocumentBuilder.archive(.tarGz, [("data/people.csv", Array(csv().utf8))]))
        let r = try dir.scan(["backup.tar.gz"])
        XCTAssertEqual(r.locations, ["backup.tar.gz!data/people.csv:14:3"])
    }

    func testSevenZipMember() throws {
        let dir = try DocumentScratch()
        try dir.write("export.7z", try DocumentBuilder.archive(.sevenZip, [("people.csv", Array(csv().utf8))]))
        XCTAssertEqual(try dir.scan(["export.7z"]).locations, ["export.7z!people.csv:14:3"])
    }

    func testNestedZipAndBareGzip() throws {
        let dir = try DocumentScratch()
        let inner = try DocumentBuilder.zip([("people.csv", csv())])
        try dir.write("outer.zip", try DocumentBuilder.archive(.zip, [("inner/inner.zip", inner), ("readme.txt", Array("nothing\n".utf8))]))
        let r = try dir.scan(["outer.zip"])
        XCTAssertEqual(r.locations, ["outer.zip!inner/inner.zip!people.csv:14:3"])
        XCTAssertEqual(r.summary["files_scanned"] as? Int, 2)
    }

    func testBareGzipStreamsAreOneMemberNamedAfterTheFile() throws {
        let dir = try DocumentScratch()
        // JSON lines look like mtree to libarchive's format detection: they must not be read as one.
        let json = "{\"a\": 1}\n{\"ref\": \"\(Fake.ni)\"}\n"
        try dir.write("data.json.gz", try gzip(Array(json.utf8)))
        let r = try dir.scan(["data.json.gz"])
        XCTAssertEqual(r.errors, [])
        XCTAssertEqual(r.locations, ["data.json.gz!data.json:2:10"])
    }

    func gzip(_ bytes: [UInt8]) throws -> [UInt8] {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("hedgerow-gz-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: file) }
        let a = archive_write_new()!
        defer { archive_write_free(a) }
        archive_write_set_format_raw(a)
        archive_write_add_filter_gzip(a)
        XCTAssertEqual(archive_write_open_filename(a, file.path), ARCHIVE_OK)
        let entry = archive_entry_new()!
        archive_entry_set_pathname(entry, "data")
        archive_entry_set_filetype(entry, 0o100000)
        archive_entry_set_size(entry, la_int64_t(bytes.count))
        archive_write_header(a, entry)
        _ = bytes.withUnsafeBytes { archive_write_data(a, $0.baseAddress, $0.count) }
        archive_entry_free(entry)
        archive_write_close(a)
        return Array(try Data(contentsOf: file))
    }

    func testDocumentsOffMeansBinarySkipAsBefore() throws {
        let dir = try DocumentScratch()
        try dir.write("export.zip", try DocumentBuilder.zip([("a.csv", csv())]))
        var off = DocumentLimits()
        off.enabled = false
        let r = try dir.scan(["export.zip"], limits: off)
        XCTAssertEqual(r.findings.count, 0)
        XCTAssertEqual(r.skipped["binary"], 1)
    }
}

final class OfficeScanTests: XCTestCase {
    func testDocxParagraphsRunsCommentsAndProperties() throws {
        let dir = try DocumentScratch()
        // The NI number is split across three runs, as Word does after an edit.
        let docx = try DocumentBuilder.docx(paragraphs: [["Meeting notes"], ["Reference ", "AB12", "3456", "C", " checked"]],
                                             comment: "Contact \(Fake.email)", author: "Sam Patel")
        try dir.write("notes.docx", docx)
        let r = try dir.scan(["notes.docx", "--min-confidence", "low"].prefix(1).map { $0 })
        XCTAssertTrue(r.locations.contains("notes.docx paragraph 2"), "\(r.locations)")
        XCTAssertTrue(r.locations.contains("notes.docx comment 1"), "\(r.locations)")
        XCTAssertEqual(r.findings.first { ($0["location"] as? String) == "notes.docx paragraph 2" }?["category"] as? String, "ni_number")
        XCTAssertEqual(r.exitCode, 1)
    }

    func testXlsxCellsSharedStringsAndSplitRuns() throws {
        let dir = try DocumentScratch()
        let xlsx = try DocumentBuilder.xlsx(sheet: "Register", cells: [
            ("A1", ["name"]), ("C1", ["reference"]),
            ("C14", ["AB1234", "56C"]),          // one value in two rich-text runs
            ("D20", [Fake.email]),
        ])
        try dir.write("register.xlsx", xlsx)
        let r = try dir.scan(["register.xlsx"])
        XCTAssertEqual(Set(r.locations), ["register.xlsx!Register!C14", "register.xlsx!Register!D20"])
        XCTAssertEqual(r.findings.first?["path"] as? String, "register.xlsx")
    }

    func testABigSheetIsReadInPiecesWithRowsCountedAcrossThem() throws {
        let dir = try DocumentScratch()
        // Rows without `r` attributes, over 4 MB of XML: the reader cuts it into pieces.
        let row = "<row><c t=\"inlineStr\"><is><t>filler text</t></is></c><c><v>12</v></c></row>"
        let rows = "<row><c t=\"inlineStr\"><is><t>reference</t></is></c></row>" + String(repeating: row, count: 80_000)
            + "<row><c><v>1</v></c><c t=\"inlineStr\"><is><t>\(Fake.ni)</t></is></c></row>"
        let ns = #"xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main""#
        try dir.write("big.xlsx", try DocumentBuilder.zip([("xl/worksheets/sheet1.xml", "<worksheet \(ns)><sheetData>\(rows)</sheetData></worksheet>")]))
        let r = try dir.scan(["big.xlsx"])
        XCTAssertEqual(r.locations, ["big.xlsx!sheet1!B80002"], "\(r.errors)")
        XCTAssertEqual(r.summary["files_scanned"] as? Int, 1, "the pieces of a sheet are one file")
    }

    func testOdtAndOds() throws {
        let dir = try DocumentScratch()
        try dir.write("letter.odt", try DocumentBuilder.odt(paragraphs: ["Dear colleague", "Your reference is \(Fake.ni)."]))
        try dir.write("list.ods", try DocumentBuilder.ods(sheet: "Staff", rows: [["id", "", "reference"], ["1", "", Fake.ni]]))
        let r = try dir.scan(["letter.odt", "list.ods"])
        XCTAssertEqual(r.locations, ["letter.odt paragraph 2", "list.ods!Staff!C2"])
    }

    func testPDFPagesAndLines() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftotext") else { throw XCTSkip("poppler-utils not installed") }
        let dir = try DocumentScratch()
        try dir.write("report.pdf", DocumentBuilder.pdf(pages: ["Summary", "Line one\nReference \(Fake.ni)"]))
        let r = try dir.scan(["report.pdf"])
        XCTAssertEqual(r.locations, ["report.pdf page 2 line 2"])
    }

    func testDocumentInsideAZip() throws {
        let dir = try DocumentScratch()
        let xlsx = try DocumentBuilder.xlsx(cells: [("B3", [Fake.ni])])
        try dir.write("bundle.zip", try DocumentBuilder.archive(.zip, [("reports/register.xlsx", xlsx)]))
        XCTAssertEqual(try dir.scan(["bundle.zip"]).locations, ["bundle.zip!reports/register.xlsx!Sheet1!B3"])
    }
}

final class HostileInputTests: XCTestCase {
    func testZipBombStopsAtTheExpandedSizeLimitAndSaysSo() throws {
        let dir = try DocumentScratch()
        try dir.write("bomb.zip", try DocumentBuilder.archive(.zip, [("zeros.txt", [UInt8](repeating: 0x30, count: 24 << 20))]))
        var limits = DocumentLimits()
        limits.maxExpandedBytes = 4 << 20
        limits.maxRatio = 1 << 30
        let r = try dir.scan(["bomb.zip"], limits: limits)
        XCTAssertEqual(r.skipped["archive over the expanded-size limit (4 MB)"], 1, "\(r.summary)")
        XCTAssertLessThanOrEqual(r.summary["bytes_scanned"] as? Int ?? .max, 4 << 20)
    }

    func testZipBombStopsAtTheRatioLimit() throws {
        let dir = try DocumentScratch()
        try dir.write("bomb.zip", try DocumentBuilder.archive(.zip, [("zeros.txt", [UInt8](repeating: 0x30, count: 24 << 20))]))
        var limits = DocumentLimits()
        limits.ratioFloor = 1 << 20
        limits.maxRatio = 50
        let r = try dir.scan(["bomb.zip"], limits: limits)
        XCTAssertEqual(r.skipped["archive over the expansion-ratio limit (50:1)"], 1, "\(r.summary)")
    }

    func testDeepNestingStopsAtTheDepthLimit() throws {
        let dir = try DocumentScratch()
        var level = try DocumentBuilder.zip([("deep.csv", "ref\n\(Fake.ni)\n")])
        for n in 1...5 { level = try DocumentBuilder.archive(.zip, [("level\(n).zip", level)]) }
        try dir.write("nest.zip", level)
        var limits = DocumentLimits()
        limits.maxDepth = 3
        let r = try dir.scan(["nest.zip"], limits: limits)
        XCTAssertEqual(r.findings.count, 0)
        XCTAssertEqual(r.skipped["archive nested too deep (limit 3)"], 1, "\(r.summary)")
        XCTAssertEqual(r.exitCode, 2, "nothing scannable is never a clean pass")
        limits.maxDepth = 6
        XCTAssertEqual(try dir.scan(["nest.zip"], limits: limits).locations,
                       ["nest.zip!level5.zip!level4.zip!level3.zip!level2.zip!level1.zip!deep.csv:2:1"])
    }

    func testManyMembersStopAtTheMemberLimit() throws {
        let dir = try DocumentScratch()
        try dir.write("many.zip", try DocumentBuilder.zip((0..<50).map { ("m\($0).txt", "member \($0)\n") }))
        var limits = DocumentLimits()
        limits.maxMembers = 10
        let r = try dir.scan(["many.zip"], limits: limits)
        XCTAssertEqual(r.skipped["archive over the member-count limit (10)"], 1, "\(r.summary)")
        XCTAssertEqual(r.summary["files_scanned"] as? Int, 10)
    }

    func testEncryptedMembersAndDocumentsAreSkippedWithTheReason() throws {
        let dir = try DocumentScratch()
        try dir.write("locked.zip", try DocumentBuilder.archive(.zip, [("secret.csv", Array("ref\n\(Fake.ni)\n".utf8))], passphrase: "fake-passphrase"))
        // A password-protected .docx is an OLE compound file, not a zip.
        try dir.write("locked.docx", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 512))
        let r = try dir.scan(["locked.zip", "locked.docx"])
        XCTAssertEqual(r.skipped["encrypted archive member"], 1, "\(r.summary)")
        XCTAssertEqual(r.skipped["encrypted document"], 1, "\(r.summary)")
        XCTAssertEqual(r.findings.count, 0)
    }

    func testCorruptContainerIsAnErrorForThatFileAndTheScanGoesOn() throws {
        let dir = try DocumentScratch()
        var zip = try DocumentBuilder.archive(.zip, [("a.csv", Array(String(repeating: "row of text\n", count: 400).utf8))])
        for i in 40..<min(zip.count, 400) { zip[i] = 0xA5 }  // the member's data overwritten
        try dir.write("broken.zip", zip)
        try dir.write("broken.xlsx", [0x50, 0x4B, 0x03, 0x04] + [UInt8](repeating: 0x01, count: 64))
        try dir.write("good.csv", Array("ref\n\(Fake.ni)\n".utf8))
        let r = try dir.scan(["broken.zip", "broken.xlsx", "good.csv"])
        XCTAssertEqual(r.exitCode, 2)
        XCTAssertEqual(r.errors.count, 2, "\(r.errors)")
        XCTAssertTrue(r.errors.contains { $0.hasPrefix("broken.zip") }, "\(r.errors)")
        XCTAssertTrue(r.errors.contains { $0.hasPrefix("broken.xlsx") }, "\(r.errors)")
        XCTAssertEqual(r.findings.count, 1, "good.csv was still scanned")
    }

    func testCorruptXMLIsAnError() throws {
        let dir = try DocumentScratch()
        try dir.write("bad.docx", try DocumentBuilder.zip([("word/document.xml", "<w:document><w:body><w:p>unclosed")]))
        let r = try dir.scan(["bad.docx"])
        XCTAssertEqual(r.exitCode, 2)
        XCTAssertTrue(r.errors.first?.contains("XML does not parse") ?? false, "\(r.errors)")
    }

    func testExternalEntitiesAreNeverResolved() throws {
        let dir = try DocumentScratch()
        // The entity points at a file holding a fake NI number: resolving it would find it.
        let target = try dir.write("outside.txt", Array("ref \(Fake.ni)\n".utf8))
        let prolog = "<!DOCTYPE w:document [<!ENTITY leak SYSTEM \"file://\(target)\">]>"
        var docx = try DocumentBuilder.docx(paragraphs: [["x"]], prolog: prolog)
        docx = try DocumentBuilder.zip([("word/document.xml", #"<?xml version="1.0"?>"# + prolog + "<w:document \(DocumentBuilder.w)><w:body><w:p><w:r><w:t>&leak;</w:t></w:r></w:p></w:body></w:document>")])
        try dir.write("xxe.docx", docx)
        let r = try dir.scan(["xxe.docx"])
        XCTAssertEqual(r.findings.count, 0)
        XCTAssertTrue(r.errors.first?.contains("document type declaration") ?? false, "\(r.errors)")
    }

    func testMemberNamesAreNeverWrittenToDisk() throws {
        let dir = try DocumentScratch()
        let escape = "../../hedgerow-traversal-\(UUID().uuidString).csv"
        try dir.write("sub/evil.zip", try DocumentBuilder.zip([(escape, "ref\n\(Fake.ni)\n")]))
        let r = try dir.scan(["sub/evil.zip"])
        XCTAssertEqual(r.locations, ["sub/evil.zip!\(escape):2:1"])
        let landed = dir.url.appendingPathComponent("sub").appendingPathComponent(escape).standardizedFileURL.path
        XCTAssertFalse(FileManager.default.fileExists(atPath: landed))
    }
}

final class DocumentRedactTests: XCTestCase {
    func redact(_ dir: DocumentScratch, _ names: [String]) -> RunResult {
        let previous = FileManager.default.currentDirectoryPath
        FileManager.default.changeCurrentDirectoryPath(dir.url.path)
        defer { FileManager.default.changeCurrentDirectoryPath(previous) }
        var options = RedactOptions(paths: names)
        options.scan.matching.fingerprintKey = Array("document-test-key".utf8)
        options.outDirectory = "clean"
        return RedactJob.run(options)
    }

    func testDocxAndXlsxAreWrittenBackWithValuesReplacedAndStillOpen() throws {
        let dir = try DocumentScratch()
        try dir.write("notes.docx", try DocumentBuilder.docx(paragraphs: [["Reference \(Fake.ni) checked"], ["Mail \(Fake.email)"]]))
        try dir.write("register.xlsx", try DocumentBuilder.xlsx(cells: [("A1", ["reference"]), ("C14", [Fake.ni]), ("D15", [Fake.email])]))
        let r = redact(dir, ["notes.docx", "register.xlsx"])
        XCTAssertEqual(r.exitCode, 0, r.diagnostics.joined(separator: "\n"))
        XCTAssertTrue(r.diagnostics.contains { $0.contains("nothing found") }, r.diagnostics.joined(separator: "\n"))
        // The copies are still documents hedgerow (and Office) can open, and hold no value.
        let again = try dir.scan(["clean/notes.docx", "clean/register.xlsx"])
        XCTAssertEqual(again.exitCode, 0, "\(again.findings) \(again.errors)")
        XCTAssertEqual(again.summary["files_scanned"] as? Int, 2)
        for name in ["clean/notes.docx", "clean/register.xlsx"] {
            let bytes = try Data(contentsOf: dir.url.appendingPathComponent(name))
            XCTAssertNil(bytes.range(of: Data(Fake.ni.utf8)))
        }
    }

    func testAValueSplitAcrossRunsIsReplacedToo() throws {
        let dir = try DocumentScratch()
        try dir.write("split.docx", try DocumentBuilder.docx(paragraphs: [["Reference AB12", "3456", "C checked"]]))
        let r = redact(dir, ["split.docx"])
        XCTAssertEqual(r.exitCode, 0, r.diagnostics.joined(separator: "\n"))
        XCTAssertEqual(try dir.scan(["clean/split.docx"]).findings.count, 0)
    }
}
