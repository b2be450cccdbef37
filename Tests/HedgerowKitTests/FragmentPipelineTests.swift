import Foundation
import XCTest
import HedgerowCore
import HedgerowInputs
@testable import HedgerowKit

/// The queue between git's diff and the scanning threads (issue 23, item 18: a 200 MB
/// commit was held whole in git mode).
final class FragmentPipelineTests: XCTestCase {
    func testQueuedBytesStayUnderTheBoundWhateverTheFragmentCount() throws {
        let ruleSet = try RuleSet(try BuiltinRules.load())
        let pipeline = FragmentPipeline(workers: 1, byteCapacity: 2 << 20) {
            ScanEngine(ruleSet: ruleSet, fingerprinter: Fingerprinter(key: Array("pipeline-test".utf8)))
        }
        // Twenty 1 MB fragments of one file, submitted as fast as a reader could: the
        // scanner cannot keep up, so the reader must wait rather than queue them all.
        let line = Array(String(repeating: "lorem ipsum dolor sit amet value index ", count: 2).utf8) + [0x0A]
        let linesPerFragment = (1 << 20) / line.count
        for n in 0..<20 {
            var fragment = AddedFragment(path: "big.txt", commit: nil)
            fragment.bytes.reserveCapacity(linesPerFragment * line.count)
            for k in 0..<linesPerFragment {
                fragment.bytes += line
                fragment.lines.append(n * linesPerFragment + k + 1)
            }
            pipeline.submit(fragment)
        }
        let results = pipeline.finish()
        XCTAssertEqual(results.count, 20)
        XCTAssertEqual(results.map(\.sequence), Array(0..<20))
        XCTAssertLessThanOrEqual(pipeline.peakQueuedBytes, 2 << 20, "the queue held more bytes than its bound")
    }
}
