import Foundation
import HedgerowCore

/// `hedgerow rules list` and `hedgerow rules check`.
public enum RuleCommands {
    public static func list(json: Bool) -> RunResult {
        do {
            let rules = try BuiltinRules.load()
            if json {
                let items = rules.map { ["id": $0.id, "name": $0.name, "category": $0.category.rawValue, "class": $0.dataClass.rawValue, "confidence": $0.confidence.rawValue] }
                let data = try JSONSerialization.data(withJSONObject: items, options: [.prettyPrinted, .sortedKeys])
                return RunResult(output: String(decoding: data, as: UTF8.self) + "\n", diagnostics: [], exitCode: 0)
            }
            let width = rules.map(\.id.count).max() ?? 0
            let lines = rules.map { $0.id.padding(toLength: width + 2, withPad: " ", startingAt: 0) + "\($0.category.rawValue.padding(toLength: 20, withPad: " ", startingAt: 0))\($0.name)" }
            return RunResult(output: lines.joined(separator: "\n") + "\n\(rules.count) rules\n", diagnostics: [], exitCode: 0)
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
                         diagnostics: [], exitCode: ExitStatus.findings)
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
