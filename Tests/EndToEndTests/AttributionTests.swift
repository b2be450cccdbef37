import Foundation
import XCTest

/// Published attribution end to end: a repository whose `.mailmap` and `AUTHORS` credit
/// 500 (generated, made-up) contributors reads as one summary line, fails nothing, and
/// drafts no incident record; configuration can make attributions fail.
final class AttributionTests: XCTestCase {
    /// Made-up contributors: given names and surnames from short lists, numbered, at a
    /// domain nobody owns for mail. Built here so no whole address sits in the source.
    static func contributors(_ count: Int) -> [(name: String, email: String)] {
        let given = ["Aled", "Bethan", "Cerys", "Dafydd", "Eluned", "Gethin", "Heledd", "Iolo", "Lowri", "Rhodri"]
        let family = ["Pryce", "Morgan", "Vaughan", "Bevan", "Rees", "Griffiths", "Powell", "Lloyd", "Howells", "Prosser"]
        return (0..<count).map { i in
            let first = given[i % given.count], last = family[(i / given.count) % family.count]
            return ("\(first) \(last)", "\(first.lowercased()).\(last.lowercased())\(i)" + "@" + "hedgerow-credits.net")
        }
    }

    func makeRepository() throws -> TestRepository {
        let repo = try TestRepository()
        let people = Self.contributors(500)
        try repo.write(".mailmap", people.map { "\($0.name) <\($0.email)> <old.\($0.email)>" }.joined(separator: "\n") + "\n")
        try repo.write("AUTHORS", "Authors of this project, in order of first commit:\n\n" + people.map { "\($0.name) <\($0.email)>" }.joined(separator: "\n") + "\n")
        return repo
    }

    func testFiveHundredContributorsAreOneSummaryLineInText() throws {
        let repo = try makeRepository()
        let r = try CLI.run(["scan", repo.path])
        XCTAssertEqual(r.status, 0, r.stdout + r.stderr)
        let lines = r.stdout.split(separator: "\n")
        XCTAssertEqual(lines.count, 1, r.stdout)
        XCTAssertTrue(r.stdout.contains("public attributions in 2 files"), r.stdout)
        XCTAssertTrue(r.stdout.contains("no findings"), r.stdout)
    }

    func testFiveHundredContributorsAreOneSummaryLineInMarkdown() throws {
        let repo = try makeRepository()
        let r = try CLI.run(["scan", repo.path, "--format", "markdown"])
        XCTAssertEqual(r.status, 0, r.stdout + r.stderr)
        XCTAssertEqual(r.stdout.components(separatedBy: "public attributions in 2 files").count - 1, 1, r.stdout)
        XCTAssertFalse(r.stdout.contains("### Findings"), r.stdout)
        XCTAssertFalse(r.stdout.contains("AUTHORS:"), "no attribution is listed one by one")
    }

    func testShowAttributionListsThemWithoutFailing() throws {
        let repo = try makeRepository()
        let r = try CLI.run(["scan", repo.path, "--show-attribution"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("AUTHORS:3:"), String(r.stdout.prefix(400)))
        XCTAssertTrue(r.stdout.contains(".mailmap:1:"))
    }

    func testJSONMarksAttributions() throws {
        let repo = try makeRepository()
        let r = try CLI.run(["scan", repo.path, "--format", "json"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let object = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any] ?? [:]
        let findings = object["findings"] as? [[String: Any]] ?? []
        XCTAssertFalse(findings.isEmpty)
        XCTAssertTrue(findings.allSatisfy { $0["context"] as? String == "attribution" })
        let summary = object["summary"] as? [String: Any] ?? [:]
        XCTAssertEqual(summary["findings"] as? Int, 0)
        XCTAssertEqual(summary["attribution_files"] as? Int, 2)
    }

    func testStagedChangeOfOnlyAttributionPasses() throws {
        let repo = try makeRepository()
        try repo.git(["add", "-A"])
        let r = try CLI.run(["git", "--staged", "-C", repo.path], environment: TestRepository.environment)
        XCTAssertEqual(r.status, 0, r.stdout + r.stderr)
        XCTAssertTrue(r.stdout.contains("public attributions"), r.stdout)
    }

    func testConfigurationCanMakeAttributionsFail() throws {
        let repo = try makeRepository()
        try repo.write(".hedgerow.yml", "version: 1\nattribution: fail\n")
        let r = try CLI.run(["scan", repo.path])
        XCTAssertEqual(r.status, 1, r.stderr)
    }

    func testAttributionIsNeverDraftedIntoARecord() throws {
        let repo = try makeRepository()
        let records = repo.url.appendingPathComponent("records").path
        let r = try CLI.run(["scan", repo.path, "--exposed", "--incident-dir", records])
        XCTAssertEqual(r.status, 0, r.stderr)
        let drafted = (try? FileManager.default.contentsOfDirectory(atPath: records)) ?? []
        XCTAssertTrue(drafted.isEmpty, "\(drafted)")
    }
}
