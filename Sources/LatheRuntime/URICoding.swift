import Foundation
import HTTPTypes

/// How a parameter is serialized (OpenAPI's `style`).
@_spi(Generated) public enum ParameterStyle: String, Sendable, Hashable {
    case matrix, label, simple, form, spaceDelimited, pipeDelimited, deepObject, cookie
}

/// A parameter's value in the three shapes OpenAPI styles know, its leaves already text.
@_spi(Generated) public enum URIValue: Sendable, Hashable {
    case primitive(String)
    case array([String])
    /// Member name and value pairs, in order.
    case object([URIMember])

    public enum Shape: Sendable, Hashable { case primitive, array, object }
}

@_spi(Generated) public struct URIMember: Sendable, Hashable {
    public var name: String
    public var value: String
    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

/// Parameter serialization as OpenAPI 3.x defines it (RFC 6570 expansions for `matrix`, `label`,
/// `simple` and `form`, plus `spaceDelimited`, `pipeDelimited` and `deepObject`). Values are
/// percent-encoded so that only RFC 3986 unreserved characters stay as they are, unless
/// `allowReserved` keeps the reserved ones too. The result is always a valid URL: the `|` of
/// `pipeDelimited` and the brackets of `deepObject`, which OpenAPI's examples show bare, are
/// percent-encoded (`%7C`, `%5B`, `%5D`), because transports parse request paths with
/// `URLComponents`, which encodes a string with such characters a second time, `%` and all.
@_spi(Generated) public enum URIEncoding {
    /// The expansion of `{name}` in a path template: `5`, `.5`, `;id=5`, `3,4,5`, `;id=3;id=4`, ….
    public static func path(_ value: URIValue, name: String, style: ParameterStyle, explode: Bool) -> String {
        let e = { percentEncode($0, allowReserved: false) }
        switch (style, value) {
        case (.label, .primitive(let text)): return "." + e(text)
        case (.label, .array(let items)): return "." + items.map(e).joined(separator: explode ? "." : ",")
        case (.label, .object(let members)):
            return "."
                + members.map { explode ? e($0.name) + "=" + e($0.value) : e($0.name) + "," + e($0.value) }.joined(
                    separator: explode ? "." : ",")
        case (.matrix, .primitive(let text)): return ";" + e(name) + "=" + e(text)
        case (.matrix, .array(let items)):
            return explode
                ? items.map { ";" + e(name) + "=" + e($0) }.joined()
                : ";" + e(name) + "=" + items.map(e).joined(separator: ",")
        case (.matrix, .object(let members)):
            return explode
                ? members.map { ";" + e($0.name) + "=" + e($0.value) }.joined()
                : ";" + e(name) + "=" + members.map { e($0.name) + "," + e($0.value) }.joined(separator: ",")
        default:
            return simple(value, explode: explode, encode: e)
        }
    }

    /// The query parts a parameter adds, each `name=value` (join them with `&`).
    public static func query(
        _ value: URIValue, name: String, style: ParameterStyle, explode: Bool, allowReserved: Bool = false
    ) -> [String] {
        let e = { percentEncode($0, allowReserved: allowReserved) }
        let key = percentEncode(name, allowReserved: false)
        switch (style, value) {
        case (.deepObject, .object(let members)):
            return members.map { key + "%5B" + percentEncode($0.name, allowReserved: false) + "%5D=" + e($0.value) }
        case (.spaceDelimited, .array(let items)), (.pipeDelimited, .array(let items)):
            return [key + "=" + items.map(e).joined(separator: style == .spaceDelimited ? "%20" : "%7C")]
        case (.spaceDelimited, .object(let members)), (.pipeDelimited, .object(let members)):
            let separator = style == .spaceDelimited ? "%20" : "%7C"
            return [key + "=" + members.map { e($0.name) + separator + e($0.value) }.joined(separator: separator)]
        case (_, .primitive(let text)):
            return [key + "=" + e(text)]
        case (_, .array(let items)):
            return explode ? items.map { key + "=" + e($0) } : [key + "=" + items.map(e).joined(separator: ",")]
        case (_, .object(let members)):
            return explode
                ? members.map { e($0.name) + "=" + e($0.value) }
                : [key + "=" + members.map { e($0.name) + "," + e($0.value) }.joined(separator: ",")]
        }
    }

    /// A header's value (style `simple`); header values are not percent-encoded.
    public static func header(_ value: URIValue, explode: Bool) -> String {
        simple(value, explode: explode, encode: { $0 })
    }

