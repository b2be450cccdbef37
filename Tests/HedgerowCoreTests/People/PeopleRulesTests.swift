import XCTest
import PCRE2
@testable import HedgerowCore

/// The name, address and health rules through the scanner, as a transcript or ticket
/// reaches them: what they report, where, and what they leave alone.
final class PeopleRulesTests: XCTestCase {
    func found(_ text: String) -> [(String, String, Confidence)] {
        TestRules.findings(text).map { f in
            let bytes = Array(text.utf8)[f.start.offset..<f.end.offset]
            return (f.category.rawValue, String(decoding: bytes, as: UTF8.self), f.confidence)
        }
    }

    func testATranscriptNamesItsSpeakerAndWhatTheySay() {
        let text = """
        WEBVTT

        00:00:08.059 --> 00:00:12.259
        <v Alan Whitfield>Hi, thanks for joining.</v>

        00:00:12.259 --> 00:00:14.192
        <v Participant 3>I live at 14 Mill Lane in Hebden Bridge and my son has epilepsy.</v>
        """
        let results = found(text)
        XCTAssertTrue(results.contains { $0.0 == "name" && $0.1 == "Alan Whitfield" && $0.2 == .high }, "\(results)")
        XCTAssertTrue(results.contains { $0.0 == "address" && $0.1 == "14 Mill Lane" }, "\(results)")
        XCTAssertEqual(found("Send it to 5 Chapel Square, London, same as the letter.").filter { $0.0 == "address" }.map(\.1),
                       ["5 Chapel Square, London"], "the town after the street is part of the address")
        XCTAssertTrue(results.contains { $0.0 == "health" && $0.1 == "epilepsy" }, "\(results)")
        XCTAssertFalse(results.contains { $0.1.contains("Participant") })
    }

    /// A town written with its joining words is one town: cut at the first of them, the
    /// copy kept "-on-Sea" beside the placeholder.
    func testTownsWithJoiningWordsStayWhole() {
        for (text, address) in [("I live at 101 Rectory Crescent, Southend-on-Sea.", "101 Rectory Crescent, Southend-on-Sea"),
                                ("Just 7 Mill Lane, Stratford-upon-Avon, same as the letter.", "7 Mill Lane, Stratford-upon-Avon"),
                                ("3 Church Lane, Chapel-en-le-Frith", "3 Church Lane, Chapel-en-le-Frith"),
                                ("12 Bridge Street, Newcastle upon Tyne", "12 Bridge Street, Newcastle upon Tyne"),
                                ("Send it to 5 Chapel Square, London on Monday.", "5 Chapel Square, London")] {
            XCTAssertEqual(found(text).filter { $0.0 == "address" }.map(\.1), [address], text)
        }
    }

    /// A name whose first word the gazetteer lacks is found whole when an email on the
    /// line spells it; before, only the surname was replaced and the first name stayed.
    func testANameSpelledByTheEmailBesideIt() {
        let row = "Folake Ahmed,Foxglove Pharmacy,vegan,folakeahmed24@yahoo.co.uk,yes"
        XCTAssertEqual(found(row).filter { $0.0 == "name" }.map(\.1), ["Folake Ahmed"])
        XCTAssertTrue(found("Folake Ahmed,vegan,someone.else@yahoo.co.uk").filter { $0.1.contains("Folake") }.isEmpty)
        XCTAssertTrue(found("Foxglove Pharmacy, orders@foxglovepharmacy.co.uk").filter { $0.0 == "name" }.isEmpty)
    }

