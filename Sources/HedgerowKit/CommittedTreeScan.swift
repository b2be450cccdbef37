import HedgerowCore
import HedgerowInputs

/// `audit --history none`: the files HEAD holds, read from git (never the work tree), so
/// the audited repository's ignore files, uncommitted files and special files (FIFOs,
/// devices) change nothing. Paths in findings are relative to the repository.
enum CommittedTreeScan {
    static func collect(repository path: String, setup: RunSetup) -> FindingCollector {
        var collector = setup.collector()
        let tree = CommittedTree(directory: path)
        let scanner = setup.scanner()
        do {
            // The auditor's configuration may exclude paths; the audited repository's cannot.
            let entries = try tree.entries().filter { entry in
                guard setup.excludes(absolutePath: path + "/" + entry.path) else { return true }
                collector.summary.skip("excluded by config")
                return false
            }
            try tree.read(entries) { entry, bytes in
                let result = InputScanner().scanBytes(bytes, displayPath: entry.path, with: scanner)
                if let error = result.error { collector.summary.errors.append(error); return }
                if let reason = result.skippedReason { collector.summary.skip(reason); return }
                collector.summary.filesScanned += 1
                collector.summary.bytesScanned += result.bytes
                for (rule, count) in result.limitHits { collector.summary.limitHits[rule, default: 0] += count }
                result.findings.forEach { collector.add($0) }
            }
        } catch {
            collector.summary.errors.append("\(error)")
        }
        setup.statistics.add(scanner.statistics)
        return collector
    }
}
