import Foundation
import HedgerowRedact

/// The library entry point behind `hedgerow restore`: read a map written by
/// `hedgerow redact --map`, and put the real values back into a text (a file, standard
/// input or the clipboard) in place of the replacements.
public enum RestoreJob {
    public static func run(_ options: RestoreOptions) -> RunResult {
        let environment = options.environment.isEmpty ? ProcessInfo.processInfo.environment : options.environment
        let map: RedactionMap
        do {
            guard let data = FileManager.default.contents(atPath: options.mapPath) else {
                throw RedactJob.Problem("cannot read the map \(options.mapPath)")
            }
            map = try RedactionMap.decode(data)
        } catch { return RunSetup.failure(error) }
        do {
            let input: [UInt8]
            var clipboard: Clipboard?
            if options.clipboard {
                let tool = try Clipboard.detect(environment: environment)
                clipboard = tool
                input = try tool.read(environment: environment)
            } else if options.inputPath == "-" {
                input = RedactJob.readStandardInput()
            } else {
                guard let data = FileManager.default.contents(atPath: options.inputPath) else {
                    throw RedactJob.Problem("cannot read \(options.inputPath)")
                }
                input = [UInt8](data)
            }
            let (text, restored) = Restorer(map: map).restore(input)
            if let clipboard, options.outputPath == nil {
                try clipboard.write(text, environment: environment)
            } else {
                let writer = try StreamWriter(outputPath: options.outputPath)
                text.withUnsafeBytes { writer.write(bytes: $0) }
                if let problem = writer.close() { throw RedactJob.Problem("cannot write \(options.outputPath ?? "standard output"): \(problem)") }
            }
            return RunResult(output: "", diagnostics: ["restored \(restored) value\(restored == 1 ? "" : "s") from \(map.entries.count) map entr\(map.entries.count == 1 ? "y" : "ies")"],
                             exitCode: ExitStatus.clean)
        } catch { return RunSetup.failure(error) }
    }
}
