#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads whole files with POSIX calls, so the reader needs no Foundation.
public enum FileBytes {
    public struct ReadError: Error, Sendable {
        /// What went wrong, as `strerror` says it ("No such file or directory").
        public var reason: String
        /// Set when the file is over the size asked for, which is not a failure to read it.
        public var tooLarge = false
    }

    /// Files larger than this are refused (the reader's offsets are 32-bit, and no spec comes close).
    public static let maximumSize = 256 << 20

    public static func read(_ path: String) throws(ReadError) -> [UInt8] {
        try read(path, maximumSize: maximumSize)
    }

    /// The file's bytes; a file over `maximumSize` bytes is refused before any is read.
    public static func read(_ path: String, maximumSize: Int) throws(ReadError) -> [UInt8] {
        let maximumSize = min(maximumSize, Self.maximumSize)
        // O_NONBLOCK: opening a FIFO for reading otherwise blocks until a writer comes, before the
        // check below could refuse it. It changes nothing for the regular files that are read.
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { throw ReadError(reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw ReadError(reason: String(cString: strerror(errno))) }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw ReadError(reason: "it is a directory") }
        // Only regular files: a FIFO or a device (/dev/zero) would block or never end.
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw ReadError(reason: "it is not a regular file") }
        guard Int(info.st_size) <= maximumSize else {
            throw ReadError(
                reason:
                    "it holds \(megabytes(Int(info.st_size))) MB, more than the \(megabytes(maximumSize)) MB "
                    + "Lathe reads from one file",
                tooLarge: true)
        }
        // Read straight into the array, sized to the file and a byte more, which only a file that
        // grew since `fstat` fills. (Read in chunks appended to it, Square's 3.1 MB cost 11 M
        // instructions of copying.)
        var failure: Int32?
        var bytes = [UInt8](unsafeUninitializedCapacity: Int(info.st_size) + 1) { buffer, count in
            while count < buffer.count {
                let got = readRetrying(fd, buffer.baseAddress! + count, buffer.count - count)
                if got < 0 {
                    failure = errno
                    return
                }
                if got == 0 { return }
                count += got
            }
        }
        if let failure { throw ReadError(reason: String(cString: strerror(failure))) }
        guard bytes.count > Int(info.st_size) else { return bytes }
        if bytes.count > maximumSize {
            throw ReadError(reason: "it grew past \(megabytes(maximumSize)) MB while being read", tooLarge: true)
        }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { readRetrying(fd, $0.baseAddress, $0.count) }
            if count < 0 { throw ReadError(reason: String(cString: strerror(errno))) }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0 ..< count])
            if bytes.count > maximumSize {
                throw ReadError(reason: "it grew past \(megabytes(maximumSize)) MB while being read", tooLarge: true)
            }
        }
        return bytes
    }
}

/// `read`, again when a signal interrupted it: the bytes read (0 at the end), or -1 with `errno`
/// set. (At file scope, where `read` is the system call and not `FileBytes.read`.)
private func readRetrying(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    while true {
        let got = read(fd, buffer, count)
        if got >= 0 || errno != EINTR { return got }
    }
}

/// `n` bytes in decimal megabytes with one decimal (`104857600` → `104.9`).
private func megabytes(_ n: Int) -> String {
    let tenths = (n + 50_000) / 100_000
    return "\(tenths / 10).\(tenths % 10)"
}
