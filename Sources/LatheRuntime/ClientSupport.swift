import Foundation
import HTTPTypes
import OpenAPIRuntime

/// Why a generated client's call failed, with the operation, and the response status and a short
/// excerpt of its body when it got that far. Never holds credentials.
public struct OperationError: Error, Sendable, CustomStringConvertible {
    public enum Reason: Sendable {
        /// No configured credentials satisfy any of the operation's security alternatives.
        case missingCredentials(schemes: [String])
        /// The input breaks the spec's constraints; nothing was sent.
        case invalidInput([ValidationIssue])
        /// The response body could not be decoded as the spec says.
        case undecodableBody(contentType: String?, message: String)
        /// The response has a content type the spec does not document for its status.
        case unexpectedContentType(String?)
        /// The response lacks a header the spec requires, or has one that does not parse.
        case invalidHeader(name: String)
        /// The response is documented as success but says it failed (a provider's own error convention).
        case failureInBody(message: String)
        /// The call took longer than the client's `ClientConfiguration.timeout`; it was cancelled.
        case timedOut(after: Duration)
        /// A response body to be read into memory is larger than `ClientConfiguration.maximumBodySize`.
        case responseTooLarge(limit: Int)
    }

    public var operationID: String
    public var statusCode: Int?
    public var bodyExcerpt: String?
    public var reason: Reason

    public init(operationID: String, statusCode: Int? = nil, bodyExcerpt: String? = nil, reason: Reason) {
        self.operationID = operationID
        self.statusCode = statusCode
        self.bodyExcerpt = bodyExcerpt
        self.reason = reason
    }

    public var description: String {
        var text = "\(operationID) failed"
        if let statusCode { text += " (HTTP \(statusCode))" }
        switch reason {
        case .missingCredentials(let schemes):
            text += ": no credentials configured for \(schemes.joined(separator: " or "))"
        case .invalidInput(let issues):
            text += ": the input is invalid: " + issues.map(\.description).joined(separator: "; ")
        case .undecodableBody(let contentType, let message):
            text += ": cannot decode the \(contentType ?? "untyped") body: \(message)"
        case .unexpectedContentType(let contentType): text += ": undocumented content type \(contentType ?? "(none)")"
        case .invalidHeader(let name): text += ": missing or invalid header \(name)"
        case .failureInBody(let message): text += ": \(message)"
        case .timedOut(let duration): text += ": no response within \(duration)"
        case .responseTooLarge(let limit):
            text += ": the response body is larger than the \(limit) bytes this client reads into memory"
        }
        if let bodyExcerpt, !bodyExcerpt.isEmpty { text += " — body: \(bodyExcerpt)" }
        return text
    }
}

/// How a generated client behaves, beyond where it sends and how it authenticates. The defaults
/// suit most APIs; a test or a lax provider changes one field (`ClientConfiguration(validatesInput: false)`).
public struct ClientConfiguration: Sendable {
    /// Whether inputs are checked against the spec's constraints before anything is sent. Switch it
    /// off for a provider whose server accepts what its spec forbids.
    public var validatesInput: Bool
    /// The largest response body read into memory (JSON, text, form, multipart); a larger one fails
    /// the call with `OperationError.Reason.responseTooLarge`. Streamed bodies (`HTTPBody`) are not limited.
    public var maximumBodySize: Int
    /// Whether an operation whose spec names servers of its own (an upload host) is sent to the
    /// first of them, as OpenAPI says; `false` sends every call to the client's server, such as a
    /// mock server in tests.
    public var usesOperationServers: Bool
    /// The longest a call may take, from sending the request to decoding the response; past it
    /// the call is cancelled and fails with `OperationError.Reason.timedOut`. `nil` leaves it to the transport.
    public var timeout: Duration?
    /// The time zone a response's date-time without a UTC offset is read in
    /// (`2025-09-29T10:00:00`, as Java's `LocalDateTime` and .NET's `DateTime` print them).
    /// RFC 3339, which `format: date-time` names, requires the offset, so by default (`nil`) such a
    /// value fails to decode: only the server's documentation can say which zone it means.
    public var timeZoneForDateTimesWithoutOffset: TimeZone?

    public init(
        validatesInput: Bool = true, maximumBodySize: Int = 16 << 20, usesOperationServers: Bool = true,
        timeout: Duration? = nil, timeZoneForDateTimesWithoutOffset: TimeZone? = nil
    ) {
        self.validatesInput = validatesInput
        self.maximumBodySize = maximumBodySize
        self.usesOperationServers = usesOperationServers
        self.timeout = timeout
        self.timeZoneForDateTimesWithoutOffset = timeZoneForDateTimesWithoutOffset
    }