    /// A cookie's `name=value` pair (style `form`), or with style `cookie` (OpenAPI 3.2) its pairs
    /// as the Cookie header writes them, nothing escaped (values that need escaping are the
    /// caller's to escape, as OpenAPI says): `n=v`; exploded, a list `n=a; n=b` and an object
    /// `k=v; k2=v2`; not exploded, `n=a,b` and `n=k,v,k2,v2`, as `form` writes them.
    public static func cookie(_ value: URIValue, name: String, explode: Bool, style: ParameterStyle = .form) -> String {
        guard style == .cookie else {
            return name + "=" + simple(value, explode: false, encode: { percentEncode($0, allowReserved: false) })
        }
        switch value {
        case .array(let items) where explode && !items.isEmpty:
            return items.map { name + "=" + $0 }.joined(separator: "; ")
        case .object(let members) where explode && !members.isEmpty:
            return members.map { $0.name + "=" + $0.value }.joined(separator: "; ")
        default: return name + "=" + simple(value, explode: false, encode: { $0 })
        }
    }

    private static func simple(_ value: URIValue, explode: Bool, encode e: (String) -> String) -> String {
        switch value {
        case .primitive(let text): e(text)
        case .array(let items): items.map(e).joined(separator: ",")
        case .object(let members):
            members.map { e($0.name) + (explode ? "=" : ",") + e($0.value) }.joined(separator: ",")
        }
    }

    /// RFC 3986 percent-encoding of UTF-8: unreserved characters (`A-Z a-z 0-9 - . _ ~`) stay, and
    /// with `allowReserved` the reserved ones a query can hold (`:/?@!$&'()*+,;=`) too; `#`, `[` and
    /// `]` are always encoded, since they would end the query or make the URL invalid.
    public static func percentEncode(_ text: String, allowReserved: Bool) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            if isUnreserved(byte) || (allowReserved && reserved.contains(byte)) {
                result.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                result +=
                    "%" + String(byte >> 4, radix: 16, uppercase: true) + String(byte & 0xF, radix: 16, uppercase: true)
            }
        }
        return result
    }

    static func isUnreserved(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
            || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_")
            || byte == UInt8(ascii: "~")
    }

    static let reserved = Set(":/?@!$&'()*+,;=".utf8)
}

/// The server side of `URIEncoding`: values back from paths, queries, headers and cookies, in the
/// shape the parameter's schema says. `nil` means the text does not have that shape.
@_spi(Generated) public enum URIDecoding {
    /// A path parameter from its (still percent-encoded) segment text.
    public static func path(
        _ raw: Substring, name: String, style: ParameterStyle, explode: Bool, as shape: URIValue.Shape
    ) -> URIValue? {
        var text = raw
        switch style {
        case .label:
            guard text.first == "." else { return nil }
            text = text.dropFirst()
            let parts = text.split(separator: explode ? "." : ",", omittingEmptySubsequences: false).map(String.init)
            return value(parts.compactMap(percentDecode), shape: shape, explodedObject: explode)
        case .matrix:
            let prefix = ";" + name + "="
            if shape != .object || !explode {
                if explode, shape == .array {
                    let parts = text.split(separator: ";").map { String($0) }
                    guard parts.allSatisfy({ $0.hasPrefix(name + "=") }) else { return nil }
                    return .array(parts.compactMap { percentDecode(String($0.dropFirst(name.count + 1))) })
                }
                guard text.hasPrefix(prefix) else { return nil }
                let parts = text.dropFirst(prefix.count).split(separator: ",", omittingEmptySubsequences: false).map(
                    String.init)
                return value(parts.compactMap(percentDecode), shape: shape, explodedObject: false)
            }
            let members = text.split(separator: ";").compactMap { pair -> URIMember? in
                let halves = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                guard halves.count == 2, let key = percentDecode(String(halves[0])),
                    let value = percentDecode(String(halves[1]))
                else { return nil }
                return URIMember(key, value)
            }
            return .object(members)
        default:
            let parts = text.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            let decoded = parts.compactMap(percentDecode)
            guard decoded.count == parts.count else { return nil }
            return value(decoded, shape: shape, explodedObject: explode)
        }
    }

    /// A header's value (style `simple`).
    public static func header(_ text: String, explode: Bool, as shape: URIValue.Shape) -> URIValue? {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map {
            String($0).trimmingCharacters(in: .whitespaces)
        }
        return value(parts, shape: shape, explodedObject: explode)
    }

    /// The query's `name=value` pairs, percent-decoded (`+` reads as a space, as forms send it).
    public static func queryItems(_ query: Substring) -> [URIMember] {
        query.split(separator: "&").compactMap { pair in
            let halves = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let decode = { (part: Substring) in percentDecode(String(part).replacingOccurrences(of: "+", with: " ")) }
            guard let name = decode(halves[0]) else { return nil }
            return URIMember(name, halves.count > 1 ? decode(halves[1]) ?? "" : "")
        }
    }

