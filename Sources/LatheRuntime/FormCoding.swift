import Foundation
import OpenAPIRuntime

/// How a member of an `application/x-www-form-urlencoded` body is written when its Encoding
/// object gives `style`, `explode` or `allowReserved`: as a query parameter of that style
/// (OpenAPI 3.1.1 and 3.2: its `contentType` is then ignored). A member without one is written by
/// its content type: text as it is, a list as one pair per item, an object as JSON text. Reserved
/// characters are percent-encoded either way (`styledPairs`), so `allowReserved` has no part here.
@_spi(Generated) public struct FormStyle: Sendable, Hashable {
    public var style: ParameterStyle
    public var explode: Bool
    /// What the member holds, which a server needs to read an exploded object's spread pairs.
    public var shape: URIValue.Shape
    /// An exploded `form` object's property names: the pairs a server reads as its members (where
    /// `nil`, a map's, every pair of the form but those of the body's `others` members).
    public var keys: [String]?
    public var others: [String]

    public init(
        _ style: ParameterStyle, explode: Bool, shape: URIValue.Shape, keys: [String]? = nil,
        others: [String] = []
    ) {
        self.style = style
        self.explode = explode
        self.shape = shape
        self.keys = keys
        self.others = others
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
        let object = try JSONValue.encoding(value)
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

    /// A member by content type: a scalar's text, an object as JSON, a list's items one by one (an
    /// item that is a list or an object as JSON, as OpenAPI 3.2 says of arrays in arrays).
    private static func contentTexts(_ value: JSONValue) -> [String] {
        switch value {
        case .array(let items): items.compactMap(\.uriText)
        default: value.uriText.map { [$0] } ?? []
        }
    }

    /// A styled member's pairs. Reserved characters are percent-encoded even where `allowReserved`
    /// allows them: a form's `&`, `=` and `+` must be (OpenAPI's Appendix E), and a form decoder
    /// reads the others back the same either way.
    private static func styledPairs(_ name: String, _ value: JSONValue, _ style: FormStyle) -> [String] {
        switch (style.style, value) {
        case (_, .null): return []
        case (.deepObject, .object), (.deepObject, .array):
            return deepPairs(URIEncoding.percentEncode(name, allowReserved: false), value)
        case (_, .array(let items)):
            return URIEncoding.query(
                .array(items.compactMap(\.uriText)), name: name, style: style.style, explode: style.explode)
        case (_, .object(let members)):
            return URIEncoding.query(.members(of: members), name: name, style: style.style, explode: style.explode)
        default:
            return URIEncoding.query(
                .primitive(value.uriText ?? ""), name: name, style: style.style, explode: style.explode)
        }
    }

    /// `deepObject` past what OpenAPI defines (an object of scalars, `name[key]=…`): a nested object
    /// as `name[key][inner]=…` and a list's items as `name[0]=…`, as Stripe and the `qs` library
    /// write them. Brackets percent-encoded, as OpenAPI's Appendix E asks.
    private static func deepPairs(_ prefix: String, _ value: JSONValue) -> [String] {
        switch value {
        case .null: []
        case .object(let members):
            members.keys.sorted().flatMap { key in
                deepPairs(prefix + "%5B" + URIEncoding.percentEncode(key, allowReserved: false) + "%5D", members[key]!)
            }
        case .array(let items):
            // Numbered without gaps: a null item is left out, as a form has no spelling for it.
            items.filter { $0 != .null }.enumerated().flatMap { deepPairs(prefix + "%5B\($0.offset)%5D", $0.element) }
        default: [prefix + "=" + URIEncoding.percentEncode(value.uriText ?? "", allowReserved: false)]
        }
    }

    /// Decodes form text (a body's, or a whole query's) into an object; a `RequestError` says which
    /// member is wrong.
    static func decodeForm<T: Decodable>(
        _ type: T.Type, fromText text: Substring, styles: [String: FormStyle] = [:]
    ) throws -> T {
        do {
            var reading = try FormReading(pairs: URIDecoding.queryItems(text), styles: styles)
            return try reading.decode(T.self)
        } catch let error as DecodingError {
            throw RequestError([ValidationIssue(path: path(of: error), message: message(of: error))])
        }
    }

    /// An object whose members arrive as text (an object parameter in a URI): each read as what its
    /// member needs (`FormReading`).
    static func decodeTextMembers<T: Decodable>(_ type: T.Type, _ members: [(name: String, value: String)]) throws -> T
    {
        var reading = try FormReading(pairs: members.map { URIMember($0.name, $0.value) }, styles: [:])
        return try reading.decode(T.self)
    }
}

/// A form's pairs read back into an object, each value as what its member's type needs. Text that
/// spells a number or a boolean is tried as one, and text that starts like a JSON object (an object
/// member, which a form carries as JSON text) as JSON; where the decoder wants something else,
/// that place is read again and the whole decoded again: as text, a number, a lone value as a list
/// of one, text as JSON, numbered members as an object rather than a list. A name given several
/// times is a list; `deepObject` members (`name[key][inner]`) nest, as deep as a JSON body may.
/// Places in a list are one place, and places beside each other below the top (a map's values) are
/// read together first, so neither costs a retry per item.
struct FormReading {
    indirect enum Node {
        case text(String)
        case list([String])
        case members([(key: String, node: Node)])

        /// One text, or a list of those a name was given several times.
        static func texts(_ texts: [String]) -> Node { texts.count == 1 ? .text(texts[0]) : .list(texts) }
    }

