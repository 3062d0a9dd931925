import LatheIR

/// `APIServer` (the operations of `APIProtocol`, and the documented refusals), `registerHandlers(on:)`,
/// and `ServerAuthentication`.
struct ServerEmitter: OperationsKindEmitter {
    let context: EmitterContext

    /// The protocol and the authentication type (inside the namespace), the registration and the
    /// refusal defaults (an extension of the protocol), and each operation's handling in chunks.
    func renderCore() -> (declarations: SwiftWriter, extensions: SwiftWriter) {
        var declarations = SwiftWriter()
        emitProtocol(into: &declarations)
        declarations.line()
        emitAuthentication(into: &declarations)
        var extensions = SwiftWriter()
        extensions.block("extension \(qualifier)APIServer") { w in
            emitRegistration(into: &w)
            emitRefusalDefaults(Self.refusalHooks(module.operations), into: &w)
        }
        return (declarations, extensions)
    }

    func renderChunk(_ operations: [IROperation]) -> SwiftWriter {
        var chunk = SwiftWriter()
        for (index, operation) in operations.enumerated() {
            if index > 0 { chunk.line() }
            emitHandling(operation, qualifier: qualifier, into: &chunk)
        }
        return chunk
    }

    // MARK: Receiving webhooks and callbacks

    /// What receives the requests the API sends (`module.webhooks`), which its client's code
    /// holds: the protocol `APIWebhooks` and `WebhookPaths` (inside the namespace), and the
    /// registration, which takes the path the receiver gave for each (an extension). Each one's
    /// handling is in `renderWebhookHandling`.
    func renderWebhookReceiver() -> (declarations: SwiftWriter, extensions: SwiftWriter) {
        var declarations = SwiftWriter()
        declarations.docComment([
            "The requests `\(module.specFileName)` says the API sends (webhooks and callbacks), one method",
            "each: implement them, and register the implementation on any `ServerTransport` with",
            "`registerWebhookHandlers(on:paths:)`. A request that breaks the spec gets a 400 problem response,",
            "or the spec's own shape for it where it documents one.",
        ])
        let hooks = Self.refusalHooks(module.webhooks)
        declarations.block("nonisolated public protocol APIWebhooks: Swift.Sendable") { w in
            for webhook in module.webhooks {
                let op = "Operations.\(webhook.typeName)"
                var docs = DocComments.lines(webhook.docs)
                if !docs.isEmpty { docs.append("") }
                w.docComment(docs + ["`\(webhook.method)`, \(webhook.received?.description ?? "")."])
                w.line(
                    "func \(SwiftNames.escapedMember(webhook.methodName))(_ input: \(op).\(webhook.names.input)) "
                        + "async throws -> \(op).\(webhook.names.output)")
            }
            if !hooks.isEmpty {
                w.line()
                emitRefusalRequirements(hooks, into: &w)
            }
        }
        declarations.line()
        declarations.docComment([
            "Where a receiver takes each request the API sends: the path it gave the API for it, or",
            "`nil` (the default) to take none. Several may share one path where `registerWebhookHandlers`",
            "is given a `WebhookChoice`. A path is registered as written; a `{name}` in it is read by no handler.",
        ])
        let members = module.webhooks.map { webhook in
            let name = SwiftNames.escapedMember(webhook.methodName)
            return (name, "\(name): Swift.String? = nil")
        }
        declarations.block("nonisolated public struct WebhookPaths: Swift.Sendable\(andHashable)") { w in
            for webhook in module.webhooks {
                w.docComment(["Where \(webhook.received?.description ?? "") is received."])
                w.line("public var \(SwiftNames.escapedMember(webhook.methodName)): Swift.String?")
            }
            w.memberwiseInit(members)
        }
        var extensions = SwiftWriter()
        extensions.block("extension \(qualifier)APIWebhooks") { w in
            w.docComment([
                "Routes each request the API sends to this implementation, at the path `paths` gives it.",
                "A request that breaks the spec (a missing or malformed parameter, a body that does not",
                "decode or breaks a constraint) gets a 400 problem response saying where, and never reaches",
                "a handler.",
                "",
                "- Parameter choice: How to tell apart webhooks given one method and one path, as a provider",
                "  that sends every event to one URL needs (`.jsonProperty(\"type\")`, `.header(…)`): what it",
                "  reads names the webhook as the spec does; a request it names none of them for is answered",
                "  404, one it cannot read 400. Without one, such webhooks throw `WebhookPathsConflict`, and",
                "  nothing is registered.",
                "- Parameter limits: What one request may cost: body and header sizes, multipart parts, JSON depth.",
            ])
            w.block(
                "nonisolated public func registerWebhookHandlers(on transport: any OpenAPIRuntime.ServerTransport, "
                    + "paths: \(qualifier)WebhookPaths, choosing choice: \(Runtime.webhookChoice)? = nil, "
                    + "middlewares: [any OpenAPIRuntime.ServerMiddleware] = [], limits: \(Runtime.serverLimits) = .init()) "
                    + "throws"
            ) { w in
                w.line("var routes: [\(Runtime.ServerSupport.webhookRoute)] = []")
                for webhook in module.webhooks {
                    w.block("if let path = paths.\(SwiftNames.escapedMember(webhook.methodName))") { w in
                        w.line(
                            "routes.append(.init(method: \(SwiftLiteral.string(webhook.method)), path: path, name: "
                                + "\(SwiftLiteral.string(webhook.received?.name ?? ""))) { request, body, metadata in")
                        w.indented { w in w.line("try await \(handleCall(webhook, qualifier: qualifier))") }
                        w.line("})")
                    }
                }
                w.line(
                    "try \(Runtime.ServerSupport.registerWebhooks)(routes, on: transport, choosing: choice, limits: limits)"
                )
            }
            emitRefusalDefaults(hooks, into: &w)
        }
        return (declarations, extensions)
    }

