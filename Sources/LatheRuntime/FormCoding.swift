import Foundation
import OpenAPIRuntime

/// How a member of an `application/x-www-form-urlencoded` body is written when its Encoding
/// object gives `style`, `explode` or `allowReserved`: as a query parameter of that style
/// (OpenAPI 3.1.1 and 3.2: its `contentType` is then ignored). A member without one is written by
/// its content type: text as it is, a list as one pair per item, an object as JSON text.
@_spi(Generated) public struct FormStyle: Sendable, Hashable {
    public var style: ParameterStyle
    public var explode: Bool
    public var allowReserved: Bool
    /// What the member holds, which a server needs to read an exploded object's spread pairs.
    public var shape: URIValue.Shape

    public init(_ style: ParameterStyle, explode: Bool, allowReserved: Bool = false, shape: URIValue.Shape) {
        self.style = style
        self.explode = explode
        self.allowReserved = allowReserved
        self.shape = shape
    }
}

@_spi(Generated) extension BodyCoding {
    /// `application/x-www-form-urlencoded` from an object, each member as `styles` or its content
    /// type says (`FormStyle`).
    public static func form(_ value: some Encodable, styles: [String: FormStyle] = [:]) throws -> HTTPBody {
        HTTPBody(try formPairs(value, styles: styles).joined(separator: "&"))
    }

    /// Decodes an `application/x-www-form-urlencoded` body into an object (see `FormReading`).
    public static func decodeForm<T: Decodable>(
        _ type: T.Type, from body: HTTPBody?, styles: [String: FormStyle] = [:]
    ) async throws -> T {
        try decodeForm(T.self, fromText: try await self.text(body)[...], styles: styles)
    }

    /// An object's `name=value` pairs as a form writes them, percent-encoded, in key order.
    static func formPairs(_ value: some Encodable, styles: [String: FormStyle] = [:]) throws -> [String] {
        let object = try JSONDecoder().decode(JSONValue.self, from: JSONCoding.encoder().encode(value))
        guard case .object(let members) = object else { return [] }
        var parts: [String] = []
        for key in members.keys.sorted() {
            let member = members[key]!
            if let style = styles[key] {
                parts += styledPairs(key, member, style)
                continue
            }
            for text in contentTexts(member) {
                parts.append(
                    URIEncoding.percentEncode(key, allowReserved: false) + "="
                        + URIEncoding.percentEncode(text, allowReserved: false))
            }
        }
        return parts
    }

    /// A member by content type: a scalar's text, a list's items one by one, an object as JSON.
    private static func contentTexts(_ value: JSONValue) -> [String] {
        switch value {
        case .null: []
        case .array(let items): items.flatMap(contentTexts)
        default: [text(value)]
        }
    }

    private static func text(_ value: JSONValue) -> String {
        switch value {
        case .null: ""
        case .bool(let flag): flag ? "true" : "false"
        case .number(let number): number.description
        case .string(let text): text
        case .array, .object: String(decoding: (try? JSONCoding.encoder().encode(value)) ?? Data(), as: UTF8.self)
        }
    }

    private static func styledPairs(_ name: String, _ value: JSONValue, _ style: FormStyle) -> [String] {
        switch (style.style, value) {
        case (_, .null): return []
        case (.deepObject, .object), (.deepObject, .array):
            return deepPairs(URIEncoding.percentEncode(name, allowReserved: false), value, style.allowReserved)
        case (_, .array(let items)):
            return URIEncoding.query(
                .array(items.filter { $0 != .null }.map(text)), name: name, style: style.style,
                explode: style.explode, allowReserved: style.allowReserved)
        case (_, .object(let members)):
            let pairs = members.keys.sorted().filter { members[$0] != .null }.map { URIMember($0, text(members[$0]!)) }
            return URIEncoding.query(
                .object(pairs), name: name, style: style.style, explode: style.explode,
                allowReserved: style.allowReserved)
        default:
            return URIEncoding.query(
                .primitive(text(value)), name: name, style: style.style, explode: style.explode,
                allowReserved: style.allowReserved)
        }
    }