    /// `text` at a place whose last key is `*` reads all the places beside it as text (a map's
    /// values, in one retry however many); `number` at a place reads its text as inferred again
    /// (a struct's number beside text it shares a parent with).
    enum Reading: Hashable { case text, list, object, number }

    /// The members in the order first given.
    private var members: [(key: String, node: Node)] = []
    private var readings: Set<Place> = []
    /// Places beside each other take one retry together, so retries grow with the type's members,
    /// not the form's size; past the limit the error stands (each retry decodes the whole form).
    private static let retryLimit = 128

    private struct Place: Hashable {
        var path: [String]
        var reading: Reading
    }

    /// A `deepObject` member as its pairs build it, in place (a name given many times, or many keys
    /// under one, cost what they add).
    private final class Tree {
        var keys: [String] = []
        var children: [String: Tree] = [:]
        var texts: [String] = []

        func child(_ key: String) -> Tree {
            if let child = children[key] { return child }
            let child = Tree()
            children[key] = child
            keys.append(key)
            return child
        }

        /// A place given both a value and members (`m=x&m[a]=1`) is refused, not read as either.
        func node(at path: JSONPath) throws -> Node {
            if keys.isEmpty { return .texts(texts) }
            guard texts.isEmpty else {
                throw RequestError([ValidationIssue(path: path, message: "is given both a value and members")])
            }
            return try .members(keys.map { ($0, try children[$0]!.node(at: path.key($0))) })
        }
    }

    init(pairs: [URIMember], styles: [String: FormStyle]) throws {
        let depthLimit = (ServerLimits.current ?? ServerLimits()).maximumJSONDepth
        var claimed = Set<Int>()
        var read: [(key: String, node: Node)] = []
        for (name, style) in styles.sorted(by: { $0.key < $1.key }) {
            if style.style == .deepObject {
                let tree = Tree()
                for (index, pair) in pairs.enumerated() {
                    if pair.name == name {
                        // A plain value (an enum, a string) is written as a plain pair.
                        claimed.insert(index)
                        tree.texts.append(pair.value)
                        continue
                    }
                    guard var keys = Self.bracketKeys(pair.name, after: name) else { continue }
                    // `tags[]=a&tags[]=b`, as `qs`, PHP and Rails write a list: the values in order.
                    if keys.last == "" { keys.removeLast() }
                    guard keys.count < depthLimit else {
                        throw RequestError(at: "body", "nests deeper than \(depthLimit) levels")
                    }
                    claimed.insert(index)
                    var place = tree
                    for key in keys { place = place.child(key) }
                    place.texts.append(pair.value)
                }
                if !tree.keys.isEmpty || !tree.texts.isEmpty {
                    read.append((name, try tree.node(at: JSONPath.root.key("body").key(name))))
                }
                continue
            }
            var mine = pairs.indices.filter { pairs[$0].name == name }
            // An exploded form object spreads its members over the form: its own keys, where the
            // spec names them, else every pair no other member has (a map's, which claims none: a
            // pair the spec gave another member stays that member's too).
            let spreads = style.shape == .object && style.explode && style.style == .form
            let spreadsMap = spreads && style.keys == nil
            if spreads {
                if let keys = style.keys {
                    mine = pairs.indices.filter { keys.contains(pairs[$0].name) }
                } else {
                    let others = Set(style.others).union(styles.keys)
                    mine = pairs.indices.filter { index in
                        let pairName = pairs[index].name
                        return !claimed.contains(index) && !others.contains(pairName)
                            && !others.contains(where: { pairName.hasPrefix($0 + "[") })
                    }
                }
            }
            guard !mine.isEmpty,
                let value = URIDecoding.query(
                    mine.map { pairs[$0] }, name: name, style: style.style, explode: style.explode, as: style.shape)
            else { continue }
            if !spreadsMap { claimed.formUnion(mine) }
            switch value {
            case .primitive(let text): read.append((name, .text(text)))
            case .array(let items): read.append((name, .list(items)))
            case .object(let pairs): read.append((name, .members(pairs.map { ($0.name, .text($0.value)) })))
            }
        }
        // The other names, in the order first given, each value appended in place.
        var order: [String] = []
        var values: [String: [String]] = [:]
        for (index, pair) in pairs.enumerated() where !claimed.contains(index) && styles[pair.name] == nil {
            if values[pair.name] == nil { order.append(pair.name) }
            values[pair.name, default: []].append(pair.value)
        }
        for name in order {
            read.append((name, .texts(values[name]!)))
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
                // A list's items are one place (`[]`); a map's keys that spell numbers are keys.
                var path = context.codingPath.map { key in
                    key.intValue.map { key.stringValue == String($0) ? key.stringValue : "[]" } ?? key.stringValue
                }
                let wanted: Reading
                if expected == String.self {
                    wanted = .text
                } else if Self.numberTypes.contains(ObjectIdentifier(expected)) {
                    wanted = .number
                } else if ObjectIdentifier(expected) == ObjectIdentifier([Any].self) {
                    wanted = .list
                } else if ObjectIdentifier(expected) == ObjectIdentifier([String: Any].self) {
                    wanted = .object
                } else {
                    throw error
                }
                // Below the top (a `deepObject` map's values), every place beside it first, in one
                // retry however many keys the map has; then this one alone. At the top, a struct's
                // members, each alone: read beside them, a union's number would turn text.
                if wanted != .number, path.count > 1, let beside = Self.beside(path),
                    !readings.contains(Place(path: beside, reading: wanted))
                {
                    path = beside
                }
                guard readings.insert(Place(path: path, reading: wanted)).inserted else { throw error }
                retries += 1
            }
        }
    }

