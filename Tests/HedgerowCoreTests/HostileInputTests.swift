import Foundation
@testable import HedgerowCore
import HedgerowInputs
import HedgerowRules
import XCTest

/// Inputs written to hurt: each case here once crashed, hung or slipped past hedgerow
/// (issue 23). The values are fake and made for these tests.
final class HostileInputTests: XCTestCase {
    /// An unterminated private-key header, repeated: each header once started a search that
    /// ran over every header after it, about a second per kilobyte, then gave up at the match
    /// limit with the rest unscanned.
    static func unterminatedHeaders(bytes: Int) -> String {
        var text = ""
        while text.utf8.count < bytes { text += "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n" }
        return text
    }

    static let terminatedKey = "-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA1c7+9z5Pad7OejecsQ0bu3aumwSIUgM0dZ5ZHfyXqQhL0EXq\n-----END RSA PRIVATE KEY-----\n"

    func testUnterminatedPrivateKeyHeadersScanInLinearTimeWithoutALimitHit() throws {
        let text = Self.unterminatedHeaders(bytes: 300 * 1024) + Self.terminatedKey
        let started = Date()
        let (findings, report) = try TestRules.scanner().scan(bytes: Array(text.utf8))
        let seconds = Date().timeIntervalSince(started)
        XCTAssertEqual(report.limitHits, [:], "no rule may give up on this input")
        XCTAssertEqual(findings.filter { $0.ruleID == "secret.private-key" }.count, 1, "the real key after the headers is still found")
        XCTAssertLessThan(seconds, 5, "300 KB of unterminated headers took \(seconds) s")
    }

    func testManyHeadersBeforeOneEndMarkerStayLinear() throws {
        // Each 16 KB of headers closed by an END of another kind: every header has an END
        // in reach, so the literal check passes them all to the pattern.
        var text = ""
        for _ in 0..<20 { text += Self.unterminatedHeaders(bytes: 15 * 1024) + "-----END EC PRIVATE KEY-----\n" }
        let started = Date()
        let (findings, report) = try TestRules.scanner().scan(bytes: Array(text.utf8))
        let seconds = Date().timeIntervalSince(started)
        XCTAssertEqual(report.limitHits, [:])
        XCTAssertTrue(findings.filter { $0.ruleID == "secret.private-key" }.isEmpty)
        XCTAssertLessThan(seconds, 10, "took \(seconds) s")
    }

    func testPrivateKeyFoundTheSameAcrossChunkSizes() throws {
        let text = "x\n" + Self.unterminatedHeaders(bytes: 2048) + Self.terminatedKey + "tail\n"
        let whole = try TestRules.scanner().scan(bytes: Array(text.utf8)).findings.filter { $0.ruleID == "secret.private-key" }
        XCTAssertEqual(whole.count, 1)
        for chunk in [7, 512, 4096] {
            let parts = try TestRules.scanner(chunkSize: chunk).scan(bytes: Array(text.utf8)).findings.filter { $0.ruleID == "secret.private-key" }
            XCTAssertEqual(parts.map(\.start), whole.map(\.start), "chunk size \(chunk)")
        }
    }

    // MARK: 6. Deep YAML nesting

