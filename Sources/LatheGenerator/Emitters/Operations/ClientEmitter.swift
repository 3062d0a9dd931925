import LatheIR

/// `Client`: one method per operation on any `ClientTransport`, and `Authentication`.
struct ClientEmitter: OperationsKindEmitter {
    let context: EmitterContext

    private func op(_ operation: IROperation) -> String { "\(qualifier)Operations.\(operation.typeName)" }

    func renderCore() -> (declarations: SwiftWriter, extensions: SwiftWriter) { (renderDeclarations(), SwiftWriter()) }

    func renderChunk(_ operations: [IROperation]) -> SwiftWriter {
        var w = SwiftWriter()
        w.block("extension \(qualifier)Client") { w in
            for (index, operation) in operations.enumerated() {
                if index > 0 { w.line() }
                emitMethod(operation, into: &w)
            }
        }
        // On the protocol, so a fake or a server's own handler type gets the flattened calls too.
        w.line()
        w.block("extension \(qualifier)APIProtocol") { w in
            for (index, operation) in operations.enumerated() {
                if index > 0 { w.line() }
                emitFlattened(operation, into: &w)
            }
        }
        return w
    }

    // MARK: Sending webhooks and callbacks

    /// What sends the requests the API sends (`module.webhooks`), which the API's server code
    /// holds: `WebhookSender` (inside the namespace). Its methods, each taking the URL its
    /// receiver gave, are in `renderWebhookSending`.
    func renderWebhookSender() -> SwiftWriter {
        var declarations = SwiftWriter()
        declarations.docComment([
            "Sends the requests `\(module.specFileName)` says the API sends (webhooks and callbacks), one method",
            "each, to the URL its receiver gave, over any `ClientTransport`. Inputs are validated before anything",
            "is sent, as a `Client`'s are.",
        ])
        declarations.block("nonisolated public struct WebhookSender: Swift.Sendable") { w in
            w.line("public let transport: any OpenAPIRuntime.ClientTransport")
            w.line("public let middlewares: [any OpenAPIRuntime.ClientMiddleware]")
            w.docComment(["Input validation, the response body size limit, and a timeout per call."])
            w.line("public var configuration: \(Runtime.clientConfiguration)")
            w.line()
            w.block(
                "public init(transport: any OpenAPIRuntime.ClientTransport, middlewares: "
                    + "[any OpenAPIRuntime.ClientMiddleware] = [], configuration: \(Runtime.clientConfiguration) = .init())"
            ) { w in
                for member in ["transport", "middlewares", "configuration"] { w.line("self.\(member) = \(member)") }
            }
        }
        return declarations
    }

    /// `WebhookSender`'s methods for `webhooks` (a chunk of `module.webhooks`).
    func renderWebhookSending(_ webhooks: [IROperation]) -> SwiftWriter {
        var w = SwiftWriter()
        w.block("extension \(qualifier)WebhookSender") { w in
            for (index, webhook) in webhooks.enumerated() {
                if index > 0 { w.line() }
                emitMethod(webhook, into: &w)
            }
        }
        return w
    }

