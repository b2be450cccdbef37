import Foundation
import HedgerowInputs
import XCTest

/// Excludes compare paths made by `PathNormalizer` with a configuration base made by
/// Foundation: the two must agree on every shape of path a command line can hold.
final class PathNormalizerTests: XCTestCase {
    func testAgreesWithFoundationStandardizedPaths() {
        let cwd = FileManager.default.currentDirectoryPath
        for path in ["Fixtures", "./Fixtures/example", "Fixtures/../Sources/", "/tmp//x/./y/", "/", ".", "..", "a/b/../../c",
                     "/tmp/../..", "odd name/with space", "déjà/vu", "x/.hidden/./y",
                     "..foo/a...", "a/.../b", "/abs/plain/path.txt", "/abs/trailing/", "/abs/dot/.", "/abs/dotdot/.."] {
            XCTAssertEqual(PathNormalizer.absolute(path, currentDirectory: cwd), URL(fileURLWithPath: path).standardizedFileURL.path, path)
        }
    }
}
