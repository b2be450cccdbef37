import Dispatch
import Foundation
import HedgerowCore
import HedgerowInputs
import HedgerowRedact
#if canImport(Glibc)
import Glibc
#endif

/// The library entry point behind `hedgerow redact`: scan every input (as `scan` does,
/// in parallel, big files in parts), number the values found across the whole run, write
/// each copy with its values and their other whole-word occurrences replaced, keeping the
/// file's structure, then scan the copies again and fail if anything is still there.
public enum RedactJob {
    /// One input and where its copy goes.
    struct Unit {
        enum Source { case file(FileTarget), memory([UInt8]) }
        enum Destination { case file(String), standardOutput, clipboard }
        var displayPath: String
        var source: Source
        var destination: Destination
    }

    /// A distinct value of the run, in order of first appearance.
    struct Value {
        var category: Category
        var text: String
        /// The source holds the value verbatim, so its other occurrences can be looked for.
        var verbatim: Bool
    }

    public static func run(_ given: RedactOptions) -> RunResult {
        var given = given
        if given.scan.matching.minConfidence == nil { given.scan.matching.minConfidence = .low }
        let environment = given.scan.destinations.environment.isEmpty ? ProcessInfo.processInfo.environment : given.scan.destinations.environment
        // A map is refused before anything is read, so a refusal costs nothing.
        if let map = given.mapPath, !given.force, let tree = gitWorkTree(containing: map) {
            return RunSetup.failure(Problem("refusing to write the map inside the git work tree \(tree): it holds the real values. "
                                            + "Write it outside the repository (for example under /tmp), or pass --force"))
        }
        let setup: RunSetup
        do {
            setup = try RunSetup(given.scan, searchFrom: given.scan.inputs.paths.first { $0 != "-" } ?? FileManager.default.currentDirectoryPath)
        } catch { return RunSetup.failure(error) }
        var options = given
        options.scan = setup.options
        var diagnostics: [String] = []
        var errors: [String] = []

        // Inputs.
        var clipboard: Clipboard?
        var units: [Unit] = []
        if options.clipboard {
            do {
                let tool = try Clipboard.detect(environment: environment)
                clipboard = tool
                units.append(Unit(displayPath: "clipboard", source: .memory(try tool.read(environment: environment)), destination: .clipboard))
            } catch { return RunSetup.failure(error) }
        }
        var skipped: [String: Int] = [:]
        for path in options.scan.inputs.paths {
            if path == "-" {
                units.append(Unit(displayPath: "-", source: .memory(readStandardInput()),
                                  destination: options.outputPath.map { .file($0) } ?? .standardOutput))
                continue
            }
            let outcome = FileWalker().collect([path])
            errors += outcome.errors
            for (reason, n) in outcome.skipped { skipped[reason, default: 0] += n }
            var isDirectory: ObjCBool = false
            let directory = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
            for file in outcome.files {
                let destination: String
                if options.inPlace {
                    destination = file.path
                } else if let out = options.outputPath {
                    destination = out
                } else if let dir = options.outDirectory {
                    let relative = directory ? String(file.path.dropFirst(path.count)).drop { $0 == "/" } : Substring((file.path as NSString).lastPathComponent)
                    destination = (dir as NSString).appendingPathComponent(String(relative))
                } else {
                    return RunSetup.failure(Problem("say where the copy goes: --out-dir DIR, -o FILE, or --in-place"))
                }
                if !options.inPlace, sameFile(destination, file.path) {
                    return RunSetup.failure(Problem("\(destination) is the input itself: pass --in-place to replace it, or write the copy elsewhere"))
                }
                units.append(Unit(displayPath: file.displayPath, source: .file(file), destination: .file(destination)))
            }
        }
        if units.isEmpty && errors.isEmpty { errors.append("nothing to redact in \(options.scan.inputs.paths.joined(separator: " "))") }

        // Pass 1: what is in every input.
        let minConfidence = options.scan.matching.minConfidence ?? .low
        let suppressor = setup.suppressor
        // A Message-ID names a message and a placeholder person ("Joe Bloggs") nobody: the
        // low findings a copy keeps.
        let found = scan(units, setup: setup, options: options.scan) { f in
            f.confidence >= minConfidence && suppressor.reason(f) == nil
                && !(f.category == .email && f.confidence == .low && EmailValidator.isMessageID(f.value))
                && !(f.category == .name && f.confidence == .low && PersonNameValidator.isPlaceholderPerson(f.value))
        }
        var values: [Value] = []
        var valueIndex: [String: Int] = [:]
        var unitRemaps: [[Int]] = []
        for result in found {
            if let error = result.error { errors.append(error) }
            if let reason = result.skipped { skipped[reason, default: 0] += 1 }
            var remap: [Int] = []
            for value in result.values {
                let key = value.category.rawValue + "\u{0}" + value.text
                if let known = valueIndex[key] {
                    remap.append(known)
                    if value.verbatim { values[known].verbatim = true }
                } else {
                    valueIndex[key] = values.count
                    remap.append(values.count)
                    values.append(value)
                }
            }
            unitRemaps.append(remap)
        }

        // Numbering, and the literals whose other occurrences are replaced too.
        let book = PlaceholderBook(style: options.style)
        let spelled = values.compactMap { $0.category == .email ? ValueVariants.nameSpelled(byEmail: $0.text) : nil }
        book.prepare(values.map { ($0.category, $0.text) } + spelled.map { (.name, $0) })
        let identities = values.map { book.identity($0.category, $0.text) }
        var literalTexts: [String] = [], literalIdentities: [Identity] = []
        for (i, value) in values.enumerated() where value.verbatim && value.text.unicodeScalars.count >= 3 {
            literalTexts.append(value.text); literalIdentities.append(identities[i])
            if value.category == .phone {
                for variant in ValueVariants.phone(value.text) { literalTexts.append(variant); literalIdentities.append(identities[i]) }
            }
        }
        for name in spelled { literalTexts.append(name); literalIdentities.append(book.identity(.name, name)) }
        for (word, identity) in book.namePartLiterals { literalTexts.append(word); literalIdentities.append(identity) }
        let matcher = LiteralMatcher(literalTexts)
        // The matcher drops duplicates and short literals: keep the identities aligned.
        var identityOf: [[UInt8]: Identity] = [:]
        for (text, id) in zip(literalTexts, literalIdentities) where identityOf[Array(text.utf8)] == nil { identityOf[Array(text.utf8)] = id }
        let aligned = matcher.literals.map { identityOf[$0]! }

        // Pass 2: the copies.
        var counts = RewriteCounts()
        var written: [(unit: Int, bytes: [UInt8]?, path: String?)] = []
        for (u, unit) in units.enumerated() where found[u].error == nil && found[u].skipped == nil {
            // The targets come off the spill file one at a time, in order of position.
            let read = found[u].spill?.reader() ?? { nil }
            let remap = unitRemaps[u]
            let targets: () -> Target? = {
                read().map { Target(range: $0.range, pieces: $0.pieces, identity: identities[remap[Int($0.value)]]) }
            }
            let rewriter = Rewriter(format: DocumentFormat.of(path: unit.displayPath == "clipboard" || unit.displayPath == "-" ? "" : unit.displayPath),
                                    book: book, matcher: matcher, literalIdentities: aligned)
            do {
                switch (unit.source, unit.destination) {
                case let (.file(file), .file(path)) where OfficeRewriter.canRewrite(path: file.path) && options.scan.inputs.documents.enabled:
                    // The values found in the document's text, replaced inside its XML.
                    let indices = unitRemaps[u]
                    let pairs = indices.map { (values[$0].text, book.replacement(for: identities[$0], source: values[$0].text)) }
                    let directory = (path as NSString).deletingLastPathComponent
                    if !directory.isEmpty { try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true) }
                    let replaced = try OfficeRewriter.rewrite(input: file.path, output: path, replacements: pairs, limits: options.scan.inputs.documents)
                    var documentCounts = RewriteCounts()
                    for (k, n) in replaced.enumerated() where n > 0 { documentCounts.byCategory[values[indices[k]].category, default: 0] += n }
                    counts.add(documentCounts)
                    written.append((u, nil, path))
                case let (.file(file), .file(path)):
                    counts.add(try rewriteFile(file, to: path, rewriter: rewriter, targets: targets))
                    written.append((u, nil, path))
                case let (.memory(bytes), destination):
                    var copy: [UInt8] = []
                    counts.add(rewriteMemory(bytes, rewriter: rewriter, targets: targets, into: &copy))
                    switch destination {
                    case let .file(path):
                        let writer = try StreamWriter(outputPath: path)
                        copy.withUnsafeBytes { writer.write(bytes: $0) }
                        if let problem = writer.close() { throw Problem("cannot write \(path): \(problem)") }
                        written.append((u, nil, path))
                    case .standardOutput:
                        let writer = try StreamWriter(outputPath: nil)
                        copy.withUnsafeBytes { writer.write(bytes: $0) }
                        if let problem = writer.close() { throw Problem("cannot write standard output: \(problem)") }
                        written.append((u, copy, nil))
                    case .clipboard:
                        try clipboard!.write(copy, environment: environment)
                        written.append((u, copy, nil))
                    }
                default:
                    break
                }
            } catch {
                errors.append("\(unit.displayPath): \(error)")
            }
        }

