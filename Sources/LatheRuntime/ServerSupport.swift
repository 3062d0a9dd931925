import Foundation
import HTTPTypes
import OpenAPIRuntime

/// A request that breaks the spec (a missing or malformed parameter, a body that does not decode or
/// breaks a constraint): generated servers answer it with 400 (415 for a body in a content type the
/// operation does not accept) and never call the handler.
public struct RequestError: Error, Sendable {
    public var issues: [ValidationIssue]
    /// The status a server answers with: 400, or 415 (Unsupported Media Type).
    public var status = 400

    public init(_ issues: [ValidationIssue]) { self.issues = issues }
    public init(at path: String, _ message: String) {
        issues = [ValidationIssue(path: JSONPath.root.key(path), message: message)]
    }

    /// A request body in none of the content types the operation accepts (`accepted`, as the spec
    /// lists them): 415. A required body that is not there at all (no content type, no content)
    /// is a 400 saying so.
    public static func unsupportedContentType(_ request: HTTPRequest, body: HTTPBody?, accepted: String) -> RequestError
    {
        let contentType = request.headerFields[.contentType]
        // Transports hand over a body of unknown length even for an empty request (Hummingbird
        // without Content-Length): what says content came is a length, or chunked framing.
        let hasContent: Bool
        if case .known(let length)? = body?.length, length > 0 {
            hasContent = true
        } else {
            hasContent =
                request.headerFields[.contentLength] ?? "0" != "0" || request.headerFields[.transferEncoding] != nil
        }
        if contentType == nil, !hasContent { return RequestError(at: "body", "is required") }
        var error = RequestError(
            at: "body", "has the content type \(contentType ?? "(none)"), but this operation accepts \(accepted)")
        error.status = 415
        return error
    }
}

