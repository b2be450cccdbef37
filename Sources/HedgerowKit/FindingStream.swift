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
    private var waiting: [Int: [Finding]] = [:]
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

    func emit(_ finding: Finding, input: Int) {
        lock.lock(); defer { lock.unlock() }
        if input == head { deliver(finding) } else { waiting[input, default: []].append(finding) }
    }

    func finish(input: Int) {
        lock.lock(); defer { lock.unlock() }
        finished.insert(input)
        while finished.contains(head) {
            head += 1
            for finding in waiting.removeValue(forKey: head) ?? [] { deliver(finding) }
        }
    }

    /// The counts gathered while streaming (the findings themselves were written out).
    var counted: FindingCollector { lock.lock(); defer { lock.unlock() }; return collector }

    private func deliver(_ finding: Finding) {
        if collector.add(finding) { output.write(line(finding)) }
    }
}

/// Standard output, or a temporary file renamed over `--output` when the run ends (so
/// the file is whole or absent). Writes are buffered; a failed write is remembered and
/// reported, never ignored.
final class StreamWriter: @unchecked Sendable {
    private let fd: Int32
    private let target: String?
    private let temporary: String?
    private var buffer: [UInt8] = []
    private(set) var failure: String?

    init(outputPath: String?) throws {
        target = outputPath
        if let outputPath {
            let directory = (outputPath as NSString).deletingLastPathComponent
            let temp = (directory.isEmpty ? "." : directory) + "/.\((outputPath as NSString).lastPathComponent).hedgerow-\(getpid())"
            let descriptor = open(temp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else { throw AtomicFile.WriteError(path: outputPath, reason: String(cString: strerror(errno))) }
            fd = descriptor
            temporary = temp
        } else {
            fd = STDOUT_FILENO
            temporary = nil
        }
    }

    func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    private func flush() {
        var written = 0
        while written < buffer.count && failure == nil {
            let n = buffer.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + written, buffer.count - written) }
            if n < 0 { if errno == EINTR { continue }; failure = String(cString: strerror(errno)) } else { written += n }
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes; for a file, syncs and renames it into place (or removes it on failure).
    func close() -> String? {
        flush()
        guard let temporary, let target else { return failure.map { "cannot write standard output: \($0)" } }
        if failure == nil && fsync(fd) != 0 { failure = String(cString: strerror(errno)) }
        Glibc.close(fd)
        if failure == nil && rename(temporary, target) != 0 { failure = String(cString: strerror(errno)) }
        if let failure { unlink(temporary); return "cannot write \(target): \(failure)" }
        return nil
    }
}