    func testDeeplyNestedYAMLIsALocatedErrorNotACrash() {
        let deep = [
            "rules: " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000),
            "rules: " + String(repeating: "{a: ", count: 3_000) + "x" + String(repeating: "}", count: 3_000),
            "rules:\n" + String(repeating: "- ", count: 3_000) + "x\n",
        ]
        for text in deep {
            XCTAssertThrowsError(try RuleLoader.load(yaml: text, file: "deep.yml")) { error in
                XCTAssertTrue("\(error)".contains("nested more than"), "\(error)")
            }
            XCTAssertThrowsError(try ProjectConfig.load(yaml: text.replacingOccurrences(of: "rules:", with: "allow:"), file: ".hedgerow.yml", knownRules: nil))
        }
    }

    /// The built-in rule files skip the nesting check at every start (it was a twentieth of
    /// start-up); this holds them to it instead, and a user's file still gets it.
    func testBuiltInRuleFilesPassTheNestingCheckUserFilesStillGetIt() throws {
        XCTAssertGreaterThan(BuiltinRuleFiles.all.count, 20)
        for file in BuiltinRuleFiles.all { XCTAssertNil(YAMLNesting.lineTooDeep(file.yaml), file.path) }
        let deep = "rules:\n" + String(repeating: "[", count: 5_000)
        XCTAssertThrowsError(try RuleLoader.load(yaml: deep, file: "deep.yml")) { error in
            XCTAssertTrue("\(error)".contains("nested more than"), "\(error)")
        }
    }

    /// A quote, closing bracket or bar inside a plain value is text: it must not open a
    /// quoted string (or a block scalar) that hides the deep nesting on later lines, nor
    /// let closing brackets outside any flow collection count nesting down.
    func testPlainValuesWithQuotesAndBracketsDoNotHideNesting() {
        let deep = String(repeating: "[", count: 200) + String(repeating: "]", count: 200)
        for opener in ["name: it\"s", "name: a]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]", "name: a|b"] {
            let text = "\(opener)\nrules: \(deep)\n"
            XCTAssertThrowsError(try RuleLoader.load(yaml: text, file: "deep.yml"), opener) { error in
                XCTAssertTrue("\(error)".contains("nested more than"), "\(opener): \(error)")
            }
        }
    }

    func testOrdinaryNestingStillLoads() throws {
        // Brackets inside quoted patterns and block scalars are text, not nesting.
        let text = """
        rules:
          - id: test.brackets
            name: Brackets
            description: "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["
            category: password
            class: secret
            pattern: '[[][[][[][[][[][[][[][[][[][[][[][[][[][[][[][[][[][[][[][[][[][[][[][[][[][[][[][[][[][[][[][[]x(?<value>\\d{6})'
            keywords: ['x']
            examples: ['[x123456']
            negative_examples: |
              [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[
        """
        do { _ = try RuleLoader.load(yaml: text, file: "ok.yml") } catch {
            XCTAssertFalse("\(error)".contains("nested more than"), "\(error)")
        }
    }

    // MARK: 21. Old Mac line endings and byte-order marks

    func testByteOrderMarkIsNoColumnOfLineOne() throws {
        let text = "\u{FEFF}contact rhys.green@gmail.com\nnext rhys.green@gmail.com\n"
        for chunk in [1 << 20, 5] {
            let emails = try TestRules.scanner(chunkSize: chunk).scan(bytes: Array(text.utf8)).findings.filter { $0.category == .email }
            XCTAssertEqual(emails.map(\.start.line), [1, 2])
            XCTAssertEqual(emails.map(\.start.column), [9, 6], "chunk size \(chunk): the mark is not a character")
            XCTAssertEqual(emails.first?.start.offset, 11, "offsets still count the mark's bytes")
        }
    }

    func testCarriageReturnLinesAreLinesInACommittedBlob() {
        let text = "first line\rcontact rhys.green@gmail.com\r" + Self.terminatedKey.replacingOccurrences(of: "\n", with: "\r")
        let result = InputScanner().scanBytes(Array(text.utf8), displayPath: "old-mac.txt", with: TestRules.scanner())
        let email = result.findings.first { $0.category == .email }
        XCTAssertEqual(email?.start.line, 2, "a CR alone ends a line")
        XCTAssertEqual(email?.start.column, 9)
        let key = result.findings.first { $0.ruleID == "secret.private-key" }
        XCTAssertEqual(key?.start.line, 3, "the private key is found: \(result.findings.map(\.ruleID))")
    }

    // MARK: Found by fuzzing (make fuzz)

    /// A baseline saved with old Mac line endings was one comment line: an empty baseline
    /// that suppressed nothing, silently (Fuzz/corpus/fuzz-config/regression-cr-baseline).
    func testBaselineWithCarriageReturnLinesIsRead() throws {
        let text = [Baseline.header, "hr1:0123456789abcdef0123456789abcdef\tpd.email\ta.txt",
                    "hr1:fedcba9876543210fedcba9876543210\tpd.phone.uk\tb.txt"].joined(separator: "\r") + "\r"
        let baseline = try Baseline.parse(text, file: "baseline.tsv")
        XCTAssertEqual(baseline.entries.map(\.rule).sorted(), ["pd.email", "pd.phone.uk"])
        XCTAssertEqual(try Baseline.parse(baseline.render(), file: "baseline.tsv"), baseline)
    }

    /// A hunk header whose start line has more digits than an Int holds trapped on overflow
    /// (Fuzz/corpus/fuzz-diff/regression-huge-hunk-start).
    func testHunkHeaderWithAHugeStartLineDoesNotCrash() throws {
        let text = "diff --git a/a.txt b/a.txt\n--- a/a.txt\n+++ b/a.txt\n@@ -1 +" + String(repeating: "9", count: 40) + ",2 @@\n+line\n"
        var fragments: [AddedFragment] = []
        var parser = DiffParser { fragments.append($0) }
        try Array(text.utf8).withUnsafeBytes { try parser.feed($0) }
        try parser.finish()
        XCTAssertEqual(fragments.count, 1)
        XCTAssertEqual(fragments.first?.path, "a.txt")
    }
}
