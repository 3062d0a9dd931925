import LatheIR

/// Splits the generated types into several files, so the compiler can build them in parallel:
/// grouped by the first letter of the type's name (stable as a spec grows), and a group of more
/// than `typesPerFile` types split into numbered parts. Every file starts with the same header.
enum FileLayout {
    static let typesPerFile = 40

    static func files(for module: IRModule, options: GeneratorOptions) -> [GeneratedFile] {
        let files = splitFiles(for: module, options: options)
        return options.fixedFileNames ? fixed(files, module: module, options: options) : files
    }

    /// Exactly `Types.swift`, `Operations.swift`, `Client.swift` and `Server.swift` (prefixed with
    /// the namespace), each the concatenation of its kind's files, and header-only when the modes
    /// leave it empty: a build plugin must name its outputs before Lathe has read the spec.
    static func fixed(_ files: [GeneratedFile], module: IRModule, options: GeneratorOptions) -> [GeneratedFile] {
        let prefix = options.namespace.map { $0 + "_" } ?? ""
        let headers = [header(module, http: true), header(module)]
        return ["Types", "Operations", "Client", "Server"].map { kind in
            let members = files.filter { file in
                kind == "Types" && options.namespace.map { file.name == "\($0).swift" } == true
                    || file.name == prefix + kind + ".swift" || file.name.hasPrefix(prefix + kind + "_")
            }
            guard !members.isEmpty else {
                // No imports: a types-only target need not depend on the HTTP modules.
                return GeneratedFile(
                    name: prefix + kind + ".swift",
                    contents: OutputFolder.header(specName: module.specName)
                        + "\n// Empty: the modes chosen generate nothing here.\n")
            }
            let http = kind != "Types"
            var contents = header(module, http: http)
            for file in members {
                let body =
                    headers.first { file.contents.hasPrefix($0) }.map { String(file.contents.dropFirst($0.count)) }
                    ?? file.contents
                if contents.count > header(module, http: http).count { contents += "\n" }
                contents += body
            }
            return GeneratedFile(name: prefix + kind + ".swift", contents: contents)
        }
    }

    private static func splitFiles(for module: IRModule, options: GeneratorOptions) -> [GeneratedFile] {
        var groups: [String: [IRTypeID]] = [:]
        for id in module.topLevel {
            let first =
                module[id].name.swift.first.map { $0.isASCII && $0.isLetter ? String($0).uppercased() : "_" } ?? "_"
            groups[first, default: []].append(id)
        }
        var files: [GeneratedFile] = []
        if let namespace = options.namespace {
            files.append(
                GeneratedFile(
                    name: "\(namespace).swift",
                    contents: header(module) + """
                        /// The types generated from `\(SwiftLiteral.commentText(module.specName))`.
                        nonisolated public enum \(namespace) {}

                        """))
        }
        let prefix = options.namespace.map { $0 + "_" } ?? ""
        if !module.operations.isEmpty {
            // Each kind of file: its core (inside the namespace, when wrapped) and the operations in
            // chunks, the first chunk in the core's file and the rest in numbered files.
            var kinds: [(name: String, rendered: Rendered, wrapCore: Bool)] = []
            if !options.modes.isDisjoint(with: [.client, .server]) {
                kinds.append(
                    ("Operations", OperationsEmitter(module: module, namespace: options.namespace).render(), true))
            }
            if options.modes.contains(.client) {
                kinds.append(("Client", ClientEmitter(module: module, namespace: options.namespace).render(), true))
            }
            if options.modes.contains(.server) {
                kinds.append(("Server", ServerEmitter(module: module, namespace: options.namespace).render(), false))
            }
            for (name, rendered, wrapCore) in kinds {
                let core =
                    wrapCore
                    ? wrapped(rendered.core, module, options, http: true) : header(module, http: true) + rendered.core
                files.append(
                    GeneratedFile(
                        name: prefix + name + ".swift", contents: core + (rendered.chunks.first.map { "\n" + $0 } ?? "")
                    ))
                for (index, chunk) in rendered.chunks.enumerated().dropFirst() {
                    files.append(
                        GeneratedFile(
                            name: prefix + name + "_\(index + 1).swift", contents: header(module, http: true) + chunk))
                }
            }
        }
        guard options.modes.contains(.types) else { return files }
        for letter in groups.keys.sorted() {
            let ids = groups[letter]!.sorted { module[$0].name.swift < module[$1].name.swift }
            let parts = stride(from: 0, to: ids.count, by: typesPerFile).map {
                Array(ids[$0 ..< min($0 + typesPerFile, ids.count)])
            }
            for (index, part) in parts.enumerated() {
                // A namespace prefixes file names too: Swift needs them unique within a module.
                let prefix = options.namespace.map { $0 + "_" } ?? ""
                let name = prefix + (parts.count == 1 ? "Types_\(letter).swift" : "Types_\(letter)\(index + 1).swift")
                files.append(
                    GeneratedFile(name: name, contents: contents(part, module: module, namespace: options.namespace)))
            }
        }
        return files
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

    /// A rendered declaration in a file of its own, inside the namespace when there is one.
    private static func wrapped(_ text: String, _ module: IRModule, _ options: GeneratorOptions, http: Bool) -> String {
        guard let namespace = options.namespace else { return header(module, http: http) + text }
        var writer = SwiftWriter()
        writer.block("extension \(namespace)") { $0.raw(text) }
        return header(module, http: http) + writer.text
    }

    private static func contents(_ ids: [IRTypeID], module: IRModule, namespace: String?) -> String {
        var writer = SwiftWriter()
        let body: (inout SwiftWriter) -> Void = { w in
            for (index, id) in ids.enumerated() {
                if index > 0 { w.line() }
                TypeEmitter(module: module).emit(id, into: &w)
            }
        }
        if let namespace {
            writer.block("extension \(namespace)", body)
        } else {
            body(&writer)
        }
        return header(module) + writer.text
    }
}
