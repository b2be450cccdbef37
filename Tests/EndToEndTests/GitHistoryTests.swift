import Foundation
import XCTest

/// `hedgerow git --range` and `--history`: every added line, attributed to its commit.
final class GitHistoryTests: XCTestCase {
    func testSecretRemovedLaterIsStillReportedWithItsCommit() throws {
        let repo = try TestRepository()
        try repo.commit("base", files: ["readme.md": "hello\n"])
        try repo.commit("add key", files: ["deploy.env": "region=eu-west-2\naws_key=\(FakeValue.awsKeyID)\n"])
        let introduced = try repo.head()
        try repo.commit("remove key", files: ["deploy.env": "region=eu-west-2\n"])
        let r = try repo.hedgerowJSON(["--history"])
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertEqual(r.findings.count, 1)
        let f = try XCTUnwrap(r.findings.first)
        XCTAssertEqual(f["commit"] as? String, introduced)
        XCTAssertEqual(f["path"] as? String, "deploy.env")
        XCTAssertEqual(f["line"] as? Int, 2)
        XCTAssertEqual(f["author"] as? String, "Test Author <author@example.invalid>")
        XCTAssertNotNil(f["date"] as? String)
        XCTAssertEqual(r.summary["commits"] as? Int, 3)
        // The removing commit alone adds nothing.
        XCTAssertEqual(try repo.hedgerowJSON(["--range", "HEAD~1..HEAD"]).status, 0)
    }

    func testRangeAttributesEachFindingToItsCommit() throws {
        let repo = try TestRepository()
        try repo.commit("base", files: ["a.txt": "a\n"])
        let base = try repo.head()
        try repo.commit("one", files: ["one.env": "key=\(FakeValue.awsKeyID)\n"])
        let first = try repo.head()
        try repo.commit("two", files: ["two.md": "contact: \(FakeValue.email)\n"])
        let second = try repo.head()
        let r = try repo.hedgerowJSON(["--range", "\(base)..HEAD"])
        XCTAssertEqual(r.status, 1)
        var byPath: [String: String] = [:]
        for f in r.findings { byPath[f["path"] as! String] = f["commit"] as? String }
        XCTAssertEqual(byPath, ["one.env": first, "two.md": second])
        XCTAssertEqual(r.summary["commits"] as? Int, 2)
        // The base itself is outside the range.
        XCTAssertEqual(try repo.hedgerowJSON(["--range", "\(base)..\(base)"]).findings.count, 0)
    }

    func testMergeCommitHistoryReportsTheBranchCommitOnce() throws {
        let repo = try TestRepository()
        try repo.commit("base", files: ["a.txt": "a\n"])
        try repo.git(["checkout", "-q", "-b", "feature"])
        try repo.commit("feature", files: ["f.env": "key=\(FakeValue.awsKeyID)\n"])
        let featureCommit = try repo.head()
        try repo.git(["checkout", "-q", "main"])
        try repo.commit("main", files: ["m.txt": "m\n"])
        try repo.git(["merge", "-q", "--no-ff", "-m", "merge", "feature"])
        let r = try repo.hedgerowJSON(["--history", "--branch", "main"])
        XCTAssertEqual(r.findings.count, 1, "\(r.findings)")
        XCTAssertEqual(r.findings.first?["commit"] as? String, featureCommit)
    }

    func testHistoryCoversAllRefsAndADetachedHead() throws {
        let repo = try TestRepository()
        try repo.commit("base", files: ["a.txt": "a\n"])
        try repo.git(["checkout", "-q", "-b", "side"])
        try repo.commit("side", files: ["side.env": "key=\(FakeValue.awsKeyID)\n"])
        try repo.git(["checkout", "-q", "main"])
        try repo.git(["checkout", "-q", "--detach"])
        try repo.commit("detached", files: ["det.env": "key=\(FakeValue.awsKeyID2)\n"])
        let all = try repo.hedgerowJSON(["--history"])
        XCTAssertEqual(Set(all.findings.compactMap { $0["path"] as? String }), ["side.env", "det.env"])
        let mainOnly = try repo.hedgerowJSON(["--history", "--branch", "main"])
        XCTAssertEqual(mainOnly.findings.count, 0)
    }

