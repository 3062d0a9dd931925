import LatheDiagnostics
import Testing

/// `mayContainByte` filters text eight bytes at a time; it may say "maybe" too often, never "no"
/// for a string that holds one of the bytes it looks for.
struct ByteScanTests {
    @Test func neverMissesAByteItLooksFor() {
        let alphabet: [UInt8] = [0x00, 0x09, 0x0A, 0x0D, 0x1F, 0x20, 0x22, 0x41, 0x5C, 0x7E, 0x7F, 0xC2, 0xE2]
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func next(_ bound: Int) -> Int {  // a fixed-seed generator, so a failure reproduces
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        for _ in 0 ..< 20_000 {
            // Mostly harmless letters, so a sought byte lands at every position of a word and of the tail.
            let bytes = (0 ..< next(40)).map { _ in next(4) == 0 ? alphabet[next(alphabet.count)] : 0x61 }
            let text = String(decoding: bytes, as: UTF8.self)
            let utf8 = Array(text.utf8)  // invalid sequences decode to U+FFFD, which is not ASCII
            let limit = [UInt8(1), 0x0E, 0x20, 0x80][next(4)]
            let sought: [UInt8] = [0x22, 0x5C, 0x7F]
            let present = utf8.contains { $0 < limit || $0 >= 0x80 || sought.contains($0) }
            let scanned = text.mayContainByte(below: limit, or: sought[0], sought[1], sought[2])
            #expect(scanned == present, "\(utf8)")
            let presentWithoutExtras = utf8.contains { $0 < limit || $0 >= 0x80 }
            #expect(text.mayContainByte(below: limit) == presentWithoutExtras, "\(utf8)")
        }
    }
}
