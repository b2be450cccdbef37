#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// File names are bytes, not text: Linux allows any byte but `/` and NUL, and a name made
/// on another system (Latin-1, Shift JIS) is often not valid UTF-8. A Swift `String` made
/// from such a name replaces the bad bytes, so the name no longer opens anything and the
/// file cannot be scanned.
///
/// So names read from a directory (and paths given as arguments) become strings through
/// `decode`, which keeps every byte: a byte that is not part of valid UTF-8 becomes the
/// private-use character U+F700 + byte, and so do the bytes of any real character in that
/// range (which makes the mapping one-to-one). `withPath` turns such a string back into the
/// exact bytes for the kernel; `shown` is the form for output, each raw byte as `\xFF`.
/// Names that are valid UTF-8 (all ordinary ones) pass through unchanged.
public enum FileNames {
    static let escapeRange: ClosedRange<UInt32> = 0xF700...0xF7FF

    /// The string for a name or path read as bytes.
    public static func decode<Bytes: Collection>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        if let text = String(validating: bytes, as: UTF8.self), !text.unicodeScalars.contains(where: { escapeRange.contains($0.value) }) {
            return text
        }
        var scalars = String.UnicodeScalarView()
        var iterator = bytes.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        func escape<S: Sequence>(_ raw: S) where S.Element == UInt8 {
            for byte in raw { scalars.append(Unicode.Scalar(escapeRange.lowerBound + UInt32(byte))!) }
        }
        var pending = Array(bytes)[...]
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                let scalar = Unicode.UTF8.decode(encoded)
                if escapeRange.contains(scalar.value) { escape(encoded) } else { scalars.append(scalar) }
                pending = pending.dropFirst(encoded.count)
            case .error(let length):
                escape(pending.prefix(length))
                pending = pending.dropFirst(length)
            case .emptyInput:
                return String(scalars)
            }
        }
    }

    /// Whether a string holds bytes `decode` escaped.
    public static func hasEscapes(_ path: String) -> Bool {
        path.unicodeScalars.contains { escapeRange.contains($0.value) }
    }

    /// The exact bytes of a path, NUL-terminated, for a system call.
    public static func bytes(_ path: String) -> [UInt8] {
        guard hasEscapes(path) else { return Array(path.utf8) }
        var out: [UInt8] = []
        for scalar in path.unicodeScalars {
            if escapeRange.contains(scalar.value) { out.append(UInt8(scalar.value - escapeRange.lowerBound)) } else { out += Array(String(scalar).utf8) }
        }
        return out
    }

    /// Calls `body` with the path as the C string the kernel needs.
    public static func withPath<R>(_ path: String, _ body: (UnsafePointer<CChar>) throws -> R) rethrows -> R {
        guard hasEscapes(path) else { return try path.withCString(body) }
        return try (bytes(path) + [0]).withUnsafeBufferPointer { buffer in
            try buffer.withMemoryRebound(to: CChar.self) { try body($0.baseAddress!) }
        }
    }

    /// The path for output: each escaped byte written `\xFF`; other paths unchanged.
    public static func shown(_ path: String) -> String {
        guard hasEscapes(path) else { return path }
        var out = ""
        for scalar in path.unicodeScalars {
            if escapeRange.contains(scalar.value) {
                let hex = String(scalar.value - escapeRange.lowerBound, radix: 16, uppercase: true)
                out += "\\x" + (hex.count == 1 ? "0" + hex : hex)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// The process's arguments, decoded as `decode` does (CommandLine.arguments replaces
    /// bytes that are not UTF-8, so a path given that way would not open).
    public static func commandLineArguments() -> [String] {
        (0..<Int(CommandLine.argc)).map { i in
            guard let arg = CommandLine.unsafeArgv[i] else { return "" }
            return decode(UnsafeBufferPointer(start: UnsafeRawPointer(arg).assumingMemoryBound(to: UInt8.self), count: strlen(arg)))
        }
    }
}
