import XCTest
@testable import HedgerowCore

/// Values said aloud in transcripts: the decoder reads each spoken form, the scanner puts
/// the finding on the spoken words, and prose that merely says "at", "dot" or numbers is
/// left alone. Every name and number here is invented.
final class SpokenFormsTests: XCTestCase {
    private func decoded(_ text: String) -> String? { SpokenForms.decode(text) }

    // MARK: - The decoder

    func testEmailsSaidAloud() {
        XCTAssertEqual(decoded("margaret dot okafor at gmail dot com"), "margaret.okafor@gmail.com")
        XCTAssertEqual(decoded("j underscore smith at outlook dot co dot uk"), "j_smith@outlook.co.uk")
        XCTAssertEqual(decoded("priya dash raman at kestrel hyphen homes dot co dot uk"), "priya-raman@kestrel-homes.co.uk")
        XCTAssertEqual(decoded("margaret okafor, all one word, at sign gmail dot com"), "margaretokafor@gmail.com")
        XCTAssertEqual(decoded("tomasz dot wilk four at btinternet.com"), "tomasz.wilk4@btinternet.com")
        XCTAssertEqual(decoded("dylanfarrow twenty-two at protonmail dot com"), "dylanfarrow22@protonmail.com")
        XCTAssertEqual(decoded("dylanfarrow double two at protonmail dot com"), "dylanfarrow22@protonmail.com")
        XCTAssertEqual(decoded("h dot o\u{2019}brien at harbour dot org"), "h.obrien@harbour.org")
        XCTAssertNil(decoded("margaret at at gmail dot com"), "two @ signs")
    }

    func testPhoneNumbersSaidAloud() {
        XCTAssertEqual(decoded("oh seven nine one one, three eight two, six oh four"), "07911382604")
        XCTAssertEqual(decoded("zero seven double two zero, six zero five, seven two six"), "07220605726")
        XCTAssertEqual(decoded("oh one one three, triple four, nine eight two"), "0113444982")
        XCTAssertEqual(decoded("oh one one three, treble four, nine eight two"), "0113444982")
        XCTAssertEqual(decoded("nought one two one, four nine six, erm, double oh seven seven"), "01214960077")
        XCTAssertEqual(decoded("plus four four seven three four nine, eight one seven, four one oh"), "+447349817410")
        XCTAssertEqual(decoded("plus four four, oh seven three four nine, eight one seven, four one oh"), "+447349817410")
        XCTAssertEqual(decoded("oh 7 9 1 1 3 8 2 6 0 4"), "07911382604")
        XCTAssertEqual(decoded("oh seven nine one one - three eight two - six oh four"), "07911382604")
    }

    func testANumberSaidInGroupsEndsWhereItsDigitsDo() {
        // "one" after the last group is the start of the next sentence.
        XCTAssertEqual(decoded("oh seven nine one one, three eight two, six oh four, one"), "07911382604")
    }

    func testCountingAloudIsNotANumber() {
        XCTAssertNil(decoded("zero one two three four five six seven eight nine"))
        XCTAssertNil(decoded("oh nine eight seven six five four three two one"))
    }

    func testPostcodesSpelledOut() {
        XCTAssertEqual(decoded("D E two three, five W Q"), "DE23 5WQ")
        XCTAssertEqual(decoded("A L ten, four U E"), "AL10 4UE")
        XCTAssertEqual(decoded("T R twenty-seven, four Q Z"), "TR27 4QZ")
        XCTAssertEqual(decoded("W one K, one Z Q"), "W1K 1ZQ")
        XCTAssertEqual(decoded("L for Lima, S as in Sierra, one, four D for Delta Y"), "LS1 4DY")
        XCTAssertEqual(decoded("Lima Sierra one, four Delta Yankee"), "LS1 4DY")
        XCTAssertEqual(decoded("S W one A, one double A"), "SW1A 1AA")
    }

    func testCapitalOIsALetterOnlyAmongLetters() {
        XCTAssertEqual(decoded("O L one three, four Z S"), "OL13 4ZS")
        XCTAssertEqual(decoded("O seven nine one one, three eight two, six O four"), "07911382604")
    }

    func testNationalInsuranceNumbersSpelledOut() {
        XCTAssertEqual(decoded("T C nine one oh four oh one C"), "TC910401C")
        XCTAssertEqual(decoded("H X, zero nine, twenty, eighty-seven, B"), "HX092087B")
        XCTAssertEqual(decoded("A Y four seven, one three, four oh, A for Alpha"), "AY471340A")
    }