    /// How a receiver handles each of `webhooks` (a chunk of `module.webhooks`).
    func renderWebhookHandling(_ webhooks: [IROperation]) -> SwiftWriter {
        var w = SwiftWriter()
        for (index, webhook) in webhooks.enumerated() {
            if index > 0 { w.line() }
            emitHandling(webhook, qualifier: qualifier, into: &w)
        }
        return w
    }

    private func emitProtocol(into w: inout SwiftWriter) {
        w.docComment([
            "What a server for `\(module.specFileName)` implements: the operations (`APIProtocol`) and, where",
            "the spec documents its own shape for a request refused before any handler runs, that answer.",
            "Register it on any `ServerTransport` (Hummingbird, Vapor, …) with `registerHandlers(on:)`.",
        ])
        let hooks = Self.refusalHooks(module.operations)
        if hooks.isEmpty {
            w.line("nonisolated public protocol APIServer: APIProtocol {}")
            return
        }
        w.block("nonisolated public protocol APIServer: APIProtocol") { w in emitRefusalRequirements(hooks, into: &w) }
    }

    /// The refusals `operations` document, each with its operation and response.
    static func refusalHooks(_ operations: [IROperation]) -> [(IROperation, Refusal, IRResponse)] {
        operations.flatMap { operation in Self.documentedRefusals(operation).map { (operation, $0.0, $0.1) } }
    }

    /// A protocol's requirement for each documented refusal.
    private func emitRefusalRequirements(_ hooks: [(IROperation, Refusal, IRResponse)], into w: inout SwiftWriter) {
        for (index, (operation, hook, response)) in hooks.enumerated() {
            if index > 0 { w.line() }
            w.docComment(
                hook.docs(operationID: operation.operationID, problemConforms: Self.problemConforms(to: response)))
            w.line(hook.requirement(operation, response: response, qualifier: ""))
        }
    }

    /// A response Lathe's server sends without calling the handler (bad input, no valid
    /// credentials) which the spec documents in a shape of its own: the protocol asks for that shape.
    enum Refusal: CaseIterable {
        case badRequest, unauthorized

        var status: Int { self == .badRequest ? 400 : 401 }

        /// The hook's argument and what the server passes.
        var parameter: String {
            self == .badRequest ? "badRequest error: \(Runtime.requestError)" : "unauthorized schemes: [Swift.String]"
        }

        func docs(operationID: String, problemConforms: Bool) -> [String] {
            let what =
                switch self {
                case .badRequest:
                    [
                        "The 400 response for a request to `\(operationID)` that breaks the spec, "
                            + "in the shape the spec documents."
                    ]
                case .unauthorized:
                    [
                        "The 401 response for a request to `\(operationID)` that no security alternative admits "
                            + "(`schemes` lists",
                        "the alternatives), in the shape the spec documents.",
                    ]
                }
            let fallback =
                problemConforms
                ? ["`nil` (the default) sends Lathe's RFC 7807 problem, which the spec allows here."]
                : [
                    "There is no default: the spec documents another body than Lathe's RFC 7807 problem, so a server",
                    "conforms only when it answers in that shape. `nil` sends the problem anyway.",
                ]
            return what + fallback + ["The handler is not called either way."]
        }

        func requirement(_ operation: IROperation, response: IRResponse, qualifier: String) -> String {
            let op = "\(qualifier)Operations.\(operation.typeName)"
            return
                "func \(SwiftNames.escapedMember(operation.methodName))(\(parameter)) async throws -> "
                + "\(op).\(operation.names.output).\(response.typeName)?"
        }
    }

    /// The refusals the operation documents, with their responses.
    static func documentedRefusals(_ operation: IROperation) -> [(Refusal, IRResponse)] {
        Refusal.allCases.compactMap { refusal in
            if refusal == .unauthorized && operation.security.isEmpty { return nil }
            return operation.responses.first { $0.key == .code(refusal.status) }.map { (refusal, $0) }
        }
    }

    /// Whether Lathe's RFC 7807 problem is a body the spec allows for `response`: it documents no
    /// body, or `application/problem+json` among its bodies.
    static func problemConforms(to response: IRResponse) -> Bool {
        response.contents.isEmpty
            || response.contents.contains { IRContentKind.essence($0.contentType) == "application/problem+json" }
    }

    /// Default implementations of the refusal hooks (Lathe's problem response), only where the
    /// problem conforms to what the spec documents: elsewhere the server's author must supply the
    /// documented shape, or the server would answer outside its spec by default.
    private func emitRefusalDefaults(_ hooks: [(IROperation, Refusal, IRResponse)], into w: inout SwiftWriter) {
        for (operation, hook, response) in hooks where Self.problemConforms(to: response) {
            w.line()
            w.line(
                "nonisolated public " + hook.requirement(operation, response: response, qualifier: qualifier)
                    + " { nil }")
        }
    }

