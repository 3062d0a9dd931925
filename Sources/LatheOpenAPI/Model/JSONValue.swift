import LatheYAML

/// A number exactly as the spec wrote it, so `0.1` or a 30-digit integer loses nothing on its way to code.
public struct JSONNumber: Sendable, Hashable, CustomStringConvertible {
    public var text: String

    public init(_ text: String) { self.text = text }

    public var doubleValue: Double? { Double(text) }
    public var intValue: Int? { Int(text) }
    public var isInteger: Bool { Int(text) != nil }
    public var description: String { text }
}

/// Any JSON value: enum cases, defaults, constants and examples. Objects keep their key order.
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(JSONNumber)
    case string(String)
    case array([JSONValue])
    case object([Member])

    public struct Member: Sendable, Hashable {
        public var key: String
        public var value: JSONValue
        public init(key: String, value: JSONValue) {
            self.key = key
            self.value = value
        }
    }

    /// Converts a YAML node under the core schema: quoted and non-numeric text is a string, `0x1F` an integer.
    public init(_ node: YAMLNode) {
        switch node.kind {
        case .sequence:
            self = .array(node.items.map(JSONValue.init))
        case .mapping:
            self = .object(node.entries.map { Member(key: $0.key.text ?? "", value: JSONValue($0.value)) })
        case .scalar:
            let text = node.text ?? ""
            switch node.scalarType ?? .string {
            case .null: self = .null
            case .bool: self = .bool(text.first == "t" || text.first == "T")
            case .int, .float: self = .number(JSONNumber(text))
            case .string: self = .string(text)
            }
        }
    }

    /// The JSON type name, for messages.
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .number(let number): number.isInteger ? "integer" : "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }
}

/// The `x-` extensions of an object, in document order, as nodes to be read by whoever understands them.
public struct Extensions: Sendable, Hashable {
    public var entries: [(name: String, node: YAMLNode)] = []

    public init() {}

    public subscript(name: String) -> YAMLNode? {
        entries.first { $0.name == name }?.node
    }

    public var isEmpty: Bool { entries.isEmpty }

    public static func == (lhs: Extensions, rhs: Extensions) -> Bool {
        lhs.entries.elementsEqual(rhs.entries) { $0.name == $1.name && $0.node == $1.node }
    }

    public func hash(into hasher: inout Hasher) {
        for entry in entries {
            hasher.combine(entry.name)
            hasher.combine(entry.node)
        }
    }
}
