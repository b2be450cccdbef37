import Foundation
import PackagePlugin

/// Gives the HedgerowVersion target a `BuildInfo` with the version from the VERSION file and
/// the commit, so `hedgerow --version` names both and the version is set in one place.
@main
struct StampVersion: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = context.package.directoryURL
        let versionFile = root.appending(path: "VERSION")
        let output = context.pluginWorkDirectoryURL.appending(path: "BuildInfo.swift")
        // The commit is an argument, not an input file: the plugin runs on every build, and a
        // changed argument reruns the command, so a new commit is stamped without a clean build.
        return [
            .buildCommand(
                displayName: "Stamping version and commit",
                executable: try context.tool(named: "stamp-version").url,
                arguments: [output.path, versionFile.path, commit(in: root)],
                inputFiles: [versionFile],
                outputFiles: [output]
            )
        ]
    }

    /// HEDGEROW_COMMIT wins (a build from a source archive has no .git); else git's own answer,
    /// with `-dirty` for uncommitted changes; else `unknown`.
    func commit(in root: URL) -> String {
        if let given = ProcessInfo.processInfo.environment["HEDGEROW_COMMIT"], !given.isEmpty { return given }
        let git = Process()
        git.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        git.arguments = ["git", "-C", root.path, "describe", "--always", "--dirty", "--abbrev=12", "--exclude=*"]
        let pipe = Pipe()
        git.standardOutput = pipe
        git.standardError = FileHandle.nullDevice
        do { try git.run() } catch { return "unknown" }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        git.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return git.terminationStatus == 0 && !text.isEmpty ? text : "unknown"
    }
}
