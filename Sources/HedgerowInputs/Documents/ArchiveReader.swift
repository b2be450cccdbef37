#if canImport(Glibc)
import Glibc
#endif
import CArchive

/// One entry of an archive as libarchive reports it. The name is only ever shown in a
/// location; nothing is written to disk under it, so `../` in a name is harmless.
struct ArchiveMember {
    var name: String
    /// The size the header claims, when it claims one (a gz stream does not).
    var declaredSize: Int?
    var isRegularFile: Bool
    var isEncrypted: Bool
}

/// Why an archive could not be read: corrupt, truncated, or a format libarchive refuses.
struct ArchiveError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// A forward-only reader over any container libarchive knows (zip, jar, tar with any
/// compression, 7z, cpio, and single gz/bz2/xz streams), from a file descriptor or from
/// bytes in memory (a member of another archive). It keeps the C handle and the memory it
/// reads from alive together, so neither outlives the other.
final class ArchiveReader {
    private let handle: OpaquePointer
    private var memory: UnsafeMutableRawBufferPointer?

    /// `raw` also accepts a bare compressed stream (`notes.txt.gz`) as one member named "data".
    init(descriptor: Int32, raw: Bool) throws {
        handle = Self.makeHandle(raw: raw)
        // A throwing class initializer still runs deinit, which frees the handle.
        guard archive_read_open_fd(handle, descriptor, 1 << 16) == ARCHIVE_OK else {
            throw ArchiveError(message: Self.message(handle))
        }
    }

    init(bytes: [UInt8], raw: Bool) throws {
        handle = Self.makeHandle(raw: raw)
        let copy = UnsafeMutableRawBufferPointer.allocate(byteCount: max(1, bytes.count), alignment: 8)
        bytes.withUnsafeBytes { if let base = $0.baseAddress { copy.baseAddress!.copyMemory(from: base, byteCount: bytes.count) } }
        memory = copy
        guard archive_read_open_memory(handle, copy.baseAddress, bytes.count) == ARCHIVE_OK else {
            throw ArchiveError(message: Self.message(handle))
        }
    }

    deinit {
        archive_read_free(handle)
        memory?.deallocate()
    }

    private static func makeHandle(raw: Bool) -> OpaquePointer {
        let a = archive_read_new()!
        archive_read_support_filter_all(a)
        if raw {
            // A bare compressed stream: its content is one member, or a tar. Not every
            // format: mtree reads text lines and would take a compressed JSON for one.
            archive_read_support_format_tar(a)
            archive_read_support_format_raw(a)
        } else {
            archive_read_support_format_all(a)
        }
        return a
    }

    private static func message(_ a: OpaquePointer) -> String {
        archive_error_string(a).map { String(cString: $0) } ?? "unreadable archive"
    }

    /// The next entry, or nil at the end. Throws on a corrupt header.
    func next() throws -> ArchiveMember? {
        var entry: OpaquePointer?
        let rc = archive_read_next_header(handle, &entry)
        if rc == ARCHIVE_EOF { return nil }
        guard rc >= ARCHIVE_WARN, let entry else { throw ArchiveError(message: Self.message(handle)) }
        let name = archive_entry_pathname_utf8(entry).map { String(cString: $0) }
            ?? archive_entry_pathname(entry).map { String(cString: $0) } ?? "?"
        return ArchiveMember(
            name: name,
            declaredSize: archive_entry_size_is_set(entry) != 0 ? Int(archive_entry_size(entry)) : nil,
            isRegularFile: UInt32(archive_entry_filetype(entry)) & 0o170000 == 0o100000,
            isEncrypted: archive_entry_is_encrypted(entry) != 0
        )
    }

    /// Reads the current member's data; 0 at its end. Throws on corrupt or encrypted data.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        while true {
            let n = archive_read_data(handle, buffer.baseAddress, buffer.count)
            if n >= 0 { return n }
            if Int32(n) == ARCHIVE_RETRY { continue }
            throw ArchiveError(message: Self.message(handle))
        }
    }
}