    private func renderDeclarations() -> SwiftWriter {
        var w = SwiftWriter()
        w.docComment([
            "A client for `\(module.specFileName)`: one method per operation, over any `ClientTransport`",
            "(URLSession, AsyncHTTPClient, …). Inputs are validated before anything is sent. It implements",
            "`APIProtocol`, so code that calls the API can take any implementation: this client, or a fake.",
        ])
        w.block("nonisolated public struct Client: Swift.Sendable, APIProtocol") { w in
            w.line("public let serverURL: Foundation.URL")
            w.line("public let transport: any OpenAPIRuntime.ClientTransport")
            w.line("public let middlewares: [any OpenAPIRuntime.ClientMiddleware]")
            w.line("public var authentication: Authentication")
            w.docComment(["Input validation, the response body size limit, and a timeout per call."])
            w.line("public var configuration: \(Runtime.clientConfiguration)")
            w.line()
            w.block(
                "public init(serverURL: Foundation.URL, transport: any OpenAPIRuntime.ClientTransport, "
                    + "middlewares: [any OpenAPIRuntime.ClientMiddleware] = [], authentication: "
                    + "Authentication = .init(), configuration: \(Runtime.clientConfiguration) = .init())"
            ) { w in
                for member in ["serverURL", "transport", "middlewares", "authentication", "configuration"] {
                    w.line("self.\(member) = \(member)")
                }
            }
            if !module.servers.isEmpty {
                w.line()
                // The first absolute server, when it takes no variables (a relative one needs an address).
                let first = module.servers.first { !$0.isRelative }
                let constant = first.flatMap { $0.variables.isEmpty ? SwiftNames.escapedMember($0.name) : nil }
                w.docComment([
                    "A client for one of the servers the spec lists"
                        + (constant.map { ", `.\($0)` by default." } ?? ".")
                ])
                let defaultServer = constant.map { " = .\($0)" } ?? ""
                w.block(
                    "public init(server: ServerURL\(defaultServer), transport: any OpenAPIRuntime.ClientTransport, "
                        + "middlewares: [any OpenAPIRuntime.ClientMiddleware] = [], authentication: "
                        + "Authentication = .init(), configuration: \(Runtime.clientConfiguration) = .init())"
                ) { w in
                    w.line(
                        "self.init(serverURL: server.url, transport: transport, middlewares: middlewares, "
                            + "authentication: authentication, configuration: configuration)")
                }
            }
        }
        w.line()
        if !module.servers.isEmpty {
            emitServerURL(into: &w)
            w.line()
        }
        emitAuthentication(into: &w)
        return w
    }

    // MARK: Servers

    /// `ServerURL`: one static member per `servers` entry (a factory when it has variables), each
    /// variable with listed values an enum; and `Client(server:)`.
    private func emitServerURL(into w: inout SwiftWriter) {
        w.docComment([
            "The servers `\(module.specFileName)` lists; `Client(server:)` takes one. An entry with variables",
            "is a method taking them, typed where the spec lists their values.",
        ])
        w.block("nonisolated public struct ServerURL: Swift.Sendable, Swift.Hashable") { w in
            w.line("public var url: Foundation.URL")
            w.memberwiseInit([("url", "url: Foundation.URL")])
            var enums: [String: IRServerVariable] = [:]
            for server in module.servers {
                w.line()
                var docs = server.description.map(SwiftLiteral.docText) ?? []
                if !docs.isEmpty { docs.append("") }
                // The empty URL is the spec's own address.
                docs.append(server.url.isEmpty ? "Where the spec is served" : "`\(server.url)`")
                let name = SwiftNames.escapedMember(server.name)
                if server.isRelative {
                    docs[docs.count - 1] += server.url.isEmpty ? "." : ", relative to where the spec is served."
                }
                if server.variables.isEmpty, !server.isRelative {
                    w.docComment(docs)
                    w.line(
                        "public static let \(name) = ServerURL(url: Foundation.URL(string: "
                            + "\(SwiftLiteral.string(server.url)))!)")
                    continue
                }
                docs.append("")
                var parameters: [String] = []
                var values: [String] = []
                if server.isRelative {
                    docs.append(
                        "- Parameter base: The address the spec is served from, or the server's origin when the "
                            + "URL begins with `/` (`http://10.0.0.1:3000`).")
                    parameters.append("relativeTo base: Foundation.URL")
                }
                for variable in server.variables {
                    let text = variable.description ?? "The value of `{\(variable.name.original)}`."
                    docs.append("- Parameter \(variable.name.swift): \(text)")
                }
                w.docComment(docs)
                for variable in server.variables {
                    let label = SwiftNames.escapedMember(variable.name.swift)
                    let key = SwiftLiteral.string(variable.name.original)
                    if let enumType = variable.enumType {
                        enums[enumType] = variable
                        let fallback = variable.values.first { $0.original == variable.defaultValue }
                        let defaultCase = SwiftNames.escapedMember((fallback ?? variable.values[0]).swift)
                        parameters.append("\(label): \(enumType) = .\(defaultCase)")
                        values.append("\(key): \(label).rawValue")
                    } else if let defaultValue = variable.defaultValue {
                        parameters.append("\(label): Swift.String = \(SwiftLiteral.string(defaultValue))")
                        values.append("\(key): \(label)")
                    } else {
                        parameters.append("\(label): Swift.String")
                        values.append("\(key): \(label)")
                    }
                }
                w.block("public static func \(name)(\(parameters.joined(separator: ", "))) throws -> ServerURL") { w in
                    w.line(
                        "ServerURL(url: try \(Runtime.ClientSupport.serverURL)(\(SwiftLiteral.string(server.url)), "
                            + "\(values.isEmpty ? "[:]" : "[\(values.joined(separator: ", "))]")"
                            + "\(server.isRelative ? ", relativeTo: base" : "")))")
                }
            }
            for (enumType, variable) in enums.sorted(by: { $0.key < $1.key }) {
                w.line()
                w.docComment(["The values of the server variable `\(variable.name.original)`."])
                w.block(
                    "nonisolated public enum \(enumType): Swift.String, Swift.Sendable, Swift.Hashable, "
                        + "Swift.CaseIterable"
                ) { w in
                    for value in variable.values {
                        let name = SwiftNames.escapedMember(value.swift)
                        w.line(
                            value.swift == value.original
                                ? "case \(name)" : "case \(name) = \(SwiftLiteral.string(value.original))")
                    }
                }
            }
        }
    }

