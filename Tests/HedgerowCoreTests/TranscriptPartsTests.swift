import Foundation
import XCTest
import HedgerowCore
@testable import HedgerowInputs

/// A big transcript is cut into parts scanned on their own threads: only where a new
/// speaker's turn starts, so every part's stage reads as the whole file's does. The parts'
/// findings, put together in order, must be exactly the whole file's. Seeded, fake values.
final class TranscriptPartsTests: XCTestCase {
    enum Style: CaseIterable { case teams, zoom, srt, plain }

    /// A generated meeting series: speakers change every few turns, a turn is one to three
    /// cues, and values are typed, said aloud or split across two cues of one speaker.
    func transcript(_ style: Style, bytes: Int, seed: UInt64) -> String {
        var rng = SeededGenerator(seed: seed)
        func pick<T>(_ list: [T]) -> T { list[Int(rng.next() % UInt64(list.count))] }
        let given = ["Sam", "Priya", "Owen", "Niamh", "Tomasz", "Kemi", "Rhys", "Zara"]
        let surnames = ["Patel", "Hughes", "Okafor", "Walsh", "Nowak", "Reid", "Doyle"]
        let filler = ["Right, I think we're recording now.", "Could you talk me through what you're looking at?",
                      "Mm-hmm.", "I do most of it on the bus, so the small buttons are a pain.",
                      "That's really helpful, thank you.", "It went back to the start and I typed it all again."]
        let digits = ["oh", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
        var out = style == .teams || style == .zoom ? "WEBVTT\n\n" : ""
        var cue = 0
        var people = ["\(pick(given)) \(pick(surnames))", "\(pick(given)) \(pick(surnames))"]
        while out.utf8.count < bytes {
            if cue % 40 == 39 { people = ["\(pick(given)) \(pick(surnames))", pick(people)] }
            let speaker = pick(people)
            let first = speaker.split(separator: " ")[0].lowercased(), last = speaker.split(separator: " ")[1].lowercased()
            let phone = "07\(400 + rng.next() % 500) \(100_000 + rng.next() % 800_000)"
            var texts: [String]
            switch rng.next() % 8 {
            case 0: texts = ["My name's \(speaker), I look after my mum."]
            case 1: texts = ["You can email me on \(first).\(last)@", "gmail.com if that's easier."]
            case 2: texts = ["My mobile is", "\(phone), any time after four."]
            case 3: texts = ["It's " + phone.compactMap { $0.wholeNumberValue.map { digits[$0] } }.joined(separator: " ") + "."]
            case 4: texts = ["We're at \(1 + rng.next() % 90) Mill Lane, Hebden Bridge, HX7 \(1 + rng.next() % 9)AB."]
            default: texts = (0..<(1 + Int(rng.next() % 3))).map { _ in pick(filler) }
            }
            for text in texts {
                let t = cue * 3
                let stamp = String(format: "00:%02d:%02d.000 --> 00:%02d:%02d.500", (t / 60) % 60, t % 60, ((t + 2) / 60) % 60, (t + 2) % 60)
                switch style {
                case .teams: out += "3f2a9c1e-77b0-4d1a-9e55-0c6d2b8a41f7/\(cue)-0\n\(stamp)\n<v \(speaker)>\(text)</v>\n\n"
                case .zoom: out += "\(cue + 1)\n\(stamp)\n\(speaker): \(text)\n\n"
                case .srt: out += "\(cue + 1)\n\(stamp.replacingOccurrences(of: ".", with: ","))\n\(speaker.uppercased()): \(text)\n\n"
                case .plain: out += String(format: "[%02d:%02d:%02d] ", t / 3600, (t / 60) % 60, t % 60) + "\(speaker): \(text)\n"
                }
                cue += 1
            }
        }
        return out
    }

    func key(_ f: Finding) -> String {
        "\(f.start.line):\(f.start.column)-\(f.end.line):\(f.end.column) \(f.start.offset) \(f.ruleID) \(f.confidence) \(f.value) \(f.pieces)"
    }

    func testPartsFindTheSameAsTheWholeTranscript() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hedgerow-parts-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let scanner = TestRules.scanner()
        let overlap = TestRules.ruleSet.maxMatchLength + 4096
        for (n, style) in Style.allCases.enumerated() {
            let name = ["teams.vtt", "zoom.vtt", "call.srt", "call.transcript"][n]
            let text = transcript(style, bytes: 64_000, seed: 1000 + UInt64(n))
            let path = dir.appendingPathComponent(name).path
            FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
            let target = FileTarget(path: path, displayPath: name, size: text.utf8.count)
            let whole = InputScanner().scanFile(target, with: scanner)
            XCTAssertNil(whole.error)
            XCTAssertGreaterThan(whole.findings.count, 100, name)
            XCTAssertTrue(whole.findings.contains { !$0.pieces.isEmpty }, "values split across cues: \(name)")
            for size in [4096, 9001, 30011] {
                let parts = try XCTUnwrap(FileSplitter.plan(target, partSize: size, overlap: overlap), "\(name) in parts of \(size)")
                XCTAssertGreaterThan(parts.count, text.utf8.count / size / 2, name)
                let bytes = Array(text.utf8)
                for part in parts.dropFirst() { XCTAssertEqual(bytes[part.start - 1], 0x0A, "\(name): a part starts a line") }
                // Put together as the scan job does: in order, through the file's ledger,
                // lines moved by the newlines of the parts before.
                let ledger = SpeakerLedger()
                let results = parts.map { InputScanner().scanPart($0, with: scanner, speakers: ledger) }
                var joined: [Finding] = []
                var lines = 0
                for (part, result) in zip(parts, results) {
                    XCTAssertNil(result.error)
                    joined += result.findings.filter { ledger.admits($0, part: part.index) }.map { $0.movedDown(lines: lines) }
                    lines += result.newlines
                }
                XCTAssertEqual(joined.map(key), whole.findings.map(key), "\(name) in parts of \(size)")
            }
        }
    }

    /// A speaker's label is a finding once, whether a voice tag or a `Name:` prefix; a cut
    /// never falls between two cues of one speaker.
    func testASpeakerIsNamedOnceAndTurnsAreNeverCut() throws {
        let text = transcript(.zoom, bytes: 40_000, seed: 7)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hedgerow-labels-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("zoom.vtt").path
        FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        let findings = InputScanner().scanFile(FileTarget(path: path, displayPath: "zoom.vtt", size: text.utf8.count), with: TestRules.scanner()).findings
        let speakerLines = Set(text.split(separator: "\n").compactMap { line -> String? in
            guard let colon = line.firstIndex(of: ":"), line.first?.isLetter == true else { return nil }
            return String(line[..<colon])
        })
        for speaker in speakerLines {
            let labels = findings.filter { $0.category == Category.name && $0.value == speaker }
            XCTAssertLessThanOrEqual(labels.count, text.components(separatedBy: "name's \(speaker)").count, speaker)
        }
        let window = Array(text.utf8)
        let cut = try XCTUnwrap(window.withUnsafeBufferPointer { TranscriptCuts.firstCut(in: UnsafeBufferPointer(rebasing: $0[100...]), format: .webVTT) })
        // The cue before the cut and the first after it have different speakers.
        let before = String(decoding: window[..<(100 + cut)], as: UTF8.self).split(separator: "\n").last { $0.contains(": ") }!
        let after = String(decoding: window[(100 + cut)...], as: UTF8.self).split(separator: "\n").first { $0.contains(": ") }!
        XCTAssertNotEqual(before.split(separator: ":")[0], after.split(separator: ":")[0])
    }
}