    func testDatesSaidAloud() {
        XCTAssertEqual(decoded("the third of March nineteen eighty-four"), "3 March 1984")
        XCTAssertEqual(decoded("3rd March 84"), "3 March 1984")
        XCTAssertEqual(decoded("March the third, two thousand and eleven"), "3 March 2011")
        XCTAssertEqual(decoded("the twenty-first of June 1990"), "21 June 1990")
        XCTAssertEqual(decoded("twenty first of June nineteen ninety"), "21 June 1990")
        XCTAssertEqual(decoded("twentieth of June two thousand"), "20 June 2000")
        XCTAssertEqual(decoded("the first of May nineteen oh five"), "1 May 1905")
        XCTAssertEqual(decoded("the ninth of September twenty twenty-one"), "9 September 2021")
        XCTAssertEqual(decoded("the 3rd of March, 1984"), "3rd March 1984", "written, not said: passed on as written")
    }

    func testUnknownWordsAreNotGuessed() {
        XCTAssertNil(decoded("oh seven nine one one banana"))
        XCTAssertNil(decoded("D E two three, five W Q please"))
    }

    // MARK: - Through the scanner

    func testFindingsPointAtTheSpokenWords() throws {
        let text = """
        WEBVTT

        00:00:01.000 --> 00:00:04.000
        <v Adviser>Can I take a contact number?</v>

        00:00:04.000 --> 00:00:09.000
        <v Resident>Yes, it's oh seven nine one one, three eight two, six oh four.</v>
        """
        let f = TestRules.findings(text)
        XCTAssertEqual(f.map(\.ruleID), ["pd.phone.uk"])
        let phone = try XCTUnwrap(f.first)
        XCTAssertEqual(phone.decodedFrom, .spoken)
        XCTAssertEqual(phone.start.line, 7)
        let line = text.split(separator: "\n", omittingEmptySubsequences: false)[6]
        let spoken = try XCTUnwrap(line.range(of: "oh seven"))
        XCTAssertEqual(phone.start.column, line.distance(from: line.startIndex, to: spoken.lowerBound) + 1)
        XCTAssertEqual(phone.end.line, 7)
        XCTAssertEqual(phone.end.column - phone.start.column, "oh seven nine one one, three eight two, six oh four".count)
        XCTAssertEqual(phone.value, "07911382604")
        XCTAssertFalse(phone.masked.contains("07911382604"), "only a masked form leaves the scanner's findings")
        XCTAssertFalse(phone.masked.contains("three eight two"))
    }

    func testEachSpokenFormIsFoundByItsRule() {
        let cases: [(String, String, Category)] = [
            ("My email is kevin dot jarvis at england dot nhs dot uk, that's the one I check.", "pd.email", .email),
            ("The postcode's D E two three, five W Q.", "pd.uk-postcode", .postcode),
            ("My national insurance number is T C nine one oh four oh one C.", "pd.ni-number", .niNumber),
            ("I was born on the twenty-first of June nineteen ninety.", "pd.date-of-birth", .dateOfBirth),
            ("Date of birth, 3rd March 84.", "pd.date-of-birth", .dateOfBirth),
            ("It's plus four four seven three four nine, eight one seven, four one oh.", "pd.phone.uk", .phone),
        ]
        for (text, rule, category) in cases {
            let f = TestRules.findings(text)
            XCTAssertEqual(f.map(\.ruleID), [rule], text)
            XCTAssertEqual(f.first?.category, category, text)
            XCTAssertEqual(f.first?.decodedFrom, .spoken, text)
        }
    }

    func testTheQuestionInThePreviousCueIsTheContext() throws {
        let text = """
        00:06:46.910 --> 00:06:50.710
        <v Adviser>It's asking for your date of birth now.</v>

        00:06:50.710 --> 00:06:55.443
        <v Resident>It's the twenty-third of October nineteen sixty-nine.</v>
        """
        let f = TestRules.findings(text)
        XCTAssertEqual(f.map(\.ruleID), ["pd.date-of-birth"])
        XCTAssertEqual(f.first?.start.line, 5, "on the spoken date, not on the question")
        XCTAssertEqual(f.first?.value, "23 October 1969")
        let postcode = TestRules.findings("<v Adviser>And the postcode?</v>\n\n<v Resident>O L one three, four Z S, that's us.</v>")
        XCTAssertEqual(postcode.map(\.ruleID), ["pd.uk-postcode"])
        XCTAssertEqual(postcode.first?.start.line, 3)
    }

