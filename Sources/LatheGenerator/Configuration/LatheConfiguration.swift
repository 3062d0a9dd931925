import LatheIR
import LatheOpenAPI

/// A Lathe configuration file (`lathe.yaml`): the modules to generate, each from one spec with its
/// overlays, into one folder. Paths are relative to the configuration file.
///
/// ```yaml
/// modules:
///   - module: PiriodCancellation          # the Swift module the files are compiled into
///     spec: piriod.yaml
///     overlays: [piriod.overlay.yaml]     # optional, applied in order
///     output: ../Generated/PiriodCancellation
///     modes: [types, client, server]      # optional; all three by default
///     namespace: Piriod                   # optional
///     allowRefsOutsideRoot: false         # optional
///     refMirrors:                         # optional: local copies of the remote documents $refs name
///       "https://example.com/schemas/": vendor/schemas
///     strict: false                       # optional: refuse a spec with errors, as `validate` reports them
///     silence: [unknown-field]            # optional: warning kinds not to print
///     operations: [createPayment, tag:Refunds]  # optional: only these operations and what they reach
///     hashable: false                     # optional: values not Hashable nor Equatable, for faster builds
/// ```
public struct LatheConfiguration: Sendable {
    public struct Module: Sendable {
        public var name: String
        /// Paths as they should be opened and shown: the configuration's folder joined with what it says.
        public var spec: String
        public var output: String?
        public var options: GeneratorOptions
        /// The spec as the configuration names it, which generated headers show.
        public var specName: String
        /// Where the entry is, for messages about it.
        public var location: SpecLocation
    }

    public var path: String
    public var modules: [Module]

    /// Reads a configuration; `nil` with the reasons when it has errors.
    public static func load(path: String) -> (configuration: LatheConfiguration?, diagnostics: Diagnostics) {
        do {
            let tree = try YAMLReader().read(filePath: path)
            return parse(tree)
        } catch {
            return (nil, Diagnostics([error]))
        }
    }