    private func emitRegistration(into w: inout SwiftWriter) {
        w.docComment([
            "Routes every operation to this implementation. A request that breaks the spec (a missing or",
            "malformed parameter, a body that does not decode or breaks a constraint) gets a 400 problem",
            "response saying where, and never reaches a handler; a request no security alternative admits gets 401.",
            "",
            "- Parameter serverURL: Its path is the prefix every operation's path is registered under.",
            "- Parameter limits: What one request may cost: body and header sizes, multipart parts, JSON depth.",
        ])
        let signature =
            "nonisolated public func registerHandlers(on transport: any OpenAPIRuntime.ServerTransport, "
            + "serverURL: Foundation.URL = Foundation.URL(string: \"/\")!, middlewares: "
            + "[any OpenAPIRuntime.ServerMiddleware] = [], authentication: \(qualifier)ServerAuthentication = "
            + ".init(), limits: \(Runtime.serverLimits) = .init()) throws"
        w.block(signature) { w in
            // A document of webhooks alone has no operation to register.
            if module.operations.isEmpty { return }
            w.line("let prefix = serverURL.path == \"/\" ? \"\" : serverURL.path")
            // Each route once, at its first operation, with every operation that shares it.
            // By index: a copy of each operation cost Square's registrations more than writing them.
            var sharing: [Int: [Int]] = [:]
            for (index, operation) in module.operations.enumerated() {
                sharing[operation.routeGroup, default: []].append(index)
            }
            var registered = Set<Int>()
            var placeNames: [String: String] = [:]
            for operation in module.operations {
                guard operation.isRouted || !operation.segmentTemplates.isEmpty else {
                    w.comment(
                        "\(operation.method) \(operation.path) has the route of another operation, which is "
                            + "registered; no router can tell them apart."
                    )
                    continue
                }
                guard registered.insert(operation.routeGroup).inserted else { continue }
                // Those whose segments hold text, told apart by it (the most text first: `{id}.json`
                // before `{name}.{ext}`; then in the spec's order), then the first without.
                let group = sharing[operation.routeGroup] ?? []
                let tried: [IROperation]
                if group.count == 1 {
                    tried = [operation]
                } else {
                    let members = group.map { module.operations[$0] }
                    let segmented = members.enumerated().filter { !$0.element.segmentTemplates.isEmpty }.sorted {
                        ($0.element.segmentText, $1.offset) > ($1.element.segmentText, $0.offset)
                    }
                    tried = segmented.map(\.element) + members.filter { $0.segmentTemplates.isEmpty && $0.isRouted }
                }
                let route = Self.registeredRoute(operation.route, names: &placeNames)
                // How each reads its own names from the route's, once.
                let adapted = tried.map { ($0, IRSegmentTemplate.adapting($0.path, to: route)) }
                w.line("try transport.register(")
                w.indented { w in
                    if adapted.count == 1, adapted[0].1.isEmpty {
                        w.line(
                            "{ request, body, metadata in try await \(handleCall(tried[0], qualifier: qualifier)) },")
                    } else {
                        emitDispatch(adapted, qualifier: qualifier, into: &w)
                    }
                    w.line(
                        "method: HTTPTypes.HTTPRequest.Method(\(SwiftLiteral.string(operation.method)))!, path: "
                            + "prefix + \(SwiftLiteral.string(route))"
                    )
                }
                w.line(")")
            }
        }
    }

    /// `route` with each name the one a router keeps at that place: the name the first route
    /// registered through it gave, whatever its method. Vapor's router traps on another name there
    /// (Twilio's `/Accounts/{Sid}` beside `/Accounts/{AccountSid}/Calls`); Hummingbird's keeps one
    /// tree for all methods, where a second name is a second branch that one method's requests never
    /// reach (`GET /pets/{id}` beside `DELETE /pets/{petId}`). An operation reads its own names from
    /// the kept ones (`IRSegmentTemplate.adapting`). Places are counted as routers count them,
    /// without empty segments.
    static func registeredRoute(_ route: String, names: inout [String: String]) -> String {
        guard route.utf8.contains(UInt8(ascii: "{")) else { return route }
        var place = ""
        var renamed = false
        // The names of the places before, which a place's own must differ from: a router keeps one
        // value per name (Twilio's `/Accounts/{Sid}` beside `/Accounts/{AccountSid}/Calls/{Sid}.json`
        // would register `{Sid}` twice). A place's places before are the same in every route
        // through it, so a name chosen once stays unique.
        var before: Set<String> = []
        var segments = IRSegmentTemplate.segments(route)
        for index in segments.indices where !segments[index].isEmpty {
            let segment = segments[index]
            guard let own = IRSegmentTemplate.wholeName(segment) else {
                place.append("/")
                place.append(contentsOf: segment)
                continue
            }
            place.append("/{}")
            let name: String
            if let kept = names[place] {
                name = kept
            } else {
                var fresh = String(own)
                var number = 1
                while before.contains(fresh) {
                    number += 1
                    fresh = "\(own)_\(number)"
                }
                name = fresh
                names[place] = name
            }
            before.insert(name)
            if name != own {
                segments[index] = "{" + name + "}"
                renamed = true
            }
        }
        return renamed ? segments.joined(separator: "/") : route
    }

