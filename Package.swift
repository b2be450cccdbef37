// swift-tools-version:6.0
import PackageDescription

// Module layering (one-way): CPCRE2 <- PCRE2 <- HedgerowCore (also <- CAccel, HedgerowLexicon) <- {HedgerowInputs (also <- CArchive), HedgerowPlaybook <- HedgerowReport}
// <- HedgerowKit <- hedgerow; HedgerowRedact (placeholders, fakes, format-aware rewriting, the map) <- HedgerowCore only. HedgerowRules holds the embedded rule text only.
let package = Package(
    name: "hedgerow",
    products: [
        .executable(name: "hedgerow", targets: ["hedgerow"]),
        .library(name: "HedgerowKit", targets: ["HedgerowKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CPCRE2",
            pkgConfig: "libpcre2-8",
            providers: [.apt(["libpcre2-dev"]), .brew(["pcre2"])]
        ),
        .target(name: "PCRE2", dependencies: ["CPCRE2"]),
        // libarchive: the containers documents and archives come in (zip, tar, 7z, gz, and Office files).
        .systemLibrary(
            name: "CArchive",
            pkgConfig: "libarchive",
            providers: [.apt(["libarchive-dev"]), .brew(["libarchive"])]
        ),
        // Vector byte classification (movemask) for the scanner's per-byte passes: our own C.
        .target(name: "CAccel"),
        // mallopt, default thread stacks and a fatal-signal handler for address-space limits.
        .target(name: "CMemory"),
        .executableTarget(name: "embed-rules", path: "Sources/embed-rules"),
        .plugin(
            name: "EmbedRules",
            capability: .buildTool(),
            dependencies: ["embed-rules"]
        ),
        .target(name: "HedgerowRules", plugins: ["EmbedRules"]),
        // The version (VERSION file) and commit, for `hedgerow --version`.
        .executableTarget(name: "stamp-version", path: "Sources/stamp-version"),
        .plugin(name: "StampVersion", capability: .buildTool(), dependencies: ["stamp-version"]),
        .target(name: "HedgerowVersion", plugins: ["StampVersion"]),
        // The word lists behind name, address and health detection (Rules/lexicon/*.txt).
        .target(name: "HedgerowLexicon", plugins: ["EmbedRules"]),
        // The scanning engine is optimised in debug builds too: its per-byte loops run ten
        // times slower unoptimised, which made the debug binary the tests and hooks use slow.
        // Both run without the runtime's dynamic exclusivity checks: the engine's per-hit state
        // lives in class properties, and checking each access was about 5% of a transcript scan
        // (swift_beginAccess and its access set). Static checks still apply at compile time.
        .target(name: "HedgerowCore", dependencies: ["PCRE2", "CAccel", "HedgerowLexicon", .product(name: "Yams", package: "Yams")],
                swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug)), .unsafeFlags(["-enforce-exclusivity=unchecked"])]),
        .target(name: "HedgerowInputs", dependencies: ["HedgerowCore", "CArchive"],
                swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"])]),
        // The incident playbook's own terms: severities, response times, who to notify, and
        // the policy that picks a severity. Report formats use it; it knows no format.
        .target(name: "HedgerowPlaybook", dependencies: ["HedgerowCore"]),
        .target(name: "HedgerowReport", dependencies: ["HedgerowCore", "HedgerowPlaybook"]),
        .target(name: "HedgerowRedact", dependencies: ["HedgerowCore"]),
        .target(name: "HedgerowKit", dependencies: ["CMemory", "HedgerowVersion", "HedgerowCore", "HedgerowInputs", "HedgerowReport", "HedgerowRedact", "HedgerowRules"]),
        .executableTarget(
            name: "hedgerow",
            dependencies: ["HedgerowKit", "HedgerowVersion", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .testTarget(name: "PCRE2Tests", dependencies: ["PCRE2"]),
        .testTarget(name: "HedgerowCoreTests", dependencies: ["HedgerowCore", "HedgerowInputs", "HedgerowRules"]),
        .testTarget(name: "HedgerowKitTests", dependencies: ["HedgerowKit", "HedgerowCore", "HedgerowInputs"]),
        .testTarget(name: "HedgerowReportTests", dependencies: ["HedgerowReport", "HedgerowCore"]),
        .testTarget(name: "HedgerowRedactTests", dependencies: ["HedgerowRedact", "HedgerowCore"]),
        .testTarget(name: "EndToEndTests", dependencies: ["hedgerow"]),
        .testTarget(name: "DocumentTests", dependencies: ["HedgerowInputs", "HedgerowCore", "HedgerowKit", "CArchive"]),
    ],
    swiftLanguageModes: [.v5]
)

// Fuzzing (`make fuzz`, Fuzz/README.md): only when HEDGEROW_FUZZ is set, so ordinary builds
// never see these targets. The library modules are compiled with libFuzzer's coverage
// instrumentation; each `fuzz-*` executable links libFuzzer, and its `main` runs
// libFuzzer's driver (SwiftPM gives every executable a `main` of its own).
if Context.environment["HEDGEROW_FUZZ"] != nil {
    let instrumented: Set<String> = ["PCRE2", "HedgerowCore", "HedgerowInputs", "HedgerowKit"]
    for target in package.targets where instrumented.contains(target.name) {
        target.swiftSettings = (target.swiftSettings ?? []) + [.unsafeFlags(["-sanitize=fuzzer"])]
    }
    for target in package.targets where target.name == "CAccel" {
        target.cSettings = (target.cSettings ?? []) + [.unsafeFlags(["-fsanitize=fuzzer-no-link"])]
    }
    let fuzzTargets: [(name: String, dependencies: [Target.Dependency])] = [
        ("fuzz-diff", ["HedgerowInputs"]),
        ("fuzz-transcripts", ["HedgerowKit", "HedgerowInputs", "HedgerowCore"]),
        ("fuzz-documents", ["HedgerowKit", "HedgerowInputs", "HedgerowCore"]),
        ("fuzz-config", ["HedgerowCore"]),
        ("fuzz-rules", ["HedgerowCore"]),
        ("fuzz-scanner", ["HedgerowKit", "HedgerowCore"]),
    ]
    package.targets.append(.target(name: "FuzzSupport", path: "Fuzz/Support"))
    package.targets.append(.target(name: "FuzzMain", dependencies: ["FuzzSupport"], path: "Fuzz/Main"))
    for fuzz in fuzzTargets {
        package.targets.append(.executableTarget(
            name: fuzz.name, dependencies: fuzz.dependencies + ["FuzzMain"], path: "Fuzz/Targets/\(fuzz.name)",
            swiftSettings: [.unsafeFlags(["-parse-as-library", "-sanitize=fuzzer"])],
            linkerSettings: [.unsafeFlags(["-sanitize=fuzzer", "-use-ld=lld"])]))
        package.products.append(.executable(name: fuzz.name, targets: [fuzz.name]))
    }
}
