import Foundation
import XCTest

/// What an audit says about the state of each repository it reads: refs that moved since a
/// result was written, bare mirrors read without history, shallow clones, broken refs,
/// published attributions, and the job summary.
final class AuditRepositoryStateTests: XCTestCase {
    let env = TestRepository.environment

    /// A repository under `root/org/name` with one commit holding `files`.
    @discardableResult
    func repository(_ root: Scratch, _ name: String, _ files: [String: String]) throws -> URL {
        let dir = root.url.appendingPathComponent("org/\(name)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try TestRepository.runGit(["init", "-q", "-b", "main"], in: dir)
        try commit(dir, files, "first")
        return dir
    }

    func commit(_ dir: URL, _ files: [String: String], _ message: String) throws {
        for (name, text) in files {
            let file = dir.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: file, atomically: true, encoding: .utf8)
        }
        try TestRepository.runGit(["add", "-A"], in: dir)
        try TestRepository.runGit(["commit", "-q", "--no-verify", "-m", message], in: dir)
    }

    func json(_ text: String) -> [String: Any] { (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:] }

    func repositories(_ report: [String: Any]) -> [String: [String: Any]] {
        var byName: [String: [String: Any]] = [:]
        for r in report["repositories"] as? [[String: Any]] ?? [] { byName[r["name"] as! String] = r }
        return byName
    }

    /// A repository committed to (or fetched into) since its result was written is scanned
    /// again on --resume; one whose refs did not move is reused.
    func testResumeRescansARepositoryWhoseRefsChanged() throws {
        let root = try Scratch()
        let moving = try repository(root, "moving", ["a.md": "contact rhys.green@gmail.com\n"])
        try repository(root, "still", ["b.md": "contact owen.price@outlook.com\n"])
        let first = try CLI.run(["audit", "org", "--state-dir", "s", "--format", "json"], in: root.url, environment: env)
        XCTAssertEqual(first.status, 1, first.stderr)
        try commit(moving, ["c.md": "phone megan.hughes@yahoo.co.uk\n"], "later")
        let resumed = try CLI.run(["audit", "org", "--state-dir", "s", "--resume", "--format", "json"], in: root.url, environment: env)
        XCTAssertTrue(resumed.stderr.contains("org/moving: refs changed since its result was written"), resumed.stderr)
        XCTAssertTrue(resumed.stderr.contains("resuming: 1 of 2 repositories already done, 1 to scan"), resumed.stderr)
        XCTAssertEqual((repositories(json(resumed.stdout))["org/moving"]?["findings"] as? [Any])?.count, 2, "the new commit's value is found")
        let fresh = try CLI.run(["audit", "org", "--state-dir", "fresh", "--format", "json"], in: root.url, environment: env)
        XCTAssertEqual(resumed.stdout, fresh.stdout, "a resumed audit reports what a fresh one does")
        // Nothing moved since: everything is reused.
        let again = try CLI.run(["audit", "org", "--state-dir", "s", "--resume", "--format", "json"], in: root.url, environment: env)
        XCTAssertTrue(again.stderr.contains("resuming: 2 of 2 repositories already done, 0 to scan"), again.stderr)
        XCTAssertEqual(again.stdout, fresh.stdout)
        // Results made under another key, or another --history, are not reused.
        let otherKey = try CLI.run(["audit", "org", "--state-dir", "s", "--resume"], in: root.url,
                                   environment: env.merging(["HEDGEROW_FINGERPRINT_KEY": "another-key"]) { $1 })
        XCTAssertFalse(otherKey.stderr.contains("resuming:"), otherKey.stderr)
        XCTAssertTrue(otherKey.stderr.contains("org/still: its result was made with another --history or fingerprint key"), otherKey.stderr)
        let tree = try CLI.run(["audit", "org", "--state-dir", "s", "--resume", "--history", "none"], in: root.url, environment: env)
        XCTAssertFalse(tree.stderr.contains("resuming:"), tree.stderr)
    }

    /// `--history none` reads HEAD's committed tree from the object store: a bare mirror has one.
    func testTreeOnlyAuditReadsABareMirror() throws {
        let root = try Scratch()
        let source = try repository(root, "source", ["people.md": "contact rhys.green@gmail.com\n"])
        try TestRepository.runGit(["clone", "-q", "--bare", source.path, "mirror.git"], in: source.deletingLastPathComponent())
        let r = try CLI.run(["audit", "org/mirror.git", "--history", "none", "--state-dir", "s", "--format", "json"], in: root.url, environment: env)
        XCTAssertEqual(r.status, 1, r.stderr)
        let mirror = try XCTUnwrap(repositories(json(r.stdout))["mirror.git"])
        XCTAssertEqual(mirror["status"] as? String, "ok", "\(mirror)")
        XCTAssertEqual((mirror["findings"] as? [[String: Any]])?.map { $0["path"] as? String }, ["people.md"])
    }

