import Foundation
import HedgerowCore

/// A prevention result: the data has not left the machine, and the person who is about
/// to commit (or paste) gets what was found, where, why it matters and what to do now.
/// Quiet when clean, because a hook that talks on every commit gets switched off.
public struct PreventionReporter: Reporter {
    /// What the person was about to do; it words the verdict.
    public enum Action: Sendable {
        case commit, paste
        var verb: String { self == .commit ? "commit" : "paste" }
        var subject: String { self == .commit ? "the staged change" : "this text" }
        var stopped: String {
            self == .commit ? "the commit was stopped before it was made"
                            : "it has not been pasted anywhere yet"
        }
    }

    public var action: Action
    /// Print the one-line summary even when clean (off in hooks).
    public var verboseWhenClean: Bool

    public init(action: Action, verboseWhenClean: Bool = true) { self.action = action; self.verboseWhenClean = verboseWhenClean }

    /// Findings listed one by one; the rest are counted by category, so a paste check of a
    /// huge log stays a page a person reads.
    public static let listed = 50

    public func render(_ c: ReportContext) -> String {
        let summary = TextReporter().summaryLine(c.summary)
        let unread = Self.unreadLine(c.summary)
        let digest = c.digest()
        // A file that could not be read is never passed as clean, even in a quiet hook.
        guard !digest.isEmpty else {
            return (verboseWhenClean ? summary + "\n" : "") + (unread.map { $0 + "\n" } ?? "")
        }
        func paint(_ text: String, _ code: String) -> String { c.color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }

        var out = paint("hedgerow: DO NOT \(action.verb.uppercased())", "1;31")
        out += " - \(action.subject) holds \(digest.counted).\n\n"
        let shownFindings = digest.first(Self.listed)
        for f in shownFindings {
            let shown = c.showValues ? f.value.replacingOccurrences(of: "\n", with: "\\n") : f.masked
            let kind = f.dataClass == .secret ? "credential" : "personal data"
            out += "  \(paint(ControlCharacters.escaped(f.shortPlace), "1"))  \(f.ruleName) [\(kind), \(f.confidence.rawValue)]  \(shown)\n"
            if !f.hint.isEmpty { out += "      \(f.hint)\n" }
        }
        if digest.count > shownFindings.count {
            let categories = digest.byCategory.map { "\($0.count) \($0.category.rawValue)" }.joined(separator: ", ")
            out += "  ...and \(digest.count - shownFindings.count) more (\(digest.count) in all: \(categories)); every one is listed with --format jsonl.\n"
        }
        let secrets = digest.credentials > 0
        let personal = digest.personal > 0
        out += "\nWhy it matters:\n"
        if secrets {
            out += action == .commit
                ? "  - A credential in a repository works for anyone who can read it, and deleting it later does not remove it from history: it would have to be rotated.\n"
                : "  - A credential pasted into an AI tool or a chat works for anyone who can read that conversation, and the tool may keep it: it would have to be rotated.\n"
        }
        if personal {
            out += "  - Personal data in a repository or an AI tool is a data exposure (UK GDPR): it spreads to every clone and cannot be recalled.\n"
        }
        out += "\nWhat to do now:\n"
        out += "  1. Remove the values from the places listed" + (action == .commit ? ", then stage the files again (git add).\n" : ".\n")
        if secrets { out += "  2. Read credentials from an environment variable or a secret store instead of writing them down.\n" }
        if personal { out += "  \(secrets ? 3 : 2). Use made-up data (or a reference to the record) instead of real personal data.\n" }
        out += "  -  A false positive? Add `hedgerow:allow <rule> <reason>` in a comment on that line.\n"
        out += "\nNothing has left this machine: \(action.stopped).\n"
        out += summary + "\n"
        if action == .paste { out += Self.checkedLine + "\n" }
        if let unread { out += unread + "\n" }
        if action == .paste { out += Self.cleanCopyCommand(paths: digest.paths, more: digest.morePaths) + "\n" }
        return out
    }

    /// What a paste check looks for, so a reader knows what "nothing found" covers.
    static let checkedLine = "Checked for: names, street addresses, health details, e-mail addresses, phone numbers, postcodes, "
        + "dates of birth, NHS and National Insurance numbers, card and bank details, IP addresses, protective markings "
        + "and credentials (also said aloud or split across caption cues)."

    /// Inputs skipped as unreadable (binary files; documents such as .docx, .xlsx and .pdf
    /// are not read yet): named as unchecked, never counted as clean.
    static func unreadLine(_ summary: ScanSummary) -> String? {
        guard let count = summary.skipped["binary"], count > 0 else { return nil }
        return "Not checked: \(count) file\(count == 1 ? "" : "s") hedgerow cannot read (binary, or a document such as .docx, .xlsx or .pdf); "
            + "check \(count == 1 ? "it" : "them") another way before sharing."
    }

    /// The one command that makes a copy safe to paste, for the inputs the findings are in.
    static func cleanCopyCommand(paths: [String], more: Int = 0) -> String {
        if paths == ["-"] || paths.isEmpty {
            return "Make a clean copy: hedgerow redact -   (the same text on standard input; the copy goes to standard output)"
        }
        let files = paths.filter { $0 != "-" }
        if files.count == 1 {
            let path = files[0]
            let name = path as NSString
            let ext = name.pathExtension
            let copy = ext.isEmpty ? path + ".redacted" : name.deletingPathExtension + ".redacted." + ext
            return "Make a clean copy: hedgerow redact \(quoted(path)) -o \(quoted(copy))"
        }
        return "Make clean copies: hedgerow redact \(files.map(quoted).joined(separator: " ")) --out-dir redacted"
            + (more > 0 ? "   (and the \(more) more file\(more == 1 ? "" : "s") with findings)" : "")
    }

    /// A path as a shell word.
    static func quoted(_ path: String) -> String {
        // A name with control characters is written as an ANSI-C quoted word ($'...'), so
        // the command stays on one line and no escape sequence reaches the terminal.
        if path.unicodeScalars.contains(where: ControlCharacters.isControl) {
            var word = "$'"
            for scalar in path.unicodeScalars {
                switch scalar {
                case "\\": word += "\\\\"
                case "'": word += "\\'"
                case _ where scalar.value < 0x80 && ControlCharacters.isControl(scalar): word += String(format: "\\x%02X", scalar.value)
                case _ where ControlCharacters.isControl(scalar): word += String(format: "\\u%04X", scalar.value)
                default: word.unicodeScalars.append(scalar)
                }
            }
            return word + "'"
        }
        let plain = path.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "._/-+@%=:,".unicodeScalars.contains($0)) }
        return plain ? path : "'" + path.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

}