/// What generated servers share: middlewares, request decoding, problem responses, credentials.
@_spi(Generated) public enum ServerSupport {
    /// Runs a request through the middlewares (first one outermost), then `handler`, within
    /// `limits`: a request past one is answered (413, 431) and never handled.
    public static func handle(
        _ request: HTTPRequest, body: HTTPBody?, metadata: ServerRequestMetadata, operationID: String,
        middlewares: [any ServerMiddleware], limits: ServerLimits = ServerLimits(),
        handler:
            @escaping @Sendable (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (
                HTTPResponse, HTTPBody?
            )
    ) async throws -> (HTTPResponse, HTTPBody?) {
        var next = handler
        for middleware in middlewares.reversed() {
            let inner = next
            next = { request, body, metadata in
                try await middleware.intercept(
                    request, body: body, metadata: metadata, operationID: operationID, next: inner)
            }
        }
        let chain = next
        return try await limits.apply {
            do {
                try limits.checkHeaders(of: request)
                var (response, responseBody) = try await chain(request, body, metadata)
                // A handler answering a `2XX` documented with a body by 204 (or a middleware)
                // would send a body HTTP forbids there.
                if responseBody != nil, ClientSupport.hasNoContent(response.status.code) {
                    responseBody = nil
                    response.headerFields[.contentType] = nil
                    response.headerFields[.contentLength] = nil
                }
                return (response, responseBody)
            } catch let tooLarge as RequestTooLarge {
                return problem(tooLarge)
            }
        }
    }

    /// The path parameters with each segment that holds text beside its names (`{Sid}.json`,
    /// `{id}:cancel`) split by its template, or `nil` when a segment is not of that form, so the
    /// request is not this operation's. Routers match whole segments: such a segment is
    /// registered as one parameter, named by its first expression, and arrives whole. `parts`:
    /// text and names alternating, text first and last (`["", "Sid", ".json"]`); each name takes
    /// the shortest value, at least one character, the text after it allows. Two names side by
    /// side (`{a}{b}`) match nothing: where the first ends is anyone's guess (`path-segment-ambiguous`).
    public static func splittingSegments(
        _ metadata: ServerRequestMetadata, _ segments: [(parameter: String, parts: [String])]
    ) -> ServerRequestMetadata? {
        // Read from what routing gave, written to a copy: another operation's names may sit at
        // other places of the route (`/repos/{owner}/{repo}` beside `/repos/{repo}.git/{ref}`).
        let routed = metadata.pathParameters
        var metadata = metadata
        for (parameter, parts) in segments {
            guard var rest = routed[parameter], let first = parts.first, let last = parts.last,
                rest.count >= first.count + last.count, rest.hasPrefix(first), rest.hasSuffix(last)
            else { return nil }
            rest = rest.dropFirst(first.count).dropLast(last.count)
            var index = 1
            while index < parts.count - 1 {
                let value: Substring
                if index + 1 == parts.count - 1 {
                    value = rest  // the last name: the text after it is gone already
                    rest = rest[rest.endIndex...]
                } else if parts[index + 1].isEmpty {
                    return nil  // two names side by side: no one can tell where the first ends
                } else {
                    guard let start = rest.indices.dropFirst().first,
                        let found = rest[start...].range(of: parts[index + 1])
                    else { return nil }
                    value = rest[..<found.lowerBound]
                    rest = rest[found.upperBound...]
                }
                guard !value.isEmpty else { return nil }
                metadata.pathParameters[parts[index]] = value
                index += 2
            }
        }
        return metadata
    }

    /// The answer to a request past a limit: 413 or 431, saying which.
    static func problem(_ tooLarge: RequestTooLarge) -> (HTTPResponse, HTTPBody?) {
        let title = tooLarge.status == 431 ? "Request Header Fields Too Large" : "Content Too Large"
        return problem(status: tooLarge.status, title: title, detail: tooLarge.detail)
    }

    /// The answer to a request whose path no operation's template fits.
    public static func notFound() -> (HTTPResponse, HTTPBody?) {
        problem(status: 404, title: "Not Found", detail: "no operation's path has this form")
    }

    /// An RFC 7807 problem: `{"type": "about:blank", "title": …, "status": …, "detail": …, "errors": [{"path", "message"}]}`.
    public static func problem(
        status: Int, title: String, detail: String, issues: [ValidationIssue] = [], headers: HTTPFields = [:]
    ) -> (HTTPResponse, HTTPBody?) {
        var object: [String: JSONValue] = [
            "type": "about:blank", "title": .string(title), "status": .number(Decimal(status)),
            "detail": .string(detail),
        ]
        if !issues.isEmpty {
            object["errors"] = .array(issues.map { ["path": .string($0.path), "message": .string($0.message)] })
        }
        var fields = headers
        fields[.contentType] = "application/problem+json"
        let data = (try? JSONCoding.encoder().encode(JSONValue.object(object))) ?? Data()
        return (HTTPResponse(status: .init(code: status), headerFields: fields), HTTPBody(data))
    }

    /// RFC 9110's reason phrases for the statuses a `RequestError` is answered with (`HTTPTypes`
    /// gives none for a status made from its code).
    private static let requestErrorTitles = [
        400: "Bad Request", 415: "Unsupported Media Type", 422: "Unprocessable Content",
    ]

    /// The problem a `RequestError` is answered with: its status (400, or 415 for a body's content
    /// type), titled by its reason phrase.
    public static func badRequest(_ error: RequestError) -> (HTTPResponse, HTTPBody?) {
        problem(
            status: error.status, title: Self.requestErrorTitles[error.status] ?? "Client Error",
            detail: "The request does not match the API's description.", issues: error.issues)
    }

    public static func unauthorized(schemes: [String]) -> (HTTPResponse, HTTPBody?) {
        problem(
            status: 401, title: "Unauthorized",
            detail: "Valid credentials are required (\(schemes.joined(separator: " or "))).")
    }

    /// 406: the response the handler chose comes in none of the content types the request accepts.
    public static func notAcceptable(_ accept: Accept, offered: [String]) -> (HTTPResponse, HTTPBody?) {
        problem(
            status: 406, title: "Not Acceptable",
            detail: "The response is available as \(offered.joined(separator: " or ")), which the request's "
                + "Accept header (\(accept)) does not allow.")
    }

    /// A required streamed request body, or a `RequestError` when the request has none (no body,
    /// or one known to be empty): a stream is read lazily, so its absence is checked up front.
    public static func requiredStream(_ body: HTTPBody?) throws -> HTTPBody {
        guard let body, body.length != .known(0) else { throw RequestError(at: "body", "is required") }
        return body
    }

    /// Decodes a JSON request body, or throws a `RequestError` that says where it went wrong.
    public static func decodeJSON<T: Decodable>(_ type: T.Type, from body: HTTPBody?) async throws -> T {
        let data = try await BodyReader.read(body)
        try (ServerLimits.current ?? ServerLimits()).checkJSONDepth(data)
        do {
            return try JSONCoding.decoder(rejectingNull: true).decode(T.self, from: data)
        } catch let error as DecodingError {
            throw RequestError([
                ValidationIssue(path: BodyCoding.path(of: error), message: BodyCoding.message(of: error))
            ])
        } catch {
            throw RequestError(at: "body", "is not valid JSON")
        }
    }

    // MARK: Credentials

    /// The API key a request presents: in a header (prefix such as `Token ` removed), query or cookie.
    public static func apiKey(in request: HTTPRequest, name: String, location: String, prefix: String? = nil) -> String?
    {
        switch location {
        case "header":
            guard let value = request.headerFields.value(name) else { return nil }
            guard let prefix else { return value }
            // Its case ignored, as HTTP ignores an authentication scheme's (RFC 9110 §11.1).
            guard value.prefix(prefix.count).lowercased() == prefix.lowercased(),
                value.dropFirst(prefix.count).first == " "
            else { return nil }
            return String(value.dropFirst(prefix.count + 1))
        case "query":
            let query =
                request.path.flatMap { path in path.firstIndex(of: "?").map { path[path.index(after: $0)...] } } ?? ""
            return URIDecoding.queryItems(query).first { $0.name == name }?.value
        case "cookie":
            guard let header = request.headerFields[.cookie],
                case .primitive(let value)? = URIDecoding.cookie(header, name: name, as: .primitive)
            else { return nil }
            return value
        default:
            return nil
        }
    }

    /// HTTP Basic credentials from `Authorization`.
    public static func basic(in request: HTTPRequest) -> (username: String, password: String)? {
        guard let value = request.headerFields[.authorization], value.lowercased().hasPrefix("basic "),
            let data = Data(base64Encoded: String(value.dropFirst(6)).trimmingCharacters(in: .whitespaces)),
            let pair = String(data: data, encoding: .utf8), let colon = pair.firstIndex(of: ":")
        else { return nil }
        return (String(pair[..<colon]), String(pair[pair.index(after: colon)...]))
    }

    /// A bearer token from `Authorization`.
    public static func bearer(in request: HTTPRequest) -> String? {
        guard let value = request.headerFields[.authorization], value.lowercased().hasPrefix("bearer ") else {
            return nil
        }
        return String(value.dropFirst(7)).trimmingCharacters(in: .whitespaces)
    }

    /// The query part of a request's path (without `?`).
    public static func query(of request: HTTPRequest) -> Substring {
        guard let path = request.path, let mark = path.firstIndex(of: "?") else { return "" }
        let end = path.firstIndex(of: "#") ?? path.endIndex
        return path[path.index(after: mark) ..< end]
    }
}
