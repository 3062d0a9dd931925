import LatheDiagnostics
import LatheYAML

/// The parts of a description some operations use: the operations themselves, what their path
/// items hold besides other operations (parameters, servers), and every object their `$ref`s lead
/// to, transitively: schemas (with the components that extend a discriminator's base through
/// `allOf`, which its alternatives include), parameters, request bodies, responses, headers, and
/// the path items of their callbacks (whose types a selection does not generate: a warning too many
/// rather than one too few). With operations selected, a warning about a part of the root document
/// they do not use says nothing about the code generated (`isAboutUnusedPart`).
public struct ReachedRegions: Sendable {
    /// The root document's file, as diagnostics name it.
    private let rootFile: String
    /// The JSON pointers of the nodes of the root document the reached objects were decoded from.
    private var pointers = Set<String>()
    /// The path items (`/paths/~1pets`) that hold a selected operation.
    private var paths = Set<String>()

    /// The regions `operations` reach, each with the path item it is listed in.
    public init(document: OpenAPIDocument, operations: [(operation: Operation, pathItem: PathItem)]) {
        rootFile = document.node.location.file
        var walk = Walk(document: document)
        for (operation, item) in operations {
            walk.pathItem(item, selecting: operation.method)
            walk.operation(operation)
            paths.insert(item.node.pointer)
        }
        walk.followSchemaReferences()
        let root = document.node.tree
        var regions = walk.regions.filter { $0.tree === root }
        if root.hasSharedNodes { regions += Self.nodesAliasedInto(regions) }
        for node in regions {
            pointers.insert(node.pointer)
        }
    }

    /// The nodes an alias or a merge key brings into `regions` from elsewhere: their pointers run
    /// through the place they were first written (a default anchored in an unused schema, say),
    /// so they are regions of their own. Each node is looked into once.
    private static func nodesAliasedInto(_ regions: [YAMLNode]) -> [YAMLNode] {
        var found: [YAMLNode] = []
        var seen = Set(regions)
        var work = Array(seen)  // a node the walk met twice is looked into once
        while let node = work.popLast() {
            let children = node.isMapping ? node.entries.map(\.value) : Array(node.items)
            for child in children {
                if child.parent != node { found.append(child) }
                if seen.insert(child).inserted { work.append(child) }
            }
        }
        return found
    }

    /// Whether `diagnostic` is a warning about a part of the root document the operations do not
    /// use: under `/paths` or one of the components the walk follows (schemas, responses,
    /// parameters, request bodies, headers), and inside none of the reached objects. What stops
    /// generation, other files (what they hold is reached through `$ref`s), and the rest of the
    /// document (info, servers, security schemes, webhooks, examples) always count.
    public func isAboutUnusedPart(_ diagnostic: Diagnostic) -> Bool {
        guard diagnostic.severity == .warning, let location = diagnostic.location, location.file == rootFile,
            let pointer = diagnostic.pointer
        else { return false }
        let tokens = pointer.split(separator: "/", omittingEmptySubsequences: false)
        // "", "paths", a path, a method… or "", "components", a kind, a name…
        guard tokens.count >= 3 else { return false }
        switch tokens[1] {
        case "paths":
            // The path item itself (its template, say) concerns each of its selected operations.
            if paths.contains("/paths/" + tokens[2]) { return tokens.count > 3 && !isInside(tokens) }
        case "components":
            guard ["schemas", "responses", "parameters", "requestBodies", "headers"].contains(tokens[2]),
                tokens.count >= 4
            else { return false }
        default:
            return false
        }
        return !isInside(tokens)
    }

    /// Whether one of the pointer's prefixes is a reached node's.
    private func isInside(_ tokens: [Substring]) -> Bool {
        var prefix = ""
        for token in tokens.dropFirst() {
            prefix += "/" + token
            if pointers.contains(prefix) { return true }
        }
        return false
    }

    /// Follows everything an operation refers to, each object once, keeping the node of every
    /// object it meets (a `$ref` that Lathe follows where OpenAPI allows none, or a YAML alias, puts
    /// an object's node outside its parent's).
    private struct Walk {
        let store: ComponentStore
        /// The components whose `allOf` refers to each schema, by the schema's key: a
        /// discriminator's base lists them among its alternatives.
        let extending: [String: [String]]
        private(set) var regions: [YAMLNode] = []
        private var visited = Set<String>()
        /// Schema keys met and not yet walked: followed one by one (`followSchemaReferences`), not
        /// by recursion, so a long chain of components cannot exhaust the stack.
        private var schemaKeys: [String] = []

