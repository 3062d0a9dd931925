import LatheDiagnostics
import LatheYAML

/// Checks that span the document, run after decoding: what generators need to be true across objects.
struct DocumentChecks {
    let document: OpenAPIDocument
    private(set) var diagnostics = Diagnostics()

    init(document: OpenAPIDocument) {
        self.document = document
    }

    mutating func run() {
        checkOperationIds()
        checkPaths()
        checkSecurityNames()
        checkReferenceCycles()
    }

    private mutating func error(_ message: String, at node: YAMLNode) {
        diagnostics.append(.error(message, at: node.location, pointer: node.pointer))
    }

    private mutating func note(_ message: String, at node: YAMLNode) {
        diagnostics.append(.note(message, at: node.location, pointer: node.pointer))
    }

    // MARK: operationId

    private mutating func checkOperationIds() {
        var first: [String: Operation] = [:]
        for operation in allOperations() {
            guard let id = operation.operationId, let node = operation.operationIdNode else { continue }
            if let earlier = first[id] {
                error("duplicate operationId '\(id)': \(earlier.method.rawValue.uppercased()) \(earlier.path) uses it already; operation IDs must be unique", at: node)
                if let earlierNode = earlier.operationIdNode { note("'\(id)' first used here", at: earlierNode) }
            } else {
                first[id] = operation
            }
        }
    }

    /// Operations under paths, webhooks and callbacks: all share one operationId namespace.
    private func allOperations() -> [Operation] {
        var operations = document.operations + document.webhooks.flatMap(\.item.operations)
        var callbackKeys = Set<YAMLNode>()
        for operation in operations {
            for (_, callback) in operation.callbacks {
                guard let resolved = document.store.resolve(callback, in: \.callbacks), callbackKeys.insert(resolved.node).inserted else { continue }
                operations += resolved.expressions.flatMap(\.pathItem.operations)
            }
        }
        return operations
    }

    // MARK: Paths and parameters

    private mutating func checkPaths() {
        var templates: [String: String] = [:]
        for (path, pathNode, item) in document.paths {
            guard let names = templateNames(path, at: pathNode) else { continue }
            let shape = templateShape(path)
            if let other = templates[shape] {
                error("path '\(path)' is the same template as '\(other)' with other parameter names; OpenAPI does not allow both", at: pathNode)
            } else {
                templates[shape] = path
            }
            let itemParameters = resolvedParameters(item.parameters)
            checkDuplicates(itemParameters)
            for (parameter, site) in itemParameters where parameter.location == .path && !names.contains(parameter.name) {
                error("path parameter '\(parameter.name)' is not in the path template '\(path)'", at: site)
            }
            for operation in item.operations {
                let operationParameters = resolvedParameters(operation.parameters)
                checkDuplicates(operationParameters)
                var declared = Set(itemParameters.filter { $0.0.location == .path }.map(\.0.name))
                for (parameter, site) in operationParameters where parameter.location == .path {
                    declared.insert(parameter.name)
                    if !names.contains(parameter.name) {
                        error("path parameter '\(parameter.name)' is not in the path template '\(path)'", at: site)
                    }
                }
                for name in names where !declared.contains(name) {
                    error("\(operation.method.rawValue.uppercased()) \(path) does not declare the path parameter '\(name)'; add a parameter with name: \(name), in: path, required: true", at: operation.methodNode)
                }
            }
        }
    }

    /// The `{names}` in a path template, or `nil` after reporting a malformed template.
    private mutating func templateNames(_ path: String, at node: YAMLNode) -> [String]? {
        var names: [String] = []
        var current: String?
        for character in path {
            switch (character, current) {
            case ("{", nil): current = ""
            case ("}", let name?):
                if name.isEmpty {
                    error("path '\(path)' has an empty '{}' template expression", at: node)
                    return nil
                }
                names.append(name)
                current = nil
            case ("{", _?), ("}", nil):
                error("path '\(path)' has unbalanced braces; each '{name}' must open and close once", at: node)
                return nil
            case (_, let name?): current = name + String(character)
            default: break
            }
        }
        if current != nil {
            error("path '\(path)' has an unclosed '{'", at: node)
            return nil
        }
        return names
    }

