import Foundation
import XCTest
import HedgerowCore
@testable import HedgerowInputs

/// Transcripts, chat exports and e-mail read through their text stage: formats parsed
/// into utterances, values split across cues found once, in source terms.
/// All names, numbers and addresses here are invented.
final class TranscriptStageTests: XCTestCase {
    // MARK: - Helpers

    /// The rewritten text a reader makes of `input`.
    func rewritten(_ input: String, _ reader: any LineRewriter) -> String {
        var reader = reader
        var text = RewrittenText()
        let bytes = Array(input.utf8)
        var start = 0
        while start < bytes.count {
            let newline = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
            var end = newline
            if end > start && bytes[end - 1] == 0x0D { end -= 1 }
            bytes.withUnsafeBufferPointer { p in
                reader.consume(UnsafeBufferPointer(rebasing: p[start..<end]), at: start, ending: newline - end + (newline < bytes.count ? 1 : 0), into: &text)
            }
            start = newline + 1
        }
        reader.finish(into: &text)
        return String(decoding: text.bytes, as: UTF8.self)
    }

    /// Scans `content` as a file called `name`, through the input scanner.
    func scanFile(_ name: String, _ content: [UInt8], scanner: HedgerowCore.ScanEngine = TestRules.scanner()) throws -> [Finding] {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hedgerow-transcript-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent(name).path
        FileManager.default.createFile(atPath: path, contents: Data(content))
        let result = InputScanner().scanFile(FileTarget(path: path, displayPath: name, size: content.count), with: scanner)
        XCTAssertNil(result.error)
        return result.findings
    }

    func scanFile(_ name: String, _ content: String, scanner: HedgerowCore.ScanEngine = TestRules.scanner()) throws -> [Finding] {
        try scanFile(name, Array(content.utf8), scanner: scanner)
    }

    /// Line and column (code points) of byte `offset` in `bytes`, counted the slow way.
    func position(_ offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
        var line = 1, column = 1
        for b in bytes[..<offset] {
            if b == 0x0A { line += 1; column = 1 } else if b & 0xC0 != 0x80 { column += 1 }
        }
        return (line, column)
    }

    func range(of needle: String, in bytes: [UInt8], after: Int = 0) -> Range<Int> {
        let n = Array(needle.utf8)
        for i in after...(bytes.count - n.count) where Array(bytes[i..<(i + n.count)]) == n { return i..<(i + n.count) }
        XCTFail("\(needle) not in input")
        return 0..<0
    }

    static let teams = """
    WEBVTT

    a1b2c3d4/10-0
    00:00:01.000 --> 00:00:03.000
    <v Nia Parry>Can you give me your email?</v>

    a1b2c3d4/11-0
    00:00:03.500 --> 00:00:05.000
    <v Tomos Rees>Sure, it's tomos.rees@</v>

    a1b2c3d4/11-1
    00:00:05.100 --> 00:00:06.000
    <v Tomos Rees>brynmawr-mail.co.uk, thanks.</v>

    """

    // MARK: - Formats

    func testWebVTTVoiceTagsJoinOneSpeakersCues() {
        XCTAssertEqual(rewritten(Self.teams, TranscriptReader(format: .webVTT, everyUtterance: true)),
                       "Can you give me your email?\nSure, it's tomos.rees@brynmawr-mail.co.uk, thanks.\n")
    }

    /// What the scan keeps is only what is not one copy of the source: an utterance of
    /// one cue is not written at all.
    func testUtterancesOfOneCueAreNotWritten() {
        XCTAssertEqual(rewritten(Self.teams, TranscriptReader(format: .webVTT)), "Sure, it's tomos.rees@brynmawr-mail.co.uk, thanks.\n")
        let markup = "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Nia Parry>one cue</v>\n\n00:00:02.000 --> 00:00:03.000\n<v Tomos Rees>tomos<i>.rees@</i>cwmdu-post.co.uk</v>\n"
        XCTAssertEqual(rewritten(markup, TranscriptReader(format: .webVTT)), "tomos.rees@cwmdu-post.co.uk\n")
    }

