import Foundation
import HedgerowCore

/// SARIF 2.1.0 for code-scanning dashboards (GitHub accepts it as uploaded). Every rule
/// that ran is described in `tool.driver.rules`; results point at repository-relative
/// paths under `%SRCROOT%`, carry the keyed fingerprint as a partial fingerprint so a
/// dashboard tracks a finding across moves, and hold the masked value only.
public struct SARIFReporter: Reporter {
    public var policy: SeverityPolicy
    public init(policy: SeverityPolicy = SeverityPolicy()) { self.policy = policy }

    public static let schema = "https://json.schemastore.org/sarif-2.1.0.json"

    public func render(_ c: ReportContext) -> String {
        var ruleIndex: [String: Int] = [:]
        for (i, rule) in c.rules.enumerated() { ruleIndex[rule.id] = i }
        let rules: [[String: Any]] = c.rules.map(Self.describe)
        let results: [[String: Any]] = c.findings.map { f in
            var location: [String: Any] = ["region": [
                "startLine": f.start.line, "startColumn": f.start.column, "endLine": f.end.line, "endColumn": f.end.column,
            ]]
            location["artifactLocation"] = Self.artifact(f.origin.path)
            // Inside an archive or document the path is the file on disk (the outermost
            // container) and the place inside it a logical location: a region of extracted
            // text would point nowhere in the file.
            var logical: [[String: Any]]? = nil
            if let place = f.location {
                location.removeValue(forKey: "region")
                logical = [["fullyQualifiedName": place, "kind": "member"]]
            }
            var properties: [String: Any] = [
                "category": f.category.rawValue, "confidence": f.confidence.rawValue,
                "severity": policy.severity(of: f).rawValue, "masked": f.masked,
            ]
            if let commit = f.origin.commit { properties["commit"] = commit }
            if let date = f.origin.date { properties["date"] = date }
            if let decoded = f.decodedFrom { properties["decoded"] = decoded.rawValue }
            if let pair = f.pairedWith { properties["paired_with"] = pair.ruleID }
            if c.showValues { properties["value"] = f.value }
            var result: [String: Any] = [
                "ruleId": f.ruleID,
                "level": Self.level(policy.severity(of: f)),
                "message": ["text": "\(f.ruleName): \(c.shown(f))\(f.hint.isEmpty ? "" : ". \(f.hint)")"],
                "locations": [logical.map { ["physicalLocation": location, "logicalLocations": $0] } ?? ["physicalLocation": location]],
                "partialFingerprints": ["hedgerowFingerprint/v1": f.fingerprint],
                "properties": properties,
            ]
            if let index = ruleIndex[f.ruleID] { result["ruleIndex"] = index }
            return result
        }
        let notifications: [[String: Any]] = c.summary.errors.map { ["level": "error", "message": ["text": $0]] }
        let run: [String: Any] = [
            "tool": ["driver": [
                "name": "hedgerow", "version": c.toolVersion, "semanticVersion": c.toolVersion,
                "informationUri": "https://github.com/hedgerow-scanner/hedgerow", "rules": rules,
            ]],
            "originalUriBaseIds": ["%SRCROOT%": ["description": ["text": "The root of the scanned repository or directory."]]],
            "columnKind": "unicodeCodePoints",
            "properties": ["suppressed": c.summary.suppressed, "below_threshold": c.summary.belowThreshold] as [String: Any],
            "results": results,
            "invocations": [["executionSuccessful": c.summary.errors.isEmpty, "toolExecutionNotifications": notifications]],
        ]
        let document: [String: Any] = ["$schema": Self.schema, "version": "2.1.0", "runs": [run]]
        return JSONText.pretty(document)
    }

    static func level(_ s: Severity) -> String {
        switch s {
        case .p1, .p2: return "error"
        case .p3: return "warning"
        case .p4: return "note"
        }
    }

    static func describe(_ rule: RuleInfo) -> [String: Any] {
        let kind = rule.dataClass == .secret ? "credential" : "personal data"
        let securitySeverity: String
        if rule.dataClass == .secret { securitySeverity = "9.0" }
        else if SeverityPolicy.sensitive.contains(rule.category) { securitySeverity = "7.0" }
        else { securitySeverity = "5.0" }
        let description = rule.description.isEmpty ? "\(rule.name) (\(kind))." : rule.description
        var help = "\(description)\n\nWhat to do: \(rule.hint.isEmpty ? "remove the value." : rule.hint)"
        if !rule.references.isEmpty { help += "\n\nReferences: " + rule.references.joined(separator: ", ") }
        var entry: [String: Any] = [
            "id": rule.id,
            "name": rule.name.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(),
            "shortDescription": ["text": rule.name],
            "fullDescription": ["text": description],
            "help": ["text": help, "markdown": help],
            "defaultConfiguration": ["level": rule.dataClass == .secret ? "error" : "warning"],
            "properties": [
                "category": rule.category.rawValue, "class": rule.dataClass.rawValue,
                "tags": ["security", rule.dataClass == .secret ? "secret" : "personal-data", rule.category.rawValue],
                "security-severity": securitySeverity, "precision": "high",
            ] as [String: Any],
        ]
        if let uri = rule.references.first(where: { $0.hasPrefix("https://") }) { entry["helpUri"] = uri }
        return entry
    }

    /// A repository-relative, percent-encoded URI under `%SRCROOT%`; absolute paths outside
    /// the working directory stay absolute `file://` URIs.
    static func artifact(_ path: String) -> [String: Any] {
        var relative = path
        while relative.hasPrefix("./") { relative.removeFirst(2) }
        if relative.hasPrefix("/") {
            let cwd = FileManager.default.currentDirectoryPath
            if relative.hasPrefix(cwd + "/") { relative = String(relative.dropFirst(cwd.count + 1)) }
            else { return ["uri": "file://" + encode(relative)] }
        }
        return ["uri": encode(relative), "uriBaseId": "%SRCROOT%"]
    }

    static func encode(_ path: String) -> String {
        var allowed = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: Unicode.Scalar(0)...Unicode.Scalar(127)))
        allowed.insert(charactersIn: "-._~/")
        return path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
    }
}
