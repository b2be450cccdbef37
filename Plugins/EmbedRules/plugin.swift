import Foundation
import PackagePlugin

/// Embeds Rules/**/*.yml into the HedgerowRules target at build time, so the one copy of
/// the rules in the repository is what the binary and the tests both load.
@main
struct EmbedRules: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let rulesDir = context.package.directoryURL.appending(path: "Rules")
        var inputs: [URL] = []
        if let walker = FileManager.default.enumerator(at: rulesDir, includingPropertiesForKeys: nil) {
            for case let url as URL in walker where ["yml", "yaml"].contains(url.pathExtension) {
                inputs.append(url)
            }
        }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedRules.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(inputs.count) rule files",
                executable: try context.tool(named: "embed-rules").url,
                arguments: [output.path, rulesDir.path],
                inputFiles: inputs.sorted { $0.path < $1.path },
                outputFiles: [output]
            )
        ]
    }
}
