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
        utf8.withContiguousStorageIfAvailable { $0.firstByte(from: 0, below: 0) == $0.count }
            ?? utf8.allSatisfy { $0 < 0x80 }
    }

    /// A quick filter before a scalar-by-scalar search, read eight bytes at a time: `false` means no
    /// byte is below `limit` (at most 0x80), equal to `a`, `b` or `c` (0 where unused), or outside
    /// ASCII; `true` that one is, or that the string has no contiguous storage. Generated text is
    /// mostly ASCII without controls, so most lines pass.
    @inlinable
    public func mayContainByte(below limit: UInt8, or a: UInt8 = 0, _ b: UInt8 = 0, _ c: UInt8 = 0) -> Bool {
        utf8.withContiguousStorageIfAvailable { $0.firstByte(from: 0, below: limit, or: a, b, c) < $0.count } ?? true
    }
}

extension UnsafeBufferPointer where Element == UInt8 {
    /// Where the first byte from `start` on is below `limit` (at most 0x80), equal to `a`, `b` or `c`
    /// (0 where unused), or outside ASCII; `count` when none is. Read eight bytes at a time while no
    /// byte of a word is among them: the text being searched is mostly plain.
    @inlinable
    public func firstByte(
        from start: Int, below limit: UInt8, or a: UInt8 = 0, _ b: UInt8 = 0, _ c: UInt8 = 0
    )
        -> Int
    {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        // Some byte of `x` is zero exactly when `(x - ones) & ~x` has a high bit set; below `n`
        // (at most 0x80) when `(x - n·ones) & ~x` has (Hacker's Delight, section 6-1). A borrow can
        // flag a byte after a match as well, never a word without one.
        func below(_ n: UInt8, _ x: UInt64) -> UInt64 { (x &- ones &* UInt64(n)) & ~x }
        var offset = start
        if let base = baseAddress {
            while offset + 8 <= count {
                let word = UInt64(littleEndian: UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self))
                var flags = word | below(limit, word)
                if a != 0 { flags |= below(1, word ^ (ones &* UInt64(a))) }
                if b != 0 { flags |= below(1, word ^ (ones &* UInt64(b))) }
                if c != 0 { flags |= below(1, word ^ (ones &* UInt64(c))) }
                if flags & highs != 0 { break }
                offset += 8
            }
        }
        while offset < count {
            let byte = self[offset]
            if byte < limit || byte >= 0x80 || (a != 0 && byte == a) || (b != 0 && byte == b) || (c != 0 && byte == c) {
                return offset
            }
            offset += 1
        }
        return count
    }
}
