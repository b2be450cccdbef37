import Foundation
import XCTest

/// A throwaway git repository made by the test itself (no committed .git fixtures),
/// isolated from the machine's git configuration.
final class TestRepository {
    let scratch: Scratch
    var url: URL { scratch.url }
    var path: String { scratch.url.path }

    /// Identity and isolation for every git call the tests make.
    static let environment: [String: String] = [
        "GIT_AUTHOR_NAME": "Test Author", "GIT_AUTHOR_EMAIL": "author@example.invalid",
        "GIT_COMMITTER_NAME": "Test Author", "GIT_COMMITTER_EMAIL": "author@example.invalid",
        "GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1",
    ]

    init(bare: Bool = false) throws {
        scratch = try Scratch()
        try git(bare ? ["init", "-q", "--bare", "-b", "main"] : ["init", "-q", "-b", "main"])
    }

    /// Runs git in the repository; fails the test on a non-zero exit unless `check` is false.
    @discardableResult
    func git(_ arguments: [String], stdin: String? = nil, check: Bool = true) throws -> String {
        try Self.runGit(arguments, in: url, stdin: stdin, check: check)
    }

    @discardableResult
    static func runGit(_ arguments: [String], in directory: URL, stdin: String? = nil, check: Bool = true,
                       environment extra: [String: String] = [:]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.currentDirectoryURL = directory
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }.merging(extra) { $1 }
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        if check && process.terminationStatus != 0 {
            throw NSError(domain: "git", code: Int(process.terminationStatus),
                          userInfo: [NSLocalizedDescriptionKey: "git \(arguments.joined(separator: " ")): \(errors)"])
        }
        return output
    }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> URL { try scratch.write(name, text) }

    func commit(_ message: String, files: [String: String]) throws {
        for (name, text) in files { try write(name, text) }
        try git(["add", "-A"])
        try git(["commit", "-q", "--no-verify", "-m", message])
    }

    func head() throws -> String { try git(["rev-parse", "HEAD"]).trimmingCharacters(in: .whitespacesAndNewlines) }

    /// `hedgerow git ...` against this repository, as JSON.
    func hedgerowJSON(_ arguments: [String]) throws -> (status: Int32, findings: [[String: Any]], summary: [String: Any], stderr: String) {
        let result = try CLI.run(["git"] + arguments + ["--format", "json", "-C", path], environment: Self.environment)
        let object = (try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8))) as? [String: Any] ?? [:]
        return (result.status, object["findings"] as? [[String: Any]] ?? [], object["summary"] as? [String: Any] ?? [:], result.stderr)
    }
}

/// Fake values in realistic formats, never live credentials.
enum FakeValue {
    static let awsKeyID = "AKIAQ3EGRJ7MTPW4XN2B"
    static let awsKeyID2 = "AKIAZ7HV2KLQ4RT3MWX5"
    static let email = "sam.patel@gmail.com"
    static let phone = "07411 595147"
}
