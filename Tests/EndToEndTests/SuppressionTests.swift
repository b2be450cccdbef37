import Foundation
import XCTest

/// Configuration, inline allows and baselines: accepted findings are suppressed and
/// counted, never silently dropped.
final class ConfigTests: XCTestCase {
    let key = "aws_access_key_id = AKIAZHPCF2UQNUPQZIT5\n"

    func json(_ arguments: [String], in dir: URL? = nil) throws -> (status: Int32, findings: [[String: Any]], summary: [String: Any], stderr: String) {
        let r = try CLI.run(arguments + ["--format", "json"], in: dir)
        let doc = (try? JSONSerialization.jsonObject(with: Data(r.stdout.utf8))) as? [String: Any] ?? [:]
        return (r.status, doc["findings"] as? [[String: Any]] ?? [], doc["summary"] as? [String: Any] ?? [:], r.stderr)
    }

    func testDiscoveryFromTheScannedDirectoryUpToTheRepositoryRoot() throws {
        let repo = try TestRepository()
        try repo.write("sub/dir/a.env", key)
        try repo.write(".hedgerow.yml", "categories:\n  disable: [api_key]\n")
        XCTAssertEqual(try json(["scan", repo.url.appendingPathComponent("sub/dir").path]).findings.count, 0, "found at the repository root")
        // A configuration above the repository root does not apply to it.
        let outer = try Scratch()
        try outer.write(".hedgerow.yml", "categories:\n  disable: [api_key]\n")
        try TestRepository.runGit(["init", "-q", "inner"], in: outer.url)
        try outer.write("inner/a.env", key)
        XCTAssertEqual(try json(["scan", outer.url.appendingPathComponent("inner").path]).findings.count, 1)
        // --config names one explicitly; a missing one is an error.
        let other = try outer.write("elsewhere.yml", "min_confidence: high\ncategories:\n  disable: [api_key]\n")
        XCTAssertEqual(try json(["scan", outer.url.appendingPathComponent("inner").path, "--config", other.path]).findings.count, 0)
        XCTAssertEqual(try json(["scan", ".", "--config", "/no/such/config.yml"], in: outer.url).status, 2)
    }

    func testRulesAndCategoriesCanBeDisabledAndARuleReEnabled() throws {
        let dir = try Scratch()
        try dir.write("a.txt", "contact rhys.green@gmail.com\nserver 2a00:1450:4009:815::200e and 81.2.69.160\n")
        func rules(_ config: String) throws -> [String] {
            try dir.write(".hedgerow.yml", config)
            return try json(["scan", "a.txt"], in: dir.url).findings.compactMap { $0["rule"] as? String }.sorted()
        }
        XCTAssertEqual(try rules("version: 1\n"), ["pd.email", "pd.ip.v4", "pd.ip.v6"])
        XCTAssertEqual(try rules("categories:\n  disable: [ip]\n"), ["pd.email"])
        XCTAssertEqual(try rules("categories:\n  disable: [ip]\nrules:\n  enable: [pd.ip.v6]\n"), ["pd.email", "pd.ip.v6"])
        XCTAssertEqual(try rules("rules:\n  disable: [pd.email]\n"), ["pd.ip.v4", "pd.ip.v6"])
    }

    func testErrorsNameTheLine() throws {
        let dir = try Scratch()
        try dir.write("a.txt", "hello\n")
        let cases: [(String, String)] = [
            ("version: 1\nexclude: [x]\nexlcude: [y]\n", ".hedgerow.yml:3: unknown key 'exlcude'"),
            ("categories:\n  disable: [phones]\n", ".hedgerow.yml:2: unknown category 'phones'"),
            ("min_confidence: sure\n", ".hedgerow.yml:1: min_confidence must be low, medium or high"),
            ("rules:\n  disable: [pd.email, pd.nope]\n", ".hedgerow.yml:2: item 2 of rules.disable is not a rule name"),
            ("allow:\n  - fingerprint: abc\n    reason: x\n", ".hedgerow.yml:2: an allow entry's fingerprint is not a hedgerow fingerprint"),
            ("allow:\n  - fingerprint: hr1:0123456789abcdef0123456789abcdef\n", "needs a 'reason'"),
            ("severity:\n  bulk_threshold: 0\n", "bulk_threshold must be 1 or more"),
            ("exclude: [unclosed\n", "invalid YAML"),
        ]
        for (text, expected) in cases {
            try dir.write(".hedgerow.yml", text)
            let r = try CLI.run(["scan", "."], in: dir.url)
            XCTAssertEqual(r.status, 2, text)
            XCTAssertTrue(r.stderr.contains(expected), "expected \(expected) in: \(r.stderr)")
        }
    }

