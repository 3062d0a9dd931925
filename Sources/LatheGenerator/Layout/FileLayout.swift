import Dispatch
import LatheIR

/// Lays out what the emitters return as files. Split (the default): types grouped by the first
/// letter of their name (stable as a spec grows), a group of more than `typesPerFile` types split
/// into numbered parts, and each operations kind's chunks in files of their own, so the compiler
/// builds them in parallel. Fixed (`fixedFileNames`): one file per kind. Single (`singleFile`):
/// everything in one file. Every file starts with the same header.
enum FileLayout {
    static let typesPerFile = 40

    /// What a file holds; fixed file names merge each kind into one file.
    enum Kind: String, CaseIterable {
        case types = "Types"
        case operations = "Operations"
        case client = "Client"
        case server = "Server"

        /// Whether the file imports the HTTP modules (a types-only target need not depend on them).
        var usesHTTP: Bool { self != .types }
    }

    /// One file's body, without its header, as UTF-8.
    struct Part {
        var kind: Kind
        var name: String
        var body: [UInt8]
    }

    /// Hands each file to `store` as it is made, on the thread that made it, and keeps none: a large
    /// spec's output is never all in memory. Returns the files' names in order; the first error
    /// `store` throws is rethrown when every job has finished.
    static func store(
        for module: IRModule, options: GeneratorOptions, into store: @escaping @Sendable (GeneratedFile) throws -> Void
    ) throws -> [String] {
        guard isSplit(options) else {
            // One file per kind, or one in all, is made from all the parts together.
            let files = files(for: module, options: options)
            for file in files { try store(file) }
            return files.map(\.name)
        }
        return try parts(for: module, options: options, store: store).map(\.name)
    }

    /// The default layout, where each part is a file of its own.
    private static func isSplit(_ options: GeneratorOptions) -> Bool { !options.singleFile && !options.fixedFileNames }

    static func files(for module: IRModule, options: GeneratorOptions) -> [GeneratedFile] {
        // Without a store nothing throws.
        let parts = try! parts(for: module, options: options, store: nil)
        if isSplit(options) {
            // Each part is already its whole file, made on the thread that emitted it.
            return parts.map { GeneratedFile(name: $0.name, utf8: $0.body) }
        }
        if options.singleFile {
            let usesHTTP = parts.contains { $0.kind.usesHTTP }
            return [
                GeneratedFile(
                    name: (options.namespace ?? "API") + ".swift",
                    utf8: Array(header(module, http: usesHTTP).utf8) + parts.map(\.body).joined(separator: [0x0A]))
            ]
        }
        // Exactly `Types.swift`, `Operations.swift`, `Client.swift` and `Server.swift` (prefixed
        // with the namespace), header-only when the modes leave one empty: a build plugin must
        // name its outputs before Lathe has read the spec.
        let prefix = options.namespace.map { $0 + "_" } ?? ""
        return Kind.allCases.map { kind in
            let bodies = parts.filter { $0.kind == kind }.map(\.body)
            guard !bodies.isEmpty else {
                // No imports: a types-only target need not depend on the HTTP modules.
                return GeneratedFile(
                    name: prefix + kind.rawValue + ".swift",
                    contents: OutputFolder.header(specName: module.specName)
                        + "\n// Empty: the modes chosen generate nothing here.\n")
            }
            return GeneratedFile(
                name: prefix + kind.rawValue + ".swift",
                utf8: Array(header(module, http: kind.usesHTTP).utf8) + bodies.joined(separator: [0x0A]))
        }
    }