    /// Code that builds a person from two literals: the surname, too weak alone, is found
    /// because a given name's literal stands before it; lists of first names are not people.
    func testASurnameLiteralAfterAGivenName() {
        XCTAssertEqual(found(#"person = Person("Luke", "Watts", "The Granary, Clark View")"#).filter { $0.0 == "name" && $0.2 != .low }.map(\.1),
                       ["Watts"])
        XCTAssertEqual(found(#"new Person("Gregory", "Watkins", "338 Clarence Drive");"#).filter { $0.0 == "name" && $0.1 == "Watkins" }.count, 1)
        for text in [#"G.add_edge("Dan", "Albert", weight=1)"#, "for method in ['Powell', 'Nelder-Mead']:", "x = ['Ci', 'Shi', 'Chi']"] {
            XCTAssertTrue(found(text).filter { $0.0 == "name" && $0.2 != .low }.isEmpty, text)
        }
    }

    /// An initial and a surname that is also an everyday word: found, at low confidence
    /// (what a redacted copy takes out and a scan report leaves out).
    func testAnInitialAndAnEverydaySurname() {
        let cite = found("<cite>J. Miles, Wolverhampton</cite>").filter { $0.0 == "name" }
        XCTAssertEqual(cite.map(\.1), ["J. Miles"])
        XCTAssertEqual(cite.map(\.2), [.low])
        XCTAssertEqual(found("<cite>J. Fitzgerald, Wolverhampton</cite>").filter { $0.0 == "name" }.map(\.2), [.medium])
        // A journal's or a method's initial is not a person's: low, so no scan report shows them.
        for text in ["Tests\", J. Royal Stat. Soc. Series B, Vol. 46", "Nash, S G. Newton-Type Minimization Via the Lanczos Method.",
                     "Use plan B. Will it work?"] {
            XCTAssertTrue(found(text).filter { $0.0 == "name" && $0.2 != .low }.isEmpty, text)
        }
    }

    func testFieldsAndTitles() {
        XCTAssertEqual(found(#"{"first_name": "Nathan", "last_name": "Okafor"}"#).map(\.1), ["Nathan", "Okafor"])
        XCTAssertEqual(found("Mr Gough from the council came round.").map(\.1), ["Gough"])
        XCTAssertEqual(found("Kind regards,\nRhys Nolan\n").map(\.1), ["Rhys Nolan"])
    }

    func testCodeAndEverydayWordsAreLeftAlone() {
        for text in ["row = rows[3]; view.close()", "class JohnsonMatrixSolver:", "name = \"requests\"",
                     "turn onto the High Street", "Diabetes clinic opening hours", "duration_ms=714 status=201",
                     "def first_name(self): return self._first_name", "Dear Customer,"] {
            XCTAssertTrue(found(text).filter { ["name", "address", "health"].contains($0.0) }.isEmpty, text)
        }
    }

    /// Street types and salutations count only capitalised at a word start: in code the
    /// same letters are everywhere in lower case.
    func testCapitalisedKeywordsIgnoreLowerCase() {
        XCTAssertEqual(found("deliver to 14 Mill Lane today").map(\.0), ["address"])
        XCTAssertTrue(found("deliver to 14 mill lane today").isEmpty)
    }

    /// A term list in a rule: `{lexicon:NAME}` expands to the list in the pattern (as a
    /// trie that matches every term whole) and in the keywords.
    func testLexiconPlaceholders() throws {
        let source = RuleLoader.expandingLexicon(in: "^(?i:{lexicon:health-terms})$")
        XCTAssertFalse(source.contains("{lexicon:"))
        let pattern = try PCRE2.Pattern(source)
        let matcher = PCRE2.Matcher()
        for term in Lexicon.healthTerms {
            let bytes = Array(term.replacingOccurrences(of: " ", with: "  ").uppercased().utf8)
            XCTAssertFalse(try matcher.allMatches(of: pattern, in: bytes).isEmpty, term)
        }
        for text in ["diabete", "type 3 diabetes", "epilepsy x", ""] {
            XCTAssertTrue(try matcher.allMatches(of: pattern, in: Array(text.utf8)).isEmpty, text)
        }
        let keywords = RuleLoader.lexiconList("{lexicon:health-terms}")!
        XCTAssertTrue(keywords.contains("diabetes"))
        XCTAssertFalse(keywords.contains("self"), "a word code is full of is never a keyword")
    }
}