    func testWebVTTZoomSpeakerPrefixesAndMarkup() {
        let zoom = """
        WEBVTT

        NOTE recorded by the study team

        1
        00:00:01.000 --> 00:00:02.000
        Nia Parry: My number is 07412

        2
        00:00:02.000 --> 00:00:03.000 align:start
        Nia Parry: 583906 if that <c.yellow>helps</c> &amp; more.

        3
        00:00:03.000 --> 00:00:04.000
        Tomos Rees: Thank you.
        """
        XCTAssertEqual(rewritten(zoom, TranscriptReader(format: .webVTT, everyUtterance: true)),
                       "My number is 07412 583906 if that helps & more.\nThank you.\n")
    }

    func testSRTNumberedCuesDashesAndSpeakerPrefixes() {
        let srt = """
        1
        00:00:01,000 --> 00:00:02,000
        - What's the postcode?

        2
        00:00:02,500 --> 00:00:04,000
        - It's CF10,

        3
        00:00:04,000 --> 00:00:05,000
        3NQ.

        4
        00:00:05,000 --> 00:00:06,000
        INTERVIEWER: Thanks.
        <i>Great.</i>
        """
        XCTAssertEqual(rewritten(srt, TranscriptReader(format: .srt, everyUtterance: true)), "What's the postcode?\nIt's CF10 3NQ.\nThanks. Great.\n")
    }

    func testPlainTextExports() {
        let zoom = "Topic: Library interview\n\n[00:00:23] Nia Parry: Hello\n[00:00:25] Nia Parry: again\n[00:00:30] Tomos Rees: Hi\n"
        XCTAssertEqual(rewritten(zoom, TranscriptReader(format: .plain, everyUtterance: true)), "Library interview\nHello again\nHi\n")
        let otter = "Nia Parry  0:02\nHello there\nsecond line\n\nTomos Rees  0:05\nHi\n\nTomos Rees  0:09\nagain\n"
        XCTAssertEqual(rewritten(otter, TranscriptReader(format: .plain, everyUtterance: true)), "Hello there second line\nHi again\n")
        let timed = "00:01:02 Nia Parry: one\n00:01:05\tTomos Rees: two\n[Nia Parry] 10:02:03\nthree\n"
        XCTAssertEqual(rewritten(timed, TranscriptReader(format: .plain, everyUtterance: true)), "one\ntwo\nthree\n")
    }

    func testTranscriptsAreRecognisedByExtensionAndFirstLines() {
        func detect(_ path: String, _ text: String) -> InputStage? { InputStage.detect(path: path, head: Array(text.utf8)) }
        XCTAssertEqual(detect("call.vtt", "anything"), .transcript(.webVTT))
        XCTAssertEqual(detect("call.SRT", "anything"), .transcript(.srt))
        XCTAssertEqual(detect("call.txt", "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nhi\n"), .transcript(.webVTT))
        XCTAssertEqual(detect("call.txt", "1\n00:00:01,000 --> 00:00:02,000\nhi\n"), .transcript(.srt))
        XCTAssertEqual(detect("call.txt", "Topic: x\n\n[00:00:23] Nia Parry: Hello\n[00:00:25] Tomos Rees: Hi\n[00:00:30] Nia Parry: Bye\n"), .transcript(.plain))
        XCTAssertEqual(detect("-", "Nia Parry  0:02\nHello\n\nTomos Rees  0:05\nHi\n\nNia Parry  0:09\nBye\n"), .transcript(.plain))
        XCTAssertEqual(detect("notes.transcript", "just some words\n"), .transcript(.plain))
        XCTAssertEqual(detect("mail.eml", "From: a\n"), .email)
        // Logs, package metadata and prose are not transcripts.
        XCTAssertNil(detect("app.txt", "2024-01-01 10:00:00 INFO start\n2024-01-01 10:00:01 INFO ready\n2024-01-01 10:00:02 WARN slow\n"))
        XCTAssertNil(detect("app.txt", "[10:00:00] INFO: start\n[10:00:01] WARN: slow\n[10:00:02] ERROR: failed\n"))
        XCTAssertNil(detect("METADATA.txt", "Metadata-Version: 2.1\nName: thing\nVersion: 1.0\nSummary: A thing\nAuthor: Nia Parry\nLicense: MIT\n"))
        XCTAssertNil(detect("notes.txt", "We met at 10:30 and talked.\nThen we left.\n"))
        XCTAssertNil(detect("METADATA", "Name: thing\nVersion: 1.0\nSummary: A thing\nAuthor: Nia Parry\n"))
        XCTAssertNil(detect("main.py", "[00:00:23] Nia Parry: Hello\n[00:00:25] Tomos Rees: Hi\n[00:00:30] Nia Parry: Bye\n"))
    }

