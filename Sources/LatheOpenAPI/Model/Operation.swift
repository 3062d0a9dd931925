import LatheYAML

/// An operation's HTTP method: a Path Item's field for it (`get`, …, and OpenAPI 3.2's `query`), or
/// a key of 3.2's `additionalOperations`, which names the method as it is sent (`COPY`). Methods are
/// case-sensitive: an additional operation keyed `get` is the method `get`, not the field's `GET`.
public struct HTTPMethod: Sendable, Hashable {
    /// The field's name (`get`), or the key in `additionalOperations` as written.
    public let rawValue: String
    /// Whether a Path Item field names it, rather than a key of `additionalOperations`.
    public let isField: Bool

    private init(field: String) {
        rawValue = field
        isField = true
    }

    /// The method an `additionalOperations` key names.
    public init(additional key: String) {
        rawValue = key
        isField = false
    }

    public static let get = HTTPMethod(field: "get")
    public static let put = HTTPMethod(field: "put")
    public static let post = HTTPMethod(field: "post")
    public static let delete = HTTPMethod(field: "delete")
    public static let options = HTTPMethod(field: "options")
    public static let head = HTTPMethod(field: "head")
    public static let patch = HTTPMethod(field: "patch")
    public static let trace = HTTPMethod(field: "trace")
    /// OpenAPI 3.2's `query` field: the QUERY method (a safe request with a body).
    public static let query = HTTPMethod(field: "query")

    /// The Path Item fields for methods in OpenAPI 3.0 and 3.1.
    public static let fields: [HTTPMethod] = [.get, .put, .post, .delete, .options, .head, .patch, .trace]
    /// The same in 3.2, which adds `query`.
    public static let fields32 = fields + [.query]

    /// The method as sent: a field's name in capitals, an additional operation's key as written.
    public var token: String { isField ? rawValue.uppercased() : rawValue }
}

public struct PathItem: Sendable, Hashable {
    public var node: YAMLNode
    /// A path item may itself be a `$ref`; its fields then come from the target (and 3.1 allows siblings).
    public var ref: Reference?
    public var summary: String?
    public var description: String?
    public var operations: [Operation] = []
    public var parameters: [Referenceable<Parameter>] = []
    public var servers: [Server] = []
    public var extensions = Extensions()

    public init(node: YAMLNode) { self.node = node }
}

public struct Operation: Sendable, Hashable {
    public var node: YAMLNode
    /// The node of the method key (`get:`), where diagnostics about the operation as a whole point.
    public var methodNode: YAMLNode
    public var method: HTTPMethod
    /// The path template the operation lives under (`/pets/{id}`); empty for callbacks' and webhooks' own keys.
    public var path: String
    /// The path as the document writes it, where Lathe reads it otherwise (`/tasks/:taskUid` is
    /// `path` `/tasks/{taskUid}`); `nil` when they are the same. Selectors may name either.
    public var writtenPath: String?
    /// The query string its path key holds, which OpenAPI does not allow (Strapi's
    /// `/upload?id={id}`), item by item; empty for nearly every operation.
    public var queryInPath: [QueryItemInPath] = []
    public var operationId: String?
    public var operationIdNode: YAMLNode?
    public var tags: [String] = []
    public var summary: String?
    public var description: String?
    public var parameters: [Referenceable<Parameter>] = []
    public var requestBody: Referenceable<RequestBody>?
    public var responses: [ResponseEntry] = []
    /// The `x-` extensions of the Responses object.
    public var responsesExtensions = Extensions()
    public var callbacks: [(name: String, callback: Referenceable<Callback>)] = []
    public var deprecated = false
    /// `nil` inherits the document's requirements; `[]` (written `security: []`) means none.
    public var security: [SecurityRequirement]?
    public var servers: [Server] = []
    public var extensions = Extensions()

    public init(node: YAMLNode, methodNode: YAMLNode, method: HTTPMethod, path: String) {
        self.node = node
        self.methodNode = methodNode
        self.method = method
        self.path = path
    }

    public static func == (lhs: Operation, rhs: Operation) -> Bool { lhs.node == rhs.node && lhs.path == rhs.path }
    public func hash(into hasher: inout Hasher) { hasher.combine(node) }
}