    func testCustomRulesExcludesDisabledRulesAndAllowedFingerprints() throws {
        let dir = try Scratch()
        try dir.write("team-rules.yml", """
        rules:
          - id: team.case-ref
            name: Case reference
            category: password
            class: secret
            pattern: '\\bCASE-[0-9]{6}\\b'
            keywords: ['CASE-']
            max_length: 11
            examples: ['ref CASE-123456 open', 'CASE-654321', 'see CASE-111222.']
            negative_examples: ['CASE-12', 'XCASE-123456', 'case 123456']
        """)
        XCTAssertEqual(try CLI.run(["rules", "check", dir.url.appendingPathComponent("team-rules.yml").path]).status, 0)
        try dir.write(".hedgerow.yml", "rule_files: [team-rules.yml]\nexclude: ['*.log', 'vendor/', team-rules.yml]\nrules:\n  disable: [pd.email]\n")
        try dir.write("notes.txt", "ticket CASE-123456\ncontact rhys.green@gmail.com\n")
        try dir.write("debug.log", key)
        try dir.write("vendor/lib/a.env", key)
        let r = try json(["scan", "."], in: dir.url)
        XCTAssertEqual(r.findings.compactMap { $0["rule"] as? String }, ["team.case-ref"], "\(r.findings)")
        XCTAssertEqual((r.summary["files_skipped"] as? [String: Int])?["excluded by config"], 3)
        // Allow the custom finding by its fingerprint: suppressed and counted.
        let fingerprint = try XCTUnwrap(r.findings.first?["fingerprint"] as? String)
        try dir.write(".hedgerow.yml", "rule_files: [team-rules.yml]\nexclude: ['*.log', 'vendor/', team-rules.yml]\nrules:\n  disable: [pd.email]\nallow:\n  - fingerprint: \(fingerprint)\n    reason: test case reference\n")
        let allowed = try json(["scan", "."], in: dir.url)
        XCTAssertEqual(allowed.status, 0)
        XCTAssertEqual(allowed.summary["suppressed"] as? [String: Int], ["config": 1])
        let text = try CLI.run(["scan", "."], in: dir.url)
        XCTAssertTrue(text.stdout.contains("1 suppressed (config 1)"), text.stdout)
    }
}

final class InlineAllowTests: XCTestCase {
    func testAllowCommentsInSeveralSyntaxes() throws {
        let dir = try Scratch()
        let k = "AKIAZHPCF2UQNUPQZIT5"
        try dir.write("a.py", "key = '\(k)'  # hedgerow:allow secret.aws.access-key-id test fixture\n")
        try dir.write("b.ts", "const key = '\(k)'; // hedgerow:allow\n")
        try dir.write("c.html", "<p>\(k)</p> <!-- hedgerow:allow -->\n")
        try dir.write("d.sql", "-- hedgerow:allow-next-line api_key seeded test row\nINSERT INTO keys VALUES ('\(k)');\n")
        try dir.write("e.c", "/* hedgerow:allow-next-line */\nchar *k = \"\(k)\";\n")
        let r = try CLI.run(["scan", ".", "--format", "json"], in: dir.url)
        XCTAssertEqual(r.status, 0, r.stdout)
        let summary = (try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])?["summary"] as? [String: Any]
        XCTAssertEqual(summary?["suppressed"] as? [String: Int], ["inline": 5])
    }

    func testAllowIsScopedAndLineBound() throws {
        let dir = try Scratch()
        let k = "AKIAZHPCF2UQNUPQZIT5"
        try dir.write("a.txt", """
        key = \(k)  # hedgerow:allow pd.email wrong rule named
        # hedgerow:allow
        key = \(k)
        # hedgerow:allow-next-line
        ok = 1
        key = \(k)
        key = \(k) # hedgerow:allowance is not the marker
        """)
        let r = try CLI.run(["scan", "a.txt", "--format", "json"], in: dir.url)
        let doc = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let lines = (doc["findings"] as? [[String: Any]])?.compactMap { $0["line"] as? Int }
        XCTAssertEqual(lines, [1, 3, 6, 7], "only the comment's own line, or the line right after allow-next-line")
    }
}

