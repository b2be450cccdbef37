import Foundation

/// A sentence for a file hedgerow wrote and reads back (audit state, incident records) that
/// does not decode. `JSONDecoder`'s own description is a framework dump (`DecodingError.
/// keyNotFound ... CodingKeys(stringValue: ...)`) and some of its cases quote the value they
/// met; this names the field and the problem, never the value.
public enum DecodingProblem {
    public static func describe(_ error: Error) -> String {
        switch error {
        case let DecodingError.keyNotFound(key, context):
            return "the field \(field(context.codingPath + [key])) is missing"
        case let DecodingError.valueNotFound(_, context):
            return "the field \(field(context.codingPath)) is empty"
        case let DecodingError.typeMismatch(_, context):
            return "the field \(field(context.codingPath)) has the wrong type"
        case let DecodingError.dataCorrupted(context):
            return context.codingPath.isEmpty ? "it is not valid JSON" : "the field \(field(context.codingPath)) has a value hedgerow does not know"
        case let error as CocoaError where error.code == .fileReadNoSuchFile:
            return "it does not exist"
        case let error as CocoaError where error.code == .fileReadNoPermission:
            return "permission denied"
        default:
            return "it could not be read"
        }
    }

    /// `findings[2].rule`, or `the top level`.
    static func field(_ path: [CodingKey]) -> String {
        guard !path.isEmpty else { return "at the top level" }
        var text = ""
        for key in path {
            if let index = key.intValue { text += "[\(index)]" } else { text += (text.isEmpty ? "" : ".") + key.stringValue }
        }
        return "'\(text)'"
    }
}
