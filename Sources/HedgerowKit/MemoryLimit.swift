import CMemory
import Foundation

/// Runs under an address-space limit (`ulimit -v`, a container's or a CI job's cap). The
/// scan itself needs about 50 MB, but glibc reserved 64 MB of address space per thread for
/// malloc arenas and Dispatch 8 MB per thread for stacks, so under a 200 MB limit most runs
/// aborted, and a thread Dispatch could not start left the run waiting forever. With a limit,
/// every thread shares one arena, stacks are smaller, a run starts only the threads the
/// limit leaves room for, and a failed allocation is a one-line error and exit 2 with the
/// run's temporary files removed. Without a limit nothing changes.
public enum MemoryLimit {
    /// Stack of each thread started after `prepare` (Dispatch's workers among them).
    static let threadStack = 4 << 20
    /// Address space one scanning thread may take: its stack, the engine's window and byte
    /// masks (about 1 MB each, with the scanner of decoded text), PCRE2's JIT stack and
    /// match data, and the findings of a file in flight.
    static let perThread = 24 << 20
    /// Room the run keeps for everything else (its output, the walk, the summary).
    static let reserve = 16 << 20

    /// The limit in bytes, nil when there is none.
    static var limit: Int? {
        let limit = hedgerow_address_space_limit()
        return limit > 0 ? Int(limit) : nil
    }

    /// Room a run needs beyond what is mapped at start (the binary and its libraries): the
    /// compiled rules, the threads that load them and one scanning thread. Below it a run
    /// stops at once: Dispatch, failing to start a thread, would wait for ever.
    static let startingRoom = 48 << 20

    /// Called first thing by the executable; a sentence saying why the run cannot start
    /// when the limit leaves too little room (the run then exits 2).
    public static func prepare() -> String? {
        guard let limit else { return nil }
        let used = Int(hedgerow_address_space_in_use())
        if used > 0 && limit - used < startingRoom {
            return "the address-space limit of \(limit >> 20) MB (ulimit -v) leaves no room to run: "
                + "hedgerow has \(used >> 20) MB mapped at start and needs about \((used + startingRoom) >> 20) MB; raise the limit"
        }
        _ = hedgerow_reserve_less(threadStack)
        hedgerow_fail_cleanly_on_fatal_signals(
            "hedgerow: error: out of memory under the address-space limit of \(limit >> 20) MB (ulimit -v); "
                + "raise the limit or scan with --threads 1\n")
        return nil
    }

    /// `wanted` threads, or fewer when the limit cannot hold them (at least one).
    static func threads(_ wanted: Int) -> Int {
        guard let room = room else { return wanted }
        return max(1, min(wanted, room / perThread))
    }

    /// Address space left under the limit now, less the reserve; nil without a limit.
    static var room: Int? {
        guard let limit else { return nil }
        let used = hedgerow_address_space_in_use()
        guard used > 0 else { return nil }
        return limit - Int(used) - reserve
    }

    /// A sentence saying why a scan cannot start, when the limit leaves no room for even
    /// one scanning thread; nil when it can.
    static func shortage() -> String? {
        guard let limit, let room, room < perThread else { return nil }
        let used = Int(hedgerow_address_space_in_use())
        return "the address-space limit of \(limit >> 20) MB (ulimit -v) leaves no room to scan: "
            + "hedgerow has \(used >> 20) MB mapped and needs about \((used + reserve + perThread) >> 20) MB; raise the limit"
    }

    /// Notes a temporary file to remove if the run dies for want of memory; the slot is
    /// given back to `forget` once the file is renamed or removed.
    static func note(temporary path: String) -> Int32 {
        hedgerow_note_temporary(path)
    }

    static func forget(_ slot: Int32) {
        hedgerow_forget_temporary(slot)
    }
}
