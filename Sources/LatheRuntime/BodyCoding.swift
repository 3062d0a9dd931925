import Foundation
import HTTPTypes
import OpenAPIRuntime

/// Body coding that generated clients and servers share: JSON and form bodies, text, content-type
/// matching. Reads go through `BodyReader`, so a server's reads stay within its `ServerLimits`.
@_spi(Generated) public enum BodyCoding {
    public static func json(_ value: some Encodable) throws -> HTTPBody {
        HTTPBody(try JSONCoding.encoder().encode(value))
    }

    /// `application/x-www-form-urlencoded` from a flat object (arrays repeat their key).
    public static func form(_ value: some Encodable) throws -> HTTPBody {
        HTTPBody(try formPairs(value).joined(separator: "&"))
    }

    /// A flat object's `name=value` pairs as a form writes them, percent-encoded, in key order.
    static func formPairs(_ value: some Encodable) throws -> [String] {
        let object = try JSONDecoder().decode(JSONValue.self, from: JSONCoding.encoder().encode(value))
        guard case .object(let members) = object else { return [] }
        var parts: [String] = []
        for key in members.keys.sorted() {
            for text in formTexts(members[key]!) {
                parts.append(
                    URIEncoding.percentEncode(key, allowReserved: false) + "="
                        + URIEncoding.percentEncode(text, allowReserved: false))
            }
        }
        return parts
    }

    private static func formTexts(_ value: JSONValue) -> [String] {
        switch value {
        case .null: []
        case .bool(let flag): [flag ? "true" : "false"]
        case .number(let number): [number.description]
        case .string(let text): [text]
        case .array(let items): items.flatMap(formTexts)
        case .object: [String(decoding: (try? JSONCoding.encoder().encode(value)) ?? Data(), as: UTF8.self)]
        }
    }

    /// A body's bytes, up to the reading limit (`BodyReader`).
    public static func bytes(_ body: HTTPBody?) async throws -> Data {
        try await BodyReader.read(body)
    }

    /// A text body, read within the same limit.
    public static func text(_ body: HTTPBody?) async throws -> String {
        String(decoding: try await BodyReader.read(body), as: UTF8.self)
    }

    /// Whether a received `Content-Type` is the documented one (ranges such as `image/*` and `*/*`
    /// included; parameters such as `charset` ignored). A response without one matches.
    public static func contentType(_ received: String?, matches documented: String) -> Bool {
        guard let received else { return true }
        let got = essence(received), want = essence(documented)
        if want == "*/*" || got == want { return true }
        if want.hasSuffix("/*") { return got.hasPrefix(String(want.dropLast())) }
        return false
    }

    /// Whether a received content type is JSON (`application/json`, `text/json`, `…+json`), or
    /// absent: what a body documented under a range (`*/*`) and read as JSON is read from.
    public static func isJSON(_ received: String?) -> Bool {
        guard let received else { return true }
        let got = essence(received)
        return got == "application/json" || got == "text/json" || got.hasSuffix("+json")
    }

    static func essence(_ contentType: String) -> String {
        contentType.split(separator: ";")[0].trimmingCharacters(in: .whitespaces).lowercased()
    }

    /// Decodes an `application/x-www-form-urlencoded` body into a flat object (see `decodeTextMembers`).
    public static func decodeForm<T: Decodable>(_ type: T.Type, from body: HTTPBody?) async throws -> T {
        try decodeForm(T.self, fromText: try await self.text(body)[...])
    }

    /// Decodes form text (a body's, or a whole query's) into a flat object; a `RequestError` says
    /// which member is wrong.
    static func decodeForm<T: Decodable>(_ type: T.Type, fromText text: Substring) throws -> T {
        let members = URIDecoding.queryItems(text).map { (name: $0.name, value: $0.value) }
        do {
            return try decodeTextMembers(T.self, members)
        } catch let error as DecodingError {
            throw RequestError([ValidationIssue(path: path(of: error), message: message(of: error))])
        }
    }

    /// A flat object whose members arrive as text (a form body, an object parameter in a URI): each
    /// is read as what its member needs. Text that spells a number or a boolean is tried as one, and
    /// a member whose type says otherwise is read back as text; a name given several times is a list.
    static func decodeTextMembers<T: Decodable>(_ type: T.Type, _ members: [(name: String, value: String)]) throws -> T
    {
        var texts: [String: [String]] = [:]
        var order: [String] = []
        for member in members {
            if texts[member.name] == nil { order.append(member.name) }
            texts[member.name, default: []].append(member.value)
        }
        var asText = Set<String>()
        while true {
            var object: [String: JSONValue] = [:]
            for name in order {
                let values = texts[name]!.map { asText.contains(name) ? .string($0) : inferred($0) }
                object[name] = values.count == 1 ? values[0] : .array(values)
            }
            do {
                return try JSONCoding.decoder().decode(
                    T.self, from: JSONCoding.encoder().encode(JSONValue.object(object)))
            } catch let error as DecodingError {
                // A member read as a number or boolean where text was wanted: read it as text and try again.
                if case .typeMismatch(let expected, let context) = error, expected == String.self,
                    let name = context.codingPath.first?.stringValue, texts[name] != nil, asText.insert(name).inserted
                {
                    continue
                }
                throw error
            }
        }
    }

    private static func inferred(_ text: String) -> JSONValue {
        if text == "true" || text == "false" { return .bool(text == "true") }
        if isDecimalText(text), let number = Decimal(string: text, locale: posix) { return .number(number) }
        return .string(text)
    }

    static func path(of error: DecodingError) -> JSONPath {
        let codingPath: [any CodingKey]
        switch error {
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            codingPath = context.codingPath
        case .keyNotFound(let key, let context): codingPath = context.codingPath + [key]
        @unknown default: codingPath = []
        }
        // Both decoders read bodies, so paths start at `$.body`, like validation issues do.
        return codingPath.reduce(JSONPath.root.key("body")) { path, key in
            key.intValue.map { path.index($0) } ?? path.key(key.stringValue)
        }
    }

    static func message(of error: any Error) -> String {
        guard let error = error as? DecodingError else { return "is not valid JSON" }
        return message(of: error)
    }

    static func message(of error: DecodingError) -> String {
        switch error {
        case .keyNotFound: "is required"
        case .typeMismatch(let type, _): "must be \(readable(type))"
        case .valueNotFound(let type, _): "must be \(readable(type)), not null"
        case .dataCorrupted(let context): context.debugDescription
        @unknown default: "is invalid"
        }
    }

    private static func readable(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Bool.Type: "true or false"
        case is Int.Type, is Int32.Type, is Int64.Type, is UInt64.Type: "an integer"
        case is Double.Type, is Float.Type, is Decimal.Type: "a number"
        case is [Any].Type: "a list"
        default: "of type \(type)"
        }
    }
}
