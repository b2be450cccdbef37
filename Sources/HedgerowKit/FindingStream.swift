import Foundation
import HedgerowCore
#if canImport(Glibc)
import Glibc
#endif

/// Writes findings out as files are scanned, in input order, so memory holds only the
/// findings of files still in flight, never those of a whole run (a 2 GB log with half a
/// million findings streams through). Files finish in any order on worker threads; the
/// findings of a file that is not yet next in line wait until it is.
final class FindingStream: @unchecked Sendable {
    private let lock = NSLock()
    private var head = 0
    private var waiting: [Int: [(finding: Finding, text: String)]] = [:]
    private var finished = Set<Int>()
    private var collector: FindingCollector
    private let output: StreamWriter
    private let line: (Finding) -> String

    init(collector: FindingCollector, output: StreamWriter, line: @escaping (Finding) -> String) {
        var counting = collector
        counting.keepsFindings = false
        self.collector = counting
        self.output = output
        self.line = line
    }

    /// The line is formatted before the lock is taken (formatting is most of the cost of
    /// a finding, and the other threads would wait for it); counting and writing are not.
    func emit(_ finding: Finding, input: Int) {
        let text = line(finding)
        lock.lock(); defer { lock.unlock() }
        if input == head { deliver(finding, text) } else { waiting[input, default: []].append((finding, text)) }
    }

    func finish(input: Int) {
        lock.lock(); defer { lock.unlock() }
        finished.insert(input)
        while finished.contains(head) {
            head += 1
            for (finding, text) in waiting.removeValue(forKey: head) ?? [] { deliver(finding, text) }
        }
    }

    /// The counts gathered while streaming (the findings themselves were written out).
    var counted: FindingCollector { lock.lock(); defer { lock.unlock() }; return collector }

    private func deliver(_ finding: Finding, _ text: String) {
        if collector.add(finding) { output.write(text) }
    }
}
