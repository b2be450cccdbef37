// `BuildInfo` itself is generated into this module at build time by the StampVersion plugin
// (from the VERSION file and git), so the version is written in exactly one place.
extension BuildInfo {
    /// What `hedgerow --version` prints: `0.1.0 (commit 1a2b3c4d5e6f)`.
    public static var description: String { "\(version) (commit \(commit))" }
}
