import Foundation
import HedgerowCore
@testable import HedgerowRedact
import XCTest

/// The rewriter with hand-made targets: what a finding's ranges (or pieces) become in each
/// format, and what is left alone.
final class RewriterTests: XCTestCase {
    /// Targets given as the source texts to replace (every occurrence found by search, in
    /// order), or as explicit ranges.
    struct Given {
        var category: Category
        var value: String
        var ranges: [Range<Int>]? = nil
    }

    func redact(_ text: String, path: String, _ given: [Given], style: ReplacementStyle = .placeholder,
                literals: Bool = true, book: PlaceholderBook? = nil) -> (String, PlaceholderBook) {
        let book = book ?? PlaceholderBook(style: style)
        book.prepare(given.map { ($0.category, $0.value) })
        let bytes = Array(text.utf8)
        var targets: [Target] = []
        for g in given {
            let id = book.identity(g.category, g.value)
            if let ranges = g.ranges { targets.append(Target(ranges: ranges, identity: id)); continue }
            if let r = range(of: g.value, in: bytes) { targets.append(Target(ranges: [r], identity: id)) }
        }
        targets.sort { $0.ranges[0].lowerBound < $1.ranges[0].lowerBound }
        let texts = literals ? given.filter { $0.ranges == nil }.map(\.value) + book.namePartLiterals.map(\.word) : []
        let ids = (literals ? given.filter { $0.ranges == nil }.map { book.identity($0.category, $0.value) } : []) + (literals ? book.namePartLiterals.map(\.identity) : [])
        let matcher = LiteralMatcher(texts)
        var byText: [[UInt8]: Identity] = [:]
        for (t, id) in zip(texts, ids) where byText[Array(t.utf8)] == nil { byText[Array(t.utf8)] = id }
        let rewriter = Rewriter(format: DocumentFormat.of(path: path), book: book, matcher: matcher,
                                literalIdentities: matcher.literals.map { byText[$0]! })
        var out: [UInt8] = []
        _ = bytes.withUnsafeBytes { rewriter.rewrite($0, targets: targets, write: { out.append(contentsOf: $0) }) }
        return (String(decoding: out, as: UTF8.self), book)
    }

    func range(of needle: String, in bytes: [UInt8]) -> Range<Int>? {
        let n = Array(needle.utf8)
        guard n.count <= bytes.count else { return nil }
        for i in 0...(bytes.count - n.count) where Array(bytes[i..<(i + n.count)]) == n { return i..<(i + n.count) }
        return nil
    }

    func lines(_ s: String) -> Int { s.split(separator: "\n", omittingEmptySubsequences: false).count }

    func testPlainTextKeepsEverythingButTheValues() {
        let text = "Spoke to Margaret Okafor (m.okafor@example.org).\r\nLater Margaret called back; Okafor's number: 07700 900123.\r\n"
        let (out, _) = redact(text, path: "notes.txt", [Given(category: .name, value: "Margaret Okafor"),
                                                          Given(category: .email, value: "m.okafor@example.org"),
                                                          Given(category: .phone, value: "07700 900123")])
        XCTAssertEqual(out, "Spoke to [NAME-1] ([EMAIL-1]).\r\nLater [NAME-1:first] called back; [NAME-1:last]'s number: [PHONE-1].\r\n")
    }

    func testRepeatedValueGetsTheSamePlaceholderAsAWholeWordOnly() {
        let text = "Call 07700 900123. Again: 07700 900123, not 07700 9001234.\nAnn and Annabel\n"
        let (out, _) = redact(text, path: "a.txt", [Given(category: .phone, value: "07700 900123"), Given(category: .name, value: "Ann")])
        XCTAssertEqual(out, "Call [PHONE-1]. Again: [PHONE-1], not 07700 9001234.\n[NAME-1] and Annabel\n")
    }

    func testCaptionTimingsCueNumbersAndHeaderUntouchedAndSpeakerTagRedacted() {
        let text = """
        WEBVTT

        1
        00:00:01.000 --> 00:00:04.000
        <v Margaret Okafor>My number is 07700

        2
        00:00:04.000 --> 00:00:06.500
        <v Margaret Okafor>900123, call me.

        """
        // One value split over two cues: a hand-made finding with two pieces.
        let bytes = Array(text.utf8)
        let first = range(of: "07700", in: bytes)!
        let second = range(of: "900123", in: bytes)!
        let (out, _) = redact(text, path: "call.vtt", [Given(category: .name, value: "Margaret Okafor"),
                                                         Given(category: .phone, value: "07700900123", ranges: [first, second])])
        XCTAssertEqual(out, """
        WEBVTT

        1
        00:00:01.000 --> 00:00:04.000
        <v [NAME-1]>My number is [PHONE-1:1/2]

        2
        00:00:04.000 --> 00:00:06.500
        <v [NAME-1]>[PHONE-1:2/2], call me.

        """)
    }

