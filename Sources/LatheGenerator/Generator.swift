import LatheDiagnostics
import LatheIR
import LatheOpenAPI

#if canImport(Glibc)
import Glibc
#endif

/// What `lathe generate` produces, as one call: spec in, files and diagnostics out, nothing written.
public struct GeneratorOptions: Sendable, Hashable {
    public enum Mode: String, Sendable, Hashable, CaseIterable {
        case types, client, server
    }

    public var modes: Set<Mode> = Set(Mode.allCases)
    /// Declare everything inside `public enum <namespace>` (several specs can then share a module).
    public var namespace: String?
    /// Let `$ref`s reach files outside the root spec's folder.
    public var allowRefsOutsideRoot = false
    /// Overlay documents applied, in order, to the spec before it is read.
    public var overlays: [String] = []
    /// Local copies of remote documents the spec's `$ref`s name.
    public var refMirrors: [RefMirror] = []
    /// Write exactly `Types.swift`, `Operations.swift`, `Client.swift` and `Server.swift` instead of
    /// splitting types by letter: for build plugins, which must name their outputs in advance.
    public var fixedFileNames = false
    /// Write everything into one file, `<namespace>.swift` (`API.swift` without a namespace): for a
    /// small spec, a playground, or a golden file that shows a construct whole.
    public var singleFile = false
    /// Whether generated values are `Hashable` (and so `Equatable`). Leaving both out makes a
    /// large spec compile in 25 to 30% less time (BENCHMARKS.md), for users who never compare values.
    public var hashable = true
    /// Generate only these operations, and the types they reach: operationIds, `tag:NAME`, path
    /// templates (`/pets/{id}`) or `METHOD /path`. Empty generates every operation.
    public var operations: [String] = []
    /// Refuse a spec with errors, as `lathe validate` reports them. By default each error that has
    /// one reasonable reading is reported as a warning saying what Lathe assumed, and generated.
    public var strict = false
    /// Kinds of warnings (`unknown-field`, …) left out of the diagnostics.
    public var silencedWarnings: Set<String> = []
    /// The largest spec file read, in bytes (see `YAMLReader.maximumFileSize`).
    public var maximumFileSize = YAMLReader().maximumFileSize

    public init(
        modes: Set<Mode> = Set(Mode.allCases), namespace: String? = nil, allowRefsOutsideRoot: Bool = false,
        overlays: [String] = []
    ) {
        self.modes = modes
        self.namespace = namespace
        self.allowRefsOutsideRoot = allowRefsOutsideRoot
        self.overlays = overlays
    }

    var loadOptions: LoadOptions {
        var options = LoadOptions(
            allowRefsOutsideRoot: allowRefsOutsideRoot, overlays: overlays, refMirrors: refMirrors)
        options.reader.maximumFileSize = maximumFileSize
        return options
    }
}

public struct GeneratedFile: Sendable, Hashable {
    /// A file name (no folders), like `Types_A.swift`.
    public var name: String
    /// The file's bytes, UTF-8: what is written. Emitting makes bytes; a `String` of a large file
    /// cost a validating pass over its text, 2% of generating Square.
    public var utf8: [UInt8]

    /// The file's text.
    public var contents: String {
        get { String(decoding: utf8, as: UTF8.self) }
        set { utf8 = Array(newValue.utf8) }
    }

    public init(name: String, contents: String) {
        self.name = name
        utf8 = Array(contents.utf8)
    }

    public init(name: String, utf8: [UInt8]) {
        self.name = name
        self.utf8 = utf8
    }
}

public struct GenerationResult: Sendable {
    /// Empty only when the spec could not be read as an OpenAPI document at all.
    public var files: [GeneratedFile]
    /// The generated files' names, in order: also when they went to a store instead of `files`.
    public var fileNames: [String]
    /// The diagnostics as `lathe generate` prints them: unless `strict`, each defect Lathe could
    /// read is a warning saying what it assumed, so `hasErrors` means the spec could not be
    /// generated (it is not OpenAPI at all, or, with `strict`, it has errors); silenced kinds are left out.
    public var diagnostics: Diagnostics
    public var module: IRModule?

