import Foundation
import HedgerowCore
import HedgerowReport

/// `hedgerow rules list` and `hedgerow rules check`.
public enum RuleCommands {
    public static func list(json: Bool) -> RunResult {
        do {
            let rules = try BuiltinRules.load()
            if json {
                let items: [[String: Any]] = rules.map { rule in
                    var item: [String: Any] = ["id": rule.id, "name": rule.name, "kind": rule.decode == nil ? "detector" : "decoder"]
                    guard rule.decode == nil else { return item }
                    item["category"] = rule.category.rawValue
                    item["class"] = rule.dataClass.rawValue
                    item["confidence"] = rule.confidence.rawValue
                    if !rule.provider.isEmpty { item["provider"] = rule.provider }
                    return item
                }
                return RunResult(output: OutputContract.document(["rules": items], toolVersion: hedgerowVersion), diagnostics: [], exitCode: 0)
            }
            // Decoders find no values themselves: they are listed apart, so nobody reads
            // "Percent-encoded text" as a kind of email address.
            let detectors = rules.filter { $0.decode == nil }, decoders = rules.filter { $0.decode != nil }
            let width = rules.map(\.id.count).max() ?? 0
            func row(_ rule: Rule, _ kind: String) -> String { rule.id.padding(toLength: width + 2, withPad: " ", startingAt: 0) + kind.padding(toLength: 20, withPad: " ", startingAt: 0) + rule.name }
            var lines = detectors.map { row($0, $0.category.rawValue) }
            lines += decoders.map { row($0, "decoder") }
            return RunResult(output: lines.joined(separator: "\n") + "\n\(detectors.count) rules, \(decoders.count) decoders\n", diagnostics: [], exitCode: 0)
        } catch {
            return RunResult(output: "", diagnostics: ["error: \(error)"], exitCode: ExitStatus.error)
        }
    }

    public static func check(paths: [String]) -> RunResult {
        var rules: [Rule] = []
        do {
            if paths.isEmpty {
                rules = try BuiltinRules.load()
            } else {
                for file in try ruleFiles(in: paths) {
                    guard let text = readRegularText(file) else {
                        throw YAMLProblem(file: file, line: nil, message: "cannot read the file as UTF-8")
                    }
                    rules += try RuleLoader.load(yaml: text, file: file)
                }
            }
        } catch {
            return RunResult(output: "", diagnostics: ["error: \(error)"], exitCode: ExitStatus.error)
        }
        let failures = RuleChecker.check(rules)
        if failures.isEmpty {
            let examples = rules.reduce(0) { $0 + $1.examples.count + $1.lowConfidenceExamples.count + $1.negativeExamples.count }
            return RunResult(output: "\(rules.count) rules OK (\(examples) examples checked)\n", diagnostics: [], exitCode: 0)
        }
        return RunResult(output: failures.map(\.description).joined(separator: "\n") + "\n\(failures.count) problem\(failures.count == 1 ? "" : "s") in \(Set(failures.map(\.ruleID)).count) rule(s)\n",
                         diagnostics: [], exitCode: ExitStatus.error)
    }

    static func ruleFiles(in paths: [String]) throws -> [String] {
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw YAMLProblem(file: path, line: nil, message: "no such file or directory")
            }
            if isDirectory.boolValue {
                let walker = FileManager.default.enumerator(atPath: path)
                while let item = walker?.nextObject() as? String {
                    if item.hasSuffix(".yml") || item.hasSuffix(".yaml") {
                        files.append((path as NSString).appendingPathComponent(item))
                    }
                }
            } else {
                files.append(path)
            }
        }
        return files.sorted()
    }
}
