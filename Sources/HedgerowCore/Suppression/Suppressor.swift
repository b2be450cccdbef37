/// The one place the three suppressions meet: an inline `hedgerow:allow` comment (read by
/// the engine's placement stage, where the bytes are), a configuration allow entry, a
/// baseline entry. It runs after the engine, in the run's collector.
/// Decides whether a finding is reported or suppressed, and says by what, so that every
/// summary can count suppressions instead of hiding them.
public struct Suppressor: Sendable {
    public var allow: [ProjectConfig.Allowance]
    public var baseline: Baseline?

    public init(allow: [ProjectConfig.Allowance] = [], baseline: Baseline? = nil) { self.allow = allow; self.baseline = baseline }

    /// "inline", "config" or "baseline"; nil when the finding is reported.
    public func reason(_ f: Finding) -> String? {
        if f.allowedInline { return "inline" }
        if allow.contains(where: { $0.fingerprint == f.fingerprint && ($0.rule == nil || $0.rule == f.ruleID) }) { return "config" }
        if baseline?.covers(f) == true { return "baseline" }
        return nil
    }
}
