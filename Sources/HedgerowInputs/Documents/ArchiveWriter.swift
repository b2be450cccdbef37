import CArchive
import Foundation

/// Writes a zip through libarchive, member by member: the container half of writing an
/// Office file back with its values replaced. Written to a temporary name beside the
/// destination and renamed over it at the end, so a failed write leaves no half file.
final class ArchiveWriter {
    private let handle: OpaquePointer
    private let destination: String
    private let temporary: String
    private var closed = false

    init(zipAt destination: String) throws {
        self.destination = destination
        temporary = destination + ".hedgerow-\(getpid())"
        handle = archive_write_new()!
        archive_write_set_format_zip(handle)
        guard archive_write_open_filename(handle, temporary) == ARCHIVE_OK else {
            throw ArchiveError(message: archive_error_string(handle).map { String(cString: $0) } ?? "cannot write \(destination)")
        }
    }

    deinit {
        if !closed { archive_write_close(handle); unlink(temporary) }
        archive_write_free(handle)
    }

    func add(_ name: String, _ bytes: [UInt8]) throws {
        let entry = archive_entry_new()!
        defer { archive_entry_free(entry) }
        archive_entry_set_pathname(entry, name)
        archive_entry_set_size(entry, la_int64_t(bytes.count))
        archive_entry_set_filetype(entry, 0o100000)
        archive_entry_set_perm(entry, 0o644)
        guard archive_write_header(handle, entry) == ARCHIVE_OK else { throw failure() }
        let written = bytes.withUnsafeBytes { archive_write_data(handle, $0.baseAddress, $0.count) }
        guard written == bytes.count else { throw failure() }
    }

    func finish() throws {
        closed = true
        guard archive_write_close(handle) == ARCHIVE_OK else { unlink(temporary); throw failure() }
        guard rename(temporary, destination) == 0 else {
            unlink(temporary)
            throw ArchiveError(message: "cannot write \(destination): \(String(cString: strerror(errno)))")
        }
    }

    private func failure() -> ArchiveError {
        ArchiveError(message: archive_error_string(handle).map { String(cString: $0) } ?? "archive write failed")
    }
}
