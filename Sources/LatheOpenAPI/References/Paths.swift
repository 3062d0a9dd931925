#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Lexical path arithmetic for spec files and their refs, without Foundation.
public enum Paths {
    public static func currentDirectory() -> String {
        guard let pointer = getcwd(nil, 0) else { return "/" }
        defer { free(pointer) }
        return String(cString: pointer)
    }

    public static func absolute(_ path: String) -> String {
        normalize(path.hasPrefix("/") ? path : join(currentDirectory(), path))
    }

    /// The path with symbolic links resolved, or `nil` when it does not exist.
    public static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    public static func join(_ directory: String, _ relative: String) -> String {
        if relative.hasPrefix("/") { return relative }
        if directory.isEmpty || directory == "." { return relative }
        return directory.hasSuffix("/") ? directory + relative : directory + "/" + relative
    }

    /// Removes `.` and resolves `..` lexically; relative paths keep the `..`s that climb above their start.
    public static func normalize(_ path: String) -> String {
        let isAbsolute = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                if let last = parts.last, last != ".." {
                    parts.removeLast()
                } else if !isAbsolute {
                    parts.append(part)
                }
            default: parts.append(part)
            }
        }
        let joined = parts.joined(separator: "/")
        if isAbsolute { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }

    /// The absolute path with symbolic links resolved as far as it exists (a folder not created
    /// yet keeps its remaining components).
    public static func resolved(_ path: String) -> String {
        var existing = absolute(path)
        var rest: [String] = []
        while existing != "/" {
            if let real = realPath(existing) { return rest.reversed().reduce(real) { join($0, $1) } }
            rest.append(String(existing[existing.index(after: existing.lastIndex(of: "/")!)...]))
            existing = directory(existing)
        }
        return rest.reversed().reduce("/") { join($0, $1) }
    }

    /// `path` as a relative path from `directory` (`../specs/api.yaml`), computed lexically on
    /// their absolute forms; `.` when they are the same.
    public static func relative(_ path: String, from directory: String) -> String {
        let target = absolute(path).split(separator: "/")
        let base = absolute(directory).split(separator: "/")
        var shared = 0
        while shared < min(target.count, base.count), target[shared] == base[shared] { shared += 1 }
        let parts = Array(repeating: "..", count: base.count - shared) + target[shared...].map(String.init)
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }

    public static func directory(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        if slash == path.startIndex { return "/" }
        return String(path[..<slash])
    }

    /// Whether anything is at `path`, a link itself counting (`lstat`).
    static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    /// The names in the folder at `path`, without `.` and `..`; `nil` when it cannot be listed
    /// (missing, not a folder, not readable).
    public static func names(in path: String) -> [String]? {
        guard let folder = opendir(path) else { return nil }
        defer { closedir(folder) }
        return names(listedBy: folder)
    }

    #if canImport(Darwin)
    public typealias FolderStream = UnsafeMutablePointer<DIR>
    #else
    public typealias FolderStream = OpaquePointer
    #endif

    /// The names an open folder (`opendir`, `fdopendir`) lists, without `.` and `..`.
    public static func names(listedBy folder: FolderStream) -> [String] {
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

    /// The one name in `path`'s folder that spells its last component in other cases
    /// (`user.yaml` for `User.yaml`), as a case-insensitive file system (macOS's, Windows') finds
    /// it; `nil` when there is none, or more than one.
    static func nameDifferingOnlyInCase(_ path: String) -> String? {
        let name = path.lastIndex(of: "/").map { String(path[path.index(after: $0)...]) } ?? path
        let lowered = name.lowercased()
        let matches = (names(in: directory(path)) ?? []).filter { $0 != name && $0.lowercased() == lowered }
        return matches.count == 1 ? matches[0] : nil
    }

    /// Whether normalised absolute `path` lies inside normalised absolute `directory`.
    static func isInside(_ path: String, directory: String) -> Bool {
        directory == "/" || path == directory || path.hasPrefix(directory + "/")
    }
}

/// Percent-decoding for the URI and fragment parts of a `$ref`.
enum PercentEncoding {
    static func decode(_ text: String) -> String? {
        guard text.utf8.contains(UInt8(ascii: "%")) else { return text }
        var bytes: [UInt8] = []
        var utf8 = Array(text.utf8)[...]
        while let byte = utf8.popFirst() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard utf8.count >= 2, let high = hexValue(utf8.removeFirst()), let low = hexValue(utf8.removeFirst())
            else {
                return nil
            }
            bytes.append(high << 4 | low)
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0") ... UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a") ... UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A") ... UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
