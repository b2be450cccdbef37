import Foundation
import XCTest

/// The binary against hostile repositories and files (issue 23): nothing dropped, nothing
/// hung, nothing passed unscanned. All values are fake.
final class HostileInputEndToEndTests: XCTestCase {
    let key = "AKIAZHPCF2UQNUPQZIT5"
    let email = "rhys.green@gmail.com"

    func makeRepository(at dir: URL, files: [String: String]) throws {
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try TestRepository.runGit(["init", "-q", "-b", "main"], in: dir)
        for (name, text) in files {
            let file = dir.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: file, atomically: true, encoding: .utf8)
        }
        try TestRepository.runGit(["add", "-A", "-f"], in: dir)
        try TestRepository.runGit(["commit", "-q", "--no-verify", "-m", "files"], in: dir)
    }

    func audit(_ arguments: [String], in dir: URL) throws -> (status: Int32, repositories: [String: [String: Any]], stdout: String, stderr: String) {
        let r = try CLI.run(["audit"] + arguments + ["--format", "json"], in: dir, environment: TestRepository.environment)
        let report = (try? JSONSerialization.jsonObject(with: Data(r.stdout.utf8))) as? [String: Any] ?? [:]
        var byName: [String: [String: Any]] = [:]
        for repo in report["repositories"] as? [[String: Any]] ?? [] { byName[repo["name"] as! String] = repo }
        return (r.status, byName, r.stdout, r.stderr)
    }

    // MARK: 1. State keys unique per path

    func testRepositoriesWithTheSameNameAreAllAudited() throws {
        let root = try Scratch()
        try makeRepository(at: root.url.appendingPathComponent("orgA/api"), files: ["a.env": "aws_access_key_id=\(key)\n"])
        try makeRepository(at: root.url.appendingPathComponent("orgB/api"), files: ["b.md": "contact \(email)\n"])
        try makeRepository(at: root.url.appendingPathComponent("one/mirrors/web"), files: ["c.md": "contact \(email)\n"])
        try makeRepository(at: root.url.appendingPathComponent("two/mirrors/web"), files: ["d.env": "aws_access_key_id=\(key)\n"])
        let r = try audit(["orgA/api", "orgB/api", "one/mirrors", "two/mirrors", "--state-dir", "state"], in: root.url)
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertEqual(r.repositories.count, 4, "four repositories, four results: \(r.repositories.keys.sorted())")
        XCTAssertEqual(Set(r.repositories.keys), ["orgA/api", "orgB/api", "one/mirrors/web", "two/mirrors/web"])
        XCTAssertEqual((r.repositories["orgA/api"]?["findings"] as? [Any])?.count, 1)
        XCTAssertEqual((r.repositories["orgB/api"]?["findings"] as? [Any])?.count, 1)
        let files = try FileManager.default.contentsOfDirectory(atPath: root.url.appendingPathComponent("state/repos").path)
        XCTAssertEqual(files.filter { $0.hasSuffix(".json") }.count, 4, "one state file each: \(files)")
        let resumed = try audit(["orgA/api", "orgB/api", "one/mirrors", "two/mirrors", "--state-dir", "state", "--resume"], in: root.url)
        XCTAssertTrue(resumed.stderr.contains("4 of 4 repositories already done, 0 to scan"), resumed.stderr)
        XCTAssertEqual(resumed.stdout, r.stdout)
    }

    // MARK: 2. Dot-named repositories

    func testDotNamedRepositoryIsKeptByMergeAndResume() throws {
        let root = try Scratch()
        try makeRepository(at: root.url.appendingPathComponent(".dotfiles"), files: ["rc": "export AWS_ACCESS_KEY_ID=\(key)\n"])
        let first = try audit([".dotfiles", "--state-dir", "state"], in: root.url)
        XCTAssertEqual(first.status, 1, first.stderr)
        XCTAssertEqual(first.repositories.keys.sorted(), [".dotfiles"])
        let files = try FileManager.default.contentsOfDirectory(atPath: root.url.appendingPathComponent("state/repos").path)
        XCTAssertTrue(files.allSatisfy { !$0.hasPrefix(".") }, "no hidden state file: \(files)")
        let resumed = try audit([".dotfiles", "--state-dir", "state", "--resume"], in: root.url)
        XCTAssertTrue(resumed.stderr.contains("1 of 1 repositories already done, 0 to scan"), resumed.stderr)
        let merged = try CLI.run(["merge", "state", "--format", "json"], in: root.url)
        XCTAssertEqual(merged.status, 1, merged.stderr)
        XCTAssertEqual(merged.stdout, first.stdout, "merge keeps the dot-named repository")
    }

    // MARK: 3. --history none reads what is committed

    func testTreeAuditReadsCommittedFilesWhateverTheIgnoreFilesSay() throws {
        let root = try Scratch()
        let repo = root.url.appendingPathComponent("hides")
        try makeRepository(at: repo, files: [
            ".gitignore": "deploy.env\n", ".hedgerowignore": "secrets/\n",
            "deploy.env": "aws_access_key_id=\(key)\n", "secrets/people.md": "contact \(email)\n",
        ])
        // Not committed: must not be read.
        try "contact sam.patel@gmail.com\n".write(to: repo.appendingPathComponent("untracked.md"), atomically: true, encoding: .utf8)
        let r = try audit(["hides", "--history", "none", "--state-dir", "state"], in: root.url)
        XCTAssertEqual(r.status, 1, "committed key and email are findings: \(r.stderr)")
        let findings = try XCTUnwrap(r.repositories["hides"]?["findings"] as? [[String: Any]])
        XCTAssertEqual(Set(findings.flatMap { $0["paths"] as? [String] ?? [] }), ["deploy.env", "secrets/people.md"])
    }

    // MARK: 5. A match-limit hit fails the run

    func testMatchLimitHitFailsTheRun() throws {
        let dir = try Scratch()
        let rules = try dir.write("rules.yml", """
        rules:
          - id: test.backtracking
            name: Catastrophic backtracking
            description: nested quantifiers that hit the match limit
            category: password
            class: secret
            pattern: '^(?:a|aa)+$'
            examples: ['aaa']
            negative_examples: ['b']
        """)
        let file = try dir.write("input.txt", String(repeating: "a", count: 40) + "b b b\n")
        let r = try CLI.run(["scan", file.path, "--rules", rules.path])
        XCTAssertEqual(r.status, 2, "input left unscanned is an error, not a pass: \(r.stderr)")
        XCTAssertTrue(r.stderr.contains("match limit"), r.stderr)
    }

    func testUnterminatedPrivateKeyHeadersAreScannedQuickly() throws {
        let dir = try Scratch()
        var text = ""
        while text.utf8.count < 300 * 1024 { text += "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n" }
        let file = try dir.write("headers.txt", text)
        let started = Date()
        let r = try CLI.run(["scan", file.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertFalse(r.stderr.contains("match limit"), r.stderr)
        XCTAssertLessThan(Date().timeIntervalSince(started), 15)
    }

    // MARK: 4. FIFOs and blocking files

    /// Runs the binary and kills it after `seconds`: a hang fails the test instead of the suite.
    func runWithDeadline(_ arguments: [String], in directory: URL, seconds: Double, environment: [String: String] = [:]) throws -> (status: Int32, stderr: String, hung: Bool) {
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = ProcessInfo.processInfo.environment.merging(TestRepository.environment) { $1 }
            .merging(["HEDGEROW_FINGERPRINT_KEY": "end-to-end-test-key"]) { $1 }.merging(environment) { $1 }
        let err = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        let hung = process.isRunning
        if hung { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        return (process.terminationStatus, text, hung)
    }

    func testFIFONamedLikeAnIgnoreFileDoesNotHangScan() throws {
        let dir = try Scratch()
        try dir.write("tree/a.txt", "contact \(email)\n")
        XCTAssertEqual(mkfifo(dir.url.appendingPathComponent("tree/.gitignore").path, 0o644), 0)
        XCTAssertEqual(mkfifo(dir.url.appendingPathComponent("tree/.hedgerowignore").path, 0o644), 0)
        let r = try runWithDeadline(["scan", "tree"], in: dir.url, seconds: 20)
        XCTAssertFalse(r.hung, "scan hung on a FIFO")
        XCTAssertEqual(r.status, 1, r.stderr)
    }

    func testFileWhoseReadBlocksIsAnErrorNotAHang() throws {
        guard FileManager.default.isReadableFile(atPath: "/proc/kmsg") else { throw XCTSkip("/proc/kmsg is not readable here") }
        let dir = try Scratch()
        let r = try runWithDeadline(["scan", "/proc/kmsg"], in: dir.url, seconds: 20)
        XCTAssertFalse(r.hung, "scan hung reading /proc/kmsg")
        XCTAssertEqual(r.status, 2, r.stderr)
        XCTAssertTrue(r.stderr.contains("/proc/kmsg"), r.stderr)
    }

    func testFIFOInGitDirectoryTimesOutWithAClearError() throws {
        let root = try Scratch()
        let repo = root.url.appendingPathComponent("org/stuck")
        try makeRepository(at: repo, files: ["a.txt": "nothing\n"])
        try makeRepository(at: root.url.appendingPathComponent("org/fine"), files: ["b.md": "contact \(email)\n"])
        let config = repo.appendingPathComponent(".git/config")
        try FileManager.default.removeItem(at: config)
        XCTAssertEqual(mkfifo(config.path, 0o644), 0)
        for history in ["all", "none"] {
            let r = try runWithDeadline(["audit", "org", "--history", history, "--state-dir", "state-\(history)"], in: root.url, seconds: 40,
                                        environment: ["HEDGEROW_GIT_TIMEOUT": "0.5"])
            XCTAssertFalse(r.hung, "audit hung on a FIFO in .git (history \(history))")
            XCTAssertEqual(r.status, 2, r.stderr)
            XCTAssertTrue(r.stderr.contains("org/stuck") && r.stderr.contains("killed"), r.stderr)
        }
        let git = try runWithDeadline(["git", "--staged"], in: repo, seconds: 40, environment: ["HEDGEROW_GIT_TIMEOUT": "0.5"])
        XCTAssertFalse(git.hung)
        XCTAssertEqual(git.status, 2, git.stderr)
    }

    // MARK: 7. UTF-32

    func testUTF32FileWithAByteOrderMarkIsRead() throws {
        let dir = try Scratch()
        let text = "contact \(email)\n"
        var le: [UInt8] = [0xFF, 0xFE, 0x00, 0x00], be: [UInt8] = [0x00, 0x00, 0xFE, 0xFF]
        for scalar in text.unicodeScalars {
            let v = scalar.value
            le += [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v >> 16 & 0xFF), UInt8(v >> 24)]
            be += [UInt8(v >> 24), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)]
        }
        for (name, bytes) in [("le.txt", le), ("be.txt", be)] {
            let file = try dir.write(name, Data(bytes))
            let r = try CLI.run(["scan", file.path, "--format", "json"])
            XCTAssertEqual(r.status, 1, "\(name): \(r.stderr)")
            XCTAssertTrue(r.stdout.contains("\"email\""), r.stdout)
        }
    }

    // MARK: 8. Unreadable folders in an audit

    func testUnreadableFolderIsAFailureOfTheAudit() throws {
        guard getuid() != 0 else { throw XCTSkip("root reads every folder") }
        let root = try Scratch()
        try makeRepository(at: root.url.appendingPathComponent("org/open"), files: ["a.txt": "nothing\n"])
        let locked = root.url.appendingPathComponent("org/locked")
        try makeRepository(at: locked.appendingPathComponent("inner"), files: ["a.txt": "nothing\n"])
        XCTAssertEqual(chmod(locked.path, 0), 0)
        defer { chmod(locked.path, 0o755) }
        let r = try audit(["org", "--state-dir", "state"], in: root.url)
        XCTAssertEqual(r.status, 2, r.stderr)
        XCTAssertTrue(r.stderr.contains("org/locked"), r.stderr)
    }

    // MARK: 9. GIT_DIR and friends do not redirect audits

    func testGitDirInTheEnvironmentDoesNotRedirectAnAudit() throws {
        let root = try Scratch()
        try makeRepository(at: root.url.appendingPathComponent("org/keys"), files: ["a.env": "aws_access_key_id=\(key)\n"])
        try makeRepository(at: root.url.appendingPathComponent("org/clean"), files: ["a.txt": "nothing here\n"])
        let other = root.url.appendingPathComponent("org/clean/.git").path
        for history in ["all", "none"] {
            let r = try CLI.run(["audit", "org", "--history", history, "--state-dir", "s-\(history)", "--format", "json"], in: root.url,
                                environment: TestRepository.environment.merging(["GIT_DIR": other, "GIT_INDEX_FILE": other + "/index", "GIT_WORK_TREE": root.url.path + "/org/clean"]) { $1 })
            XCTAssertEqual(r.status, 1, r.stderr)
            let report = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
            let repos = report["repositories"] as? [[String: Any]] ?? []
            let keys = repos.first { $0["name"] as? String == "org/keys" }
            XCTAssertEqual((keys?["findings"] as? [Any])?.count, 1, "history \(history): org/keys read as itself")
        }
    }

    // MARK: 10. No values in the published job summary

    func testShowValuesNeverReachesTheStepSummary() throws {
        let dir = try Scratch()
        let file = try dir.write("a.txt", "contact \(email)\n")
        let summary = dir.url.appendingPathComponent("summary.md")
        for format in ["text", "json", "sarif", "markdown"] {
            let r = try CLI.run(["scan", file.path, "--show-values", "--format", format], environment: ["GITHUB_STEP_SUMMARY": summary.path])
            XCTAssertEqual(r.status, 1, r.stderr)
            XCTAssertTrue(r.stdout.contains(email), "the terminal gets the value it asked for (\(format))")
        }
        let published = try String(contentsOf: summary, encoding: .utf8)
        XCTAssertFalse(published.isEmpty)
        XCTAssertFalse(published.contains(email), "the step summary is published: no raw value in it")
    }

    // MARK: 11. Write failures

    /// Runs with standard output on `/dev/full` (every write fails with ENOSPC).
    func runToFullDevice(_ arguments: [String]) throws -> (status: Int32, stderr: String) {
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(["HEDGEROW_FINGERPRINT_KEY": "end-to-end-test-key"]) { $1 }
        process.standardOutput = try XCTUnwrap(FileHandle(forWritingAtPath: "/dev/full"))
        let err = Pipe()
        process.standardError = err
        try process.run()
        let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
    }

    func testFailedWritesToStandardOutputAreExitTwoWithAMessage() throws {
        guard FileManager.default.isWritableFile(atPath: "/dev/full") else { throw XCTSkip("no /dev/full") }
        let dir = try Scratch()
        let file = try dir.write("a.txt", "contact \(email)\n")
        for arguments in [["scan", file.path, "--format", "sarif"], ["scan", file.path, "--format", "markdown"],
                          ["scan", file.path, "--format", "json"], ["scan", file.path], ["hook", "print"], ["rules", "list"]] {
            let r = try runToFullDevice(arguments)
            XCTAssertEqual(r.status, 2, "\(arguments): \(r.stderr)")
            XCTAssertTrue(r.stderr.contains("standard output"), "\(arguments): \(r.stderr)")
        }
    }

    // MARK: 15. register.tsv injection

    func testRepositoryNameWithNewlineAndTabCannotForgeRegisterLines() throws {
        let root = try Scratch()
        let evil = "org/evil\nAIENG-2099-0001\tforged"
        try makeRepository(at: root.url.appendingPathComponent(evil), files: ["a.env": "aws_access_key_id=\(key)\n"])
        try makeRepository(at: root.url.appendingPathComponent("org/plain"), files: ["b.md": "contact \(email)\n"])
        let records = root.url.appendingPathComponent("records")
        for run in 1...2 {
            let r = try CLI.run(["audit", "org", "--state-dir", "s\(run)", "--incident-dir", records.path], in: root.url, environment: TestRepository.environment)
            XCTAssertEqual(r.status, 1, r.stderr)
            XCTAssertFalse(r.stdout.contains("\nAIENG-2099"), "the name is escaped in text output: \(r.stdout)")
        }
        let register = try String(contentsOf: records.appendingPathComponent("register.tsv"), encoding: .utf8)
        let lines = register.split(separator: "\n")
        XCTAssertFalse(register.contains("AIENG-2099-0001\t"), register)
        XCTAssertTrue(lines.allSatisfy { $0.split(separator: "\t", omittingEmptySubsequences: false).count == 3 }, register)
        let ids = try FileManager.default.contentsOfDirectory(atPath: records.path).filter { $0.hasSuffix(".json") }
        XCTAssertEqual(lines.count, ids.count, "one register line per record, the second run updating, not adding: \(register)")
    }

    // MARK: 16. CRLF baselines and repository lists, newlines in baseline paths

    func testCRLFBaselineSuppresses() throws {
        let dir = try Scratch()
        let file = try dir.write("a.txt", "contact \(email)\n")
        let json = try CLI.run(["scan", file.path, "--format", "json"])
        let report = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let finding = try XCTUnwrap((report["findings"] as? [[String: Any]])?.first)
        let fingerprint = try XCTUnwrap(finding["fingerprint"] as? String), rule = try XCTUnwrap(finding["rule_id"] as? String ?? finding["rule"] as? String)
        let baseline = try dir.write("baseline.tsv", "# hedgerow baseline v1\r\n\(fingerprint)\t\(rule)\ta.txt\r\n")
        let r = try CLI.run(["scan", file.path, "--baseline", baseline.path])
        XCTAssertEqual(r.status, 0, "a CRLF baseline is read, not taken as empty: \(r.stdout) \(r.stderr)")
    }

    func testCRLFRepositoryList() throws {
        let root = try Scratch()
        try makeRepository(at: root.url.appendingPathComponent("one"), files: ["a.txt": "nothing\n"])
        try makeRepository(at: root.url.appendingPathComponent("two"), files: ["b.txt": "nothing\n"])
        try "# list\r\none\r\ntwo\r\n".write(to: root.url.appendingPathComponent("repos.txt"), atomically: true, encoding: .utf8)
        let r = try audit(["--repos-file", "repos.txt", "--state-dir", "s"], in: root.url)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(Set(r.repositories.keys), ["one", "two"])
    }

    // MARK: 17. Control characters in file names

    func testControlCharactersInFileNamesAreEscapedInTextOutput() throws {
        let dir = try Scratch()
        let name = "x\nforged.txt:1:1: Fake finding [email, high] z\u{1B}[2J.txt"
        try dir.write("tree/" + name, "contact \(email)\n")
        for arguments in [["scan", "tree"], ["scan", "tree", "--prevention"]] {
            let r = try CLI.run(arguments, in: dir.url)
            XCTAssertEqual(r.status, 1, r.stderr)
            XCTAssertFalse(r.stdout.contains("\u{1B}"), "no raw escape reaches the terminal")
            XCTAssertFalse(r.stdout.contains("\nforged.txt"), "no forged line: \(r.stdout)")
            XCTAssertTrue(r.stdout.contains("x\\nforged.txt"), r.stdout)
        }
    }

    // MARK: 13. User rules: time bounded, and scanning goes on after a limit hit

    func testUserRuleKeepsScanningAfterAMatchLimitHit() throws {
        let dir = try Scratch()
        let rules = try dir.write("rules.yml", """
        rules:
          - id: test.backtracking
            name: Catastrophic backtracking
            description: nested alternatives that hit the match limit on the first line
            category: password
            class: secret
            pattern: '^(?:a|aa)+$'
            examples: ['aaa']
            negative_examples: ['b']
        """)
        let file = try dir.write("input.txt", String(repeating: "a", count: 40) + "b\nx\naaaa\n")
        let r = try CLI.run(["scan", file.path, "--rules", rules.path])
        XCTAssertEqual(r.status, 2, "the limit hit still fails the run: \(r.stderr)")
        XCTAssertTrue(r.stdout.contains("input.txt:3:1"), "the match after the limit hit is found: \(r.stdout)")
    }

    func testSlowUserRuleIsStoppedAtItsBudget() throws {
        let dir = try Scratch()
        let rules = try dir.write("rules.yml", """
        rules:
          - id: test.repeated-word
            name: Repeated word
            description: a back-reference that costs the length of the word at every start
            category: password
            class: secret
            pattern: '(\\w+)\\s+\\1'
            examples: ['ab ab']
            negative_examples: ['ab cd']
        """)
        let file = try dir.write("input.txt", String(repeating: String(repeating: "a", count: 20_000) + "\n" + String(repeating: "b", count: 20_000) + "\n", count: 25))
        let started = Date()
        let r = try CLI.run(["scan", file.path, "--rules", rules.path])
        XCTAssertLessThan(Date().timeIntervalSince(started), 60, "a user's rule is bounded per window")
        XCTAssertEqual(r.status, 2, r.stderr)
        XCTAssertTrue(r.stderr.contains("test.repeated-word"), r.stderr)
    }

    // MARK: 25. One audit per state directory

    func testSecondAuditOnABusyStateDirectoryIsRefused() throws {
        let root = try Scratch()
        try makeRepository(at: root.url.appendingPathComponent("org/one"), files: ["a.txt": "nothing\n"])
        let state = root.url.appendingPathComponent("state")
        try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
        // This test holds the lock as a running audit would.
        let fd = open(state.appendingPathComponent(".lock").path, O_RDWR | O_CREAT, 0o644)
        XCTAssertGreaterThanOrEqual(fd, 0)
        XCTAssertEqual(flock(fd, LOCK_EX), 0)
        let busy = try audit(["org", "--state-dir", "state"], in: root.url)
        XCTAssertEqual(busy.status, 2, busy.stderr)
        XCTAssertTrue(busy.stderr.contains("another audit"), busy.stderr)
        close(fd)
        let free = try audit(["org", "--state-dir", "state"], in: root.url)
        XCTAssertEqual(free.status, 0, free.stderr)
    }

    // MARK: 21. Old Mac line endings and byte-order marks

    func testCarriageReturnOnlyFileHasLinesAndItsPrivateKeyIsFound() throws {
        let dir = try Scratch()
        let pem = ["-----BEGIN RSA " + "PRIVATE KEY-----", "MIIEpAIBAAKCAQEA1c7+9z5Pad7OejecsQ0bu3aumwSIUgM0dZ5ZHfyXqQhL0EXq",
                   "-----END RSA " + "PRIVATE KEY-----"]
        let text = (["first line", "contact \(email)"] + pem).joined(separator: "\r") + "\r"
        try dir.write("old-mac.txt", text)
        for (arguments, stdin) in [(["scan", "old-mac.txt", "--format", "json"], nil), (["scan", "-", "--format", "json"], Data(text.utf8))] {
            let r = try CLI.run(arguments, stdin: stdin, in: dir.url)
            XCTAssertEqual(r.status, 1, r.stderr)
            let findings = ((try? JSONSerialization.jsonObject(with: Data(r.stdout.utf8))) as? [String: Any])?["findings"] as? [[String: Any]] ?? []
            let lines = Dictionary(findings.map { ($0["rule"] as? String ?? "", $0["line"] as? Int ?? 0) }, uniquingKeysWith: min)
            XCTAssertEqual(lines["pd.email"], 2, "\(arguments): \(r.stdout)")
            XCTAssertEqual(lines["secret.private-key"], 3, "\(arguments): the key is found on its line: \(r.stdout)")
        }
    }

    func testByteOrderMarkDoesNotShiftColumns() throws {
        let dir = try Scratch()
        try dir.write("bom.txt", "\u{FEFF}contact \(email)\n")
        let r = try CLI.run(["scan", "bom.txt"], in: dir.url)
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertTrue(r.stdout.contains("bom.txt:1:9"), r.stdout)
    }

    // MARK: 20. Long repository names, file names that are not UTF-8

    func testLongRepositoryNameIsSavedAndResumed() throws {
        let root = try Scratch()
        let long = String(repeating: "r", count: 240)
        try makeRepository(at: root.url.appendingPathComponent("org/" + long), files: ["a.txt": "contact \(email)\n"])
        try makeRepository(at: root.url.appendingPathComponent("org/" + long.dropLast() + "s"), files: ["b.txt": "nothing\n"])
        let first = try audit(["org", "--state-dir", "state"], in: root.url)
        XCTAssertEqual(first.status, 1, first.stderr)
        XCTAssertEqual(first.repositories.count, 2, first.stderr)
        let files = try FileManager.default.contentsOfDirectory(atPath: root.url.appendingPathComponent("state/repos").path)
        XCTAssertEqual(files.count, 2, "one state file per repository: \(files)")
        XCTAssertTrue(files.allSatisfy { $0.utf8.count <= 255 })
        let resumed = try audit(["org", "--state-dir", "state", "--resume"], in: root.url)
        XCTAssertEqual(resumed.status, 1, resumed.stderr)
        XCTAssertEqual(resumed.repositories.count, 2, "both read back from their state: \(resumed.stderr)")
    }

    func testFileNamesThatAreNotUTF8AreScannedAndShownEscaped() throws {
        let dir = try Scratch()
        // Latin-1 "café.txt" and a lone continuation byte: not UTF-8.
        for raw in [Array("caf".utf8) + [0xE9] + Array(".txt".utf8), Array("x".utf8) + [0x80, 0xFF] + Array("y.txt".utf8)] {
            let path = Array(dir.url.appendingPathComponent("tree").path.utf8) + [0x2F] + raw + [0]
            mkdir(dir.url.appendingPathComponent("tree").path, 0o755)
            let fd = path.withUnsafeBufferPointer { $0.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_WRONLY | O_CREAT | O_TRUNC, 0o644) } }
            XCTAssertGreaterThanOrEqual(fd, 0)
            let text = Array("contact \(email)\n".utf8)
            XCTAssertEqual(write(fd, text, text.count), text.count)
            close(fd)
        }
        let r = try CLI.run(["scan", "tree"], in: dir.url)
        XCTAssertEqual(r.status, 1, "both files scanned, no error: \(r.stderr)")
        XCTAssertTrue(r.stdout.contains("tree/caf\\xE9.txt:1:9"), r.stdout)
        XCTAssertTrue(r.stdout.contains("tree/x\\x80\\xFFy.txt:1:9"), r.stdout)
        XCTAssertTrue(r.stdout.contains("2 files scanned"), r.stdout)
        // Inside a git work tree (names listed by git).
        try TestRepository.runGit(["init", "-q", "-b", "main"], in: dir.url.appendingPathComponent("tree"))
        let listed = try CLI.run(["scan", "tree"], in: dir.url)
        XCTAssertEqual(listed.status, 1, listed.stderr)
        XCTAssertTrue(listed.stdout.contains("tree/caf\\xE9.txt:1:9") && listed.stdout.contains("2 files scanned"), listed.stdout)
    }

    // MARK: 24. Error messages: no config values, no framework dumps

    func testConfigErrorsNeverRepeatTheValue() throws {
        let dir = try Scratch()
        try dir.write("a.txt", "hello\n")
        // Shaped like a token someone pasted into the wrong field (built from pieces).
        let value = "ghp" + "_" + String(repeating: "a1B2c3D4", count: 4) + "e5F6"
        let cases: [(String, String)] = [
            ("min_confidence: \(value)\n", ".hedgerow.yml:1: min_confidence must be low, medium or high"),
            ("attribution: \(value)\n", ".hedgerow.yml:1: attribution must be report or fail"),
            ("allow:\n  - fingerprint: \(value)\n    reason: x\n", ".hedgerow.yml:2: an allow entry's fingerprint is not a hedgerow fingerprint"),
            ("rules:\n  disable: [\(value)]\n", ".hedgerow.yml:2: item 1 of rules.disable is not a rule name"),
            ("rules:\n  enable: [\(value)]\n", ".hedgerow.yml:2: item 1 of rules.enable is not a rule name"),
            ("allow:\n  - fingerprint: hr1:0123456789abcdef0123456789abcdef\n    rule: \(value)\n    reason: x\n", "names an unknown rule"),
            ("documents:\n  max_depth: \(value)\n", ".hedgerow.yml:2: 'max_depth' must be a whole number"),
        ]
        for (text, expected) in cases {
            try dir.write(".hedgerow.yml", text)
            let r = try CLI.run(["scan", "a.txt", "--config", ".hedgerow.yml"], in: dir.url)
            XCTAssertEqual(r.status, 2, text)
            XCTAssertFalse(r.stderr.contains(value.prefix(12)), "the value is repeated: \(r.stderr)")
            XCTAssertTrue(r.stderr.contains(expected), "expected \(expected) in: \(r.stderr)")
        }
    }

    func testBrokenDocumentXMLAndStateFilesAreSentencesNotFrameworkDumps() throws {
        let dir = try Scratch()
        // A .docx whose document part is not well-formed XML, made with the system's zip tools.
        let part = dir.url.appendingPathComponent("docx/word/document.xml")
        try FileManager.default.createDirectory(at: part.deletingLastPathComponent(), withIntermediateDirectories: true)
        try "<document><body><p>text</x></body>".write(to: part, atomically: true, encoding: .utf8)
        try "<Types/>".write(to: dir.url.appendingPathComponent("docx/[Content_Types].xml"), atomically: true, encoding: .utf8)
        let python = Process()
        python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        python.arguments = ["python3", "-c", "import shutil; shutil.make_archive('bad', 'zip', 'docx'); import os; os.rename('bad.zip', 'bad.docx')"]
        python.currentDirectoryURL = dir.url
        try python.run(); python.waitUntilExit()
        let doc = try CLI.run(["scan", "bad.docx"], in: dir.url)
        XCTAssertEqual(doc.status, 2, doc.stderr)
        XCTAssertTrue(doc.stderr.contains("bad.docx!word/document.xml: XML does not parse (line 1: an end tag that does not match its start tag at column"), doc.stderr)
        XCTAssertFalse(doc.stderr.contains("NSXMLParserErrorDomain"), doc.stderr)

        // State files that do not decode: a wrong type, a missing field.
        try makeRepository(at: dir.url.appendingPathComponent("repos/one"), files: ["a.txt": "nothing\n"])
        for (text, expected) in [("{\"name\": 3}", "the field 'name' has the wrong type"), ("{\"name\": \"one\"}", "is missing"), ("{", "not valid JSON")] {
            try dir.write("state/repos/x.json", text)
            let r = try audit(["repos", "--state-dir", "state", "--resume"], in: dir.url)
            XCTAssertEqual(r.status, 2, r.stderr)
            XCTAssertTrue(r.stderr.contains("x.json in the state directory is not an audit result: "), r.stderr)
            XCTAssertTrue(r.stderr.contains(expected), r.stderr)
            XCTAssertFalse(r.stderr.contains("DecodingError") || r.stderr.contains("CodingKeys") || r.stderr.contains("cannot write"), r.stderr)
        }
    }
}
