import LatheYAML
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `FileBytes.read`: a file's bytes exactly, whatever its size, read straight into the array.
struct FileBytesTests {
    @Test(arguments: [0, 1, 4_095, 65_536, 65_537, 300_001])
    func readsEveryByte(size: Int) throws {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0 ..< size).map { _ in UInt8.random(in: 0 ... 255, using: &generator) }
        let path = try temporaryFile(bytes)
        defer { unlink(path) }
        #expect(try FileBytes.read(path) == bytes)
    }

    /// A file over the size asked for is refused as too large, before any is read.
    @Test func refusesAFileOverTheLimit() throws {
        let path = try temporaryFile([UInt8](repeating: 0x61, count: 1_001))
        defer { unlink(path) }
        let error = try #require(throws: FileBytes.ReadError.self) { try FileBytes.read(path, maximumSize: 1_000) }
        #expect(error.tooLarge)
        #expect(try FileBytes.read(path, maximumSize: 1_001).count == 1_001)
    }

    #if os(Linux)
    /// A file with more bytes than `stat` said (as one that grows while it is read): `/proc` files
    /// say 0 and have more. The rest is read in chunks.
    @Test func readsPastTheSizeStatGave() throws {
        let text = String(decoding: try FileBytes.read("/proc/self/status"), as: UTF8.self)
        #expect(text.hasPrefix("Name:"))
        #expect(text.contains("\nPid:"))
    }

    /// Bytes past what `stat` said count against the limit, whether the read straight into the
    /// array finds them (past 0) or the reads in chunks after it (past 100).
    @Test(arguments: [0, 100])
    func aFileThatGrowsPastTheLimitIsTooLarge(limit: Int) throws {
        let error = try #require(throws: FileBytes.ReadError.self) {
            try FileBytes.read("/proc/self/status", maximumSize: limit)
        }
        #expect(error.tooLarge)
        #expect(error.reason.contains("grew past"))
    }
    #endif

    private func temporaryFile(_ bytes: [UInt8]) throws -> String {
        var template = Array("/tmp/lathe-filebytes-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        try #require(fd >= 0)
        defer { close(fd) }
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        try #require(written == bytes.count)
        return template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }
}
