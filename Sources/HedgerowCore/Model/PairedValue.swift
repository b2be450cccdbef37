/// The other half of a credential pair (`Finding.pairedWith`): which rule found it,
/// its masked value and where it starts. One credential is both halves: they are
/// revoked and rotated together.
public struct PairedValue: Equatable, Hashable, Sendable {
    /// How many lines apart two halves may be and still be one credential.
    public static let nearbyLines = 5
    public var ruleID: String
    public var ruleName: String
    public var masked: String
    public var start: TextPosition
    public init(ruleID: String, ruleName: String, masked: String, start: TextPosition) {
        self.ruleID = ruleID; self.ruleName = ruleName; self.masked = masked; self.start = start
    }
}
