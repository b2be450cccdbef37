import Foundation
import XCTest

/// Fingerprints are keyed: a baseline made under one key matches nothing under another,
/// so it carries the key's identity (never the key) and a mismatch is refused, not silent.
final class KeyIdentityTests: XCTestCase {
    func testBaselineCarriesTheKeyIdentityAndRefusesAnotherKey() throws {
        let dir = try Scratch()
        try dir.write("src/app.env", "aws_access_key_id = \(FakeValue.awsKeyID)\n")
        let baseline = dir.url.appendingPathComponent("baseline.tsv")
        XCTAssertEqual(try CLI.run(["baseline", "create", "src", "-o", baseline.path], in: dir.url).status, 0)
        let text = try String(contentsOf: baseline, encoding: .utf8)
        XCTAssertTrue(text.contains("# fingerprint key: "), text)
        XCTAssertFalse(text.contains("end-to-end-test-key"), "the identity, never the key")
        XCTAssertEqual(try CLI.run(["scan", "src", "--baseline", baseline.path], in: dir.url).status, 0)

        let laptop = try CLI.run(["scan", "src", "--baseline", baseline.path], in: dir.url, environment: ["HEDGEROW_FINGERPRINT_KEY": "another-key"])
        XCTAssertEqual(laptop.status, 2, laptop.stderr)
        XCTAssertTrue(laptop.stderr.contains("fingerprint key") && laptop.stderr.contains("HEDGEROW_FINGERPRINT_KEY"), laptop.stderr)
        let update = try CLI.run(["baseline", "update", "src", "--baseline", baseline.path], in: dir.url, environment: ["HEDGEROW_FINGERPRINT_KEY": "another-key"])
        XCTAssertEqual(update.status, 2, update.stderr)
        XCTAssertEqual(try String(contentsOf: baseline, encoding: .utf8), text, "a refused update leaves the file alone")
    }

