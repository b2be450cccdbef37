/// What reading one document or archive came to, besides its findings: how many parts
/// were scanned and how many bytes of text, and every part skipped or broken, so a
/// summary can say "3 files scanned; skipped: 1 encrypted archive member; 1 error" and a
/// container is never a silent pass.
public struct DocumentTally: Sendable, Equatable {
    /// Members and document parts whose text was scanned.
    public var files = 0
    public var bytes = 0
    public var skipped: [String: Int] = [:]
    public var errors: [String] = []
    public init() {}
}
