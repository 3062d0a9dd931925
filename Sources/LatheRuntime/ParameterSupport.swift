import Foundation

@_spi(Generated) extension URIValue {
    /// A primitive parameter (a string, a number, a date, an enum, …).
    public static func of(_ value: some URIPrimitive) -> URIValue { .primitive(value.uriText) }

    /// An array of primitives.
    public static func of(_ values: [some URIPrimitive]) -> URIValue { .array(values.map(\.uriText)) }

    /// A map of primitives, members in key order.
    public static func of(_ values: [String: some URIPrimitive]) -> URIValue {
        .object(values.keys.sorted().map { URIMember($0, values[$0]!.uriText) })
    }

    /// An object parameter: its members, each as text (nested values as JSON).
    public static func of(object value: some Encodable) throws -> URIValue {
        guard case .object(let members) = try JSONValue.encoding(value) else { return .object([]) }
        return .members(of: members)
    }

    /// An object's members in key order, each as its text (`JSONValue.uriText`), nulls left out.
    static func members(of object: [String: JSONValue]) -> URIValue {
        .object(object.keys.sorted().compactMap { key in object[key]!.uriText.map { URIMember(key, $0) } })
    }

    /// A parameter described by `content` (its value is JSON text).
    public static func of(json value: some Encodable) throws -> URIValue {
        .primitive(String(decoding: try JSONCoding.encoder().encode(value), as: UTF8.self))
    }
}

extension JSONValue {
    /// The value as a URI or a form carries it: a scalar's text, a list or an object as JSON; `nil`
    /// for null, which neither can spell.
    var uriText: String? {
        switch self {
        case .null: nil
        case .bool(let flag): flag ? "true" : "false"
        case .number(let number): number.description
        case .string(let text): text
        case .array, .object: String(decoding: (try? JSONCoding.encoder().encode(self)) ?? Data(), as: UTF8.self)
        }
    }
}

/// Typed parameter values from what `URIDecoding` read: servers read parameters with these, and
/// clients read response headers with them.
@_spi(Generated) extension URIDecoding {
    /// A primitive parameter, or `nil` when absent; a `RequestError` when it does not parse.
    public static func primitive<T: URIPrimitive>(_ value: URIValue?, as type: T.Type, at name: String) throws -> T? {
        guard let value else { return nil }
        guard case .primitive(let text) = value, let result = T(uriText: text) else {
            throw RequestError(at: name, "is not a valid \(describe(T.self))")
        }
        return result
    }

    public static func array<T: URIPrimitive>(_ value: URIValue?, of type: T.Type, at name: String) throws -> [T]? {
        guard let value else { return nil }
        guard case .array(let texts) = value else { throw RequestError(at: name, "must be a list") }
        return try texts.enumerated().map { index, text in
            guard let item = T(uriText: text) else {
                throw RequestError(at: "\(name)[\(index)]", "is not a valid \(describe(T.self))")
            }
            return item
        }
    }

    public static func map<T: URIPrimitive>(_ value: URIValue?, of type: T.Type, at name: String) throws -> [String: T]?
    {
        guard let value else { return nil }
        guard case .object(let members) = value else { throw RequestError(at: name, "must be an object") }
        var result: [String: T] = [:]
        for member in members {
            guard let item = T(uriText: member.value) else {
                throw RequestError(at: "\(name).\(member.name)", "is not a valid \(describe(T.self))")
            }
            result[member.name] = item
        }
        return result
    }

    /// An object parameter: its members' texts read as what each member needs (`BodyCoding.decodeTextMembers`).
    public static func object<T: Decodable>(_ value: URIValue?, as type: T.Type, at name: String) throws -> T? {
        guard let value else { return nil }
        guard case .object(let members) = value else { throw RequestError(at: name, "must be an object") }
        do {
            // A member given twice keeps its last value, as a parameter object always has.
            var last: [String: Int] = [:]
            for (index, member) in members.enumerated() { last[member.name] = index }
            let unique = members.enumerated().filter { last[$0.element.name] == $0.offset }.map {
                ($0.element.name, $0.element.value)
            }
            return try BodyCoding.decodeTextMembers(T.self, unique)
        } catch {
            throw RequestError(at: name, "does not have the members the spec describes")
        }
    }

    /// A parameter described by `content`: JSON text.
    public static func json<T: Decodable>(_ value: URIValue?, as type: T.Type, at name: String) throws -> T? {
        guard let value else { return nil }
        guard case .primitive(let text) = value,
            let result = try? JSONCoding.decoder().decode(T.self, from: Data(text.utf8))
        else {
            throw RequestError(at: name, "is not the JSON the spec describes")
        }
        return result
    }

    /// A required parameter's value, or a `RequestError` saying it is missing.
    public static func required<T>(_ value: T?, at name: String) throws -> T {
        guard let value else { throw RequestError(at: name, "is required") }
        return value
    }

    static func describe(_ type: Any.Type) -> String {
        switch type {
        case is Int.Type, is Int32.Type, is Int64.Type, is UInt64.Type: "integer"
        case is Double.Type, is Float.Type, is Decimal.Type: "number"
        case is Bool.Type: "boolean (true or false)"
        case is Date.Type: "date-time (RFC 3339)"
        case is CalendarDate.Type: "date (YYYY-MM-DD)"
        case is UUID.Type: "UUID"
        default: "value"
        }
    }
}
