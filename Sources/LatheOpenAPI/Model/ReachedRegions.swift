import LatheDiagnostics
import LatheYAML

/// The parts of a description some operations use: the operations themselves, their path items'
/// parameters, and every object their `$ref`s lead to, transitively (schemas, parameters, request
/// bodies, responses, headers, and the path items of their callbacks). With operations selected,
/// a warning about a part of the root document they do not use says nothing about the code
/// generated (`isAboutUnusedPart`).
public struct ReachedRegions: Sendable {
    /// The root document's file, as diagnostics name it.
    private let rootFile: String
    /// The JSON pointers of the reached objects in the root document.
    private var pointers = Set<String>()

    /// The regions `operations` reach, each with the path item it is listed in.
    public init(document: OpenAPIDocument, operations: [(operation: Operation, pathItem: PathItem)]) {
        rootFile = document.node.location.file
        var walk = Walk(store: document.store)
        for (operation, item) in operations {
            walk.add(operation.node)
            if let parameters = item.node["parameters"] { walk.add(parameters) }
            for parameter in item.parameters {
                walk.parameter(parameter)
            }
            walk.operation(operation)
        }
        for node in walk.regions where node.location.file == rootFile {
            pointers.insert(node.pointer)
        }
    }

    /// Whether `diagnostic` is a warning (or a note) about a part of the root document the
    /// operations do not use: under `/paths` or one of the components the walk follows
    /// (schemas, responses, parameters, request bodies, headers), and inside none of the reached
    /// objects. Errors, other files (what they hold is reached through `$ref`s), and the rest of
    /// the document (info, servers, security schemes, webhooks, examples) always count.
    public func isAboutUnusedPart(_ diagnostic: Diagnostic) -> Bool {
        guard diagnostic.severity != .error, let location = diagnostic.location, location.file == rootFile,
            let pointer = diagnostic.pointer
        else { return false }
        let tokens = pointer.split(separator: "/", omittingEmptySubsequences: false)
        // "", "paths", a path, a method… or "", "components", a kind, a name…
        guard tokens.count >= 3 else { return false }
        switch tokens[1] {
        case "paths":
            break
        case "components":
            guard ["schemas", "responses", "parameters", "requestBodies", "headers"].contains(tokens[2]),
                tokens.count >= 4
            else { return false }
        default:
            return false
        }
        // Inside a reached object when one of the pointer's prefixes is one.
        var prefix = ""
        for token in tokens.dropFirst() {
            prefix += "/" + token
            if pointers.contains(prefix) { return false }
        }
        // A path's own node holds a selected operation: a warning about the path (its template)
        // concerns it.
        if tokens[1] == "paths", tokens.count == 3 {
            return !pointers.contains { $0.hasPrefix(pointer + "/") }
        }
        return true
    }

    /// Follows everything an operation refers to, each object once.
    private struct Walk {
        let store: ComponentStore
        private(set) var regions: [YAMLNode] = []
        private var visited = Set<String>()

        init(store: ComponentStore) { self.store = store }

        mutating func add(_ node: YAMLNode) { regions.append(node) }

        /// Whether `key` is met for the first time (its target is then a region of its own).
        private mutating func first(_ key: String?) -> Bool {
            guard let key else { return false }
            return visited.insert(key).inserted
        }

        mutating func operation(_ operation: Operation) {
            for parameter in operation.parameters { self.parameter(parameter) }
            if let body = operation.requestBody { requestBody(body) }
            for entry in operation.responses { response(entry.response) }
            for (_, callback) in operation.callbacks { self.callback(callback) }
        }

        /// A referenceable object: its chain of references to the value, each target a region, and
        /// then `value`'s own contents.
        private mutating func follow<T>(
            _ item: Referenceable<T>, in table: KeyPath<ComponentStore, [String: Referenceable<T>]>,
            node: (T) -> YAMLNode, _ contents: (inout Walk, T) -> Void
        ) {
            var current = item
            while case .reference(let reference) = current {
                guard first(reference.targetKey), let key = reference.targetKey, let next = store[keyPath: table][key]
                else { return }
                switch next {
                case .value(let value): add(node(value))
                case .reference(let onward): if let parent = onward.node.parent { add(parent) }
                }
                current = next
            }
            if case .value(let value) = current { contents(&self, value) }
        }

        mutating func parameter(_ item: Referenceable<Parameter>) {
            follow(item, in: \.parameters, node: \.node) { walk, parameter in
                if let schema = parameter.schema { walk.schema(schema) }
                walk.content(parameter.content)
            }
        }

        mutating func requestBody(_ item: Referenceable<RequestBody>) {
            follow(item, in: \.requestBodies, node: \.node) { walk, body in walk.content(body.content) }
        }

        mutating func response(_ item: Referenceable<Response>) {
            follow(item, in: \.responses, node: \.node) { walk, response in
                for (_, header) in response.headers { walk.header(header) }
                walk.content(response.content)
            }
        }

        mutating func header(_ item: Referenceable<Header>) {
            follow(item, in: \.headers, node: \.node) { walk, header in
                if let schema = header.schema { walk.schema(schema) }
                walk.content(header.content)
            }
        }

        mutating func callback(_ item: Referenceable<Callback>) {
            follow(item, in: \.callbacks, node: \.node) { walk, callback in
                for (_, pathItem) in callback.expressions {
                    for parameter in pathItem.parameters { walk.parameter(parameter) }
                    for operation in pathItem.operations { walk.operation(operation) }
                }
            }
        }

        mutating func content(_ content: [MediaType]) {
            for media in content {
                if let schema = media.schema { self.schema(schema) }
                if let schema = media.itemSchema { self.schema(schema) }
                for (_, encoding) in media.encoding {
                    for (_, header) in encoding.headers { self.header(header) }
                }
            }
        }

        mutating func schema(_ schema: Schema) {
            if let key = schema.ref?.targetKey, first(key), let target = store.schemas[key] {
                add(target.node)
                self.schema(target)
            }
            for property in schema.properties { self.schema(property.schema) }
            for property in schema.patternProperties { self.schema(property.schema) }
            for member in schema.allOf + schema.anyOf + schema.oneOf + (schema.prefixItems ?? []) {
                self.schema(member)
            }
            for child in [schema.items, schema.additionalProperties, schema.propertyNames, schema.contains, schema.not]
            {
                if let child { self.schema(child.value) }
            }
            if let content = schema.contentSchema { self.schema(content) }
            for (_, reference) in schema.discriminator?.mapping ?? [] {
                if let key = reference.targetKey, first(key), let target = store.schemas[key] {
                    add(target.node)
                    self.schema(target)
                }
            }
        }
    }
}
