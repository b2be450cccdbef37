import Foundation
import XCTest

/// A zip with stored (uncompressed) members, written by hand so these tests need no zip
/// tool: enough for an .xlsx made of fake data.
enum StoredZip {
    static func make(_ members: [(String, String)]) -> Data {
        var out = Data(), central = Data()
        func le16(_ v: Int) -> Data { Data([UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF)]) }
        func le32(_ v: UInt32) -> Data { Data([UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v >> 16 & 0xFF), UInt8(v >> 24 & 0xFF)]) }
        for (name, text) in members {
            let body = Data(text.utf8), path = Data(name.utf8)
            let crc = crc32(body), offset = UInt32(out.count)
            let common = le16(20) + le16(0) + le16(0) + le16(0) + le16(0) + le32(crc) + le32(UInt32(body.count)) + le32(UInt32(body.count)) + le16(path.count) + le16(0)
            out += le32(0x04034B50) + common + path + body
            central += le32(0x02014B50) + le16(20) + common + le16(0) + le16(0) + le16(0) + le32(0) + le32(offset) + path
        }
        let start = UInt32(out.count)
        out += central
        out += le32(0x06054B50) + le16(0) + le16(0) + le16(members.count) + le16(members.count) + le32(UInt32(central.count)) + le32(start) + le16(0)
        return out
    }

    static func crc32(_ data: Data) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in data {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }

    /// An .xlsx whose Sheet1 holds `value` in C14 under a header row.
    static func workbook(value: String) -> Data {
        let ns = #"xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships""#
        return make([
            ("[Content_Types].xml", #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#),
            ("xl/workbook.xml", "<workbook \(ns)><sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"),
            ("xl/_rels/workbook.xml.rels", #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#),
            ("xl/sharedStrings.xml", "<sst \(ns)><si><t>reference</t></si><si><t>\(value)</t></si></sst>"),
            ("xl/worksheets/sheet1.xml", "<worksheet \(ns)><sheetData><row r=\"1\"><c r=\"C1\" t=\"s\"><v>0</v></c></row><row r=\"14\"><c r=\"C14\" t=\"s\"><v>1</v></c></row></sheetData></worksheet>"),
        ])
    }
}

/// Documents in the pre-commit path: a staged document is read from the index blob whole.
final class StagedDocumentTests: XCTestCase {
    /// Fake, valid-format National Insurance number.
    let ni = "AB123456C"

    func testStagedSpreadsheetWithANINumberBlocksARealCommitThroughTheHook() throws {
        let repo = try TestRepository()
        XCTAssertEqual(try CLI.run(["hook", "install", "-C", repo.path]).status, 0)
        try repo.scratch.write("register.xlsx", StoredZip.workbook(value: ni))
        try repo.git(["add", "register.xlsx"])
        // What the index holds is scanned, not the work tree: empty the file on disk.
        try repo.scratch.write("register.xlsx", Data())
        XCTAssertThrowsError(try repo.git(["commit", "-m", "add register"])) { error in
            let message = "\(error)"
            XCTAssertTrue(message.contains("DO NOT COMMIT"), message)
            XCTAssertTrue(message.contains("register.xlsx!Sheet1!C14"), message)
            XCTAssertFalse(message.contains(self.ni), "never the raw value")
        }
        XCTAssertThrowsError(try repo.git(["rev-parse", "--verify", "-q", "HEAD"]), "no commit was made")
    }

    func testHistoryScansAnAddedDocumentWhole() throws {
        let repo = try TestRepository()
        try repo.scratch.write("register.xlsx", StoredZip.workbook(value: ni))
        try repo.git(["add", "."])
        try repo.git(["commit", "-q", "--no-verify", "-m", "add"])
        let r = try CLI.run(["git", "--history", "--format", "json", "-C", repo.path], environment: TestRepository.environment)
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertTrue(r.stdout.contains(#""location" : "register.xlsx!Sheet1!C14""#), r.stdout)
        XCTAssertTrue(r.stdout.contains(#""commit" : ""#), r.stdout)
    }

    /// An audit places a value inside a document as a scan does, and never calls it gone
    /// from HEAD because HEAD's compressed bytes do not show it.
    func testAuditPlacesADocumentValueAndDoesNotCallItGone() throws {
        let repo = try TestRepository()
        try repo.scratch.write("register.xlsx", StoredZip.workbook(value: ni))
        try repo.git(["add", "."])
        try repo.git(["commit", "-q", "--no-verify", "-m", "add"])
        let state = try Scratch()
        let text = try CLI.run(["audit", repo.path, "--state-dir", state.url.path], environment: TestRepository.environment)
        XCTAssertEqual(text.status, 1, text.stderr)
        XCTAssertTrue(text.stdout.contains("register.xlsx!Sheet1!C14"), text.stdout)
        XCTAssertFalse(text.stdout.contains("removed at HEAD"), text.stdout)
        let json = try CLI.run(["merge", state.url.path, "--format", "json"], environment: TestRepository.environment)
        XCTAssertTrue(json.stdout.contains(#""location" : "register.xlsx!Sheet1!C14""#), json.stdout)
        XCTAssertFalse(json.stdout.contains("present_at_head"), json.stdout)
    }

    func testPDFWithoutPdftotextIsSkippedWithTheReason() throws {
        let dir = try Scratch()
        try dir.write("report.pdf", "%PDF-1.4\n%\u{00}binary\n")
        let r = try CLI.run(["scan", dir.url.appendingPathComponent("report.pdf").path], environment: ["HEDGEROW_PDFTOTEXT": ""])
        XCTAssertEqual(r.status, 2, "nothing scannable is never a clean pass: \(r.stdout)")
        XCTAssertTrue(r.stdout.contains("pdftotext not installed"), r.stdout)
    }
}
