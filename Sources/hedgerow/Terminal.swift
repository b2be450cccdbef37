import Foundation
import HedgerowKit
import HedgerowReport

/// Where the CLI meets the terminal: colour decisions and writing a result out.
enum Terminal {
    /// Colour only on a terminal, never with NO_COLOR set (https://no-color.org).
    static var wantsColor: Bool {
        ProcessInfo.processInfo.environment["NO_COLOR"] == nil && isatty(STDOUT_FILENO) == 1
    }

    /// Writes the result and exits with its code, or with 2 when the output could not be
    /// written (a full disk, a closed pipe): a report that never arrived is an error.
    static func finish(_ result: RunResult) -> Never {
        let failure = StandardOutput.write(Array(result.output.utf8), to: STDOUT_FILENO)
        var lines = result.diagnostics
        if let failure { lines.append("error: cannot write standard output: \(failure)") }
        // Diagnostics name files and repositories: their control characters are escaped.
        for line in lines { _ = StandardOutput.write(Array("hedgerow: \(ControlCharacters.escaped(line))\n".utf8), to: STDERR_FILENO) }
        exit(failure == nil ? result.exitCode : 2)
    }
}
