import Foundation

/// The system clipboard through whichever tool is there: `pbpaste`/`pbcopy` (macOS),
/// `wl-paste`/`wl-copy` (Wayland) or `xclip` (X11).
struct Clipboard {
    let readCommand: [String]
    let writeCommand: [String]

    struct Problem: Error, CustomStringConvertible {
        var description: String
    }

    static func detect(environment: [String: String]) throws -> Clipboard {
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        func find(_ name: String) -> String? {
            for dir in path.split(separator: ":") {
                let candidate = String(dir) + "/" + name
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
            return nil
        }
        if let paste = find("pbpaste"), let copy = find("pbcopy") { return Clipboard(readCommand: [paste], writeCommand: [copy]) }
        if !(environment["WAYLAND_DISPLAY"] ?? "").isEmpty, let paste = find("wl-paste"), let copy = find("wl-copy") {
            return Clipboard(readCommand: [paste, "--no-newline"], writeCommand: [copy])
        }
        if let xclip = find("xclip") {
            guard !(environment["DISPLAY"] ?? "").isEmpty else {
                throw Problem(description: "xclip is installed but there is no X display (DISPLAY is not set): cannot reach the clipboard")
            }
            return Clipboard(readCommand: [xclip, "-selection", "clipboard", "-o"], writeCommand: [xclip, "-selection", "clipboard", "-i"])
        }
        throw Problem(description: "no clipboard tool found: install xclip (X11) or wl-clipboard (Wayland); macOS has pbpaste and pbcopy. "
                      + "Or pipe the text instead: hedgerow redact - < file")
    }

    func read(environment: [String: String]) throws -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: readCommand[0])
        process.arguments = Array(readCommand.dropFirst())
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { throw Problem(description: "cannot run \(readCommand[0]): \(error)") }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Problem(description: "the clipboard is empty or holds no text (\(readCommand[0]): \(message.trimmingCharacters(in: .whitespacesAndNewlines)))")
        }
        return [UInt8](data)
    }

    func write(_ bytes: [UInt8], environment: [String: String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: writeCommand[0])
        process.arguments = Array(writeCommand.dropFirst())
        process.environment = environment
        let input = Pipe()
        process.standardInput = input
        // xclip stays behind to serve the selection: it must not hold our pipes open.
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { throw Problem(description: "cannot run \(writeCommand[0]): \(error)") }
        input.fileHandleForWriting.write(Data(bytes))
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Problem(description: "\(writeCommand[0]) could not write the clipboard (exit \(process.terminationStatus))")
        }
    }
}
