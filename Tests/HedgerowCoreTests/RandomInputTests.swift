import Foundation
import HedgerowCore
import HedgerowInputs
import XCTest

/// Seeded random inputs for the parsers that read what others wrote: the diff parser,
/// the rule and configuration loaders, the baseline reader and the scanner. Each run
/// mutates valid seeds (inserting YAML and diff punctuation, deleting, repeating and
/// cutting ranges) and checks that nothing crashes or hangs and that chunked scanning
/// agrees with whole scanning. Quick enough for every `swift test`; the seed is printed
/// on failure, and `HEDGEROW_RANDOM_SEED=<n>` replays it (`HEDGEROW_RANDOM_ROUNDS` runs longer).
final class RandomInputTests: XCTestCase {
    /// The suite's seeded generator (TestSupport), under the name this file uses.
    typealias Generator = SeededGenerator

    let seed: UInt64 = ProcessInfo.processInfo.environment["HEDGEROW_RANDOM_SEED"].flatMap { UInt64($0) }
        ?? UInt64(Date().timeIntervalSince1970 * 1000)
    let rounds = ProcessInfo.processInfo.environment["HEDGEROW_RANDOM_ROUNDS"].flatMap { Int($0) } ?? 150

    /// Printed before each test (corelibs XCTest has no hook on failures), so a failing
    /// run's log holds the seed that replays it; assertion messages carry it too.
    override func setUp() {
        super.setUp()
        print("RandomInputTests: seed \(seed) (replay with HEDGEROW_RANDOM_SEED=\(seed))")
    }

    static let punctuation = Array("[]{}:-,#|>&*!%@`'\"?\\\n\t\r \u{0}+@-".utf8)

    static func mutate(_ input: [UInt8], _ random: inout Generator) -> [UInt8] {
        var bytes = input
        for _ in 0..<Int.random(in: 1...8, using: &random) {
            let at = bytes.isEmpty ? 0 : Int.random(in: 0..<bytes.count, using: &random)
            switch Int.random(in: 0..<6, using: &random) {
            case 0: bytes.insert(punctuation.randomElement(using: &random)!, at: at)
            case 1: if !bytes.isEmpty { bytes.remove(at: at) }
            case 2:  // repeat a range
                let end = min(bytes.count, at + Int.random(in: 1...64, using: &random))
                let piece = Array(bytes[at..<end])
                for _ in 0..<Int.random(in: 1...20, using: &random) { bytes.insert(contentsOf: piece, at: at) }
            case 3: bytes = Array(bytes.prefix(at))
            case 4: bytes.insert(UInt8.random(in: 0...255, using: &random), at: at)
            default:  // swap in a piece from elsewhere
                let from = bytes.isEmpty ? 0 : Int.random(in: 0..<bytes.count, using: &random)
                let piece = Array(bytes[from..<min(bytes.count, from + 16)])
                bytes.insert(contentsOf: piece, at: min(at, bytes.count))
            }
        }
        return bytes
    }

    let diffSeed = Array("""
    \u{1}hedgerow-commit 0123456789abcdef0123456789abcdef01234567\u{1F}Test Author <author@example.invalid>\u{1F}2024-01-02T03:04:05+00:00

    diff --git a/config.env b/config.env
    new file mode 100644
    index 0000000..1111111
    --- /dev/null
    +++ b/config.env
    @@ -0,0 +1,2 @@
    +contact rhys.green@gmail.com
    +region=eu-west-2
    diff --git a/b.txt b/b.txt
    index 1111111..2222222 100644
    --- a/b.txt
    +++ b/b.txt
    @@ -3 +3,2 @@ header
    -old
    +new line
    +another
    Binary files a/x.png and b/x.png differ

    """.utf8)

    let ruleSeed = Array("""
    rules:
      - id: test.random
        name: Random rule
        description: made for the random-input test
        category: password
        class: secret
        pattern: 'ref[ :](?<value>\\d{6})'
        keywords: ['ref']
        examples: ['ref 123456']
        negative_examples: ['ref abc']
    """.utf8)

    let configSeed = Array("""
    version: 1
    exclude:
      - /Fixtures/
      - "*.lock"
    allow:
      - fingerprint: hr1:abcdef
        rule: pd.email
    min_confidence: medium
    """.utf8)

    func testDiffParserSurvivesRandomInput() {
        var random = Generator(seed: seed)
        for _ in 0..<rounds {
            let input = Self.mutate(diffSeed, &random)
            var parser = DiffParser { _ in }
            // Fed in random pieces, as a pipe delivers it.
            var i = 0
            do {
                while i < input.count {
                    let n = Int.random(in: 1...max(1, input.count - i), using: &random)
                    try input[i..<(i + n)].withUnsafeBytes { try parser.feed($0) }
                    i += n
                }
                try parser.finish()
            } catch {}  // errors are fine; crashes and hangs are not
        }
    }

    func testRuleAndConfigLoadersSurviveRandomInput() {
        var random = Generator(seed: seed ^ 0x5555)
        for _ in 0..<rounds {
            let rules = String(decoding: Self.mutate(ruleSeed, &random), as: UTF8.self)
            if let loaded = try? RuleLoader.load(yaml: rules, file: "random.yml") {
                _ = try? RuleSet(loaded)
            }
            let config = String(decoding: Self.mutate(configSeed, &random), as: UTF8.self)
            _ = try? ProjectConfig.load(yaml: config, file: ".hedgerow.yml", knownRules: nil)
            _ = try? Baseline.parse(config, file: "baseline.tsv")
        }
    }

    func testScannerAgreesWithItselfAcrossChunkSizesOnRandomInput() throws {
        var random = Generator(seed: seed ^ 0xAAAA)
        let text = Array("""
        name,email,phone
        Rhys Green,rhys.green@gmail.com,07700 900123
        -----BEGIN RSA PRIVATE KEY-----
        MIIEpAIBAAKCAQEA1c7+9z5Pad7OejecsQ0bu3aumwSIUgM0dZ5ZHfyXqQhL0EXq
        -----END RSA PRIVATE KEY-----
        server 192.0.2.10 postcode SW1A 1AA
        """.utf8)
        for _ in 0..<max(1, rounds / 5) {
            let input = Self.mutate(text, &random)
            let whole = try TestRules.scanner().scan(bytes: input)
            XCTAssertEqual(whole.report.limitHits, [:], "seed \(seed)")
            let chunk = Int.random(in: 1...300, using: &random)
            let parts = try TestRules.scanner(chunkSize: chunk).scan(bytes: input)
            XCTAssertEqual(parts.findings.map { "\($0.ruleID)@\($0.start.offset)" }, whole.findings.map { "\($0.ruleID)@\($0.start.offset)" },
                           "chunk size \(chunk), seed \(seed)")
        }
    }
}