    /// A query parameter from the decoded query items; `nil` when absent or of another shape.
    public static func query(
        _ items: [URIMember], name: String, style: ParameterStyle, explode: Bool, as shape: URIValue.Shape
    ) -> URIValue? {
        if style == .deepObject {
            let prefix = name + "["
            let members = items.filter { $0.name.hasPrefix(prefix) && $0.name.hasSuffix("]") }
                .map { URIMember(String($0.name.dropFirst(prefix.count).dropLast()), $0.value) }
            return members.isEmpty ? nil : .object(members)
        }
        if shape == .object, explode {
            // Exploded form objects spread their members over the query; every item is a candidate.
            return items.isEmpty ? nil : .object(items)
        }
        let values = items.filter { $0.name == name }.map(\.value)
        guard let first = values.first else { return nil }
        switch shape {
        case .primitive:
            return .primitive(first)
        case .array where explode && style == .form:
            return .array(values)
        case .array, .object:
            let separator: Character = style == .spaceDelimited ? " " : style == .pipeDelimited ? "|" : ","
            let parts =
                first.isEmpty
                ? [] : first.split(separator: separator, omittingEmptySubsequences: false).map(String.init)
            return value(parts, shape: shape, explodedObject: false)
        }
    }

    /// A cookie from a `Cookie` header (`a=1; b=2`).
    public static func cookie(
        _ header: String, name: String, as shape: URIValue.Shape, style: ParameterStyle = .form, explode: Bool = false
    ) -> URIValue? {
        let pairs = cookiePairs(header)
        if style == .cookie, explode { return cookieStyle(pairs, name: name, as: shape) }
        guard let pair = pairs.first(where: { $0.name == name }) else { return nil }
        let parts = pair.value.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            .compactMap { style == .cookie ? $0 : percentDecode($0) }
        return value(parts, shape: shape, explodedObject: false)
    }

