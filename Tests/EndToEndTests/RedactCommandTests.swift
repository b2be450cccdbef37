import Foundation
#if canImport(Glibc)
import Glibc
#endif
import XCTest

/// `hedgerow redact` and `hedgerow restore` as a user runs them. Fake data only.
final class RedactCommandTests: XCTestCase {
    static let email = "sam.patel@gmail.com"
    static let phone = "07411 595 147"
    let transcript = """
    WEBVTT

    1
    00:00:01.000 --> 00:00:04.000
    <v Sam Patel>Hi, it's Sam Patel, mail me at sam.patel@gmail.com

    2
    00:00:04.000 --> 00:00:07.000
    <v Sam Patel>or ring 07411 595 147. Sam again.

    """

    func testOutDirCopiesKeepStructureAndPlaceholdersAcrossFiles() throws {
        let dir = try Scratch()
        try dir.write("in/call.vtt", transcript)
        try dir.write("in/notes/ticket.txt", "Caller: sam.patel@gmail.com\r\nPhone 07411 595 147\r\nSam Patel asked for a callback.\r\n")
        try dir.write("in/data.json", #"{"contact": "sam.patel@gmail.com", "phones": ["07411 595 147"]}"#)
        let result = try CLI.run(["redact", dir.url.appendingPathComponent("in").path, "--out-dir", dir.url.appendingPathComponent("out").path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "")
        let vtt = try String(contentsOf: dir.url.appendingPathComponent("out/call.vtt"), encoding: .utf8)
        XCTAssertEqual(vtt, """
        WEBVTT

        1
        00:00:01.000 --> 00:00:04.000
        <v [NAME-1]>Hi, it's [NAME-1], mail me at [EMAIL-1]

        2
        00:00:04.000 --> 00:00:07.000
        <v [NAME-1]>or ring [PHONE-1]. [NAME-1:first] again.

        """)
        let ticket = try String(contentsOf: dir.url.appendingPathComponent("out/notes/ticket.txt"), encoding: .utf8)
        XCTAssertEqual(ticket, "Caller: [EMAIL-1]\r\nPhone [PHONE-1]\r\n[NAME-1] asked for a callback.\r\n")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.url.appendingPathComponent("out/data.json"))) as? [String: Any]
        XCTAssertEqual(json?["contact"] as? String, "[EMAIL-1]")
        XCTAssertEqual(json?["phones"] as? [String], ["[PHONE-1]"])
        // The summary counts by category and never shows a value; the inputs are untouched.
        XCTAssertTrue(result.stderr.contains("email"), result.stderr)
        XCTAssertTrue(result.stderr.contains("nothing found at medium confidence or above"), result.stderr)
        for value in [Self.email, Self.phone, "Patel"] { XCTAssertFalse(result.stderr.contains(value)) }
        XCTAssertEqual(try String(contentsOf: dir.url.appendingPathComponent("in/call.vtt"), encoding: .utf8), transcript)
    }

