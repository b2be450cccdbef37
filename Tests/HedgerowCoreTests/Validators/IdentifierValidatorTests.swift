import Foundation
import XCTest
import HedgerowCore

final class NHSNumberValidatorTests: XCTestCase {
    let v = NHSNumberValidator()
    func testModulus11() {
        XCTAssertTrue(NHSNumberValidator.checkDigitValid([7, 8, 8, 8, 6, 1, 0, 1, 5, 3]))
        XCTAssertFalse(NHSNumberValidator.checkDigitValid([6, 5, 7, 3, 3, 6, 2, 5, 7, 9]))
    }
    func testContextDecidesConfidence() {
        XCTAssertEqual(v.validate(.of("788 861 0153", before: "NHS number: ")), .accept)
        guard case .lower(.low, _) = v.validate(.of("7888610153", before: "ref ")) else { return XCTFail() }
        guard case .reject = v.validate(.of("6573362579", before: "NHS ")) else { return XCTFail() }
    }
}

final class NINumberValidatorTests: XCTestCase {
    let v = NINumberValidator()
    func testPrefixAndSuffixRules() {
        XCTAssertEqual(v.validate(.of("TC 91 04 01 C")), .accept)
        for bad in ["QQ123456A", "GB123456A", "DA123456A", "AO123456A", "AB123456E"] {
            guard case .reject = v.validate(.of(bad)) else { return XCTFail(bad) }
        }
    }
}

final class CardNumberValidatorTests: XCTestCase {
    let v = CardNumberValidator()
    func testLuhnAndIssuers() {
        XCTAssertEqual(v.validate(.of("4993 7124 0659 6578")), .accept)
        XCTAssertEqual(v.validate(.of("2223 4793 5646 5198")), .accept, "Mastercard 2-series")
        guard case .reject = v.validate(.of("5327467960767171")) else { return XCTFail("Luhn failure accepted") }
        guard case .reject = v.validate(.of("9999999999999995")) else { return XCTFail("no issuer accepted") }
        guard case .lower(.low, _) = v.validate(.of("4242424242424242")) else { return XCTFail("test card not low") }
    }
}

final class IBANValidatorTests: XCTestCase {
    func testMod97AndLength() {
        let v = IBANValidator()
        XCTAssertEqual(v.validate(.of("GB29NWBK60161331926819")), .accept)
        XCTAssertEqual(v.validate(.of("GB29 NWBK 6016 1331 9268 19")), .accept)
        guard case .reject = v.validate(.of("GB28NWBK60161331926819")) else { return XCTFail() }
        guard case .reject = v.validate(.of("GB29NWBK6016133192681")) else { return XCTFail() }
    }
}

final class DateOfBirthValidatorTests: XCTestCase {
    func testCalendarDates() {
        let v = DateOfBirthValidator()
        for good in ["1976-01-13", "01/03/2002", "28 August 1974", "28th November 1944", "29/02/2000"] {
            XCTAssertEqual(v.validate(.of(good)), .accept, good)
        }
        for bad in ["31/02/1990", "2099-01-01", "29/02/1900", "12/13/1980"] {
            guard case .reject = v.validate(.of(bad)) else { return XCTFail(bad) }
        }
    }

    /// The range of birth years follows the calendar: a child born this year is
    /// accepted in any later year, a date in a future year never.
    func testTheLatestBirthYearIsThisYear() {
        let in2040 = DateOfBirthValidator(currentYear: 2040), in2030 = DateOfBirthValidator(currentYear: 2030)
        XCTAssertEqual(in2040.validate(.of("2039-06-01")), .accept)
        guard case .reject = in2030.validate(.of("2039-06-01")) else { return XCTFail("a future year") }
        XCTAssertEqual(in2030.validate(.of("01/06/29")), .accept, "two digits: 2029, not in the future")
        XCTAssertEqual(in2030.validate(.of("01/06/31")), .accept, "two digits: 1931")
        XCTAssertEqual(DateOfBirthValidator().validate(.of("01/06/\(Calendar(identifier: .gregorian).component(.year, from: Date()))")), .accept)
    }
}

