import Foundation
import HedgerowCore
import HedgerowInputs
import HedgerowReport
#if canImport(Glibc)
import Glibc
#endif

/// Writes findings out as files are scanned, in input order, so memory holds only the
/// findings of files still in flight, never those of a whole run (a 2 GB log with half a
/// million findings streams through). Files finish in any order on worker threads; the
/// findings of a file that is not yet next in line wait until it is.
///
/// The parts of a big file number their lines from their own start; a part's findings are
/// moved down by the newlines of the parts before it, which are all finished by the time
/// the part is next in line.
final class FindingStream: @unchecked Sendable {
    private let lock = NSLock()
    private var head = 0
    /// Lines before `head`'s first within its file (non-zero for a part after the first).
    private var headLines = 0
    private var waiting: [Int: [Finding]] = [:]
    /// Finished inputs not yet passed by `head`, with the newlines each held.
    private var finished: [Int: Int] = [:]
    private var collector: FindingCollector
    /// The counts and first findings by rank, for reports rendered after the scan.
    private var digest: FindingDigest?
    /// Where formatted findings go; nil when the report is rendered from the digest at the end.
    private let output: StreamWriter?
    /// A library caller's own receiver, given each finding in order.
    private let sink: ((Finding) -> Void)?
    private let line: (Finding) -> String
    /// Written between two findings (a JSON document's comma).
    private let separator: String
    private var wroteOne = false
    /// Inputs that are a later part of the file of the input before them. Set before any
    /// input is scanned.
    var continuesFile = Set<Int>()
    /// Inputs that are parts of a transcript: the file's speaker ledger and the part's
    /// index, applied to the findings in order as they are delivered.
    var ledgers: [Int: (ledger: SpeakerLedger, part: Int)] = [:]

    init(collector: FindingCollector, output: StreamWriter?, digest: FindingDigest? = nil, sink: ((Finding) -> Void)? = nil,
         separator: String = "", line: @escaping (Finding) -> String) {
        var counting = collector
        counting.keepsFindings = false
        self.collector = counting
        self.digest = digest
        self.sink = sink
        self.output = output
        self.line = line
        self.separator = separator
    }

    /// A finding of the input next in line is formatted outside the lock (formatting is
    /// most of the cost of a finding, and the other threads would wait for it); its place
    /// cannot change meanwhile, as only this input's thread can finish it.
    func emit(_ finding: Finding, input: Int) {
        lock.lock()
        guard input == head else {
            waiting[input, default: []].append(finding)
            lock.unlock()
            return
        }
        if let (ledger, part) = ledgers[input], !ledger.admits(finding, part: part) {
            lock.unlock()
            return
        }
        let moved = finding.movedDown(lines: headLines)
        lock.unlock()
        let text = line(moved)
        lock.lock(); defer { lock.unlock() }
        deliver(moved, text)
    }

    func finish(input: Int, newlines: Int = 0) {
        lock.lock(); defer { lock.unlock() }
        finished[input] = newlines
        while let lines = finished.removeValue(forKey: head) {
            head += 1
            headLines = continuesFile.contains(head) ? headLines + lines : 0
            for finding in waiting.removeValue(forKey: head) ?? [] {
                if let (ledger, part) = ledgers[head], !ledger.admits(finding, part: part) { continue }
                let moved = finding.movedDown(lines: headLines)
                deliver(moved, line(moved))
            }
        }
    }

    /// The counts gathered while streaming (the findings themselves were written out).
    var counted: FindingCollector { lock.lock(); defer { lock.unlock() }; return collector }

    /// The digest gathered while streaming, when one was asked for.
    var digested: FindingDigest? { lock.lock(); defer { lock.unlock() }; return digest }

    private func deliver(_ finding: Finding, _ text: String) {
        guard collector.add(finding) else { return }
        digest?.add(finding)
        sink?(finding)
        guard let output else { return }
        if wroteOne && !separator.isEmpty { output.write(separator) }
        output.write(text)
        wroteOne = true
    }
}
