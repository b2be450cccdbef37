import Foundation
import HedgerowCore
import HedgerowReport
import XCTest

/// Builds findings directly, so severity and record rules are tested without scanning.
func finding(_ category: Category, _ fingerprint: String, confidence: Confidence = .high, path: String = "app.env", line: Int = 1,
             commit: String? = nil, date: String? = nil, rule: String? = nil) -> Finding {
    let secret = category.isCredential
    return Finding(
        ruleID: rule ?? (secret ? "secret.aws.access-key-id" : "pd.\(category.rawValue)"), ruleName: secret ? "AWS access key ID" : "Email address",
        category: category, dataClass: secret ? .secret : .personalData, confidence: confidence, confidenceNote: nil,
        origin: Origin(path: path, commit: commit, author: commit == nil ? nil : "Test Author <a@example.invalid>", date: date),
        start: TextPosition(line: line, column: 1, offset: 0), end: TextPosition(line: line, column: 21, offset: 20),
        value: "RAW-VALUE-\(fingerprint)", masked: "AK…[20 chars]", fingerprint: fingerprint, hint: ""
    )
}

final class SeverityTests: XCTestCase {
    let policy = SeverityPolicy()

    func testCredentialSeverity() {
        XCTAssertEqual(policy.credentialSeverity([finding(.apiKey, "a")]).0, .p1)
        XCTAssertEqual(policy.credentialSeverity([finding(.password, "a", confidence: .medium)]).0, .p2)
        XCTAssertEqual(policy.severity(of: finding(.apiKey, "a", confidence: .low)), .p4)
    }

    func testExposureThresholds() {
        XCTAssertEqual(policy.exposureSeverity(distinctByCategory: [.email: 1]).0, .p3)
        XCTAssertEqual(policy.exposureSeverity(distinctByCategory: [.email: 9]).0, .p3)
        XCTAssertEqual(policy.exposureSeverity(distinctByCategory: [.email: 6, .phone: 4]).0, .p2, "bulk counts all personal values")
        XCTAssertEqual(policy.exposureSeverity(distinctByCategory: [.nhsNumber: 3]).0, .p2, "sensitive identifiers reach P2 sooner")
        XCTAssertEqual(policy.exposureSeverity(distinctByCategory: [.nhsNumber: 2]).0, .p3)
        XCTAssertEqual(policy.exposureSeverity(distinctByCategory: [.protectiveMarking: 20]).0, .p3, "markings are not personal values")
        var strict = SeverityPolicy()
        strict.bulkThreshold = 2
        XCTAssertEqual(strict.exposureSeverity(distinctByCategory: [.email: 2]).0, .p2)
        XCTAssertTrue(strict.exposureSeverity(distinctByCategory: [.email: 2]).1.contains("threshold 2"), "the reason names the threshold")
    }

    func testResponseTimes() {
        XCTAssertEqual(Severity.allCases.map(\.responseTime), ["1 hour", "4 hours", "24 hours", "72 hours"])
        XCTAssertTrue(Severity.p1 > Severity.p2)
    }
}

final class DrafterTests: XCTestCase {
    let detected = ISO8601DateFormatter().date(from: "2026-11-23T12:00:00Z")!
    var drafter: IncidentDrafter {
        IncidentDrafter(policy: SeverityPolicy(), source: .init(kind: "repository", name: "git@example.invalid:team/app.git", branch: "main"),
                        detectedAt: detected)
    }

    func testOneCLRecordPerDistinctCredentialAndOneDERecord() {
        let drafts = drafter.draft([
            finding(.apiKey, "k1", line: 3, commit: "c1", date: "2026-11-20T12:00:00Z"),
            finding(.apiKey, "k1", path: "copy.env", commit: "c2", date: "2026-11-21T12:00:00Z"),
            finding(.apiKey, "k2", commit: "c2", date: "2026-11-21T12:00:00Z"),
            finding(.email, "e1"), finding(.email, "e1"), finding(.email, "e2"), finding(.phone, "p1"),
        ])
        XCTAssertEqual(drafts.map(\.category), ["CL", "CL", "DE"])
        let cl = drafts[0]
        XCTAssertEqual(cl.key, "CL:k1")
        XCTAssertEqual(cl.severity, .p1)
        XCTAssertEqual(cl.status, "Draft")
        XCTAssertEqual(cl.occurredAt, "2026-11-20T12:00:00Z", "the earliest commit is when it happened")
        XCTAssertEqual(cl.hoursToDetect, 72)
        XCTAssertEqual(cl.provider, "AWS IAM")
        XCTAssertEqual(cl.locations.map(\.path), ["app.env", "copy.env"])
        XCTAssertTrue(cl.containment[0].action.contains("Rotate") && cl.containment[0].within == "30 minutes")
        XCTAssertTrue(cl.containment.contains { $0.action.contains("git filter-repo --invert-paths --path 'copy.env'") })
        XCTAssertTrue(cl.initialNotification.contains("P1 credential leak"))
        let de = drafts[2]
        XCTAssertEqual(de.data.distinctValues, ["email": 2, "phone": 1])
        XCTAssertEqual(de.data.occurrences, ["email": 3, "phone": 1])
        XCTAssertEqual(de.data.dataSubjectsEstimate, 2)
        XCTAssertEqual(de.severity, .p3)
        XCTAssertTrue(de.icoNotification?.contains("2026-11-26T12:00:00Z") ?? false, "72 hours after detection")
        XCTAssertNil(de.occurredAt)
    }