    private func handleCall(_ operation: IROperation, qualifier: String) -> SwiftCode {
        "\(qualifier)Operations.\(operation.typeName).handle(request, body: body, metadata: metadata, api: self, "
            + "middlewares: middlewares, \(operation.received == nil ? "authentication: authentication, " : "")"
            + "limits: limits)"
    }

    /// One route for operations a router cannot tell apart: each in turn when its segments have
    /// their form, read as `adapting` says from the names the route registers.
    private func emitDispatch(
        _ tried: [(IROperation, adapting: [IRSegmentTemplate])], qualifier: String, into w: inout SwiftWriter
    ) {
        w.line("{ request, body, metadata in")
        w.indented { w in
            for (operation, adapting) in tried {
                let segments = adapting.map {
                    "(\(SwiftLiteral.string($0.parameter)), \(SwiftLiteral.strings($0.parts)))"
                }
                if segments.isEmpty {
                    w.line("return try await \(handleCall(operation, qualifier: qualifier))")
                    return
                }
                w.block(
                    "if let metadata = \(Runtime.ServerSupport.splittingSegments)(metadata, "
                        + "[\(segments.joined(separator: ", "))])"
                ) { w in
                    w.line("return try await \(handleCall(operation, qualifier: qualifier))")
                }
            }
            w.line("return \(Runtime.ServerSupport.notFound)()")
        }
        w.line("},")
    }

    // MARK: Handling one operation

    private func emitHandling(_ operation: IROperation, qualifier: String, into w: inout SwiftWriter) {
        let names = operation.names
        w.block("extension \(qualifier)Operations.\(operation.typeName)") { w in
            let alternatives = module.securityAlternatives(operation).map(SwiftLiteral.strings)
            // A webhook's receiver is no `APIServer`, and checks no credentials (`webhook-security-unchecked`).
            let isWebhook = operation.received != nil
            w.block(
                "nonisolated static func handle(_ request: HTTPTypes.HTTPRequest, body: OpenAPIRuntime.HTTPBody?, "
                    + "metadata: OpenAPIRuntime.ServerRequestMetadata, api: some "
                    + "\(qualifier)\(isWebhook ? "APIWebhooks" : "APIServer"), "
                    + "middlewares: [any OpenAPIRuntime.ServerMiddleware], "
                    + (isWebhook ? "" : "authentication: \(qualifier)ServerAuthentication, ")
                    + "limits: \(Runtime.serverLimits)) async throws -> (HTTPTypes.HTTPResponse, OpenAPIRuntime.HTTPBody?)"
            ) { w in
                w.closure(
                    "try await \(Runtime.ServerSupport.handle)(request, body: body, metadata: metadata, "
                        + "operationID: id, middlewares: middlewares, limits: limits)",
                    parameters: "request, body, metadata"
                ) { w in
                    let secured = !operation.security.isEmpty
                    if secured {
                        var bodyArgument = ""
                        if module.hasRequestSigning {
                            // Verifying a signature reads the body and puts it back.
                            w.line("var body = body")
                            bodyArgument = "body: &body, "
                        }
                        w.line("let caller: \(Runtime.caller)?")
                        w.switchBlock(
                            "try await authentication.check(request, \(bodyArgument)alternatives: "
                                + "[\(alternatives.joined(separator: ", "))])"
                        ) { w in
                            w.line("case .admitted(let admitted): caller = admitted")
                            w.line("case .refused(let response, let body):")
                            w.indented { w in
                                if let (_, unauthorized) = Self.documentedRefusals(operation).first(where: {
                                    $0.0 == .unauthorized
                                }) {
                                    let schemes = SwiftLiteral.strings(
                                        module.securityAlternatives(operation).map { $0.joined(separator: " and ") })
                                    w.line(
                                        "if let shaped = try await "
                                            + "api.\(SwiftNames.escapedMember(operation.methodName))(unauthorized: "
                                            + "\(schemes)) { return try "
                                            + "encode(.\(SwiftNames.escapedMember(unauthorized.caseName))(shaped), "
                                            + "for: request) }"
                                    )
                                }
                                w.line("return (response, body)")
                            }
                        }
                    }
                    w.line("let input: \(names.input)")
                    w.doCatch(
                        { w in
                            w.line(
                                "input = try await \(names.input)(request, body: body, metadata: metadata"
                                    + (secured ? ", caller: caller)" : ")"))
                            w.line("let issues = input.validationIssues")
                            w.line("if !issues.isEmpty { throw \(Runtime.requestError)(issues) }")
                        }, catching: "let error as \(Runtime.requestError)"
                    ) { w in
                        if let (_, badRequest) = Self.documentedRefusals(operation).first(where: { $0.0 == .badRequest }
                        ) {
                            // A 415 (a body's content type) is not the documented 400.
                            let call = "api.\(SwiftNames.escapedMember(operation.methodName))(badRequest: error)"
                            let only400 = operation.requestBody == nil ? "" : "error.status == 400, "
                            w.line(
                                "if \(only400)let shaped = try await \(call) { return try "
                                    + "encode(.\(SwiftNames.escapedMember(badRequest.caseName))(shaped), for: request) }"
                            )
                        }
                        w.line("return \(Runtime.ServerSupport.badRequest)(error)")
                    }
                    w.line(
                        "return try encode(try await api.\(SwiftNames.escapedMember(operation.methodName))(input), "
                            + "for: request)")
                }
            }
            w.line()
            emitOutputEncoding(operation, into: &w)
        }
        w.line()
        emitInputDecoding(operation, qualifier: qualifier, into: &w)
    }

