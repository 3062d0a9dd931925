import Foundation

// RFC 9562 §4: a UUID's hexadecimal digits "are output as lowercase characters and are case
// insensitive on input". Foundation's `UUID` encodes itself as `uuidString`, in upper case, so an ID
// a server sent in lower case would go back to it in upper case, and a server that compares IDs as
// text would not find its own. Lathe's JSON coders and URI coding write every UUID in lower case;
// reading accepts either case.

extension UUID {
    /// The RFC 9562 text: lower-case hexadecimal digits.
    var lowercasedText: String { uuidString.lowercased() }
}

/// The JSON encoder `JSONCoding.encoder()` returns: Foundation's, with every UUID in the value
/// written in lower case, wherever it stands (a property, an array's item, a dictionary's key or
/// value, a `Nullable`, a `oneOf` member).
///
/// It encodes the value through `LowercasingEncoder`, which hands every value on to Foundation's
/// encoder as it came, except UUIDs, which go as their lower-case text, and values that might hold
/// one, which go wrapped so that the values inside them take the same way. Dates, data, URLs and
/// decimals always go unwrapped: Foundation's encoder applies its strategies by their type.
/// (`encode(_:configuration:)`, which Lathe does not call, is Foundation's own.)
final class LowercaseUUIDJSONEncoder: JSONEncoder, @unchecked Sendable {
    override func encode<T: Encodable>(_ value: T) throws -> Data {
        switch EncodingRoute(value) {
        case .uuid(let text): try super.encode(text)
        case .direct: try super.encode(value)
        case .wrapped: try super.encode(LowercasedUUIDs(value: value))
        }
    }
}

/// How a value goes to the encoder below.
private enum EncodingRoute {
    /// A UUID, as its lower-case text.
    case uuid(String)
    /// As it is: it holds no UUID, or the encoder below treats its type specially.
    case direct
    /// Inside `LowercasedUUIDs`, which looks at the values it holds.
    case wrapped

    init<T: Encodable>(_ value: T) {
        if T.self == UUID.self, let uuid = value as? UUID {
            self = .uuid(uuid.lowercasedText)
        } else if T.self is any HoldsNoUUID.Type {
            self = .direct
        } else {
            self = .wrapped
        }
    }
}

/// Types that hold no UUID, or that Foundation's encoder must see as themselves (dates, data,
/// URLs, decimals): they go to it unwrapped. Arrays of them keep its fast path for arrays of
/// numbers and strings.
private protocol HoldsNoUUID {}

extension String: HoldsNoUUID {}
extension Bool: HoldsNoUUID {}
extension Int: HoldsNoUUID {}
extension Int32: HoldsNoUUID {}
extension Int64: HoldsNoUUID {}
extension UInt64: HoldsNoUUID {}
extension Double: HoldsNoUUID {}
extension Float: HoldsNoUUID {}
extension Date: HoldsNoUUID {}
extension Data: HoldsNoUUID {}
extension URL: HoldsNoUUID {}
extension Decimal: HoldsNoUUID {}
extension CalendarDate: HoldsNoUUID {}
extension JSONValue: HoldsNoUUID {}
extension Optional: HoldsNoUUID where Wrapped: HoldsNoUUID {}
extension Array: HoldsNoUUID where Element: HoldsNoUUID {}
extension Dictionary: HoldsNoUUID where Key: HoldsNoUUID, Value: HoldsNoUUID {}
extension Nullable: HoldsNoUUID where Wrapped: HoldsNoUUID {}

/// A value whose UUIDs are written in lower case: it encodes itself through `LowercasingEncoder`.
private struct LowercasedUUIDs<Value: Encodable>: Encodable {
    let value: Value

    func encode(to encoder: any Encoder) throws {
        try value.encode(to: LowercasingEncoder(base: encoder))
    }
}

/// An encoder that hands everything on to `base`, its containers too, routing each value by
/// `EncodingRoute`.
private struct LowercasingEncoder: Encoder {
    let base: any Encoder

    var codingPath: [any CodingKey] { base.codingPath }
    var userInfo: [CodingUserInfoKey: Any] { base.userInfo }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(LowercasingKeyedContainer(base: base.container(keyedBy: type)))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        LowercasingUnkeyedContainer(base: base.unkeyedContainer())
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        LowercasingSingleValueContainer(base: base.singleValueContainer())
    }
}