    func testRecordsHoldNoRawValue() throws {
        let drafts = drafter.draft([finding(.apiKey, "k1", commit: "c1", date: "2026-11-20T12:00:00Z"), finding(.email, "e1")])
        let json = String(decoding: try JSONEncoder().encode(drafts), as: UTF8.self)
        let markdown = drafts.map(IncidentMarkdown.render).joined()
        XCTAssertFalse(json.contains("RAW-VALUE"))
        XCTAssertFalse(markdown.contains("RAW-VALUE"))
    }

    func testFiguresAcrossRecords() {
        var a = drafter.draft([finding(.apiKey, "k1", commit: "c", date: "2026-11-21T12:00:00Z")])[0]
        a.id = "AIENG-2026-0001"
        var b = drafter.draft([finding(.apiKey, "k1", commit: "c", date: "2026-11-22T12:00:00Z")])[0]
        b.id = "AIENG-2026-0002"
        var c = drafter.draft([finding(.email, "e1")])[0]
        c.id = "AIENG-2026-0003"
        let figures = RecordFigures([a, b, c])
        XCTAssertEqual(figures.bySeverity, ["P1": 2, "P3": 1])
        XCTAssertEqual(figures.byCategory, ["CL": 2, "DE": 1])
        XCTAssertEqual(figures.meanHoursToDetect, 36)
        XCTAssertEqual(figures.repeatFingerprints, ["k1": ["AIENG-2026-0001", "AIENG-2026-0002"]])
    }
}

/// A provider rule's own provider name and revocation page reach the CL record's steps.
final class ProviderStepsTests: XCTestCase {
    func testRevocationStepNamesTheRulesProviderAndPage() {
        var rule = Rule(id: "secret.govuk-notify.api-key", name: "GOV.UK Notify API key", category: .apiKey, dataClass: .secret, pattern: "x")
        rule.provider = "GOV.UK Notify"
        rule.revoke = "https://www.notifications.service.gov.uk/ (API integration, revoke the key)"
        let drafter = IncidentDrafter(policy: SeverityPolicy(), source: .init(kind: "repository", name: "team/app", branch: "main"),
                                      detectedAt: Date(timeIntervalSince1970: 0), rules: [RuleInfo(rule)])
        let record = drafter.draft([finding(.apiKey, "fp1", rule: rule.id)])[0]
        let actions = record.containment.map(\.action)
        XCTAssertTrue(actions.contains { $0.hasPrefix("Revoke (disable) the leaked credential at GOV.UK Notify: https://www.notifications.service.gov.uk/") }, "\(actions)")
        XCTAssertTrue(actions.contains { $0.contains("Rotate the credential at GOV.UK Notify") })
        // Without the rule's fields the provider comes from the rule id, as before.
        let plain = IncidentDrafter(policy: SeverityPolicy(), source: .init(kind: "repository", name: "team/app", branch: "main"),
                                    detectedAt: Date(timeIntervalSince1970: 0)).draft([finding(.apiKey, "fp1")])[0]
        XCTAssertTrue(plain.containment.map(\.action).contains("Revoke (disable) the leaked credential at AWS IAM"))
    }
}

final class RegisterPageTests: XCTestCase {
    func testDurationsAreDaysAndHours() {
        XCTAssertEqual(IncidentMarkdown.duration(16029.2), "667 days 21 hours")
        XCTAssertEqual(IncidentMarkdown.duration(5), "5 hours")
        XCTAssertEqual(IncidentMarkdown.duration(25), "1 day 1 hour")
    }

    func testMachineBlocksAreReplacedAndEverythingElseKept() throws {
        let drafter = IncidentDrafter(policy: SeverityPolicy(), source: .init(kind: "repository", name: "app"),
                                      detectedAt: ISO8601DateFormatter().date(from: "2026-11-23T12:00:00Z")!)
        var record = try XCTUnwrap(drafter.draft([finding(.apiKey, "k1", commit: "c1", date: "2026-11-20T12:00:00Z")]).first)
        record.id = "AIENG-2026-0001"
        let page = IncidentMarkdown.render(record)
        let edited = page.replacingOccurrences(of: "- Status: Draft", with: "- Status: Closed")
            .replacingOccurrences(of: "- [ ] Revoke", with: "- [x] Revoke") + "\nA note.\n"
        var fresh = record
        fresh.title = "A new title"
        let merged = try XCTUnwrap(RecordMarkdownMerge.merge(existing: edited, fresh: fresh))
        XCTAssertTrue(merged.contains("A new title"))
        XCTAssertTrue(merged.contains("- Status: Closed") && merged.contains("- [x] Revoke") && merged.hasSuffix("\nA note.\n"))
        RecordMarkdownMerge.apply(merged, to: &fresh)
        XCTAssertEqual(fresh.status, "Closed")
        XCTAssertEqual(fresh.containment.filter(\.done).count, 1)
        XCTAssertNil(RecordMarkdownMerge.merge(existing: "# an old page without markers\n", fresh: fresh))
    }

    func testKeyIDAndSecretOnNearbyLinesAreOneCredential() {
        let drafter = IncidentDrafter(policy: SeverityPolicy(), source: .init(kind: "repository", name: "app"), detectedAt: Date())
        let drafts = drafter.draft([
            finding(.apiKey, "id1", line: 3, commit: "c1", rule: "secret.aws.access-key-id"),
            finding(.apiKey, "sk1", line: 4, commit: "c1", rule: "secret.aws.secret-access-key"),
            finding(.apiKey, "sk2", path: "other.env", line: 40, commit: "c1", rule: "secret.aws.secret-access-key"),
        ])
        XCTAssertEqual(drafts.count, 2)
        XCTAssertEqual(drafts[0].data.fingerprints.sorted(), ["id1", "sk1"])
        XCTAssertTrue(drafts[0].severityReason.contains("format matched; not verified with the provider"))
    }
}