    private func docs(_ operation: IROperation) -> [String] {
        var docs = DocComments.lines(operation.docs)
        if !docs.isEmpty { docs.append("") }
        guard let received = operation.received else {
            docs.append("`\(operation.method) \(operation.path)`")
            return docs
        }
        docs.append(
            "Sends \(received.description) to `url`, "
                + (received.isCallback ? "its URL expression expanded;" : "the address its receiver gave;"))
        docs.append("the URL's query goes before the request's own.")
        return docs
    }

    // MARK: The full form

    private func emitMethod(_ operation: IROperation, into w: inout SwiftWriter) {
        let names = operation.names
        let op = op(operation)
        w.docComment(docs(operation))
        if operation.docs.isDeprecated { w.line("@available(*, deprecated)") }
        w.block(
            "nonisolated public func \(SwiftNames.escapedMember(operation.methodName))(_ input: "
                + "\(op).\(names.input)\(operation.received == nil ? "" : ", to url: Foundation.URL")) async throws "
                + "-> \(op).\(names.output)"
        ) { w in
            // One closure per call: the configuration's body-size limit and timeout apply to all of it.
            // Past `CompilerLimits.parametersInOneExpression`, a local function instead, whose
            // statements are type-checked one at a time.
            if operation.parameters.count >= CompilerLimits.parametersInOneExpression {
                w.block("@Sendable func perform() async throws -> \(op).\(names.output)") { w in
                    emitCall(operation, into: &w)
                }
                w.line("return try await \(Runtime.ClientSupport.call)(\(op).id, configuration, perform)")
            } else {
                w.line(
                    "try await \(Runtime.ClientSupport.call)(\(op).id, configuration) { () async throws -> "
                        + "\(op).\(names.output) in")
                w.indented { w in emitCall(operation, into: &w) }
                w.line("}")
            }
        }
    }

    private func emitCall(_ operation: IROperation, into w: inout SwiftWriter) {
        let op = op(operation)
        w.line(
            "if configuration.validatesInput { try \(Runtime.ClientSupport.validate)(input, operationID: "
                + "\(op).id) }")
        emitRequest(operation, into: &w)
        // A webhook sender applies no credentials (`webhook-security-unchecked`).
        let isWebhook = operation.received != nil
        if !isWebhook {
            let alternatives = module.securityAlternatives(operation).map(SwiftLiteral.strings)
            let bodyArgument = module.hasRequestSigning ? "body: &body, " : ""
            w.line(
                "try await authentication.apply(to: &request, \(bodyArgument)operationID: \(op).id, alternatives: "
                    + "[\(alternatives.joined(separator: ", "))])"
            )
        }
        // The body is read by a response with content, or kept in `undocumented` when there is no `default`.
        let readsBody = !operation.coversEveryStatus || operation.responses.contains { !$0.contents.isEmpty }
        let server =
            isWebhook
            ? "target.baseURL"
            : operation.serverOverride == nil
                ? "serverURL"
                : "configuration.usesOperationServers ? \(op).serverURL"
                    + "\(operation.serverOverrideIsRelative ? "(relativeTo: serverURL)" : "") : serverURL"
        w.line(
            "let (response, \(readsBody ? "responseBody" : "_")) = try await "
                + "\(Runtime.ClientSupport.send)(request, body: body, serverURL: \(server), operationID: "
                + "\(op).id, transport: transport, middlewares: middlewares)"
        )
        emitResponseDecoding(operation, into: &w)
    }

