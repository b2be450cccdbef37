import XCTest
@testable import PCRE2

final class PatternTests: XCTestCase {
    func testCompileErrorCarriesKindCodeAndOffset() {
        XCTAssertThrowsError(try Pattern("abc(def")) { error in
            guard let e = error as? PCRE2Error else { return XCTFail("wrong error type \(error)") }
            XCTAssertEqual(e.kind, .compile)
            XCTAssertGreaterThan(e.code, 0)
            XCTAssertEqual(e.offset, 7)
            XCTAssertTrue(e.description.contains("missing closing parenthesis"), e.description)
        }
    }

    func testPatternsAreJITCompiledAndFallBackWhenAsked() throws {
        XCTAssertTrue(try Pattern("a+b").isJITCompiled)
        let interpreted = try Pattern("a+b", jit: false)
        XCTAssertFalse(interpreted.isJITCompiled)
        XCTAssertEqual(try Matcher().allMatches(of: interpreted, in: Array("xxaab".utf8)).map(\.whole), [ByteRange(start: 2, end: 5)])
    }

    func testOffsetsAreBytesAfterMultibyteText() throws {
        let pattern = try Pattern("(?<value>\\d+)")
        let bytes = Array("é😀 42".utf8)
        let matches = try Matcher().allMatches(of: pattern, in: bytes, groups: [pattern.groupNumber(named: "value")!])
        XCTAssertEqual(matches.first?.group, ByteRange(start: 7, end: 9))
    }

    func testInvalidUTF8IsMatchedAsBytes() throws {
        let pattern = try Pattern("key=[a-z]+")
        let bytes: [UInt8] = [0xff, 0xfe, 0xc3] + Array("key=abc".utf8) + [0x80]
        XCTAssertEqual(try Matcher().allMatches(of: pattern, in: bytes).count, 1)
    }

    func testRunawayPatternHitsTheMatchLimitInsteadOfHanging() throws {
        let pattern = try Pattern("(a+)+$", jit: false)
        let bytes = Array(repeating: UInt8(ascii: "a"), count: 40) + [UInt8(ascii: "!")]
        let matcher = Matcher(limits: .init(matchLimit: 10_000, depthLimit: 1_000))
        XCTAssertThrowsError(try matcher.allMatches(of: pattern, in: bytes)) { error in
            XCTAssertEqual((error as? PCRE2Error)?.kind, .matchLimit)
        }
    }

    func testNamedGroupLookup() throws {
        let pattern = try Pattern("x(?<value>y)")
        XCTAssertEqual(pattern.groupNumber(named: "value"), 1)
        XCTAssertNil(pattern.groupNumber(named: "other"))
    }
}

final class StartBytesTests: XCTestCase {
    func testStartBytesOfAnAlternationAndNoneForAnAnythingStart() throws {
        let pattern = try Pattern("(?i)(?:password|token)=|(?<=\\s)--x")
        let bytes = try XCTUnwrap(pattern.startBytes)
        for c in "pPtT-".utf8 { XCTAssertTrue(bytes[Int(c)], String(UnicodeScalar(c))) }
        for c in " _\"sx".utf8 { XCTAssertFalse(bytes[Int(c)], String(UnicodeScalar(c))) }
        XCTAssertNil(try Pattern(".*x").startBytes)
    }
}