        // The map, only when asked for.
        if let mapPath = options.mapPath, options.style != .mask {
            do {
                let writer = try StreamWriter(outputPath: mapPath, mode: 0o600)
                RedactionMap(book: book).encoded(toolVersion: hedgerowVersion).withUnsafeBytes { writer.write(bytes: $0) }
                if let problem = writer.close() { throw Problem("cannot write the map \(mapPath): \(problem)") }
                chmod(mapPath, 0o600)
            } catch { errors.append("\(error)") }
        }

        // Verification: the copies scanned again, with the same rules.
        let verifyAt = max(.medium, minConfidence)
        let tokens = book.written
        let tokenWords = Set(tokens.flatMap { $0.split(separator: " ").map(String.init) })
        func isOurs(_ f: Finding) -> Bool {
            tokens.contains(f.value) || (options.style == .fake && f.value.split(separator: " ").allSatisfy { tokenWords.contains(String($0)) })
        }
        var checkUnits: [Unit] = []
        for w in written {
            if let path = w.path {
                guard let file = FileWalker().collect([path]).files.first else { continue }
                checkUnits.append(Unit(displayPath: path, source: .file(file), destination: .standardOutput))
            } else if let bytes = w.bytes {
                checkUnits.append(Unit(displayPath: units[w.unit].destination.isClipboard ? "clipboard (redacted)" : "standard output (redacted)",
                                       source: .memory(bytes), destination: .standardOutput))
            }
        }
        var residual: [Finding] = []
        for result in scan(checkUnits, setup: setup, options: options.scan, keepingFindings: true, accept: { f in
            f.confidence >= verifyAt && suppressor.reason(f) == nil && !isOurs(f)
        }) {
            if let error = result.error { errors.append(error) }
            residual += result.kept
        }

