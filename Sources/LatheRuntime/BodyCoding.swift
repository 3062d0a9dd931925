import Foundation
import HTTPTypes
import OpenAPIRuntime

/// Body coding that generated clients and servers share: JSON bodies, text, content-type matching
/// (forms: `FormCoding.swift`). Reads go through `BodyReader`, so a server's reads stay within its `ServerLimits`.
@_spi(Generated) public enum BodyCoding {
    public static func json(_ value: some Encodable) throws -> HTTPBody {
        HTTPBody(try JSONCoding.encoder().encode(value))
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
