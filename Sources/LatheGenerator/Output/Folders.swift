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

    /// A new, empty folder in the temporary folder (`TMPDIR`, else `/tmp`) whose name starts with
    /// `prefix`: `mkdtemp` makes the name unique, and the folder readable by its owner only.
    static func makeTemporary(prefix: String) throws(Failure) -> String {
        var template = Array(Paths.join(temporaryFolder, prefix + "XXXXXX").utf8CString)
        // `mkdtemp` fills in the template's X's; its result points into the template.
        guard mkdtemp(&template) != nil else { throw Failure(temporaryFolder) }
        return template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }

    /// `TMPDIR`, else `/tmp`.
    static var temporaryFolder: String {
        getenv("TMPDIR").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
    }
}