/// An item of the query string a path key holds: `name={variable}` names a parameter sent in the
/// query; `name=value` or `name` is `text`, sent as it is written.
public struct QueryItemInPath: Sendable, Hashable {
    public var name: String
    public var variable: String?
    public var text: String?

    public init(name: String, variable: String? = nil, text: String? = nil) {
        self.name = name
        self.variable = variable
        self.text = text
    }

    /// This item, or, where it has no value and the operation declares a parameter of its name
    /// (`declared`: each name, and whether one so named is required), a place for that parameter,
    /// as `rut={rut}` would be: sent as text, the query held the empty item beside the
    /// parameter's (`?rut=&rut=7`). `rut=` for any such parameter; a bare `rut` for a required
    /// one only, since it may be a flag the key always sends (S3's `?uploads`).
    public func standing(forDeclared declared: [String: Bool]) -> QueryItemInPath {
        guard variable == nil, let text, let required = declared[name] else { return self }
        guard text == name + "=" || (text == name && required) else { return self }
        return QueryItemInPath(name: name, variable: name)
    }

    /// The items of `query` (what follows the `?`), split at `&`.
    public static func items(of query: Substring) -> [QueryItemInPath] {
        query.split(separator: "&").map { item in
            guard let equals = item.firstIndex(of: "=") else {
                return QueryItemInPath(name: String(item), text: String(item))
            }
            let name = String(item[..<equals])
            let value = item[item.index(after: equals)...]
            // `{name}` alone is a variable; `{a}-{b}` or `{}` is text.
            let inner = value.dropFirst().dropLast()
            if !name.isEmpty, value.hasPrefix("{"), value.hasSuffix("}"), !inner.isEmpty, !inner.contains("{"),
                !inner.contains("}")
            {
                return QueryItemInPath(name: name, variable: String(inner))
            }
            return QueryItemInPath(name: name, text: String(item))
        }
    }
}

public enum ParameterLocation: String, Sendable, Hashable, CaseIterable {
    /// `querystring` (OpenAPI 3.2): the whole query, one value described by `content`.
    case query, header, path, cookie, querystring

    /// The styles OpenAPI allows in this location; the first is the default.
    public var allowedStyles: [ParameterStyle] {
        switch self {
        case .query: [.form, .spaceDelimited, .pipeDelimited, .deepObject]
        case .header: [.simple]
        case .path: [.simple, .label, .matrix]
        case .cookie: [.form, .cookie]
        // No style: `content` says how the value is written.
        case .querystring: [.form]
        }
    }
}

public enum ParameterStyle: String, Sendable, Hashable, CaseIterable {
    /// `cookie` is OpenAPI 3.2's: `form` as the Cookie header writes it (`n=v1; n=v2`, nothing escaped).
    case matrix, label, simple, form, spaceDelimited, pipeDelimited, deepObject, cookie
}

public struct Parameter: Sendable, Hashable {
    public var node: YAMLNode
    public var name: String
    public var location: ParameterLocation

    /// What identifies a parameter in a list: its location and name, a header's name compared
    /// case-insensitively, as HTTP compares them.
    public var identity: String {
        location.rawValue + " " + (location == .header ? name.lowercased() : name)
    }
    public var description: String?
    public var required = false
    public var deprecated = false
    public var allowEmptyValue = false
    /// The style as written; `effectiveStyle` applies the location's default.
    public var style: ParameterStyle?
    public var explode: Bool?
    public var allowReserved = false
    public var schema: Schema?
    public var content: [MediaType] = []
    /// Its `example`, and the values its Example objects show.
    public var examples: [YAMLNode] = []
    public var extensions = Extensions()

    public init(node: YAMLNode, name: String, location: ParameterLocation) {
        self.node = node
        self.name = name
        self.location = location
    }

    public var effectiveStyle: ParameterStyle { style ?? location.allowedStyles[0] }
    /// `explode` defaults to true for `form` and `cookie` and false for every other style.
    public var effectiveExplode: Bool { explode ?? (effectiveStyle == .form || effectiveStyle == .cookie) }
}

public struct RequestBody: Sendable, Hashable {
    public var node: YAMLNode
    public var description: String?
    public var content: [MediaType] = []
    public var required = false
    public var extensions = Extensions()

    public init(node: YAMLNode) { self.node = node }
}

