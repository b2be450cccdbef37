import Foundation

/// The audit's JSON forms: the report as one document, the report as JSON Lines, and the
/// per-repository state file. All follow the output contract; state files and reports
/// written before it are read through its rename table.
extension AuditReport {
    public func jsonDocument(toolVersion: String) -> String {
        OutputContract.document(OutputContract.object(self), toolVersion: toolVersion)
    }

    /// One `run` line, then per repository a `repository` line (its fields without the
    /// findings) followed by its `finding` lines (each naming the repository), then one
    /// `summary` line: a consumer can stream a large audit without holding it whole.
    public func jsonLines(toolVersion: String) -> String {
        var out = OutputContract.runLine(toolVersion: toolVersion)
        for repository in repositories {
            var fields = OutputContract.object(repository)
            fields["findings"] = nil
            out += OutputContract.line(type: "repository", fields)
            for finding in repository.findings {
                var item = OutputContract.object(finding)
                item["repository"] = repository.name
                out += OutputContract.line(type: "finding", item)
            }
        }
        // The report's own fields without its repositories (already written line by line).
        var totals = self
        totals.repositories = []
        var summary = OutputContract.object(totals)
        summary["repositories"] = repositories.count
        return out + OutputContract.line(type: "summary", summary)
    }
}

extension RepositoryResult {
    /// The text of `repos/<name>.json` in an audit state directory.
    public func stateDocument(toolVersion: String) -> String {
        OutputContract.document(OutputContract.object(self), toolVersion: toolVersion)
    }

    /// A state file of this or an earlier version.
    public static func decodeState(_ data: Data) throws -> RepositoryResult {
        try JSONDecoder().decode(RepositoryResult.self, from: OutputContract.upgradingLegacyKeys(data))
    }
}
