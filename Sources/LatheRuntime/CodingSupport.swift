import Foundation

/// A coding key for any string: additional properties, discriminator properties.
@_spi(Generated) public struct AnyCodingKey: CodingKey, Sendable, Hashable {
    public let stringValue: String
    public var intValue: Int? { nil }

    public init(_ stringValue: String) { self.stringValue = stringValue }
    public init(stringValue: String) { self.stringValue = stringValue }
    public init?(intValue: Int) { nil }
}

/// Generated types code their properties with string-literal keys (`forKey: "amount"`) rather
/// than a `CodingKeys` enum each, whose synthesized members every build would compile.
extension AnyCodingKey: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) { self.stringValue = value }
}

/// Values generated code writes as literals (defaults), from text Lathe checked when it generated them.
/// Public, not SPI: a default argument is part of the signature users see and call.
public enum Literal {
    /// An exact decimal: `Literal.decimal("0.10")`.
    public static func decimal(_ text: StaticString) -> Decimal {
        guard let value = Decimal(string: "\(text)", locale: posix) else {
            preconditionFailure("'\(text)' is not a decimal number")
        }
        return value
    }

    /// A calendar date: `Literal.date("2026-01-31")`.
    public static func date(_ text: StaticString) -> CalendarDate {
        guard let value = CalendarDate("\(text)") else {
            preconditionFailure("'\(text)' is not a date in the form YYYY-MM-DD")
        }
        return value
    }
}

@_spi(Generated) extension KeyedDecodingContainer {
    /// The value when the key is present, a `null` included (any JSON value holds one, where
    /// `decodeIfPresent` reads it as absent); `nil` only when the key is absent. A function, since
    /// generated `contains(key) ? decode(…) : nil` typed that `nil` as `JSONValue`'s null literal.
    public func decodeKeepingNull<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        contains(key) ? try decode(type, forKey: key) : nil
    }
}

@_spi(Generated) extension Check {
    /// A `const` value: the position must hold exactly `expected`.
    public static func constant(
        _ matches: Bool, expected: String, at path: JSONPath, into issues: inout [ValidationIssue]
    ) {
        if !matches {
            issues.append(ValidationIssue(path: path, message: "must be \(expected)"))
        }
    }

    /// A `oneOf` value whose discriminator names no documented case.
    public static func undocumentedCase(_ name: String, at path: JSONPath, into issues: inout [ValidationIssue]) {
        issues.append(ValidationIssue(path: path, message: "matches none of \(name)'s documented cases"))
    }
}

/// Tables that large generated enums look values up in: an enum's `init(rawValue:)`, a
/// discriminated union's `init(from:)`. A `switch` over the values as string literals would cost
/// the compiler time growing faster than the square of the cases (its mandatory ARC pass took 19 s
/// on an enum's 1,000 values, 35 s on a union's), and at run time compares them one by one.
@_spi(Generated) public enum EnumCoding {
    /// `cases` by their raw values; the first of any two that share one wins, as in a `switch`.
    public static func byRawValue<Value: RawRepresentable>(_ cases: [Value]) -> [Value.RawValue: Value]
    where Value.RawValue: Hashable {
        var index = [Value.RawValue: Value](minimumCapacity: cases.count)
        for item in cases where index[item.rawValue] == nil {
            index[item.rawValue] = item
        }
        return index
    }

    /// A discriminated union's property `name`, as the text its `mapping` keys name: a string as it
    /// is, an integer or a boolean as JSON writes it (some specs discriminate by number, and a
    /// mapping's keys are strings); `nil` when it is absent or null, which selects no alternative.
    /// Another kind of value is a type mismatch, as decoding a string would have thrown.
    public static func discriminator(_ name: String, in decoder: any Decoder) throws -> String? {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        let key = AnyCodingKey(name)
        guard container.contains(key), try !container.decodeNil(forKey: key) else { return nil }
        do {
            return try container.decode(String.self, forKey: key)
        } catch let mismatch as DecodingError {
            guard case .typeMismatch = mismatch else { throw mismatch }
            if let number = try? container.decode(Int64.self, forKey: key) { return String(number) }
            if let number = try? container.decode(UInt64.self, forKey: key) { return String(number) }
            if let flag = try? container.decode(Bool.self, forKey: key) { return flag ? "true" : "false" }
            throw mismatch
        }
    }

