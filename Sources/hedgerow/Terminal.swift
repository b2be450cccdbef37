import Foundation
import HedgerowKit

/// Where the CLI meets the terminal: colour decisions and writing a result out.
enum Terminal {
    /// Colour only on a terminal, never with NO_COLOR set (https://no-color.org).
    static var wantsColor: Bool {
        ProcessInfo.processInfo.environment["NO_COLOR"] == nil && isatty(STDOUT_FILENO) == 1
    }

    static func finish(_ result: RunResult) -> Never {
        FileHandle.standardOutput.write(Data(result.output.utf8))
        for line in result.diagnostics { FileHandle.standardError.write(Data("hedgerow: \(line)\n".utf8)) }
        exit(result.exitCode)
    }
}
