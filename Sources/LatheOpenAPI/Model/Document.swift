import LatheYAML

/// The OpenAPI version a document declares.
public struct SpecVersion: Sendable, Hashable, CustomStringConvertible {
    public var major: Int
    public var minor: Int
    public var patch: Int
    /// As written in the `openapi` field.
    public var text: String

    public var description: String { text }
    /// 3.1 documents use JSON Schema 2020-12; 3.0 documents use OpenAPI's own schema dialect.
    public var isJSONSchema2020: Bool { major == 3 && minor >= 1 }
}

/// A whole OpenAPI description: the root file and every file its refs reach, normalised so later
/// stages do not care whether it was 3.0, 3.1 or 3.2.
public struct OpenAPIDocument: Sendable {
    public var node: YAMLNode
    public var version: SpecVersion
    public var info: Info
    public var jsonSchemaDialect: String?
    public var servers: [Server] = []
    public var paths: [(path: String, pathNode: YAMLNode, item: PathItem)] = []
    /// The `x-` extensions of the Paths object itself.
    public var pathsExtensions = Extensions()
    public var webhooks: [(name: String, item: PathItem)] = []
    public var components: Components
    /// Document-wide security requirements; `nil` when the document sets none.
    public var security: [SecurityRequirement]?
    public var tags: [Tag] = []
    public var externalDocs: ExternalDocs?
    public var extensions = Extensions()
    /// Every `$ref` target, decoded once, by canonical key.
    public var store: ComponentStore

    /// Every operation under `paths`, in document order.
    public var operations: [Operation] {
        paths.flatMap(\.item.operations)
    }
}

public struct Info: Sendable, Hashable {
    public var node: YAMLNode
    public var title: String
    public var version: String
    public var summary: String?
    public var description: String?
    public var termsOfService: String?
    public var contact: YAMLNode?
    public var license: YAMLNode?
    public var extensions = Extensions()
}

public struct Server: Sendable, Hashable {
    public var node: YAMLNode
    public var url: String
    /// OpenAPI 3.2's name for the server (`production`).
    public var name: String?
    public var description: String?
    public var variables: [ServerVariable] = []
    public var extensions = Extensions()

    public static func == (lhs: Server, rhs: Server) -> Bool { lhs.node == rhs.node && lhs.url == rhs.url }
    public func hash(into hasher: inout Hasher) { hasher.combine(url) }
}

/// A `{name}` in a server's URL: its default, and the values it may take when listed.
public struct ServerVariable: Sendable, Hashable {
    public var name: String
    public var defaultValue: String
    public var enumValues: [String]?
    public var description: String?

    public init(name: String, defaultValue: String, enumValues: [String]? = nil, description: String? = nil) {
        self.name = name
        self.defaultValue = defaultValue
        self.enumValues = enumValues
        self.description = description
    }
}

public struct Tag: Sendable, Hashable {
    public var node: YAMLNode
    public var name: String
    public var description: String?
    public var externalDocs: ExternalDocs?
    public var extensions = Extensions()
}

public struct ExternalDocs: Sendable, Hashable {
    public var node: YAMLNode
    public var url: String
    public var description: String?
    public var extensions = Extensions()
}

public struct SecurityRequirement: Sendable, Hashable {
    public var node: YAMLNode
    /// Schemes that must all be satisfied together; an empty list is the "no security" alternative (`{}`).
    public var schemes: [(name: String, nameNode: YAMLNode, scopes: [String])]

    public static func == (lhs: SecurityRequirement, rhs: SecurityRequirement) -> Bool { lhs.node == rhs.node }
    public func hash(into hasher: inout Hasher) { hasher.combine(node) }
}

public struct SecurityScheme: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case apiKey(name: String, location: ParameterLocation)
        /// `scheme` as written (`basic`, `Bearer`, `Token`, …); HTTP reads auth schemes in any case,
        /// so compare it lowercased.
        case http(scheme: String, bearerFormat: String?)
        case oauth2(flows: [OAuthFlow])
        case openIdConnect(url: String)
        case mutualTLS
    }

    public var node: YAMLNode
    public var kind: Kind
    public var description: String?
    public var extensions = Extensions()
    /// `x-lathe-api-key-prefix`: the word sent before an API key (`Token`).
    public var apiKeyPrefix: String?
    public var requestSigning: RequestSigningExtension?

    public init(node: YAMLNode, kind: Kind, description: String? = nil, extensions: Extensions = Extensions()) {
        self.node = node
        self.kind = kind
        self.description = description
        self.extensions = extensions
    }
}

public struct OAuthFlow: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case implicit, password, clientCredentials, authorizationCode
    }

    public var kind: Kind
    public var authorizationUrl: String?
    public var tokenUrl: String?
    public var refreshUrl: String?
    public var scopes: [String]
    public var extensions = Extensions()
}