    func testStandardInputToStandardOutput() throws {
        let result = try CLI.run(["redact", "-"], stdin: Data("From sam.patel@gmail.com\nCall 07411 595 147\n".utf8))
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "From [EMAIL-1]\nCall [PHONE-1]\n")
        let masked = try CLI.run(["redact", "-", "--style", "mask"], stdin: Data("From sam.patel@gmail.com\n".utf8))
        XCTAssertEqual(masked.stdout, "From *******************\n")
        let fake = try CLI.run(["redact", "-", "--style", "fake"], stdin: Data("From sam.patel@gmail.com, 07411 595 147\n".utf8))
        XCTAssertEqual(fake.status, 0, fake.stderr)
        XCTAssertEqual(fake.stdout, "From person1@example.com, 07700 900000\n")
    }

    func testNeverWritesOverItsInputUnlessInPlace() throws {
        let dir = try Scratch()
        let file = try dir.write("notes.txt", "mail sam.patel@gmail.com\n")
        let refused = try CLI.run(["redact", file.path, "-o", file.path])
        XCTAssertEqual(refused.status, 2)
        XCTAssertTrue(refused.stderr.contains("--in-place"), refused.stderr)
        let nowhere = try CLI.run(["redact", file.path])
        XCTAssertEqual(nowhere.status, 2)
        XCTAssertEqual(try String(contentsOf: file, encoding: .utf8), "mail sam.patel@gmail.com\n")
        let inPlace = try CLI.run(["redact", file.path, "--in-place"])
        XCTAssertEqual(inPlace.status, 0, inPlace.stderr)
        XCTAssertEqual(try String(contentsOf: file, encoding: .utf8), "mail [EMAIL-1]\n")
    }

    func testVerificationFailsWhenTheCopyStillHoldsSomething() throws {
        let dir = try Scratch()
        // A rule that only sees a case reference next to a closing bracket: in the input it
        // sees nothing, so nothing is replaced; in the copy "[EMAIL-1] ref 482913" it matches.
        let rules = try dir.write("rules.yml", """
        rules:
          - id: test.case-ref
            name: Case reference after a contact
            category: health
            class: personal-data
            confidence: high
            pattern: '\\]\\s+ref\\s+(?<value>\\d{6})'
            keywords: [' ref ']
            examples: ['] ref 123456']
            negative_examples: ['x ref 123456']
        """)
        let file = try dir.write("t.txt", "contact sam.patel@gmail.com ref 482913\n")
        let result = try CLI.run(["redact", file.path, "-o", dir.url.appendingPathComponent("clean.txt").path, "--rules", rules.path])
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertTrue(result.stderr.contains("still holds 1 finding"), result.stderr)
        XCTAssertTrue(result.stderr.contains("Case reference after a contact"), result.stderr)
        XCTAssertFalse(result.stderr.contains("482913"), result.stderr)
        // Without the rule the copy is clean.
        let clean = try CLI.run(["redact", file.path, "-o", dir.url.appendingPathComponent("clean2.txt").path])
        XCTAssertEqual(clean.status, 0, clean.stderr)
    }

    func testMapIsPrivateRefusedInAWorkTreeAndRestoreGivesTheOriginalBack() throws {
        let dir = try Scratch()
        let input = try dir.write("call.vtt", transcript)
        let copy = dir.url.appendingPathComponent("clean.vtt").path
        let map = dir.url.appendingPathComponent("private/map.json").path
        try FileManager.default.createDirectory(atPath: dir.url.appendingPathComponent("private").path, withIntermediateDirectories: true)
        let result = try CLI.run(["redact", input.path, "-o", copy, "--map", map])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.contains("holds the real values"), result.stderr)
        let mode = (try FileManager.default.attributesOfItem(atPath: map)[.posixPermissions] as? NSNumber)?.intValue
        XCTAssertEqual(mode, 0o600)
        let restored = try CLI.run(["restore", "--map", map, copy])
        XCTAssertEqual(restored.status, 0, restored.stderr)
        XCTAssertEqual(restored.stdout, transcript)
        let answer = try CLI.run(["restore", "--map", map], stdin: Data("Summary: [NAME-1] ([EMAIL-1]) wants a call on [PHONE-1].".utf8))
        XCTAssertEqual(answer.stdout, "Summary: Sam Patel (sam.patel@gmail.com) wants a call on 07411 595 147.")

        // Inside a git work tree the map is refused unless forced.
        let repo = try TestRepository()
        let inside = repo.url.appendingPathComponent("map.json").path
        let refused = try CLI.run(["redact", input.path, "-o", dir.url.appendingPathComponent("c2.vtt").path, "--map", inside])
        XCTAssertEqual(refused.status, 2)
        XCTAssertTrue(refused.stderr.contains("git work tree"), refused.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: inside))
        let forced = try CLI.run(["redact", input.path, "-o", dir.url.appendingPathComponent("c3.vtt").path, "--map", inside, "--force"])
        XCTAssertEqual(forced.status, 0, forced.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: inside))
    }

    func testBigFileInPartsGivesTheSameCopyAsWhole() throws {
        let dir = try Scratch()
        var text = ""
        for i in 0..<4000 { text += "line \(i): call Sam Patel on 07411 595 147 or sam.patel@gmail.com\r\n" }
        let input = try dir.write("big.log", text)
        let parts = try CLI.run(["redact", input.path, "-o", dir.url.appendingPathComponent("parts.log").path, "--split-bytes", "20000", "--threads", "2"])
        let whole = try CLI.run(["redact", input.path, "-o", dir.url.appendingPathComponent("whole.log").path, "--threads", "1"])
        XCTAssertEqual(parts.status, 0, parts.stderr)
        XCTAssertEqual(whole.status, 0, whole.stderr)
        let a = try Data(contentsOf: dir.url.appendingPathComponent("parts.log")), b = try Data(contentsOf: dir.url.appendingPathComponent("whole.log"))
        XCTAssertEqual(a, b)
        let copy = String(decoding: a, as: UTF8.self)
        XCTAssertFalse(copy.contains("595 147") || copy.contains("gmail"))
        XCTAssertEqual(copy.components(separatedBy: "\r\n").count, text.components(separatedBy: "\r\n").count)
    }

    /// A transcript redacted in parts (scanned on several threads, spans kept in a
    /// temporary file) gives the copy and the placeholder numbering of a whole-file run.
    func testBigTranscriptInPartsGivesTheSameCopyAsWhole() throws {
        let dir = try Scratch()
        var text = "WEBVTT\n\n"
        let people = ["Sam Patel", "Priya Hughes", "Owen Reid", "Niamh Walsh"]
        for i in 0..<1500 {
            let speaker = people[(i / 6 + i / 18) % people.count]
            let line: String
            switch i % 6 {
            case 0: line = "Mail \(speaker.split(separator: " ")[0].lowercased())\(i % 40)@"
            case 1: line = "gmail.com please."
            case 2: line = "Ring 07411 \(595_100 + i % 50) after four."
            case 3: line = "This is \(speaker) speaking."
            default: line = "Could you talk me through it?"
            }
            text += "\(i + 1)\n00:00:01.000 --> 00:00:02.000\n<v \(speaker)>\(line)</v>\n\n"
        }
        let input = try dir.write("call.vtt", text)
        func redact(_ name: String, _ extra: [String]) throws -> (copy: Data, map: String) {
            let map = dir.url.appendingPathComponent(name + ".map.json").path
            let r = try CLI.run(["redact", input.path, "-o", dir.url.appendingPathComponent(name).path, "--map", map] + extra)
            XCTAssertEqual(r.status, 0, r.stderr)
            let entries = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: map))) as? [String: Any]
            let pairs = (entries?["entries"] as? [[String: Any]] ?? []).map { "\($0["replacement"] ?? "")=\($0["original"] ?? $0["value"] ?? "")" }
            return (try Data(contentsOf: dir.url.appendingPathComponent(name)), pairs.sorted().joined(separator: "\n"))
        }
        let whole = try redact("whole.vtt", ["--threads", "1"])
        let parts = try redact("parts.vtt", ["--threads", "2", "--split-bytes", "6000"])
        XCTAssertEqual(parts.copy, whole.copy)
        XCTAssertEqual(parts.map, whole.map)
        let copy = String(decoding: whole.copy, as: UTF8.self)
        XCTAssertFalse(copy.contains("Patel") || copy.contains("gmail") || copy.contains("595 1"))
        XCTAssertEqual(copy.components(separatedBy: "\n").count, text.components(separatedBy: "\n").count)
    }

    func testUTF16FileIsWrittenBackInUTF16() throws {
        let dir = try Scratch()
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in "Zoë: sam.patel@gmail.com\r\n".utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let input = try dir.write("notes.txt", Data(bytes))
        let out = dir.url.appendingPathComponent("clean.txt")
        let result = try CLI.run(["redact", input.path, "-o", out.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        let written = try Data(contentsOf: out)
        XCTAssertEqual(Array(written.prefix(2)), [0xFF, 0xFE])
        XCTAssertEqual(String(data: written, encoding: .utf16), "Zoë: [EMAIL-1]\r\n")
    }

    func testClipboardWithoutAToolSaysSo() throws {
        let empty = try Scratch()
        let result = try CLI.run(["redact", "--clipboard"], environment: ["PATH": empty.url.path, "DISPLAY": "", "WAYLAND_DISPLAY": ""])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("no clipboard tool found"), result.stderr)
    }

    /// The real round trip: Xvfb as the X server, xclip as the clipboard.
    func testClipboardRoundTripUnderXvfb() throws {
        func which(_ name: String) -> String? {
            for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
            where FileManager.default.isExecutableFile(atPath: "\(dir)/\(name)") { return "\(dir)/\(name)" }
            return nil
        }
        guard let xvfb = which("Xvfb"), let xclip = which("xclip") else {
            throw XCTSkip("xclip and Xvfb are needed for the clipboard round trip (Debian: apt-get install xclip xvfb; make setup does it)")
        }
        let display = ":\(Int.random(in: 90...199))"
        let server = Process()
        server.executableURL = URL(fileURLWithPath: xvfb)
        server.arguments = [display, "-nolisten", "tcp", "-screen", "0", "640x480x8"]
        server.standardOutput = FileHandle.nullDevice
        server.standardError = FileHandle.nullDevice
        try server.run()
        defer { server.terminate(); server.waitUntilExit() }
        let socket = "/tmp/.X11-unix/X\(display.dropFirst())"
        for _ in 0..<100 where !FileManager.default.fileExists(atPath: socket) { usleep(50_000) }
        guard FileManager.default.fileExists(atPath: socket) else { throw XCTSkip("Xvfb did not start on \(display)") }
        let env = ["DISPLAY": display, "WAYLAND_DISPLAY": ""]

        /// xclip -i leaves a process behind to serve the selection: it is started with
        /// posix_spawn and only descriptors 0-2, or waiting on it would never end.
        func xclipRun(_ arguments: [String], input: String? = nil) throws -> String {
            let inFile = FileManager.default.temporaryDirectory.appendingPathComponent("xclip-in-\(UUID().uuidString)")
            let outFile = FileManager.default.temporaryDirectory.appendingPathComponent("xclip-out-\(UUID().uuidString)")
            try Data((input ?? "").utf8).write(to: inFile)
            FileManager.default.createFile(atPath: outFile.path, contents: nil)
            defer { try? FileManager.default.removeItem(at: inFile); try? FileManager.default.removeItem(at: outFile) }
            for fd in Int32(3)..<1024 {
                let flags = fcntl(fd, F_GETFD)
                if flags >= 0 { _ = fcntl(fd, F_SETFD, flags | FD_CLOEXEC) }
            }
            var actions = posix_spawn_file_actions_t()
            posix_spawn_file_actions_init(&actions)
            defer { posix_spawn_file_actions_destroy(&actions) }
            posix_spawn_file_actions_addopen(&actions, 0, inFile.path, O_RDONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 1, input == nil ? outFile.path : "/dev/null", O_WRONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
            let argStrings: [String] = [xclip, "-selection", "clipboard"] + arguments
            let envStrings: [String] = ["DISPLAY=\(display)", "PATH=/usr/bin:/bin"]
            let args: [UnsafeMutablePointer<CChar>?] = argStrings.map { strdup($0) } + [nil]
            let env: [UnsafeMutablePointer<CChar>?] = envStrings.map { strdup($0) } + [nil]
            defer { args.forEach { free($0) }; env.forEach { free($0) } }
            var pid: pid_t = 0
            XCTAssertEqual(posix_spawn(&pid, xclip, &actions, nil, args, env), 0)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
            return try String(contentsOf: outFile, encoding: .utf8)
        }

        let original = "Please summarise: Sam Patel (sam.patel@gmail.com) rang from 07411 595 147.\n"
        _ = try xclipRun(["-i"], input: original)
        let dir = try Scratch()
        let map = dir.url.appendingPathComponent("map.json").path
        let result = try CLI.run(["redact", "--clipboard", "--map", map], environment: env)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(try xclipRun(["-o"]), "Please summarise: [NAME-1] ([EMAIL-1]) rang from [PHONE-1].\n")
        // The AI tool's answer, pasted back into the clipboard, gets its values back.
        _ = try xclipRun(["-i"], input: "[NAME-1] should be called on [PHONE-1].")
        let restored = try CLI.run(["restore", "--map", map, "--clipboard"], environment: env)
        XCTAssertEqual(restored.status, 0, restored.stderr)
        XCTAssertEqual(try xclipRun(["-o"]), "Sam Patel should be called on 07411 595 147.")
    }
}
