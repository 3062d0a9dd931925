import LatheDiagnostics
import LatheYAML

/// Where a part of the document came from: its file, line and column, its JSON pointer, and its
/// identity (two readings of one node have one origin). Later stages locate diagnostics and
/// generated code with it; they never read the YAML through it, so the IR stays free of YAML.
public struct Origin: Sendable, Hashable {
    let node: YAMLNode

    init(_ node: YAMLNode) { self.node = node }

    public var location: SpecLocation { node.location }
    public var pointer: String { node.pointer }
    /// `pointer` as the parent's origin and the token after its pointer (`/name`); `nil` at the root.
    public var pointerStep: (parent: Origin, token: String)? {
        node.pointerStep.map { (Origin($0.parent), $0.token) }
    }
    /// The path of the file the origin is in, as the reader was given it.
    public var file: String { node.tree.path }

    /// Whether both are in the same file (or the same composed document).
    public func isInSameFile(as other: Origin) -> Bool { node.tree === other.node.tree }

    /// Where the value of the keyword `name` stands in this mapping (`pattern`), so a diagnostic
    /// about it points there; nil when there is no such keyword.
    public func field(_ name: String) -> Origin? { node[name].map(Origin.init) }

    /// Where each item of this list stands, with its source text (`enum`'s values), so a
    /// diagnostic or a generated case points at its own item.
    public var items: [(text: String?, origin: Origin)] { node.items.map { ($0.text, Origin($0)) } }
}

// Each object's origin. Later stages use these, never `node`.
extension OpenAPIDocument { public var origin: Origin { Origin(node) } }
extension SecurityScheme { public var origin: Origin { Origin(node) } }
extension Server { public var origin: Origin { Origin(node) } }
extension Operation {
    public var origin: Origin { Origin(node) }
    /// The operation's method key (`get:`), where its diagnostics point.
    public var methodOrigin: Origin { Origin(methodNode) }
    /// Its `operationId` value, or its method key without one.
    public var operationIdOrigin: Origin { Origin(operationIdNode ?? methodNode) }
}
extension Parameter {
    public var origin: Origin { Origin(node) }
    /// Its `in:` value, where diagnostics about its location point.
    public var locationOrigin: Origin { Origin(node["in"] ?? node) }
    public init(origin: Origin, name: String, location: ParameterLocation) {
        self.init(node: origin.node, name: name, location: location)
    }
}
extension MediaType { public var origin: Origin { Origin(node) } }
extension Encoding { public var origin: Origin { Origin(node) } }
extension Schema {
    public var origin: Origin { Origin(node) }
    /// A schema read at `origin` with nothing in it yet: lowering builds its readings (an `allOf`
    /// of a `$ref` and its siblings) from these.
    public init(origin: Origin) { self.init(node: origin.node) }
}
extension Schema.Property { public var nameOrigin: Origin { Origin(nameNode) } }
extension Discriminator { public var origin: Origin { Origin(node) } }
extension Reference {
    public var origin: Origin { Origin(node) }
    public init(raw: String, targetKey: String?, origin: Origin) {
        self.init(raw: raw, targetKey: targetKey, node: origin.node)
    }
}
extension SecurityRequirement {
    /// Each scheme a requirement names, where its name stands, and its scopes.
    public var schemeOrigins: [(name: String, origin: Origin, scopes: [String])] {
        schemes.map { ($0.name, Origin($0.nameNode), $0.scopes) }
    }
}

extension Diagnostics {
    /// A warning at an origin, for the stages after decoding.
    package mutating func warning(_ message: String, at origin: Origin, kind: String) {
        report(.warning, message, at: origin.node, kind: kind)
    }
}
extension Callback { public var origin: Origin { Origin(node) } }
extension Response { public var origin: Origin { Origin(node) } }
