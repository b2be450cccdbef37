/// Stage 7, finishing: the masked form people read and the keyed fingerprint tools match
/// on. Made once per emitted finding, after the overlap policy, so a finding a more
/// specific rule covers never costs a fingerprint; the engine that scans decoded text for
/// another engine skips this (only the value and confidence of its findings are read).
struct FindingFinisher {
    let fingerprinter: Fingerprinter

    func finish(_ f: inout Finding) {
        f.masked = Masking.mask(f.value, category: f.category)
        f.fingerprint = fingerprinter.fingerprint(ruleID: f.ruleID, value: f.value)
    }
}