    /// The `URIValue` expression for a parameter's Swift value, which the encoders take.
    private func uriValue(_ value: String, of parameter: IRParameter) -> SwiftCode {
        spelling.uriShape(parameter.type, contentType: parameter.contentType).valueExpression(value)
    }

    private func emitRequest(_ operation: IROperation, into w: inout SwiftWriter) {
        let pathParameters = operation.parameters.filter { $0.location == .path }
        let queryParameters = operation.parameters.filter { $0.location.group == .query }
        let declaration = queryParameters.isEmpty ? "let" : "var"
        // Text a path key's query held, always sent: in the path when no parameter joins it.
        let template =
            queryParameters.isEmpty && !operation.fixedQuery.isEmpty
            ? operation.sentPath + "?" + operation.fixedQuery.joined(separator: "&") : operation.sentPath
        if pathParameters.isEmpty {
            w.line("\(declaration) path = \(SwiftLiteral.string(template))")
        } else {
            w.line("\(declaration) path = \(Runtime.ClientSupport.path)(\(SwiftLiteral.string(template)), [")
            w.indented { w in
                for parameter in pathParameters {
                    let value = uriValue("input.path.\(SwiftNames.escapedMember(parameter.name.swift))", of: parameter)
                    w.line(
                        "\(SwiftLiteral.string(parameter.name.original)): \(Runtime.URIEncoding.path)(\(value), "
                            + "name: \(SwiftLiteral.string(parameter.name.original)), style: .\(parameter.style), "
                            + "explode: \(parameter.explode)),"
                    )
                }
            }
            w.line("])")
        }
        if !queryParameters.isEmpty {
            w.line("var query: [Swift.String] = \(SwiftLiteral.strings(operation.fixedQuery))")
            for parameter in queryParameters {
                emitOptional(parameter, group: "query", into: &w) { value in
                    if parameter.location == .querystring {
                        let media = spelling.queryStringMedia(parameter)
                        return
                            "query += \(media == .text ? "" : "try ")\(Runtime.URIEncoding.querystring)(\(media): \(value))"
                    }
                    let uri = uriValue(value, of: parameter)
                    return
                        "query += \(Runtime.URIEncoding.query)(\(uri), name: "
                        + "\(SwiftLiteral.string(parameter.name.original)), style: .\(parameter.style), explode: "
                        + "\(parameter.explode), allowReserved: \(parameter.allowReserved))"
                }
            }
            w.line("if !query.isEmpty { path += \"?\" + query.joined(separator: \"&\") }")
        }
        // A webhook goes to the URL its receiver gave, whose query comes first.
        if operation.received != nil {
            w.line("let target = \(Runtime.ClientSupport.webhookTarget)(url, path: path)")
        }
        // Credentials, headers, cookies, `Accept` or a body's type change it; a webhook's may have none.
        let changesRequest =
            operation.received == nil || operation.requestBody != nil
            || operation.responses.contains { !$0.contents.isEmpty }
            || operation.parameters.contains { $0.location == .header || $0.location == .cookie }
        w.line(
            "\(changesRequest ? "var" : "let") request = HTTPTypes.HTTPRequest(method: "
                + "HTTPTypes.HTTPRequest.Method(\(SwiftLiteral.string(operation.method)))!, scheme: nil, "
                + "authority: nil, path: \(operation.received == nil ? "path" : "target.path"))"
        )
        for parameter in operation.parameters where parameter.location == .header {
            emitOptional(parameter, group: "headers", into: &w) { value in
                let uri = uriValue(value, of: parameter)
                return
                    "request.headerFields.set(\(SwiftLiteral.string(parameter.name.original)), "
                    + "\(Runtime.URIEncoding.header)(\(uri), explode: \(parameter.explode)))"
            }
        }
        let cookieParameters = operation.parameters.filter { $0.location == .cookie }
        if !cookieParameters.isEmpty {
            w.line("var cookies: [Swift.String] = []")
            for parameter in cookieParameters {
                emitOptional(parameter, group: "cookies", into: &w) { value in
                    let uri = uriValue(value, of: parameter)
                    return
                        "cookies.append(\(Runtime.URIEncoding.cookie)(\(uri), name: "
                        + "\(SwiftLiteral.string(parameter.name.original)), explode: \(parameter.explode)"
                        + "\(parameter.isCookieStyle ? ", style: .cookie" : "")))"
                }
            }
            w.line("if !cookies.isEmpty { request.headerFields[.cookie] = cookies.joined(separator: \"; \") }")
        }
        var accepted: [String] = []
        for content in operation.responses.flatMap(\.contents) where !accepted.contains(content.contentType) {
            accepted.append(content.contentType)
        }
        if !accepted.isEmpty {
            let documented = SwiftLiteral.string(accepted.joined(separator: ", "))
            let accept: SwiftCode =
                operation.negotiatesContent
                ? "request.headerFields[.accept] = input.accept.ranges.isEmpty ? \(documented) : "
                    + "input.accept.description"
                : "request.headerFields[.accept] = \(documented)"
            // An `Accept` header parameter's value, when given, is what is asked for (`accept-parameter`).
            w.line(operation.takesAcceptParameter ? "if request.headerFields[.accept] == nil { \(accept) }" : accept)
        }
        // Signing reads the body and puts it back (not a webhook's, which is not signed).
        let bodyDeclaration = module.hasRequestSigning && operation.received == nil ? "var" : "let"
        guard let requestBody = operation.requestBody else {
            w.line("\(bodyDeclaration) body: OpenAPIRuntime.HTTPBody? = nil")
            return
        }
        w.line("\(bodyDeclaration) body: OpenAPIRuntime.HTTPBody?")
        w.switchBlock("input.body") { w in
            for content in requestBody.contents {
                w.line("case .\(content.caseName)(let value)\(requestBody.isRequired ? "" : "?"):")
                w.indented { w in
                    if content.multipart != nil {
                        // The boundary is part of the content type.
                        w.line("let form = try value.form().encoded(as: \(SwiftLiteral.string(content.contentType)))")
                        w.line("request.headerFields[.contentType] = form.contentType")
                        w.line("body = form.body")
                        return
                    }
                    w.line("request.headerFields[.contentType] = \(SwiftLiteral.string(content.sentContentType))")
                    w.line("body = \(encodedBody(content, "value"))")
                }
            }
            if !requestBody.isRequired { w.line("case nil: body = nil") }
        }
    }

