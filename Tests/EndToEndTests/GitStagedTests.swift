import Foundation
import XCTest

/// `hedgerow git --staged`: exactly the lines the next commit adds, read from the index.
final class GitStagedTests: XCTestCase {
    let secret = "aws_key = \(FakeValue.awsKeyID)\n"

    func testEmptyStagedChangeIsACleanPassAndSaysSo() throws {
        let repo = try TestRepository()
        let r = try CLI.run(["git", "--staged", "-C", repo.path], environment: TestRepository.environment)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("0 files, 0 added lines scanned"), r.stdout)
        let quiet = try CLI.run(["git", "--staged", "--quiet", "-C", repo.path], environment: TestRepository.environment)
        XCTAssertEqual(quiet.status, 0)
        XCTAssertEqual(quiet.stdout, "", "the hook is quiet when clean")
    }

    func testFirstCommitWithNoHead() throws {
        let repo = try TestRepository()
        try repo.write("config.env", "a=1\n" + secret)
        try repo.git(["add", "."])
        let r = try repo.hedgerowJSON(["--staged"])
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertEqual(r.findings.count, 1)
        XCTAssertEqual(r.findings.first?["line"] as? Int, 2)
        XCTAssertEqual(r.summary["added_lines"] as? Int, 2)
    }

    func testStagedContentNotWorkingTree() throws {
        let repo = try TestRepository()
        try repo.commit("base", files: ["app.py": "x = 1\n"])
        // Secret only in the working tree: not part of the commit, so not reported.
        try repo.write("app.py", "x = 1\n" + secret)
        XCTAssertEqual(try repo.hedgerowJSON(["--staged"]).status, 0)
        // Secret staged, then removed from the working tree: the commit would still hold it.
        try repo.git(["add", "app.py"])
        try repo.write("app.py", "x = 1\n")
        let r = try repo.hedgerowJSON(["--staged"])
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.findings.first?["path"] as? String, "app.py")
        XCTAssertEqual(r.findings.first?["line"] as? Int, 2)
    }

    func testLineNumbersAreNewFileLinesAndDeletionsAreIgnored() throws {
        let repo = try TestRepository()
        let lines = (1...30).map { "line \($0) \(FakeValue.awsKeyID2.prefix(0))" }
        try repo.commit("base", files: ["a.txt": lines.joined(separator: "\n") + "\n", "gone.env": secret])
        var changed = lines
        changed.remove(at: 2)                    // a deletion above shifts the new line numbers
        changed.insert(secret.trimmingCharacters(in: .newlines), at: 20)
        try repo.write("a.txt", changed.joined(separator: "\n") + "\n")
        try repo.git(["rm", "-q", "gone.env"])  // deleting a secret is not adding one
        try repo.git(["add", "a.txt"])
        let r = try repo.hedgerowJSON(["--staged"])
        XCTAssertEqual(r.findings.count, 1, "\(r.findings)")
        XCTAssertEqual(r.findings.first?["line"] as? Int, 21)
        XCTAssertEqual(r.summary["added_lines"] as? Int, 1)
    }

    func testPartialStagingWithAddPatch() throws {
        let repo = try TestRepository()
        let base = (1...12).map { "setting_\($0) = \($0)" }
        try repo.commit("base", files: ["settings.ini": base.joined(separator: "\n") + "\n"])
        var edited = base
        edited[0] = "aws_key = \(FakeValue.awsKeyID)"
        edited[11] = "setting_12 = twelve"
        try repo.write("settings.ini", edited.joined(separator: "\n") + "\n")
        // Stage only the second hunk: the secret stays unstaged.
        try repo.git(["add", "-p", "settings.ini"], stdin: "n\ny\n")
        let clean = try repo.hedgerowJSON(["--staged"])
        XCTAssertEqual(clean.status, 0, "\(clean.findings)")
        XCTAssertEqual(clean.summary["added_lines"] as? Int, 1)
        // Now stage the first hunk too.
        try repo.git(["add", "-p", "settings.ini"], stdin: "y\n")
        let found = try repo.hedgerowJSON(["--staged"])
        XCTAssertEqual(found.status, 1)
        XCTAssertEqual(found.findings.first?["line"] as? Int, 1)
    }

    func testRenameReportsOnlyAddedLinesUnderTheNewName() throws {
        let repo = try TestRepository()
        let body = (1...20).map { "line \($0)" }.joined(separator: "\n") + "\n"
        try repo.commit("base", files: ["old name.txt": body + secret])
        try repo.git(["mv", "old name.txt", "new name.txt"])
        try repo.write("new name.txt", body + secret + "contact: \(FakeValue.email)\n")
        try repo.git(["add", "-A"])
        let r = try repo.hedgerowJSON(["--staged"])
        XCTAssertEqual(r.findings.count, 1, "the already-committed secret is not new: \(r.findings)")
        XCTAssertEqual(r.findings.first?["path"] as? String, "new name.txt")
        XCTAssertEqual(r.findings.first?["category"] as? String, "email")
        XCTAssertEqual(r.findings.first?["line"] as? Int, 22)
    }

    func testBinaryChangeIsSkippedAndCounted() throws {
        let repo = try TestRepository()
        var data = Data([0, 1, 2, 0])
        data.append(Data(secret.utf8))
        try repo.scratch.write("blob.bin", data)
        try repo.git(["add", "."])
        let r = try repo.hedgerowJSON(["--staged"])
        XCTAssertEqual(r.status, 0)
        XCTAssertEqual((r.summary["files_skipped"] as? [String: Int])?["binary"], 1)
    }

    func testOddFileNames() throws {
        let repo = try TestRepository()
        let names = ["with space.env", "ünïcødé-файл.env", "new\nline.env", "quote\"and\\back.env", "tab\there.env"]
        for name in names { try repo.write(name, secret) }
        try repo.git(["add", "."])
        let r = try repo.hedgerowJSON(["--staged"])
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(Set(r.findings.compactMap { $0["path"] as? String }), Set(names))
    }

    func testMergeInProgress() throws {
        let repo = try TestRepository()
        try repo.commit("base", files: ["a.txt": "a\n"])
        try repo.git(["checkout", "-q", "-b", "feature"])
        try repo.commit("feature", files: ["b.env": secret])
        try repo.git(["checkout", "-q", "main"])
        try repo.commit("main moves", files: ["c.txt": "c\n"])
        try repo.git(["merge", "--no-commit", "--no-ff", "feature"])
        let r = try repo.hedgerowJSON(["--staged"])
        XCTAssertEqual(r.status, 1, "the merge brings the secret into main")
        XCTAssertEqual(r.findings.first?["path"] as? String, "b.env")
    }

    func testDetachedHead() throws {
        let repo = try TestRepository()
        try repo.commit("base", files: ["a.txt": "a\n"])
        try repo.git(["checkout", "-q", "--detach"])
        try repo.write("d.env", secret)
        try repo.git(["add", "."])
        XCTAssertEqual(try repo.hedgerowJSON(["--staged"]).status, 1)
    }

    func testSubmoduleChangeIsIgnored() throws {
        let inner = try TestRepository()
        try inner.commit("inner", files: ["x.txt": "x\n"])
        let repo = try TestRepository()
        try repo.git(["-c", "protocol.file.allow=always", "submodule", "add", "-q", inner.path, "sub"])
        let r = try repo.hedgerowJSON(["--staged"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertNil(r.findings.first)
    }

    func testNotARepositoryIsAnErrorNeverAPass() throws {
        let dir = try Scratch()
        let r = try CLI.run(["git", "--staged", "--quiet", "-C", dir.url.path], environment: TestRepository.environment)
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("not a git repository"), r.stderr)
        let bare = try TestRepository(bare: true)
        XCTAssertEqual(try CLI.run(["git", "--staged", "-C", bare.path], environment: TestRepository.environment).status, 2)
    }

    func testBlockedCommitIsLoggedAsANearMiss() throws {
        let repo = try TestRepository()
        try repo.write("a.env", secret)
        try repo.git(["add", "."])
        let log = repo.url.appendingPathComponent("../\(UUID().uuidString)-near-miss.jsonl").standardizedFileURL
        defer { try? FileManager.default.removeItem(at: log) }
        let r = try CLI.run(["git", "--staged", "--quiet", "--log-near-miss", log.path, "-C", repo.path], environment: TestRepository.environment)
        XCTAssertEqual(r.status, 1)
        let line = try String(contentsOf: log, encoding: .utf8)
        XCTAssertTrue(line.contains(#""prevented":"commit""#) && line.contains(#""severity":"P4""#), line)
        XCTAssertFalse(line.contains(FakeValue.awsKeyID))
    }

    func testPreventionMessage() throws {
        let repo = try TestRepository()
        try repo.write("notes.md", "Call \(FakeValue.phone) about it.\n" + secret)
        try repo.git(["add", "."])
        let r = try CLI.run(["git", "--staged", "-C", repo.path], environment: TestRepository.environment)
        XCTAssertEqual(r.status, 1)
        for expected in ["DO NOT COMMIT", "1 item of personal data and 1 credential", "notes.md:1", "notes.md:2",
                         "environment variable or a secret store", "hedgerow:allow", "Nothing has left this machine"] {
            XCTAssertTrue(r.stdout.contains(expected), "missing \(expected) in:\n\(r.stdout)")
        }
        XCTAssertFalse(r.stdout.contains(FakeValue.awsKeyID), "values are masked")
        XCTAssertFalse(r.stdout.contains("595147"), "values are masked")
    }
}