    private static let numberTypes: Set<ObjectIdentifier> = [
        ObjectIdentifier(Int.self), ObjectIdentifier(Int32.self), ObjectIdentifier(Int64.self),
        ObjectIdentifier(UInt64.self), ObjectIdentifier(Double.self), ObjectIdentifier(Float.self),
        ObjectIdentifier(Decimal.self), ObjectIdentifier(Bool.self),
    ]

    /// A place's value as JSON, as its readings say. Places in a list are one place (`[]`).
    private func json(_ node: Node, at path: [String]) -> JSONValue {
        switch node {
        case .text(let text):
            // This place's own reading, then one for the places beside it, then what the text spells.
            for place in [path, Self.beside(path)].compactMap({ $0 }) {
                if readings.contains(Place(path: place, reading: .list)) {
                    // A list item that is a list is JSON text (`contentTexts`); a member's one value is
                    // a list of one, whatever it spells.
                    if path.last == "[]", let value = Self.parsed(text), case .array = value { return value }
                    return .array([json(node, at: path + ["[]"])])
                }
                if place == path, readings.contains(Place(path: place, reading: .number)) {
                    return Self.inferred(text)
                }
                if readings.contains(Place(path: place, reading: .text)) { return .string(text) }
                if readings.contains(Place(path: place, reading: .object)), let value = Self.parsed(text) {
                    return value
                }
            }
            // Text that starts like a JSON object is tried as one first (an object member, which a
            // form carries as JSON text): a union tries its members without saying which wanted what.
            if text.utf8.first == UInt8(ascii: "{"), let value = Self.parsed(text) { return value }
            return Self.inferred(text)
        case .list(let items):
            return .array(items.map { json(.text($0), at: path + ["[]"]) })
        case .members(let members):
            // Numbered 0 to n - 1, in any order: a list (`items[0][price]`), unless read as an object.
            let asObject = [path, Self.beside(path)].contains {
                $0.map { readings.contains(Place(path: $0, reading: .object)) } ?? false
            }
            if !asObject, let ordered = Self.numbered(members) {
                return .array(ordered.map { json($0, at: path + ["[]"]) })
            }
            return .object(
                Dictionary(
                    members.map { ($0.key, json($0.node, at: path + [$0.key])) },
                    uniquingKeysWith: { first, _ in first }))
        }
    }

    /// The place that stands for every place beside `path` (its last key `*`); none for the top.
    private static func beside(_ path: [String]) -> [String]? {
        path.isEmpty ? nil : Array(path.dropLast()) + ["*"]
    }

    /// The members in their numbers' order when their keys are exactly 0 to n - 1.
    private static func numbered(_ members: [(key: String, node: Node)]) -> [Node]? {
        var slots = [Node?](repeating: nil, count: members.count)
        for member in members {
            guard let number = Int(member.key), String(number) == member.key, slots.indices.contains(number),
                slots[number] == nil
            else { return nil }
            slots[number] = member.node
        }
        return slots.map { $0! }
    }

    /// JSON text, within the depth a JSON body may have.
    private static func parsed(_ text: String) -> JSONValue? {
        let data = Data(text.utf8)
        guard (try? (ServerLimits.current ?? ServerLimits()).checkJSONDepth(data)) != nil else { return nil }
        return try? JSONDecoder().decode(JSONValue.self, from: data)
    }

    private static func inferred(_ text: String) -> JSONValue {
        if text == "true" || text == "false" { return .bool(text == "true") }
        if isDecimalText(text), let number = Decimal(string: text, locale: posix) { return .number(number) }
        return .string(text)
    }
}