/// The `components` section of the root document: names and the canonical keys of their values in
/// the `ComponentStore`.
public struct Components: Sendable {
    public var schemas: [(name: String, key: String)] = [] { didSet { schemaNames = Self.firstNames(schemas) } }
    public var responses: [(name: String, key: String)] = [] {
        didSet { responseNames = Self.firstNames(responses) }
    }
    /// The (first) name of each schema and response by its key, so that naming the component of
    /// each of thousands of references takes constant time. Remade whenever the list is set:
    /// assign a whole list (as decoding does), never append in a loop.
    public private(set) var schemaNames: [String: String] = [:]
    public private(set) var responseNames: [String: String] = [:]
    public var parameters: [(name: String, key: String)] = []
    public var examples: [(name: String, key: String)] = []
    public var requestBodies: [(name: String, key: String)] = []
    public var headers: [(name: String, key: String)] = []
    public var securitySchemes: [(name: String, key: String)] = []
    public var links: [(name: String, key: String)] = []
    public var callbacks: [(name: String, key: String)] = []
    public var pathItems: [(name: String, key: String)] = []
    public var extensions = Extensions()

    private static func firstNames(_ entries: [(name: String, key: String)]) -> [String: String] {
        var names: [String: String] = [:]
        names.reserveCapacity(entries.count)
        // Backwards, so the first name of a key is the one left: one hash an entry, not two.
        for (name, key) in entries.reversed() { names[key] = name }
        return names
    }
}

/// Every object reached by `$ref` (and every component), decoded once, keyed by canonical key
/// (absolute file path `#` JSON pointer). Inline objects stay where they stand.
public struct ComponentStore: Sendable {
    public var schemas: [String: Schema] = [:]
    public var parameters: [String: Referenceable<Parameter>] = [:]
    public var responses: [String: Referenceable<Response>] = [:]
    public var requestBodies: [String: Referenceable<RequestBody>] = [:]
    public var headers: [String: Referenceable<Header>] = [:]
    public var examples: [String: Referenceable<Example>] = [:]
    public var links: [String: Referenceable<Link>] = [:]
    public var callbacks: [String: Referenceable<Callback>] = [:]
    public var pathItems: [String: PathItem] = [:]
    public var securitySchemes: [String: Referenceable<SecurityScheme>] = [:]
    /// Targets that decoded to nothing (a parameter without a name, 3.2's `in: querystring`), by
    /// key: their diagnostics belong to every operation that refers to them.
    public var undecoded: [String: YAMLNode] = [:]

    /// Follows a chain of references to a value; `nil` for an unresolved target or a cycle (both reported).
    public func resolve<T>(
        _ item: Referenceable<T>, in table: KeyPath<ComponentStore, [String: Referenceable<T>]>
    ) -> T? {
        var current = item
        var seen = Set<String>()
        while true {
            switch current {
            case .value(let value):
                return value
            case .reference(let reference):
                guard let key = reference.targetKey, seen.insert(key).inserted, let next = self[keyPath: table][key]
                else {
                    return nil
                }
                current = next
            }
        }
    }

    public func parameter(_ item: Referenceable<Parameter>) -> Parameter? { resolve(item, in: \.parameters) }
    public func response(_ item: Referenceable<Response>) -> Response? { resolve(item, in: \.responses) }
    public func requestBody(_ item: Referenceable<RequestBody>) -> RequestBody? { resolve(item, in: \.requestBodies) }
    public func header(_ item: Referenceable<Header>) -> Header? { resolve(item, in: \.headers) }
    public func securityScheme(_ item: Referenceable<SecurityScheme>) -> SecurityScheme? {
        resolve(item, in: \.securitySchemes)
    }

    /// A path item with its `$ref` chain merged in (fields written beside a `$ref` win), and every
    /// operation placed under `path`.
    public func resolvedPathItem(_ item: PathItem, path: String) -> PathItem {
        var chain = [item]
        var seen = Set<String>()
        while let key = chain.last?.ref?.targetKey, seen.insert(key).inserted, let target = pathItems[key] {
            chain.append(target)
        }
        var merged = chain.removeLast()
        for nearer in chain.reversed() {
            merged.ref = nearer.ref
            merged.node = nearer.node
            merged.summary = nearer.summary ?? merged.summary
            merged.description = nearer.description ?? merged.description
            let methods = Set(nearer.operations.map(\.method))
            merged.operations = merged.operations.filter { !methods.contains($0.method) } + nearer.operations
            let names = Set(nearer.parameters.compactMap { parameter($0).map { "\($0.location) \($0.name)" } })
            merged.parameters =
                merged.parameters.filter { !names.contains(parameter($0).map { "\($0.location) \($0.name)" } ?? "") }
                + nearer.parameters
            if !nearer.servers.isEmpty { merged.servers = nearer.servers }
            merged.extensions.entries += nearer.extensions.entries
        }
        for index in merged.operations.indices {
            merged.operations[index].path = path
        }
        return merged
    }

    /// The schema a reference points at, following chains of pure references.
    public func schema(_ reference: Reference) -> Schema? {
        var key = reference.targetKey
        var seen = Set<String>()
        while let current = key, seen.insert(current).inserted, let schema = schemas[current] {
            guard schema.isPureReference, let next = schema.ref else { return schema }
            key = next.targetKey
        }
        return nil
    }
}