    private func emitInputDecoding(_ operation: IROperation, qualifier: String, into w: inout SwiftWriter) {
        let names = operation.names
        w.block("extension \(qualifier)Operations.\(operation.typeName).\(names.input)") { w in
            w.docComment([
                "Decodes a request's parameters and body, or throws a `RequestError` saying what is wrong where."
            ])
            w.block(
                "nonisolated init(_ request: HTTPTypes.HTTPRequest, body: OpenAPIRuntime.HTTPBody?, metadata: "
                    + "OpenAPIRuntime.ServerRequestMetadata"
                    + (operation.security.isEmpty ? "" : ", caller: \(Runtime.caller)?") + ") async throws"
            ) { w in
                if operation.parameters.contains(where: { $0.location == .query }) {
                    w.line(
                        "let queryItems = \(Runtime.URIDecoding.queryItems)(\(Runtime.ServerSupport.query)(of: "
                            + "request))"
                    )
                }
                var members: [String] = []
                // Past `CompilerLimits.parametersInOneExpression`, the group is made from its required
                // parameters, and each other one decoded into it in a statement of its own: decoded
                // into locals first, each `try` would have to release every value decoded before it.
                let apart = operation.parameters.count >= CompilerLimits.parametersInOneExpression
                for (location, nameKey, member) in OperationsEmitter.locations {
                    let parameters = operation.parameters.filter { $0.location.group == location }
                    guard !parameters.isEmpty else { continue }
                    // Those the group's initializer has no default for.
                    let needed = { (parameter: IRParameter) in spelling.argumentDefault(parameter) == nil }
                    let inline = apart ? parameters.filter(needed) : parameters
                    let later = apart ? parameters.filter { !needed($0) } : []
                    let values = inline.map { parameter -> String in
                        "\(SwiftNames.argumentLabel(parameter.name.swift)): \(decodeParameter(parameter))"
                    }
                    let binding = later.isEmpty ? "let" : "var"
                    if values.isEmpty {
                        w.line("\(binding) \(member) = \(names[keyPath: nameKey])()")
                    } else {
                        w.line("\(binding) \(member) = \(names[keyPath: nameKey])(")
                        w.indented { w in
                            for (index, value) in values.enumerated() {
                                w.line(value + (index < values.count - 1 ? "," : ""))
                            }
                        }
                        w.line(")")
                    }
                    for parameter in later {
                        w.line(
                            "\(member).\(SwiftNames.escapedMember(parameter.name.swift)) = \(decodeParameter(parameter))"
                        )
                    }
                    members.append("\(member): \(member)")
                }
                if let requestBody = operation.requestBody {
                    emitBodyDecoding(requestBody, names: names, into: &w)
                    members.append("body: decodedBody")
                } else {
                    w.line("_ = body")
                }
                if !operation.parameters.contains(where: { $0.location == .path }) { w.line("_ = metadata") }
                if operation.negotiatesContent {
                    members.append("accept: \(Runtime.accept)(request.headerFields[.accept])")
                }
                if !operation.security.isEmpty { members.append("caller: caller") }
                w.line("self.init(\(members.joined(separator: ", ")))")
            }
        }
    }

    private func decodeParameter(_ parameter: IRParameter) -> SwiftCode {
        let name = SwiftLiteral.string(parameter.name.original)
        let shape = spelling.uriShape(parameter.type, contentType: parameter.contentType)
        let raw: SwiftCode
        switch parameter.location {
        case .path:
            raw =
                "\(Runtime.URIDecoding.path)(named: \(name), in: metadata.pathParameters, style: "
                + ".\(parameter.style), explode: \(parameter.explode), as: \(shape.valueShape))"
        case .query:
            raw =
                "\(Runtime.URIDecoding.query)(queryItems, name: \(name), style: .\(parameter.style), explode: "
                + "\(parameter.explode), as: \(shape.valueShape))"
        case .header:
            raw =
                "\(Runtime.URIDecoding.header)(named: \(name), in: request.headerFields, explode: "
                + "\(parameter.explode), as: \(shape.valueShape))"
        case .cookie:
            raw =
                "\(Runtime.URIDecoding.cookie)(named: \(name), in: request.headerFields, as: \(shape.valueShape)"
                + "\(parameter.isCookieStyle ? ", style: .cookie, explode: \(parameter.explode)" : ""))"
        case .querystring:
            return defaultedOrRequired(decodeQuerystring(parameter), parameter)
        }
        return defaultedOrRequired(shape.decodeCall(raw, name: parameter.name.original), parameter)
    }

