import Foundation
import HedgerowCore
@testable import HedgerowReport
import XCTest

/// The digest stands in for the findings in the reports written for people: what it keeps
/// must be what the in-memory report would have listed, and its memory must not grow with
/// the findings (issue 23, item 18).
final class FindingDigestTests: XCTestCase {
    /// Findings of every rank (credentials, people in data files, other personal data,
    /// organisational mailboxes, attributions) mixed in a seeded order.
    func mixedFindings(count: Int, seed: UInt64) -> [Finding] {
        var state = seed
        func next() -> UInt64 { state = state &* 6364136223846793005 &+ 1442695040888963407; return state >> 33 }
        return (0..<count).map { i in
            let roll = next() % 5
            var f = finding(roll == 0 ? .apiKey : .email, "fp\(next() % 500)", path: roll == 1 ? "people.csv" : "notes/\(i / 40).md", line: i)
            if roll == 3 { f.context = .organisational }
            if roll == 4 { f.context = .attribution }
            return f
        }
    }

    func testFirstFindingsAreTheRankedReportsFirst() {
        for seed: UInt64 in [1, 7, 42] {
            let findings = mixedFindings(count: 900, seed: seed)
            let digest = FindingDigest(findings, kept: 120)
            let expected = FindingRank.ordered(findings).prefix(120).map { "\($0.origin.path):\($0.start.line)" }
            XCTAssertEqual(digest.first().map { "\($0.origin.path):\($0.start.line)" }, Array(expected), "seed \(seed)")
            XCTAssertEqual(digest.first(10).count, 10)
            XCTAssertEqual(digest.count, 900)
            XCTAssertEqual(digest.credentials, findings.filter { $0.dataClass == .secret }.count, "seed \(seed)")
            XCTAssertEqual(digest.byCategory.map(\.count).reduce(0, +), 900)
            XCTAssertEqual(digest.fingerprints, Set(findings.map(\.fingerprint)))
        }
    }

    func testCountsBySeverityAreThePolicysAndPathsAreInInputOrder() {
        let findings = [finding(.apiKey, "a", path: "b.env"), finding(.email, "b", confidence: .low, path: "a.txt"),
                        finding(.apiKey, "c", confidence: .low, path: "b.env"), finding(.email, "d", path: "c.txt")]
        let policy = SeverityPolicy()
        let digest = FindingDigest(findings, policy: policy)
        var expected: [Category: [Severity: Int]] = [:]
        for f in findings { expected[f.category, default: [:]][policy.severity(of: f), default: 0] += 1 }
        XCTAssertEqual(digest.bySeverity, expected)
        XCTAssertEqual(digest.paths, ["b.env", "a.txt", "c.txt"])
        XCTAssertEqual(digest.counted, "2 items of personal data and 2 credentials")
        XCTAssertFalse(digest.hasCommits)
    }

    /// However many findings go in, what the digest holds stays within its limits.
    func testWhatTheDigestHoldsIsBounded() {
        var digest = FindingDigest(kept: 50)
        for i in 0..<(FindingDigest.fingerprintLimit + 5_000) {
            digest.add(finding(.email, "fp\(i)", path: "f\(i / 3).txt", line: i))
        }
        XCTAssertEqual(digest.first().count, 50)
        XCTAssertEqual(digest.fingerprints.count, FindingDigest.fingerprintLimit)
        XCTAssertTrue(digest.fingerprintsTruncated)
        XCTAssertEqual(digest.paths.count, FindingDigest.pathLimit)
        XCTAssertEqual(digest.paths.count + digest.morePaths, (FindingDigest.fingerprintLimit + 5_000 + 2) / 3)
        XCTAssertEqual(digest.count, FindingDigest.fingerprintLimit + 5_000)
    }

    /// A report given a digest and no findings (a streamed run) is the report of the findings.
    func testReportsFromADigestAreTheReportsFromTheFindings() {
        let findings = FindingRank.ordered(mixedFindings(count: 300, seed: 9))
        var summary = ScanSummary()
        summary.filesScanned = 8
        for f in findings { summary.findingsByCategory[f.category, default: 0] += 1 }
        let kept = ReportContext(toolVersion: "test", findings: findings, summary: summary)
        var streamed = ReportContext(toolVersion: "test", findings: [], summary: summary)
        streamed.digest = FindingDigest(findings)
        XCTAssertEqual(MarkdownReporter().render(streamed), MarkdownReporter().render(kept))
        XCTAssertEqual(PreventionReporter(action: .paste).render(streamed), PreventionReporter(action: .paste).render(kept))
        let text = PreventionReporter(action: .paste).render(streamed)
        XCTAssertTrue(text.contains("...and 250 more (300 in all: "), text)
        XCTAssertEqual(text.components(separatedBy: "[personal data, ").count + text.components(separatedBy: "[credential, ").count - 2, 50)
    }
}