    /// The configuration of the call being made, for the body readers.
    @TaskLocal static var current: ClientConfiguration?
}

/// A server URL whose variables, as given, do not make a URL (`ServerURL.regional(host: "a b")`).
public struct InvalidServerURL: Error, Sendable, CustomStringConvertible {
    public var url: String
    public var description: String { "'\(url)' is not a server URL" }
}

/// What generated clients share: the middleware chain, bodies, content-type matching.
@_spi(Generated) public enum ClientSupport {
    /// Runs one call under `configuration`: its body-size limit for every buffered read, and its
    /// timeout, past which the call is cancelled.
    public static func call<Output: Sendable>(
        _ operationID: String, _ configuration: ClientConfiguration,
        _ body: @escaping @Sendable () async throws -> Output
    ) async throws -> Output {
        do {
            // A call a server's handler makes upstream reads its response as a client, not under
            // the limits of the request being handled.
            return try await ServerLimits.$current.withValue(nil) {
                try await ClientConfiguration.$current.withValue(configuration) {
                    guard let timeout = configuration.timeout else { return try await body() }
                    return try await withThrowingTaskGroup(of: Output.self) { group in
                        group.addTask { try await body() }
                        group.addTask {
                            try await Task.sleep(for: timeout)
                            throw OperationError(operationID: operationID, reason: .timedOut(after: timeout))
                        }
                        defer { group.cancelAll() }
                        return try await group.next()!
                    }
                }
            }
        } catch let error as BodyTooLarge {
            throw OperationError(operationID: operationID, reason: .responseTooLarge(limit: error.limit))
        }
    }

    /// Whether a response of this status has no content (RFC 9110): 1xx, 204, 205 and 304.
    public static func hasNoContent(_ status: Int) -> Bool {
        (100 ..< 200).contains(status) || status == 204 || status == 205 || status == 304
    }

    /// Whether a response came without content: a status that has none, or no `Content-Type` and
    /// a body known to be empty (a DELETE documenting `2XX` with a body, answered 202 with none).
    /// A range or `default` documented with a body is read as `empty` then.
    public static func arrivedEmpty(_ response: HTTPResponse, _ body: HTTPBody?) -> Bool {
        hasNoContent(response.status.code)
            || (response.headerFields[.contentType] == nil && (body == nil || body?.length == .known(0)))
    }

    /// A server URL with each `{name}` in `template` replaced by its value, as OpenAPI substitutes
    /// server variables (plain text, no encoding).
    /// With `base`, the template is a relative URL, resolved against it as RFC 3986 resolves one
    /// (`/api` against `http://10.0.0.1:3000/openapi.yaml` is `http://10.0.0.1:3000/api`).
    public static func serverURL(
        _ template: String, _ values: [String: String], relativeTo base: URL? = nil
    ) throws
        -> URL
    {
        let text = values.reduce(template) { $0.replacingOccurrences(of: "{\($1.key)}", with: $1.value) }
        // The empty reference is the base itself (Foundation makes no URL of "").
        let resolved = text.isEmpty ? base?.absoluteURL : URL(string: text, relativeTo: base)?.absoluteURL
        guard let url = resolved, url.scheme != nil, url.host != nil else {
            throw InvalidServerURL(url: base.map { text + " relative to " + $0.absoluteString } ?? text)
        }
        // Without its trailing `/`: an operation's path begins with one, and transports append
        // it to the server's (`/` would send `//pets`).
        guard var components = URLComponents(url: url, resolvingAgainstBaseURL: false),
            components.percentEncodedPath.hasSuffix("/")
        else { return url }
        components.percentEncodedPath.removeLast()
        return components.url ?? url
    }

    /// Throws `invalidInput` when `input` breaks the spec's constraints.
    public static func validate(_ input: some Validatable, operationID: String) throws {
        let issues = input.validationIssues
        if !issues.isEmpty { throw OperationError(operationID: operationID, reason: .invalidInput(issues)) }
    }