    /// Encodes a discriminated union's case whose object declares no discriminator property
    /// (JupyterHub's `User` under `kind`): its keys, and the discriminator `name` with `value`
    /// beside them, without which no decoder could tell the case.
    public static func encode(
        _ object: some Encodable, to encoder: any Encoder, writing value: String, as name: String
    ) throws {
        try object.encode(to: encoder)
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        try container.encode(value, forKey: AnyCodingKey(name))
    }

    /// Each of `values` by its position; the first of any two equal values wins, as in a `switch`.
    /// A discriminated union switches on the position of its discriminator's value.
    public static func positions(_ values: [String]) -> [String: Int] {
        var index = [String: Int](minimumCapacity: values.count)
        for (position, value) in values.enumerated() where index[value] == nil {
            index[value] = position
        }
        return index
    }
}

/// `anyOf`: the members a value decoded as are each a view of one JSON value.
@_spi(Generated) public enum AnyOfCoding {
    /// Writes the members that hold an object (`nil` for each that holds none) as one JSON object;
    /// `false` when none does. One is written as itself. Several are merged, deeply: where two hold
    /// objects under one key (PeerTube's runner job payloads, each member reading its own keys of
    /// `input`), the object keeps both's keys, and lists of one length merge item by item, so no
    /// member's view is lost; any other value is the last member's, as when each wrote its keys in
    /// turn.
    public static func encodeObjects(_ objects: [(any Encodable)?], to encoder: any Encoder) throws -> Bool {
        let present = objects.compactMap { $0 }
        guard let first = present.first else { return false }
        if present.count == 1 {
            try first.encode(to: encoder)
            return true
        }
        // One encoder for all: making one costs as much as a small object's round trip.
        let jsonEncoder = JSONCoding.encoder()
        var merged = JSONValue.object([:])
        for object in present {
            merged = self.merged(merged, try JSONValue.encoding(object, with: jsonEncoder))
        }
        guard case .object(let members) = merged else {
            var container = encoder.singleValueContainer()
            try container.encode(merged)
            return true
        }
        try CompositeCoding.write(members, to: encoder)
        return true
    }

    static func merged(_ earlier: JSONValue, _ later: JSONValue) -> JSONValue {
        switch (earlier, later) {
        case (.object(var members), .object(let others)):
            for (key, value) in others {
                members[key] = members[key].map { merged($0, value) } ?? value
            }
            return .object(members)
        case (.array(let items), .array(let others)) where items.count == others.count:
            return .array(zip(items, others).map { merged($0, $1) })
        default:
            return later
        }
    }
}

/// `allOf` of an object and a `oneOf`/`anyOf`: one JSON object that generated code reads as a
/// struct's properties and, whole, as the union.
@_spi(Generated) public enum CompositeCoding {
    /// Writes `value`'s members into the JSON object `encoder` is writing, beside the properties
    /// written there. The value is encoded on its own first: a union writes itself through a
    /// single-value container, which cannot share an encoder with the properties' keyed one.
    ///
    /// Members named in `ownKeys` are left out: the struct's properties hold them (`nil` for an
    /// optional one it left absent that an alternative requires, whose copy here goes out: a value
    /// made from the union alone keeps its discriminator). Both read the one JSON object, so
    /// an alternative that restates a property, or an undocumented case holding the whole object,
    /// holds a copy that the struct's property alone may be changed in; written last, the copy
    /// would undo the change.
    public static func encodeMerged<Value: Encodable>(
        _ value: Value, to encoder: any Encoder, except ownKeys: [String?] = []
    ) throws {
        guard case .object(let members) = try JSONValue.encoding(value) else {
            throw EncodingError.invalidValue(
                value,
                EncodingError.Context(
                    codingPath: encoder.codingPath,
                    debugDescription: "\(Value.self) is not a JSON object, so it cannot be merged into one"))
        }
        try write(members, to: encoder, except: ownKeys)
    }

    /// Writes `members` into the JSON object `encoder` is writing, in the order of their keys,
    /// but those in `ownKeys`.
    static func write(_ members: [String: JSONValue], to encoder: any Encoder, except ownKeys: [String?] = []) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        for (key, member) in members.sorted(by: { $0.key < $1.key }) where !ownKeys.contains(key) {
            try container.encode(member, forKey: AnyCodingKey(key))
        }
    }
}
