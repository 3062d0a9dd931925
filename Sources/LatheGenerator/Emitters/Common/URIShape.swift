import LatheIR

/// How a value of an IR type travels in a URI, header or cookie.
enum URIShape {
    case primitive(String)
    case array(element: String)
    case map(value: String)
    case object(String)
    case json(String)

    /// The expression making a `URIValue` of `value` (clients send it, servers answer with it).
    func valueExpression(_ value: String) -> SwiftCode {
        switch self {
        case .primitive, .array, .map: "\(Runtime.URIValue.of)(\(value))"
        case .object: "try \(Runtime.URIValue.of)(object: \(value))"
        case .json: "try \(Runtime.URIValue.of)(json: \(value))"
        }
    }

    /// The runtime call that turns a raw `URIValue?` into the value's Swift type (a server's
    /// parameter, a client's response header); a `RequestError` names `name` when it does not parse.
    func decodeCall(_ raw: SwiftCode, name: String) -> SwiftCode {
        let at = SwiftLiteral.string(name)
        return switch self {
        case .primitive(let type): "try \(Runtime.URIDecoding.primitive)(\(raw), as: \(type).self, at: \(at))"
        case .array(let element): "try \(Runtime.URIDecoding.array)(\(raw), of: \(element).self, at: \(at))"
        case .map(let value): "try \(Runtime.URIDecoding.map)(\(raw), of: \(value).self, at: \(at))"
        case .object(let type): "try \(Runtime.URIDecoding.object)(\(raw), as: \(type).self, at: \(at))"
        case .json(let type): "try \(Runtime.URIDecoding.json)(\(raw), as: \(type).self, at: \(at))"
        }
    }

    var valueShape: String {
        switch self {
        case .primitive, .json: ".primitive"
        case .array: ".array"
        case .map, .object: ".object"
        }
    }
}

extension TypeSpelling {
    /// What an alias stands for (`$ref` to `{}` is any JSON value), or `type` itself.
    func unaliased(_ type: IRValueType) -> IRValueType {
        guard case .named(let id) = type, let alias = module.resolvedAliases[id] else { return type }
        return alias.type
    }

    /// Primitives that `LatheRuntime.URIPrimitive` covers, generated enums included.
    func isURIPrimitive(_ type: IRValueType) -> Bool {
        switch type {
        case .primitive(let primitive): primitive != .jsonValue
        case .named(let id):
            switch module[id].kind {
            case .enumeration: true
            case .alias(let aliased, _): isURIPrimitive(aliased)
            default: false
            }
        case .nullable(let inner): isURIPrimitive(inner)
        default: false
        }
    }

    func uriShape(_ type: IRValueType, contentType: String?) -> URIShape {
        let swiftType = self.type(type.nonNull)
        if contentType != nil { return .json(swiftType) }
        switch type.nonNull {
        case let value where isURIPrimitive(value): return .primitive(swiftType)
        case .array(let element) where isURIPrimitive(element): return .array(element: self.type(element))
        case .dictionary(let value) where isURIPrimitive(value): return .map(value: self.type(value))
        case .named(let id):
            if case .object = module[id].kind { return .object(swiftType) }
            if case .alias(let aliased, _) = module[id].kind { return uriShape(aliased, contentType: nil) }
            return .json(swiftType)
        default: return .json(swiftType)
        }
    }
}

/// How an `in: querystring` parameter's value is the whole query (`URIEncoding.querystring`).
enum QueryStringMedia: String {
    /// An object as `application/x-www-form-urlencoded` (also one described by a schema): as a form body.
    case form
    /// A value a URI holds as text (a string, an enum, a date, a number) as `text/*`, or described
    /// by a schema or as a form, which cannot hold it as members: its text.
    case text
    /// Anything else: the JSON text.
    case json
}

extension TypeSpelling {
    func queryStringMedia(_ parameter: IRParameter) -> QueryStringMedia {
        let type = unaliased(parameter.type.nonNull)
        let contentType = parameter.contentType.map(IRContentKind.essence)
        if contentType == nil || contentType == "application/x-www-form-urlencoded" {
            if case .object = uriShape(type, contentType: nil) { return .form }
            if case .map = uriShape(type, contentType: nil) { return .form }
            return isURIPrimitive(type) ? .text : .json
        }
        return isURIPrimitive(type) && contentType?.hasPrefix("text/") == true ? .text : .json
    }
}