public struct MediaType: Sendable, Hashable {
    public var node: YAMLNode
    /// The media type or range as written (`application/json`, `image/*`).
    public var contentType: String
    public var schema: Schema?
    /// OpenAPI 3.2's `itemSchema`: the schema of each item of a streamed body (read in any version).
    /// Out of line: rare, and inline it doubled the size of every media type.
    public var itemSchema: Schema? {
        get { storedItemSchema?.value }
        set { storedItemSchema = newValue.map(Box.init) }
    }
    private var storedItemSchema: Box<Schema>?
    /// `x-lathe-stream-terminator`: the item text that ends a stream (`[DONE]`).
    public var streamTerminator: String?
    public var examples: [YAMLNode] = []
    public var encoding: [(property: String, encoding: Encoding)] = []
    public var extensions = Extensions()

    public init(node: YAMLNode, contentType: String) {
        self.node = node
        self.contentType = contentType
    }

    public static func == (lhs: MediaType, rhs: MediaType) -> Bool {
        lhs.node == rhs.node && lhs.contentType == rhs.contentType
    }
    public func hash(into hasher: inout Hasher) { hasher.combine(node) }
}

public struct Encoding: Sendable, Hashable {
    public var node: YAMLNode
    public var contentType: String?
    public var headers: [(name: String, header: Referenceable<Header>)] = []
    public var style: ParameterStyle?
    public var explode: Bool?
    public var allowReserved = false
    public var extensions = Extensions()

    public init(node: YAMLNode) { self.node = node }

    public static func == (lhs: Encoding, rhs: Encoding) -> Bool { lhs.node == rhs.node }
    public func hash(into hasher: inout Hasher) { hasher.combine(node) }
}

/// A key of the Responses object.
public enum ResponseKey: Sendable, Hashable, CustomStringConvertible {
    /// An exact status code, 100 to 599.
    case code(Int)
    /// A range `1XX` to `5XX`, by its first digit.
    case range(Int)
    case `default`

    public var description: String {
        switch self {
        case .code(let code): String(code)
        case .range(let digit): "\(digit)XX"
        case .default: "default"
        }
    }
}

public struct ResponseEntry: Sendable, Hashable {
    public var key: ResponseKey
    public var keyNode: YAMLNode
    public var response: Referenceable<Response>
}

public struct Response: Sendable, Hashable {
    public var node: YAMLNode
    public var description: String?
    public var headers: [(name: String, header: Referenceable<Header>)] = []
    public var content: [MediaType] = []
    public var links: [(name: String, link: Referenceable<Link>)] = []
    public var extensions = Extensions()
    public var failureWhen: FailureCondition?

    public init(node: YAMLNode) { self.node = node }

    public static func == (lhs: Response, rhs: Response) -> Bool { lhs.node == rhs.node }
    public func hash(into hasher: inout Hasher) { hasher.combine(node) }
}

public struct Header: Sendable, Hashable {
    public var node: YAMLNode
    public var description: String?
    public var required = false
    public var deprecated = false
    public var style: ParameterStyle?
    public var explode: Bool?
    public var schema: Schema?
    public var content: [MediaType] = []
    public var extensions = Extensions()

    public init(node: YAMLNode) { self.node = node }
}

public struct Link: Sendable, Hashable {
    public var node: YAMLNode
    public var operationId: String?
    public var operationRef: String?
    public var description: String?
    public var extensions = Extensions()

    public init(node: YAMLNode) { self.node = node }
}

public struct Example: Sendable, Hashable {
    public var node: YAMLNode
    public var summary: String?
    public var description: String?
    public var value: YAMLNode?
    public var externalValue: String?
    public var extensions = Extensions()

    public init(node: YAMLNode) { self.node = node }
}

/// A callback: runtime expressions (`{$request.body#/callbackUrl}`) to path items.
public struct Callback: Sendable, Hashable {
    public var node: YAMLNode
    public var expressions: [(expression: String, pathItem: PathItem)] = []
    public var extensions = Extensions()

    public init(node: YAMLNode) { self.node = node }

    public static func == (lhs: Callback, rhs: Callback) -> Bool { lhs.node == rhs.node }
    public func hash(into hasher: inout Hasher) { hasher.combine(node) }
}
