import LatheYAML

/// The JSON types a schema allows. OpenAPI 3.0's `nullable: true` and 3.1's `type: [T, "null"]` both
/// become `.null` in this set, so later stages see one spelling.
public struct JSONTypes: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let null = JSONTypes(rawValue: 1 << 0)
    public static let boolean = JSONTypes(rawValue: 1 << 1)
    public static let object = JSONTypes(rawValue: 1 << 2)
    public static let array = JSONTypes(rawValue: 1 << 3)
    public static let number = JSONTypes(rawValue: 1 << 4)
    public static let string = JSONTypes(rawValue: 1 << 5)
    public static let integer = JSONTypes(rawValue: 1 << 6)

    public static let names: [(String, JSONTypes)] = [
        ("array", .array), ("boolean", .boolean), ("integer", .integer), ("null", .null),
        ("number", .number), ("object", .object), ("string", .string),
    ]

    public init?(name: String) {
        guard let match = Self.names.first(where: { $0.0 == name }) else { return nil }
        self = match.1
    }

    /// The type names in the set, in a stable order.
    public var typeNames: [String] {
        Self.names.filter { contains($0.1) }.map(\.0)
    }
}

/// Heap storage for a schema inside a schema (items, not, additionalProperties, …).
public final class Box<Value: Sendable & Hashable>: Sendable, Hashable {
    public let value: Value
    public init(_ value: Value) { self.value = value }
    public static func == (lhs: Box, rhs: Box) -> Bool { lhs.value == rhs.value }
    public func hash(into hasher: inout Hasher) { hasher.combine(value) }
}

/// A schema, normalised across OpenAPI 3.0 and 3.1 (JSON Schema 2020-12):
/// - `nullable: true` (3.0) and `type: [T, "null"]` (3.1) both put `.null` into `types`;
/// - 3.0's boolean `exclusiveMinimum`/`exclusiveMaximum` become 3.1's numeric bounds;
/// - `example` (3.0) and `examples` (3.1) both fill `examples`;
/// - boolean schemas: `true` is an empty schema, `false` sets `isFalse`.
/// `$ref` may stand beside other keywords (3.1 allows it, and 3.0 documents do it anyway); the IR
/// decides what those siblings mean.
public struct Schema: Sendable, Hashable {
    public var node: YAMLNode
    public var ref: Reference?
    /// Allowed types; `nil` when the schema does not say (any type).
    public var types: JSONTypes?
    public var format: String?
    public var title: String?
    public var description: String?
    public var enumValues: [JSONValue]?
    public var constValue: JSONValue?
    public var defaultValue: JSONValue?
    public var examples: [YAMLNode] = []

    public var properties: [Property] = []
    public var required: [String] = []
    public var additionalProperties: Box<Schema>?
    public var patternProperties: [Property] = []
    public var propertyNames: Box<Schema>?

    public var items: Box<Schema>?
    public var prefixItems: [Schema]?
    public var contains: Box<Schema>?

    public var allOf: [Schema] = []
    public var anyOf: [Schema] = []
    public var oneOf: [Schema] = []
    public var not: Box<Schema>?
    public var discriminator: Discriminator?

    public var readOnly = false
    public var writeOnly = false
    public var deprecated = false
    /// The boolean schema `false`: no value is valid.
    public var isFalse = false

    public var constraints = Constraints()
    public var defs: [Property] = []
    public var contentMediaType: String?
    public var contentEncoding: String?
    /// JSON Schema keywords Lathe reads but does not model (`if`, `dependentSchemas`, …), kept so later
    /// stages can say what they do not generate.
    public var unmodeledKeywords: [String] = []
    public var extensions = Extensions()

    public init(node: YAMLNode) { self.node = node }

    public struct Property: Sendable, Hashable {
        public var name: String
        public var nameNode: YAMLNode
        public var schema: Schema
    }

    public struct Constraints: Sendable, Hashable {
        public var minLength: Int?
        public var maxLength: Int?
        public var pattern: String?
        public var minimum: JSONNumber?
        public var maximum: JSONNumber?
        public var exclusiveMinimum: JSONNumber?
        public var exclusiveMaximum: JSONNumber?
        public var multipleOf: JSONNumber?
        public var minItems: Int?
        public var maxItems: Int?
        public var uniqueItems = false
        public var minProperties: Int?
        public var maxProperties: Int?
    }

    /// Whether this schema is only a `$ref` (annotations aside): it adds nothing to its target.
    public var isPureReference: Bool {
        ref != nil && types == nil && format == nil && enumValues == nil && constValue == nil
            && properties.isEmpty && additionalProperties == nil && items == nil && prefixItems == nil
            && allOf.isEmpty && anyOf.isEmpty && oneOf.isEmpty && not == nil && constraints == Constraints()
    }
}

public struct Discriminator: Sendable, Hashable {
    public var node: YAMLNode
    public var propertyName: String
    /// Discriminator value → schema `$ref`, in document order.
    public var mapping: [(value: String, reference: Reference)]

    public static func == (lhs: Discriminator, rhs: Discriminator) -> Bool {
        lhs.node == rhs.node && lhs.propertyName == rhs.propertyName
            && lhs.mapping.elementsEqual(rhs.mapping) { $0.value == $1.value && $0.reference == $1.reference }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(node)
        hasher.combine(propertyName)
    }
}
