import Dispatch
import HedgerowInputs

/// A file walk started on another thread; `outcome` waits for it.
final class BackgroundWalk: @unchecked Sendable {
    let paths: [String]
    private var result: FileWalker.Outcome?
    private let done = DispatchSemaphore(value: 0)

    init(paths: [String], walker: FileWalker) {
        self.paths = paths
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            result = walker.collect(paths)
            done.signal()
        }
    }

    var outcome: FileWalker.Outcome {
        done.wait()
        done.signal()
        return result!
    }
}