private struct LowercasingKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    var base: KeyedEncodingContainer<Key>

    var codingPath: [any CodingKey] { base.codingPath }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        switch EncodingRoute(value) {
        case .uuid(let text): try base.encode(text, forKey: key)
        case .direct: try base.encode(value, forKey: key)
        case .wrapped: try base.encode(LowercasedUUIDs(value: value), forKey: key)
        }
    }

    mutating func encodeNil(forKey key: Key) throws { try base.encodeNil(forKey: key) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { try base.encode(value, forKey: key) }
    mutating func encode(_ value: String, forKey key: Key) throws { try base.encode(value, forKey: key) }
    mutating func encode(_ value: Double, forKey key: Key) throws { try base.encode(value, forKey: key) }
    mutating func encode(_ value: Float, forKey key: Key) throws { try base.encode(value, forKey: key) }
    mutating func encode(_ value: Int, forKey key: Key) throws { try base.encode(value, forKey: key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { try base.encode(value, forKey: key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { try base.encode(value, forKey: key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { try base.encode(value, forKey: key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { try base.encode(value, forKey: key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { try base.encode(value, forKey: key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { try base.encode(value, forKey: key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { try base.encode(value, forKey: key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { try base.encode(value, forKey: key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { try base.encode(value, forKey: key) }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        KeyedEncodingContainer(
            LowercasingKeyedContainer<NestedKey>(base: base.nestedContainer(keyedBy: keyType, forKey: key)))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        LowercasingUnkeyedContainer(base: base.nestedUnkeyedContainer(forKey: key))
    }

    mutating func superEncoder() -> any Encoder { LowercasingEncoder(base: base.superEncoder()) }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        LowercasingEncoder(base: base.superEncoder(forKey: key))
    }
}

private struct LowercasingUnkeyedContainer: UnkeyedEncodingContainer {
    var base: any UnkeyedEncodingContainer

    var codingPath: [any CodingKey] { base.codingPath }
    var count: Int { base.count }

    mutating func encode<T: Encodable>(_ value: T) throws {
        switch EncodingRoute(value) {
        case .uuid(let text): try base.encode(text)
        case .direct: try base.encode(value)
        case .wrapped: try base.encode(LowercasedUUIDs(value: value))
        }
    }

    mutating func encodeNil() throws { try base.encodeNil() }
    mutating func encode(_ value: Bool) throws { try base.encode(value) }
    mutating func encode(_ value: String) throws { try base.encode(value) }
    mutating func encode(_ value: Double) throws { try base.encode(value) }
    mutating func encode(_ value: Float) throws { try base.encode(value) }
    mutating func encode(_ value: Int) throws { try base.encode(value) }
    mutating func encode(_ value: Int8) throws { try base.encode(value) }
    mutating func encode(_ value: Int16) throws { try base.encode(value) }
    mutating func encode(_ value: Int32) throws { try base.encode(value) }
    mutating func encode(_ value: Int64) throws { try base.encode(value) }
    mutating func encode(_ value: UInt) throws { try base.encode(value) }
    mutating func encode(_ value: UInt8) throws { try base.encode(value) }
    mutating func encode(_ value: UInt16) throws { try base.encode(value) }
    mutating func encode(_ value: UInt32) throws { try base.encode(value) }
    mutating func encode(_ value: UInt64) throws { try base.encode(value) }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type
    ) -> KeyedEncodingContainer<NestedKey> {
        KeyedEncodingContainer(LowercasingKeyedContainer<NestedKey>(base: base.nestedContainer(keyedBy: keyType)))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        LowercasingUnkeyedContainer(base: base.nestedUnkeyedContainer())
    }

    mutating func superEncoder() -> any Encoder { LowercasingEncoder(base: base.superEncoder()) }
}

private struct LowercasingSingleValueContainer: SingleValueEncodingContainer {
    var base: any SingleValueEncodingContainer

    var codingPath: [any CodingKey] { base.codingPath }

    mutating func encode<T: Encodable>(_ value: T) throws {
        switch EncodingRoute(value) {
        case .uuid(let text): try base.encode(text)
        case .direct: try base.encode(value)
        case .wrapped: try base.encode(LowercasedUUIDs(value: value))
        }
    }

    mutating func encodeNil() throws { try base.encodeNil() }
    mutating func encode(_ value: Bool) throws { try base.encode(value) }
    mutating func encode(_ value: String) throws { try base.encode(value) }
    mutating func encode(_ value: Double) throws { try base.encode(value) }
    mutating func encode(_ value: Float) throws { try base.encode(value) }
    mutating func encode(_ value: Int) throws { try base.encode(value) }
    mutating func encode(_ value: Int8) throws { try base.encode(value) }
    mutating func encode(_ value: Int16) throws { try base.encode(value) }
    mutating func encode(_ value: Int32) throws { try base.encode(value) }
    mutating func encode(_ value: Int64) throws { try base.encode(value) }
    mutating func encode(_ value: UInt) throws { try base.encode(value) }
    mutating func encode(_ value: UInt8) throws { try base.encode(value) }
    mutating func encode(_ value: UInt16) throws { try base.encode(value) }
    mutating func encode(_ value: UInt32) throws { try base.encode(value) }
    mutating func encode(_ value: UInt64) throws { try base.encode(value) }
}
