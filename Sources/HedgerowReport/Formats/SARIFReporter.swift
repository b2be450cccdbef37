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

    /// The document is written in three pieces so a scan can stream it: the rules and the
    /// run's fixed members, then each result in order, then what needs the whole run (its
    /// counts and notifications). Members follow that order rather than the alphabet, so
    /// nothing waits for the end; a document built in memory is the same three pieces.
    public func render(_ c: ReportContext) -> String {
        let index = Self.ruleIndex(c.rules)
        let items = c.findings.map { streamedItem($0, ruleIndex: index, showValues: c.showValues) }
        return streamOpening(rules: c.rules, toolVersion: c.toolVersion) + items.joined(separator: Self.streamSeparator)
            + streamClosing(c.summary)
    }

    /// Each rule's position in `tool.driver.rules`, for results' `ruleIndex`.
    public static func ruleIndex(_ rules: [RuleInfo]) -> [String: Int] {
        var index: [String: Int] = [:]
        for (i, rule) in rules.enumerated() { index[rule.id] = i }
        return index
    }

    /// From the document's start to its first result.
    public func streamOpening(rules: [RuleInfo], toolVersion: String) -> String {
        let tool: [String: Any] = ["driver": [
            "name": "hedgerow", "version": toolVersion, "semanticVersion": toolVersion,
            "informationUri": "https://github.com/hedgerow-scanner/hedgerow", "rules": rules.map(Self.describe),
        ]]
        let base: [String: Any] = ["%SRCROOT%": ["description": ["text": "The root of the scanned repository or directory."]]]
        return "{\n  \"$schema\" : " + Self.piece(Self.schema, by: 2) + ",\n  \"runs\" : [\n    {\n"
            + "      \"columnKind\" : \"unicodeCodePoints\",\n"
            + "      \"originalUriBaseIds\" : " + Self.piece(base, by: 6) + ",\n"
            + "      \"tool\" : " + Self.piece(tool, by: 6) + ",\n"
            + "      \"results\" : [\n"
    }

    /// Between two results.
    public static let streamSeparator = ",\n"

    /// One result as it sits in the document.
    public func streamedItem(_ f: Finding, ruleIndex: [String: Int], showValues: Bool) -> String {
        String(repeating: " ", count: 8) + Self.piece(result(f, ruleIndex: ruleIndex, showValues: showValues), by: 8)
    }

    /// From the last result to the document's end.
    public func streamClosing(_ summary: ScanSummary) -> String {
        let notifications: [[String: Any]] = summary.errors.map { ["level": "error", "message": ["text": $0]] }
        let invocations: [[String: Any]] = [["executionSuccessful": summary.errors.isEmpty, "toolExecutionNotifications": notifications]]
        let properties: [String: Any] = ["suppressed": summary.suppressed, "below_threshold": summary.belowThreshold]
        return "\n      ],\n      \"invocations\" : " + Self.piece(invocations, by: 6)
            + ",\n      \"properties\" : " + Self.piece(properties, by: 6)
            + "\n    }\n  ],\n  \"version\" : \"2.1.0\"\n}\n"
    }

    /// A value pretty-printed as the whole document would print it at this depth.
    static func piece(_ value: Any, by indent: Int) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: value, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes, .fragmentsAllowed])) ?? Data("null".utf8)
        return String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\n", with: "\n" + String(repeating: " ", count: indent))
    }

    func result(_ f: Finding, ruleIndex: [String: Int], showValues: Bool) -> [String: Any] {
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
        if showValues { properties["value"] = f.value }
        let shown = showValues ? f.value.replacingOccurrences(of: "\n", with: "\\n") : f.masked
        var result: [String: Any] = [
            "ruleId": f.ruleID,
            "level": Self.level(policy.severity(of: f)),
            "message": ["text": "\(f.ruleName): \(shown)\(f.hint.isEmpty ? "" : ". \(f.hint)")"],
            "locations": [logical.map { ["physicalLocation": location, "logicalLocations": $0] } ?? ["physicalLocation": location]],
            "partialFingerprints": ["hedgerowFingerprint/v1": f.fingerprint],
            "properties": properties,
        ]
        if let index = ruleIndex[f.ruleID] { result["ruleIndex"] = index }
        return result
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