    func testSinceLimitsHistoryByCommitDate() throws {
        let repo = try TestRepository()
        try repo.write("old.env", "key=\(FakeValue.awsKeyID)\n")
        try repo.git(["add", "."])
        try TestRepository.runGit(["-c", "user.name=T", "commit", "-q", "--no-verify", "-m", "old", "--date", "2020-01-01T00:00:00Z"],
                                  in: repo.url, environment: ["GIT_COMMITTER_DATE": "2020-01-01T00:00:00Z"])
        try repo.commit("new", files: ["new.env": "key=\(FakeValue.awsKeyID2)\n"])
        let recent = try repo.hedgerowJSON(["--since", "2025-01-01"])
        XCTAssertEqual(recent.findings.compactMap { $0["path"] as? String }, ["new.env"])
        XCTAssertEqual(recent.summary["commits"] as? Int, 1)
        XCTAssertEqual(try repo.hedgerowJSON(["--history"]).findings.count, 2)
    }

    func testShallowCloneRangeSaysHowToFetchMore() throws {
        let repo = try TestRepository()
        for i in 1...4 { try repo.commit("c\(i)", files: ["f\(i).txt": "\(i)\n"]) }
        let base = try repo.git(["rev-parse", "HEAD~3"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let clone = try Scratch()
        try TestRepository.runGit(["clone", "-q", "--depth", "1", "file://\(repo.path)", "c"], in: clone.url)
        let r = try CLI.run(["git", "--range", "\(base)..HEAD", "-C", clone.url.appendingPathComponent("c").path],
                            environment: TestRepository.environment)
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("shallow clone"), r.stderr)
        XCTAssertTrue(r.stderr.contains("git fetch --deepen"), r.stderr)
        XCTAssertTrue(r.stderr.contains("fetch-depth: 0"), r.stderr)
    }

    func testUnknownRevisionAndEmptyRepositoryAreErrors() throws {
        let repo = try TestRepository()
        XCTAssertEqual(try repo.hedgerowJSON(["--history"]).status, 2, "no commits is not a clean audit")
        try repo.commit("base", files: ["a.txt": "a\n"])
        let r = try repo.hedgerowJSON(["--range", "nosuchbranch..HEAD"])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("nosuchbranch"), r.stderr)
        XCTAssertEqual(try repo.hedgerowJSON(["--range", "--output=x..HEAD"]).status, 2, "no option injection")
        XCTAssertEqual(try CLI.run(["git", "--range", "HEAD", "-C", repo.path]).status, 2, "a range needs two ends")
    }

    func testBareRepositoryHistory() throws {
        let work = try TestRepository()
        try work.commit("add", files: ["k.env": "key=\(FakeValue.awsKeyID)\n"])
        let bare = try Scratch()
        try TestRepository.runGit(["clone", "-q", "--bare", work.path, "b.git"], in: bare.url)
        let r = try CLI.run(["git", "--history", "--format", "json", "-C", bare.url.appendingPathComponent("b.git").path],
                            environment: TestRepository.environment)
        XCTAssertEqual(r.status, 1, r.stderr)
    }
}

/// No configuration or attribute of a scanned repository may make hedgerow run a program.
final class GitSafetyTests: XCTestCase {
    func testExternalDiffTextconvFsmonitorPagerAndHooksNeverRun() throws {
        let repo = try TestRepository()
        let marker = repo.url.appendingPathComponent("../\(UUID().uuidString)-ran").standardizedFileURL
        defer { try? FileManager.default.removeItem(at: marker) }
        let trap = try repo.write(".trap.sh", "#!/bin/sh\necho ran >> '\(marker.path)'\ncat \"$@\" 2>/dev/null\nexit 0\n")
        chmod(trap.path, 0o755)
        for setting in [["diff.external", trap.path], ["core.fsmonitor", trap.path], ["core.pager", trap.path],
                        ["diff.evil.textconv", trap.path], ["diff.evil.command", trap.path], ["core.hooksPath", repo.url.appendingPathComponent("hooks").path],
                        ["log.showSignature", "true"], ["gpg.program", trap.path]] {
            try repo.git(["config", setting[0], setting[1]])
        }
        try repo.write("hooks/pre-commit", "#!/bin/sh\necho ran >> '\(marker.path)'\n")
        chmod(repo.url.appendingPathComponent("hooks/pre-commit").path, 0o755)
        try repo.write(".gitattributes", "* diff=evil\n")
        try repo.write("a.env", "key=\(FakeValue.awsKeyID)\n")
        try repo.git(["add", "."])
        try repo.git(["-c", "core.fsmonitor=false", "commit", "-q", "--no-verify", "-m", "one"])
        try? FileManager.default.removeItem(at: marker)

        // The trap is real: plain git runs it.
        try repo.write("b.env", "key=\(FakeValue.awsKeyID2)\n")
        try repo.git(["add", "b.env"])
        _ = try repo.git(["diff", "--cached"], check: false)
        XCTAssertTrue(FileManager.default.fileExists(atPath: marker.path), "the test's trap must fire for plain git")
        try FileManager.default.removeItem(at: marker)

        for arguments in [["--staged"], ["--history"], ["--range", "HEAD..HEAD"]] {
            let r = try repo.hedgerowJSON(arguments)
            XCTAssertNotEqual(r.status, 2, "\(arguments): \(r.stderr)")
            XCTAssertFalse(FileManager.default.fileExists(atPath: marker.path), "\(arguments) ran repository code")
        }
        XCTAssertEqual(try repo.hedgerowJSON(["--staged"]).findings.count, 1)
        XCTAssertEqual(try repo.hedgerowJSON(["--history"]).findings.count, 1)
    }
}