    /// Sends through the middlewares (first one outermost), then the transport.
    public static func send(
        _ request: HTTPRequest, body: HTTPBody?, serverURL: URL, operationID: String,
        transport: any ClientTransport, middlewares: [any ClientMiddleware]
    ) async throws -> (HTTPResponse, HTTPBody?) {
        var next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?) = {
            request, body, url in
            try await transport.send(request, body: body, baseURL: url, operationID: operationID)
        }
        for middleware in middlewares.reversed() {
            let inner = next
            next = { request, body, url in
                try await middleware.intercept(request, body: body, baseURL: url, operationID: operationID, next: inner)
            }
        }
        return try await next(request, body, serverURL)
    }

    /// Where a webhook goes: the URL its receiver gave, without its query (a transport appends
    /// the request's path and query to the URL it is given), and the path the request carries:
    /// the URL's query, then the webhook's own (`path` is empty or `?` and its query).
    public static func webhookTarget(_ url: URL, path: String) -> (baseURL: URL, path: String) {
        guard var components = URLComponents(url: url, resolvingAgainstBaseURL: true),
            let query = components.percentEncodedQuery
        else { return (url, path) }
        components.percentEncodedQuery = nil
        components.fragment = nil
        let own = path.hasPrefix("?") ? path.dropFirst() : Substring(path)
        let joined = query.isEmpty ? String(own) : own.isEmpty ? query : query + "&" + own
        return (components.url ?? url, joined.isEmpty ? "" : "?" + joined)
    }

    /// The path with each `{name}` replaced by its already-encoded expansion.
    public static func path(_ template: String, _ values: [String: String]) -> String {
        var result = ""
        var name: String?
        for character in template {
            switch (character, name) {
            case ("{", nil): name = ""
            case ("}", let current?):
                result += values[current] ?? ""
                name = nil
            case (_, let current?): name = current + String(character)
            default: result.append(character)
            }
        }
        return result
    }

    /// Decodes a JSON response body, failing with an `OperationError` that carries a body excerpt.
    public static func decodeJSON<T: Decodable>(
        _ type: T.Type, from body: HTTPBody?, operationID: String, response: HTTPResponse
    ) async throws -> T {
        let data = try await BodyReader.read(body)
        do {
            return try JSONCoding.decoder().decode(T.self, from: data)
        } catch {
            throw OperationError(
                operationID: operationID, statusCode: response.status.code, bodyExcerpt: excerpt(data),
                reason: .undecodableBody(contentType: response.headerFields[.contentType], message: "\(error)")
            )
        }
    }

    /// Decodes a multipart response body into its generated `Parts`, failing with an `OperationError`.
    public static func decodeMultipart<T>(
        from body: HTTPBody?, operationID: String, response: HTTPResponse, as parts: (MultipartForm) throws -> T
    ) async throws -> T {
        do {
            return try parts(try await MultipartForm.decode(body, contentType: response.headerFields[.contentType]))
        } catch let error as RequestError {
            throw OperationError(
                operationID: operationID, statusCode: response.status.code,
                reason: .undecodableBody(
                    contentType: response.headerFields[.contentType],
                    message: error.issues.map(\.description).joined(separator: "; "))
            )
        }
    }

    /// The header a `RequestError` from decoding response headers is about.
    public static func headerName(of error: any Error) -> String {
        guard let issue = (error as? RequestError)?.issues.first else { return "(unknown)" }
        return issue.path.hasPrefix("$.") ? String(issue.path.dropFirst(2)) : issue.path
    }

    /// Adds `name=value` to a request's query (an API key in the query).
    public static func appendQuery(_ name: String, _ value: String, to request: inout HTTPRequest) {
        let pair =
            URIEncoding.percentEncode(name, allowReserved: false) + "="
            + URIEncoding.percentEncode(value, allowReserved: false)
        let path = request.path ?? "/"
        request.path = path + (path.contains("?") ? "&" : "?") + pair
    }

    /// Adds a cookie to a request's `Cookie` header.
    public static func appendCookie(_ name: String, _ value: String, to request: inout HTTPRequest) {
        let pair = name + "=" + URIEncoding.percentEncode(value, allowReserved: false)
        request.headerFields[.cookie] = request.headerFields[.cookie].map { $0 + "; " + pair } ?? pair
    }

    /// The first 200 characters of a body, for error messages.
    public static func excerpt(_ data: Data) -> String {
        let text = String(decoding: data.prefix(400), as: UTF8.self)
        return text.count > 200 ? String(text.prefix(200)) + "…" : text
    }
}

@_spi(Generated) extension HTTPFields {
    /// Sets a header by name (names the spec writes are checked when the code is generated).
    public mutating func set(_ name: String, _ value: String?) {
        guard let field = HTTPField.Name(name) else { return }
        self[field] = value
    }

    public func value(_ name: String) -> String? {
        HTTPField.Name(name).flatMap { self[$0] }
    }
}
