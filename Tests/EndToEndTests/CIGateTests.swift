import Foundation
import XCTest

/// CI paths that must not pass, or mislead, by mistake: partial shallow history, a
/// merge-request pipeline without its target branch, a pushed value deleted later.
final class CIGateTests: XCTestCase {
    /// A depth-1 clone of a branch plus `git fetch --depth 1 origin main`: both ends of
    /// main..HEAD exist, but the branch tip is grafted, so the range would credit it with
    /// every file and miss a file added and deleted inside the branch.
    func testPartialShallowRangeExitsTwoWithTheFetchCommand() throws {
        let repo = try TestRepository()
        try repo.commit("base", files: ["a.txt": "a\n"])
        try repo.git(["checkout", "-q", "-b", "feature"])
        try repo.commit("add", files: ["people.csv": "email\n\(FakeValue.email)\n"])
        try repo.git(["rm", "-q", "people.csv"])
        try repo.git(["commit", "-q", "--no-verify", "-m", "remove"])
        try repo.commit("more", files: ["b.txt": "b\n"])
        let clone = try Scratch()
        try TestRepository.runGit(["clone", "-q", "--depth", "1", "--branch", "feature", "file://\(repo.path)", "c"], in: clone.url)
        let dir = clone.url.appendingPathComponent("c")
        try TestRepository.runGit(["fetch", "-q", "--depth", "1", "origin", "main:refs/remotes/origin/main"], in: dir)
        let r = try CLI.run(["git", "--range", "origin/main..HEAD", "-C", dir.path], environment: TestRepository.environment)
        XCTAssertEqual(r.status, 2, r.stdout + r.stderr)
        XCTAssertTrue(r.stderr.contains("shallow boundary"), r.stderr)
        XCTAssertTrue(r.stderr.contains("git fetch --unshallow origin"), r.stderr)
        XCTAssertFalse((r.stdout + r.stderr).contains("no findings"), "an errored run never says no findings")
    }

    func testMissingMergeRequestBaseNamesTheGitLabFix() throws {
        let repo = try TestRepository()
        try repo.commit("base", files: ["a.txt": "a\n"])
        let summary = try Scratch()
        let summaryPath = summary.url.appendingPathComponent("summary.md").path
        let r = try CLI.run(["git", "--range", "origin/main..HEAD", "-C", repo.path],
                            environment: TestRepository.environment.merging(["GITHUB_STEP_SUMMARY": summaryPath]) { $1 })
        XCTAssertEqual(r.status, 2, r.stderr)
        XCTAssertTrue(r.stderr.contains("git fetch origin $CI_MERGE_REQUEST_TARGET_BRANCH_NAME"), r.stderr)
        XCTAssertTrue(r.stderr.contains("$CI_MERGE_REQUEST_DIFF_BASE_SHA"), r.stderr)
        XCTAssertFalse((r.stdout + r.stderr).contains("no findings"), r.stdout + r.stderr)
        let page = (try? String(contentsOfFile: summaryPath, encoding: .utf8)) ?? ""
        XCTAssertFalse(page.contains("no findings"), page)
    }

    func testPushedThenDeletedSaysRewriteTheBranchAndRotate() throws {
        let repo = try TestRepository()
        try repo.commit("base", files: ["a.txt": "a\n"])
        let base = try repo.head()
        try repo.commit("add key", files: ["deploy.env": "aws_key=\(FakeValue.awsKeyID)\n"])
        try repo.commit("remove key", files: ["deploy.env": "region=eu-west-2\n"])
        let summary = try Scratch()
        let summaryPath = summary.url.appendingPathComponent("summary.md").path
        let env = TestRepository.environment.merging(["GITHUB_STEP_SUMMARY": summaryPath]) { $1 }
        let text = try CLI.run(["git", "--range", "\(base)..HEAD", "-C", repo.path], environment: env)
        XCTAssertEqual(text.status, 1, text.stderr)
        XCTAssertTrue(text.stderr.contains("rewritten") && text.stderr.contains("rotate"), text.stderr)
        let markdown = try CLI.run(["git", "--range", "\(base)..HEAD", "--format", "markdown", "-C", repo.path], environment: TestRepository.environment)
        XCTAssertTrue(markdown.stdout.contains("rebase") && markdown.stdout.contains("rotate"), markdown.stdout)
        let page = try String(contentsOfFile: summaryPath, encoding: .utf8)
        XCTAssertTrue(page.contains("squash") && page.contains("rotate"), page)
        XCTAssertFalse(page.contains(FakeValue.awsKeyID), "never the value")
        // Still at HEAD: no such advice.
        try repo.commit("again", files: ["deploy.env": "aws_key=\(FakeValue.awsKeyID2)\n"])
        let still = try CLI.run(["git", "--range", "HEAD~1..HEAD", "-C", repo.path], environment: TestRepository.environment)
        XCTAssertFalse(still.stderr.contains("rewritten"), still.stderr)
        // The record says whether the value is still at HEAD.
        let dir = try Scratch()
        _ = try CLI.run(["git", "--range", "\(base)..HEAD", "--incident-dir", dir.url.path, "-C", repo.path], environment: TestRepository.environment)
        let records = try FileManager.default.contentsOfDirectory(atPath: dir.url.path).filter { $0.hasSuffix(".json") && $0.hasPrefix("AIENG-") }
            .map { try JSONSerialization.jsonObject(with: Data(contentsOf: dir.url.appendingPathComponent($0))) as? [String: Any] ?? [:] }
        XCTAssertEqual(records.count, 2)
        XCTAssertEqual(Set(records.compactMap { $0["still_at_head"] as? Bool }), [true, false], "\(records.map { $0["still_at_head"] ?? "nil" })")
    }
}