    static func parse(_ tree: YAMLTree) -> (configuration: LatheConfiguration?, diagnostics: Diagnostics) {
        var diagnostics = Diagnostics()
        func error(_ message: String, _ node: YAMLNode) { diagnostics.error(message, at: node) }
        let base = Paths.directory(tree.path)
        func resolve(_ relative: String) -> String { Paths.normalize(Paths.join(base, relative)) }

        guard let root = tree.root, root.isMapping else {
            diagnostics.append(
                .error(
                    "a Lathe configuration is a mapping with a 'modules' list",
                    at: tree.root?.location ?? SpecLocation(file: tree.path, line: 1, column: 1)))
            return (nil, diagnostics)
        }
        diagnostics.unknownFields(
            of: root, in: "a Lathe configuration", fields: ["modules"], severity: .error, allowsExtensions: false)
        guard let list = root["modules"], list.isSequence, list.count > 0 else {
            error("'modules' must list at least one module (module, spec, output)", root["modules"] ?? root)
            return (nil, diagnostics)
        }
        var modules: [Module] = []
        var names = Set<String>()
        for entry in list.items {
            guard entry.isMapping else {
                error("a module entry is a mapping with 'module', 'spec' and 'output'", entry)
                continue
            }
            let fields = [
                "module", "spec", "overlays", "output", "modes", "namespace", "allowRefsOutsideRoot", "strict",
                "silence", "operations", "hashable", "refMirrors",
            ]
            diagnostics.unknownFields(
                of: entry, in: "a module entry", fields: fields, severity: .error, allowsExtensions: false)
            func string(_ field: String, required: Bool) -> String? {
                guard let node = entry[field] else {
                    if required { error("the entry needs '\(field)'", entry) }
                    return nil
                }
                guard node.isScalar, node.scalarType == .string, let text = node.text, !text.isEmpty else {
                    error("'\(field)' must be text; found \(node.kindDescription)", node)
                    return nil
                }
                return text
            }
            func strings(_ field: String) -> [String] {
                guard let node = entry[field] else { return [] }
                guard node.isSequence, node.items.allSatisfy({ $0.scalarType == .string }) else {
                    error("'\(field)' must be a list of text", node)
                    return []
                }
                return node.items.compactMap(\.text)
            }
            guard let name = string("module", required: true), let spec = string("spec", required: true) else {
                continue
            }
            if !SwiftNames.isIdentifier(name) { error("'\(name)' is not a Swift module name", entry["module"]!) }
            if !names.insert(name).inserted { error("the module '\(name)' is listed twice", entry["module"]!) }
            var options = GeneratorOptions()
            options.overlays = strings("overlays").map(resolve)
            if entry["modes"] != nil {
                var modes = Set<GeneratorOptions.Mode>()
                for (index, text) in strings("modes").enumerated() {
                    guard let mode = GeneratorOptions.Mode(rawValue: text) else {
                        error(
                            "unknown mode '\(text)'; "
                                + "the modes are "
                                + "\(GeneratorOptions.Mode.allCases.map(\.rawValue).joined(separator: ", "))",
                            entry["modes"]!.items[index])
                        continue
                    }
                    modes.insert(mode)
                }
                if modes.isEmpty { error("'modes' must name at least one of types, client, server", entry["modes"]!) }
                options.modes = modes
            }
            if let namespace = string("namespace", required: false) {
                if !SwiftNames.canBeNamespace(namespace) {
                    error(
                        "'\(namespace)' cannot be the namespace: it is not a Swift type name, "
                            + "or it would hide a type generated code uses",
                        entry["namespace"]!)
                }
                options.namespace = namespace
            }
            func flag(_ field: String, into option: inout Bool) {
                guard let node = entry[field] else { return }
                if let flag = node.boolValue {
                    option = flag
                } else {
                    error("'\(field)' must be true or false", node)
                }
            }
            if let mirrors = entry["refMirrors"] {
                if mirrors.isMapping {
                    for (key, value) in mirrors.entries {
                        guard let url = key.text, let path = value.text, value.scalarType == .string,
                            RefMirror(url: url, path: path).isWellFormed
                        else {
                            error(
                                "a ref mirror maps an http or https URL without a query to a path: \"https://host/folder/\": path",
                                key)
                            continue
                        }
                        options.refMirrors.append(RefMirror(url: url, path: resolve(path)))
                    }
                } else {
                    error("'refMirrors' must be a mapping from URLs to paths", mirrors)
                }
            }
            flag("allowRefsOutsideRoot", into: &options.allowRefsOutsideRoot)
            flag("strict", into: &options.strict)
            flag("hashable", into: &options.hashable)
            options.silencedWarnings = Set(strings("silence"))
            options.operations = strings("operations")
            // Modules may share a folder (with namespaces, their file names differ); a file name two
            // of them would write is refused when generating.
            let output = string("output", required: false).map(resolve)
            modules.append(
                Module(
                    name: name, spec: resolve(spec), output: output, options: options, specName: spec,
                    location: entry.location))
        }
        if diagnostics.hasErrors { return (nil, diagnostics) }
        return (LatheConfiguration(path: tree.path, modules: modules), diagnostics)
    }
}

extension Generator {
    /// Generates one module of a configuration, in memory.
    public static func generate(_ module: LatheConfiguration.Module) -> GenerationResult {
        generate(path: module.spec, displayPath: module.spec, specName: module.specName, options: module.options)
    }

    /// Generates one module of a configuration, each file handed to `store` as it is made.
    public static func generate(
        _ module: LatheConfiguration.Module, store: @escaping @Sendable (GeneratedFile) throws -> Void
    ) throws -> GenerationResult {
        try generate(
            path: module.spec, displayPath: module.spec, specName: module.specName, options: module.options,
            store: store)
    }
}
