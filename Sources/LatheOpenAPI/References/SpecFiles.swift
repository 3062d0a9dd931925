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

    /// The mirrors, longest URL first, each with its path made absolute.
    private let mirrors: [(url: String, absolute: String, display: String)]

    init(rootPath: String, allowRefsOutsideRoot: Bool, refMirrors: [RefMirror] = [], reader: YAMLReader) {
        rootAbsolutePath = Paths.absolute(rootPath)
        rootDirectory = Paths.directory(rootAbsolutePath)
        self.allowRefsOutsideRoot = allowRefsOutsideRoot
        self.reader = reader
        mirrors = refMirrors.map { ($0.url, Paths.absolute($0.path), Paths.normalize($0.path)) }
            .sorted { $0.url.count > $1.url.count }
    }

    /// Where a mirror keeps the document at `uri` (a `$ref`'s part before `#`).
    enum Mirrored {
        case file(absolute: String, display: String)
        /// Under the mirror's URL, but `..` leads out of its folder.
        case outside(mirror: String)
    }

    /// The local copy of the document at `uri`, when a mirror holds it; its query is not part of
    /// the file's name. `nil` when no mirror's URL covers it.
    func mirrored(_ uri: String) -> Mirrored? {
        let document = uri.firstIndex(of: "?").map { String(uri[..<$0]) } ?? uri
        for mirror in mirrors where document.hasPrefix(mirror.url) {
            let rest = document.dropFirst(mirror.url.count)
            guard mirror.url.hasSuffix("/") else {
                if rest.isEmpty { return .file(absolute: mirror.absolute, display: mirror.display) }
                continue
            }
            guard let relative = PercentEncoding.decode(String(rest)) else { continue }
            let absolute = Paths.normalize(Paths.join(mirror.absolute, relative))
            guard Paths.isInside(absolute, directory: mirror.absolute) else { return .outside(mirror: mirror.url) }
            return .file(absolute: absolute, display: Paths.normalize(Paths.join(mirror.display, relative)))
        }
        return nil
    }

    /// Whether a ref may read the file: inside the root spec's folder (see `isInsideRoot`), or a
    /// mirror's copy, which its user named.
    func mayRead(_ absolutePath: String) -> Bool {
        if isInsideRoot(absolutePath) { return true }
        return mirrors.contains {
            $0.url.hasSuffix("/") ? Paths.isInside(absolutePath, directory: $0.absolute) : absolutePath == $0.absolute
        }
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
        let root = Paths.realPath(rootDirectory) ?? rootDirectory
        let target = Paths.realPath(absolutePath) ?? absolutePath
        return Paths.isInside(target, directory: root)
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