    func testValuesWorkWhenTwoCuesAreJoinedBySpace() {
        // What the utterance stage hands on: a speaker's consecutive cues joined by a space.
        let joined = [
            "So it's joan dot morris at gmail dot com, all lower case.",
            "My number's oh seven one two nine, five six eight, eight nine four.",
            "The postcode is D N twenty, zero S G.",
            "I was born on the seventh of September, nineteen forty-one.",
        ]
        for text in joined {
            XCTAssertEqual(TestRules.findings(text).filter { $0.decodedFrom == .spoken }.count, 1, text)
        }
    }

    func testTheDecodedDateCarriesOnlyItsContextWords() {
        // The transcript between the question and the answer holds an address; it must not
        // be reported on the date's span.
        let text = "date of birth? mail me at rhys.green@gmail.com later\nthe third of March nineteen eighty-four"
        let f = TestRules.findings(text)
        XCTAssertEqual(f.filter { $0.decodedFrom == .spoken }.map(\.ruleID), ["pd.date-of-birth"])
        XCTAssertEqual(f.filter { $0.ruleID == "pd.email" }.map(\.start.line), [1])
    }

    func testAWrittenDateKeepsTheValueTheDateRuleReports() {
        // The date rule reads this line itself; the spoken rule must not change its value.
        let f = TestRules.findings("Patient born on 21st April 1959, seen today.")
        XCTAssertEqual(f.map(\.ruleID), ["pd.date-of-birth"])
        XCTAssertEqual(f.first?.value, "21st April 1959")
        XCTAssertNil(f.first?.decodedFrom, "the same value read raw is the plainer report")
        // Asked on one line, answered on the next: only the spoken rule can read it.
        let answered = TestRules.findings("Interview notes\nAnd your date of birth, for the form?\nIt's 21st April 1959.")
        XCTAssertEqual(answered.map(\.category), [.dateOfBirth])
        XCTAssertEqual(answered.first?.start.line, 3)
        XCTAssertEqual(answered.first?.value, "21st April 1959")
    }

    func testSpelledSurnameIsAName() {
        let f = TestRules.findings("Yes, that's O-K-A-F-O-R.")
        XCTAssertEqual(f.map(\.ruleID), ["pd.name.spelled-out"])
        XCTAssertEqual(f.first?.category, .name)
        XCTAssertEqual(f.first?.start.column, 13)
        // "It's McKenzie" is an introduction as well: both are names.
        XCTAssertEqual(TestRules.findings("It's McKenzie, spelt M C K E N Z I E.").map(\.ruleID), ["pd.name.introduction", "pd.name.spelled-out"])
    }

    func testProseWithAtDotAndNumbersIsLeftAlone() {
        let prose = [
            "We looked at gov dot uk and it was down.",
            "Have a look at the dot product at line four.",
            "I'll be at home, the dot on the map is at the station.",
            "Let's meet at half past two, or at three at the latest.",
            "Testing, one two three, one two three, can you hear me?",
            "zero one two three four five six seven eight nine ten",
            "Oh, one more thing: oh seven people turned up, oh two left early.",
            "The someone who is done with none of it at one point said dot dot dot.",
            "born in a dotted line at one end",
            "She was born on the fourth of July twenty ninety.",
            "The meeting is on the third of March, nineteen eighty-four is a book.",
            "The postcode is B N six, five E M.",
            "address: the server said I O one, two Q Q",
            "That's A B testing for you.",
            "print(a.dot(b) at 0x10)",
        ]
        for text in prose {
            XCTAssertEqual(TestRules.findings(text).map(\.ruleID), [], text)
        }
    }

    func testSpokenFindingsAreStableAcrossChunkSizes() {
        let text = String(repeating: "filler line of the transcript\n", count: 40)
            + "<v Adviser>And the postcode?</v>\n\n<v Resident>D E two three, five W Q.</v>\n"
            + "<v Resident>I was born on the third of March nineteen eighty-four.</v>\n"
        let whole = TestRules.findings(text)
        XCTAssertEqual(whole.map(\.ruleID), ["pd.uk-postcode", "pd.date-of-birth"])
        for size in [1, 7, 64, 500] {
            let chunked = TestRules.findings(text, chunkSize: size)
            XCTAssertEqual(chunked.map(\.ruleID), whole.map(\.ruleID), "chunk size \(size)")
            XCTAssertEqual(chunked.map(\.start), whole.map(\.start), "chunk size \(size)")
        }
    }
}