    /// Every file's body, in a stable order. Emitting is pure over the IR, so each file (and each
    /// operations kind) is a job of its own, and the jobs run on all cores. In the split layout each
    /// part is its whole file, header first, allocated at its exact size by the job that emitted
    /// it. Made afterwards on the main thread, every file was a second copy of the output, in
    /// another malloc arena than the one its part was freed to (Discord: 6 MB more at the peak).
    /// With a `store` (split layout only), each file goes to it from its job, and its part is kept
    /// without its body.
    private static func parts(
        for module: IRModule, options: GeneratorOptions, store: (@Sendable (GeneratedFile) throws -> Void)?
    ) throws -> [Part] {
        // A namespace prefixes file names too: Swift needs them unique within a module.
        let prefix = options.namespace.map { $0 + "_" } ?? ""
        var jobs: [@Sendable () -> [Part]] = []
        if let namespace = options.namespace {
            let part = Part(
                kind: .types, name: "\(namespace).swift",
                body: Array(
                    """
                    /// The types generated from `\(SwiftLiteral.commentText(module.specFileName))`.
                    nonisolated public enum \(namespace) {}

                    """.utf8))
            jobs.append { [part] }
        }
        if !module.operations.isEmpty || !module.webhooks.isEmpty {
            let context = EmitterContext(module: module, namespace: options.namespace, hashable: options.hashable)
            var kinds: [(Kind, any OperationsKindEmitter)] = []
            if !options.modes.isDisjoint(with: [.client, .server]) {
                kinds.append((.operations, OperationsEmitter(context: context)))
            }
            if options.modes.contains(.client) { kinds.append((.client, ClientEmitter(context: context))) }
            if options.modes.contains(.server) { kinds.append((.server, ServerEmitter(context: context))) }
            // Each kind: its core (inside the namespace) and the first chunk of operations in the
            // kind's file; the other chunks in numbered files. Each file is a job, so no job holds
            // a whole kind (Discord's client is seven files).
            let chunks = OperationChunks.chunks(of: module.operations)
            // The requests the API sends (webhooks, callbacks): their inputs and outputs beside the
            // operations'; the code receiving them with the API's client, which receives them; the
            // code sending them with its server. In files of their own, chunked as operations are.
            let webhookChunks = OperationChunks.chunks(of: module.webhooks)
            for (kind, emitter) in kinds {
                jobs.append {
                    var (declarations, extensions) = emitter.renderCore()
                    if !module.webhooks.isEmpty, kind != .operations {
                        declarations.line()
                        if kind == .client {
                            let (receiver, registration) = ServerEmitter(context: context).renderWebhookReceiver()
                            declarations.raw(receiver)
                            if !extensions.isEmpty { extensions.line() }
                            extensions.raw(registration)
                        } else {
                            declarations.raw(ClientEmitter(context: context).renderWebhookSender())
                        }
                    }
                    var core = inNamespace(options.namespace) { $0.raw(declarations) }
                    if !extensions.isEmpty { core += [0x0A] + extensions.bytes }
                    if let first = chunks.first { core += [0x0A] + emitter.renderChunk(first).bytes }
                    return [Part(kind: kind, name: prefix + kind.rawValue + ".swift", body: core)]
                }
                for (index, operations) in chunks.enumerated().dropFirst() {
                    jobs.append {
                        [
                            Part(
                                kind: kind, name: prefix + kind.rawValue + "_\(index + 1).swift",
                                body: emitter.renderChunk(operations).bytes)
                        ]
                    }
                }
                for (index, chunk) in webhookChunks.enumerated() {
                    jobs.append {
                        let name = prefix + kind.rawValue + "_Webhooks" + (index == 0 ? "" : "_\(index + 1)") + ".swift"
                        let body =
                            switch kind {
                            case .client: ServerEmitter(context: context).renderWebhookHandling(chunk)
                            case .server: ClientEmitter(context: context).renderWebhookSending(chunk)
                            default: emitter.renderChunk(chunk)
                            }
                        return [Part(kind: kind, name: name, body: body.bytes)]
                    }
                }
            }
        }
        if options.modes.contains(.types) {
            var groups: [String: [IRTypeID]] = [:]
            for id in module.topLevel {
                let first =
                    module[id].name.swift.first.map { $0.isASCII && $0.isLetter ? String($0).uppercased() : "_" } ?? "_"
                groups[first, default: []].append(id)
            }
            let emitter = TypeEmitter(module: module, hashable: options.hashable)
            for letter in groups.keys.sorted() {
                let ids = groups[letter]!.sorted { module[$0].name.swift < module[$1].name.swift }
                let groupParts = stride(from: 0, to: ids.count, by: typesPerFile).map {
                    Array(ids[$0 ..< min($0 + typesPerFile, ids.count)])
                }
                for (index, part) in groupParts.enumerated() {
                    let name =
                        prefix + (groupParts.count == 1 ? "Types_\(letter).swift" : "Types_\(letter)\(index + 1).swift")
                    jobs.append {
                        var body = inNamespace(options.namespace) { w in
                            for (index, id) in part.enumerated() {
                                if index > 0 { w.line() }
                                emitter.emit(id, into: &w)
                            }
                        }
                        // Deeply nested types, in extensions at file scope (`CompilerLimits`).
                        var apart = SwiftWriter()
                        for id in part {
                            emitter.emitDeclaredApart(
                                below: id, qualifier: options.namespace.map { $0 + "." } ?? "", into: &apart)
                        }
                        body += apart.bytes
                        return [Part(kind: .types, name: name, body: body)]
                    }
                }
            }
        }
        guard isSplit(options) else { return inParallel(jobs).flatMap { $0 } }
        let finished = inParallel(
            jobs.map { job in
                { @Sendable () -> Result<[Part], any Error> in
                    Result {
                        try job().map { part in
                            var part = part
                            part.body = exactly(header(module, http: part.kind.usesHTTP), part.body)
                            if let store {
                                try store(GeneratedFile(name: part.name, utf8: part.body))
                                part.body = []
                            }
                            return part
                        }
                    }
                }
            })
        return try finished.flatMap { try $0.get() }
    }

    /// The jobs' results in the jobs' order, computed on all cores.
    private static func inParallel<Result: Sendable>(_ jobs: [@Sendable () -> Result]) -> [Result] {
        var results = [Result?](repeating: nil, count: jobs.count)
        results.withUnsafeMutableBufferPointer { buffer in
            let slots = ResultSlots(buffer: buffer)
            DispatchQueue.concurrentPerform(iterations: jobs.count) { slots.buffer[$0] = jobs[$0]() }
        }
        return results.map { $0! }
    }

    /// `first` and `second` in one array allocated at their joint size, without a builder's spare capacity.
    private static func exactly(_ first: String, _ second: [UInt8]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(first.utf8.count + second.count)
        bytes.append(utf8: first)
        bytes += second
        return bytes
    }

    static func header(_ module: IRModule, http: Bool = false) -> String {
        """
        \(OutputFolder.header(specName: module.specName))
        // swift-format-ignore-file
        // swiftlint:disable all

        import Foundation
        \(http ? "import HTTPTypes\n" : "")\(Runtime.importLine)
        \(http && module.hasRequestSigning ? "import \(Runtime.signingModule)\n" : "")\(http ? "import OpenAPIRuntime\n" : "")

        """
    }

    /// What `body` writes, inside `extension Namespace` when there is one.
    private static func inNamespace(_ namespace: String?, _ body: (inout SwiftWriter) -> Void) -> [UInt8] {
        var writer = SwiftWriter()
        if let namespace {
            writer.block("extension \(namespace)", body)
        } else {
            body(&writer)
        }
        return writer.bytes
    }
}

/// Where parallel jobs put their results: each job writes only its own slot, so no lock is needed.
private struct ResultSlots<Result>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Result?>
}