    // MARK: - Split values

    func testEmailSplitAcrossTwoCuesIsFoundOnceWithItsPieces() throws {
        let bytes = Array(Self.teams.utf8)
        let findings = try scanFile("call.vtt", bytes).filter { $0.category == .email }
        XCTAssertEqual(findings.count, 1)
        let f = try XCTUnwrap(findings.first)
        XCTAssertEqual(f.value, "tomos.rees@brynmawr-mail.co.uk")
        let first = range(of: "tomos.rees@", in: bytes), second = range(of: "brynmawr-mail.co.uk", in: bytes)
        XCTAssertEqual(f.pieces, [first, second])
        XCTAssertEqual(f.start.offset, first.lowerBound)
        XCTAssertEqual(f.end.offset, second.upperBound)
        XCTAssertEqual(f.start.line, 9)
        XCTAssertEqual(f.start.column, 26)
        XCTAssertEqual(f.end.line, 13)
        XCTAssertEqual(f.end.column, 34)
        XCTAssertEqual(f.origin.path, "call.vtt")
    }

    func testPhoneSplitAcrossSRTCuesIsFoundOnce() throws {
        let srt = "1\n00:00:01,000 --> 00:00:02,000\nWhat number should we use?\n\n2\n00:00:02,000 --> 00:00:03,000\n- My number's 07412,\n\n3\n00:00:03,100 --> 00:00:04,000\n583 906.\n"
        let bytes = Array(srt.utf8)
        let findings = try scanFile("session.srt", bytes).filter { $0.category == .phone }
        XCTAssertEqual(findings.count, 1)
        let f = try XCTUnwrap(findings.first)
        XCTAssertEqual(f.value, "07412 583 906")
        XCTAssertEqual(f.pieces, [range(of: "07412", in: bytes), range(of: "583 906", in: bytes)])
        XCTAssertEqual(f.start.line, 7)
        XCTAssertEqual(f.start.column, 15)
        XCTAssertEqual(f.end.line, 11)
        XCTAssertEqual(f.end.column, 8)
    }

    func testCRLFAndByteOrderMarkGiveTheSamePositions() throws {
        let lf = try scanFile("call.vtt", Self.teams).filter { $0.category == .email }
        let crlfBytes = [0xEF, 0xBB, 0xBF] + Array(Self.teams.replacingOccurrences(of: "\n", with: "\r\n").utf8)
        let crlf = try scanFile("call.vtt", crlfBytes).filter { $0.category == .email }
        XCTAssertEqual(crlf.count, 1)
        XCTAssertEqual(crlf.map { [$0.start.line, $0.start.column, $0.end.line, $0.end.column] },
                       lf.map { [$0.start.line, $0.start.column, $0.end.line, $0.end.column] })
        let f = try XCTUnwrap(crlf.first)
        XCTAssertEqual(f.pieces.map { String(decoding: crlfBytes[$0], as: UTF8.self) }, ["tomos.rees@", "brynmawr-mail.co.uk"])
    }

    func testMultiByteTextAroundTheCutAndReadsThatSplitCharacters() throws {
        let vtt = "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Siân Prys>Rhif ffôn Siân — 07412\n\n00:00:02.000 --> 00:00:03.000\n<v Siân Prys>583906 — diolch yn fawr, Ŵyn\n"
        let bytes = Array(vtt.utf8)
        let first = range(of: "07412", in: bytes), second = range(of: "583906", in: bytes)
        let expectStart = position(first.lowerBound, in: bytes), expectEnd = position(second.upperBound, in: bytes)
        // Read one byte at a time (every multi-byte character cut by a read) and in blocks
        // of a few bytes (cut between utterances wherever allowed).
        for (maxRead, blockSize) in [(Int.max, 1 << 18), (1, 1 << 18), (1, 8), (3, 1)] {
            let scanned = try InputScanner().scanStaged(MemorySource(bytes, maxRead: maxRead), stage: .transcript(.webVTT), displayPath: "cy.vtt",
                                                        with: TestRules.scanner(), emit: nil, blockSize: blockSize)
            let phones = scanned.findings.filter { $0.category == .phone }
            XCTAssertEqual(phones.count, 1, "read \(maxRead), block \(blockSize)")
            guard let f = phones.first else { continue }
            XCTAssertEqual(f.value, "07412 583906")
            XCTAssertEqual(f.pieces, [first, second])
            XCTAssertEqual(f.start.line, expectStart.line)
            XCTAssertEqual(f.start.column, expectStart.column)
            XCTAssertEqual(f.end.line, expectEnd.line)
            XCTAssertEqual(f.end.column, expectEnd.column)
            XCTAssertEqual(f.start.column, 31)
        }
    }

