import Foundation
import HedgerowReport
#if canImport(Glibc)
import Glibc
#endif

/// The incident directory's register of IDs: one line per ID ever given, never rewritten,
/// so a number is never reused even when record files are deleted. Runs that share a
/// directory take an exclusive lock while they read and extend it, so concurrent runs
/// (parallel CI jobs, shards) cannot collide. A draft whose key is already registered
/// (the same credential, or the same source, seen again) keeps its ID and is merged into
/// the filed record (`RecordHistory`): the page's machine blocks are rewritten and the
/// person's status, owner, ticks and notes are kept byte for byte (`RecordMarkdownMerge`).
struct IncidentRegister {
    let directory: String
    var registerPath: String { directory + "/register.tsv" }

    /// Gives each draft its ID and writes its Markdown and JSON; returns the IDs, with
    /// whether each was new.
    func file(_ drafts: [IncidentRecord], at date: Date) throws -> [(id: String, new: Bool)] {
        guard !drafts.isEmpty else { return [] }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let lockFD = open(directory + "/.register.lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard lockFD >= 0 else { throw AtomicFile.WriteError(path: directory, reason: String(cString: strerror(errno))) }
        defer { close(lockFD) }
        while flock(lockFD, LOCK_EX) != 0 { if errno != EINTR { throw AtomicFile.WriteError(path: directory, reason: "cannot lock the register") } }
        defer { flock(lockFD, LOCK_UN) }

        let existing = (try? String(contentsOfFile: registerPath, encoding: .utf8)) ?? ""
        var byKey: [String: String] = [:]
        var highest: [String: Int] = [:]
        for line in existing.split(separator: "\n") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count >= 2, let (year, number) = Self.parse(fields[0]) else { continue }
            let key = Self.field(decoding: fields[1])
            byKey[key] = fields[0]
            // Before one record per credential, CL keys named the repository too
            // (`CL:<fingerprint>@<repository>`): the first such record stands for the credential.
            if key.hasPrefix("CL:"), let at = key.firstIndex(of: "@") {
                let bare = String(key[..<at])
                if byKey[bare] == nil { byKey[bare] = fields[0] }
            }
            highest[year] = max(highest[year] ?? 0, number)
        }
        let year = String(Calendar(identifier: .gregorian).component(.year, from: date))
        let stamp = ISO8601DateFormatter().string(from: date)
        var assigned: [(String, Bool)] = []
        var newLines = ""
        for draft in drafts {
            if let id = byKey[draft.key] { assigned.append((id, false)); continue }
            let number = (highest[year] ?? 0) + 1
            highest[year] = number
            let id = String(format: "AIENG-%@-%04d", year, number)
            byKey[draft.key] = id
            newLines += "\(id)\t\(Self.field(encoding: draft.key))\t\(stamp)\n"
            assigned.append((id, true))
        }
        if !newLines.isEmpty { try AtomicFile.appendLine(String(newLines.dropLast()), to: registerPath) }

        for (draft, (id, _)) in zip(drafts, assigned) {
            var record = draft
            record.id = id
            record.initialNotification = record.initialNotification.replacingOccurrences(of: "AIENG-YYYY-NNNN", with: id)
            let jsonPath = "\(directory)/\(id).json", pagePath = "\(directory)/\(id).md"
            if let data = FileManager.default.contents(atPath: jsonPath), let old = try? IncidentRecord.decode(data) {
                record = RecordHistory.merge(old: old, fresh: record, now: stamp)
            }
            var page = IncidentMarkdown.render(record)
            if let existing = try? String(contentsOfFile: pagePath, encoding: .utf8) {
                RecordMarkdownMerge.apply(existing, to: &record)
                page = RecordMarkdownMerge.merge(existing: existing, fresh: record) ?? page
            }
            try AtomicFile.write(record.jsonDocument(toolVersion: hedgerowVersion), to: jsonPath)
            try AtomicFile.write(page, to: pagePath)
        }
        return assigned.map { (id: $0.0, new: $0.1) }
    }

    /// A key as one register field. Keys hold repository names and paths, which may hold a
    /// tab or newline: written raw they forged register lines (and a later run then
    /// rewrote another incident's record). `%`, tab, CR and LF are percent-encoded; keys
    /// without them (all ordinary ones) are written as before.
    static func field(encoding key: String) -> String {
        guard key.contains(where: { $0 == "%" || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return key }
        var out = ""
        for scalar in key.unicodeScalars {
            switch scalar {
            case "%": out += "%25"
            case "\t": out += "%09"
            case "\n": out += "%0A"
            case "\r": out += "%0D"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func field(decoding text: String) -> String {
        guard text.contains("%") else { return text }
        return text.replacingOccurrences(of: "%09", with: "\t").replacingOccurrences(of: "%0A", with: "\n")
            .replacingOccurrences(of: "%0D", with: "\r").replacingOccurrences(of: "%25", with: "%")
    }

    /// When each key was first filed, for drafting reruns against the first detection.
    func firstDetections() -> [String: Date] {
        let existing = (try? String(contentsOfFile: registerPath, encoding: .utf8)) ?? ""
        let formatter = ISO8601DateFormatter()
        var out: [String: Date] = [:]
        for line in existing.split(separator: "\n") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count >= 3, let date = formatter.date(from: fields[2]) else { continue }
            let key = Self.field(decoding: fields[1])
            var keys = [key]
            if key.hasPrefix("CL:"), let at = key.firstIndex(of: "@") { keys.append(String(key[..<at])) }
            for key in keys { out[key] = min(out[key] ?? date, date) }
        }
        return out
    }

    static func parse(_ id: String) -> (String, Int)? {
        let parts = id.split(separator: "-")
        guard parts.count == 3, parts[0] == "AIENG", let number = Int(parts[2]) else { return nil }
        return (String(parts[1]), number)
    }
}
