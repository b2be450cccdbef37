import Foundation
import XCTest
@testable import HedgerowKit

/// Where the per-user fingerprint key lives, and that nobody else can read it.
final class FingerprintKeyTests: XCTestCase {
    // MARK: 19. The fingerprint key file never lands in the current directory

    func testEmptyOrRelativeXDGConfigHomeIsIgnored() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("hedgerow-home-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: home) }
        let cwd = FileManager.default.currentDirectoryPath
        for xdg in ["", "relative-config"] {
            let key = FingerprintKey.resolve(environment: ["HOME": home.path, "XDG_CONFIG_HOME": xdg])
            XCTAssertEqual(key.count, 32)
            XCTAssertTrue(FileManager.default.fileExists(atPath: home.path + "/.config/hedgerow/fingerprint.key"), "XDG_CONFIG_HOME='\(xdg)'")
            XCTAssertFalse(FileManager.default.fileExists(atPath: cwd + "/" + (xdg.isEmpty ? "" : xdg + "/") + "hedgerow/fingerprint.key"))
            XCTAssertEqual(FingerprintKey.resolve(environment: ["HOME": home.path, "XDG_CONFIG_HOME": xdg]), key, "the same key next run")
        }
    }

    /// The key file is private from its first byte: 0600 whatever the umask, and the
    /// temporary file it is written through is gone.
    func testKeyFileIsCreatedPrivate() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("hedgerow-home-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: home) }
        let old = umask(0)
        defer { umask(old) }
        _ = FingerprintKey.resolve(environment: ["HOME": home.path])
        let folder = home.path + "/.config/hedgerow"
        let mode = try XCTUnwrap(try FileManager.default.attributesOfItem(atPath: folder + "/fingerprint.key")[.posixPermissions] as? Int)
        XCTAssertEqual(mode & 0o777, 0o600)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder), ["fingerprint.key"])
    }

    /// A key that cannot be saved holds for one run only; the run says so instead of giving
    /// fingerprints no later run can match (issue 23, item 19). A file where the home folder
    /// should be makes the folder impossible to create, even for root.
    func testAKeyThatCannotBeSavedIsSaid() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("hedgerow-home-file-\(UUID().uuidString)")
        try Data("not a folder".utf8).write(to: home)
        defer { try? FileManager.default.removeItem(at: home) }
        let unsaved = FingerprintKey.resolveNoting(environment: ["HOME": home.path])
        XCTAssertEqual(unsaved.key.count, 32)
        let warning = try XCTUnwrap(unsaved.warning)
        XCTAssertTrue(warning.contains("HEDGEROW_FINGERPRINT_KEY") && warning.contains(home.path), warning)
        XCTAssertNil(FingerprintKey.resolveNoting(environment: ["HOME": home.path, "HEDGEROW_FINGERPRINT_KEY": "team-key"]).warning)
        let writable = FileManager.default.temporaryDirectory.appendingPathComponent("hedgerow-home-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: writable) }
        XCTAssertNil(FingerprintKey.resolveNoting(environment: ["HOME": writable.path]).warning)
        XCTAssertNil(FingerprintKey.resolveNoting(environment: ["HOME": writable.path]).warning, "read back the next run")
    }
}