    /// `deepObject` past what OpenAPI defines (an object of scalars, `name[key]=…`): a nested object
    /// as `name[key][inner]=…` and a list's items as `name[0]=…`, as Stripe and the `qs` library
    /// write them. Brackets percent-encoded, as OpenAPI's Appendix E asks.
    private static func deepPairs(_ prefix: String, _ value: JSONValue, _ allowReserved: Bool) -> [String] {
        switch value {
        case .null: []
        case .object(let members):
            members.keys.sorted().flatMap { key in
                deepPairs(
                    prefix + "%5B" + URIEncoding.percentEncode(key, allowReserved: false) + "%5D", members[key]!,
                    allowReserved)
            }
        case .array(let items):
            items.enumerated().flatMap { deepPairs(prefix + "%5B\($0.offset)%5D", $0.element, allowReserved) }
        default: [prefix + "=" + URIEncoding.percentEncode(text(value), allowReserved: allowReserved)]
        }
    }

    /// Decodes form text (a body's, or a whole query's) into an object; a `RequestError` says which
    /// member is wrong.
    static func decodeForm<T: Decodable>(
        _ type: T.Type, fromText text: Substring, styles: [String: FormStyle] = [:]
    ) throws -> T {
        do {
            var reading = FormReading(pairs: URIDecoding.queryItems(text), styles: styles)
            return try reading.decode(T.self)
        } catch let error as DecodingError {
            throw RequestError([ValidationIssue(path: path(of: error), message: message(of: error))])
        }
    }

    /// An object whose members arrive as text (an object parameter in a URI): each read as what its
    /// member needs (`FormReading`).
    static func decodeTextMembers<T: Decodable>(_ type: T.Type, _ members: [(name: String, value: String)]) throws -> T
    {
        var reading = FormReading(pairs: members.map { URIMember($0.name, $0.value) }, styles: [:])
        return try reading.decode(T.self)
    }
}

/// A form's pairs read back into an object, each value as what its member's type needs. Text that
/// spells a number or a boolean is tried as one; where the decoder wants something else, that
/// place is read again and the whole decoded again: as text, a lone value as a list of one, text
/// as JSON (an object member, which a form carries as JSON text), numbered members as an object
/// rather than a list. A name given several times is a list; `deepObject` members
/// (`name[key][inner]`) nest. Places in lists are read alike, so a list costs no more retries than
/// one item.
struct FormReading {
    indirect enum Node {
        case text(String)
        case list([String])
        case members([(key: String, node: Node)])
    }

    enum Reading: Hashable { case text, list, object }

    /// The members in the order first given.
    private var members: [(key: String, node: Node)] = []
    private var readings: Set<Place> = []

    private struct Place: Hashable {
        var path: [String]
        var reading: Reading
    }

    /// More retries than a form's places need; past them the error stands (a body of many wrong
    /// values would otherwise be decoded once per value).
    private static let retryLimit = 64

    init(pairs: [URIMember], styles: [String: FormStyle]) {
        var claimed = Set<Int>()
        var read: [(key: String, node: Node)] = []
        for (name, style) in styles.sorted(by: { $0.key < $1.key }) {
            if style.style == .deepObject {
                var tree: [(key: String, node: Node)] = []
                for (index, pair) in pairs.enumerated() {
                    guard let keys = Self.bracketKeys(pair.name, after: name) else { continue }
                    claimed.insert(index)
                    Self.insert(pair.value, at: keys[...], into: &tree)
                }
                if !tree.isEmpty { read.append((name, .members(tree))) }
                continue
            }
            let mine = pairs.indices.filter { pairs[$0].name == name }
            // An exploded form object spreads its members over the form: every pair is a candidate.
            let spread = style.shape == .object && style.explode && style.style == .form
            guard
                let value = URIDecoding.query(
                    spread ? pairs : mine.map { pairs[$0] }, name: name, style: style.style, explode: style.explode,
                    as: style.shape)
            else { continue }
            claimed.formUnion(mine)
            switch value {
            case .primitive(let text): read.append((name, .text(text)))
            case .array(let items): read.append((name, .list(items)))
            case .object(let pairs): read.append((name, .members(pairs.map { ($0.name, .text($0.value)) })))
            }
        }
        var positions: [String: Int] = [:]
        for (index, pair) in pairs.enumerated() where !claimed.contains(index) && styles[pair.name] == nil {
            if let position = positions[pair.name] {
                switch read[position].node {
                case .text(let first): read[position].node = .list([first, pair.value])
                case .list(let items): read[position].node = .list(items + [pair.value])
                case .members: break
                }
            } else {
                positions[pair.name] = read.count
                read.append((pair.name, .text(pair.value)))
            }
        }
        members = read
    }