    /// Runs `statement` for a parameter's value when it has one.
    private func emitOptional(
        _ parameter: IRParameter, group: String, into w: inout SwiftWriter, _ statement: (String) -> String
    ) {
        let access = "input.\(group).\(SwiftNames.escapedMember(parameter.name.swift))"
        if parameter.isRequired || parameter.defaultValue != nil {
            w.line(statement(access))
        } else {
            w.block("if let value = \(access)") { $0.line(statement("value")) }
        }
    }

    private func emitResponseDecoding(_ operation: IROperation, into w: inout SwiftWriter) {
        let op = "\(op(operation)).\(operation.names.output)"
        if operation.responses.contains(where: { !$0.contents.isEmpty }) {
            w.line("let contentType = response.headerFields[.contentType]")
        }
        let ordered =
            operation.responses.filter { $0.key.isExact }
            + operation.responses.filter { if case .range = $0.key { true } else { false } }
        let fallback = operation.responses.first { $0.key == .default }
        w.switchBlock("response.status.code") { w in
            for response in ordered {
                switch response.key {
                case .code(let code): w.line("case \(code):")
                case .range(let digit): w.line("case \(digit * 100) ... \(digit * 100 + 99):")
                case .default: continue
                }
                w.indented { emitResponse(response, output: op, operation: operation, into: &$0) }
            }
            w.line("default:")
            w.indented { w in
                if let fallback {
                    emitResponse(fallback, output: op, operation: operation, into: &w)
                } else {
                    w.line(
                        "return .undocumented(statusCode: response.status.code, headers: response.headerFields, "
                            + "body: responseBody)"
                    )
                }
            }
        }
    }