        init(document: OpenAPIDocument) {
            store = document.store
            var extending: [String: [String]] = [:]
            for (_, key) in document.components.schemas {
                for part in document.store.schemas[key]?.allOf ?? [] {
                    // Under every key of the chain of references to the base (`Pet: {$ref:
                    // pet.yaml}`), since the discriminator is on the last.
                    var base = part.ref?.targetKey
                    var chain = Set<String>()
                    while let current = base, chain.insert(current).inserted {
                        extending[current, default: []].append(key)
                        let target = document.store.schemas[current]
                        base = target?.isPureReference == true ? target?.ref?.targetKey : nil
                    }
                }
            }
            self.extending = extending
        }

        private mutating func add(_ node: YAMLNode) { regions.append(node) }

        /// Whether `key` is met for the first time.
        private mutating func first(_ key: String?) -> Bool {
            guard let key else { return false }
            return visited.insert(key).inserted
        }

        static let additionalOperationsKeys = ["additionalOperations", "x-oai-additionalOperations"]
        /// A path item's keys that hold operations (made once, not for every selected operation).
        static let operationKeys = Set(HTTPMethod.fields32.map(\.rawValue) + additionalOperationsKeys)

        /// What a path item holds beside its operations (parameters, servers, …), and the node of
        /// its operation `method`.
        mutating func pathItem(_ item: PathItem, selecting method: HTTPMethod) {
            for (key, value) in item.node.entries
            where !Self.operationKeys.contains(key.text ?? "") || (method.isField && key.textEquals(method.rawValue)) {
                add(value)
            }
            // One of the additional operations (3.2's, or the extension's before it): its entry alone.
            for name in Self.additionalOperationsKeys where !method.isField {
                guard let additional = item.node[name], additional.isMapping else { continue }
                for (key, value) in additional.entries where key.textEquals(method.rawValue) { add(value) }
            }
            for parameter in item.parameters { self.parameter(parameter) }
            for server in item.servers { add(server.node) }
        }

        mutating func operation(_ operation: Operation) {
            add(operation.node)
            add(operation.methodNode)
            for parameter in operation.parameters { self.parameter(parameter) }
            if let body = operation.requestBody { requestBody(body) }
            for entry in operation.responses { response(entry.response) }
            for (_, callback) in operation.callbacks { self.callback(callback) }
            for server in operation.servers { add(server.node) }
        }

        /// A referenceable object: each `$ref` of its chain and its target, then the value's own
        /// contents.
        private mutating func follow<T>(
            _ item: Referenceable<T>, in table: KeyPath<ComponentStore, [String: Referenceable<T>]>,
            node: (T) -> YAMLNode, _ contents: (inout Walk, T) -> Void
        ) {
            var current = item
            while case .reference(let reference) = current {
                if let parent = reference.node.parent { add(parent) }
                guard first(reference.targetKey), let key = reference.targetKey else { return }
                guard let next = store[keyPath: table][key] else {
                    if let node = store.undecoded[key] { add(node) }
                    return
                }
                current = next
            }
            if case .value(let value) = current {
                add(node(value))
                contents(&self, value)
            }
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
                for (expression, pathItem) in callback.expressions {
                    let resolved = walk.store.resolvedPathItem(pathItem, path: expression)
                    for parameter in resolved.parameters { walk.parameter(parameter) }
                    for operation in resolved.operations { walk.operation(operation) }
                }
            }
        }

        mutating func content(_ content: [MediaType]) {
            for media in content {
                add(media.node)
                if let schema = media.schema { self.schema(schema) }
                if let schema = media.itemSchema { self.schema(schema) }
                for (_, encoding) in media.encoding {
                    add(encoding.node)
                    for (_, header) in encoding.headers { self.header(header) }
                }
            }
        }

        /// A schema component (or other `$ref` target), walked by `followSchemaReferences`.
        private mutating func schema(key: String?) {
            if first(key), let key { schemaKeys.append(key) }
        }

        /// Each schema a `$ref` led to, and, for a discriminator's base, the components that
        /// extend it, until none is left.
        mutating func followSchemaReferences() {
            while let key = schemaKeys.popLast() {
                guard let target = store.schemas[key] else { continue }
                schema(target)
                if target.discriminator != nil {
                    for subtype in extending[key] ?? [] { schema(key: subtype) }
                }
            }
        }

        mutating func schema(_ schema: Schema) {
            add(schema.node)
            if let reference = schema.ref { self.schema(key: reference.targetKey) }
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
            if let discriminator = schema.discriminator {
                add(discriminator.node)
                for (_, reference) in discriminator.mapping { self.schema(key: reference.targetKey) }
            }
        }
    }
}
