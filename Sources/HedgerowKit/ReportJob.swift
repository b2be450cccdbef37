import Foundation
import HedgerowReport

/// The library entry point behind `hedgerow report DIR`: figures across a directory of records.
public enum ReportJob {
    public static func run(directory: String, json: Bool) -> RunResult {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
            return RunResult(output: "", diagnostics: ["error: cannot read \(directory)"], exitCode: ExitStatus.error)
        }
        var records: [IncidentRecord] = []
        var errors: [String] = []
        for name in names.sorted() where name.hasPrefix("AIENG-") && name.hasSuffix(".json") {
            let path = directory + "/" + name
            do { records.append(try IncidentRecord.decode(Data(contentsOf: URL(fileURLWithPath: path)))) }
            catch { errors.append("error: \(path): not an incident record (\(error))") }
        }
        let figures = RecordFigures(records)
        var output = figures.text()
        if json {
            output = figures.jsonDocument(toolVersion: hedgerowVersion)
        }
        return RunResult(output: output, diagnostics: errors, exitCode: errors.isEmpty ? ExitStatus.clean : ExitStatus.error)
    }
}
