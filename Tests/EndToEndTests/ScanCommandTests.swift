import Foundation
import XCTest

/// The binary against real files: exit codes, JSON shape, bad inputs, no leaked values.
final class ScanCommandTests: XCTestCase {
    let email = "rhys.green@gmail.com"
    let token = "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"

    func testExitCodesMeanOneThingEach() throws {
        let dir = try Scratch()
        let clean = try dir.write("clean.txt", "nothing to see here\n")
        let dirty = try dir.write("dirty.txt", "contact \(email)\n")
        XCTAssertEqual(try CLI.run(["scan", clean.path]).status, 0)
        XCTAssertEqual(try CLI.run(["scan", dirty.path]).status, 1)
        let missing = try CLI.run(["scan", dir.url.appendingPathComponent("nope.txt").path])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("No such file"), missing.stderr)
        XCTAssertEqual(try CLI.run(["scan"]).status, 2, "no path is a usage error")
        let badFormat = try CLI.run(["scan", "--format", "xml", clean.path])
        XCTAssertEqual(badFormat.status, 2)
        XCTAssertTrue(badFormat.stderr.contains("'xml' is invalid") && badFormat.stderr.contains("'jsonl'"), "the parser names the valid formats: \(badFormat.stderr)")
        let badHistory = try CLI.run(["audit", ".", "--history", "some"])
        XCTAssertEqual(badHistory.status, 2)
        XCTAssertTrue(badHistory.stderr.contains("'all'") && badHistory.stderr.contains("'none'"), badHistory.stderr)
        let typo = try CLI.run(["scna", clean.path])
        XCTAssertEqual(typo.status, 2)
        XCTAssertTrue(typo.stderr.contains("unknown command 'scna'; did you mean 'hedgerow scan'?"), typo.stderr)
        XCTAssertFalse(try CLI.run(["audit", "--help"]).stdout.contains("--log-near-miss"), "audit takes only the options it uses")
        XCTAssertFalse(try CLI.run(["audit", "--help"]).stdout.contains("--stats"))
        XCTAssertFalse(try CLI.run(["merge", "--help"]).stdout.contains("--min-confidence"))
        XCTAssertEqual(try CLI.run(["scan", "--no-such-flag", clean.path]).status, 2)
        XCTAssertEqual(try CLI.run(["--help"]).status, 0)
    }

    func testJSONShape() throws {
        let dir = try Scratch()
        try dir.write("a/config.env", "ok\nGITHUB_TOKEN=\(token)\n")
        let result = try CLI.run(["scan", dir.url.path, "--format", "json"])
        XCTAssertEqual(result.status, 1)
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        let tool = json["tool"] as! [String: Any]
        XCTAssertEqual(tool["name"] as? String, "hedgerow")
        XCTAssertNotNil(tool["version"] as? String)
        let summary = json["summary"] as! [String: Any]
        XCTAssertEqual(summary["files_scanned"] as? Int, 1)
        XCTAssertEqual((summary["findings_by_category"] as? [String: Int])?["api_key"], 1)
        let finding = (json["findings"] as! [[String: Any]])[0]
        XCTAssertEqual(finding["rule"] as? String, "secret.github.token")
        XCTAssertEqual(finding["category"] as? String, "api_key")
        XCTAssertEqual(finding["class"] as? String, "secret")
        XCTAssertEqual(finding["path"] as? String, dir.url.path + "/a/config.env")
        XCTAssertEqual(finding["line"] as? Int, 2)
        XCTAssertEqual(finding["column"] as? Int, 14)
        XCTAssertEqual(finding["end_line"] as? Int, 2)
        XCTAssertEqual(finding["end_column"] as? Int, 54)
        XCTAssertEqual(finding["confidence"] as? String, "high")
        XCTAssertTrue((finding["fingerprint"] as? String ?? "").hasPrefix("hr1:"))
        XCTAssertNotNil(finding["masked"] as? String)
        XCTAssertNil(finding["value"])
    }

    func testNoOutputFormatShowsAValueWithoutShowValues() throws {
        let dir = try Scratch()
        try dir.write("leak.txt", "\(email)\n\(token)\nphone 07411 595 147\n")
        for format in ["text", "json", "jsonl", "sarif", "markdown"] {
            let hidden = try CLI.run(["scan", dir.url.path, "--format", format])
            for value in [email, token, "07411 595 147"] {
                XCTAssertFalse(hidden.stdout.contains(value) || hidden.stderr.contains(value), "\(format) leaked a value")
            }
            let shown = try CLI.run(["scan", dir.url.path, "--format", format, "--show-values"])
            XCTAssertTrue(shown.stdout.contains(token), "--show-values must show values in \(format)")
        }
    }

    func testStdin() throws {
        let result = try CLI.run(["scan", "-"], stdin: Data("mail \(email)\n".utf8))
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stdout.contains("DO NOT PASTE") && result.stdout.contains("-:1 "), result.stdout)
        let plain = try CLI.run(["scan", "-", "--no-prevention"], stdin: Data("mail \(email)\n".utf8))
        XCTAssertTrue(plain.stdout.contains("-:1:6"), plain.stdout)
        XCTAssertEqual(try CLI.run(["scan", "-"], stdin: Data()).status, 0, "an empty stdin is a clean scan")
    }

    func testBinaryFileIsSkippedAndCounted() throws {
        let dir = try Scratch()
        try dir.write("image.bin", Data([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00] + Array("\(email)".utf8)))
        try dir.write("notes.txt", "fine\n")
        let result = try CLI.run(["scan", dir.url.path, "--format", "json"])
        XCTAssertEqual(result.status, 0)
        let summary = (try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any])["summary"] as! [String: Any]
        XCTAssertEqual((summary["files_skipped"] as? [String: Int])?["binary"], 1)
        let only = try CLI.run(["scan", dir.url.appendingPathComponent("image.bin").path])
        XCTAssertEqual(only.status, 2, "naming only a binary file scans nothing, which is an error")
    }

    func testInvalidUTF8AndCRLFAndUTF16() throws {
        let dir = try Scratch()
        try dir.write("bad.txt", Data([0x41, 0xff, 0xfe, 0xc3, 0x28, 0x0a] + Array("x \(email)\r\n".utf8)))
        let bad = try CLI.run(["scan", dir.url.appendingPathComponent("bad.txt").path])
        XCTAssertEqual(bad.status, 1)
        XCTAssertTrue(bad.stdout.contains("bad.txt:2:3"), bad.stdout)
        var utf16 = Data([0xff, 0xfe])
        utf16.append("line one\nmail \(email)\n".data(using: .utf16LittleEndian)!)
        try dir.write("wide.txt", utf16)
        let wide = try CLI.run(["scan", dir.url.appendingPathComponent("wide.txt").path])
        XCTAssertEqual(wide.status, 1)
        XCTAssertTrue(wide.stdout.contains("wide.txt:2:6"), wide.stdout)
    }

    func testEmptyFileIsACleanScan() throws {
        let dir = try Scratch()
        let empty = try dir.write("empty.txt", "")
        let result = try CLI.run(["scan", empty.path])
        XCTAssertEqual(result.status, 0)
        XCTAssertTrue(result.stdout.contains("1 file scanned"), result.stdout)
    }

    func testFiftyMegabyteSingleLine() throws {
        let dir = try Scratch()
        var data = Data(count: 50 << 20)
        let letters = Array("abcdefgh".utf8)
        data.withUnsafeMutableBytes { raw in
            for i in 0..<raw.count { raw[i] = letters[i % 8] }
        }
        data.replaceSubrange(30_000_000..<30_000_000 + 22, with: Data(" \(email) ".utf8))
        let file = try dir.write("huge.txt", data)
        let result = try CLI.run(["scan", file.path, "--format", "json"])
        XCTAssertEqual(result.status, 1, result.stderr)
        let findings = (try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any])["findings"] as! [[String: Any]]
        XCTAssertEqual(findings.count, 1)
        XCTAssertEqual(findings.first?["line"] as? Int, 1)
        XCTAssertEqual(findings.first?["column"] as? Int, 30_000_002)
    }

    func testUnreadableFileIsAnError() throws {
        let dir = try Scratch()
        let path: String
        if geteuid() == 0 {
            path = "/proc/self/mem" // root reads any mode; this one fails on read.
        } else {
            let file = try dir.write("secret.txt", "x")
            chmod(file.path, 0)
            path = file.path
        }
        let result = try CLI.run(["scan", path])
        XCTAssertEqual(result.status, 2, result.stdout + result.stderr)
        XCTAssertTrue(result.stderr.contains("error"), result.stderr)
    }

    func testSymlinkLoopDoesNotHang() throws {
        let dir = try Scratch()
        try dir.write("sub/file.txt", "contact \(email)\n")
        try FileManager.default.createSymbolicLink(atPath: dir.url.appendingPathComponent("sub/loop").path, withDestinationPath: "..")
        try FileManager.default.createSymbolicLink(atPath: dir.url.appendingPathComponent("self").path, withDestinationPath: "self")
        let result = try CLI.run(["scan", dir.url.path, "--format", "json"])
        XCTAssertEqual(result.status, 1)
        let summary = (try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any])["summary"] as! [String: Any]
        XCTAssertEqual((summary["files_skipped"] as? [String: Int])?["symlink"], 2)
        XCTAssertEqual(summary["findings"] as? Int, 1)
    }

    func testIgnoreFilesAreHonoured() throws {
        let dir = try Scratch()
        try dir.write(".gitignore", "build/\n*.log\n")
        try dir.write(".hedgerowignore", "/fixtures/\n")
        try dir.write("build/out.txt", "\(email)\n")
        try dir.write("app.log", "\(email)\n")
        try dir.write("fixtures/data.txt", "\(email)\n")
        try dir.write("src/main.txt", "\(email)\n")
        try dir.write(".git/config", "\(email)\n")
        let result = try CLI.run(["scan", dir.url.path, "--format", "json"])
        let findings = (try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any])["findings"] as! [[String: Any]]
        XCTAssertEqual(findings.compactMap { $0["path"] as? String }, [dir.url.path + "/src/main.txt"])
    }

    /// On a terminal the text output is coloured, unless NO_COLOR is set; piped, never.
    func testNoColorOnATerminalAndPlainOutputWhenPiped() throws {
        let dir = try Scratch()
        let file = try dir.write("d.txt", "\(email)\n")
        let coloured = try CLI.runOnTerminal(["scan", file.path])
        XCTAssertTrue(coloured.contains("\u{1B}["), "a terminal gets colour: \(coloured.debugDescription)")
        let plain = try CLI.runOnTerminal(["scan", file.path], environment: ["NO_COLOR": "1"])
        XCTAssertTrue(plain.contains("d.txt"), plain)
        XCTAssertFalse(plain.contains("\u{1B}["), "NO_COLOR: \(plain.debugDescription)")
        XCTAssertFalse(try CLI.run(["scan", file.path]).stdout.contains("\u{1B}["), "piped output is plain")
    }

    func testRulesCommands() throws {
        let list = try CLI.run(["rules", "list"])
        XCTAssertEqual(list.status, 0)
        XCTAssertTrue(list.stdout.contains("pd.email"))
        XCTAssertTrue(list.stdout.contains("decode.percent") && list.stdout.split(separator: "\n").contains { $0.hasPrefix("decode.percent") && $0.contains("decoder") },
                      "decoders are listed as decoders")
        let check = try CLI.run(["rules", "check"])
        XCTAssertEqual(check.status, 0, check.stdout)
        let dir = try Scratch()
        let broken = try dir.write("mine.yml", "rules:\n  - id: my.rule\n    name: Mine\n    category: api_key\n    class: secret\n    pattern: 'tok_[0-9]+'\n    keywords: ['tok_']\n    examples: ['tok_1', 'tok_2', 'nope']\n    negative_examples: ['a', 'b', 'c']\n")
        let failed = try CLI.run(["rules", "check", broken.path])
        XCTAssertEqual(failed.status, 2, "a broken rule is an error, not a finding")
        XCTAssertTrue(failed.stdout.contains("mine.yml:2: rule my.rule: example not found: #3"), failed.stdout)
    }
}
