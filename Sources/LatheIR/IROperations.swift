import LatheOpenAPI

/// An operation, as clients call it and servers answer it.
public struct IROperation: Sendable, Equatable {
    /// What transports and middlewares are told: the `operationId`, or `GET /pets/{id}` without one.
    public var operationID: String
    /// The client method's name (`cancelInvoice`).
    public var methodName: String
    /// The namespace of the operation's input and output types (`Operations.CancelInvoice`).
    public var typeName: String
    /// Names of the types nested in it; like every nested name, none equals a top-level type's, so
    /// references to top-level types inside them are never shadowed.
    public var names: NestedNames
    /// `GET`, `POST`, … in capitals.
    public var method: String
    /// The path template (`/invoices/{id}/cancel`).
    public var path: String
    public var parameters: [IRParameter]
    public var requestBody: IRRequestBody?
    public var responses: [IRResponse]
    /// Alternatives, each a set of schemes that must all be satisfied; `[]` means no authentication.
    public var security: [[IRSecurityRequirement]]
    public var docs: IRDocs
    public var source: IRSource
    /// Whether a server reaches it: not when an earlier operation has the same method and a route
    /// of the same shape (`/t/{id}`, `/t/{name}`), and neither has segments that tell them apart
    /// (`segmentTemplates`), which no router can.
    public var isRouted = true
    /// The segments a server splits after routing, those that hold text beside their `{name}`s
    /// (`{Sid}.json`, `{id}:cancel`): routers match whole segments, so the server registers
    /// `route`, where each is one `{name}`, and splits it (`ServerSupport.splittingSegments`).
    public var segmentTemplates: [IRSegmentTemplate] = []
    /// The path template a server registers: `path`, each segment in `segmentTemplates` made whole.
    public var route = ""
    /// The path a request carries: not a fragment, which Box writes into its paths to tell
    /// variants of one path apart (`/files/{file_id}#get_shared_link`); sent, a query after it
    /// went with it into the fragment and was lost.
    public var sentPath = ""
    /// How much text `segmentTemplates` hold: of two that share a route, the one with more is
    /// the more specific, and tried first.
    public var segmentText: Int {
        segmentTemplates.reduce(0) { total, segment in
            total + segment.parts.enumerated().reduce(0) { $0 + ($1.offset % 2 == 0 ? $1.element.count : 0) }
        }
    }
    /// Operations of one method whose routes have the same shape share a number: a server
    /// registers the route once, trying those with `segmentTemplates` in order, then the first
    /// without (the only one routed, `isRouted`).
    public var routeGroup = 0
    /// The URL of the first server the operation's own (or its path's) `servers` name, variables
    /// at their defaults, when those differ from the document's: an upload host.
    public var serverOverride: String? = nil
    /// Whether `serverOverride` is a relative reference (`/private`), which the client resolves
    /// against its own server URL (that of the document's server), as the document's location.
    public var serverOverrideIsRelative = false
    /// Query text the client always sends (`action=delete`), from a path key that holds a query
    /// string; a server does not route by it.
    public var fixedQuery: [String] = []

    /// For a request the API sends (a webhook, or an operation's callback), what it is; `nil` for
    /// an operation under `paths`. One optional: copying an operation copies no more than before.
    public var received: IRReceived? = nil

    /// Whether a header parameter is named `Accept` (`accept-parameter`): the client sends its
    /// value, when given, in place of the documented types, and a server does not answer 406 by it.
    public var takesAcceptParameter: Bool {
        parameters.contains {
            $0.location == .header && $0.name.original.utf8.count == 6 && $0.name.original.lowercased() == "accept"
        }
    }

    /// Whether a `default` response documents every status, so no output is undocumented.
    public var coversEveryStatus: Bool { responses.contains { $0.key == .default } }
}

/// A webhook or callback: a request the API sends, to a URL its receiver gave.
public struct IRReceived: Sendable, Hashable {
    /// What it is, for documentation: "the webhook `newPet`".
    public var description: String
    /// The name the spec gives it (its key under `webhooks`, or the callback's), which a receiver
    /// taking several at one path tells them apart by (`WebhookChoice`).
    public var name: String
    /// Whether it is a callback, whose URL is an expression its sender's caller expands.
    public var isCallback: Bool
}