    /// The path with every template expression blanked, so `/a/{x}` and `/a/{y}` compare equal.
    private func templateShape(_ path: String) -> String {
        var shape = ""
        var inside = false
        for character in path {
            if character == "{" { inside = true; shape += "{}" } else if character == "}" { inside = false } else if !inside { shape.append(character) }
        }
        return shape
    }

    /// Parameters with the node diagnostics should point at: the `$ref` where one was used.
    private func resolvedParameters(_ list: [Referenceable<Parameter>]) -> [(Parameter, YAMLNode)] {
        list.compactMap { item in
            guard let parameter = document.store.parameter(item) else { return nil }
            return (parameter, item.reference?.node ?? parameter.node)
        }
    }

    private mutating func checkDuplicates(_ parameters: [(Parameter, YAMLNode)]) {
        var seen: [String: YAMLNode] = [:]
        for (parameter, site) in parameters {
            // Header names are case-insensitive; the rest are not.
            let name = parameter.location == .header ? parameter.name.lowercased() : parameter.name
            let key = parameter.location.rawValue + " " + name
            if let first = seen[key] {
                error("\(parameter.location.rawValue) parameter '\(parameter.name)' is declared twice in this list (first at line \(first.location.line)); a parameter is identified by its name and location", at: site)
            } else {
                seen[key] = site
            }
        }
    }

    // MARK: Security

    private mutating func checkSecurityNames() {
        let defined = document.components.securitySchemes.map(\.name)
        let known = Set(defined)
        var requirements = document.security ?? []
        for operation in allOperations() {
            requirements += operation.security ?? []
        }
        for requirement in requirements {
            for (name, nameNode, _) in requirement.schemes where !known.contains(name) {
                var message = "security requirement names '\(name)', which is not defined in components/securitySchemes"
                if let suggestion = Suggestions.closest(to: name, among: defined) {
                    message += " (did you mean '\(suggestion)'?)"
                } else if !defined.isEmpty {
                    message += " (defined: \(defined.joined(separator: ", ")))"
                }
                error(message, at: nameNode)
            }
        }
    }

    // MARK: Reference cycles

    /// A chain of references that comes back to where it started without any content is an error;
    /// a schema that refers to itself through properties (a recursive type) is fine.
    private mutating func checkReferenceCycles() {
        let store = document.store
        checkCycles(in: store.schemas.compactMapValues { $0.isPureReference ? $0.ref : nil }, noun: "schema")
        checkCycles(in: store.parameters.compactMapValues(\.reference), noun: "parameter")
        checkCycles(in: store.responses.compactMapValues(\.reference), noun: "response")
        checkCycles(in: store.requestBodies.compactMapValues(\.reference), noun: "request body")
        checkCycles(in: store.headers.compactMapValues(\.reference), noun: "header")
        checkCycles(in: store.examples.compactMapValues(\.reference), noun: "example")
        checkCycles(in: store.links.compactMapValues(\.reference), noun: "link")
        checkCycles(in: store.callbacks.compactMapValues(\.reference), noun: "callback")
        checkCycles(in: store.securitySchemes.compactMapValues(\.reference), noun: "security scheme")
    }

    /// `#/components/schemas/A` for a key in the root file, `other.yaml#/…` for one elsewhere.
    private static func displayName(_ key: String) -> String {
        guard let hash = key.lastIndex(of: "#") else { return key }
        return "#" + key[key.index(after: hash)...]
    }

    /// `edges` maps the key of each object that is only a reference to that reference.
    private mutating func checkCycles(in edges: [String: Reference], noun: String) {
        var finished = Set<String>()
        for start in edges.keys.sorted() where !finished.contains(start) {
            var path: [String] = []
            var current: String? = start
            while let key = current, !finished.contains(key), let edge = edges[key] {
                if let loopStart = path.firstIndex(of: key) {
                    // Report once, at the reference of the cycle's first member (by key), starting the chain there.
                    let cycle = Array(path[loopStart...])
                    let first = cycle.firstIndex(of: cycle.min()!)!
                    let rotated = Array(cycle[first...] + cycle[..<first])
                    let chain = (rotated + [rotated[0]]).map(Self.displayName).joined(separator: " → ")
                    if let site = edges[rotated[0]] {
                        error("this \(noun) reference never reaches a value: \(chain) goes round in a circle", at: site.node)
                    }
                    break
                }
                path.append(key)
                current = edge.targetKey
            }
            finished.formUnion(path)
        }
    }
}