    /// audit and merge append their Markdown table to the job summary (an audit never holds
    /// a value, and the table lists no masked ones either).
    func testAuditAndMergeWriteTheJobSummary() throws {
        let root = try Scratch()
        try repository(root, "alpha", ["people.md": "contact rhys.green@gmail.com\n"])
        let summary = root.url.appendingPathComponent("summary.md")
        let r = try CLI.run(["audit", "org", "--state-dir", "s"], in: root.url,
                            environment: env.merging(["GITHUB_STEP_SUMMARY": summary.path]) { $1 })
        XCTAssertEqual(r.status, 1, r.stderr)
        let written = try String(contentsOf: summary, encoding: .utf8)
        XCTAssertTrue(written.contains("## hedgerow audit: 1 repositories"), written)
        XCTAssertTrue(written.contains("`org/alpha`"), written)
        XCTAssertFalse(written.contains("rhys.green"), "never a value in the published summary")
        let merged = try CLI.run(["merge", "s"], in: root.url, environment: env.merging(["GITHUB_STEP_SUMMARY": summary.path]) { $1 })
        XCTAssertEqual(merged.status, 1, merged.stderr)
        XCTAssertEqual(try String(contentsOf: summary, encoding: .utf8).components(separatedBy: "## hedgerow audit").count, 3, "merge appends its own")
    }