public struct NestedNames: Sendable, Hashable {
    public var input: String
    public var output: String
    public var path: String
    public var query: String
    public var headers: String
    public var cookies: String
    public var body: String

    /// The seven names, in the order above.
    public var all: [String] { [input, output, path, query, headers, cookies, body] }
}

public enum IRParameterLocation: String, Sendable, Hashable {
    /// `querystring`: the whole query, one value (OpenAPI 3.2); in the `query` group of an input.
    case path, query, header, cookie, querystring

    /// The group of an operation's input that holds a parameter here: the query holds the querystring.
    public var group: IRParameterLocation { self == .querystring ? .query : self }
}

public struct IRParameter: Sendable, Equatable {
    /// The name on the wire and the Swift member name.
    public var name: IRName
    public var location: IRParameterLocation
    /// `matrix`, `label`, `simple`, `form`, `spaceDelimited`, `pipeDelimited` or `deepObject`.
    public var style: String
    public var explode: Bool
    public var allowReserved: Bool
    public var isRequired: Bool
    public var type: IRValueType
    public var constraints: IRConstraints
    public var defaultValue: SpecValue?
    /// Set when the parameter is described by `content` (its value is, say, JSON text) instead of a schema.
    public var contentType: String?
    /// OpenAPI 3.2's `style: cookie`, which a parameter described by `content` does not take.
    public var isCookieStyle: Bool { style == "cookie" && contentType == nil }
    public var docs: IRDocs
    public var source: IRSource
}

/// How a body is put on the wire.
public enum IRContentKind: String, Sendable, Hashable {
    /// `Application/JSON; charset=utf-8` → `application/json`: the media type without parameters.
    public static func essence(_ contentType: String) -> String {
        // Nearly every content type is already its essence: no parameters, spaces or capitals.
        if !contentType.utf8.contains(where: { $0 == 0x3B || $0 == 0x20 || (0x41 ... 0x5A).contains($0) || $0 >= 0x80 })
        {
            return contentType
        }
        let type = contentType.split(separator: ";", omittingEmptySubsequences: false)[0]
        return String(type.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed()).lowercased()
    }

    /// `application/json`, `text/json`, any `+json`.
    case json
    /// `application/x-www-form-urlencoded`.
    case urlEncodedForm
    /// `multipart/*`.
    case multipart
    /// Other `text/*`: a string.
    case text
    /// Anything else: bytes, streamed.
    case binary
    /// `application/jsonl`, `application/x-ndjson`: one JSON item per line, streamed.
    case jsonLines
    /// `application/json-seq` (RFC 7464): JSON items after record separators, streamed.
    case jsonSequence
    /// `text/event-stream`: server-sent events, streamed.
    case eventStream

    /// The kinds whose body is a stream of typed items.
    public var isItemStream: Bool { self == .jsonLines || self == .jsonSequence || self == .eventStream }

    public init(contentType: String) {
        let type = Self.essence(contentType)
        if ["application/jsonl", "application/x-ndjson", "application/x-jsonlines", "application/jsonlines"]
            .contains(type)
        {
            self = .jsonLines
        } else if type == "application/json-seq" {
            self = .jsonSequence
        } else if type == "text/event-stream" {
            self = .eventStream
        } else if type == "application/json" || type == "text/json" || type.hasSuffix("+json") {
            self = .json
        } else if type == "application/x-www-form-urlencoded" {
            self = .urlEncodedForm
        } else if type.hasPrefix("multipart/") {
            self = .multipart
        } else if type.hasPrefix("text/") {
            self = .text
        } else {
            self = .binary
        }
    }
}

