#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Something the scanner can pull bytes from in pieces: a file, stdin, a git blob.
/// Returning 0 means the end.
public protocol ByteSource {
    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int
}

/// Bytes already in memory. `maxRead` caps each read, so tests can feed the scanner
/// one byte at a time and prove chunking never changes the findings.
public struct MemorySource: ByteSource {
    let bytes: [UInt8]
    var position = 0
    let maxRead: Int

    public init(_ bytes: [UInt8], maxRead: Int = .max) {
        self.bytes = bytes
        self.maxRead = max(1, maxRead)
    }

    public mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        let n = min(buffer.count, bytes.count - position, maxRead)
        guard n > 0 else { return 0 }
        bytes.withUnsafeBytes { src in
            buffer.baseAddress!.copyMemory(from: src.baseAddress! + position, byteCount: n)
        }
        position += n
        return n
    }
}

/// An open file descriptor, read with read(2). The descriptor is not closed here.
public struct FileDescriptorSource: ByteSource {
    public let descriptor: Int32
    public init(descriptor: Int32) { self.descriptor = descriptor }

    public struct ReadError: Error, CustomStringConvertible {
        public let code: Int32
        public var description: String { String(cString: strerror(code)) }
    }

    public mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        while true {
            #if canImport(Glibc)
            let n = Glibc.read(descriptor, buffer.baseAddress, buffer.count)
            #else
            let n = Darwin.read(descriptor, buffer.baseAddress, buffer.count)
            #endif
            if n >= 0 { return n }
            if errno == EINTR { continue }
            throw ReadError(code: errno)
        }
    }
}

/// A byte range of an open file, read with pread(2): several threads can each scan a
/// part of one big file through their own range of the same descriptor.
public struct FileRangeSource: ByteSource {
    public let descriptor: Int32
    private var position: Int
    private let end: Int
    /// Newlines are counted in the bytes read from this file offset on.
    private let countFrom: Int
    /// How many newlines the bytes read so far hold from `countFrom` on: a part of a big
    /// file reads past its end by an overlap, and its own line count is the scan's less
    /// the overlap's (a few kilobytes, counted here while in cache).
    public private(set) var newlinesPast = 0

    public init(descriptor: Int32, from start: Int, to end: Int, countingNewlinesFrom countFrom: Int = .max) {
        self.descriptor = descriptor; position = start; self.end = end; self.countFrom = countFrom
    }

    public mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        let wanted = min(buffer.count, end - position)
        guard wanted > 0 else { return 0 }
        while true {
            let n = pread(descriptor, buffer.baseAddress, wanted, off_t(position))
            if n < 0 {
                if errno == EINTR { continue }
                throw FileDescriptorSource.ReadError(code: errno)
            }
            let skipped = max(0, countFrom - position)
            if skipped < n { newlinesPast += ByteSearch.count(0x0A, in: UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(buffer)[skipped..<n])) }
            position += n
            return n
        }
    }
}
