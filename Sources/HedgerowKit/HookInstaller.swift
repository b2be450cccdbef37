import Foundation
import HedgerowInputs

/// Installs hedgerow's pre-commit hook into a repository without ever replacing a hook
/// someone else wrote, unless told to (and then the old one is kept beside it).
public enum HookInstaller {
    /// The line that marks a hook as hedgerow's own, so reinstalling updates it in place.
    public static let marker = "hedgerow-managed-hook"

    /// The hook script. `fallback` is the absolute path of the hedgerow that installed
    /// it, used when `hedgerow` is not on the PATH git hooks run with (GUI clients).
    public static func script(fallback: String?) -> String {
        var text = """
        #!/bin/sh
        # \(marker): blocks commits whose staged lines hold personal data or credentials.
        # Runs `hedgerow git --staged`: only the lines this commit adds, read from the index.
        # Use it with `git config core.hooksPath <this folder>`, copy it to .git/hooks/pre-commit,
        # or run `hedgerow hook install`. Exit 1 blocks the commit on findings, 2 on any error,
        # so a hook that could not scan never lets a commit through unchecked.
        HEDGEROW="${HEDGEROW:-hedgerow}"

        """
        if let fallback {
            let quoted = shellEscaped(fallback)
            text += "command -v \"$HEDGEROW\" >/dev/null 2>&1 || HEDGEROW=\"\(quoted)\"\n"
        }
        text += """
        if ! command -v "$HEDGEROW" >/dev/null 2>&1; then
          echo "hedgerow: not found on PATH (set HEDGEROW=/path/to/hedgerow); commit blocked." >&2
          exit 2
        fi
        exec "$HEDGEROW" git --staged --quiet

        """
        return text
    }

    static func shellEscaped(_ path: String) -> String {
        path.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "$", with: "\\$").replacingOccurrences(of: "`", with: "\\`")
    }

    /// Installs into the hooks folder git uses for `repository` (honouring core.hooksPath).
    public static func install(repository: String, force: Bool, binary: String?) -> RunResult {
        var git = GitCommand(directory: repository)
        git.pinsHooksPath = false
        let hooksDir: String
        do {
            let path = try git.output(["rev-parse", "--path-format=absolute", "--git-path", "hooks"])
                .trimmingCharacters(in: .newlines)
            hooksDir = path
        } catch {
            return RunResult(output: "", diagnostics: ["error: \(repository): not a git repository (\(error))"], exitCode: ExitStatus.error)
        }
        let hook = hooksDir + "/pre-commit"
        let manager = FileManager.default
        var notes: [String] = []
        if let existing = try? String(contentsOfFile: hook, encoding: .utf8), !existing.contains(marker) {
            guard force else {
                return RunResult(output: "", diagnostics: [
                    "error: \(hook) already exists and is not hedgerow's; nothing changed. Add `hedgerow git --staged --quiet` to it yourself, or rerun with --force (the old hook is kept as pre-commit.before-hedgerow).",
                ], exitCode: ExitStatus.error)
            }
            let backup = hook + ".before-hedgerow"
            try? manager.removeItem(atPath: backup)
            do { try manager.moveItem(atPath: hook, toPath: backup) } catch {
                return RunResult(output: "", diagnostics: ["error: could not move the existing hook aside: \(error)"], exitCode: ExitStatus.error)
            }
            notes.append("the previous hook was kept as \(backup)")
        }
        do {
            try manager.createDirectory(atPath: hooksDir, withIntermediateDirectories: true)
            let temporary = hook + ".hedgerow-tmp"
            try Data(script(fallback: binary).utf8).write(to: URL(fileURLWithPath: temporary))
            chmod(temporary, 0o755)
            if manager.fileExists(atPath: hook) { try manager.removeItem(atPath: hook) }
            try manager.moveItem(atPath: temporary, toPath: hook)
        } catch {
            return RunResult(output: "", diagnostics: ["error: could not write \(hook): \(error)"], exitCode: ExitStatus.error)
        }
        let output = "hedgerow: pre-commit hook installed at \(hook)" + notes.map { "; \($0)" }.joined() + "\n"
        return RunResult(output: output, diagnostics: [], exitCode: ExitStatus.clean)
    }
}
