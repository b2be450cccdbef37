import Foundation
import XCTest

/// Ignore files follow git: inside a work tree git says which files exist, so the folder
/// a scan starts in never changes the result; outside one the full gitignore syntax is
/// read; `--no-ignore` scans ignored files too.
final class IgnoreFileTests: XCTestCase {
    let email = "rhys.green@gmail.com"

    func paths(_ arguments: [String], in directory: URL) throws -> [String] {
        let result = try CLI.run(arguments + ["--format", "json"], in: directory)
        XCTAssertNotEqual(result.status, 2, result.stderr)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        return ((object["findings"] as? [[String: Any]]) ?? []).compactMap { $0["path"] as? String }.sorted()
    }

    func layout(_ root: Scratch) throws {
        try root.write(".gitignore", "*.log\nlogs/**/secret.txt\n")
        try root.write("sub/app.log", "\(email)\n")
        try root.write("sub/notes.txt", "\(email)\n")
        try root.write("logs/a/b/secret.txt", "\(email)\n")
        try root.write("logs/a/b/kept.txt", "\(email)\n")
        try root.write("logs/secret.txt", "\(email)\n")
    }

    func testInsideAWorkTreeGitDecidesWhateverTheStartingFolder() throws {
        let repo = try TestRepository()
        try layout(repo.scratch)
        try repo.scratch.write("tracked.log", "\(email)\n")
        try repo.git(["add", "-f", "tracked.log"])
        XCTAssertEqual(try paths(["scan", "sub"], in: repo.url), ["sub/notes.txt"], "the root's *.log applies to a scanned subfolder")
        XCTAssertEqual(try paths(["scan", "."], in: repo.url), ["./logs/a/b/kept.txt", "./sub/notes.txt", "./tracked.log"],
                       "** in the middle honoured; a tracked file is scanned though a pattern matches it")
        XCTAssertEqual(try paths(["scan", "a"], in: repo.url.appendingPathComponent("logs")), ["a/b/kept.txt"])
        XCTAssertEqual(try paths(["scan", "--no-ignore", "sub"], in: repo.url), ["sub/app.log", "sub/notes.txt"])
    }

    func testOutsideAWorkTreeTheFullSyntaxIsRead() throws {
        let dir = try Scratch()
        try layout(dir)
        XCTAssertEqual(try paths(["scan", "."], in: dir.url), ["./logs/a/b/kept.txt", "./sub/notes.txt"])
        XCTAssertEqual(try paths(["scan", "--no-ignore", "."], in: dir.url).count, 5)
    }

    /// A folder named on the command line is scanned even when the repository around it
    /// ignores it (an installation inside a git-managed home folder); its own rules apply.
    func testANamedFolderTheRepositoryIgnoresIsScannedUnderItsOwnRules() throws {
        let repo = try TestRepository()
        try repo.scratch.write(".gitignore", "versions/\n")
        try repo.scratch.write("versions/lib/a.txt", "\(email)\n")
        try repo.scratch.write("versions/lib/.gitignore", "*.log\n")
        try repo.scratch.write("versions/lib/b.log", "\(email)\n")
        try repo.scratch.write("readme.txt", "nothing here\n")
        XCTAssertEqual(try paths(["scan", "versions/lib"], in: repo.url), ["versions/lib/a.txt"])
        XCTAssertEqual(try paths(["scan", "."], in: repo.url), [], "scanned from the root, the ignored folder stays out")
    }

    func testHedgerowIgnoreAboveTheScannedFolderApplies() throws {
        let repo = try TestRepository()
        try repo.scratch.write(".hedgerowignore", "fixtures/\n")
        try repo.scratch.write("app/fixtures/people.csv", "\(email)\n")
        try repo.scratch.write("app/main.txt", "\(email)\n")
        XCTAssertEqual(try paths(["scan", "app"], in: repo.url), ["app/main.txt"])
    }
}
