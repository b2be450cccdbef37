import HedgerowCore

/// The `--stats` table: per rule, time spent, candidates (keyword hits or region matches),
/// matches and validator rejections, slowest first, so a slow rule is visible.
public enum RuleStatsTable {
    public static func render(_ stats: RuleStatistics, ruleIDs: [String], bytes: Int, seconds: Double) -> String {
        let rows = ruleIDs.indices.sorted { stats.nanoseconds[$0] > stats.nanoseconds[$1] }
        let totalNs = stats.nanoseconds.reduce(0, +)
        var out = "rule statistics (\(bytes) bytes in \(String(format: "%.2f", seconds)) s; rule time summed over threads: \(String(format: "%.0f", Double(totalNs) / 1e6)) ms)\n"
        out += pad("rule", 42) + pad("ms", 9, right: true) + pad("%", 7, right: true) + pad("candidates", 12, right: true)
            + pad("matches", 10, right: true) + pad("rejected", 10, right: true) + "\n"
        for i in rows {
            let ms = Double(stats.nanoseconds[i]) / 1e6
            let share = totalNs == 0 ? 0 : Double(stats.nanoseconds[i]) * 100 / Double(totalNs)
            out += pad(ruleIDs[i], 42) + pad(String(format: "%.1f", ms), 9, right: true) + pad(String(format: "%.1f", share), 7, right: true)
                + pad("\(stats.candidates[i])", 12, right: true) + pad("\(stats.matches[i])", 10, right: true)
                + pad("\(stats.rejected[i])", 10, right: true) + "\n"
        }
        return out
    }

    static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(1, width - text.count))
        return right ? fill + text : text + fill
    }
}
