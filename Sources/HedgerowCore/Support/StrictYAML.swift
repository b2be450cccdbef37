import Yams

/// A problem in a user-written YAML file, located to the line so it can be fixed.
public struct YAMLProblem: Error, CustomStringConvertible, Equatable, Sendable {
    public let file: String
    public let line: Int?
    public let message: String

    public init(file: String, line: Int?, message: String) {
        self.file = file; self.line = line; self.message = message
    }

    public var description: String {
        if let line { return "\(file):\(line): \(message)" }
        return "\(file): \(message)"
    }
}

/// Reads a YAML mapping strictly: every key must be known and of the right shape.
/// Rule files and configuration both go through here so a typo is an error, never ignored.
struct StrictMapping {
    let file: String
    let node: Node
    private var pairs: [(key: String, value: Node, line: Int?)] = []
    private(set) var used: Set<String> = []

    init(_ node: Node, file: String, what: String) throws {
        self.file = file
        self.node = node
        guard case let .mapping(mapping) = node else {
            throw YAMLProblem(file: file, line: node.mark?.line, message: "\(what) must be a mapping")
        }
        for (key, value) in mapping {
            guard let name = key.string else {
                throw YAMLProblem(file: file, line: key.mark?.line, message: "keys must be strings")
            }
            pairs.append((name, value, key.mark?.line))
        }
    }

    var line: Int? { node.mark?.line }

    mutating func value(_ key: String) -> Node? {
        used.insert(key)
        return pairs.first { $0.key == key }?.value
    }

    mutating func string(_ key: String, required: Bool = false) throws -> String? {
        guard let node = value(key) else {
            if required { throw YAMLProblem(file: file, line: line, message: "missing required key '\(key)'") }
            return nil
        }
        guard case let .scalar(scalar) = node else {
            throw YAMLProblem(file: file, line: node.mark?.line, message: "'\(key)' must be a string")
        }
        return scalar.string
    }

    mutating func bool(_ key: String) throws -> Bool? {
        guard let text = try string(key) else { return nil }
        switch text.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw YAMLProblem(file: file, line: value(key)?.mark?.line, message: "'\(key)' must be true or false")
        }
    }

    mutating func int(_ key: String) throws -> Int? {
        guard let text = try string(key) else { return nil }
        guard let number = Int(text) else {
            throw YAMLProblem(file: file, line: value(key)?.mark?.line, message: "'\(key)' must be a whole number")
        }
        return number
    }

    mutating func strings(_ key: String) throws -> [String] {
        guard let node = value(key) else { return [] }
        switch node {
        case let .scalar(scalar):
            return [scalar.string]
        case let .sequence(sequence):
            return try sequence.map { item in
                guard case let .scalar(scalar) = item else {
                    throw YAMLProblem(file: file, line: item.mark?.line, message: "'\(key)' must be a list of strings")
                }
                return scalar.string
            }
        default:
            throw YAMLProblem(file: file, line: node.mark?.line, message: "'\(key)' must be a list of strings")
        }
    }

    /// Fails on the first key nobody asked for: unknown keys are typos until proven otherwise.
    func rejectUnknownKeys(known extra: Set<String> = []) throws {
        for pair in pairs where !used.contains(pair.key) && !extra.contains(pair.key) {
            let known = used.union(extra).sorted().joined(separator: ", ")
            throw YAMLProblem(file: file, line: pair.line, message: "unknown key '\(pair.key)' (known keys: \(known))")
        }
    }
}

/// Parses YAML text into a node, turning parser errors into located problems.
func parseYAML(_ text: String, file: String, checkNesting: Bool = true) throws -> Node? {
    // The parser recurses per level and would crash on hostile nesting: refuse it first.
    if checkNesting, let line = YAMLNesting.lineTooDeep(text) {
        throw YAMLProblem(file: file, line: line, message: "nested more than \(YAMLNesting.limit) levels deep")
    }
    do {
        // Every scalar is read as text, so the basic resolver does: the default one compiles
        // a dozen regular expressions for tags nothing here uses (a tenth of start-up time).
        return try Yams.compose(yaml: text, .basic)
    } catch let error as YamlError {
        switch error {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            throw YAMLProblem(file: file, line: mark.line, message: "invalid YAML: \(problem)")
        default:
            // Reader and other errors: Yams' own text quotes the input; say what is wrong.
            throw YAMLProblem(file: file, line: nil, message: "invalid YAML (not readable as YAML text)")
        }
    }
}
