import Foundation
import XCTest

/// The hooks in .pre-commit-hooks.yaml under a real pre-commit installation: the files
/// hook fails `pre-commit run --all-files` on a committed email, which the staged-lines
/// hook cannot see. Skipped when pre-commit is not installed (`pip install pre-commit`;
/// HEDGEROW_TEST_PRE_COMMIT names the executable).
final class PreCommitFrameworkTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func preCommit() throws -> String {
        let env = ProcessInfo.processInfo.environment
        if let named = env["HEDGEROW_TEST_PRE_COMMIT"], FileManager.default.isExecutableFile(atPath: named) { return named }
        for dir in (env["PATH"] ?? "").split(separator: ":") where FileManager.default.isExecutableFile(atPath: "\(dir)/pre-commit") {
            return "\(dir)/pre-commit"
        }
        throw XCTSkip("pre-commit is not installed")
    }

    func testFilesHookFailsAllFilesOnACommittedEmailAndIdsHaveTheirOwnNames() throws {
        let tool = try preCommit()
        let repo = try TestRepository()
        try repo.commit("add", files: ["people.csv": "email\n\(FakeValue.email)\n", "readme.md": "hello\n"])
        let home = try Scratch()
        let env = [
            "PATH": CLI.binary.deletingLastPathComponent().path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"),
            "PRE_COMMIT_HOME": home.url.path, "HEDGEROW_FINGERPRINT_KEY": "end-to-end-test-key",
        ]
        func tryRepo(_ hook: String) throws -> (status: Int32, output: String) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: tool)
            process.arguments = ["try-repo", Self.root.path, hook, "--all-files", "--verbose"]
            process.currentDirectoryURL = repo.url
            process.environment = ProcessInfo.processInfo.environment.merging(TestRepository.environment) { $1 }.merging(env) { $1 }
            let out = Pipe()
            process.standardOutput = out
            process.standardError = out
            try process.run()
            let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            return (process.terminationStatus, text)
        }
        let files = try tryRepo("hedgerow-files-system")
        XCTAssertNotEqual(files.status, 0, files.output)
        XCTAssertTrue(files.output.contains("hedgerow (named files)"), files.output)
        XCTAssertTrue(files.output.contains("people.csv"), files.output)
        XCTAssertFalse(files.output.contains(FakeValue.email), "never the value")
        let staged = try tryRepo("hedgerow-system")
        XCTAssertTrue(staged.output.contains("hedgerow (staged lines)"), staged.output)
    }

    func testHookIdsHaveDistinctDisplayNames() throws {
        let manifest = try String(contentsOf: Self.root.appendingPathComponent(".pre-commit-hooks.yaml"), encoding: .utf8)
        let names = manifest.split(separator: "\n").filter { $0.hasPrefix("  name: ") }
        XCTAssertEqual(names.count, 4)
        XCTAssertEqual(Set(names).count, names.count, "each id has its own display name")
        XCTAssertTrue(manifest.contains("pass_filenames: true"))
    }
}
