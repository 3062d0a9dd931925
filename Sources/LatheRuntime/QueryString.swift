import Foundation

/// OpenAPI 3.2's `in: querystring`: one parameter that is the whole query, written as its media
/// type says. A form (`application/x-www-form-urlencoded`) is written and read as a form body is;
/// text is the string itself; anything else is its JSON text. Each is percent-encoded.
@_spi(Generated) extension URIEncoding {
    /// The query's `name=value` pairs.
    public static func querystring(form value: some Encodable) throws -> [String] {
        try BodyCoding.formPairs(value)
    }

    public static func querystring(json value: some Encodable) throws -> [String] {
        [percentEncode(String(decoding: try JSONCoding.encoder().encode(value), as: UTF8.self), allowReserved: false)]
    }

    /// A string, or any value of a type a URI holds as text (an enum, a date, a number), as its text.
    public static func querystring(text value: some URIPrimitive) -> [String] {
        [percentEncode(value.uriText, allowReserved: false)]
    }
}

@_spi(Generated) extension URIDecoding {
    /// The whole query read as a form; `nil` when the request has none, unless it is `required`:
    /// a form of no members is written as no query at all.
    public static func querystring<T: Decodable>(
        form type: T.Type, in query: Substring, required: Bool
    ) throws -> T? {
        query.isEmpty && !required ? nil : try BodyCoding.decodeForm(T.self, fromText: query)
    }

    /// The whole query read as JSON text, or `nil` when the request has none.
    public static func querystring<T: Decodable>(json type: T.Type, in query: Substring, at name: String) throws -> T? {
        guard !query.isEmpty else { return nil }
        return try json(.primitive(wholeQuery(query, at: name)), as: T.self, at: name)
    }

    /// The whole query as text, read as `type`; `nil` when the request has none, unless it is
    /// `required` (the empty text is written as an empty query).
    public static func querystring<T: URIPrimitive>(
        text type: T.Type, in query: Substring, at name: String, required: Bool
    ) throws -> T? {
        guard !query.isEmpty || required else { return nil }
        return try primitive(.primitive(wholeQuery(query, at: name)), as: T.self, at: name)
    }

    /// The query percent-decoded, as one text (`+` is a plus: only a form reads it as a space).
    private static func wholeQuery(_ query: Substring, at name: String) throws -> String {
        guard let text = percentDecode(String(query)) else {
            throw RequestError(at: name, "is not percent-encoded text")
        }
        return text
    }
}