    /// A long transcript read in small blocks and small reads gives the findings of one pass.
    func testBlockAndReadSizesNeverChangeFindings() throws {
        var vtt = "WEBVTT\n\n"
        let speakers = ["Nia Parry", "Tomos Rees", "Siân Prys"]
        for i in 0..<300 {
            let who = speakers[(i / 3) % 3]
            let text: String
            switch i % 9 {
            case 1: text = "write to nia.parry\(i)@"
            case 2: text = "cwmdu-post.co.uk please"
            case 4: text = "my number's 07412,"
            case 5: text = "58\(String(format: "%04d", i)) thanks"
            default: text = "just talking about item \(i) — ŵ"
            }
            vtt += "\(i)\n00:00:\(String(format: "%02d", i % 60)).000 --> 00:00:\(String(format: "%02d", i % 60)).900\n<v \(who)>\(text)</v>\n\n"
        }
        let bytes = Array(vtt.utf8)
        func signature(_ fs: [Finding]) -> [String] {
            fs.map { "\($0.ruleID) \($0.value) \($0.start.line):\($0.start.column)-\($0.end.line):\($0.end.column) \($0.pieces)" }
        }
        let whole = try InputScanner().scanStaged(MemorySource(bytes), stage: .transcript(.webVTT), displayPath: "long.vtt",
                                                  with: TestRules.scanner(), emit: nil).findings
        XCTAssertGreaterThan(whole.filter { !$0.pieces.isEmpty }.count, 40)
        for (maxRead, blockSize, chunk) in [(1, 64, 1 << 20), (7, 512, 4096), (100, 1, 64), (4096, 4096, 1000)] {
            let scanned = try InputScanner().scanStaged(MemorySource(bytes, maxRead: maxRead), stage: .transcript(.webVTT), displayPath: "long.vtt",
                                                        with: TestRules.scanner(chunkSize: chunk), emit: nil, blockSize: blockSize).findings
            XCTAssertEqual(signature(scanned), signature(whole), "read \(maxRead), block \(blockSize), chunk \(chunk)")
        }
        // In source order.
        XCTAssertEqual(whole.map(\.start.offset), whole.map(\.start.offset).sorted())
    }

    // MARK: - Speaker tags

    func testASpeakerTagIsANameFindingOncePerSpeaker() throws {
        var vtt = "WEBVTT\n\n"
        for (i, who) in ["Nia Parry", "Tomos Rees", "Nia Parry", "Nia Parry", "Tomos Rees"].enumerated() {
            vtt += "00:00:0\(i).000 --> 00:00:0\(i).900\n<v \(who)>Line \(i).</v>\n\n"
        }
        let inTranscript = try scanFile("call.vtt", vtt).filter { $0.ruleID == "pd.name.speaker-tag" }
        XCTAssertEqual(inTranscript.map(\.value), ["Nia Parry", "Tomos Rees"])
        XCTAssertEqual(inTranscript.map(\.start.line), [4, 7])
        // Outside a transcript every tag counts.
        let elsewhere = try scanFile("notes.md", vtt).filter { $0.ruleID == "pd.name.speaker-tag" }
        XCTAssertEqual(elsewhere.count, 5)
    }

    // MARK: - E-mail and chat exports