final class CardContextTests: XCTestCase {
    func testUngroupedNumbersNeedCardContext() {
        let v = CardNumberValidator()
        XCTAssertEqual(v.validate(.of("5356924593752652", before: "pan=")), .accept)
        guard case .lower(.low, _) = v.validate(.of("6543210123456788", before: "ddadd7541 add '")) else { return XCTFail() }
    }
}

final class DateOfBirthColumnValidatorTests: XCTestCase {
    func testOnlyInADateOfBirthColumn() {
        let v = DateOfBirthColumnValidator()
        let inColumn = Candidate(value: "1952-05-10", header: "id,name,dob,band", lineBefore: "M1,Jacob Hawkins,")
        XCTAssertEqual(v.validate(inColumn), .accept)
        let otherColumn = Candidate(value: "2023-09-27", header: "id,name,dob,joined", lineBefore: "M1,Jacob Hawkins,1952-05-10,")
        guard case .reject = v.validate(otherColumn) else { return XCTFail() }
        XCTAssertEqual(Candidate(value: "x", header: "a\tb\tc", lineBefore: "1\t2\t").columnName, "c")
    }

    /// A comma inside a quoted field is part of the field, not a column break.
    func testQuotedFieldsKeepTheirCommas() {
        let v = DateOfBirthColumnValidator()
        let afterQuotedAddress = Candidate(value: "1958-04-26", header: "id,name,address,dob",
                                           lineBefore: "7,Jakub Forster,\"Flat 3, 182 Sanderson Gardens\",")
        XCTAssertEqual(afterQuotedAddress.columnName, "dob")
        XCTAssertEqual(v.validate(afterQuotedAddress), .accept)
        let joinedNotBirth = Candidate(value: "2023-09-27", header: "id,address,joined,dob", lineBefore: "1,\"12 Mill Lane, Leeds\",")
        XCTAssertEqual(joinedNotBirth.columnName, "joined")
        // A doubled quote inside a quoted field, and a quote inside an unquoted one.
        XCTAssertEqual(Candidate(value: "x", header: "a,b,c,d", lineBefore: "\"say \"\"hi, there\"\"\",5\" screen,").columnName, "c")
        XCTAssertEqual(Candidate(value: "x", header: "\"a, b\",c", lineBefore: "1,").columnName, "c")
    }
}

final class BankDetailsValidatorTests: XCTestCase {
    func testBankingWordsOrColumnRequiredForFullConfidence() {
        let v = BankDetailsValidator()
        XCTAssertEqual(v.validate(Candidate(value: "09 01 95, account number 50661907", before: "Sort code ")), .accept)
        XCTAssertEqual(v.validate(Candidate(value: "30-83-52,42077091", header: "id,name,sort_code,account", lineBefore: "6,Patricia Gill,")), .accept)
        guard case .lower(.low, _) = v.validate(Candidate(value: "30-83-52 42077091", before: "ref ")) else { return XCTFail() }
    }
}

final class RegistryValidatorTests: XCTestCase {
    func testAWSExampleKeysAndHexDigests() throws {
        let aws = try ValidatorRegistry.validator(named: "aws-example-key")
        guard case .lower(.low, _) = aws.validate(.of("AKIAIOSFODNN7EXAMPLE")) else { return XCTFail("documentation keys are reported low") }
        XCTAssertEqual(aws.validate(.of("AKIAZHPCF2UQNUPQZIT5")), .accept)
        let hex = try ValidatorRegistry.validator(named: "not-hex-digest")
        guard case .reject = hex.validate(.of("8f76ec70bb50d610e21de66cdb24bb6edcfd944bcc13e30ba49407af44f22379")) else { return XCTFail() }
        XCTAssertEqual(hex.validate(.of("kIihYQ4S4ad3fw9zpMBr7tir")), .accept)
        XCTAssertThrowsError(try ValidatorRegistry.validator(named: "no-such"))
        XCTAssertNotNil(try ValidatorRegistry.validator(named: "entropy:3.2"))
    }
}
