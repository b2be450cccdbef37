import Foundation
import PackagePlugin

/// Embeds Rules/**/*.yml into the HedgerowRules target (and Rules/lexicon/*.txt into
/// HedgerowLexicon) at build time, so the one copy of the rules and word lists in the
/// repository is what the binary and the tests both load.
@main
struct EmbedRules: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        // HedgerowLexicon carries the word lists under Rules/lexicon (plain text); every
        // other target that uses the plugin carries the YAML rules.
        let lexicon = target.name == "HedgerowLexicon"
        let rulesDir = context.package.directoryURL.appending(path: "Rules")
        let root = lexicon ? rulesDir.appending(path: "lexicon") : rulesDir
        let extensions = lexicon ? ["txt"] : ["yml", "yaml"]
        var inputs: [URL] = []
        // Folders too (their times change when a file is added), so a new list or rule
        // file is embedded by the next build without touching the manifest.
        var folders: [URL] = [root]
        if let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isDirectoryKey]) {
            for case let url as URL in walker {
                if (try? url.resourceValues(forKeys: [.isDirectoryKey]))?.isDirectory == true { folders.append(url) }
                else if extensions.contains(url.pathExtension) { inputs.append(url) }
            }
        }
        let output = context.pluginWorkDirectoryURL.appending(path: lexicon ? "EmbeddedLexicon.swift" : "EmbeddedRules.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(inputs.count) \(lexicon ? "word lists" : "rule files")",
                executable: try context.tool(named: "embed-rules").url,
                arguments: [output.path, root.path] + (lexicon ? ["--lexicon"] : []),
                inputFiles: folders + inputs.sorted { $0.path < $1.path },
                outputFiles: [output]
            )
        ]
    }
}