    func testQuotedPrintableSoftBreaksAndEscapes() throws {
        let eml = """
        From: Nia Parry <nia@example.org>
        To: help@example.org
        Subject: change of address
        MIME-Version: 1.0
        Content-Type: multipart/alternative;
         boundary="b1"

        --b1
        Content-Type: text/plain; charset="UTF-8"
        Content-Transfer-Encoding: quoted-printable

        Please write to me at tomos.rees@brynmawr-mai=
        l.co.uk or tomos=40cwmdu-post.co.uk from now on, Si=C3=A2n.
        --b1
        Content-Type: text/plain
        Content-Transfer-Encoding: 7bit

        not decoded: nia=40cwmdu-post.co.uk
        --b1--

        """
        let bytes = Array(eml.utf8)
        XCTAssertEqual(rewritten(eml, QuotedPrintableReader()),
                       "Please write to me at tomos.rees@brynmawr-mail.co.uk or tomos@cwmdu-post.co.uk from now on, Siân.\n")
        let emails = try scanFile("mail.eml", bytes).filter { $0.category == .email }
        XCTAssertEqual(emails.map(\.value), ["tomos.rees@brynmawr-mail.co.uk", "tomos@cwmdu-post.co.uk"])
        XCTAssertEqual(emails.first?.pieces, [range(of: "tomos.rees@brynmawr-mai", in: bytes), range(of: "l.co.uk or", in: bytes).lowerBound..<(range(of: "l.co.uk or", in: bytes).lowerBound + 7)])
        XCTAssertEqual(emails.map(\.start.line), [12, 13])
        XCTAssertEqual(emails.map(\.end.line), [13, 13])
        XCTAssertEqual(emails.last?.pieces, [])
        XCTAssertEqual(emails.last?.start.offset, range(of: "tomos=40", in: bytes).lowerBound)
    }

    func testChatExportJoinsOneUsersMessages() throws {
        let json = """
        [
            {
                "type": "message",
                "user": "U0TEST01",
                "text": "number is 07412",
                "ts": "1702132759.822749",
                "blocks": [{"type": "rich_text", "elements": [{"type": "text", "text": "number is 07412"}]}]
            },
            {
                "type": "message",
                "text": "583906 sorry, hit enter \\u2014 too soon",
                "user": "U0TEST01",
                "ts": "1702132778.767840"
            },
            {
                "type": "message",
                "user": "U0TEST02",
                "text": "thanks",
                "ts": "1702132790.000000"
            }
        ]
        """
        XCTAssertEqual(rewritten(json, ChatExportReader(everyUtterance: true)), "number is 07412 583906 sorry, hit enter — too soon\nthanks\n")
        let phones = try scanFile("2024-12-04.json", json).filter { $0.category == .phone }
        XCTAssertEqual(phones.map(\.value), ["07412 583906"])
        XCTAssertEqual(phones.map(\.start.line), [5])
        XCTAssertEqual(phones.map(\.end.line), [11])
    }

    // MARK: - Everything else is as it was

    func testFilesThatAreNotTranscriptsKeepTheirFindings() throws {
        let text = Self.teams + "\nCall 07412 583906 or write to nia.parry@cwmdu-post.co.uk from SW1A 1AA.\n"
        let prose = "Notes from 10:30.\nNia Parry: call 07412 583906 or write to nia.parry@cwmdu-post.co.uk,\nTomos Rees: SW1A 1AA\n"
        for (name, content) in [("notes.md", text), ("call.py", text), ("README", text), ("notes.txt", prose), ("log.txt", prose + prose)] {
            let direct = try TestRules.scanner().scan(bytes: Array(content.utf8), origin: Origin(path: name)).findings
            let viaInput = try scanFile(name, content)
            XCTAssertEqual(viaInput, direct, name)
            XCTAssertFalse(direct.isEmpty)
        }
        // In the transcript, the same plain findings and one more, the split email.
        let plain = try TestRules.scanner().scan(bytes: Array(text.utf8), origin: Origin(path: "call.vtt")).findings
        let staged = try scanFile("call.vtt", text)
        // Speaker tags are one finding per speaker in a transcript; everything else is kept.
        let notSpeaker = { (f: Finding) in !f.ruleID.hasPrefix("pd.name.speaker") }
        XCTAssertEqual(staged.filter { $0.pieces.isEmpty && notSpeaker($0) }, plain.filter(notSpeaker))
        XCTAssertEqual(staged.filter(notSpeaker).count, plain.filter(notSpeaker).count + 1)
    }
}
