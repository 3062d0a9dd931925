import LatheOpenAPI

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What `OutputFolder` does with folders, in POSIX calls. Foundation's `FileManager` brought about
/// a megabyte of its library's code into memory the first time a run called it (finding the
/// temporary folder, a UUID for the staging folder's name): a tenth of what generating from a
/// 1 MB spec holds at its peak.
enum Folders {
    /// Why a folder could not be made or emptied, as `strerror` says it.
    struct Failure: Error, CustomStringConvertible {
        var path: String
        var reason: String
        var description: String { "\(path): \(reason)" }

        init(_ path: String, errno code: Int32 = errno) {
            self.init(path, reason: String(cString: strerror(code)))
        }

        init(_ path: String, reason: String) {
            self.path = path
            self.reason = reason
        }
    }

    /// Whether anything is at `path`, a link followed (as `FileManager.fileExists`).
    static func exists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0
    }

    private static func isFolder(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// The names in the folder at `path`, without `.` and `..`; `nil` when it cannot be listed.
    static func names(in path: String) -> [String]? { Paths.names(in: path) }

    /// Makes the folder at `path` and each missing one above it; a folder already there is fine.
    static func create(_ path: String) throws(Failure) {
        guard !isFolder(path) else { return }
        let parent = Paths.directory(path)
        if !parent.isEmpty, parent != path { try create(parent) }
        guard mkdir(path, 0o777) != 0 else { return }
        guard errno == EEXIST else { throw Failure(path) }
        guard isFolder(path) else { throw Failure(path, reason: "it is not a folder") }
    }

    /// Removes the file at `path`.
    static func removeFile(_ path: String) throws(Failure) {
        if unlink(path) != 0 { throw Failure(path) }
    }

    /// Removes the folder at `path` and everything in it; what cannot be removed stays.
    static func removeTree(_ path: String) {
        for name in names(in: path) ?? [] {
            let inner = Paths.join(path, name)
            if unlink(inner) != 0, errno == EISDIR || errno == EPERM, isFolder(inner) { removeTree(inner) }
        }
        rmdir(path)
    }

    /// A new, empty folder in `parent` (by default the temporary folder: `TMPDIR`, else `/tmp`) whose
    /// name starts with `prefix`: `mkdtemp` makes the name unique, and the folder readable by its
    /// owner only.
    static func makeTemporary(in parent: String = temporaryFolder, prefix: String) throws(Failure) -> String {
        var template = Array(Paths.join(parent, prefix + "XXXXXX").utf8CString)
        // `mkdtemp` fills in the template's X's; its result points into the template.
        guard mkdtemp(&template) != nil else { throw Failure(parent) }
        return template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }

    /// The file system `path` is on (`st_dev`), or `nil` when nothing is there.
    static func device(_ path: String) -> UInt64? {
        var info = stat()
        return stat(path, &info) == 0 ? UInt64(info.st_dev) : nil
    }

    /// `path` if it is a folder, else the nearest folder above it; `nil` when there is none.
    static func nearestExisting(_ path: String) -> String? {
        var current = path
        while !isFolder(current) {
            let parent = Paths.directory(current)
            guard parent != current else { return nil }
            current = parent
        }
        return current
    }

    /// Removes what a killed run left in `parent`: folders named `prefix`, a process id, `-` and the
    /// six characters `mkdtemp` adds, that are this user's (not links), whose process is no longer
    /// running, and that nothing has changed for `idleSeconds` (which keeps a run in another
    /// process namespace, whose id means nothing here, from losing its folder). Only the entries
    /// directly inside are removed, through the folder's own descriptor, so no link, in its place or
    /// inside it, leads the removal anywhere else; a folder that still holds something stays.
    static func removeAbandoned(in parent: String, prefix: String, idleSeconds: Int = 600) {
        let parentDescriptor = open(parent, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard parentDescriptor >= 0 else { return }
        defer { close(parentDescriptor) }
        for name in names(in: parent) ?? [] {
            guard let pid = abandonedProcess(name, prefix: prefix) else { continue }
            var info = stat()
            guard fstatat(parentDescriptor, name, &info, AT_SYMLINK_NOFOLLOW) == 0,
                info.st_mode & S_IFMT == S_IFDIR, info.st_uid == geteuid(),
                time(nil) - modificationSeconds(info) >= idleSeconds
            else { continue }
            guard kill(pid, 0) != 0, errno == ESRCH else { continue }
            let descriptor = openat(parentDescriptor, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            guard descriptor >= 0 else { continue }
            var opened = stat()
            guard fstat(descriptor, &opened) == 0, opened.st_dev == info.st_dev, opened.st_ino == info.st_ino,
                let folder = fdopendir(descriptor)
            else {
                close(descriptor)
                continue
            }
            for entryName in Paths.names(listedBy: folder) { unlinkat(descriptor, entryName, 0) }
            closedir(folder)
            unlinkat(parentDescriptor, name, AT_REMOVEDIR)
        }
    }

    /// The process id in `name` when it is `prefix`, decimal digits, `-` and six more characters.
    static func abandonedProcess(_ name: String, prefix: String) -> pid_t? {
        guard name.hasPrefix(prefix) else { return nil }
        let rest = name.utf8.dropFirst(prefix.utf8.count)
        guard let dash = rest.firstIndex(of: UInt8(ascii: "-")), rest[rest.index(after: dash)...].count == 6 else {
            return nil
        }
        let digits = rest[..<dash]
        guard !digits.isEmpty, digits.count <= 10, digits.allSatisfy({ (0x30 ... 0x39).contains($0) }),
            let pid = pid_t(String(decoding: digits, as: UTF8.self)), pid > 0
        else { return nil }
        return pid
    }

    /// When a file last changed, in seconds since 1970.
    private static func modificationSeconds(_ info: stat) -> Int {
        #if canImport(Darwin)
        Int(info.st_mtimespec.tv_sec)
        #else
        Int(info.st_mtim.tv_sec)
        #endif
    }

    /// `TMPDIR`, else `/tmp`.
    static var temporaryFolder: String {
        getenv("TMPDIR").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
    }
}