    /// Audit shards run under different keys share no fingerprints: the merge says so.
    /// With no shared key and a home where no key file can be made, the run works under a
    /// key of its own and says so on standard error (issue 23, item 19).
    func testAKeyForThisRunOnlyIsWarnedAbout() throws {
        let dir = try Scratch()
        try dir.write("home", "a file, not a folder\n")
        try dir.write("src/app.env", "aws_access_key_id = \(FakeValue.awsKeyID)\n")
        let env = ["HEDGEROW_FINGERPRINT_KEY": "", "HOME": dir.url.appendingPathComponent("home").path, "XDG_CONFIG_HOME": ""]
        let r = try CLI.run(["scan", "src"], in: dir.url, environment: env)
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stderr.contains("cannot save the fingerprint key"), r.stderr)
        let shared = try CLI.run(["scan", "src"], in: dir.url, environment: env.merging(["HEDGEROW_FINGERPRINT_KEY": "team-key"]) { $1 })
        XCTAssertFalse(shared.stderr.contains("fingerprint key"), shared.stderr)
    }

    func testShardsUnderDifferentKeysAreWarnedAboutOnMerge() throws {
        let root = try Scratch()
        for (org, seed) in [("a", 1), ("b", 2)] {
            let dir = root.url.appendingPathComponent("\(org)/repo\(seed)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            try TestRepository.runGit(["init", "-q", "-b", "main"], in: dir)
            try "aws_access_key_id=\(FakeValue.awsKeyID)\n".write(to: dir.appendingPathComponent("k.env"), atomically: true, encoding: .utf8)
            try TestRepository.runGit(["add", "-A"], in: dir)
            try TestRepository.runGit(["commit", "-q", "--no-verify", "-m", "add"], in: dir)
        }
        let env = TestRepository.environment
        XCTAssertEqual(try CLI.run(["audit", "a", "--state-dir", "s1"], in: root.url, environment: env.merging(["HEDGEROW_FINGERPRINT_KEY": "key-one"]) { $1 }).status, 1)
        XCTAssertEqual(try CLI.run(["audit", "b", "--state-dir", "s2"], in: root.url, environment: env.merging(["HEDGEROW_FINGERPRINT_KEY": "key-two"]) { $1 }).status, 1)
        let merged = try CLI.run(["merge", "s1", "s2", "--format", "json"], in: root.url, environment: env.merging(["HEDGEROW_FINGERPRINT_KEY": "key-one"]) { $1 })
        XCTAssertTrue(merged.stderr.contains("different keys") && merged.stderr.contains("HEDGEROW_FINGERPRINT_KEY"), merged.stderr)
        let report = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(merged.stdout.utf8)) as? [String: Any])
        XCTAssertEqual((report["fingerprint_keys"] as? [String])?.count, 2)
        XCTAssertFalse(merged.stdout.contains("key-one") || merged.stdout.contains("key-two"), "identities, never keys")
        let same = try CLI.run(["merge", "s1", "--format", "json"], in: root.url, environment: env.merging(["HEDGEROW_FINGERPRINT_KEY": "key-one"]) { $1 })
        XCTAssertFalse(same.stderr.contains("different keys"), same.stderr)
    }

    /// Allow entries in `.hedgerow.yml` name fingerprints, which match only under the key
    /// that made them: `fingerprint_key` records its identity and another key is refused;
    /// entries without it draw a warning when a run reports findings.
    func testAllowEntriesCarryTheKeyIdentity() throws {
        let dir = try Scratch()
        try dir.write("src/app.env", "aws_access_key_id = \(FakeValue.awsKeyID)\n")
        let scan = try CLI.run(["scan", "src", "--format", "json"], in: dir.url)
        let findings = (try JSONSerialization.jsonObject(with: Data(scan.stdout.utf8)) as? [String: Any])?["findings"] as? [[String: Any]]
        let fingerprint = try XCTUnwrap(findings?.first?["fingerprint"] as? String)
        let baseline = dir.url.appendingPathComponent("baseline.tsv")
        XCTAssertEqual(try CLI.run(["baseline", "create", "src", "-o", baseline.path], in: dir.url).status, 0)
        let identity = try XCTUnwrap(try String(contentsOf: baseline, encoding: .utf8).split(separator: "\n")
            .first { $0.hasPrefix("# fingerprint key: ") }?.dropFirst("# fingerprint key: ".count).prefix(12)).trimmingCharacters(in: .whitespaces)
        let allow = "allow:\n  - fingerprint: \(fingerprint)\n    reason: documentation example\n"

        try dir.write(".hedgerow.yml", "version: 1\n" + allow)
        let same = try CLI.run(["scan", "src"], in: dir.url)
        XCTAssertEqual(same.status, 0, same.stderr)
        XCTAssertFalse(same.stderr.contains("fingerprint_key"), "nothing reported, nothing to warn about: \(same.stderr)")
        let other = try CLI.run(["scan", "src"], in: dir.url, environment: ["HEDGEROW_FINGERPRINT_KEY": "another-key"])
        XCTAssertEqual(other.status, 1, other.stderr)
        XCTAssertTrue(other.stderr.contains("no fingerprint_key") && other.stderr.contains("cannot match"), other.stderr)

        try dir.write(".hedgerow.yml", "version: 1\nfingerprint_key: \(identity)\n" + allow)
        XCTAssertEqual(try CLI.run(["scan", "src"], in: dir.url).status, 0)
        let refused = try CLI.run(["scan", "src"], in: dir.url, environment: ["HEDGEROW_FINGERPRINT_KEY": "another-key"])
        XCTAssertEqual(refused.status, 2, refused.stderr)
        XCTAssertTrue(refused.stderr.contains("made with fingerprint key \(identity)") && refused.stderr.contains("HEDGEROW_FINGERPRINT_KEY"), refused.stderr)

        try dir.write(".hedgerow.yml", "version: 1\nfingerprint_key: end-to-end-test-key\n" + allow)
        let key = try CLI.run(["scan", "src"], in: dir.url)
        XCTAssertEqual(key.status, 2)
        XCTAssertTrue(key.stderr.contains("never the key itself"), key.stderr)
    }
}