    private func emitResponse(_ response: IRResponse, output: String, operation: IROperation, into w: inout SwiftWriter)
    {
        let type = "\(output).\(response.typeName)"
        var arguments: [String] = []
        if !response.headers.isEmpty {
            w.line("let headers: \(type).\(operation.names.headers)")
            w.doCatch({ w in
                let values = response.headers.map { header -> SwiftCode in
                    "\(SwiftNames.argumentLabel(header.name.swift)): "
                        + "\(decodeHeader(header, from: "response.headerFields"))"
                }
                w.line("headers = .init(\(SwiftCode.joined(values, separator: ", ")))")
            }) { w in
                w.line(
                    "throw \(Runtime.operationError)(operationID: \(op(operation)).id, statusCode: "
                        + "response.status.code, reason: .invalidHeader(name: "
                        + "\(Runtime.ClientSupport.headerName)(of: error)))"
                )
            }
            arguments.append("headers: headers")
        }
        if !response.contents.isEmpty {
            w.line("let body: \(type).\(operation.names.body)")
            let operationID = "\(op(operation)).id"
            if response.mayArriveEmpty {
                w.line("if \(Runtime.ClientSupport.arrivedEmpty)(response, responseBody) {")
                w.indented { $0.line("body = .empty") }
            }
            for (index, content) in response.contents.enumerated() {
                let condition = contentCondition(content)
                w.line((index == 0 && !response.mayArriveEmpty ? "if " : "} else if ") + condition + " {")
                w.indented { w in
                    let swiftType = bodyType(content)
                    if content.multipart != nil {
                        let parts = bodyType(content, in: "\(type).\(operation.names.body)")
                        w.line(
                            "body = .\(content.caseName)(try await \(Runtime.ClientSupport.decodeMultipart)(from: "
                                + "responseBody, operationID: \(operationID), response: response, as: \(parts).init))"
                        )
                        return
                    }
                    let decodesJSON = content.kind == .json || (content.kind == .text && !content.isPlainText)
                    if decodesJSON, let failure = response.failureWhen {
                        // x-lathe-failure-when: a documented success whose body says it failed is thrown.
                        w.line(
                            "let value = try await \(Runtime.ClientSupport.decodeJSON)(\(swiftType).self, from: "
                                + "responseBody, operationID: \(operationID), response: response)"
                        )
                        let message = failure.message.map(SwiftLiteral.strings) ?? "nil"
                        w.line(
                            "try \(Runtime.ClientSupport.checkFailure)(in: value, property: "
                                + "\(SwiftLiteral.strings(failure.property)), equals: "
                                + "\(SwiftLiteral.strings(failure.values)), message: \(message), operationID: "
                                + "\(operationID), statusCode: response.status.code)"
                        )
                        w.line("body = .\(content.caseName)(value)")
                        return
                    }
                    switch content.kind {
                    case .json:
                        w.line(
                            "body = .\(content.caseName)(try await "
                                + "\(Runtime.ClientSupport.decodeJSON)(\(swiftType).self, from: responseBody, "
                                + "operationID: \(operationID), response: response))"
                        )
                    case .urlEncodedForm:
                        w.line(
                            "body = .\(content.caseName)(try await "
                                + "\(Runtime.BodyCoding.decodeForm)(\(swiftType).self, from: responseBody"
                                + "\(formStylesArgument(content))))"
                        )
                    case .text where content.isPlainText:
                        w.line("body = .\(content.caseName)(try await \(Runtime.BodyCoding.text)(responseBody))")
                    case .text:
                        w.line(
                            "body = .\(content.caseName)(try await "
                                + "\(Runtime.ClientSupport.decodeJSON)(\(swiftType).self, from: responseBody, "
                                + "operationID: \(operationID), response: response))"
                        )
                    case .binary, .multipart:
                        w.line("body = .\(content.caseName)(responseBody ?? OpenAPIRuntime.HTTPBody())")
                    case .jsonLines, .jsonSequence, .eventStream:
                        let stream = decodedStream(
                            content, from: "responseBody", in: "\(type).\(operation.names.body)")
                        w.line("body = .\(content.caseName)(\(stream))")
                    }
                }
            }
            w.line("} else {")
            w.indented { w in
                w.line(
                    "throw \(Runtime.operationError)(operationID: \(operationID), statusCode: "
                        + "response.status.code, reason: .unexpectedContentType(contentType))"
                )
            }
            w.line("}")
            arguments.append("body: body")
        }
        let value = "\(type)(\(arguments.joined(separator: ", ")))"
        let name = SwiftNames.escapedMember(response.caseName)
        w.line(
            response.key.isExact
                ? "return .\(name)(\(value))" : "return .\(name)(statusCode: response.status.code, \(value))")
    }