/// `hedgerow hook install` and the scripts in hooks/.
final class HookTests: XCTestCase {
    func testInstalledHookBlocksACommitAndStaysQuietWhenClean() throws {
        let repo = try TestRepository()
        let r = try CLI.run(["hook", "install", "-C", repo.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        try repo.write("ok.txt", "nothing here\n")
        try repo.git(["add", "."])
        let clean = try repo.git(["commit", "-m", "clean"])
        XCTAssertFalse(clean.contains("hedgerow"), "quiet when clean: \(clean)")

        try repo.write("leak.env", "key=\(FakeValue.awsKeyID)\n")
        try repo.git(["add", "."])
        let before = try repo.head()
        XCTAssertThrowsError(try repo.git(["commit", "-m", "leak"])) { error in
            XCTAssertTrue("\(error)".contains("DO NOT COMMIT"), "\(error)")
        }
        XCTAssertEqual(try repo.head(), before, "the commit was blocked")
    }

    func testInstallNeverSilentlyReplacesAHook() throws {
        let repo = try TestRepository()
        let hook = repo.url.appendingPathComponent(".git/hooks/pre-commit")
        try "#!/bin/sh\necho mine\n".write(to: hook, atomically: true, encoding: .utf8)
        let refused = try CLI.run(["hook", "install", "-C", repo.path])
        XCTAssertEqual(refused.status, 2)
        XCTAssertTrue(refused.stderr.contains("--force"), refused.stderr)
        XCTAssertEqual(try String(contentsOf: hook, encoding: .utf8), "#!/bin/sh\necho mine\n")

        XCTAssertEqual(try CLI.run(["hook", "install", "--force", "-C", repo.path]).status, 0)
        XCTAssertTrue(try String(contentsOf: hook, encoding: .utf8).contains("hedgerow-managed-hook"))
        let backup = hook.deletingLastPathComponent().appendingPathComponent("pre-commit.before-hedgerow")
        XCTAssertEqual(try String(contentsOf: backup, encoding: .utf8), "#!/bin/sh\necho mine\n")
        // Reinstalling over hedgerow's own hook needs no --force.
        XCTAssertEqual(try CLI.run(["hook", "install", "-C", repo.path]).status, 0)
    }

    func testInstallHonoursHooksPathAndRefusesNonRepositories() throws {
        let repo = try TestRepository()
        try repo.git(["config", "core.hooksPath", "team-hooks"])
        XCTAssertEqual(try CLI.run(["hook", "install", "-C", repo.path]).status, 0)
        XCTAssertTrue(FileManager.default.fileExists(atPath: repo.url.appendingPathComponent("team-hooks/pre-commit").path))
        let dir = try Scratch()
        XCTAssertEqual(try CLI.run(["hook", "install", "-C", dir.url.path]).status, 2)
    }

    func testBundledHookScriptMatchesTheInstaller() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let bundled = try String(contentsOf: root.appendingPathComponent("hooks/pre-commit"), encoding: .utf8)
        XCTAssertEqual(bundled, try CLI.run(["hook", "print"]).stdout, "regenerate with: hedgerow hook print > hooks/pre-commit")
        let manifest = try String(contentsOf: root.appendingPathComponent(".pre-commit-hooks.yaml"), encoding: .utf8)
        XCTAssertTrue(manifest.contains("entry: hedgerow git --staged --quiet"))
    }
}