    /// The spec as generated headers name it: the owner recorded in each file's marker.
    public var specName: String { module?.specName ?? "" }

    /// Read as an OpenAPI document, but with nothing in it to generate (`components: {}`).
    public var isEmpty: Bool {
        module.map { $0.topLevel.isEmpty && $0.operations.isEmpty && $0.webhooks.isEmpty } ?? false
    }
}

public enum Generator {
    /// Reads the spec at `path` and generates Swift for it. Generated headers and diagnostics name
    /// the spec as `displayPath` (by default, `path` as given).
    /// `specName` is how headers and doc comments name the spec (by default, like diagnostics):
    /// a configuration passes its path relative to the configuration file, so the output does not
    /// depend on the folder Lathe runs in.
    public static func generate(
        path: String, displayPath: String? = nil, specName: String? = nil,
        options: GeneratorOptions = GeneratorOptions()
    ) -> GenerationResult {
        let loaded = OpenAPILoader.load(path: path, displayPath: displayPath, options: options.loadOptions)
        return generate(consume loaded, specName: specName ?? displayPath ?? path, options: options)
    }

    /// Generates Swift for a spec given as bytes, named `path` (relative `$ref`s resolve from its folder).
    public static func generate(
        bytes: [UInt8], path: String, options: GeneratorOptions = GeneratorOptions()
    ) -> GenerationResult {
        generate(
            OpenAPILoader.load(bytes: bytes, path: path, options: options.loadOptions), specName: path, options: options
        )
    }

    /// Like `generate(path:displayPath:specName:options:)`, but hands each file to `store` as soon as
    /// it is made (on the thread that made it, so `store` must be safe to call concurrently) and
    /// keeps none: the result's `files` is empty and `fileNames` lists them. Nothing is stored when
    /// the spec cannot be generated. Rethrows the first error `store` throws.
    public static func generate(
        path: String, displayPath: String? = nil, specName: String? = nil,
        options: GeneratorOptions = GeneratorOptions(), store: @escaping @Sendable (GeneratedFile) throws -> Void
    ) throws -> GenerationResult {
        let loaded = OpenAPILoader.load(path: path, displayPath: displayPath, options: options.loadOptions)
        return try generate(consume loaded, specName: specName ?? displayPath ?? path, options: options, store: store)
    }

    private static func generate(
        _ loaded: consuming LoadResult, specName: String, options: GeneratorOptions
    )
        -> GenerationResult
    {
        // Without a store nothing throws.
        try! generate(consume loaded, specName: specName, options: options, store: nil)
    }

    private static func generate(
        _ loaded: consuming LoadResult, specName: String, options: GeneratorOptions,
        store: (@Sendable (GeneratedFile) throws -> Void)?
    ) throws -> GenerationResult {
        let (module, diagnostics) = lower(consume loaded, specName: specName, options: options)
        guard let module else {
            return GenerationResult(files: [], fileNames: [], diagnostics: diagnostics, module: nil)
        }
        returnFreedMemory()
        guard let store else {
            let files = FileLayout.files(for: module, options: options)
            return GenerationResult(
                files: files, fileNames: files.map(\.name), diagnostics: diagnostics, module: module)
        }
        // A spec that cannot be generated stores nothing (the caller refuses it anyway).
        guard !diagnostics.hasErrors else {
            return GenerationResult(files: [], fileNames: [], diagnostics: diagnostics, module: module)
        }
        let names = try FileLayout.store(for: module, options: options, into: store)
        return GenerationResult(files: [], fileNames: names, diagnostics: diagnostics, module: module)
    }

