import Foundation
import XCTest

/// The reports written for people (prevention text, Markdown) are rendered from a digest,
/// not from every finding: a paste check of standard input used to hold all of them (issue 23,
/// item 18: 671 MB for 2 GB; 1.2 GB peak for 60 MB of dense contact rows).
final class BoundedReportMemoryTests: XCTestCase {
    /// Rows of made-up contacts, two findings each (an e-mail address and an Ofcom drama
    /// number), the same for every run.
    func contactRows(bytes: Int) -> Data {
        let first = ["ada", "ben", "cara", "dev", "ella", "finn"], last = ["ashdown", "brook", "carver", "dale", "ewart"]
        var text = "", n = 0
        while text.utf8.count < bytes {
            text += "row \(n): contact \(first[n % 6]).\(last[n % 5])\(n % 997)@gmail.com phone 07700 900\(100 + n % 900)\n"
            n += 1
        }
        return Data(text.utf8)
    }

    /// Peak resident memory of one run, in MB, read by a parent that runs nothing else.
    func peakMegabytes(_ arguments: [String], stdin: Data) throws -> (mb: Int, stdout: String) {
        let dir = try Scratch()
        try dir.write("in.txt", String(decoding: stdin, as: UTF8.self))
        let probe = """
        import resource, subprocess, sys
        r = subprocess.run(sys.argv[2:], stdin=open(sys.argv[1], 'rb'), stdout=subprocess.PIPE)
        sys.stdout.write(str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024) + "\\n" + r.stdout.decode())
        """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", probe, dir.url.appendingPathComponent("in.txt").path, CLI.binary.path] + arguments
        process.environment = ProcessInfo.processInfo.environment.merging(["HEDGEROW_FINGERPRINT_KEY": "end-to-end-test-key"]) { $1 }
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        let mb = try XCTUnwrap(Int(text.prefix { $0 != "\n" }), text)
        return (mb, String(text.drop { $0 != "\n" }.dropFirst()))
    }

    func testPasteCheckAndMarkdownOfStandardInputDoNotGrowWithFindings() throws {
        let small = contactRows(bytes: 1_000_000), large = contactRows(bytes: 3_000_000)
        let base = try peakMegabytes(["scan", "-"], stdin: small)
        // About 27,000 findings more in the larger input: kept, they cost 40 MB or more.
        let text = try peakMegabytes(["scan", "-"], stdin: large)
        XCTAssertLessThan(text.mb - base.mb, 25, "prevention text: \(base.mb) MB for 1 MB, \(text.mb) MB for 3 MB")
        XCTAssertTrue(text.stdout.contains("...and "), text.stdout)
        XCTAssertLessThan(text.stdout.split(separator: "\n").count, 150, "the paste check lists the first findings and counts the rest")
        let markdown = try peakMegabytes(["scan", "-", "--format", "markdown"], stdin: large)
        XCTAssertLessThan(markdown.mb - base.mb, 25, "Markdown: \(base.mb) MB for 1 MB of text, \(markdown.mb) MB for 3 MB")
        XCTAssertTrue(markdown.stdout.contains("more (see the JSON or SARIF report)"), String(markdown.stdout.prefix(400)))
    }
}
