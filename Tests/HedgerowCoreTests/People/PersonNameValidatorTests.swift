import XCTest
@testable import HedgerowCore

/// Confidence follows the evidence: context and gazetteer is high, one of them medium,
/// and things that only look like names are low or no finding.
final class PersonNameValidatorTests: XCTestCase {
    let context = PersonNameValidator(kind: .context)
    let gazetteer = PersonNameValidator(kind: .gazetteer)
    let field = PersonNameValidator(kind: .field)
    let title = PersonNameValidator(kind: .title)

    func level(_ v: Verdict) -> String {
        switch v {
        case .accept: return "high"
        case let .lower(c, _): return c.rawValue
        case .reject: return "none"
        }
    }

    func testContextAndGazetteerTogetherIsHigh() {
        XCTAssertEqual(level(context.validate(.of("Margaret Okafor", before: "my name is "))), "high")
        XCTAssertEqual(level(gazetteer.validate(.of("Hamish Garner", after: ",hamish.garner@example.org"))), "high")
        XCTAssertEqual(level(gazetteer.validate(.of("Eleanor Gardner", before: "a woman called "))), "high")
    }

    func testOneKindOfEvidenceIsMedium() {
        XCTAssertEqual(level(gazetteer.validate(.of("Kevin Barrett", before: "The officer was ", after: ", I think"))), "medium")
        XCTAssertEqual(level(context.validate(.of("Zxqwy", before: "my name is "))), "medium")
        XCTAssertEqual(level(gazetteer.validate(.of("Gregory", before: "Ask ", after: ", he was there."))), "medium")
    }

    func testALoneFirstNameWithoutACueIsLow() {
        XCTAssertEqual(level(gazetteer.validate(.of("Gregory", before: "x = ", after: " + 1"))), "low")
    }

    func testPlaceholderPeopleAreLow() {
        XCTAssertTrue(PersonNameValidator.isPlaceholderPerson("Joe Bloggs"))
        XCTAssertFalse(PersonNameValidator.isPlaceholderPerson("Joe Bloggins"))
        XCTAssertEqual(level(gazetteer.validate(.of("Joe Bloggs", before: "user: "))), "low")
        XCTAssertEqual(level(context.validate(.of("John Doe", before: "my name is "))), "low")
    }

    func testThingsThatAreNotPeople() {
        XCTAssertEqual(level(gazetteer.validate(.of("Spencer", before: "We shop at Marks and ", after: " on Saturdays"))), "none")
        XCTAssertEqual(level(gazetteer.validate(.of("Victoria Station", before: "Meet at "))), "none")
        XCTAssertEqual(level(gazetteer.validate(.of("Manchester Piccadilly", before: "been to "))), "none")
        XCTAssertEqual(level(gazetteer.validate(.of("June", before: "the end of "))), "none")
        XCTAssertEqual(level(context.validate(.of("Customer", before: "Dear "))), "none")
        XCTAssertEqual(level(context.validate(.of("Sorry", before: "I'm "))), "none")
        XCTAssertEqual(level(context.validate(.of("Participant 2", before: "<v "))), "none")
        XCTAssertEqual(level(context.validate(.of("Copperbeech Insurance", before: "Dear ", after: " team,"))), "none")
        XCTAssertEqual(level(gazetteer.validate(.of("Sid", before: "{\"", after: "\": \"AllowRead\""))), "none")
        XCTAssertEqual(level(gazetteer.validate(.of("Johnson", before: "solver.", after: "(matrix)"))), "none")
        XCTAssertEqual(level(field.validate(.of("Widget", before: "name = \""))), "none")
    }

    func testATitleMakesAnOrdinaryWordASurname() {
        XCTAssertEqual(level(title.validate(.of("Teapot", before: "Your colleague Dr "))), "medium")
        XCTAssertEqual(level(title.validate(.of("Patel", before: "Dear Mr "))), "high")
        XCTAssertEqual(level(context.validate(.of("Teapot", before: "Hi "))), "none")
    }

    func testSpellingsTheCensusWritesDifferently() {
        XCTAssertEqual(level(field.validate(.of("O'Brien", before: "lastName: \""))), "high")
        XCTAssertEqual(level(field.validate(.of("Okonkwo-Hart", before: "surname: \""))), "high")
        XCTAssertEqual(level(gazetteer.validate(.of("Roisin Sharma's", before: "look at ", after: " account"))), "medium")
    }
}