    /// 3.2's whole query, read as its media says (`QueryStringMedia`).
    private func decodeQuerystring(_ parameter: IRParameter) -> SwiftCode {
        let name = SwiftLiteral.string(parameter.name.original)
        let query = "\(Runtime.ServerSupport.query)(of: request)"
        let type = spelling.type(parameter.type.nonNull)
        return switch spelling.queryStringMedia(parameter) {
        case .form:
            "try \(Runtime.URIDecoding.querystring)(form: \(type).self, in: \(query), required: \(parameter.isRequired))"
        case .json: "try \(Runtime.URIDecoding.querystring)(json: \(type).self, in: \(query), at: \(name))"
        case .text:
            "try \(Runtime.URIDecoding.querystring)(text: \(type).self, in: \(query), at: \(name), required: "
                + "\(parameter.isRequired))"
        }
    }

    /// A decoded parameter's value: its default when absent, or a `RequestError` when it is
    /// required and absent.
    private func defaultedOrRequired(_ decoded: SwiftCode, _ parameter: IRParameter) -> SwiftCode {
        if let literal = parameter.defaultValue.flatMap({ spelling.literal($0, as: parameter.type) }) {
            return "\(decoded) ?? \(literal)"
        }
        let name = SwiftLiteral.string(parameter.name.original)
        return parameter.isRequired ? "try \(Runtime.URIDecoding.required)(\(decoded), at: \(name))" : decoded
    }

    private func emitBodyDecoding(_ requestBody: IRRequestBody, names: NestedNames, into w: inout SwiftWriter) {
        w.line("let contentType = request.headerFields[.contentType]")
        w.line("let decodedBody: \(names.body)\(requestBody.isRequired ? "" : "?")")
        var first = true
        if !requestBody.isRequired {
            // No content type and no content: the optional body was left out.
            w.line("if contentType == nil, request.headerFields[.contentLength] ?? \"0\" == \"0\" {")
            w.indented { $0.line("decodedBody = nil") }
            first = false
        }
        for content in requestBody.contents {
            let condition = contentCondition(content)
            w.line((first ? "if " : "} else if ") + condition + " {")
            first = false
            w.indented { w in
                let type = bodyType(content, in: names.body)
                if content.multipart != nil {
                    w.line(
                        "decodedBody = .\(content.caseName)(try \(type)(await "
                            + "\(Runtime.MultipartForm.decode)(body, contentType: contentType, rejectingNull: true)))"
                    )
                    return
                }
                switch content.kind {
                case .json:
                    w.line(
                        "decodedBody = .\(content.caseName)(try await "
                            + "\(Runtime.ServerSupport.decodeJSON)(\(type).self, from: body))"
                    )
                case .urlEncodedForm:
                    w.line(
                        "decodedBody = .\(content.caseName)(try await "
                            + "\(Runtime.BodyCoding.decodeForm)(\(type).self, from: body\(formStylesArgument(content))))"
                    )
                case .text where content.isPlainText:
                    w.line("decodedBody = .\(content.caseName)(try await \(Runtime.BodyCoding.text)(body))")
                case .text:
                    w.line(
                        "decodedBody = .\(content.caseName)(try await "
                            + "\(Runtime.ServerSupport.decodeJSON)(\(type).self, from: body))"
                    )
                case .binary, .multipart:
                    w.line("decodedBody = .\(content.caseName)(body ?? OpenAPIRuntime.HTTPBody())")
                case .jsonLines, .jsonSequence, .eventStream:
                    let source = requestBody.isRequired ? "try \(Runtime.ServerSupport.requiredStream)(body)" : "body"
                    w.line(
                        "decodedBody = .\(content.caseName)(\(decodedStream(content, from: source, in: names.body)))")
                }
            }
        }
        w.line("} else {")
        // The spec's media types, as a literal (a key may hold `"` or `\`).
        let accepted = SwiftLiteral.string(requestBody.contents.map(\.contentType).joined(separator: ", "))
        w.indented {
            $0.line("throw \(Runtime.requestError).unsupportedContentType(request, body: body, accepted: \(accepted))")
        }
        w.line("}")
    }

