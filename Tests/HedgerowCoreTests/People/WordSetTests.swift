import XCTest
@testable import HedgerowCore

final class WordSetTests: XCTestCase {
    func testMembershipFoldsASCIICase() {
        let set = WordSet(lines: "okafor\nsiobhán\r\no'brien\n\n")
        XCTAssertEqual(set.count, 3)
        for word in ["okafor", "Okafor", "OKAFOR", "siobhán", "O'Brien"] { XCTAssertTrue(set.contains(word), word) }
        for word in ["okafo", "okaforr", "siobhan", "", "obrien"] { XCTAssertFalse(set.contains(word), word) }
        var bytes = Array("xxOkaforyy".utf8)
        bytes.withUnsafeMutableBufferPointer { p in
            XCTAssertTrue(set.contains(p.baseAddress! + 2, count: 6))
            XCTAssertFalse(set.contains(p.baseAddress! + 2, count: 7))
        }
    }

    func testTagsOfSeveralLists() {
        let set = WordSet(lists: [("grace\npriya\nbaker", 1), ("baker\nokafor", 2), ("grace\nbaker\ntable", 4)],
                          filterKeeps: { $0 & 3 != 0 && $0 & 4 == 0 })
        XCTAssertEqual(set.count, 5)
        XCTAssertEqual(set.tag("grace"), 5)
        XCTAssertEqual(set.tag("Baker"), 7)
        XCTAssertEqual(set.tag("okafor"), 2)
        XCTAssertEqual(set.tag("smith"), 0)
        for (word, expected) in [("Priya", true), ("Okafor", true), ("Grace", false), ("Baker", false), ("Table", false), ("Smith", false)] {
            var bytes = Array(word.utf8)
            bytes.withUnsafeMutableBufferPointer { XCTAssertEqual(set.matches($0.baseAddress!, count: $0.count), expected, word) }
        }
    }

    /// Many random words, none lost and none invented (a probe chain broken by a bad
    /// table size would lose some).
    func testRandomWordsRoundTrip() {
        let seed = UInt64.random(in: 0...UInt64.max)
        var g = SeededGenerator(seed: seed)
        let letters = Array("abcdefghijklmnopqrstuvwxyz'")
        let words = Set((0..<20_000).map { _ in String((0..<Int.random(in: 2...12, using: &g)).map { _ in letters.randomElement(using: &g)! }) })
        let set = WordSet(words: words)
        XCTAssertEqual(set.count, words.count, "seed \(seed)")
        for w in words { XCTAssertTrue(set.contains(w), "\(w), seed \(seed)") }
        var absent = 0
        for _ in 0..<5_000 {
            let w = String((0..<14).map { _ in letters.randomElement(using: &g)! })
            if !words.contains(w) && set.contains(w) { absent += 1 }
        }
        XCTAssertEqual(absent, 0, "seed \(seed)")
    }

    func testTheEmbeddedListsAreLoaded() {
        XCTAssertGreaterThan(Lexicon.names.count, 100_000)
        XCTAssertTrue(Lexicon.isGivenName("margaret"))
        XCTAssertTrue(Lexicon.isSurname("okafor"))
        XCTAssertTrue(Lexicon.isCommonWord("will"))
        XCTAssertFalse(Lexicon.isNameWord("will"), "a common word is no name word")
        XCTAssertTrue(Lexicon.isNameWord("priya"))
        XCTAssertTrue(Lexicon.streetTypes.contains("lane"))
        XCTAssertFalse(Lexicon.healthTerms.isEmpty)
        XCTAssertTrue(Lexicon.healthTerms.allSatisfy { $0.count > 2 }, "two-letter terms read as words (ms, tb)")
    }
}