    /// A shallow clone's missing history is said in every format and in the records.
    func testShallowCloneIsNamedInEveryFormatAndRecord() throws {
        let root = try Scratch()
        let source = try repository(root, "source", ["old.md": "contact rhys.green@gmail.com\n"])
        try commit(source, ["new.md": "contact owen.price@outlook.com\n"], "second")
        try TestRepository.runGit(["clone", "-q", "--depth", "1", "file://" + source.path, "shallow"], in: source.deletingLastPathComponent())
        let target = ["org/shallow", "--state-dir", "s"]
        let text = try CLI.run(["audit"] + target, in: root.url, environment: env)
        XCTAssertTrue(text.stdout.contains("SHALLOW shallow: a shallow clone, history before its grafted commits is missing"), text.stdout)
        XCTAssertTrue(text.stderr.contains("shallow is a shallow clone") && text.stderr.contains("git fetch --unshallow"), text.stderr)
        let document = try CLI.run(["audit"] + target + ["--format", "json"], in: root.url, environment: env)
        XCTAssertEqual(repositories(json(document.stdout))["shallow"]?["shallow"] as? Bool, true, document.stdout)
        let lines = try CLI.run(["audit"] + target + ["--format", "jsonl"], in: root.url, environment: env)
        XCTAssertTrue(lines.stdout.split(separator: "\n").contains { $0.contains(#""type":"repository""#) && $0.contains(#""shallow":true"#) }, lines.stdout)
        let markdown = try CLI.run(["audit"] + target + ["--format", "markdown"], in: root.url, environment: env)
        XCTAssertTrue(markdown.stdout.contains("ok (shallow clone: history before its grafted commits not audited)"), markdown.stdout)
        let sarif = try CLI.run(["audit"] + target + ["--format", "sarif"], in: root.url, environment: env)
        XCTAssertTrue(sarif.stdout.contains("shallow clone: history before its grafted commits is missing"), sarif.stdout)
        let records = root.url.appendingPathComponent("records")
        _ = try CLI.run(["audit"] + target + ["--incident-dir", records.path], in: root.url, environment: env)
        let record = try FileManager.default.contentsOfDirectory(atPath: records.path).filter { $0.hasSuffix(".md") }
            .map { try String(contentsOf: records.appendingPathComponent($0), encoding: .utf8) }.joined()
        XCTAssertTrue(record.contains("shallow clone"), record)
        // A full clone says nothing of the kind.
        let full = try CLI.run(["audit", "org/source", "--state-dir", "f", "--format", "json"], in: root.url, environment: env)
        XCTAssertNil(repositories(json(full.stdout))["source"]?["shallow"], full.stdout)
    }

    /// One broken ref (a tip whose object is missing, a ref file git cannot parse) does not
    /// cost the repository: the rest is scanned, the broken refs are named, and it is not clean.
    func testBrokenRefIsNamedAndTheRestIsScanned() throws {
        let root = try Scratch()
        let repo = try repository(root, "damaged", ["people.md": "contact rhys.green@gmail.com\n"])
        try TestRepository.runGit(["branch", "side"], in: repo)
        try "0123456789abcdef0123456789abcdef01234567\n".write(to: repo.appendingPathComponent(".git/refs/heads/missing"), atomically: true, encoding: .utf8)
        try "not an object name\n".write(to: repo.appendingPathComponent(".git/refs/heads/garbage"), atomically: true, encoding: .utf8)
        let r = try CLI.run(["audit", "org/damaged", "--state-dir", "s", "--format", "json"], in: root.url, environment: env)
        XCTAssertEqual(r.status, 2, "part of the history went unread: \(r.stderr)")
        let result = try XCTUnwrap(repositories(json(r.stdout))["damaged"], r.stdout)
        XCTAssertEqual(result["status"] as? String, "partial")
        let error = try XCTUnwrap(result["error"] as? String)
        XCTAssertTrue(error.contains("refs/heads/missing") && error.contains("refs/heads/garbage"), error)
        XCTAssertEqual((result["findings"] as? [[String: Any]])?.map { $0["path"] as? String }, ["people.md"], "the readable refs were scanned")
        XCTAssertEqual(json(r.stdout)["failed"] as? Int, 1)
        let text = try CLI.run(["merge", "s"], in: root.url, environment: env)
        XCTAssertTrue(text.stdout.contains("PARTIAL damaged: broken refs refs/heads/garbage, refs/heads/missing"), text.stdout)
        XCTAssertTrue(text.stdout.contains("people.md:1: Email address"), text.stdout)
        XCTAssertTrue(text.stderr.contains("error: damaged: broken refs"), text.stderr)
        // `hedgerow git --history` reads the same way: the other refs' findings, and an error.
        let history = try CLI.run(["git", "--history", "-C", repo.path, "--format", "json"], environment: env)
        XCTAssertEqual(history.status, 2, history.stderr)
        XCTAssertTrue(history.stderr.contains("broken ref refs/heads/missing") && history.stderr.contains("broken ref refs/heads/garbage"), history.stderr)
        XCTAssertEqual((json(history.stdout)["findings"] as? [[String: Any]])?.count, 1, history.stdout)
    }

    /// AUTHORS and .mailmap are published on purpose: an audit lists them as attributions
    /// (JSON), summarises them (text), fails nothing for them and drafts no DE record.
    func testAttributionsAreNeitherFailuresNorDERecords() throws {
        let root = try Scratch()
        var authors = "# Authors of this project\n"
        var mailmap = ""
        for (first, last) in [("Rhys", "Green"), ("Owen", "Price"), ("Megan", "Hughes"), ("Gareth", "Evans")] {
            authors += "\(first) \(last) <\(first.lowercased()).\(last.lowercased())@gmail.com>\n"
            mailmap += "\(first) \(last) <\(first.lowercased()).\(last.lowercased())@outlook.com>\n"
        }
        try repository(root, "project", ["AUTHORS": authors, ".mailmap": mailmap, "README.md": "A project.\n"])
        for format in ["json", "text"] {
            let records = root.url.appendingPathComponent("records-\(format)")
            let r = try CLI.run(["audit", "org", "--state-dir", "s-\(format)", "--incident-dir", records.path, "--format", format],
                                in: root.url, environment: env)
            XCTAssertEqual(r.status, 0, "attributions fail nothing: \(r.stderr)")
            let drafted = (try? FileManager.default.contentsOfDirectory(atPath: records.path))?.filter { $0.hasSuffix(".json") } ?? []
            XCTAssertEqual(drafted, [], "no DE record for a project's own credits (\(format)): \(r.stderr)")
            if format == "json" {
                let findings = try XCTUnwrap(repositories(json(r.stdout))["org/project"]?["findings"] as? [[String: Any]])
                XCTAssertFalse(findings.isEmpty)
                XCTAssertTrue(findings.allSatisfy { $0["context"] as? String == "attribution" }, "\(findings)")
            } else {
                XCTAssertTrue(r.stdout.contains("public attributions in 2 files"), r.stdout)
                XCTAssertFalse(r.stdout.contains("Email address") || r.stdout.contains("Person name"), "summarised, not listed: \(r.stdout)")
            }
        }
        // The same address in a data file too is third-party data there: drafted.
        let data = try repository(root, "data", ["AUTHORS": "Rhys Green <rhys.green@gmail.com>\n"])
        try commit(data, ["exports/customers.csv": "name,email\nRhys Green,rhys.green@gmail.com\n"], "export")
        let records = root.url.appendingPathComponent("records-data")
        let r = try CLI.run(["audit", "org/data", "--state-dir", "s-data", "--incident-dir", records.path], in: root.url, environment: env)
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertFalse(try FileManager.default.contentsOfDirectory(atPath: records.path).filter { $0.hasSuffix(".json") }.isEmpty, r.stderr)
    }
}