public struct IRContent: Sendable, Equatable {
    /// The media type as the spec writes it (`application/problem+json`).
    public var contentType: String
    public var kind: IRContentKind
    /// The body's type (any JSON value when the spec gives no schema).
    public var type: IRValueType
    /// The enum case for this content type (`json`, `problemJson`, `plainText`).
    public var caseName: String
    /// For a multipart body whose schema is an object: its parts, one per property. Other
    /// multipart bodies travel as raw bytes.
    public var multipart: IRMultipart? = nil
    /// For a stream: the item text that ends it (`x-lathe-stream-terminator`).
    public var streamTerminator: String? = nil
    /// For an event stream whose item schema picks the data's type by event: the enum of them,
    /// nested in the body enum. `type` is then unused.
    public var eventData: IREventData? = nil
    /// For a form body: the members whose Encoding object gives a style, written as query
    /// parameters of that style; the others go by content type (text, a pair per list item, an
    /// object as JSON text).
    public var formStyles: [IRFormStyle] = []

    /// The `Content-Type` a body is sent with: its media type, unless that is a range that names
    /// no type a body has: JSON's for a range read as JSON, `text/plain` for `text/*`, raw bytes'
    /// for `*/*` and `application/*`. Another range (`image/*`) is sent as written, as before:
    /// `application/octet-stream` is outside it, and only the caller knows the type.
    public var sentContentType: String {
        guard contentType.utf8.contains(UInt8(ascii: "*")) else { return contentType }
        if kind == .json { return "application/json" }
        let essence = IRContentKind.essence(contentType)
        if essence == "text/*" { return "text/plain" }
        return essence == "*/*" || essence == "application/*" ? "application/octet-stream" : contentType
    }

    /// Text whose value is the text itself (a string schema, or none), not JSON carried as text:
    /// sent and received as a `String`.
    public var isPlainText: Bool {
        kind == .text && (type == .primitive(.string) || type == .primitive(.binaryData))
    }
}

/// How a member of an `application/x-www-form-urlencoded` body is written when its Encoding object
/// gives `style`, `explode` or `allowReserved` (OpenAPI 3.1.1 and 3.2: its `contentType` is then
/// ignored): as a query parameter of that style.
public struct IRFormStyle: Sendable, Equatable {
    public enum Shape: String, Sendable { case primitive, array, object }
    /// The member's name on the wire.
    public var name: String
    /// A query style: `form`, `spaceDelimited`, `pipeDelimited` or `deepObject`.
    public var style: String
    public var explode: Bool
    public var allowReserved: Bool
    public var shape: Shape
    /// An exploded `form` object's property names, whose pairs a server reads as its members.
    public var keys: [String]? = nil
    /// For an exploded `form` map: the body's other members, whose pairs are not the map's.
    public var others: [String] = []
}

/// The parts of a `multipart/form-data` body, typed from the properties of its object schema and
/// the media type's `encoding`.
public struct IRMultipart: Sendable, Equatable {
    /// The struct holding the parts, nested in the body enum (`Parts`).
    public var typeName: String
    public var parts: [IRPart]
}

public struct IRPart: Sendable, Equatable {
    /// The part's name on the wire and the Swift member name.
    public var name: IRName
    /// A file (`format: binary`, or an `encoding` content type that is neither text nor JSON),
    /// sent with a file name and content type; other parts are text or JSON values.
    public var isFile: Bool
    /// An array property: one part per item, all with this name.
    public var isRepeated: Bool
    public var isRequired: Bool
    /// The value's type (for a repeated part, the item's).
    public var type: IRValueType
    /// The property's constraints (for a repeated part, the array's; for files, only their count).
    public var constraints: IRConstraints
    /// `encoding.<name>.contentType`; `nil` means the default for the value's type.
    public var contentType: String?
    /// `encoding.<name>.headers`.
    public var headers: [IRResponseHeader]
    /// The struct for those headers (`FileHeaders`), when there are any.
    public var headersTypeName: String?
    public var docs: IRDocs
}

public struct IRRequestBody: Sendable, Equatable {
    public var isRequired: Bool
    public var contents: [IRContent]
    public var docs: IRDocs
}

public enum IRResponseKey: Sendable, Hashable {
    case code(Int)
    /// `1XX` … `5XX`, by first digit.
    case range(Int)
    case `default`
}