    // MARK: The flattened form

    /// `client.cancelPurchaseOrder(id: poID)`: every parameter as an argument, optional ones
    /// defaulted, and the body itself when the operation takes one content type.
    private func emitFlattened(_ operation: IROperation, into w: inout SwiftWriter) {
        let names = operation.names
        let op = op(operation)
        var labels = NameScope(reserved: ["input"])
        var parameters: [String] = []
        var groups: [(member: String, arguments: [String])] = []
        for (location, _, member) in OperationsEmitter.locations {
            var arguments: [String] = []
            for parameter in operation.parameters where parameter.location.group == location {
                let swift = parameter.name.swift
                let label =
                    labels.contains(swift) ? labels.claim(member + SwiftNames.typeName(swift)) : labels.claim(swift)
                let defaultValue = spelling.argumentDefault(parameter)
                parameters.append(
                    "\(SwiftNames.escapedMember(label)): \(parameterType(parameter))"
                        + (defaultValue.map { " = \($0)" } ?? ""))
                arguments.append("\(SwiftNames.argumentLabel(swift)): \(SwiftNames.escapedMember(label))")
            }
            if !arguments.isEmpty { groups.append((member, arguments)) }
        }
        var inputArguments = groups.map { "\($0.member): .init(\($0.arguments.joined(separator: ", ")))" }
        if let body = operation.requestBody {
            let label = labels.claim("body")
            if body.contents.count == 1, let content = body.contents.first {
                let type = bodyType(content, in: "\(op).\(names.input).\(names.body)")
                parameters.append("\(label): \(type)" + (body.isRequired ? "" : "? = nil"))
                inputArguments.append(
                    "body: "
                        + (body.isRequired
                            ? ".\(content.caseName)(\(label))" : "\(label).map { .\(content.caseName)($0) }"))
            } else {
                parameters.append("\(label): \(op).\(names.input).\(names.body)" + (body.isRequired ? "" : "? = nil"))
                inputArguments.append("body: \(label)")
            }
        }
        w.docComment(
            docs(operation) + [
                "", "The same call as the one taking an input value, with each parameter as an argument.",
            ])
        if operation.docs.isDeprecated { w.line("@available(*, deprecated)") }
        w.block(
            "nonisolated public func "
                + "\(SwiftNames.escapedMember(operation.methodName))(\(parameters.joined(separator: ", "))) async "
                + "throws -> \(op).\(names.output)"
        ) { w in
            w.line(
                "try await self.\(operation.methodName)(\(op).\(names.input)(\(inputArguments.joined(separator: ", "))))"
            )
        }
    }

    // MARK: Authentication