    /// The IR and every diagnostic. The read files and the document are released when this returns,
    /// before any code is written: for a large spec they are a third of what generating holds.
    private static func lower(
        _ loaded: consuming LoadResult, specName: String, options: GeneratorOptions
    )
        -> (IRModule?, Diagnostics)
    {
        guard let document = loaded.document else { return (nil, loaded.diagnostics) }
        let selection = OperationSelection(options.operations)
        let (module, lowering) = Lowering.lower(document, specName: specName, selection: selection)
        var diagnostics = loaded.diagnostics
        diagnostics.append(contentsOf: lowering.all)
        if options.modes.contains(.server), let warning = undocumentedBadRequests(module.operations) {
            diagnostics.append(warning)
        }
        // A webhook's receiver is generated with the client.
        if options.modes.contains(.client), let warning = undocumentedBadRequests(module.webhooks) {
            diagnostics.append(warning)
        }
        let generation = diagnostics.forGeneration(strict: options.strict, silenced: options.silencedWarnings)
        guard !selection.selectsAll else { return (module, generation) }
        let regions = ReachedRegions(document: document, operations: selection.operations(in: document))
        return (module, leavingOutUnusedParts(generation, regions: regions))
    }

    /// With operations selected, the warnings about parts of the document they do not use (another
    /// operation, an unused component) are left out, and a note says how many: they say nothing
    /// about the code generated, and Square's three operations would otherwise print the warnings
    /// of all 316.
    static func leavingOutUnusedParts(_ diagnostics: Diagnostics, regions: ReachedRegions) -> Diagnostics {
        var left = 0
        let kept = diagnostics.mapFindings { diagnostic in
            guard regions.isAboutUnusedPart(diagnostic) else { return diagnostic }
            left += 1
            return nil
        }
        guard left > 0 else { return diagnostics }
        let note = Diagnostic.note(
            "\(left) warning\(left == 1 ? "" : "s") about parts of the description the selected operations do not use "
                + "\(left == 1 ? "is" : "are") not shown; generate without selecting operations to see "
                + (left == 1 ? "it" : "them"),
            at: nil)
        return Diagnostics([note] + kept.all)
    }

    /// Hands the pages that reading and lowering freed back to the system before emitting. The
    /// emitting threads allocate from malloc arenas of their own, so without this the freed pages
    /// stay resident beside theirs and the process peaks above what it holds at any one time.
    /// glibc's `malloc_trim`, looked up because Swift's Glibc module does not declare it; elsewhere
    /// nothing is done.
    private static func returnFreedMemory() {
        #if canImport(Glibc)
        typealias Trim = @convention(c) (Int) -> Int32
        // `RTLD_DEFAULT`, a null handle: search the symbols already loaded.
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return }
        _ = unsafeBitCast(symbol, to: Trim.self)(0)
        #endif
    }

    /// A generated server (or webhook receiver) refuses an invalid request with 400 before the
    /// handler runs; where an operation that takes input documents no 400 (nor a 4XX or `default`),
    /// that answer is outside the spec. One warning for the operations (another for the webhooks),
    /// at the first such one, naming a few.
    static func undocumentedBadRequests(_ operations: [IROperation]) -> Diagnostic? {
        let undocumented = operations.filter { operation in
            (!operation.parameters.isEmpty || operation.requestBody != nil)
                && !operation.responses.contains { [.code(400), .range(4), .default].contains($0.key) }
        }
        guard let first = undocumented.first else { return nil }
        let named =
            undocumented.prefix(3).map { "'\($0.operationID)'" }.joined(separator: ", ")
            + (undocumented.count > 3 ? ", …" : "")
        let (one, several, answerer) =
            undocumented[0].received == nil
            ? ("an operation", "operations", "server") : ("a webhook", "webhooks", "receiver")
        let count =
            undocumented.count == 1
            ? "\(one) takes input but documents" : "\(undocumented.count) \(several) take input but document"
        return Diagnostic(
            .warning,
            "\(count) no 400 response (\(named)); the generated \(answerer) still answers an invalid request with "
                + "400, which the spec does not list",
            at: first.source.location, pointer: first.source.pointer, kind: "bad-request-undocumented"
        )
    }
}