public struct IRResponse: Sendable, Equatable {
    public var key: IRResponseKey
    /// The output enum case (`ok`, `created`, `notFound`, `clientError`, `default`).
    public var caseName: String
    /// The struct holding the response's headers and body (`Ok`, `NotFound`).
    public var typeName: String
    public var docs: IRDocs
    public var headers: [IRResponseHeader]
    public var contents: [IRContent]
    /// `x-lathe-failure-when`: body values that mean the call failed although the status says not.
    public var failureWhen: IRFailureCondition?
    /// For a `$ref` to `components/responses`: the name of the one struct every operation that uses
    /// it shares, in `Operations.<IRModule.responsesNamespace>`; the operation's `typeName` is an alias.
    public var sharedName: String? = nil
    /// A `2XX`, `3XX` or `default` response with content that a status HTTP gives no content
    /// (204, 205, 304) can arrive as: its body has a case `empty` for that.
    public var mayArriveEmpty = false
}

/// A JSON body whose `property` holds one of `values` is a failure; `message` points at the text
/// that explains it. Paths are member names, with array indices as decimal text.
public struct IRFailureCondition: Sendable, Equatable {
    public var property: [String]
    public var values: [String]
    public var message: [String]?
}

/// `x-lathe-request-signature`: an HMAC-SHA512 over parts of the request, keyed by a shared secret.
public struct IRRequestSignature: Sendable, Equatable {
    /// The header the signature is sent in.
    public var header: String
    public var timestampHeader: String
    public var tolerance: Int
    /// The signed text's parts, in order: `lowercased-path`, `path`, `body-hash`, `timestamp`, `method`.
    public var components: [String]
}

public struct IRResponseHeader: Sendable, Equatable {
    public var name: IRName
    public var isRequired: Bool
    public var type: IRValueType
    public var docs: IRDocs
    /// The media type a header described with `content` travels as (its value is, say, JSON text);
    /// `nil` for one described with `schema`, which travels in style `simple`.
    public var contentType: String? = nil
}

public struct IRSecurityScheme: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// `prefix` (`x-lathe-api-key-prefix`) goes before the key with a space: `Authorization: Token <key>`.
        case apiKey(name: String, location: IRParameterLocation, prefix: String?)
        case requestSignature(IRRequestSignature)
        case basic
        case bearer
        /// OAuth 2 and OpenID Connect: a bearer token from a token provider.
        case oauth2
        /// Schemes Lathe does not apply (mutual TLS, HTTP digest, a scheme the spec names but does
        /// not define usably): a client leaves them to the transport; a server admits a request on
        /// one only through a check the user supplies, so no defect opens an endpoint to anyone.
        case unsupported(String)
    }

    public var name: IRName
    public var kind: Kind
    public var docs: IRDocs
    public var source: IRSource
}

public struct IRSecurityRequirement: Sendable, Hashable {
    /// Index into `IRModule.securitySchemes`.
    public var scheme: Int
    public var scopes: [String]
}

/// The data of an event stream's events, typed by event name (`event: tick` → `Tick`).
public struct IREventData: Sendable, Equatable {
    /// The enum nested in the body enum (`EventData`).
    public var typeName: String
    public var cases: [IREventCase]
}

public struct IREventCase: Sendable, Equatable {
    /// The `event` field's value.
    public var event: String
    public var caseName: String
    /// The data's type; a string is the data's text itself.
    public var type: IRValueType
}

/// A path segment that holds text beside its template expressions (`{Sid}.json`, `{id}:cancel`,
/// `{functionName}.{namespace}`). Paths are read as UTF-8 bytes: every operation's path passes
/// through these, and Characters cost Twilio's 197 a tenth of its run.
public struct IRSegmentTemplate: Hashable, Sendable {
    /// The name a server registers the segment under: its first expression's.
    public var parameter: String
    /// Text and names alternating, text first and last (`["", "Sid", ".json"]`).
    public var parts: [String]

