import Foundation
import HedgerowCore
import HedgerowInputs

/// Scans diff fragments on worker threads while git is still writing the diff.
///
/// The reader (git's output parser) submits fragments; a bounded queue makes it wait
/// when the workers fall behind, so memory stays flat on a history of any length. The
/// bound is in fragments and in bytes: a fragment is up to `DiffParser.fragmentLimit`
/// (4 MB) of one file's additions, and 64 of them queued behind the workers held a
/// 200 MB commit whole. Each
/// worker owns a scanner; results carry their submission number so the final order does
/// not depend on thread timing.
final class FragmentPipeline: @unchecked Sendable {
    struct Scanned {
        var sequence: Int
        var findings: [Finding]
        var bytes: Int
        var limitHits: [String: Int]
        var error: String?
    }

    private let condition = NSCondition()
    private var queue: [(Int, AddedFragment)] = []
    private var closed = false
    private var running = 0
    private var results: [Scanned] = []
    private var submitted = 0
    private let capacity: Int
    private let byteCapacity: Int
    private var queuedBytes = 0
    /// The most bytes ever waiting in the queue, for tests.
    private(set) var peakQueuedBytes = 0
    private let statistics: StatisticsTotal?

    init(workers: Int, capacity: Int = 64, byteCapacity: Int = 16 << 20, statistics: StatisticsTotal? = nil,
         makeScanner: @escaping @Sendable () -> HedgerowCore.ScanEngine) {
        self.capacity = capacity
        self.byteCapacity = byteCapacity
        self.statistics = statistics
        running = workers
        for _ in 0..<workers {
            let thread = Thread { [self] in work(makeScanner()) }
            thread.stackSize = 1 << 22
            thread.start()
        }
    }

    /// Queues a fragment, waiting while the queue is full.
    func submit(_ fragment: AddedFragment) {
        condition.lock()
        // One fragment may always wait, however big: the reader must make progress.
        while !queue.isEmpty && (queue.count >= capacity || queuedBytes + fragment.bytes.count > byteCapacity) { condition.wait() }
        queue.append((submitted, fragment))
        queuedBytes += fragment.bytes.count
        peakQueuedBytes = max(peakQueuedBytes, queuedBytes)
        submitted += 1
        condition.broadcast()
        condition.unlock()
    }

    /// Waits for every queued fragment to be scanned; results in submission order.
    func finish() -> [Scanned] {
        condition.lock()
        closed = true
        condition.broadcast()
        while running > 0 { condition.wait() }
        let done = results.sorted { $0.sequence < $1.sequence }
        condition.unlock()
        return done
    }

    private func work(_ scanner: HedgerowCore.ScanEngine) {
        while true {
            condition.lock()
            while queue.isEmpty && !closed { condition.wait() }
            if queue.isEmpty {
                statistics?.add(scanner.statistics)
                running -= 1
                condition.broadcast()
                condition.unlock()
                return
            }
            let (sequence, fragment) = queue.removeFirst()
            queuedBytes -= fragment.bytes.count
            condition.broadcast()
            condition.unlock()
            let scanned = Self.scan(fragment, sequence: sequence, with: scanner)
            condition.lock()
            results.append(scanned)
            condition.unlock()
        }
    }

    /// Scans one fragment and moves each finding to its file, line and commit.
    static func scan(_ fragment: AddedFragment, sequence: Int, with scanner: HedgerowCore.ScanEngine) -> Scanned {
        let origin = Origin(path: fragment.path, commit: fragment.commit?.hash, author: fragment.commit?.author,
                            date: fragment.commit?.date)
        do {
            let (found, report) = try scanner.scan(bytes: fragment.bytes, origin: origin)
            let findings = found.map { finding -> Finding in
                var moved = finding
                moved.start.line = Self.fileLine(fragment.lines, finding.start.line)
                moved.end.line = Self.fileLine(fragment.lines, finding.end.line)
                return moved
            }
            return Scanned(sequence: sequence, findings: findings, bytes: fragment.bytes.count, limitHits: report.limitHits)
        } catch {
            return Scanned(sequence: sequence, findings: [], bytes: 0, limitHits: [:], error: "\(fragment.path): \(error)")
        }
    }

    static func fileLine(_ lines: [Int], _ fragmentLine: Int) -> Int {
        lines.indices.contains(fragmentLine - 1) ? lines[fragmentLine - 1] : (lines.last ?? 0)
    }
}
