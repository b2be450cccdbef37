import Foundation
#if canImport(Glibc)
import Glibc
#endif
import XCTest

/// Runs the built `hedgerow` binary as a user would, in a scratch directory.
struct CLI {
    static var binary: URL {
        // `make test` points the tests at the release binary: the debug build spends most
        // of each start-up (a quarter of a second) in the argument parser's debug-only
        // self-checks, and the end-to-end tests start the binary hundreds of times.
        if let given = ProcessInfo.processInfo.environment["HEDGEROW_TEST_BINARY"], !given.isEmpty {
            return URL(fileURLWithPath: given)
        }
        // The test bundle sits next to the products it depends on.
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        if dir.lastPathComponent == "MacOS" { dir = dir.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent() }
        return dir.appendingPathComponent("hedgerow")
    }

    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    @discardableResult
    static func run(_ arguments: [String], stdin: Data? = nil, in directory: URL? = nil, environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        var env = ProcessInfo.processInfo.environment
        env["HEDGEROW_FINGERPRINT_KEY"] = "end-to-end-test-key"
        env["GITHUB_STEP_SUMMARY"] = nil  // a CI runner's own summary is not the tests' to write
        env.merge(environment) { $1 }
        process.environment = env
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        // Both pipes are drained at once: a child that fills one while the test waits on
        // the other would otherwise block for ever.
        let group = DispatchGroup()
        var errData = Data()
        DispatchQueue.global().async(group: group) { errData = err.fileHandleForReading.readDataToEndOfFile() }
        DispatchQueue.global().async(group: group) {
            if let stdin { input.fileHandleForWriting.write(stdin) }
            try? input.fileHandleForWriting.close()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Runs with standard output on a pseudo-terminal, as in an interactive shell, and
    /// returns what the terminal received.
    static func runOnTerminal(_ arguments: [String], environment: [String: String] = [:]) throws -> String {
        // The pseudo-terminal calls are declared only under _XOPEN_SOURCE, which Swift's C
        // module does not set: they are looked up by name instead.
        typealias FDCall = @convention(c) (Int32) -> Int32
        typealias NameCall = @convention(c) (Int32) -> UnsafeMutablePointer<CChar>?
        func symbol<T>(_ name: String, _ type: T.Type) throws -> T {
            guard let address = dlsym(UnsafeMutableRawPointer(bitPattern: 0), name) else { throw CocoaError(.featureUnsupported) }
            return unsafeBitCast(address, to: type)
        }
        let openpt = try symbol("posix_openpt", FDCall.self), grantpt = try symbol("grantpt", FDCall.self)
        let unlockpt = try symbol("unlockpt", FDCall.self), ptsname = try symbol("ptsname", NameCall.self)
        let master = openpt(O_RDWR | O_NOCTTY)
        guard master >= 0, grantpt(master) == 0, unlockpt(master) == 0, let name = ptsname(master) else {
            throw CocoaError(.fileReadUnknown)
        }
        let terminal = open(String(cString: name), O_RDWR | O_NOCTTY)
        guard terminal >= 0 else { close(master); throw CocoaError(.fileReadUnknown) }
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["HEDGEROW_FINGERPRINT_KEY"] = "end-to-end-test-key"
        env["NO_COLOR"] = nil
        env.merge(environment) { $1 }
        process.environment = env
        process.standardOutput = FileHandle(fileDescriptor: terminal, closeOnDealloc: false)
        process.standardError = FileHandle.nullDevice
        try process.run()
        close(terminal)
        var received = Data()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = read(master, &buffer, buffer.count)
            if n <= 0 { break }  // EIO once the child has closed the terminal
            received.append(contentsOf: buffer[..<n])
        }
        process.waitUntilExit()
        close(master)
        return String(decoding: received, as: UTF8.self)
    }
}

/// A temporary directory removed after the test.
final class Scratch {
    let url: URL
    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("hedgerow-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(at: url) }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> URL { try write(name, Data(text.utf8)) }

    @discardableResult
    func write(_ name: String, _ data: Data) throws -> URL {
        let file = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: file)
        return file
    }
}
