import CAccel

/// SHA-256 and HMAC-SHA-256 (FIPS 180-4, RFC 2104), small enough to carry here rather
/// than depend on a crypto package for one keyed hash.
public enum SHA256 {
    static let k: [UInt32] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ]

    /// The running state of one hash: eight words and the bytes absorbed so far.
    /// Kept so an HMAC key's padded blocks are absorbed once, not once per fingerprint.
    /// Whether this processor's SHA instructions do the rounds (tests skip the comparison
    /// of the two paths where there is only one).
    public static var hardwareRounds: Bool { hedgerow_cpu_has_sha() != 0 }

    public struct State: Sendable {
        var h: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) =
            (0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19)
        var length = 0

        /// Absorbs whole 64-byte blocks only; `finish` takes the rest. With the processor's
        /// SHA instructions where it has them (a fingerprint per finding adds up over a
        /// 2 GB log); with the rounds below where not.
        mutating func absorb(blocks p: UnsafePointer<UInt8>, count: Int) {
            let done = withUnsafeMutableBytes(of: &h) { words in
                SHA256.k.withUnsafeBufferPointer { k in
                    hedgerow_sha256_blocks(words.baseAddress!.assumingMemoryBound(to: UInt32.self), p, count / 64, k.baseAddress!)
                }
            }
            if done == 0 { absorbWithoutHardware(blocks: p, count: count) } else { length += count }
        }

        /// The rounds in Swift, kept for processors without SHA instructions (and tested
        /// against them where there are).
        mutating func absorbWithoutHardware(blocks p: UnsafePointer<UInt8>, count: Int) {
            SHA256.k.withUnsafeBufferPointer { k in
            withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
                var chunk = 0
                while chunk + 64 <= count {
                    for i in 0..<16 {
                        let j = chunk + i * 4
                        w[i] = UInt32(p[j]) << 24 | UInt32(p[j + 1]) << 16 | UInt32(p[j + 2]) << 8 | UInt32(p[j + 3])
                    }
                    for i in 16..<64 {
                        let s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3)
                        let s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10)
                        w[i] = w[i - 16] &+ s0 &+ w[i - 7] &+ s1
                    }
                    var (a, b, c, d, e, f, g, hh) = h
                    for i in 0..<64 {
                        let s1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)
                        let ch = (e & f) ^ (~e & g)
                        let t1 = hh &+ s1 &+ ch &+ k[i] &+ w[i]
                        let s0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)
                        let maj = (a & b) ^ (a & c) ^ (b & c)
                        hh = g; g = f; f = e; e = d &+ t1; d = c; c = b; b = a; a = t1 &+ s0 &+ maj
                    }
                    h = (h.0 &+ a, h.1 &+ b, h.2 &+ c, h.3 &+ d, h.4 &+ e, h.5 &+ f, h.6 &+ g, h.7 &+ hh)
                    chunk += 64
                }
            }
            }
            length += count
        }

        /// Absorbs the last bytes with the padding and returns the digest. The padded tail
        /// (one or two blocks) is built on the stack: this runs twice per fingerprint.
        func finish(_ message: [UInt8]) -> [UInt8] {
            var state = self
            let bitLength = UInt64(length + message.count) * 8
            let padded = (message.count + 9 + 63) / 64 * 64
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: padded) { block in
                block.initialize(repeating: 0)
                _ = UnsafeMutableBufferPointer(rebasing: block[0..<message.count]).initialize(from: message)
                block[message.count] = 0x80
                for i in 0..<8 { block[padded - 1 - i] = UInt8(truncatingIfNeeded: bitLength >> (UInt64(i) * 8)) }
                state.absorb(blocks: UnsafePointer(block.baseAddress!), count: padded)
            }
            let h = state.h
            return [UInt8](unsafeUninitializedCapacity: 32) { out, count in
                for (i, v) in [h.0, h.1, h.2, h.3, h.4, h.5, h.6, h.7].enumerated() {
                    out[4 * i] = UInt8(truncatingIfNeeded: v >> 24)
                    out[4 * i + 1] = UInt8(truncatingIfNeeded: v >> 16)
                    out[4 * i + 2] = UInt8(truncatingIfNeeded: v >> 8)
                    out[4 * i + 3] = UInt8(truncatingIfNeeded: v)
                }
                count = 32
            }
        }
    }

    public static func hash(_ message: [UInt8]) -> [UInt8] {
        let whole = message.count / 64 * 64
        var state = State()
        message.withUnsafeBufferPointer { state.absorb(blocks: $0.baseAddress!, count: whole) }
        return state.finish(Array(message[whole...]))
    }

    /// An HMAC key with its inner and outer padded blocks already absorbed.
    public struct HMACKey: Sendable {
        let inner: State
        let outer: State

        public init(_ key: [UInt8]) {
            var block = key.count > 64 ? SHA256.hash(key) : key
            block += [UInt8](repeating: 0, count: 64 - block.count)
            var inner = State(), outer = State()
            block.map { $0 ^ 0x36 }.withUnsafeBufferPointer { inner.absorb(blocks: $0.baseAddress!, count: 64) }
            block.map { $0 ^ 0x5c }.withUnsafeBufferPointer { outer.absorb(blocks: $0.baseAddress!, count: 64) }
            self.inner = inner
            self.outer = outer
        }

        public func authenticate(_ message: [UInt8]) -> [UInt8] {
            let whole = message.count / 64 * 64
            var state = inner
            message.withUnsafeBufferPointer { state.absorb(blocks: $0.baseAddress!, count: whole) }
            return outer.finish(state.finish(Array(message[whole...])))
        }

        /// The first four words of the HMAC of `a`, a zero byte and `b`: what a fingerprint
        /// shows. Runs once per finding, so the message and padding go through one block
        /// on the stack, with no array made.
        func leadingWords(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> (UInt32, UInt32, UInt32, UInt32) {
            var state = inner
            var done = outer
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 64) { block in
                let base = UnsafePointer(block.baseAddress!)
                var filled = 0
                @inline(__always) func put(_ byte: UInt8) {
                    block[filled] = byte
                    filled &+= 1
                    if filled == 64 { state.absorb(blocks: base, count: 64); filled = 0 }
                }
                for c in a { put(c) }
                put(0)
                for c in b { put(c) }
                let bitLength = UInt64(state.length + filled) * 8
                put(0x80)
                while filled != 56 { put(0) }
                for i in (0..<8).reversed() { put(UInt8(truncatingIfNeeded: bitLength >> (UInt64(i) * 8))) }
                // The outer hash takes the inner digest: one block after the key's.
                let h = state.h
                for (i, word) in [h.0, h.1, h.2, h.3, h.4, h.5, h.6, h.7].enumerated() {
                    for k in 0..<4 { block[4 * i + k] = UInt8(truncatingIfNeeded: word >> (24 - 8 * UInt32(k))) }
                }
                block[32] = 0x80
                for k in 33..<62 { block[k] = 0 }
                let outerBits = (done.length + 32) * 8
                block[62] = UInt8(truncatingIfNeeded: outerBits >> 8)
                block[63] = UInt8(truncatingIfNeeded: outerBits)
                done.absorb(blocks: base, count: 64)
            }
            return (done.h.0, done.h.1, done.h.2, done.h.3)
        }
    }

    public static func hmac(key: [UInt8], message: [UInt8]) -> [UInt8] {
        HMACKey(key).authenticate(message)
    }

    @inline(__always) static func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { (x >> n) | (x << (32 - n)) }
}