    /// How an operation of `path` reads what a server registered under `route` (of the same
    /// shape, perhaps another operation's) hands it: each segment of `path` that holds names, as
    /// the name `route` registers there and the parts to split it by; not one whose name is the
    /// very one registered. Empty segments are not compared: routers drop them, so `/files/{id}.json`
    /// and `/files/{name}.xml/` share a route.
    public static func adapting(_ path: String, to route: String) -> [IRSegmentTemplate] {
        let own = withoutFragment(path)
        guard own != route else { return [] }
        let registered = segments(route).filter { !$0.isEmpty }
        let segments = segments(own).filter { !$0.isEmpty }
        guard registered.count == segments.count else { return [] }
        return zip(registered, segments).compactMap { registered, segment in
            guard let name = wholeName(registered) else { return nil }
            if let template = template(segment) { return IRSegmentTemplate(parameter: name, parts: template.parts) }
            guard let ownName = wholeName(segment), ownName != name else { return nil }
            return IRSegmentTemplate(parameter: name, parts: ["", ownName, ""])
        }
    }

    /// The segments of `path` that hold text beside their expressions, in order.
    public static func segments(of path: String) -> [IRSegmentTemplate] {
        let path = withoutFragment(path)
        guard path.utf8.contains(UInt8(ascii: "{")) else { return [] }
        return segments(path).compactMap(template)
    }

    /// `path` with each segment that holds text beside its expressions made one `{name}`.
    public static func route(_ path: String) -> String {
        let path = withoutFragment(path)
        guard path.utf8.contains(UInt8(ascii: "{")) else { return String(path) }
        return segments(path).map { segment in
            template(segment).map { "{\($0.parameter)}" } ?? String(segment)
        }.joined(separator: "/")
    }

    /// The part of `path` a server sees: not a fragment (Box's `/files/{file_id}#get_shared_link`
    /// names a variant of `/files/{file_id}` for its documentation; no request carries it).
    static func withoutFragment(_ path: String) -> Substring {
        guard let hash = path.utf8.firstIndex(of: UInt8(ascii: "#")) else { return path[...] }
        return path[..<hash]
    }

    /// `path` split at each `/`, by bytes.
    public static func segments(_ path: some StringProtocol) -> [Substring] {
        let text = Substring(path)
        var segments: [Substring] = []
        var start = text.startIndex
        for index in text.utf8.indices where text.utf8[index] == UInt8(ascii: "/") {
            segments.append(text[start ..< index])
            start = text.utf8.index(after: index)
        }
        segments.append(text[start...])
        return segments
    }

    /// `name` of a segment that is one whole `{name}`.
    public static func wholeName(_ segment: Substring) -> String? {
        isWholeName(segment) ? String(segment.dropFirst().dropLast()) : nil
    }

    private static func isWholeName(_ segment: Substring) -> Bool {
        let bytes = segment.utf8
        return bytes.first == UInt8(ascii: "{") && bytes.last == UInt8(ascii: "}") && bytes.count > 2
            && !bytes.dropFirst().dropLast().contains { $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "}") }
    }

    private static func template(_ segment: Substring) -> IRSegmentTemplate? {
        let bytes = segment.utf8
        guard bytes.contains(UInt8(ascii: "{")), !isWholeName(segment) else { return nil }
        // Text and names alternate; braces are ASCII, so the byte ranges between them are whole text.
        var parts: [String] = []
        var start = bytes.startIndex
        var inName = false
        for index in bytes.indices {
            switch (bytes[index], inName) {
            case (UInt8(ascii: "{"), false), (UInt8(ascii: "}"), true):
                parts.append(String(segment[start ..< index]))
                start = bytes.index(after: index)
                inName.toggle()
            case (UInt8(ascii: "{"), true), (UInt8(ascii: "}"), false): return nil  // malformed: never lowered
            default: break
            }
        }
        guard !inName else { return nil }
        parts.append(String(segment[start...]))
        guard parts.count >= 3 else { return nil }
        return IRSegmentTemplate(parameter: parts[1], parts: parts)
    }
}