    private func emitOutputEncoding(_ operation: IROperation, into w: inout SwiftWriter) {
        let names = operation.names
        w.block(
            "nonisolated static func encode(_ output: \(names.output), for request: HTTPTypes.HTTPRequest) throws "
                + "-> (HTTPTypes.HTTPResponse, OpenAPIRuntime.HTTPBody?)"
        ) { w in
            // Success bodies are sent only in a type the request accepts (else 406); where several
            // documented types encode the value alike, the request's preference picks among them.
            let readsAccept = operation.responses.contains { response in
                (response.key.isSuccess && !response.contents.isEmpty)
                    // (A body under a range is sent as its own type: it does not choose among others.)
                    || response.contents.contains {
                        $0.sentContentType == $0.contentType && alike($0, in: response).count > 1
                    }
            }
            if readsAccept, operation.takesAcceptParameter {
                // `Accept` is a parameter of this operation's (`accept-parameter`): its value is the
                // handler's to read, not a preference among the documented types to answer 406 by.
                w.line("let accept = \(Runtime.accept)(nil)")
            } else if readsAccept {
                w.line("let accept = \(Runtime.accept)(request.headerFields[.accept])")
            } else {
                w.line("_ = request")
            }
            w.switchBlock("output") { w in
                for response in operation.responses {
                    let name = SwiftNames.escapedMember(response.caseName)
                    let status: String
                    switch response.key {
                    case .code(let code):
                        w.line("case .\(name)(let value):")
                        status = String(code)
                    case .range, .default:
                        w.line("case .\(name)(let statusCode, let value):")
                        status = "statusCode"
                    }
                    w.indented { w in
                        let mutated = !response.headers.isEmpty || !response.contents.isEmpty
                        w.line(
                            "\(mutated ? "var" : "let") response = HTTPTypes.HTTPResponse(status: .init(code: "
                                + "\(status)))"
                        )
                        for header in response.headers {
                            emitHeaderEncoding(
                                header, value: "value.headers.\(SwiftNames.escapedMember(header.name.swift))",
                                into: "response.headerFields", w: &w)
                        }
                        guard !response.contents.isEmpty else {
                            if response.headers.isEmpty { w.line("_ = value") }
                            w.line("return (response, nil)")
                            return
                        }
                        if response.mayArriveEmpty, !response.key.isExact {
                            // A status without content has none to negotiate (nor a body to send).
                            w.line("if \(Runtime.ClientSupport.hasNoContent)(statusCode) { return (response, nil) }")
                        }
                        w.switchBlock("value.body") { w in
                            if response.mayArriveEmpty { w.line("case .empty: return (response, nil)") }
                            for content in response.contents {
                                w.line("case .\(content.caseName)(let body):")
                                w.indented { w in
                                    let contentType = negotiatedContentType(content, in: response, into: &w)
                                    if content.multipart != nil {
                                        w.line(
                                            "let form = try body.form().encoded(as: "
                                                + "\(SwiftLiteral.string(content.contentType)))"
                                        )
                                        w.line("response.headerFields[.contentType] = form.contentType")
                                        w.line("return (response, form.body)")
                                        return
                                    }
                                    w.line("response.headerFields[.contentType] = \(contentType)")
                                    w.line("return (response, \(encodedBody(content, "body")))")
                                }
                            }
                        }
                    }
                }
                if !operation.coversEveryStatus {
                    w.line("case .undocumented(let statusCode, let headers, let body):")
                    w.indented {
                        $0.line(
                            "return (HTTPTypes.HTTPResponse(status: .init(code: statusCode), headerFields: "
                                + "headers), body)"
                        )
                    }
                }
            }
        }
    }

    /// `content` and the response's other types that hold the same value, encoded the same way.
    private func alike(_ content: IRContent, in response: IRResponse) -> [IRContent] {
        [content]
            + response.contents.filter {
                $0 != content && $0.multipart == nil && content.multipart == nil && bodyType($0) == bodyType(content)
                    && encodedBody($0, "body") == encodedBody(content, "body")
                    // A range (`*/*`) names no type to answer with.
                    && $0.sentContentType == $0.contentType
            }
    }

    /// The `Content-Type` expression for a body in `content`: among the response's types that
    /// hold the same value encoded alike, the one the request prefers. A success body in none the
    /// request accepts is answered with 406; an error body is sent anyway, as RFC 9110 allows.
    private func negotiatedContentType(
        _ content: IRContent, in response: IRResponse, into w: inout SwiftWriter
    ) -> String {
        let literal = SwiftLiteral.string(content.contentType)
        // Made only for a success body, the one a request's `Accept` can refuse.
        var refuse: String {
            "return \(Runtime.ServerSupport.notAcceptable)(accept, offered: "
                + "\(SwiftLiteral.strings(response.contents.map(\.contentType))))"
        }
        if content.sentContentType != content.contentType {
            // A range (`*/*`) names no type to answer with: the body goes out as the type it is, to
            // a request that accepts that type or the range (`Accept: */*`).
            let sent = SwiftLiteral.string(content.sentContentType)
            if response.key.isSuccess {
                w.line("guard accept.quality(of: \(sent)) > 0 || accept.quality(of: \(literal)) > 0 else { \(refuse) }")
            }
            return sent
        }
        let alike = alike(content, in: response)
        let candidates = SwiftLiteral.strings(alike.map(\.contentType))
        if response.key.isSuccess {
            if content.multipart != nil {
                w.line("guard accept.quality(of: \(literal)) > 0 else { \(refuse) }")
                return literal
            }
            w.line("guard let contentType = accept.preferred(among: \(candidates)) else { \(refuse) }")
            return "contentType"
        }
        return alike.count > 1 ? "accept.preferred(among: \(candidates)) ?? \(literal)" : literal
    }

    // MARK: Authentication

