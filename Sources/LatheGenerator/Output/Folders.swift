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

    /// The names in the folder at `path`, without `.` and `..`; `nil` when it cannot be listed
    /// (missing, not a folder, not readable).
    static func names(in path: String) -> [String]? {
        guard let folder = opendir(path) else { return nil }
        defer { closedir(folder) }
        var names: [String] = []
        while let entry = readdir(folder) {
            // Read in place up to its NUL: a record is only as long as its name, not `d_name`'s size.
            let name = withUnsafePointer(to: &entry.pointee.d_name) {
                String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
            }
            if name != ".", name != ".." { names.append(name) }
        }
        return names
    }

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

    /// Removes the folders in `parent` named `prefix`, a process id, `-` and more, whose process is no
    /// longer running and which nothing has changed for `idleSeconds`: what a run that was killed
    /// left there. (The wait keeps a run in another process namespace, whose id means nothing
    /// here, from losing its folder.) Other folders, and names that do not parse, stay.
    static func removeAbandoned(in parent: String, prefix: String, idleSeconds: Int = 600) {
        for name in names(in: parent) ?? [] where name.hasPrefix(prefix) {
            let rest = name.dropFirst(prefix.count)
            guard let dash = rest.firstIndex(of: "-"), let pid = pid_t(rest[..<dash]), pid > 0 else { continue }
            let path = Paths.join(parent, name)
            guard kill(pid, 0) != 0, errno == ESRCH, let changed = modificationTime(path),
                time(nil) - changed >= idleSeconds
            else { continue }
            removeTree(path)
        }
    }

    /// When what is at `path` last changed, in seconds since 1970.
    static func modificationTime(_ path: String) -> Int? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        #if canImport(Darwin)
        return Int(info.st_mtimespec.tv_sec)
        #else
        return Int(info.st_mtim.tv_sec)
        #endif
    }

    /// `TMPDIR`, else `/tmp`.
    static var temporaryFolder: String {
        getenv("TMPDIR").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
    }
}
