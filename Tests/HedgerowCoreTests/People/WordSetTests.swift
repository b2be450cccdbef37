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

    /// Tags are the union of the lists holding each word, whatever order the table was
    /// filled in (it is filled in the order of home slots, not of the lists); seeded.
    func testTagsAreTheUnionOfTheListsHoldingEachWord() {
        var rng = SeededGenerator(seed: 31)
        func word() -> String {
            let letters = Array("abcdefghijklmnopqrstuvwxyz")
            return String((0..<(3 + Int(rng.next() % 9))).map { _ in letters[Int(rng.next() % 26)] })
        }
        var expected: [String: UInt8] = [:]
        var lists: [(text: String, tag: UInt8)] = []
        for tag: UInt8 in [1, 2, 4] {
            var lines: [String] = []
            for _ in 0..<6_000 {
                // A third of the words come again from the lists before (a name that is also a surname).
                let w = rng.next() % 3 == 0 && !expected.isEmpty ? expected.keys.randomElement(using: &rng)! : word()
                lines.append(rng.next() % 7 == 0 ? w.uppercased() + "\r" : w)
                expected[w, default: 0] |= tag
                if rng.next() % 50 == 0 { lines.append("") }
            }
            lists.append((lines.joined(separator: "\n"), tag))
        }
        let set = WordSet(lists: lists, filterKeeps: { $0 & 3 != 0 && $0 & 4 == 0 })
        XCTAssertEqual(set.count, expected.count)
        for (w, tag) in expected {
            XCTAssertEqual(set.tag(w), tag, w)
            XCTAssertEqual(set.tag(w.prefix(1).uppercased() + w.dropFirst()), tag, "case is folded: \(w)")
            var bytes = Array(w.utf8)
            XCTAssertEqual(set.matches(&bytes, count: bytes.count), tag & 3 != 0 && tag & 4 == 0, w)
        }
        var absent = 0
        for _ in 0..<6_000 {
            let w = word() + "q" + word()
            if expected[w] == nil { absent += 1; XCTAssertEqual(set.tag(w), 0, w) }
        }
        XCTAssertGreaterThan(absent, 5_900)
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