    private func emitAuthentication(into w: inout SwiftWriter) {
        let schemes = module.securitySchemes
        w.docComment([
            "How the server checks each security scheme: a verifier per scheme, given what the request presents.",
            "A request that no alternative of its operation admits gets 401 before any handler runs; a scheme",
            "without a verifier admits nobody.",
        ])
        w.block("nonisolated public struct ServerAuthentication: Swift.Sendable") { w in
            for scheme in schemes {
                guard let type = Self.verifierType(scheme) else { continue }
                var notes = [schemeNote(scheme)]
                if case .requestSignature = scheme.kind {
                    notes.append(
                        "Given the request, return the secret its sender signs with (found, say, "
                            + "from the API key it also carries), or nil to refuse it. The signature and the "
                            + "timestamp's age are checked here."
                    )
                }
                if case .unsupported = scheme.kind {
                    notes.append(
                        "Lathe cannot check this scheme itself: given the request, "
                            + "say whether it is admitted. Without a check, no request is admitted on it."
                    )
                }
                w.docComment(DocComments.lines(scheme.docs, notes: notes))
                w.line("public var \(SwiftNames.escapedMember(scheme.name.swift)): (\(type))?")
            }
            let verified = schemes.filter { Self.verifierType($0) != nil }
            w.memberwiseInit(
                verified.map {
                    let name = SwiftNames.escapedMember($0.name.swift)
                    return (name, "\(name): (\(Self.verifierType($0)!))? = nil")
                }, emptyInline: true)
            w.line()
            w.docComment([
                "Admitted, with the caller its schemes identified, when an alternative admits the request (one that",
                "identifies the caller is preferred to an anonymous one); otherwise the 401 response.",
            ])
            let bodyParameter = module.hasRequestSigning ? ", body: inout OpenAPIRuntime.HTTPBody?" : ""
            w.block(
                "func check(_ request: HTTPTypes.HTTPRequest\(bodyParameter), alternatives: "
                    + "[[Swift.String]]) async throws -> \(Runtime.admission)"
            ) { w in
                w.line("if alternatives.isEmpty { return .admitted(nil) }")
                w.block("for alternative in alternatives where !alternative.isEmpty") { w in
                    w.line("var caller: \(Runtime.caller)?")
                    w.line("var admitted = true")
                    w.block("for scheme in alternative") { w in
                        w.block(
                            "guard var identified = try await verify(scheme, "
                                + "request\(module.hasRequestSigning ? ", body: &body" : "")) else"
                        ) { w in
                            w.line("admitted = false")
                            w.line("break")
                        }
                        w.line("identified.scheme = scheme")
                        w.line("caller = caller ?? identified")
                    }
                    w.line("if admitted { return .admitted(caller) }")
                }
                w.line("if alternatives.contains(where: \\.isEmpty) { return .admitted(nil) }")
                w.line(
                    "let refusal = \(Runtime.ServerSupport.unauthorized)(schemes: "
                        + "alternatives.map { $0.joined(separator: \" and \") })"
                )
                w.line("return .refused(refusal.0, refusal.1)")
            }
            w.line()
            w.block(
                "private func verify(_ scheme: Swift.String, _ request: HTTPTypes.HTTPRequest\(bodyParameter)) "
                    + "async throws -> \(Runtime.caller)?"
            ) { w in
                w.switchBlock("scheme") { w in
                    for scheme in schemes {
                        let name = SwiftNames.escapedMember(scheme.name.swift)
                        let label = SwiftLiteral.string(scheme.name.original)
                        switch scheme.kind {
                        case .apiKey(let key, let location, let prefix):
                            w.line("case \(label):")
                            w.indented { w in
                                let prefixArgument = prefix.map { ", prefix: \(SwiftLiteral.string($0))" } ?? ""
                                w.line(
                                    "guard let verifier = \(name), let key = \(Runtime.ServerSupport.apiKey)(in: "
                                        + "request, name: \(SwiftLiteral.string(key)), location: "
                                        + "\(SwiftLiteral.string(location.rawValue))\(prefixArgument)) else { "
                                        + "return nil }"
                                )
                                w.line("return try await verifier(key)")
                            }
                        case .requestSignature(let signature):
                            w.line("case \(label):")
                            w.indented { w in
                                w.line(
                                    "guard let lookup = \(name), let partner = try await lookup(request) else { "
                                        + "return nil }"
                                )
                                w.line(
                                    "return try await \(signatureScheme(signature)).verify(request, body: &body, "
                                        + "secret: partner.secret.secret) ? partner.caller : nil"
                                )
                            }
                        case .basic:
                            w.line("case \(label):")
                            w.indented { w in
                                w.line(
                                    "guard let verifier = \(name), "
                                        + "let credentials = \(Runtime.ServerSupport.basic)(in: "
                                        + "request) else { return nil }"
                                )
                                w.line("return try await verifier(credentials.username, credentials.password)")
                            }
                        case .bearer, .oauth2:
                            w.line("case \(label):")
                            w.indented { w in
                                w.line(
                                    "guard let verifier = \(name), "
                                        + "let token = \(Runtime.ServerSupport.bearer)(in: "
                                        + "request) else { return nil }"
                                )
                                w.line("return try await verifier(token)")
                            }
                        case .unsupported:
                            // Lathe cannot check it: the server's own check decides, and without one it is closed.
                            w.line("case \(label):")
                            w.indented { w in
                                w.line("guard let verifier = \(name) else { return nil }")
                                w.line("return try await verifier(request)")
                            }
                        }
                    }
                    w.line("default: return nil")
                }
            }
        }
    }

    /// Each verifier returns the caller it admits, or `nil` to refuse.
    static func verifierType(_ scheme: IRSecurityScheme) -> String? {
        let caller = "\(Runtime.caller)?"
        return switch scheme.kind {
        case .apiKey, .bearer, .oauth2: "@Sendable (Swift.String) async throws -> \(caller)"
        case .requestSignature: "@Sendable (HTTPTypes.HTTPRequest) async throws -> \(Runtime.signingPartner)?"
        case .basic: "@Sendable (_ username: Swift.String, _ password: Swift.String) async throws -> \(caller)"
        case .unsupported: "@Sendable (HTTPTypes.HTTPRequest) async throws -> \(caller)"
        }
    }
}
