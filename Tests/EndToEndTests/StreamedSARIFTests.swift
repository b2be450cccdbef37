import Foundation
import XCTest

/// SARIF is written as files are scanned (issue 23, item 18: a 2 GB file's SARIF took 965 MB
/// held in memory): the streamed document must be the one built in memory, byte for byte.
final class StreamedSARIFTests: XCTestCase {
    func testStreamedSARIFIsTheDocumentBuiltInMemory() throws {
        let root = repositoryRoot
        let records = FileManager.default.temporaryDirectory.appendingPathComponent("hedgerow-records-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: records) }
        let streamed = try CLI.run(["scan", "Fixtures/example", "--format", "sarif"], in: root)
        // Incident records (of an exposure) need every finding after the scan, so this run builds the document in memory.
        let built = try CLI.run(["scan", "Fixtures/example", "--format", "sarif", "--exposed", "--incident-dir", records.path], in: root)
        XCTAssertEqual(streamed.status, 1)
        XCTAssertEqual(streamed.stdout, built.stdout)
        let document = try JSONSerialization.jsonObject(with: Data(streamed.stdout.utf8)) as? [String: Any]
        let runs = document?["runs"] as? [[String: Any]]
        XCTAssertEqual((runs?.first?["results"] as? [Any])?.count, 20)
        XCTAssertNotNil((runs?.first?["tool"] as? [String: Any])?["driver"])
    }
}
