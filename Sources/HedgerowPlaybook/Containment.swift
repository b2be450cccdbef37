/// The playbook's containment steps and its ICO question, as the records quote them. They
/// are the playbook's words, not the report formats': a team that adopts another playbook
/// changes this file and the severities beside it, and every record follows.
public enum Containment {
    /// One step and the time it must be done within, counted from detection.
    public struct Step: Equatable, Sendable {
        public let action: String
        public let within: String
    }

    /// A credential leak (CL): rotate first, then revoke, audit its use, update its users
    /// and look for it elsewhere; out of the repository, purge it where it was shared; in
    /// a repository, rewrite history after rotation.
    /// `revokeAt`: the provider's revocation page or command, when the rule names one.
    public static func credentialLeak(provider: String, revokeAt: String?, usedSince: String?, fingerprint: String,
                                      sharedOutsideRepository: Bool, committedPaths: [String]) -> [Step] {
        var steps = [
            Step(action: "Rotate the credential at \(provider): issue a new one and switch the service to it", within: "30 minutes"),
            Step(action: "Revoke (disable) the leaked credential at \(provider)" + (revokeAt.map { ": \($0)" } ?? ""), within: "1 hour"),
            Step(action: "Audit its use since \(usedSince ?? "it was first committed") in \(provider)'s access logs", within: "4 hours"),
            Step(action: "Update every system that used it; read it from a secret store, not from code", within: "24 hours"),
            Step(action: "Scan the organisation's other repositories for the same value (`hedgerow audit`, fingerprint \(fingerprint))", within: "24 hours"),
        ]
        if sharedOutsideRepository {
            steps.append(Step(action: "Delete it from wherever it was shared (chat, ticket, document, AI tool history) and ask the tool's owner to purge it", within: "24 hours"))
        }
        for path in committedPaths {
            steps.append(Step(action: "Remove it from history, after rotation: `git filter-repo --invert-paths --path \(shellQuoted(path))` (drops the file from every commit), or keep the file and scrub the value with `git filter-repo --replace-text <file outside the repository holding the value>`; then force-push and ask the host to purge cached views", within: "72 hours"))
        }
        return steps
    }

    /// A data exposure (DE): document, assess persistence, count the people, put the ICO
    /// question to the Data Protection Officer, then remove the data.
    public static func dataExposure(subjectsEstimate: Int?, icoDeadline: String) -> [Step] {
        [
            Step(action: "Document what was exposed: categories, counts and where (this record), and who could read it", within: "4 hours"),
            Step(action: "Assess persistence: is it in pushed history, forks, CI logs, caches or an AI tool's history?", within: "24 hours"),
            Step(action: "Confirm the data-subject count (estimate: \(subjectsEstimate.map(String.init) ?? "none identified"))", within: "24 hours"),
            Step(action: "Decide with the Data Protection Officer whether the 72-hour ICO notification applies (deadline \(icoDeadline))", within: "72 hours"),
            Step(action: "Remove the data from the repository and its history (`git filter-repo`), replacing it with made-up data", within: "72 hours"),
        ]
    }

    /// The ICO question for a DE record. UK GDPR article 33: a personal data breach is
    /// reported to the ICO within 72 hours of becoming aware of it, unless it is unlikely to
    /// result in a risk to people's rights and freedoms; protectively marked material with
    /// no personal values in it does not raise the question.
    public static func icoQuestion(personalData: Bool, deadline: String) -> String {
        personalData
            ? "The question arises: personal data left the machine. Unless the exposure is unlikely to result in a risk to people's rights and freedoms, the ICO must be told within 72 hours of detection, by \(deadline). The DPO decides and records the reason either way."
            : "Protectively marked material only, no personal values: the ICO question does not arise from this record; follow the security classification owner's process."
    }

    /// A path as one shell word, for the commands the steps quote.
    public static func shellQuoted(_ path: String) -> String {
        "'" + path.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''") + "'"
    }
}
