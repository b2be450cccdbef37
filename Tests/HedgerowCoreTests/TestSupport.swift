import Foundation
import XCTest
import HedgerowCore
import HedgerowRules

/// The built-in rules compiled once for all tests, exactly as the binary loads them.
enum TestRules {
    static let rules: [Rule] = try! RuleFiles.load(BuiltinRuleFiles.all)
    static let ruleSet: RuleSet = try! RuleSet(rules)
    static let fingerprinter = Fingerprinter(key: Array("test-key".utf8))

    static func scanner(chunkSize: Int = 1 << 20, ruleSet: RuleSet = ruleSet) -> HedgerowCore.ScanEngine {
        ScanEngine(ruleSet: ruleSet, fingerprinter: fingerprinter, chunkSize: chunkSize)
    }

    static func findings(_ text: String, chunkSize: Int = 1 << 20) -> [Finding] {
        try! scanner(chunkSize: chunkSize).scan(bytes: Array(text.utf8)).findings
    }
}

extension Candidate {
    static func of(_ value: String, before: String = "", after: String = "") -> Candidate {
        Candidate(value: value, before: before, after: after)
    }
}

/// splitmix64: a small generator whose whole output follows from its seed.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension XCTestCase {
    /// A generator for a randomised test. The seed is fresh on each run (so runs explore
    /// different inputs) unless HEDGEROW_TEST_SEED is set, and a failing test prints it,
    /// so any failure can be replayed exactly.
    func seededGenerator() -> SeededGenerator {
        let seed = ProcessInfo.processInfo.environment["HEDGEROW_TEST_SEED"].flatMap { UInt64($0) } ?? UInt64.random(in: 0...UInt64.max)
        let name = self.name
        addTeardownBlock { [weak self] in
            if let run = self?.testRun, run.failureCount > 0 {
                print("\(name): random seed \(seed); replay with HEDGEROW_TEST_SEED=\(seed) swift test --filter '\(name)'")
            }
        }
        return SeededGenerator(seed: seed)
    }
}
