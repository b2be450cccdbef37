import Foundation
import XCTest

/// `hedgerow audit` and `hedgerow merge` over repositories the test creates.
final class AuditTests: XCTestCase {
    let key = "AKIAZHPCF2UQNUPQZIT5"

    /// org/alpha: a key added then removed, an email still present; org/beta: the same key;
    /// org/beta-mirror.git: a bare clone; org/corrupt: a broken .git; org/gamma: clean.
    func makeOrganisation() throws -> Scratch {
        let root = try Scratch()
        let org = root.url.appendingPathComponent("org")
        try FileManager.default.createDirectory(at: org, withIntermediateDirectories: true)
        func repo(_ name: String) throws -> URL {
            try TestRepository.runGit(["init", "-q", "-b", "main", name], in: org)
            return org.appendingPathComponent(name)
        }
        func commit(_ dir: URL, _ files: [String: String], _ message: String) throws {
            for (name, text) in files { try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8) }
            try TestRepository.runGit(["add", "-A"], in: dir)
            try TestRepository.runGit(["commit", "-q", "--no-verify", "-m", message], in: dir)
        }
        let alpha = try repo("alpha")
        try commit(alpha, ["deploy.env": "aws_access_key_id=\(key)\n", "copy.env": "aws_access_key_id=\(key)\n"], "add key")
        try commit(alpha, ["deploy.env": "region=eu-west-2\n", "copy.env": "x=1\n"], "remove key")
        try commit(alpha, ["people.md": "contact rhys.green@gmail.com\n"], "add contact")
        let beta = try repo("beta")
        try commit(beta, ["a.txt": "key \(key)\n"], "same key")
        try TestRepository.runGit(["clone", "-q", "--bare", beta.path, "beta-mirror.git"], in: org)
        try FileManager.default.createDirectory(at: org.appendingPathComponent("corrupt/.git"), withIntermediateDirectories: true)
        let gamma = try repo("gamma")
        try commit(gamma, ["readme.md": "nothing to see\n"], "clean")
        return root
    }

    func audit(_ arguments: [String], in dir: URL) throws -> (status: Int32, report: [String: Any], stdout: String, stderr: String) {
        let r = try CLI.run(["audit"] + arguments + ["--format", "json"], in: dir, environment: TestRepository.environment)
        let report = (try? JSONSerialization.jsonObject(with: Data(r.stdout.utf8))) as? [String: Any] ?? [:]
        return (r.status, report, r.stdout, r.stderr)
    }

    func repositories(_ report: [String: Any]) -> [String: [String: Any]] {
        var byName: [String: [String: Any]] = [:]
        for r in report["repositories"] as? [[String: Any]] ?? [] { byName[r["name"] as! String] = r }
        return byName
    }

    func testFindingsDeduplicationFailuresAndExitCode() throws {
        let root = try makeOrganisation()
        let r = try audit(["org", "--state-dir", "state"], in: root.url)
        XCTAssertEqual(r.status, 2, "a corrupt repository makes the exit code 2: \(r.stderr)")
        let repos = repositories(r.report)
        XCTAssertEqual(Set(repos.keys), ["org/alpha", "org/beta", "org/beta-mirror.git", "org/corrupt", "org/gamma"])
        XCTAssertEqual(repos["org/corrupt"]?["status"] as? String, "failed")
        XCTAssertEqual((repos["org/gamma"]?["findings"] as? [Any])?.count, 0)
        let alpha = try XCTUnwrap(repos["org/alpha"]?["findings"] as? [[String: Any]])
        XCTAssertEqual(alpha.count, 2, "the key once (two files), the email once: \(alpha)")
        let keyFinding = try XCTUnwrap(alpha.first { $0["category"] as? String == "api_key" })
        XCTAssertEqual(keyFinding["occurrences"] as? Int, 2)
        XCTAssertEqual(keyFinding["paths"] as? [String], ["copy.env", "deploy.env"])
        XCTAssertEqual(keyFinding["present_at_head"] as? Bool, false, "removed later, still reported")
        XCTAssertNotNil(keyFinding["commit"] as? String)
        XCTAssertEqual(alpha.first { $0["category"] as? String == "email" }?["present_at_head"] as? Bool, true)
        XCTAssertEqual((repos["org/beta-mirror.git"]?["findings"] as? [Any])?.count, 1, "bare repositories are audited")
        let shared = try XCTUnwrap(r.report["shared_values"] as? [String: [String]])
        XCTAssertEqual(shared.values.first, ["org/alpha", "org/beta", "org/beta-mirror.git"])
        XCTAssertFalse(r.stdout.contains(key), "no raw values")
        // Progress is line-oriented off a terminal.
        XCTAssertTrue(r.stderr.contains("hedgerow audit: [5/5]"), r.stderr)
    }

    func testResumeAfterAKilledRunLosesAndDuplicatesNothing() throws {
        let root = try makeOrganisation()
        let clean = try audit(["org", "--state-dir", "reference"], in: root.url)

        // Start an audit one repository at a time and kill it as soon as one result is written.
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = ["audit", "org", "--state-dir", "state", "--threads", "1", "--format", "json"]
        process.currentDirectoryURL = root.url
        process.environment = ProcessInfo.processInfo.environment.merging(TestRepository.environment) { $1 }
            .merging(["HEDGEROW_FINGERPRINT_KEY": "end-to-end-test-key"]) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let stateRepos = root.url.appendingPathComponent("state/repos")
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            let done = (try? FileManager.default.contentsOfDirectory(atPath: stateRepos.path))?.filter { $0.hasSuffix(".json") } ?? []
            if !done.isEmpty { break }
            usleep(2000)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let before = ((try? FileManager.default.contentsOfDirectory(atPath: stateRepos.path)) ?? []).filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }
        XCTAssertGreaterThan(before.count, 0)

        let resumed = try audit(["org", "--state-dir", "state", "--resume"], in: root.url)
        if before.count < 5 {
            XCTAssertTrue(resumed.stderr.contains("resuming: \(before.count) of 5 repositories already done, \(5 - before.count) to scan"), resumed.stderr)
        }
        XCTAssertEqual(resumed.stdout, clean.stdout, "the resumed audit reports exactly what a clean run does")

        // Remove one finished result: only that repository is scanned again.
        try FileManager.default.removeItem(at: stateRepos.appendingPathComponent("org%2Fbeta.json"))
        let again = try audit(["org", "--state-dir", "state", "--resume"], in: root.url)
        XCTAssertTrue(again.stderr.contains("resuming: 4 of 5 repositories already done, 1 to scan"), again.stderr)
        XCTAssertTrue(again.stderr.contains("[5/5] org/beta:"), again.stderr)
        XCTAssertEqual(again.stdout, clean.stdout)
    }

    func testShardsMergeIntoTheUnshardedReport() throws {
        let root = try makeOrganisation()
        let whole = try audit(["org", "--state-dir", "whole"], in: root.url)
        let one = try audit(["org", "--shard", "1/2", "--state-dir", "shard1"], in: root.url)
        let two = try audit(["org", "--shard", "2/2", "--state-dir", "shard2"], in: root.url)
        let names1 = Set(repositories(one.report).keys), names2 = Set(repositories(two.report).keys)
        XCTAssertTrue(names1.isDisjoint(with: names2))
        XCTAssertEqual(names1.union(names2).count, 5)
        let merged = try CLI.run(["merge", "shard1", "shard2", "--format", "json"], in: root.url)
        XCTAssertEqual(merged.stdout, whole.stdout, "merge equals the unsharded report")
        XCTAssertEqual(merged.status, whole.status)
        let mergedText = try CLI.run(["merge", "shard1", "shard2"], in: root.url)
        let wholeText = try CLI.run(["merge", "whole"], in: root.url)
        XCTAssertEqual(mergedText.stdout, wholeText.stdout)
    }

    /// More shards than repositories (an Indexed Job of 8 over a few mirrors): a shard given
    /// nothing leaves an empty state directory, even with --resume, and merges as nothing;
    /// a path that is no state directory (a shard's report file, a missing shard) is exit 2.
    func testEmptyShardMergesAndAMissingOneIsAnError() throws {
        let root = try makeOrganisation()
        let whole = try audit(["org", "--state-dir", "whole"], in: root.url)
        var states: [String] = []
        for index in 1...8 {
            // (The organisation holds a corrupt repository, so one shard exits 2: its failure is a result too.)
            _ = try audit(["org", "--shard", "\(index)/8", "--state-dir", "s\(index)", "--resume"], in: root.url)
            XCTAssertTrue(FileManager.default.fileExists(atPath: root.url.appendingPathComponent("s\(index)/repos").path), "shard \(index)")
            states.append("s\(index)")
        }
        let merged = try CLI.run(["merge"] + states + ["--format", "json"], in: root.url)
        XCTAssertEqual(merged.stdout, whole.stdout, merged.stderr)
        try "{}".write(to: root.url.appendingPathComponent("report.json"), atomically: true, encoding: .utf8)
        for bad in ["report.json", "missing"] {
            let r = try CLI.run(["merge"] + states + [bad], in: root.url)
            XCTAssertEqual(r.status, 2)
            XCTAssertTrue(r.stderr.contains("\(bad) is not an audit state directory"), r.stderr)
        }
    }

    func testRepositoryListFile() throws {
        let root = try makeOrganisation()
        try "# repositories to audit\norg/beta\n\norg/gamma\n".write(to: root.url.appendingPathComponent("repos.txt"), atomically: true, encoding: .utf8)
        let r = try audit(["--repos-file", "repos.txt", "--state-dir", "list"], in: root.url)
        XCTAssertEqual(Set(repositories(r.report).keys), ["beta", "gamma"])
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(try audit(["--repos-file", "missing.txt"], in: root.url).status, 2)
    }

    /// A repository with no commits yet is "empty": listed, never a failure, so the
    /// audit's exit code is 0 (or 1 for the others' findings), not 2.
    func testEmptyRepositoryIsEmptyNotAFailure() throws {
        let root = try Scratch()
        let empty = root.url.appendingPathComponent("org/empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        try TestRepository.runGit(["init", "-q", "-b", "main"], in: empty)
        let bare = root.url.appendingPathComponent("org/empty-mirror.git")
        try FileManager.default.createDirectory(at: bare, withIntermediateDirectories: true)
        try TestRepository.runGit(["init", "-q", "--bare", "-b", "main"], in: bare)
        let r = try audit(["org", "--state-dir", "state"], in: root.url)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.report["failed"] as? Int, 0)
        XCTAssertEqual(repositories(r.report)["org/empty"]?["status"] as? String, "empty", "\(r.report)")
        XCTAssertEqual(repositories(r.report)["org/empty-mirror.git"]?["status"] as? String, "empty", "\(r.report)")
        let text = try CLI.run(["merge", "state"], in: root.url, environment: TestRepository.environment)
        XCTAssertEqual(text.status, 0, text.stderr)
        XCTAssertTrue(text.stdout.contains("empty   org/empty: no commits to audit"), text.stdout)
    }

    func testTreeOnlyAuditAndIncidentDrafts() throws {
        let root = try makeOrganisation()
        let tree = try audit(["org/alpha", "org/beta-mirror.git", "--history", "none", "--state-dir", "tree"], in: root.url)
        let repos = repositories(tree.report)
        let alpha = try XCTUnwrap(repos["alpha"]?["findings"] as? [[String: Any]])
        XCTAssertEqual(alpha.map { $0["category"] as? String }, ["email"], "only what is checked out now")
        XCTAssertEqual(repos["beta-mirror.git"]?["status"] as? String, "ok", "a bare mirror's committed tree is read from its objects")
        XCTAssertEqual((repos["beta-mirror.git"]?["findings"] as? [Any])?.count, 1)

        let records = root.url.appendingPathComponent("records")
        let r = try CLI.run(["audit", "org/alpha", "org/beta", "--state-dir", "s", "--incident-dir", records.path], in: root.url,
                            environment: TestRepository.environment)
        XCTAssertEqual(r.status, 1, r.stderr)
        let json = try FileManager.default.contentsOfDirectory(atPath: records.path).filter { $0.hasSuffix(".json") }
        let categories = try json.map { try String(contentsOf: records.appendingPathComponent($0), encoding: .utf8) }
            .map { $0.contains(#""category" : "CL""#) ? "CL" : "DE" }.sorted()
        XCTAssertEqual(categories, ["CL", "DE"], "one CL for the key alpha and beta share, one DE for alpha's email")
        let cl = try json.map { try String(contentsOf: records.appendingPathComponent($0), encoding: .utf8) }.first { $0.contains(#""category" : "CL""#) }
        XCTAssertTrue(cl?.contains("alpha") == true && cl?.contains("beta") == true, "the record names both repositories")
    }
}
