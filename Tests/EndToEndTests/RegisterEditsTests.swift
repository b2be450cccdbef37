import Foundation
import XCTest

/// Records are a register people work in: reruns keep their edits, the first detection
/// time and every deadline; one credential is one record across repositories and halves.
final class RegisterEditsTests: XCTestCase {
    /// A fake AWS secret access key (40 characters, mixed), built at run time so the
    /// project's own scan stays clean.
    static func fakeSecret(_ seed: Int) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
        var state = UInt64(seed) &* 2862933555777941757 &+ 3037000493
        return String((0..<40).map { _ in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return alphabet[Int(state >> 58) % alphabet.count]
        })
    }

    func records(in dir: URL) throws -> [(md: String, json: [String: Any], name: String)] {
        try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix("AIENG-") && $0.hasSuffix(".md") }.sorted().map { name in
            let md = try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
            let jsonData = try Data(contentsOf: dir.appendingPathComponent(name.replacingOccurrences(of: ".md", with: ".json")))
            return (md, try JSONSerialization.jsonObject(with: jsonData) as? [String: Any] ?? [:], name)
        }
    }

    /// The parts of a page outside hedgerow's blocks: what a person owns.
    func humanParts(_ page: String) -> String {
        var out = "", inside = false
        for line in page.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("<!-- hedgerow:begin ") { inside = true; continue }
            if line.hasPrefix("<!-- hedgerow:end ") { inside = false; continue }
            if !inside { out += line + "\n" }
        }
        return out
    }

    func history(_ repo: TestRepository, into dir: URL) throws -> CLI.Result {
        let r = try CLI.run(["git", "--history", "--incident-dir", dir.path, "-C", repo.path], environment: TestRepository.environment)
        XCTAssertEqual(r.status, 1, r.stderr)
        return r
    }

    func testHandEditsSurviveTwoRerunsWithTheFirstDetectionAndDeadline() throws {
        let repo = try TestRepository()
        try repo.commit("add", files: ["deploy.env": "aws_access_key_id=\(IncidentRegisterTests.fakeKey(31))\n", "people.csv": "email\nsam.patel@gmail.com\n"])
        let dir = try Scratch()
        _ = try history(repo, into: dir.url)
        let first = try records(in: dir.url)
        XCTAssertEqual(first.count, 2)
        let cl = try XCTUnwrap(first.first { $0.json["category"] as? String == "CL" })
        let de = try XCTUnwrap(first.first { $0.json["category"] as? String == "DE" })
        XCTAssertTrue(cl.md.contains("<!-- hedgerow:begin summary"), cl.md)
        XCTAssertTrue(cl.md.contains("<!-- hedgerow:end details -->"), cl.md)

        // A person works in the page: status, owner, a ticked box, a note.
        var edited = cl.md.replacingOccurrences(of: "- Status: Draft", with: "- Status: Contained")
            .replacingOccurrences(of: "- Owner: \n", with: "- Owner: Security Lead\n")
        let rotate = try XCTUnwrap(edited.range(of: "- [ ] Rotate"))
        edited.replaceSubrange(rotate, with: "- [x] Rotate")
        edited += "\nRotated by the platform team; ticket SEC-101.\n"
        XCTAssertNotEqual(edited, cl.md)
        try edited.write(to: dir.url.appendingPathComponent(cl.name), atomically: true, encoding: .utf8)
        let deIco = try XCTUnwrap(de.json["ico_notification"] as? String)

        // Two reruns, a second apart, one after a new occurrence was committed.
        Thread.sleep(forTimeInterval: 1.1)
        try repo.commit("copy", files: ["copy.env": "aws_access_key_id=\(IncidentRegisterTests.fakeKey(31))\n"])
        _ = try history(repo, into: dir.url)
        Thread.sleep(forTimeInterval: 1.1)
        _ = try history(repo, into: dir.url)

        let after = try records(in: dir.url)
        XCTAssertEqual(after.count, 2, "reruns update the same records")
        let cl2 = try XCTUnwrap(after.first { $0.name == cl.name })
        let de2 = try XCTUnwrap(after.first { $0.name == de.name })
        XCTAssertEqual(humanParts(cl2.md), humanParts(edited), "status, owner, ticks and notes survive byte for byte")
        XCTAssertEqual(cl2.json["status"] as? String, "Contained")
        XCTAssertEqual(cl2.json["owner"] as? String, "Security Lead")
        XCTAssertEqual(((cl2.json["containment"] as? [[String: Any]])?.first?["done"]) as? Bool, true)
        XCTAssertEqual(cl2.json["detected_at"] as? String, cl.json["detected_at"] as? String, "detection stays at the first")
        XCTAssertNotEqual(cl2.json["last_seen_at"] as? String, cl.json["detected_at"] as? String)
        XCTAssertEqual(de2.json["detected_at"] as? String, de.json["detected_at"] as? String)
        XCTAssertEqual(de2.json["ico_notification"] as? String, deIco, "the ICO deadline comes from the first detection")
        let timeline = (cl2.json["timeline"] as? [[String: Any]] ?? []).compactMap { $0["event"] as? String }
        XCTAssertTrue(timeline.contains { $0.contains("new occurrence") && $0.contains("copy.env") }, "\(timeline)")
        XCTAssertTrue(cl2.md.contains("## Timeline"), cl2.md)
        XCTAssertTrue(cl2.md.contains("Author"), "the author is in the Markdown")
    }

    func testOneCredentialInTwoRepositoriesIsOneRecordNamingBoth() throws {
        let key = IncidentRegisterTests.fakeKey(41)
        let a = try TestRepository(), b = try TestRepository()
        try a.commit("add", files: ["a.env": "aws_access_key_id=\(key)\n"])
        try b.commit("add", files: ["b.env": "aws_access_key_id=\(key)\n"])
        let dir = try Scratch()
        _ = try history(a, into: dir.url)
        _ = try history(b, into: dir.url)
        let all = try records(in: dir.url)
        XCTAssertEqual(all.count, 1, all.map(\.name).description)
        let sources = (all[0].json["sources"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
        XCTAssertEqual(sources.count, 2, "\(sources)")
        XCTAssertTrue(all[0].md.contains("a.env") && all[0].md.contains("b.env"), all[0].md)
    }

    func testAKeyIDAndItsSecretAreOneCredential() throws {
        let repo = try TestRepository()
        try repo.commit("add", files: ["aws.env": "aws_access_key_id = \(IncidentRegisterTests.fakeKey(51))\naws_secret_access_key = \(Self.fakeSecret(51))\n"])
        let dir = try Scratch()
        _ = try history(repo, into: dir.url)
        let all = try records(in: dir.url)
        XCTAssertEqual(all.count, 1, "one key pair, one record: \(all.map(\.name))")
        let rules = Set((all.first?.json["locations"] as? [[String: Any]] ?? []).compactMap { $0["rule"] as? String })
        XCTAssertEqual(rules, ["secret.aws.access-key-id", "secret.aws.secret-access-key"])
    }

    func testReportTakesAPeriodCountsStatusReadsNearMissesAndPrintsDaysAndHours() throws {
        let dir = try Scratch()
        let r = try CLI.run(["scan", "-", "--exposed", "--incident-dir", dir.url.path], stdin: Data("aws_access_key_id = \(IncidentRegisterTests.fakeKey(61))\n".utf8))
        XCTAssertEqual(r.status, 1, r.stderr)
        let log = dir.url.appendingPathComponent("near-miss.jsonl")
        let lines = [
            #"{"tool":{"name":"hedgerow","version":"0"},"schema_version":1,"type":"near-miss","time":"2026-01-05T10:00:00Z","severity":"P4","prevented":"commit","findings":2,"credentials":1,"categories":{"api_key":1,"email":1},"fingerprints":["a","b"]}"#,
            #"{"tool":{"name":"hedgerow","version":"0"},"schema_version":1,"type":"near-miss","time":"2025-12-05T10:00:00Z","severity":"P4","prevented":"paste","findings":1,"credentials":0,"categories":{"email":1},"fingerprints":["c"]}"#,
        ]
        try (lines.joined(separator: "\n") + "\n").write(to: log, atomically: true, encoding: .utf8)
        let text = try CLI.run(["report", dir.url.path, "--near-miss", log.path])
        XCTAssertEqual(text.status, 0, text.stderr)
        XCTAssertTrue(text.stdout.contains("by status: Draft 1"), text.stdout)
        XCTAssertTrue(text.stdout.contains("near misses (P4, prevented): 2"), text.stdout)
        let january = try CLI.run(["report", dir.url.path, "--near-miss", log.path, "--since", "2026-01-01", "--until", "2026-01-31", "--format", "json"])
        let figures = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(january.stdout.utf8)) as? [String: Any])
        XCTAssertEqual((figures["near_misses"] as? [String: Any])?["count"] as? Int, 1)
        XCTAssertEqual(figures["records"] as? Int, 0, "the record was first detected after January 2026")
        XCTAssertEqual(try CLI.run(["report", dir.url.path, "--since", "last tuesday"]).status, 2)
    }

    func testRecordsCarryRemoteWithoutCredentialsBranchesAuthorHeadAndVisibility() throws {
        let repo = try TestRepository()
        try repo.git(["remote", "add", "origin", "https://deploy-bot:s3cr3tpass@git.example.invalid/team/app.git"])
        try repo.commit("add", files: ["deploy.env": "aws_access_key_id=\(IncidentRegisterTests.fakeKey(71))\n"])
        try repo.git(["branch", "release"])
        let dir = try Scratch()
        _ = try history(repo, into: dir.url)
        let record = try XCTUnwrap(try records(in: dir.url).first)
        XCTAssertTrue(record.md.contains("https://git.example.invalid/team/app.git"), record.md)
        XCTAssertFalse(record.md.contains("s3cr3tpass") || record.md.contains("deploy-bot"), "credentials stripped from the remote")
        XCTAssertTrue(record.md.contains("main, release") || record.md.contains("release, main"), record.md)
        XCTAssertTrue(record.md.contains("Test Author"), "the author is in the Markdown")
        XCTAssertEqual(record.json["still_at_head"] as? Bool, true)
        XCTAssertEqual(record.json["visibility"] as? String, "unknown")
        XCTAssertTrue(record.md.contains("confirm whether the repository is public"), record.md)
        XCTAssertTrue(record.md.contains("format matched; not verified with the provider"), record.md)

        let configured = try Scratch()
        let r = try CLI.run(["git", "--history", "--incident-dir", configured.url.path, "-C", repo.path],
                            environment: TestRepository.environment.merging(["HEDGEROW_REPOSITORY_VISIBILITY": "public"]) { $1 })
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertEqual(try records(in: configured.url).first?.json["visibility"] as? String, "public")
    }
}