    /// `name[a][b]` → `["a", "b"]`; `nil` for another name, or brackets that do not close.
    private static func bracketKeys(_ text: String, after name: String) -> [String]? {
        guard text.hasPrefix(name + "[") else { return nil }
        var keys: [String] = []
        var rest = text.dropFirst(name.count)
        while !rest.isEmpty {
            guard rest.first == "[", let close = rest.firstIndex(of: "]") else { return nil }
            keys.append(String(rest[rest.index(after: rest.startIndex) ..< close]))
            rest = rest[rest.index(after: close)...]
        }
        return keys
    }

    private static func insert(
        _ value: String, at keys: ArraySlice<String>, into members: inout [(key: String, node: Node)]
    ) {
        guard let key = keys.first else { return }
        let index = members.firstIndex { $0.key == key }
        if keys.count == 1 {
            // A key given twice is a list, as a plain form's names are.
            switch index.map({ members[$0].node }) {
            case nil: members.append((key, .text(value)))
            case .text(let first)?: members[index!].node = .list([first, value])
            case .list(let items)?: members[index!].node = .list(items + [value])
            case .members?: break
            }
            return
        }
        var inner: [(key: String, node: Node)] = []
        if let index, case .members(let existing) = members[index].node { inner = existing }
        insert(value, at: keys.dropFirst(), into: &inner)
        if let index { members[index].node = .members(inner) } else { members.append((key, .members(inner))) }
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        var retries = 0
        while true {
            let object = JSONValue.object(
                Dictionary(
                    members.map { ($0.key, json($0.node, at: [$0.key])) }, uniquingKeysWith: { first, _ in first }))
            do {
                return try JSONCoding.decoder().decode(T.self, from: JSONCoding.encoder().encode(object))
            } catch let error as DecodingError {
                guard case .typeMismatch(let expected, let context) = error, retries < Self.retryLimit else {
                    throw error
                }
                let path = context.codingPath.map { $0.intValue != nil ? "[]" : $0.stringValue }
                let wanted: Reading
                if expected == String.self {
                    wanted = .text
                } else if ObjectIdentifier(expected) == ObjectIdentifier([Any].self) {
                    wanted = .list
                } else if ObjectIdentifier(expected) == ObjectIdentifier([String: Any].self) {
                    wanted = .object
                } else {
                    throw error
                }
                guard readings.insert(Place(path: path, reading: wanted)).inserted else { throw error }
                retries += 1
            }
        }
    }

    /// A place's value as JSON, as its readings say. Places in a list are one place (`[]`).
    private func json(_ node: Node, at path: [String]) -> JSONValue {
        switch node {
        case .text(let text):
            if readings.contains(Place(path: path, reading: .list)) { return .array([json(node, at: path + ["[]"])]) }
            if readings.contains(Place(path: path, reading: .object)),
                let value = try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
            {
                return value
            }
            return readings.contains(Place(path: path, reading: .text)) ? .string(text) : Self.inferred(text)
        case .list(let items):
            return .array(items.map { json(.text($0), at: path + ["[]"]) })
        case .members(let members):
            // Numbered from 0, in order: a list (`items[0][price]`), unless read as an object.
            let isNumbered = members.enumerated().allSatisfy { $0.element.key == String($0.offset) }
            if isNumbered, !readings.contains(Place(path: path, reading: .object)) {
                return .array(members.map { json($0.node, at: path + ["[]"]) })
            }
            return .object(
                Dictionary(
                    members.map { ($0.key, json($0.node, at: path + [$0.key])) },
                    uniquingKeysWith: { first, _ in first }))
        }
    }

    private static func inferred(_ text: String) -> JSONValue {
        if text == "true" || text == "false" { return .bool(text == "true") }
        if isDecimalText(text), let number = Decimal(string: text, locale: posix) { return .number(number) }
        return .string(text)
    }
}
