import Foundation
import HedgerowCore

/// The table that undoes a redaction: each replacement written and the exact source text
/// it stands for. It holds the personal data and secrets that were removed, so it is only
/// written when asked for (`--map`), with mode 0600, and never inside a git work tree
/// unless forced; nothing else of a run keeps a value.
public struct RedactionMap: Equatable, Sendable {
    public struct Entry: Equatable, Sendable {
        public var replacement: String
        public var value: String
        public var category: String
        public init(replacement: String, value: String, category: String) {
            self.replacement = replacement; self.value = value; self.category = category
        }
    }

    public static let warning = "This file holds the real personal data and secrets that hedgerow redact removed. "
        + "Keep it on this machine, never commit, paste or share it, and delete it when you are done."
    public var style: ReplacementStyle
    public var entries: [Entry]

    public init(style: ReplacementStyle, entries: [Entry]) { self.style = style; self.entries = entries }

    public init(book: PlaceholderBook) {
        self.init(style: book.style, entries: book.entries.map { Entry(replacement: $0.replacement, value: $0.source, category: $0.category.rawValue) })
    }

    public struct FormatError: Error, CustomStringConvertible {
        public var description: String
    }

    /// JSON: the output contract's envelope (`tool`, `schema_version`), the warning, the
    /// style and the entries in order of first use.
    public func encoded(toolVersion: String) -> Data {
        let object: [String: Any] = [
            "tool": ["name": "hedgerow", "version": toolVersion],
            "schema_version": 1,
            "warning": Self.warning,
            "style": style.rawValue,
            "entries": entries.map { ["replacement": $0.replacement, "value": $0.value, "category": $0.category] },
        ]
        // The key order is fixed by sorting; the entries keep their order.
        return (try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
    }

    public static func decode(_ data: Data) throws -> RedactionMap {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let version = object["schema_version"] as? Int, version == 1,
              let rawEntries = object["entries"] as? [[String: Any]] else {
            throw FormatError(description: "not a hedgerow redaction map (schema_version 1)")
        }
        let style = (object["style"] as? String).flatMap(ReplacementStyle.init(rawValue:)) ?? .placeholder
        var entries: [Entry] = []
        for raw in rawEntries {
            guard let replacement = raw["replacement"] as? String, let value = raw["value"] as? String else {
                throw FormatError(description: "a map entry lacks its replacement or value")
            }
            entries.append(Entry(replacement: replacement, value: value, category: raw["category"] as? String ?? ""))
        }
        return RedactionMap(style: style, entries: entries)
    }
}
