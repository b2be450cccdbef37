import XCTest
import HedgerowCore

final class PlaceholderValidatorTests: XCTestCase {
    func testPlaceholders() {
        for p in ["YOUR_API_KEY", "changeme", "xxxxxxxxxxxx", "<password>", "${DB_PASSWORD}", "%s", "{{ db_password }}", "os.environ[\"X\"]", "process.env.TOKEN"] {
            XCTAssertTrue(PlaceholderValidator.isPlaceholder(p), p)
        }
        XCTAssertFalse(PlaceholderValidator.isPlaceholder("ladder-staple-violin90"))
    }

    /// Build-time substitution markers and the stock example passwords are not secrets; an at
    /// sign inside a real value, or one at one end only, is not a marker.
    func testTemplateMarkersAndStockPasswords() {
        for p in ["@SECRETKEY@", "@@DB_PASSWORD@@", "@signing.secret@", "password123", "P@ssw0rd", "open-sesame", "Hunter2"] {
            XCTAssertTrue(PlaceholderValidator.isPlaceholder(p), p)
        }
        for p in ["@Kq7Zp3Wm8Lx2!", "W6EEm@VfFXYNx@", "@ssh-key-2024@x", "Tr0ub4dor&3x"] {
            XCTAssertFalse(PlaceholderValidator.isPlaceholder(p), p)
        }
    }
}

final class EntropyValidatorTests: XCTestCase {
    func testFloor() {
        let v = EntropyValidator(minimumBitsPerCharacter: 3.0)
        XCTAssertEqual(v.validate(.of("Yq4zpkQjCzZpckCJSLNmIEDSumITE79f")), .accept)
        guard case .reject = v.validate(.of("aaaaaaaabbbb")) else { return XCTFail() }
    }
}

final class GitHubTokenValidatorTests: XCTestCase {
    func testChecksum() {
        let v = GitHubTokenValidator()
        XCTAssertEqual(v.validate(.of("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")), .accept)
        guard case .lower(.low, _) = v.validate(.of("ghp_RBMeyyMDHqJ38aRUhR4IWrXPvhsBkD3pmA9A")) else { return XCTFail() }
    }
}

final class ConnectionStringValidatorTests: XCTestCase {
    func testCredentials() {
        let v = ConnectionStringValidator()
        XCTAssertEqual(v.validate(.of("postgres://api_rw:silver_meadow_garden97@db/app")), .accept)
        XCTAssertEqual(v.validate(.of("jdbc:mysql://db:3306/app?user=svc&password=Harbour49Lantern")), .accept)
        guard case .reject = v.validate(.of("mysql://USER:PASSWORD@HOST:3306/DBNAME")) else { return XCTFail() }
        guard case .reject = v.validate(.of("postgres://app:${DB_PASSWORD}@db/app")) else { return XCTFail() }
        guard case .lower(.low, _) = v.validate(.of("postgres://postgres:postgres@localhost/claims")) else { return XCTFail() }
    }
}

final class JWTValidatorTests: XCTestCase {
    func testHeader() {
        let v = JWTValidator()
        XCTAssertEqual(v.validate(.of("eyJhbGciOiAiSFMyNTYiLCAidHlwIjogIkpXVCJ9.eyJzdWIiOiAiMSJ9.c2ln")), .accept)
        guard case .reject = v.validate(.of("eyJzdWIiOiAiMSJ9.eyJzdWIiOiAiMSJ9.c2ln")) else { return XCTFail() }
    }
}

final class IdentifierValueTests: XCTestCase {
    func testNamesInCodeAreNotSecrets() {
        for name in ["private_key", "self.password", "parts.count", "password-reset"] {
            XCTAssertTrue(PlaceholderValidator.isIdentifier(name), name)
        }
        for secret in ["ladder-staple-violin90", "Harbour49*", "kIihYQ4S4ad3fw9zpMBr7tir", "RvDZRmDcabUpZOHkRohmjsMwTxwG"] {
            XCTAssertFalse(PlaceholderValidator.isIdentifier(secret), secret)
        }
    }
}