final class BaselineTests: XCTestCase {
    let k1 = "AKIAZHPCF2UQNUPQZIT5", k2 = "AKIAUEA5GENQIWEPXSK4"

    func testBaselineSurvivesMovesAndRenamesButNotNewValues() throws {
        let dir = try Scratch()
        try dir.write("src/app.env", "region = eu-west-2\naws_access_key_id = \(k1)\n")
        let baseline = dir.url.appendingPathComponent("hedgerow-baseline.tsv")
        XCTAssertEqual(try CLI.run(["baseline", "create", "src", "-o", baseline.path], in: dir.url).status, 0)
        let text = try String(contentsOf: baseline, encoding: .utf8)
        XCTAssertFalse(text.contains(k1), "no values")
        let entries = text.split(separator: "\n").filter { !$0.hasPrefix("#") }
        XCTAssertEqual(entries.count, 1)
        XCTAssertEqual(entries[0].split(separator: "\t").count, 3, "fingerprint, rule, path: no line number")
        XCTAssertEqual(try CLI.run(["scan", "src", "--baseline", baseline.path], in: dir.url).status, 0)

        // Moved down and renamed: still suppressed.
        try FileManager.default.removeItem(at: dir.url.appendingPathComponent("src/app.env"))
        try dir.write("src/config/renamed.env", "# moved\n\n\naws_access_key_id = \(k1)\n")
        let moved = try CLI.run(["scan", "src", "--baseline", baseline.path], in: dir.url)
        XCTAssertEqual(moved.status, 0, moved.stdout)
        XCTAssertTrue(moved.stdout.contains("1 suppressed (baseline 1)"), moved.stdout)

        // A new value on the baselined line is reported.
        try dir.write("src/config/renamed.env", "# moved\n\n\naws_access_key_id = \(k2)\n")
        let fresh = try CLI.run(["scan", "src", "--baseline", baseline.path], in: dir.url)
        XCTAssertEqual(fresh.status, 1)

        // update drops the entry whose value no longer occurs, and adds nothing.
        let updated = try CLI.run(["baseline", "update", "src", "--baseline", baseline.path], in: dir.url)
        XCTAssertEqual(updated.status, 0, updated.stderr)
        XCTAssertTrue(updated.stdout.contains("kept 0 of 1"), updated.stdout)
        XCTAssertEqual(try String(contentsOf: baseline, encoding: .utf8).split(separator: "\n").filter { !$0.hasPrefix("#") }.count, 0)
    }

    func testBaselineIsSortedForCleanMerges() throws {
        let dir = try Scratch()
        try dir.write("b.env", "aws_access_key_id = \(k2)\n")
        try dir.write("a.env", "aws_access_key_id = \(k1)\ncontact rhys.green@gmail.com\n")
        let baseline = dir.url.appendingPathComponent("b.tsv")
        XCTAssertEqual(try CLI.run(["baseline", "create", ".", "-o", baseline.path], in: dir.url).status, 0)
        let lines = try String(contentsOf: baseline, encoding: .utf8).split(separator: "\n").filter { !$0.hasPrefix("#") }.map(String.init)
        XCTAssertEqual(lines.count, 3)
        XCTAssertEqual(lines, lines.sorted())
        // A corrupt baseline is an error, never an empty suppression list.
        try "not a baseline\n".write(to: baseline, atomically: true, encoding: .utf8)
        let r = try CLI.run(["scan", ".", "--baseline", baseline.path], in: dir.url)
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("b.tsv:1"), r.stderr)
    }
}