        // The summary: counts, never a value.
        let fileCount = written.count
        let byCategory = counts.byCategory.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { "\($0.key.rawValue) \($0.value)" }
        var summary = "redacted \(counts.total) value\(counts.total == 1 ? "" : "s") in \(fileCount) input\(fileCount == 1 ? "" : "s")"
        if !byCategory.isEmpty { summary += " (" + byCategory.joined(separator: ", ") + ")" }
        if counts.repeats > 0 { summary += "; \(counts.repeats) of them further occurrences of values found elsewhere in the run" }
        summary += "; style \(options.style.rawValue)"
        diagnostics.append(summary)
        let notCopied = skipped.filter { $0.key != "ignored" }
        if !notCopied.isEmpty {
            diagnostics.append("not copied: " + notCopied.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", "))
        }
        if let mapPath = options.mapPath, options.style != .mask, errors.isEmpty {
            diagnostics.append("warning: the map \(mapPath) holds the real values (personal data): keep it private and delete it when done")
        }
        if residual.isEmpty {
            diagnostics.append("the copy was scanned again: nothing found at \(verifyAt.rawValue) confidence or above")
        } else {
            diagnostics.append("the copy was scanned again and still holds \(residual.count) finding\(residual.count == 1 ? "" : "s") at \(verifyAt.rawValue) confidence or above; do not paste it until they are removed:")
            for f in residual.prefix(50) {
                diagnostics.append("  \(f.shortPlace)  \(f.ruleName) [\(f.category.rawValue), \(f.confidence.rawValue)]  \(f.masked)")
            }
            if residual.count > 50 { diagnostics.append("  ... and \(residual.count - 50) more") }
        }
        let exit: Int32 = !errors.isEmpty ? ExitStatus.error : (residual.isEmpty ? ExitStatus.clean : ExitStatus.findings)
        return RunResult(output: "", diagnostics: errors.map { "error: \($0)" } + diagnostics, exitCode: exit)
    }

    // MARK: - Scanning

    struct Scanned {
        /// The findings reduced to spans and value numbers (indexes into `values`), in
        /// order of position, in a temporary file.
        var spill: SpanSpill?
        /// Distinct values of this scan, in order of appearance.
        var values: [Value] = []
        var valueIndex: [String: Int32] = [:]
        var kept: [Finding] = []
        var error: String?
        var skipped: String?
    }

    /// Scans the units on all cores (big files in parts), keeping the findings `accept`
    /// passes: reduced to ranges and value, or whole with `keepingFindings`. Offsets are
    /// the whole input's, whether it was scanned in parts or whole.
    static func scan(_ units: [Unit], setup: RunSetup, options: ScanOptions, keepingFindings: Bool = false,
                     accept: @escaping (Finding) -> Bool) -> [Scanned] {
        enum Work { case whole(Int, FileTarget), part(Int, FilePart), memory(Int, [UInt8]) }
        var work: [Work] = []
        let cores = options.inputs.threads > 0 ? options.inputs.threads : ProcessInfo.processInfo.activeProcessorCount
        let overlap = setup.ruleSet.maxMatchLength + 4096
        // The speakers of a transcript read in parts, by unit.
        var ledgers: [Int: SpeakerLedger] = [:]
        for (u, unit) in units.enumerated() {
            switch unit.source {
            case let .memory(bytes): work.append(.memory(u, bytes))
            case let .file(file):
                if cores > 1, let parts = FileSplitter.plan(file, partSize: options.inputs.splitBytes, overlap: overlap) {
                    work += parts.map { .part(u, $0) }
                    if parts.first?.stage != nil { ledgers[u] = SpeakerLedger() }
                } else {
                    work.append(.whole(u, file))
                }
            }
        }
        let slots = ResultSlots<(Int, Int?, Scanned)>(count: work.count)
        let next = AtomicCounter()
        DispatchQueue.concurrentPerform(iterations: max(1, min(work.count, cores))) { _ in
            let scanner = setup.scanner()
            while true {
                let i = next.increment()
                guard i < work.count else { break }
                var scanned = Scanned()
                if !keepingFindings { scanned.spill = SpanSpill() }
                let emit: (Finding) -> Void = { f in
                    guard accept(f) else { return }
                    if keepingFindings { scanned.kept.append(f); return }
                    let verbatim = f.decodedFrom == nil && f.pieces.isEmpty && f.value.utf8.count == f.end.offset - f.start.offset
                    let key = f.category.rawValue + "\u{0}" + f.value
                    let index: Int32
                    if let known = scanned.valueIndex[key] {
                        index = known
                        if verbatim { scanned.values[Int(known)].verbatim = true }
                    } else {
                        index = Int32(scanned.values.count)
                        scanned.valueIndex[key] = index
                        scanned.values.append(Value(category: f.category, text: f.value, verbatim: verbatim))
                    }
                    scanned.spill!.append(.init(range: f.start.offset..<f.end.offset, pieces: f.pieces.isEmpty ? nil : f.pieces, value: index,
                                                speakerTag: f.ruleID.hasPrefix(SpeakerTags.rulePrefix)))
                }
                let unitIndex: Int
                var partIndex: Int?
                switch work[i] {
                case let .whole(u, file):
                    unitIndex = u
                    // Word and Excel files are read as documents (and written back by
                    // OfficeRewriter); other documents and archives stay binary skips here:
                    // their offsets are in extracted text, not the file.
                    var limits = options.inputs.documents
                    if !OfficeRewriter.canRewrite(path: file.path) { limits.enabled = false }
                    let result = InputScanner(documents: limits).scanFile(file, with: scanner, emit: emit)
                    scanned.error = result.error
                    scanned.skipped = result.skippedReason
                case let .part(u, part):
                    unitIndex = u
                    partIndex = part.index
                    scanned.error = InputScanner().scanPart(part, with: scanner, speakers: ledgers[u], emit: emit).error
                case let .memory(u, bytes):
                    unitIndex = u
                    let text = UTF16Text.byteOrder(bytes).map { UTF16Text.toUTF8(bytes, $0) } ?? bytes
                    do {
                        var source = MemorySource(text)
                        _ = try scanner.scan(&source, origin: Origin(path: units[u].displayPath), emit: emit)
                    } catch { scanned.error = "\(units[u].displayPath): \(error)" }
                }
                slots.set(i, (unitIndex, partIndex, scanned))
            }
        }
        // The parts of a unit, in order, become the unit's: their findings (through the
        // speaker ledger, for a transcript) copied to the unit's spill in order of
        // position, their value numbers made the unit's in order of first appearance.
        var merged = Array(repeating: Scanned(), count: units.count)
        for (u, partIndex, part) in slots.values {
            let ledger = ledgers[u]
            if merged[u].spill == nil, part.spill != nil { merged[u].spill = SpanSpill() }
            var remap = [Int32?](repeating: nil, count: part.values.count)
            func unitValue(_ local: Int) -> Int32 {
                if let known = remap[local] { return known }
                let value = part.values[local]
                let key = value.category.rawValue + "\u{0}" + value.text
                let index: Int32
                if let known = merged[u].valueIndex[key] {
                    index = known
                    if value.verbatim { merged[u].values[Int(known)].verbatim = true }
                } else {
                    index = Int32(merged[u].values.count)
                    merged[u].valueIndex[key] = index
                    merged[u].values.append(value)
                }
                remap[local] = index
                return index
            }
            if let spill = part.spill, let out = merged[u].spill {
                // One part's records at a time (a part is at most a few megabytes of text).
                var records: [SpanSpill.Record] = []
                records.reserveCapacity(spill.count)
                spill.forEach { records.append($0) }
                if records.count != spill.count, merged[u].error == nil { merged[u].error = "\(units[u].displayPath): cannot read back a temporary file" }
                for k in records.indices.sorted(by: { (records[$0].start, $0) < (records[$1].start, $1) }) {
                    let record = records[k]
                    if let ledger, let partIndex,
                       !ledger.admits(start: record.range.lowerBound, end: record.range.upperBound,
                                      speakerTag: record.speakerTag ? part.values[Int(record.value)].text : nil, part: partIndex) { continue }
                    var kept = record
                    kept.value = unitValue(Int(record.value))
                    out.append(kept)
                }
            }
            if let ledger, let partIndex {
                merged[u].kept += part.kept.filter { ledger.admits($0, part: partIndex) }
            } else {
                merged[u].kept += part.kept
            }
            if merged[u].error == nil { merged[u].error = part.error }
            if merged[u].skipped == nil { merged[u].skipped = part.skipped }
        }
        return merged
    }

    // MARK: - Writing

    /// A file is mapped and read front to back, its pages released behind the writer, so
    /// memory stays bounded whatever its size. UTF-16 is redacted as UTF-8 and written back.
    static func rewriteFile(_ file: FileTarget, to path: String, rewriter: Rewriter, targets: () -> Target?) throws -> RewriteCounts {
        let fd = open(file.path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw Problem("cannot read: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw Problem("cannot read: \(String(cString: strerror(errno)))") }
        let size = Int(info.st_size)
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty { try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true) }
        let writer = try StreamWriter(outputPath: path)
        var counts = RewriteCounts()
        if size > 0 {
            guard let mapped = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), mapped != MAP_FAILED else {
                throw Problem("cannot map: \(String(cString: strerror(errno)))")
            }
            defer { munmap(mapped, size) }
            _ = madvise(mapped, size, MADV_SEQUENTIAL)
            let buffer = UnsafeRawBufferPointer(start: mapped, count: size)
            if let order = UTF16Text.byteOrder(buffer) {
                var copy: [UInt8] = []
                let text = UTF16Text.toUTF8(Array(buffer), order)
                counts = text.withUnsafeBytes { rewriter.rewrite($0, nextTarget: targets, write: { copy.append(contentsOf: $0) }) }
                UTF16Text.fromUTF8(copy, order).withUnsafeBytes { writer.write(bytes: $0) }
            } else {
                let page = Int(sysconf(Int32(_SC_PAGESIZE)))
                counts = rewriter.rewrite(buffer, nextTarget: targets, write: { writer.write(bytes: $0) }) { done in
                    let end = done / page * page
                    if end > 0 { _ = madvise(mapped, end, MADV_DONTNEED) }
                }
            }
        }
        if let problem = writer.close() { throw Problem("cannot write \(path): \(problem)") }
        return counts
    }

    static func rewriteMemory(_ bytes: [UInt8], rewriter: Rewriter, targets: () -> Target?, into copy: inout [UInt8]) -> RewriteCounts {
        if let order = UTF16Text.byteOrder(bytes) {
            var utf8: [UInt8] = []
            let counts = UTF16Text.toUTF8(bytes, order).withUnsafeBytes { rewriter.rewrite($0, nextTarget: targets, write: { utf8.append(contentsOf: $0) }) }
            copy = UTF16Text.fromUTF8(utf8, order)
            return counts
        }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        let counts = bytes.withUnsafeBytes { rewriter.rewrite($0, nextTarget: targets, write: { out.append(contentsOf: $0) }) }
        copy = out
        return counts
    }

    // MARK: - Helpers

    static func readStandardInput() -> [UInt8] {
        var all: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(0, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            all += buffer[0..<n]
        }
        return all
    }

    static func sameFile(_ a: String, _ b: String) -> Bool {
        var x = stat(), y = stat()
        guard stat(a, &x) == 0, stat(b, &y) == 0 else { return false }
        return x.st_dev == y.st_dev && x.st_ino == y.st_ino
    }

    /// The work tree a path would be written into, if any: the nearest directory above it
    /// (from the nearest one that exists) holding `.git`.
    static func gitWorkTree(containing path: String) -> String? {
        var directory = ((PathNormalizer.absolute(path, currentDirectory: FileManager.default.currentDirectoryPath)) as NSString).deletingLastPathComponent
        while !directory.isEmpty {
            if FileManager.default.fileExists(atPath: directory + "/.git") { return directory }
            if directory == "/" { break }
            directory = (directory as NSString).deletingLastPathComponent
        }
        return nil
    }

    struct Problem: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}

extension RedactJob.Unit.Destination {
    var isClipboard: Bool { if case .clipboard = self { return true } else { return false } }
}
