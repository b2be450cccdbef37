import Foundation

/// Reruns into an existing record page: the machine blocks are replaced, every byte
/// outside them is kept, and what a person wrote there (status, owner, ticked boxes) is
/// read back into the JSON record so `hedgerow report` counts by the register's status.
public enum RecordMarkdownMerge {
    /// The page after a rerun, or nil when the page has none of hedgerow's markers (a
    /// record from before the register kept people's edits): the caller writes it afresh.
    public static func merge(existing: String, fresh: IncidentRecord) -> String? {
        var out = ""
        var rest = Substring(existing)
        var replaced = 0
        while let start = rest.range(of: "<!-- hedgerow:begin ") {
            guard let nameEnd = rest[start.upperBound...].firstIndex(where: { $0 == " " || $0 == "-" }) else { break }
            let name = String(rest[start.upperBound..<nameEnd])
            let endMarker = IncidentMarkdown.end(name)
            guard let end = rest[start.upperBound...].range(of: endMarker) else { break }
            out += rest[..<start.lowerBound]
            var endIndex = end.upperBound
            if endIndex < rest.endIndex, rest[endIndex] == "\n" { endIndex = rest.index(after: endIndex) }
            switch name {
            case "summary": out += IncidentMarkdown.block(name, IncidentMarkdown.summary(fresh)); replaced += 1
            case "details":
                let extra = fresh.containment.filter { !existing.contains($0.action) }
                out += IncidentMarkdown.block(name, IncidentMarkdown.details(fresh, extraSteps: extra)); replaced += 1
            default: out += rest[start.lowerBound..<endIndex]
            }
            rest = rest[endIndex...]
        }
        guard replaced > 0 else { return nil }
        return out + rest
    }

    /// The person's edits on a page: status, owner and ticked steps, from outside the machine blocks.
    public static func edits(in page: String) -> (status: String?, owner: String?, ticked: Set<String>) {
        var status: String?, owner: String?
        var ticked = Set<String>()
        var inMachine = false
        for raw in page.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("<!-- hedgerow:begin ") { inMachine = true; continue }
            if line.hasPrefix("<!-- hedgerow:end ") { inMachine = false; continue }
            if inMachine { continue }
            if status == nil, let v = field(line, "Status") { status = v }
            if owner == nil, let v = field(line, "Owner") { owner = v }
            for mark in ["- [x] ", "- [X] ", "* [x] ", "* [X] "] where line.hasPrefix(mark) {
                ticked.insert(String(line.dropFirst(mark.count)))
            }
        }
        return (status, owner, ticked)
    }

    /// Applies a page's edits to the record written beside it.
    public static func apply(_ page: String, to record: inout IncidentRecord) {
        let e = edits(in: page)
        if let status = e.status, !status.isEmpty { record.status = status }
        record.owner = (e.owner?.isEmpty ?? true) ? nil : e.owner
        for i in record.containment.indices {
            let step = record.containment[i]
            if e.ticked.contains(where: { $0.hasPrefix(step.action) }) { record.containment[i].done = true }
        }
    }

    private static func field(_ line: String, _ name: String) -> String? {
        for prefix in ["- \(name):", "* \(name):", "\(name):"] where line.hasPrefix(prefix) {
            return line.dropFirst(prefix.count).trimmingCharacters(in: .whitespaces)
        }
        return nil
    }
}