    /// A `Cookie` header's `name=value` pairs, in order, as written.
    private static func cookiePairs(_ header: String) -> [URIMember] {
        header.split(separator: ";").compactMap { pair in
            let halves = pair.trimmingCharacters(in: .whitespaces).split(
                separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return halves.count == 2 ? URIMember(String(halves[0]), String(halves[1])) : nil
        }
    }

    /// Style `cookie` (OpenAPI 3.2), exploded: values as they stand, not percent-decoded; a list is
    /// every pair of the name, an object every pair of the header (as an exploded form object is).
    private static func cookieStyle(_ pairs: [URIMember], name: String, as shape: URIValue.Shape) -> URIValue? {
        switch shape {
        case .primitive: return pairs.first { $0.name == name }.map { .primitive($0.value) }
        case .array:
            let values = pairs.filter { $0.name == name }.map(\.value)
            return values.isEmpty ? nil : .array(values)
        case .object: return pairs.isEmpty ? nil : .object(pairs)
        }
    }

    // What generated code calls: the parameter looked up by name, then read as above. One call
    // with plain arguments, where a `flatMap` closure around the read made every parameter and
    // response header a closure for the compiler to check (a fifth of a header-heavy client file).

    /// A path parameter by name from the matched path's parameters (still percent-encoded).
    public static func path(
        named name: String, in parameters: [String: Substring], style: ParameterStyle, explode: Bool,
        as shape: URIValue.Shape
    ) -> URIValue? {
        parameters[name].flatMap { path($0, name: name, style: style, explode: explode, as: shape) }
    }

    /// A header by name (style `simple`); `nil` when absent.
    public static func header(
        named name: String, in fields: HTTPFields, explode: Bool, as shape: URIValue.Shape
    ) -> URIValue? {
        fields.value(name).flatMap { header($0, explode: explode, as: shape) }
    }

    /// A cookie by name from the `Cookie` header; `nil` when absent.
    public static func cookie(
        named name: String, in fields: HTTPFields, as shape: URIValue.Shape, style: ParameterStyle = .form,
        explode: Bool = false
    ) -> URIValue? {
        fields[.cookie].flatMap { cookie($0, name: name, as: shape, style: style, explode: explode) }
    }

    private static func value(_ parts: [String], shape: URIValue.Shape, explodedObject: Bool) -> URIValue? {
        switch shape {
        case .primitive:
            return .primitive(parts.joined(separator: ","))
        case .array:
            return .array(parts.count == 1 && parts[0].isEmpty ? [] : parts)
        case .object:
            if explodedObject {
                return .object(
                    parts.compactMap { part in
                        let halves = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                        return halves.count == 2 ? URIMember(String(halves[0]), String(halves[1])) : nil
                    })
            }
            guard parts.count % 2 == 0 else { return nil }
            return .object(stride(from: 0, to: parts.count, by: 2).map { URIMember(parts[$0], parts[$0 + 1]) })
        }
    }

    /// RFC 3986 percent-decoding; `nil` for a malformed escape or bytes that are not UTF-8.
    public static func percentDecode(_ text: String) -> String? {
        guard text.utf8.contains(UInt8(ascii: "%")) else { return text }
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8)[...]
        while let byte = iterator.popFirst() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard iterator.count >= 2, let high = hex(iterator.removeFirst()), let low = hex(iterator.removeFirst())
            else { return nil }
            bytes.append(high << 4 | low)
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hex(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0") ... UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a") ... UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A") ... UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

/// A value that can stand in a URI, a header or a cookie as text: what parameters are made of.
/// Dates are RFC 3339, calendar dates `YYYY-MM-DD`, numbers exact.
///
/// Public, unlike the rest of the URI coding: generated enums declare the conformance in their own
/// header (they are often nested in another type or a namespace, where no extension can stand), and
/// Swift allows no SPI protocol in a public conformance there.
public protocol URIPrimitive {
    var uriText: String { get }
    init?(uriText: String)
}

extension String: URIPrimitive {
    public var uriText: String { self }
    public init?(uriText: String) { self = uriText }
}

extension Bool: URIPrimitive {
    public var uriText: String { self ? "true" : "false" }
    public init?(uriText: String) {
        switch uriText {
        case "true": self = true
        case "false": self = false
        default: return nil
        }
    }
}

extension Int: URIPrimitive {
    public var uriText: String { String(self) }
    public init?(uriText: String) { self.init(uriText) }
}

extension Int32: URIPrimitive {
    public var uriText: String { String(self) }
    public init?(uriText: String) { self.init(uriText) }
}

extension Int64: URIPrimitive {
    public var uriText: String { String(self) }
    public init?(uriText: String) { self.init(uriText) }
}

extension UInt64: URIPrimitive {
    public var uriText: String { String(self) }
    public init?(uriText: String) { self.init(uriText) }
}

extension Double: URIPrimitive {
    public var uriText: String { String(self) }
    public init?(uriText: String) {
        guard isDecimalText(uriText) else { return nil }
        self.init(uriText)
    }
}

extension Float: URIPrimitive {
    public var uriText: String { String(self) }
    public init?(uriText: String) {
        guard isDecimalText(uriText) else { return nil }
        self.init(uriText)
    }
}

extension Decimal: URIPrimitive {
    public var uriText: String { description }
    public init?(uriText: String) {
        guard isDecimalText(uriText) else { return nil }
        self.init(string: uriText, locale: posix)
    }
}

extension UUID: URIPrimitive {
    public var uriText: String { lowercasedText }
    public init?(uriText: String) { self.init(uuidString: uriText) }
}

extension Date: URIPrimitive {
    public var uriText: String { RFC3339.string(from: self) }
    public init?(uriText: String) {
        guard let date = RFC3339.dateAsConfigured(from: uriText) else { return nil }
        self = date
    }
}

extension CalendarDate: URIPrimitive {
    public var uriText: String { description }
    public init?(uriText: String) { self.init(uriText) }
}

extension NumberOrString: URIPrimitive {
    /// In a URI a number and a string look the same; text that spells a number reads back as one.
    public var uriText: String { description }
    public init?(uriText: String) {
        self =
            isDecimalText(uriText)
            ? Decimal(string: uriText, locale: posix).map(NumberOrString.number) ?? .string(uriText) : .string(uriText)
    }
}

extension DecimalString: URIPrimitive {
    public var uriText: String { text }
    public init?(uriText: String) { self.init(text: uriText) }
}

extension URIPrimitive where Self: RawRepresentable, RawValue: URIPrimitive {
    /// Generated enums travel as their raw values.
    public var uriText: String { rawValue.uriText }
    public init?(uriText: String) {
        guard let raw = RawValue(uriText: uriText) else { return nil }
        self.init(rawValue: raw)
    }
}

extension URL: URIPrimitive {
    public var uriText: String { absoluteString }
    public init?(uriText: String) { self.init(string: uriText) }
}

extension Data: URIPrimitive {
    /// Base64, as `format: byte` says.
    public var uriText: String { base64EncodedString() }
    public init?(uriText: String) { self.init(base64Encoded: uriText) }
}
