import Foundation
import XCTest
import HedgerowCore
@testable import HedgerowReport

/// The output contract: one naming scheme, an envelope, and files saved under the old
/// names still read.
final class OutputContractTests: XCTestCase {
    let finding = AuditFinding(
        rule: "pd.email", ruleName: "Email address", category: .email, dataClass: .personalData, confidence: .high,
        fingerprint: "hr1:0123456789abcdef0123456789abcdef", masked: "j…@e…[20 chars]", hint: "Use example.com.",
        firstCommit: "a1b2c3", firstDate: "2026-01-02T03:04:05Z", firstAuthor: "Fixture <fixture@example.invalid>",
        firstPath: "notes.txt", firstLine: 3, paths: ["notes.txt"], occurrences: 2, presentAtHead: true
    )

    /// What schema version 0 wrote: Swift's default (camelCase) names, no envelope.
    func legacyJSON<T: Encodable>(_ value: T) throws -> Data {
        let object = try JSONSerialization.jsonObject(with: try JSONEncoder().encode(value))
        func camel(_ value: Any) -> Any {
            if let array = value as? [Any] { return array.map(camel) }
            guard let dict = value as? [String: Any] else { return value }
            var out: [String: Any] = [:]
            for (key, inner) in dict {
                let old = OutputContract.legacyRenames.first { $0.value == key }?.key ?? key
                out[old] = OutputContract.mapFields.contains(key) ? inner : camel(inner)
            }
            return out
        }
        return try JSONSerialization.data(withJSONObject: camel(object))
    }

    func testStateFileWrittenUnderOldNamesIsRead() throws {
        let result = RepositoryResult(name: "ruleName", path: "/srv/ruleName", status: "ok", history: "all", commits: 4,
                                      addedLines: 10, bytesScanned: 300, suppressed: ["pd.email": 1], findings: [finding])
        let old = try legacyJSON(result)
        XCTAssertTrue(String(decoding: old, as: UTF8.self).contains("\"firstPath\""), "the fixture really is in the old names")
        XCTAssertEqual(try RepositoryResult.decodeState(old), result)
        XCTAssertEqual(try RepositoryResult.decodeState(Data(result.stateDocument(toolVersion: "t").utf8)), result)
    }

    func testNewStateFileHasEnvelopeAndOnlySnakeCaseKeys() throws {
        let result = RepositoryResult(name: "api", path: "/srv/api", status: "ok", history: "all", addedLines: 1, findings: [finding])
        let text = result.stateDocument(toolVersion: "9.9.9")
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        XCTAssertEqual(object["schema_version"] as? Int, OutputContract.schemaVersion)
        XCTAssertEqual((object["tool"] as? [String: String])?["version"], "9.9.9")
        let keys = try XCTUnwrap(text.range(of: #""[a-z]+[A-Z]\w*" :"#, options: .regularExpression).map { text[$0] }.map(String.init) ?? Optional("none"))
        XCTAssertEqual(keys, "none", "a camelCase key was written")
    }

    func testSharedValuesKeyedByRepositoryNamesAreNotRenamed() throws {
        let a = RepositoryResult(name: "ruleName", path: "/a", status: "ok", history: "all", findings: [finding])
        let b = RepositoryResult(name: "firstPath", path: "/b", status: "ok", history: "all", findings: [finding])
        let report = AuditReport([a, b])
        let upgraded = OutputContract.upgradingLegacyKeys(try legacyJSON(report))
        let decoded = try JSONDecoder().decode(AuditReport.self, from: upgraded)
        XCTAssertEqual(decoded.sharedValues[finding.fingerprint], ["firstPath", "ruleName"])
        XCTAssertEqual(decoded, report)
    }

    func testRenameTableIsTheOneTheScriptUses() throws {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/schemas/renames.json")
        let table = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
        XCTAssertEqual(table["renames"] as? [String: String], OutputContract.legacyRenames)
    }

    func testJSONLinesPutTheTypeFirst() {
        XCTAssertEqual(OutputContract.line(type: "summary", ["b": 1, "a": 2]), "{\"type\":\"summary\",\"a\":2,\"b\":1}\n")
        XCTAssertEqual(OutputContract.line(type: "run", [:]), "{\"type\":\"run\"}\n")
    }
}
