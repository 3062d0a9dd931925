import LatheDiagnostics
import LatheYAML

/// The files of one description: the root and every file its refs reach, each read once.
final class SpecFiles {
    let rootAbsolutePath: String
    let rootDirectory: String
    let allowRefsOutsideRoot: Bool
    let reader: YAMLReader
    private(set) var trees: [String: YAMLTree] = [:]
    private var failures: [String: Diagnostic] = [:]
    /// Unchecked at run time, as `DocumentDecoder`'s state is: read and written in place, when a
    /// file is added or the root replaced.
    @exclusivity(unchecked) private var absolutePaths: [ObjectIdentifier: String] = [:]
    /// Files in the order they were first read, for reports.
    private(set) var order: [YAMLTree] = []

    /// A mirror as matched: its URL canonical (`canonicalURL`), its path absolute, and the
    /// folder its copies lie in (a one-document mirror's file's folder), which refs may read.
    private struct Mirror {
        let url: String
        let path: String
        let display: String
        let isFolder: Bool
        let folder: String
    }

    /// The mirrors, longest URL first.
    private let mirrors: [Mirror]

    init(rootPath: String, allowRefsOutsideRoot: Bool, refMirrors: [RefMirror] = [], reader: YAMLReader) {
        rootAbsolutePath = Paths.absolute(rootPath)
        rootDirectory = Paths.directory(rootAbsolutePath)
        self.allowRefsOutsideRoot = allowRefsOutsideRoot
        self.reader = reader
        mirrors = refMirrors.map { mirror in
            let path = Paths.absolute(mirror.path)
            let isFolder = mirror.url.hasSuffix("/")
            return Mirror(
                url: Self.canonicalURL(mirror.url), path: path, display: Paths.normalize(mirror.path),
                isFolder: isFolder, folder: isFolder ? path : Paths.directory(path))
        }
        .sorted { $0.url.count > $1.url.count }
    }

    /// Where a mirror keeps the document at `uri` (a `$ref`'s part before `#`).
    enum Mirrored {
        case file(absolute: String, display: String)
        /// Under the mirror's URL, but it leads out of the mirror's folder (a `%2E%2E`, a link).
        case outside(mirror: String)
        /// Under the mirror's URL, with a `%` not followed by two hex digits.
        case invalidEncoding
    }

    /// The local copy of the document at `uri`, when a mirror holds it: matched on the canonical
    /// URL (`canonicalURL`), its query not part of the file's name. `nil` when no mirror's URL
    /// covers it.
    func mirrored(_ uri: String) -> Mirrored? {
        let url = Self.canonicalURL(uri)
        let document = url.firstIndex(of: "?").map { String(url[..<$0]) } ?? url
        for mirror in mirrors where document.hasPrefix(mirror.url) {
            let rest = document.dropFirst(mirror.url.count)
            guard mirror.isFolder else {
                if rest.isEmpty { return .file(absolute: mirror.path, display: mirror.display) }
                continue
            }
            // An empty segment (`folder//v.yaml`) is no file's name: read as the path without it.
            guard let relative = PercentEncoding.decode(String(rest.drop { $0 == "/" })) else {
                return .invalidEncoding
            }
            let absolute = Paths.normalize(Paths.join(mirror.path, relative))
            guard Self.isInside(absolute, mirror.folder) else { return .outside(mirror: mirror.url) }
            return .file(absolute: absolute, display: Paths.normalize(Paths.join(mirror.display, relative)))
        }
        return nil
    }

    /// An http(s) URL as mirrors match it: scheme and host in lower case, the scheme's default
    /// port dropped, `.` and `..` segments resolved (RFC 3986 §6.2.2, §6.2.3), the fragment dropped.
    static func canonicalURL(_ url: String) -> String {
        let resolved = URIReference.resolve(url, against: "")
        guard let colon = resolved.firstIndex(of: ":"), resolved[colon...].hasPrefix("://") else { return resolved }
        let host = resolved.index(colon, offsetBy: 3)
        let hostEnd = resolved[host...].firstIndex { $0 == "/" || $0 == "?" } ?? resolved.endIndex
        var authority = resolved[..<hostEnd].lowercased()
        for defaultPort in ["http://": ":80", "https://": ":443"] where authority.hasPrefix(defaultPort.key) {
            if authority.hasSuffix(defaultPort.value) { authority.removeLast(defaultPort.value.count) }
        }
        return authority + resolved[hostEnd...]
    }

    /// Whether a ref may read the file: inside the root spec's folder (see `isInsideRoot`), or in
    /// a mirror's folder, which its user named; symbolic links resolved on both sides.
    func mayRead(_ absolutePath: String) -> Bool {
        isInsideRoot(absolutePath) || mirrors.contains { Self.isInside(absolutePath, $0.folder) }
    }

    /// Whether `path` lies inside `folder` once symbolic links are resolved (a path that does not
    /// exist yet, as written).
    private static func isInside(_ path: String, _ folder: String) -> Bool {
        Paths.isInside(Paths.realPath(path) ?? path, directory: Paths.realPath(folder) ?? folder)
    }

    /// Registers a tree that was parsed from memory (the root given as bytes).
    func register(_ tree: YAMLTree, absolutePath: String) {
        trees[absolutePath] = tree
        absolutePaths[ObjectIdentifier(tree)] = absolutePath
        order.append(tree)
    }

    /// Puts `tree` (the root after overlays) in the root file's place.
    func replaceRoot(with tree: YAMLTree) {
        if let old = trees[rootAbsolutePath] {
            absolutePaths[ObjectIdentifier(old)] = nil
            order.removeAll { $0 === old }
        }
        trees[rootAbsolutePath] = tree
        absolutePaths[ObjectIdentifier(tree)] = rootAbsolutePath
        order.insert(tree, at: 0)
    }

    /// Whether a file lies inside the root spec's folder, symbolic links resolved on both sides
    /// (a link inside the folder that points out of it does not count as inside).
    func isInsideRoot(_ absolutePath: String) -> Bool {
        Self.isInside(absolutePath, rootDirectory)
    }

    func absolutePath(of tree: YAMLTree) -> String {
        absolutePaths[ObjectIdentifier(tree)] ?? tree.path
    }

    /// The tree of a file, read on first use. A file that cannot be read or parsed fails once, with
    /// its diagnostic; later refs to it get `.alreadyReported`.
    enum Loaded {
        case tree(YAMLTree)
        case failed(Diagnostic, firstTime: Bool)
    }

    func load(absolutePath: String, displayPath: String) -> Loaded {
        if let tree = trees[absolutePath] { return .tree(tree) }
        if let failure = failures[absolutePath] { return .failed(failure, firstTime: false) }
        do {
            let tree = try reader.read(filePath: absolutePath, displayPath: displayPath)
            register(tree, absolutePath: absolutePath)
            return .tree(tree)
        } catch {
            failures[absolutePath] = error
            return .failed(error, firstTime: true)
        }
    }
}
