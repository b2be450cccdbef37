import Glibc
import FuzzSupport

/// Runs libFuzzer's driver (flags, corpus directories, crash files) with one target's
/// callback, then exits with its status. Every `fuzz-*` executable's `main` is this one
/// call: SwiftPM gives each executable its own `main`, so libFuzzer's is never linked.
public func runFuzzer(_ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> Never {
    var argc = CommandLine.argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
    exit(LLVMFuzzerRunDriver(&argc, &argv, callback))
}
