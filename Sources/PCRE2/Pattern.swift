import CPCRE2

/// A compiled PCRE2 pattern. Immutable after creation and safe to share between
/// threads; matching state lives in `Matcher`, one per thread.
public final class Pattern: @unchecked Sendable {
    /// Compile-time switches, kept to the few the scanner needs.
    public struct Options: OptionSet, Sendable {
        public let rawValue: UInt32
        public init(rawValue: UInt32) { self.rawValue = rawValue }
        public static let caseless = Options(rawValue: PCRE2_CASELESS)
        public static let extended = Options(rawValue: PCRE2_EXTENDED)
        public static let multiline = Options(rawValue: PCRE2_MULTILINE)
        public static let dotAll = Options(rawValue: PCRE2_DOTALL)
        /// Lets a match call limit where a match may start (`Matcher.firstMatch(startLimit:)`).
        public static let useOffsetLimit = Options(rawValue: PCRE2_USE_OFFSET_LIMIT)
    }

    let code: OpaquePointer
    public let source: String
    /// False when the platform has no JIT; matching still works through the interpreter.
    public let isJITCompiled: Bool
    public let captureCount: Int
    /// The bytes a match can start with, when PCRE2 worked them out (a bitmap it builds for
    /// its own start-of-match search); nil when any byte may start one.
    public let startBytes: [Bool]?

    /// Compiles in byte mode (no UTF): the scanner matches arbitrary bytes, including
    /// invalid UTF-8, and offsets are always byte offsets.
    public init(_ source: String, options: Options = [], jit: Bool = true) throws {
        self.source = source
        var errorCode: Int32 = 0
        var errorOffset: Int = 0
        let utf8 = Array(source.utf8)
        let compiled = utf8.withUnsafeBufferPointer { ptr in
            pcre2_compile_8(ptr.baseAddress, ptr.count, options.rawValue, &errorCode, &errorOffset, nil)
        }
        guard let compiled else {
            throw PCRE2Error(kind: .compile, code: errorCode, offset: errorOffset)
        }
        self.code = compiled
        if jit {
            isJITCompiled = pcre2_jit_compile_8(compiled, PCRE2_JIT_COMPLETE) == 0
        } else {
            isJITCompiled = false
        }
        var count: UInt32 = 0
        pcre2_pattern_info_8(compiled, UInt32(PCRE2_INFO_CAPTURECOUNT), &count)
        captureCount = Int(count)
        var bitmap: UnsafePointer<UInt8>?
        if pcre2_pattern_info_8(compiled, UInt32(PCRE2_INFO_FIRSTBITMAP), &bitmap) == 0, let bitmap {
            startBytes = (0..<256).map { bitmap[$0 >> 3] & (1 << UInt8($0 & 7)) != 0 }
        } else {
            startBytes = nil
        }
    }

    deinit { pcre2_code_free_8(code) }

    /// The number of a named group, or nil when the pattern has no such group.
    public func groupNumber(named name: String) -> Int? {
        let number = name.withCString { cName in
            cName.withMemoryRebound(to: UInt8.self, capacity: name.utf8.count + 1) {
                pcre2_substring_number_from_name_8(code, $0)
            }
        }
        return number > 0 ? Int(number) : nil
    }
}