    func testOneRangeOverACueBoundaryIsCutAroundTheTimingLine() {
        let text = "1\n00:00:01,000 --> 00:00:02,000\nsend it to SW1A\n\n2\n00:00:02,000 --> 00:00:03,000\n2AA please\n"
        let bytes = Array(text.utf8)
        let start = range(of: "SW1A", in: bytes)!.lowerBound, end = range(of: "2AA", in: bytes)!.upperBound
        let (out, _) = redact(text, path: "x.srt", [Given(category: .postcode, value: "SW1A 2AA", ranges: [start..<end])])
        XCTAssertEqual(out, "1\n00:00:01,000 --> 00:00:02,000\nsend it to [POSTCODE-1:1/2]\n\n2\n00:00:02,000 --> 00:00:03,000\n[POSTCODE-1:2/2] please\n")
        XCTAssertEqual(lines(out), lines(text))
    }

    func testJSONStaysValidInsideAndOutsideStrings() throws {
        let text = #"{"name": "Zo\u00eb Okafor", "phone": 7700900123, "note": "ring \"Zo\u00eb Okafor\" on 7700900123", "list": ["a", "b"]}"#
        let (out, book) = redact(text, path: "people.json", [Given(category: .name, value: #"Zo\u00eb Okafor"#),
                                                               Given(category: .phone, value: "7700900123")])
        let parsed = try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any]
        XCTAssertEqual(parsed?["name"] as? String, "[NAME-1]")
        XCTAssertEqual(parsed?["phone"] as? String, "[PHONE-1]")
        XCTAssertEqual(parsed?["note"] as? String, #"ring "[NAME-1]" on [PHONE-1]"#)
        // Restoring gives the original bytes back, number and escapes included.
        let restored = Restorer(map: RedactionMap(book: book)).restore(Array(out.utf8)).text
        XCTAssertEqual(String(decoding: restored, as: UTF8.self), text)
    }

    func testJSONRangeStartingInsideAnEscapeTakesTheWholeEscape() throws {
        let text = #"{"a": "x\u00e9Margaret Okafor\ny"}"#
        let bytes = Array(text.utf8)
        let start = range(of: "00e9", in: bytes)!.lowerBound
        let end = range(of: "Okafor\\", in: bytes)!.upperBound  // ends on a backslash
        let (out, _) = redact(text, path: "a.json", [Given(category: .name, value: "Margaret Okafor", ranges: [start..<end])], literals: false)
        XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(out.utf8)), out)
        XCTAssertFalse(out.contains("Okafor"))
    }

    func testCSVQuotingAndFieldCountsKept() {
        let text = "id,name,address,phone\r\n1,Margaret Okafor,\"12 High Street, Leeds\",07700 900123\r\n2,\"Okafor, Margaret\",12 High Street,\"07700 900123\"\r\n"
        let bytes = Array(text.utf8)
        // An address range that runs over a separator outside quotes is cut at it.
        let second = range(of: "2,\"Okafor", in: bytes)!.lowerBound
        let addressStart = bytes.indices.first { $0 > second && bytes[$0...].starts(with: Array("12 High".utf8)) }!
        let (out, _) = redact(text, path: "people.csv", [
            Given(category: .name, value: "Margaret Okafor"),
            Given(category: .address, value: "12 High Street, Leeds"),
            Given(category: .phone, value: "07700 900123"),
            Given(category: .address, value: "12 High Street,\"07700", ranges: [addressStart..<(addressStart + 21)]),
        ])
        func fields(_ s: String) -> [Int] {
            s.components(separatedBy: "\r\n").filter { !$0.isEmpty }.map { line in
                var count = 1, quoted = false
                for c in line { if c == "\"" { quoted.toggle() } else if c == "," && !quoted { count += 1 } }
                return count
            }
        }
        XCTAssertEqual(fields(out), fields(text), out)
        XCTAssertTrue(out.hasPrefix("id,name,address,phone\r\n1,[NAME-1],\"[ADDRESS-1]\",[PHONE-1]\r\n"), out)
        XCTAssertTrue(out.hasSuffix("2,\"[NAME-1:last], [NAME-1:first]\",[ADDRESS-2:1/2],\"[ADDRESS-2:2/2] 900123\"\r\n"), out)
    }

    func testFakeStyleIsConsistentAndMaskKeepsLength() {
        let text = "Margaret Okafor, m.okafor@example.org, 07700 900123; again Margaret Okafor.\n"
        let given = [Given(category: .name, value: "Margaret Okafor"), Given(category: .email, value: "m.okafor@example.org"), Given(category: .phone, value: "07700 900123")]
        let (fake, _) = redact(text, path: "a.txt", given, style: .fake)
        XCTAssertEqual(fake, "Alex Fairweather, person1@example.com, 07700 900000; again Alex Fairweather.\n")
        let (masked, _) = redact(text, path: "a.txt", given, style: .mask)
        XCTAssertEqual(masked, "******** ******, ********************, ***** ******; again ******** ******.\n")
    }

    func testPlaceholdersAreConsistentAcrossDocumentsOfOneRun() {
        let book = PlaceholderBook(style: .placeholder)
        let given = [Given(category: .email, value: "a.person@example.org"), Given(category: .email, value: "b.person@example.org")]
        let (one, _) = redact("to b.person@example.org\n", path: "1.txt", given, book: book)
        let (two, _) = redact("from a.person@example.org cc b.person@example.org\n", path: "2.txt", given, book: book)
        XCTAssertEqual(one, "to [EMAIL-2]\n")
        XCTAssertEqual(two, "from [EMAIL-1] cc [EMAIL-2]\n")
    }

    func testRestoreGivesBackTheOriginalText() {
        let text = "Margaret Okafor (07700 900123, 07700900123) wrote to MARGARET OKAFOR.\n"
        let (out, book) = redact(text, path: "a.txt", [Given(category: .name, value: "Margaret Okafor"), Given(category: .phone, value: "07700 900123"),
                                                        Given(category: .phone, value: "07700900123"), Given(category: .name, value: "MARGARET OKAFOR")])
        XCTAssertEqual(out, "[NAME-1] ([PHONE-1], [PHONE-1:v2]) wrote to [NAME-1:v2].\n")
        let map = try! RedactionMap.decode(RedactionMap(book: book).encoded(toolVersion: "test"))
        XCTAssertEqual(String(decoding: Restorer(map: map).restore(Array(out.utf8)).text, as: UTF8.self), text)
        // An AI tool's answer about the copy gets the real values back.
        let answer = "Ask [NAME-1:first]... [NAME-1] can be reached on [PHONE-1]."
        XCTAssertEqual(String(decoding: Restorer(map: map).restore(Array(answer.utf8)).text, as: UTF8.self),
                       "Ask [NAME-1:first]... Margaret Okafor can be reached on 07700 900123.")
    }

    func testLiteralMatcherFindsWholeWordsAcrossManyLiterals() {
        let matcher = LiteralMatcher(["Ann", "Anna", "[X-1]", "07700 900123"])
        let text = Array("Anna,Ann;xAnn [X-1]y 07700 9001234 07700 900123".utf8)
        var found: [String] = []
        text.withUnsafeBytes { b in
            var from = 0
            while let m = matcher.next(in: b, from: from) {
                found.append(String(decoding: text[m.range], as: UTF8.self)); from = m.range.upperBound
            }
        }
        XCTAssertEqual(found, ["Anna", "Ann", "[X-1]", "07700 900123"])
    }

    func testConnectionStringReplacedToTheEndOfItsOptions() {
        let text = "url = jdbc:mysql://db:3306/x?user=a&password=secret1&useSSL=true: refused\nData Source=s;User ID=u;Password=p;Connection Timeout=30;Encrypt=True then more\n"
        let bytes = Array(text.utf8)
        let a = range(of: "jdbc:mysql://db:3306/x?user=a&password=secret1", in: bytes)!
        let b = range(of: "Data Source=s;User ID=u;Password=p", in: bytes)!
        let (out, _) = redact(text, path: "a.log", [Given(category: .connectionString, value: "one", ranges: [a]),
                                                     Given(category: .connectionString, value: "two", ranges: [b])], literals: false)
        XCTAssertEqual(out, "url = [CONNECTION-STRING-1]: refused\n[CONNECTION-STRING-2] then more\n")
    }

    func testPhoneVariantsAndNameFromEmail() {
        XCTAssertEqual(Set(ValueVariants.phone("020-7946-0813")), ["02079460813", "+442079460813", "00442079460813", "442079460813"])
        XCTAssertEqual(ValueVariants.nameSpelled(byEmail: "gail.smith+receipts@hotmail.co.uk"), "Gail Smith")
        XCTAssertEqual(ValueVariants.nameSpelled(byEmail: "naomi.lamb2@yahoo.co.uk"), "Naomi Lamb")
        XCTAssertNil(ValueVariants.nameSpelled(byEmail: "support@example.org"))
    }

    func testUTF16RoundTrip() {
        let text = "Zoë 07700 900123\r\n"
        for order in [UTF16Text.ByteOrder.little, .big] {
            let encoded = UTF16Text.fromUTF8(Array(text.utf8), order)
            XCTAssertEqual(UTF16Text.byteOrder(encoded), order)
            XCTAssertEqual(UTF16Text.toUTF8(encoded, order), Array(text.utf8))
        }
    }
}
