extension Array where Element == UInt8 {
    /// Appends `text`'s UTF-8 as one copy from its contiguous storage; appending the `utf8` view
    /// went byte by byte, and appending to a `String` cost about 400 instructions a call.
    @inlinable
    public mutating func append(utf8 text: String) {
        var text = text
        text.withUTF8 { append(contentsOf: $0) }
    }
}

extension String {
    /// Whether every byte is ASCII. Such text is the same bytes whenever it is `==` (Swift compares
    /// strings by canonical equivalence: `é` in one scalar or two), so equal values may share storage.
    /// Read eight bytes at a time from contiguous storage: names and constraints ask it of every text.
    public var isAllASCII: Bool {
        utf8.withContiguousStorageIfAvailable { buffer in
            let raw = UnsafeRawBufferPointer(buffer)
            var offset = 0
            while offset + 8 <= raw.count {
                if raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 {
                    return false
                }
                offset += 8
            }
            return raw[offset...].allSatisfy { $0 < 0x80 }
        } ?? utf8.allSatisfy { $0 < 0x80 }
    }

    /// A quick filter before a byte-by-byte search, read eight bytes at a time: `false` means no byte is
    /// below `limit` (at most 0x80), equal to `a`, `b` or `c`, or outside ASCII. `true` means one
    /// may be (or the string has no contiguous storage). An unused `a`, `b`, `c` is 0, which is
    /// below any limit anyway. Generated text is mostly ASCII without controls, so most lines pass.
    @inlinable
    public func mayContainByte(below limit: UInt8, or a: UInt8 = 0, _ b: UInt8 = 0, _ c: UInt8 = 0) -> Bool {
        utf8.withContiguousStorageIfAvailable { buffer in
            let ones: UInt64 = 0x0101_0101_0101_0101
            let highs: UInt64 = 0x8080_8080_8080_8080
            // Some byte of `x` is zero exactly when `(x - ones) & ~x` has a high bit set; below `n`
            // (at most 0x80) when `(x - n·ones) & ~x` has (Hacker's Delight, section 6-1).
            func below(_ n: UInt8, _ x: UInt64) -> UInt64 { (x &- ones &* UInt64(n)) & ~x }
            func flags(_ word: UInt64) -> UInt64 {
                var flags = word | below(limit, word)
                if a != 0 { flags |= below(1, word ^ (ones &* UInt64(a))) }
                if b != 0 { flags |= below(1, word ^ (ones &* UInt64(b))) }
                if c != 0 { flags |= below(1, word ^ (ones &* UInt64(c))) }
                return flags & highs
            }
            let raw = UnsafeRawBufferPointer(buffer)
            var offset = 0
            while offset + 8 <= raw.count {
                if flags(raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) != 0 { return true }
                offset += 8
            }
            return raw[offset...].contains { $0 < limit || $0 >= 0x80 || $0 == a || $0 == b || $0 == c }
        } ?? true
    }
}
