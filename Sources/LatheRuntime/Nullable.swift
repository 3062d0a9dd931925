/// A value that may be JSON `null`: `Nullable<T>?` tells "absent" (`nil`), "present and null"
/// (`.null`) and "present" (`.value`) apart, so a `null` survives decoding and encoding again.
///
/// Deliberately not `ExpressibleByNilLiteral`: in a `Nullable<T>?`, `nil` must always mean absent.
public enum Nullable<Wrapped> {
    case null
    case value(Wrapped)

    public init(_ value: Wrapped?) {
        self = value.map(Nullable.value) ?? .null
    }

    /// The value, or `nil` when it is `null`.
    public var value: Wrapped? {
        if case .value(let value) = self { return value }
        return nil
    }
}

extension Nullable: Sendable where Wrapped: Sendable {}
extension Nullable: Equatable where Wrapped: Equatable {}
extension Nullable: Hashable where Wrapped: Hashable {}

extension Nullable: Decodable where Wrapped: Decodable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        self = container.decodeNil() ? .null : .value(try container.decode(Wrapped.self))
    }
}

extension Nullable: Encodable where Wrapped: Encodable {
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .value(let value): try container.encode(value)
        }
    }
}

/// Heap storage for a property a generated struct keeps out of line, behind its public type: one
/// whose type contains the struct (a tree node's parent), which Swift cannot hold inline, or a
/// large nested value, which would make copying the struct cost code for every field below it.
/// Immutable, so the struct keeps value semantics: setting the property stores a new box.
public final class Indirect<Wrapped: Sendable>: Sendable {
    public let value: Wrapped

    public init(_ value: Wrapped) { self.value = value }

    /// A stored, boxed tri-state value as its public type. One generic call instead of nested
    /// closures, which the type checker can take seconds over inside a larger expression.
    @_spi(Generated) public static func unbox(_ stored: Nullable<Indirect>?) -> Nullable<Wrapped>? {
        switch stored {
        case nil: nil
        case .null?: .null
        case .value(let box)?: .value(box.value)
        }
    }

    /// A public tri-state value boxed for storage.
    @_spi(Generated) public static func box(_ value: Nullable<Wrapped>?) -> Nullable<Indirect>? {
        switch value {
        case nil: nil
        case .null?: .null
        case .value(let value)?: .value(Indirect(value))
        }
    }
}

/// Printed and dumped as the value it holds, as the property it stands behind would be.
extension Indirect: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String { String(describing: value) }
    public var debugDescription: String { String(reflecting: value) }
    public var customMirror: Mirror { Mirror(reflecting: value) }
}

extension Indirect: Equatable where Wrapped: Equatable {
    public static func == (lhs: Indirect, rhs: Indirect) -> Bool { lhs === rhs || lhs.value == rhs.value }
}

extension Indirect: Hashable where Wrapped: Hashable {
    public func hash(into hasher: inout Hasher) { hasher.combine(value) }
}

// Through single-value containers, not `Wrapped(from:)` and `encode(to:)`: the JSON coders read
// and write a date, a decimal, data or a URL by their strategies only when handed one.
extension Indirect: Decodable where Wrapped: Decodable {
    public convenience init(from decoder: any Decoder) throws {
        self.init(try decoder.singleValueContainer().decode(Wrapped.self))
    }
}

extension Indirect: Encodable where Wrapped: Encodable {
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}
