import Foundation
import HedgerowInputs

/// A configuration, baseline, rule or list file's text: read only from a regular file (a
/// FIFO in its place would hang the run), and only when it is valid UTF-8. Nil otherwise;
/// callers word the error for their kind of file.
func readRegularText(_ path: String) -> String? {
    guard let bytes = try? RegularFile.read(path) else { return nil }
    return String(bytes: bytes, encoding: .utf8)
}