    private func emitAuthentication(into w: inout SwiftWriter) {
        let schemes = module.securitySchemes
        w.docComment([
            "Credentials for the API's security schemes. Each operation sends only what it requires: the",
            "first of its alternatives whose schemes all have credentials here (nothing, when none does and",
            "the operation also admits anonymous requests). Descriptions never show a secret.",
        ])
        w.block("nonisolated public struct Authentication: Swift.Sendable") { w in
            for scheme in schemes {
                w.docComment(
                    DocComments.lines(scheme.docs, notes: [schemeNote(scheme)]))
                w.line("public var \(SwiftNames.escapedMember(scheme.name.swift)): \(credentialType(scheme))?")
            }
            w.memberwiseInit(
                schemes.map {
                    let name = SwiftNames.escapedMember($0.name.swift)
                    return (name, "\(name): \(credentialType($0))? = nil")
                }, emptyInline: true)
            w.line()
            let bodyParameter = module.hasRequestSigning ? "body: inout OpenAPIRuntime.HTTPBody?, " : ""
            let bodyArgument = module.hasRequestSigning ? ", body: &body" : ""
            w.block(
                "func apply(to request: inout HTTPTypes.HTTPRequest, \(bodyParameter)operationID: Swift.String, "
                    + "alternatives: [[Swift.String]]) async throws"
            ) { w in
                w.line("guard !alternatives.isEmpty else { return }")
                w.block(
                    "for alternative in alternatives where !alternative.isEmpty && alternative.allSatisfy(isConfigured)"
                ) { w in
                    w.line("for scheme in alternative { try await apply(scheme, to: &request\(bodyArgument)) }")
                    w.line("return")
                }
                w.line("if alternatives.contains(where: \\.isEmpty) { return }")
                w.line(
                    "throw \(Runtime.operationError)(operationID: operationID, reason: "
                        + ".missingCredentials(schemes: alternatives.map { $0.joined(separator: \" and \") }))"
                )
            }
            w.line()
            w.block("private func isConfigured(_ scheme: Swift.String) -> Swift.Bool") { w in
                w.switchBlock("scheme") { w in
                    for scheme in schemes {
                        if case .unsupported = scheme.kind {
                            w.line("case \(SwiftLiteral.string(scheme.name.original)): true")
                        } else {
                            w.line(
                                "case \(SwiftLiteral.string(scheme.name.original)): "
                                    + "\(SwiftNames.escapedMember(scheme.name.swift)) != nil"
                            )
                        }
                    }
                    w.line("default: false")
                }
            }
            w.line()
            w.block(
                "private func apply(_ scheme: Swift.String, to request: "
                    + "inout HTTPTypes.HTTPRequest\(module.hasRequestSigning ? ", body: inout OpenAPIRuntime.HTTPBody?" : "")) async throws"
            ) { w in
                w.switchBlock("scheme") { w in
                    for scheme in schemes {
                        let name = SwiftNames.escapedMember(scheme.name.swift)
                        switch scheme.kind {
                        case .apiKey(let key, let location, let prefix):
                            w.line("case \(SwiftLiteral.string(scheme.name.original)):")
                            w.indented { w in
                                w.line("guard let credential = \(name) else { return }")
                                let value =
                                    prefix.map { "credential.value(defaultPrefix: \(SwiftLiteral.string($0)))" }
                                    ?? "credential.value"
                                switch location {
                                case .header: w.line("request.headerFields.set(\(SwiftLiteral.string(key)), \(value))")
                                case .query:
                                    w.line(
                                        "\(Runtime.ClientSupport.appendQuery)(\(SwiftLiteral.string(key)), "
                                            + "\(value), to: &request)"
                                    )
                                default:
                                    w.line(
                                        "\(Runtime.ClientSupport.appendCookie)(\(SwiftLiteral.string(key)), "
                                            + "\(value), to: &request)"
                                    )
                                }
                            }
                        case .requestSignature(let signature):
                            w.line("case \(SwiftLiteral.string(scheme.name.original)):")
                            w.indented { w in
                                w.line("guard let credential = \(name) else { return }")
                                w.line(
                                    "try await \(signatureScheme(signature)).sign(&request, body: &body, secret: "
                                        + "credential.secret)"
                                )
                            }
                        case .basic:
                            w.line("case \(SwiftLiteral.string(scheme.name.original)):")
                            w.indented {
                                $0.line(
                                    "if let credential = \(name) { request.headerFields[.authorization] = "
                                        + "credential.headerValue }"
                                )
                            }
                        case .bearer, .oauth2:
                            w.line("case \(SwiftLiteral.string(scheme.name.original)):")
                            w.indented {
                                $0.line(
                                    "if let provider = \(name) { request.headerFields[.authorization] = \"Bearer "
                                        + "\" + (try await provider.token()) }"
                                )
                            }
                        case .unsupported:
                            continue
                        }
                    }
                    w.line("default: break")
                }
            }
        }
    }

}
