import LatheDiagnostics
import LatheOverlay
import LatheYAML

/// How a description is read.
public struct LoadOptions: Sendable {
    /// Let `$ref`s reach files outside the root spec's folder. Off by default, so a spec cannot read
    /// arbitrary files on the machine that generates code from it.
    public var allowRefsOutsideRoot = false
    /// Reads past a duplicate key, as JSON parsers do, with an error that has that reading: a
    /// published spec with one still generates.
    public var reader: YAMLReader = {
        var reader = YAMLReader()
        reader.readsDuplicateKeys = true
        return reader
    }()
    /// Overlay documents (paths, shown in diagnostics as given) applied in order to the root file
    /// before it is decoded.
    public var overlays: [String] = []
    /// Overlay documents already read (from memory, say), applied after those in `overlays`.
    public var overlayTrees: [YAMLTree] = []
    /// Local copies of remote documents, which `$ref`s to their URLs read instead: Lathe fetches
    /// nothing, so a build is the same offline and in a sandbox.
    public var refMirrors: [RefMirror] = []

    public init(allowRefsOutsideRoot: Bool = false, overlays: [String] = [], refMirrors: [RefMirror] = []) {
        self.allowRefsOutsideRoot = allowRefsOutsideRoot
        self.overlays = overlays
        self.refMirrors = refMirrors
    }
}

/// A local copy of remote documents: a `$ref` to a URL under `url` reads the file at the same
/// place under `path` (`https://example.com/api/` and `vendor/api` make
/// `https://example.com/api/common.yaml#/Error` read `vendor/api/common.yaml`). A `url` that does
/// not end in `/` names one document, and `path` its copy.
public struct RefMirror: Sendable, Hashable {
    public var url: String
    /// As given: relative to the working directory, or to the configuration file that names it.
    public var path: String

    public init(url: String, path: String) {
        self.url = url
        self.path = path
    }

    /// Reads `URL=PATH`, as `--ref-mirror` takes it; `nil` unless the URL is http or https.
    public init?(argument: String) {
        guard let equals = argument.firstIndex(of: "=") else { return nil }
        self.init(url: String(argument[..<equals]), path: String(argument[argument.index(after: equals)...]))
        guard isWellFormed else { return nil }
    }

    /// Whether `url` is an http or https URL with a host and no query or fragment (a mirror
    /// stands for documents, which a ref's query does not name), and `path` is not empty.
    public var isWellFormed: Bool {
        let lowered = url.lowercased()
        let scheme = lowered.hasPrefix("https://") ? "https://" : lowered.hasPrefix("http://") ? "http://" : nil
        guard let scheme else { return false }
        return url.count > scheme.count && !url.dropFirst(scheme.count).hasPrefix("/") && !path.isEmpty
            && !url.contains("?") && !url.contains("#")
    }
}

/// A description as read: the typed document (when the input was an OpenAPI 3.0 to 3.2 document at all)
/// and every diagnostic found on the way, errors and warnings alike.
public struct LoadResult: Sendable {
    public var document: OpenAPIDocument?
    public var diagnostics: Diagnostics
    /// The files read, root first.
    public var files: [YAMLTree]

    public var hasErrors: Bool { document == nil || diagnostics.hasErrors }
}

/// Reads an OpenAPI description (one file, or many through `$ref`s) into a located, typed,
/// validated document: read → decode → resolve → check.
public enum OpenAPILoader {
    /// Reads the description whose root file is at `path`, shown in diagnostics as `displayPath`
    /// (by default, as given); referenced files are shown relative to it.
    public static func load(
        path: String, displayPath: String? = nil, options: LoadOptions = LoadOptions()
    ) -> LoadResult {
        let files = SpecFiles(
            rootPath: path, allowRefsOutsideRoot: options.allowRefsOutsideRoot, refMirrors: options.refMirrors,
            reader: options.reader)
        switch files.load(absolutePath: files.rootAbsolutePath, displayPath: displayPath ?? path) {
        case .tree(let tree):
            return decode(tree, files: files, options: options)
        case .failed(let diagnostic, _):
            return LoadResult(document: nil, diagnostics: Diagnostics([diagnostic]), files: [])
        }
    }

    /// Reads a description given as bytes, named `path`; relative `$ref`s resolve against `path`'s folder.
    public static func load(bytes: [UInt8], path: String, options: LoadOptions = LoadOptions()) -> LoadResult {
        let files = SpecFiles(
            rootPath: path, allowRefsOutsideRoot: options.allowRefsOutsideRoot, refMirrors: options.refMirrors,
            reader: options.reader)
        do {
            let tree = try options.reader.parse(bytes, path: path)
            files.register(tree, absolutePath: files.rootAbsolutePath)
            return decode(tree, files: files, options: options)
        } catch {
            return LoadResult(document: nil, diagnostics: Diagnostics([error]), files: [])
        }
    }

    private static func decode(_ tree: YAMLTree, files: SpecFiles, options: LoadOptions) -> LoadResult {
        var tree = tree
        var overlayDiagnostics = Diagnostics()
        // What the reader read past in each file: the root's, before overlays replace its tree.
        var findings = tree.findings
        if !options.overlays.isEmpty || !options.overlayTrees.isEmpty {
            var overlayTrees: [YAMLTree] = []
            for path in options.overlays {
                do {
                    overlayTrees.append(try files.reader.read(filePath: path))
                } catch {
                    return LoadResult(document: nil, diagnostics: Diagnostics([error]), files: files.order)
                }
            }
            findings += overlayTrees.flatMap(\.findings)
            (tree, overlayDiagnostics) = Overlay.apply(overlayTrees + options.overlayTrees, to: tree)
            files.replaceRoot(with: tree)
        }
        let decoder = DocumentDecoder(files: files)
        decoder.diagnostics.append(contentsOf: overlayDiagnostics.all)
        let document = tree.root.flatMap(decoder.decodeDocument)
        // The files `$ref`s reached, read while decoding.
        for file in files.order.dropFirst() { findings += file.findings }
        decoder.diagnostics.append(contentsOf: findings)
        // A node reached twice (inline, and through a `$ref` into `paths`) is decoded twice; what
        // it says is said once.
        guard let document else {
            return LoadResult(document: nil, diagnostics: decoder.diagnostics.withoutRepeats, files: files.order)
        }
        let rootPath = files.rootAbsolutePath
        let trees = files.trees
        var checks = DocumentChecks(document: document) { path in
            path == rootPath ? nil : trees[path].map { $0.path }
        }
        checks.run()
        var diagnostics = decoder.diagnostics
        diagnostics.append(contentsOf: checks.diagnostics.all)
        return LoadResult(document: checks.document, diagnostics: diagnostics.withoutRepeats, files: files.order)
    }
}
