import LatheOpenAPI

/// Operations: their inputs and outputs in the IR, and top-level types for the inline schemas of
/// operations and of the other components (responses, request bodies, parameters, headers), named
/// from where they stand: `CancelInvoiceRequest`, `CancelInvoiceResponse`, `ListPetsStatus`.
extension Lowerer {
    enum Direction { case request, response }

    func lowerOperations() {
        lowerSecuritySchemes()
        for (name, body) in document.componentRequestBodies {
            _ = lowerContent(body.content, base: name + "Body", direction: .request)
        }
        for (name, response) in document.componentResponses {
            _ = lowerResponseContent(response, base: name + "Response")
        }
        for (name, parameter) in document.componentParameters {
            _ = lowerParameterType(parameter, base: name)
        }
        for (name, header) in document.componentHeaders {
            if let schema = header.schema {
                responseRoots.append(lowerCached(schema, NameHint(base: name + "Header")).0)
            }
        }
        // The components are lowered whatever is selected, so their inline types keep the names a
        // whole generation gives them; but with operations selected, only what those operations
        // reach is generated: each operation roots what it uses again as it is lowered.
        if !selection.selectsAll {
            requestRoots = []
            responseRoots = []
        }
        let receivedOperations = document.receivedOperations
        let sent = document.paths.lazy.flatMap(\.item.operations)
        let received = receivedOperations.lazy.map(\.operation)
        // Only a name from a method and path can take an operationId's: none, nothing to reserve
        // (most specs, where every operation has an id).
        let isNamedByPath = { (operation: Operation) in Self.namingID(operation) == nil }
        if sent.contains(where: isNamedByPath) || received.contains(where: isNamedByPath) {
            for id in sent.compactMap(Self.namingID) + received.compactMap(Self.namingID) {
                operationIdNames.reserve(SwiftNames.memberName(id))
                operationIdNames.reserve(SwiftNames.typeName(id))
            }
        }
        var typeNames = NameScope(reserved: SwiftNames.reservedTypeNames)
        // Like every nested name, the shared responses' namespace never equals a top-level type's.
        responsesNamespace = naming.claim("Responses", in: &typeNames)
        var methodNames = NameScope(
            reserved: SwiftNames.keywords.union([
                "init", "serverURL", "transport", "middlewares", "authentication", "configuration",
            ]))
        var routeGroups: [String: Int] = [:]
        // The first operation of each form a router sees (no empty segments), with its form as written.
        var forms: [String: (form: String, path: String)] = [:]
        var matchedSelectors = Set<String>()
        for (path, _, item) in document.paths {
            // A malformed template (reported) cannot be sent or routed.
            guard case .success(let templateNames) = PathTemplate.names(path) else { continue }
            for operation in item.operations {
                let matched = selection.selectors(matching: operation)
                guard selection.selectsAll || !matched.isEmpty else { continue }
                matchedSelectors.formUnion(matched)
                var lowered = lowerOperation(
                    operation, pathItem: item, templateNames: templateNames, typeNames: &typeNames,
                    methodNames: &methodNames)
                // Operations whose routes have one shape share one registration, which tells apart
                // those whose segments hold text (`{Sid}.json`) by it; of the rest, the first is routed.
                lowered.segmentTemplates = IRSegmentTemplate.segments(of: lowered.path)
                let hasFragment = lowered.path.utf8.contains(UInt8(ascii: "#"))
                // Nearly every path is its own route and what is sent: no text beside a name, no fragment.
                lowered.route =
                    lowered.segmentTemplates.isEmpty && !hasFragment
                    ? lowered.path : IRSegmentTemplate.route(lowered.path)
                lowered.sentPath = hasFragment ? String(IRSegmentTemplate.withoutFragment(lowered.path)) : lowered.path
                for segment in lowered.segmentTemplates where segment.parts.dropFirst().dropLast().contains("") {
                    warning(
                        "a path segment of '\(lowered.path)' holds two names side by side, so a server cannot tell "
                            + "where one ends; a generated server does not route requests to this operation (a "
                            + "client sends them)",
                        at: operation.methodOrigin, kind: "path-segment-ambiguous")
                }
                // As routers see it: `/pets/` and `/pets` are one route to Hummingbird's and
                // Vapor's (Hummingbird traps on a method registered twice).
                let shape = PathTemplate.shape(lowered.route)
                let route = lowered.method + " " + PathTemplate.withoutEmptySegments(shape)
                lowered.routeGroup = routeGroups[route] ?? routeGroups.count
                routeGroups[route] = lowered.routeGroup
                if !hasFragment {
                    // Text beside names kept (`{id}.json` and `{name}.xml/` are told apart by it).
                    let plain = lowered.segmentTemplates.isEmpty
                    let form = plain ? shape : PathTemplate.shape(lowered.path)
                    let key = plain ? route : lowered.method + " " + PathTemplate.withoutEmptySegments(form)
                    if let (firstForm, firstPath) = forms[key] {
                        if firstForm != form {
                            warning(
                                "'\(lowered.path)' is '\(firstPath)' to a router, which sees no empty segment and "
                                    + "no slash at the end; a generated server routes \(lowered.method) requests to "
                                    + "'\(firstPath)' (a client sends each as written)",
                                at: operation.methodOrigin, kind: "path-slashes-coincide")
                        }
                    } else {
                        forms[key] = (form, lowered.path)
                    }
                }
                if let server = serverOverride(of: operation, in: item) {
                    lowered.serverOverride = server.url
                    lowered.serverOverrideIsRelative = server.isRelative
                }
                operations.append(lowered)
            }
        }
        // Of the operations whose segments hold no text, the first of each route is routed; one
        // whose path has a fragment (Box's) only where no other has that route.
        var routed = Set<Int>()
        for fragments in [false, true] {
            for index in operations.indices
            where operations[index].segmentTemplates.isEmpty
                && (operations[index].sentPath != operations[index].path) == fragments
            {
                operations[index].isRouted = routed.insert(operations[index].routeGroup).inserted
            }
        }
        // Webhooks and callbacks: requests the API sends, which its client receives. Their types
        // stand in `Operations` beside the operations'; their methods are the receiver's protocol's,
        // named in a scope of their own (also the members of `WebhookPaths`, which may be `Hashable`).
        var webhookMethodNames = NameScope(
            reserved: SwiftNames.keywords.union(["init", "transport", "middlewares", "configuration", "hashValue"]))
        for received in receivedOperations {
            // With operations selected: those a selector names, and the callbacks of those selected.
            if !selection.selectsAll {
                let matched = received.roots.reduce(selection.selectors(matching: received.operation)) {
                    $0 + selection.selectors(matching: $1)
                }
                guard !matched.isEmpty else { continue }
                matchedSelectors.formUnion(matched)
            }
            webhooks.append(lowerReceived(received, typeNames: &typeNames, methodNames: &webhookMethodNames))
        }
        for selector in selection.selectors where !matchedSelectors.contains(selector) {
            warning(
                "the operation selector '\(selector)' matches no operation (an operationId, tag:NAME, "
                    + "a path such as /pets/{id}, or METHOD /path)",
                at: document.origin, kind: "selection-matches-nothing")
        }
    }

    /// A webhook or callback, as its receiver reads it and its sender sends it: to a URL the
    /// receiver chose, so it has no path of its own to send or route.
    private func lowerReceived(
        _ received: ReceivedOperation, typeNames: inout NameScope, methodNames: inout NameScope
    ) -> IROperation {
        var operation = received.operation
        // The document's `security` is what the API asks of its clients; a request the API sends
        // is secured only by its own, which generated code does not apply or check.
        if let requirements = operation.security, !requirements.isEmpty,
            !requirements.contains(where: \.schemes.isEmpty)
        {
            warning(
                "Lathe does not apply or check the security of a request the API sends (a webhook or a "
                    + "callback); a generated receiver admits it unauthenticated: check it in a ServerMiddleware",
                at: operation.methodOrigin, kind: "webhook-security-unchecked")
        }
        operation.security = []
        // What a webhook's URL does not have: a template or servers. What its expression says
        // beyond the URL (`{$request.body#/url}/events?x=1`) the sender's caller expands.
        for parameter in document.parameters(of: operation, in: received.pathItem) where parameter.location == .path {
            warning(
                "a webhook or callback has no path template; Lathe sends and reads path parameter "
                    + "'\(parameter.name)' as an optional query parameter",
                at: parameter.origin, kind: "path-parameter-not-in-template")
        }
        if !operation.servers.isEmpty || !received.pathItem.servers.isEmpty {
            warning(
                "a webhook or callback goes to the URL its receiver gave, so Lathe ignores its servers",
                at: operation.methodOrigin, kind: "webhook-servers-ignored")
        }
        operation.queryInPath = []
        let about =
            switch received.kind {
            case .webhook(let name):
                IRReceived(description: "the webhook `\(name)`", name: name, isCallback: false)
            case .callback(let name, let expression, let owner):
                IRReceived(
                    description: "the callback `\(name)`\(owner.map { " of `\($0)`" } ?? "") (its URL `\(expression)`)",
                    name: name, isCallback: true)
            }
        // Without an operationId, a callback is named from its name (`onEvent` → `PostOnEvent`), as
        // a webhook is, not from its URL expression (`{$request.body#/callbackUrl}`).
        if about.isCallback { operation.path = about.name }
        var lowered = lowerOperation(
            operation, pathItem: received.pathItem, templateNames: [], typeNames: &typeNames,
            methodNames: &methodNames, isReceived: true)
        lowered.isRouted = false
        // A receiver decodes its parameters as a client decodes a response (`Passes.chooseURLs`).
        responseRoots += lowered.parameters.map(\.type)
        lowered.received = about
        return lowered
    }

    /// `cancelInvoice` → `CancelInvoice`; without an operationId, `GET /pets/{id}` → `GetPetsId`.
    static func operationName(_ operation: Operation) -> String {
        if let id = namingID(operation) { return SwiftNames.typeName(id) }
        return SwiftNames.typeName(operation.method.rawValue + " " + spelledPath(operation))
    }

    /// The operationId an operation's Swift names come from: not one that is a hash, which names
    /// nothing a reader could call (swagger-php and L5-Swagger write the MD5 of an operation
    /// without one, `0e00aae7c370b295281ca65f1d061354`); such an operation is named by its method
    /// and path, as one without an operationId is. Its `id` stays the spec's.
    static func namingID(_ operation: Operation) -> String? {
        guard let id = operation.operationId, !id.isEmpty, !isHash(id) else { return nil }
        return id
    }

    /// 32, 40 or 64 hexadecimal digits (MD5, SHA-1, SHA-256), at least one a decimal digit.
    static func isHash(_ text: String) -> Bool {
        let bytes = text.utf8
        guard [32, 40, 64].contains(bytes.count) else { return false }
        var sawDigit = false
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "0") ... UInt8(ascii: "9"): sawDigit = true
            case UInt8(ascii: "a") ... UInt8(ascii: "f"), UInt8(ascii: "A") ... UInt8(ascii: "F"): continue
            default: return false
            }
        }
        return sawDigit
    }

    /// The path an operation without an `operationId` is named and identified by: as written where
    /// it held a query string (`POST /upload?id={id}`), which tells it from the path without one.
    static func spelledPath(_ operation: Operation) -> String {
        operation.queryInPath.isEmpty ? operation.path : operation.writtenPath ?? operation.path
    }

    /// A schema lowered once per node, however many operations share it.
    /// A schema reached again while it is being lowered (merged into itself through an `allOf` of a
    /// component that contains it) is the type it is creating, a recursive reference; one that
    /// creates no type of its own is any JSON value, with a warning. Every schema inside another
    /// (properties, items, map values, alternatives) goes through here for that reason. Readings of
    /// a schema's own node (each type of `type: [string, boolean]`, absent items, the rest of a 3.1
    /// `$ref` beside keywords) are lowered directly: caching them would stand for the schema.
    func lowerCached(_ schema: Schema, _ hint: NameHint) -> (IRValueType, IRConstraints) {
        if let known = loweredSchemas[schema.origin] {
            return (known, loweredConstraints[schema.origin] ?? IRConstraints())
        }
        if let inProgress = schemasInProgress[schema.origin] {
            inProgressReaches += 1
            if let id = inProgress { return (.named(id), IRConstraints()) }
            if warnedSchemas.insert(schema.origin).inserted {
                warning(
                    "this schema contains itself through an allOf without a named type in between; "
                        + "Lathe generates the inner occurrence as any JSON value",
                    at: schema.origin, kind: "recursive-alias")
            }
            return (.primitive(.jsonValue), IRConstraints())
        }
        schemasInProgress[schema.origin] = .some(nil)
        let (typesBefore, diagnosticsBefore, reachesBefore) = (types.count, diagnostics.all.count, inProgressReaches)
        var lowered = lower(schema, hint)
        lowered.1 = pooled(lowered.1)
        schemasInProgress[schema.origin] = nil
        // A lowering that made no type, filled none (`hint.into`), said nothing and met no schema
        // still being lowered (whose answer then was provisional: a type not yet nullable, any JSON
        // value) gives the same answer every time: a primitive, a reference, a list of them, most of
        // a spec's schemas. It is not kept: the cache was a tenth of the memory at the peak of
        // generating a dense spec.
        let isRepeatable =
            types.count == typesBefore && hint.into == nil && diagnostics.all.count == diagnosticsBefore
            && inProgressReaches == reachesBefore
        guard !isRepeatable else { return lowered }
        loweredSchemas[schema.origin] = lowered.0
        if !lowered.1.isEmpty { loweredConstraints[schema.origin] = lowered.1 }
        return lowered
    }

    // MARK: Operations

    /// What the query string of an operation's path key (`/upload?id={id}`) sends: each
    /// `name={variable}` item is the query parameter `name` (the one declared, a query or path
    /// parameter named `variable` moved there, or a required string), and the text of the others,
    /// percent-encoded where it must be, is returned to be sent as it is. A path parameter the
    /// template still names stays there, and the query gets a copy of it.
    private func queryInPath(
        _ operation: Operation, templateNames: [String], parameters: inout [Parameter]
    ) -> [String] {
        var text: [String] = []
        for item in operation.queryInPath {
            guard let variable = item.variable else {
                text.append(HTTPURL.queryText(item.text ?? item.name))
                continue
            }
            if parameters.contains(where: { $0.location == .query && $0.name == item.name }) { continue }
            if let index = parameters.firstIndex(where: { $0.location == .query && $0.name == variable }) {
                parameters[index].name = item.name
            } else if let index = parameters.firstIndex(where: { $0.location == .path && $0.name == variable }) {
                var moved = parameters[index]
                moved.location = .query
                moved.name = item.name
                // A path style (`simple`, `label`, `matrix`) is no query style: the query's own.
                moved.style = nil
                moved.explode = nil
                if templateNames.contains(variable) {
                    parameters.append(moved)
                } else {
                    parameters[index] = moved
                }
            } else {
                var parameter = Parameter(origin: operation.methodOrigin, name: item.name, location: .query)
                parameter.required = true
                parameters.append(parameter)
            }
        }
        return text
    }

    /// A header parameter named with a `*` at the end (QStash's `Upstash-Forward-*`) stands for
    /// every header of that prefix; Lathe sends and reads the one header named as written (`*` is a
    /// token character), which is not what such a spec means, so it says so, once for each name.
    private func warnAboutHeaderFamilies(_ parameters: [Parameter]) {
        for parameter in parameters where parameter.location == .header && parameter.name.utf8.last == UInt8(ascii: "*")
        {
            guard warnedHeaderFamilies.insert(parameter.name.lowercased()).inserted else { continue }
            warning(
                "header '\(parameter.name)' names a family of headers (any name with that prefix), which OpenAPI "
                    + "cannot describe; Lathe sends and reads one header named '\(parameter.name)' as written; "
                    + "add others of the family through the transport or a middleware",
                at: parameter.origin, kind: "header-name-wildcard")
        }
    }

    /// Header parameters named `Content-Type`, `Accept` or `Authorization`, which OpenAPI says to
    /// ignore. The body's media type sets `Content-Type`: such a parameter is left out. An `Accept`
    /// one says what the API wants asked for (a registry's manifest types, BigCommerce's
    /// `application/vnd.bc.v1+json`), so the client sends its value when one is given, in place of
    /// the types the responses document. An `Authorization` one is how many specs say how to
    /// authenticate (Milvus' and Vipps QR's, beside `security: []`): its value is sent when one is
    /// given, and a configured security scheme's credential, applied after, replaces it.
    private func readMediaTypeHeaders(_ parameters: inout [Parameter]) {
        parameters.removeAll { parameter in
            guard parameter.location == .header, [6, 12, 13].contains(parameter.name.utf8.count) else { return false }
            switch parameter.name.lowercased() {
            case "content-type":
                warning(
                    "OpenAPI ignores a header parameter named '\(parameter.name)'; Lathe leaves it out, and the "
                        + "body's media type sets the header",
                    at: parameter.origin, kind: "header-parameter-ignored")
                return true
            case "accept":
                warning(
                    "OpenAPI ignores a header parameter named '\(parameter.name)'; Lathe sends its value, when "
                        + "one is given, in place of the media types the responses document",
                    at: parameter.origin, kind: "accept-parameter")
                return false
            case "authorization":
                warning(
                    "OpenAPI ignores a header parameter named '\(parameter.name)'; Lathe sends its value, when one "
                        + "is given, and a configured security scheme's credential replaces it",
                    at: parameter.origin, kind: "authorization-parameter")
                return false
            default: return false
            }
        }
    }

    /// 3.2's `in: querystring` is the whole query: an operation has at most one, and none beside
    /// anything else in the query (OpenAPI forbids query parameters beside it; text in the path's
    /// query, or an API key its security sends there, would be read as part of it). What else is
    /// in the query is kept then.
    private func leaveOutImpossibleQuerystrings(
        _ parameters: inout [Parameter], fixedQuery: [String], requirements: [SecurityRequirement]
    ) {
        guard parameters.contains(where: { $0.location == .querystring }) else { return }
        let sendsKeyInQuery = requirements.contains { requirement in
            requirement.schemes.contains { scheme in
                guard let index = securitySchemes.index(of: scheme.name),
                    case .apiKey(_, .query, _) = securitySchemes.all[index].kind
                else { return false }
                return true
            }
        }
        let other =
            parameters.contains { $0.location == .query }
            ? "query parameters"
            : !fixedQuery.isEmpty
                ? "text in its path's query" : sendsKeyInQuery ? "an API key its security sends in the query" : nil
        var kept = false
        parameters.removeAll { parameter in
            guard parameter.location == .querystring else { return false }
            let at = parameter.locationOrigin
            if let other {
                warning(
                    "a querystring parameter is the whole query, and this operation has \(other) too; "
                        + "Lathe leaves out the querystring parameter",
                    at: at, kind: "querystring-beside-query")
                return true
            }
            if kept {
                warning(
                    "an operation has one querystring parameter at most; Lathe leaves out this one",
                    at: at, kind: "querystring-beside-query")
                return true
            }
            kept = true
            return false
        }
    }

    /// An operation as its client sends it and its server reads it; `isReceived` for one the API
    /// sends (a webhook or callback), whose request body travels from the API as a response does.
    private func lowerOperation(
        _ operation: Operation, pathItem: PathItem, templateNames: [String], typeNames: inout NameScope,
        methodNames: inout NameScope, isReceived: Bool = false
    ) -> IROperation {
        let name = Self.operationName(operation)
        let method = operation.method.token
        let operationID = operation.operationId ?? "\(method) \(Self.spelledPath(operation))"
        let namingID = Self.namingID(operation)
        let methodBase =
            namingID.map(SwiftNames.memberName)
            ?? SwiftNames.memberName(operation.method.rawValue + " " + Self.spelledPath(operation))
        // A name from the method and path gives way to every operationId's (`getItems2`, not the
        // explicit `getItems`).
        let operationIdNames = self.operationIdNames
        let isOperationIdName = { (candidate: String) in namingID == nil && operationIdNames.contains(candidate) }

        // Path parameters missing from the template go in the query, or are left out where a
        // template name has no parameter; such names become required strings (both reported by
        // the document checks, `PathTemplate.strayReadings`). One stray beside one such name is
        // that name's parameter, renamed.
        // Names are looked up in sets: a path of n template names searched lists n² times.
        var effective = document.parameters(of: operation, in: pathItem)
        let fixedQuery = queryInPath(operation, templateNames: templateNames, parameters: &effective)
        let template = Set(templateNames)
        // Before the querystring's rule, which leaves it out beside query parameters: these are
        // some. Only where there is a stray (most operations have none, and this is every one's path).
        if effective.contains(where: { $0.location == .path && !template.contains($0.name) }) {
            // As the document checks read them.
            let readings = PathTemplate.strayReadings(
                effective, templateNames: template,
                queryVariables: Set(operation.queryInPath.lazy.compactMap(\.variable)))
            let (sentInQuery, renamed) = (readings.sentInQuery, readings.renamed)
            effective = effective.compactMap { parameter in
                guard parameter.location == .path, !template.contains(parameter.name) else { return parameter }
                if let renamed, parameter.name == renamed.stray {
                    var read = parameter
                    read.name = renamed.templateName
                    read.required = true
                    return read
                }
                guard sentInQuery.contains(parameter.name) else { return nil }
                var moved = parameter
                moved.location = .query
                // A path style (`simple`, `label`, `matrix`) is no query style: the query's own.
                // Optional: `required: true` is what every path parameter must say (Garage's lookups
                // take one of `id`, `globalAlias` and `search`, all written so).
                moved.style = nil
                moved.required = false
                return moved
            }
        }
        let requirements = operation.security ?? document.security ?? []
        leaveOutImpossibleQuerystrings(&effective, fixedQuery: fixedQuery, requirements: requirements)
        readMediaTypeHeaders(&effective)
        warnAboutHeaderFamilies(effective)
        if !templateNames.isEmpty {
            var declared = Set(effective.lazy.filter { $0.location == .path }.map(\.name))
            for name in templateNames where declared.insert(name).inserted {
                if let index = PathTemplate.queryParameterNaming(name, in: effective, besides: operation.queryInPath) {
                    // The document checks say so.
                    effective[index].location = .path
                    effective[index].required = true
                    effective[index].style = nil
                    effective[index].explode = nil
                    continue
                }
                var parameter = Parameter(origin: operation.methodOrigin, name: name, location: .path)
                parameter.required = true
                effective.append(parameter)
            }
        }
        var scopes: [ParameterLocation: NameScope] = [:]
        let parameters = effective.map { parameter -> IRParameter in
            // Claimed in place: a copy of the scope per parameter made an operation of n parameters cost n².
            let swiftName = scopes[parameter.location, default: NameScope.members]
                .claim(memberName(parameter.name))
            let (type, constraints) = lowerParameterType(parameter, base: name + SwiftNames.typeName(parameter.name))
            // Read as a property's is (`"10"` for an integer is 10; through a `$ref`), and warned
            // about where it is not applied. A parameter cannot carry null (nor do its Swift types
            // hold it): `default: null` is none.
            let applied = parameter.schema
                .flatMap { declaredDefault($0, owner: "parameter", isOptional: !parameter.required) }
                .flatMap { $0.value == .null ? nil : defaultValue($0, for: type) }
            return IRParameter(
                name: IRName(original: parameter.name, swift: swiftName),
                location: IRParameterLocation(rawValue: parameter.location.rawValue)!,
                style: parameter.effectiveStyle.rawValue, explode: parameter.effectiveExplode,
                allowReserved: parameter.allowReserved,
                isRequired: parameter.required, type: type, constraints: constraints, defaultValue: applied,
                contentType: parameter.schema == nil ? parameter.content.first?.contentType : nil,
                docs: IRDocs(description: parameter.description, isDeprecated: parameter.deprecated),
                source: source(parameter.origin)
            )
        }

        var requestBody: IRRequestBody?
        if let body = document.requestBody(of: operation) {
            requestBody = IRRequestBody(
                isRequired: body.required,
                contents: lowerContent(
                    body.content, base: name + "Request", direction: isReceived ? .response : .request),
                docs: IRDocs(description: body.description)
            )
        }

        let security = requirements.map { requirement in
            requirement.schemeOrigins.map { scheme in
                IRSecurityRequirement(
                    scheme: securitySchemes.index(of: scheme.name) ?? unusableScheme(scheme.name, at: scheme.origin),
                    scopes: scheme.scopes)
            }
        }
        let responses = lowerResponses(operation, name: name)
        var allParameters = parameters
        // A reconnecting consumer of server-sent events sends the last id it saw (HTML standard):
        // the header is a parameter even where the spec leaves it out.
        let streamsEvents = responses.contains { $0.contents.contains { $0.kind == .eventStream } }
        if streamsEvents,
            !parameters.contains(where: { $0.location == .header && $0.name.original.lowercased() == "last-event-id" })
        {
            var scope = scopes[.header] ?? NameScope.members
            allParameters.append(
                IRParameter(
                    name: IRName(original: "Last-Event-ID", swift: scope.claim("lastEventID")), location: .header,
                    style: "simple", explode: false, allowReserved: false, isRequired: false,
                    type: .primitive(.string), constraints: IRConstraints(), defaultValue: nil, contentType: nil,
                    docs: IRDocs(
                        description: "The `id` of the last event received: a consumer that reconnects sends it so "
                            + "the server resumes after it."),
                    source: source(operation.methodOrigin)))
        }
        var lowered = IROperation(
            operationID: operationID, methodName: methodNames.claim(methodBase, avoiding: isOperationIdName),
            typeName: naming.claim(name, in: &typeNames, avoiding: isOperationIdName),
            names: nestedOperationNames(),
            method: method, path: operation.path, parameters: allParameters, requestBody: requestBody,
            responses: responses, security: security,
            docs: IRDocs(
                title: operation.summary, description: operation.description, isDeprecated: operation.deprecated),
            source: source(operation.methodOrigin)
        )
        lowered.fixedQuery = fixedQuery
        if let namingID {
            // Two operationIds that are one name in Swift (`get_items`, `getItems`): the second is
            // numbered, and said (one id written twice is `duplicate-operation-id`'s).
            let key = isReceived ? "webhook " + methodBase : methodBase
            if lowered.methodName == methodBase {
                operationIdsByName[key] = namingID
            } else if let owner = operationIdsByName[key], owner != namingID {
                warning(
                    "operationId '\(namingID)' is '\(methodBase)' in Swift, as operationId '\(owner)' is; Lathe "
                        + "names this operation '\(lowered.methodName)'",
                    at: operation.operationIdOrigin, kind: "operation-id-names-collide")
            }
        }
        if let id = operation.operationId, Self.isHash(id) {
            warning(
                "operationId '\(id)' is a hash (swagger-php writes one for an operation without an operationId), "
                    + "not a name; Lathe names the operation by its method and path, '\(lowered.methodName)'",
                at: operation.operationIdOrigin, kind: "operation-id-hash")
        }
        return lowered
    }

    /// `Input`, `Output`, `Path`, … unless a top-level type has that name.
    private func nestedOperationNames() -> NestedNames {
        // In a fresh scope each name is itself unless a top-level type has it, which is rare: then
        // the seven claims (22,000 instructions an operation) are not made.
        let plain = Self.plainNestedNames
        if !plain.all.contains(where: naming.topNames.contains) { return plain }
        var scope = NameScope()
        let claim = { (name: String) in self.naming.claim(name, in: &scope) }
        return NestedNames(
            input: claim(plain.input), output: claim(plain.output), path: claim(plain.path),
            query: claim(plain.query), headers: claim(plain.headers), cookies: claim(plain.cookies),
            body: claim(plain.body)
        )
    }

    private static let plainNestedNames = NestedNames(
        input: "Input", output: "Output", path: "Path", query: "Query", headers: "Headers", cookies: "Cookies",
        body: "Body")

    /// The scopes of an operation's response (or content) cases and types, made once and copied;
    /// response types avoid the operation's own nested names, content cases a body's `empty`.
    private static let responseCaseNames = NameScope(reserved: ["undocumented", "empty"])
    private static let responseTypeNames = NameScope(reserved: plainNestedNames.all)

    private func lowerResponses(_ operation: Operation, name: String) -> [IRResponse] {
        let responses = document.responses(of: operation).map { key, response, component in
            (key, response, component.map { naming.sharedResponseName(for: $0) })
        }
        let withInlineSchemas = responses.filter { _, response, _ in
            response.content.contains { $0.schema.map(Self.needsNamedType) ?? false }
        }
        var caseNames = Self.responseCaseNames
        var typeNames = Self.responseTypeNames
        let documentsSuccessOrRedirect = responses.contains { key, _, _ in
            switch key {
            case .code(let code): (200 ..< 400).contains(code)
            case .range(let digit): digit == 2 || digit == 3
            case .default: false
            }
        }
        return responses.map { key, response, sharedName in
            var (response, sharedName) = (response, sharedName)
            if let media = response.content.first, Self.carriesNoContent(key, method: operation.method) {
                // Solidus' DELETEs answer 204 with a product: a client decoding it from the empty body
                // a 204 has failed every call that succeeded.
                if noContentWarned.insert(media.origin).inserted {
                    warning(
                        "\(operation.method == .head ? "a response to HEAD" : "a \(Self.responseSuffix(key)) response") "
                            + "has no content (RFC 9110), so the content declared here never arrives; Lathe reads "
                            + "the response without it", at: media.origin, kind: "content-on-no-content-status")
                }
                response.content = []
                sharedName = nil
            }
            let suffix = withInlineSchemas.count > 1 ? Self.responseSuffix(key) : ""
            let (contents, headers) = lowerResponseContent(response, base: name + "Response" + suffix)
            let irKey: IRResponseKey
            switch key {
            case .code(let code): irKey = .code(code)
            case .range(let digit): irKey = .range(digit)
            case .default: irKey = .default
            }
            // A DELETE documenting `2XX` with a body answers 204 without one. `default` is read so
            // only where it is the operation's one success (Owncast's operations document only
            // errors beside it): beside a documented 2xx or 3xx (OAuth's 302), a 204 there is a
            // status the spec does not give, left to fail as before.
            let mayArriveEmpty =
                !contents.isEmpty
                && (key == .range(2) || key == .range(3) || (key == .default && !documentsSuccessOrRedirect))
            if mayArriveEmpty { sharedName = nil }
            let caseName = caseNames.claim(Self.responseCaseName(key))
            return IRResponse(
                key: irKey, caseName: caseName,
                typeName: naming.claim(SwiftNames.typeName(caseName), in: &typeNames),
                docs: IRDocs(description: response.description),
                headers: headers, contents: contents,
                failureWhen: response.failureWhen.map {
                    IRFailureCondition(property: $0.property, values: $0.values, message: $0.message)
                },
                sharedName: sharedName, mayArriveEmpty: mayArriveEmpty
            )
        }
    }

    /// Responses HTTP gives no content (RFC 9110): 1xx, 204, 205 and 304, any to HEAD, and a 2xx to
    /// CONNECT (3.2's `additionalOperations`), which turns the connection into a tunnel.
    static func carriesNoContent(_ key: ResponseKey, method: HTTPMethod) -> Bool {
        if method == .head { return true }
        let isConnect = method.token == "CONNECT"
        switch key {
        case .code(let code):
            return (100 ..< 200).contains(code) || [204, 205, 304].contains(code)
                || (isConnect && (200 ..< 300).contains(code))
        case .range(let digit): return digit == 1 || (isConnect && digit == 2)
        case .default: return false
        }
    }

    static func responseSuffix(_ key: ResponseKey) -> String {
        switch key {
        case .code(let code): String(code)
        case .range(let digit): "\(digit)XX"
        case .default: "Default"
        }
    }

    /// `200` → `ok`, `404` → `notFound`, `4XX` → `clientError`, `default` → `default`.
    static func responseCaseName(_ key: ResponseKey) -> String {
        switch key {
        case .code(let code): statusNames[code] ?? "status\(code)"
        case .range(let digit):
            ["informational", "success", "redirection", "clientError", "serverError"][max(0, min(4, digit - 1))]
        case .default: "default"
        }
    }

    static let statusNames: [Int: String] = [
        100: "continue", 101: "switchingProtocols", 200: "ok", 201: "created", 202: "accepted",
        203: "nonAuthoritativeInformation",
        204: "noContent", 205: "resetContent", 206: "partialContent", 300: "multipleChoices", 301: "movedPermanently",
        302: "found",
        303: "seeOther", 304: "notModified", 307: "temporaryRedirect", 308: "permanentRedirect", 400: "badRequest",
        401: "unauthorized",
        402: "paymentRequired", 403: "forbidden", 404: "notFound", 405: "methodNotAllowed", 406: "notAcceptable",
        408: "requestTimeout",
        409: "conflict", 410: "gone", 411: "lengthRequired", 412: "preconditionFailed", 413: "contentTooLarge",
        414: "uriTooLong",
        415: "unsupportedMediaType", 416: "rangeNotSatisfiable", 417: "expectationFailed", 418: "imATeapot",
        421: "misdirectedRequest",
        422: "unprocessableContent", 423: "locked", 424: "failedDependency", 425: "tooEarly", 426: "upgradeRequired",
        428: "preconditionRequired", 429: "tooManyRequests", 431: "requestHeaderFieldsTooLarge",
        451: "unavailableForLegalReasons",
        500: "internalServerError", 501: "notImplemented", 502: "badGateway", 503: "serviceUnavailable",
        504: "gatewayTimeout",
        505: "httpVersionNotSupported",
    ]

    private func lowerResponseContent(_ response: Response, base: String) -> ([IRContent], [IRResponseHeader]) {
        let contents = lowerContent(response.content, base: base, direction: .response)
        // A shared response's headers once, however many operations answer with it: the same list,
        // since each header's schema is lowered once anyway (and a warning about one is said once,
        // not once for each operation). Rooted again, like its content, for the operation at hand.
        if let headers = loweredResponseHeaders[response.origin] {
            responseRoots += headers.map(\.type)
            return (contents, headers)
        }
        let headers = lowerHeaders(response.headers, base: base)
        loweredResponseHeaders[response.origin] = headers
        return (contents, headers)
    }

    /// Response headers, or the headers of a multipart part.
    private func lowerHeaders(
        _ headers: [(name: String, header: Referenceable<Header>)], base: String
    ) -> [IRResponseHeader] {
        var scope = NameScope.members
        var lowered: [IRResponseHeader] = []
        // At its exact size: grown by appending, each response's list held twice what it used.
        lowered.reserveCapacity(headers.count)
        for (headerName, header) in document.headers(headers) {
            // Content-Type is the content's business, not a header the caller sets or reads.
            guard headerName.lowercased() != "content-type" else { continue }
            var type = IRValueType.primitive(.string)
            if let schema = header.schema ?? header.content.first?.schema {
                type = lowerCached(schema, NameHint(base: base + SwiftNames.typeName(headerName))).0
                if header.schema != nil { type = withoutNullItems(type, at: schema, what: "header").type }
                responseRoots.append(type)
            }
            lowered.append(
                IRResponseHeader(
                    name: IRName(original: headerName, swift: scope.claim(memberName(headerName))),
                    isRequired: header.required, type: type,
                    docs: IRDocs(description: header.description, isDeprecated: header.deprecated),
                    contentType: header.schema == nil ? header.content.first?.contentType : nil
                ))
        }
        return lowered
    }

    private func lowerParameterType(_ parameter: Parameter, base: String) -> (IRValueType, IRConstraints) {
        guard let schema = parameter.schema ?? parameter.content.first?.schema else {
            return (.primitive(.string), IRConstraints())
        }
        var (type, constraints) = lowerCached(schema, NameHint(base: base))
        // The parameter's own examples say what it holds too (`example:` beside `schema:`, as 3.0
        // writes it), also of a type a `$ref` names, which then stays as it is elsewhere.
        if !parameter.examples.isEmpty, case .primitive(let primitive) = unaliased(type) {
            // The format the type comes from, through a `$ref` too, for the warnings' words.
            let typed = referencedSchema(schema)
            var read = takingExamples(primitive, format: typed.format, firstRefused: parameter.examples.firstString)
            read = holdingShown(
                read, format: typed.format, at: typed.origin.field("format") ?? schema.origin,
                shown: [("the parameter's example", parameter.examples.compactMap(JSONNumber.init))])
            if read != primitive { type = .primitive(read) }
            // A number's example that names the parameter shows where the value goes, not a value
            // (`Self.namesParameter`); one that only holds its name is a value (Podcastindex's
            // iTunes `id`, shown as `id1441923632`). A placeholder (Akamai's `{{propertyId}}`)
            // says nothing (`showsANumberOrNothing`).
            let integers: [IRPrimitive] = [.int, .int32, .int64, .uint64]
            if integers.contains(primitive) || primitive == .double || primitive == .float,
                saysTextIsNoNumber(
                    integer: integers.contains(primitive),
                    firstRefused: { isNumber in
                        parameter.examples.firstString { isNumber($0) || Self.namesParameter($0, parameter.name) }
                    })
            {
                type = .primitive(.numberOrString)
            }
        }
        if parameter.schema != nil {
            let list = withoutNullItems(type, at: schema, what: "parameter")
            // An alias's list becomes inline here: its constraints go with it.
            (type, constraints) = (list.type, list.constraints.overlaid(with: constraints))
        }
        requestRoots.append(type)
        return (type, constraints)
    }

    /// Whether `text`, a parameter's example, names the parameter rather than giving a value: it
    /// sets it (Up Bank's `?page[size]=30`, `limit: 30`, `size = 30`), or is the name and marks
    /// alone (`:offset`, `$count`). Not the name run into a value (`id1441923632`).
    static func namesParameter(_ text: String, _ name: String) -> Bool {
        guard !name.isEmpty, let found = text.firstRange(of: name) else { return false }
        let after = text[found.upperBound...].drop { $0 == " " }
        if after.first == "=" || after.first == ":" { return true }
        return text.replacing(name, with: "").allSatisfy { !$0.isLetter && !$0.isNumber }
    }

    /// Whether a value of `type` is JSON's own (an object, a list, a number, a boolean, a union or
    /// enum of them), not text or bytes that a media type range may as well mean.
    private static func isStructured(_ type: IRValueType) -> Bool {
        switch type.nonNull {
        case .array, .dictionary, .named: return true
        case .primitive(let primitive):
            return [.int, .int32, .int64, .uint64, .float, .double, .decimal, .bool].contains(primitive)
        case .nullable: return false
        }
    }

    /// The type of a `text/*` body whose value JSON writes as a string: the text itself, a
    /// `String` (`Data` for raw bytes); `nil` for what JSON writes otherwise (a number's text is its
    /// JSON; an object or list is JSON carried as text).
    private func textType(_ type: IRValueType) -> IRValueType? {
        switch type {
        case .primitive(.binaryData): return type
        case .primitive(.string), .primitive(.calendarDate), .primitive(.dateTime), .primitive(.uuid), .primitive(.url),
            .primitive(.base64Data), .primitive(.decimalString):
            return .primitive(.string)
        case .named(let id):
            guard case .enumeration(let enumeration) = types[id.index].kind, enumeration.rawType == .string else {
                return nil
            }
            return .primitive(.string)
        default: return nil
        }
    }

    /// A parameter or header list travels in URI form (RFC 6570 styles), which has no spelling for a
    /// null item (RFC 6570 leaves undefined items out): its items are never optional, with a warning.
    /// Through aliases, as the list is the same inline or behind a `$ref`; `constraints` are an
    /// alias's, which the list no longer carries.
    private func withoutNullItems(
        _ type: IRValueType, at schema: Schema, what: String
    ) -> (type: IRValueType, constraints: IRConstraints) {
        let (list, constraints) = unaliasedWithConstraints(type.nonNull)
        guard case .array(.nullable(let item)) = list.nonNull else { return (type, IRConstraints()) }
        let nonNull: IRValueType = type.isNullable || list.isNullable ? .nullable(.array(item)) : .array(item)
        warning(
            "this \(what)'s list allows null items, which a URI or header cannot carry; "
                + "Lathe generates the items as not null",
            at: schema.origin, kind: "parameter-null-item")
        return (nonNull, constraints)
    }

    /// One type per media type with an inline schema; a suffix tells them apart when there are several.
    private func lowerContent(_ content: [MediaType], base: String, direction: Direction) -> [IRContent] {
        let named = content.filter { $0.schema.map(Self.needsNamedType) ?? false }
        var caseNames = Self.responseCaseNames
        return content.map { media in
            var kind = IRContentKind(contentType: media.contentType)
            var type: IRValueType
            // A stream's type is its items': `itemSchema` (OpenAPI 3.2), else `schema`. An event
            // stream's items are the events' data.
            var eventCases: [(event: String, data: Schema)]?
            var terminator = media.streamTerminator
            if kind.isItemStream, let schema = media.itemSchema ?? media.schema {
                let data: Schema?
                if kind == .eventStream {
                    let read = eventData(schema, terminator: terminator)
                    (data, eventCases) = (read.data, read.byEvent)
                    terminator = terminator ?? read.terminator
                } else {
                    data = schema
                }
                type = data.map { lowerCached($0, NameHint(base: base + "Item")).0 } ?? .primitive(.string)
            } else if kind.isItemStream {
                type = kind == .eventStream ? .primitive(.string) : .primitive(.jsonValue)
            } else if let schema = media.schema {
                let suffix =
                    named.count > 1 && named.first?.origin != media.origin ? Self.mediaSuffix(media.contentType) : ""
                type = lowerCached(schema, NameHint(base: base + suffix)).0
                // `*/*` (springdoc's default) or `application/*` whose schema is an object, a list,
                // a number or a boolean: JSON, the one way Lathe writes such a value.
                if kind == .binary, ["*/*", "application/*"].contains(IRContentKind.essence(media.contentType)),
                    Self.isStructured(unaliased(type.nonNull))
                {
                    kind = .json
                    // Once for a component response or body, however many operations use it.
                    if rangesReadAsJSON.insert(media.origin).inserted {
                        firstRangeReadAsJSON = firstRangeReadAsJSON ?? media.origin
                    }
                }
            } else {
                type =
                    kind == .json
                    ? .primitive(.jsonValue) : kind == .text ? .primitive(.string) : .primitive(.binaryData)
            }
            // Text whose value is a string (of a format, an enum's, or behind a `$ref`) is the text
            // itself, not JSON carried as text, which would send and expect quotes.
            // An event's data is text too (the stream's own type, here, or each event's, below).
            if kind == .text || kind == .eventStream, let text = textType(unaliased(type.nonNull)) {
                type = kind == .eventStream ? .primitive(.string) : text
            }
            var content = IRContent(
                contentType: media.contentType, kind: kind, type: type,
                caseName: caseNames.claim(Self.contentCaseName(media.contentType)))
            if kind == .multipart, media.schema != nil {
                content.multipart = lowerMultipart(media, type: type, base: base)
            }
            if kind == .urlEncodedForm {
                warnAboutFormTuples(type)
                if !media.encoding.isEmpty { content.formStyles = formStyles(media, type: type) }
            }
            content.streamTerminator = kind.isItemStream ? terminator : nil
            if let eventCases {
                var names = NameScope()
                var cases = NameScope(reserved: ["undocumented", "event", "data"])
                content.eventData = IREventData(
                    typeName: naming.claimNestedInOperation("EventData", in: &names),
                    cases: eventCases.map { event, data in
                        var dataType = lowerCached(data, NameHint(base: base + SwiftNames.typeName(event))).0
                        // Data that is a string (behind a `$ref`, of a format, an enum's) is its text.
                        if textType(unaliased(dataType.nonNull)) != nil { dataType = .primitive(.string) }
                        switch direction {
                        case .request: requestRoots.append(dataType)
                        case .response: responseRoots.append(dataType)
                        }
                        return IREventCase(
                            event: event, caseName: cases.claim(SwiftNames.memberName(event)), type: dataType)
                    })
            }
            // What travels: a typed multipart body's parts, not the object they come from (which is
            // generated only when something else uses it).
            let travelling =
                content.multipart.map { multipart in
                    multipart.parts.map(\.type) + multipart.parts.flatMap { $0.headers.map(\.type) }
                } ?? [type]
            switch direction {
            case .request: requestRoots += travelling
            case .response: responseRoots += travelling
            }
            return content
        }
    }

    /// The schema of an event's `data`. OpenAPI 3.2 describes the whole event (`{data, event, id,
    /// retry}`), earlier documents usually the data alone; an item schema whose properties are
    /// only those fields, `data` among them, is read as the event. One that chooses the data's
    /// type by event (a `oneOf` of such events, each with a constant `event`) gives a schema per
    /// event name; without those names, its data is read as text, with a warning. An alternative
    /// whose data is one constant string (`[DONE]`, as OpenAI-style streams end) is the stream's
    /// terminator, as `x-lathe-stream-terminator` says, and the others are read without it (unless
    /// the extension names another `terminator`).
    private func eventData(
        _ schema: Schema, terminator explicit: String?
    ) -> (
        data: Schema?, byEvent: [(event: String, data: Schema)]?, terminator: String?
    ) {
        let fields: Set<String> = ["data", "event", "id", "retry"]
        func isEvent(_ schema: Schema) -> Bool {
            let names = Set(schema.properties.map(\.name))
            return names.contains("data") && names.isSubset(of: fields)
        }
        // Event data is text: JSON data is a string whose `contentSchema` types it (OpenAPI 3.2), or,
        // as some generators write it, the object schema itself.
        func dataSchema(_ event: Schema) -> Schema? {
            guard let data = event.properties.first(where: { $0.name == "data" })?.schema else { return nil }
            return data.contentSchema ?? data
        }
        let item = referencedSchema(schema)
        if isEvent(item) { return (dataSchema(item), nil, nil) }
        var members = (item.oneOf + item.anyOf).map(referencedSchema)
        guard !members.isEmpty, members.allSatisfy(isEvent) else { return (schema, nil, nil) }
        // One string the data can only be: `{data: {enum: ['[DONE]']}}`.
        func sentinel(_ event: Schema) -> String? {
            guard let data = dataSchema(event).map(referencedSchema), data.types == nil || data.types == .string,
                case .string(let text)? = data.constValue
                    ?? (data.enumValues?.count == 1 ? data.enumValues?.first : nil)
            else { return nil }
            return text
        }
        let sentinels = members.indices.filter { sentinel(members[$0]) != nil }
        var terminator: String?
        if sentinels.count == 1, members.count > 1, explicit == nil || explicit == sentinel(members[sentinels[0]]) {
            terminator = sentinel(members[sentinels[0]])
            members.remove(at: sentinels[0])
            if members.count == 1 { return (dataSchema(members[0]), nil, terminator) }
        }
        var byEvent: [(event: String, data: Schema)] = []
        for member in members {
            let event = member.properties.first { $0.name == "event" }?.schema
            let name = event?.constValue ?? (event?.enumValues?.count == 1 ? event?.enumValues?.first : nil)
            guard case .string(let text)? = name, !byEvent.contains(where: { $0.event == text }),
                let data = dataSchema(member)
            else {
                warning(
                    "this event stream's item schema chooses the type of each event's data by event, but not "
                        + "every alternative names its event with a constant; each event's data is read as text",
                    at: schema.origin, kind: "event-data-by-event")
                return (nil, nil, terminator)
            }
            byEvent.append((text, data))
        }
        return (nil, byEvent, terminator)
    }

    /// A multipart body's parts from its object schema's properties and the media type's
    /// `encoding`; `nil` (raw bytes, with a warning) when the schema is not an object.
    private func lowerMultipart(_ media: MediaType, type: IRValueType, base: String) -> IRMultipart? {
        // An object that also holds a oneOf/anyOf (allOf of both) has no part for each of its values.
        // Through aliases: `Upload: {$ref: Form}` is the object `Form`.
        guard case .named(let id) = unaliased(type.nonNull).nonNull, case .object(let object) = types[id.index].kind,
            object.composed.isEmpty
        else {
            warning(
                "Lathe types the parts of multipart bodies whose schema is an object with properties; this one is "
                    + "passed through as raw bytes",
                at: media.schema?.origin ?? media.origin, kind: "multipart-untyped")
            return nil
        }
        var names = NameScope()
        let claim = { (name: String) -> String in self.naming.claimNestedInOperation(name, in: &names) }
        let typeName = claim("Parts")
        let encodings = Dictionary(
            media.encoding.map { ($0.property, $0.encoding) }, uniquingKeysWith: { first, _ in first })
        for (name, encoding) in media.encoding where !object.properties.contains(where: { $0.name.original == name }) {
            reportEncodingOfNoProperty(name, encoding)
        }
        // Read from the schemas at the first part typed as any JSON value (most bodies have none).
        var untyped: Set<String>?
        let parts = object.properties.map { property -> IRPart in
            let encoding = encodings[property.name.original]
            // Through aliases: a `$ref` to `{type: string, format: binary}` is a file, as the inline
            // schema is (sent as its bytes, not as base64 text), and one to an array of them files.
            var itemType = property.type.nonNull
            var constraints = property.constraints
            var isRepeated = false
            let resolved = unaliasedWithConstraints(itemType.nonNull)
            if case .array(let item) = resolved.type.nonNull {
                itemType = item.nonNull
                isRepeated = true
                // The parts are counted as the list's items: by the alias's counts too.
                constraints = resolved.constraints.overlaid(with: constraints)
            }
            let partKind = encoding?.contentType.map { IRContentKind(contentType: $0) }
            let value = unaliased(itemType.nonNull).nonNull
            // A part whose schema gives no type (`file: {}`) is `application/octet-stream` by
            // OpenAPI 3.1's Encoding object: bytes, as a file is, and never JSON text.
            var isUntyped = false
            if partKind == nil, value == .primitive(.jsonValue) {
                if untyped == nil { untyped = untypedPartNames(media) }
                isUntyped = untyped!.contains(property.name.original)
            }
            let isFile = value == .primitive(.binaryData) || partKind == .binary || isUntyped
            let headers =
                encoding.map { lowerHeaders($0.headers, base: base + SwiftNames.typeName(property.name.original)) }
                ?? []
            return IRPart(
                // A part `required` lists with no property for it is still required: parts have no
                // `validate()` to report it, and a request is what they make.
                name: property.name, isFile: isFile, isRepeated: isRepeated,
                isRequired: property.isRequired || property.checksPresence,
                type: isFile ? .primitive(.binaryData) : itemType,
                constraints: isFile ? Self.countConstraints(constraints) : constraints,
                contentType: encoding?.contentType, headers: headers,
                headersTypeName: headers.isEmpty ? nil : claim(SwiftNames.typeName(property.name.swift) + "Headers"),
                docs: property.docs
            )
        }
        return IRMultipart(typeName: typeName, parts: parts)
    }

    /// A form member that is a tuple: a client writes its positions as the form's values, which a
    /// generated server reads as one type. Said once a member, however many bodies share it.
    private func warnAboutFormTuples(_ type: IRValueType) {
        guard case .named(let id) = unaliased(type.nonNull).nonNull, case .object(let object) = types[id.index].kind
        else { return }
        for property in object.properties {
            guard case .named(let member) = unaliased(property.type.nonNull).nonNull,
                case .tuple = types[member.index].kind,
                warnedFormTuples.insert(property.source).inserted
            else { continue }
            warning(
                "form member '\(property.name.original)' is a list whose positions differ in type (a tuple): a client "
                    + "writes its positions as the form's values, which a generated server does not read back (it "
                    + "reads a form's list as one type) and answers 400",
                at: property.source, kind: "form-tuple")
        }
    }

    /// The members of a form body whose Encoding object gives `style`, `explode` or `allowReserved`
    /// (the others go by content type). Only query styles apply (a form is a query's syntax); a
    /// `deepObject` holding lists or objects is written past what OpenAPI defines, as Stripe and
    /// `qs` write it (`items[0][price]=…`), said once for the spec.
    private func formStyles(_ media: MediaType, type: IRValueType) -> [IRFormStyle] {
        var properties: [IRProperty] = []
        if case .named(let id) = unaliased(type.nonNull).nonNull, case .object(let object) = types[id.index].kind {
            properties = object.properties
        }
        var styles: [IRFormStyle] = []
        let warns = formEncodingsRead.insert(media.origin).inserted
        for (name, encoding) in media.encoding {
            guard let property = properties.first(where: { $0.name.original == name }) else {
                if warns { reportEncodingOfNoProperty(name, encoding) }
                continue
            }
            guard encoding.style != nil || encoding.explode != nil || encoding.allowReserved else { continue }
            var style = encoding.style ?? .form
            if ![.form, .spaceDelimited, .pipeDelimited, .deepObject].contains(style) {
                if warns {
                    warning(
                        "style '\(style.rawValue)' is not a query style, which a form member takes; Lathe writes it "
                            + "with style 'form'",
                        at: encoding.origin.field("style") ?? encoding.origin, kind: "style-not-allowed")
                }
                style = .form
            }
            let value = unaliased(property.type.nonNull).nonNull
            // Only an object or a map is one (a union, an enum: what its value is, read as text).
            var shape = IRFormStyle.Shape.primitive
            var keys: [String]?
            switch value {
            case .array: shape = .array
            case .dictionary: shape = .object
            case .named(let id):
                if case .object(let object) = types[id.index].kind {
                    shape = .object
                    // An object that keeps other keys spreads them too: read as a map's.
                    let keepsOtherKeys = if case .captured = object.additionalProperties { true } else { false }
                    if !keepsOtherKeys { keys = object.properties.map(\.name.original) }
                }
            default: break
            }
            if warns, style == .deepObject, shape == .array || (shape == .object && !holdsOnlyScalars(value)) {
                deepObjectsNested.count += 1
                deepObjectsNested.first = deepObjectsNested.first ?? encoding.origin.field("style") ?? encoding.origin
            }
            let explode = encoding.explode ?? (style == .form)
            // An exploded form object spreads its members over the form.
            let spreads = style == .form && explode && shape == .object
            styles.append(
                IRFormStyle(
                    name: name, style: style.rawValue, explode: explode, allowReserved: encoding.allowReserved,
                    shape: shape, keys: spreads ? keys : nil,
                    others: spreads && keys == nil
                        ? properties.map(\.name.original).filter { $0 != name } : []))
        }
        return styles
    }

    /// An `encoding` entry for a name the body's object has no property of (multipart and form bodies).
    private func reportEncodingOfNoProperty(_ name: String, _ encoding: Encoding) {
        warning(
            "'encoding' names '\(name)', which is not a property of the body's schema", at: encoding.origin,
            kind: "encoding-unknown-property")
    }

    /// Whether an object's members (a map's values) are all text, numbers or booleans.
    private func holdsOnlyScalars(_ type: IRValueType) -> Bool {
        let isScalar = { (member: IRValueType) -> Bool in
            switch self.unaliased(member.nonNull).nonNull {
            case .array, .dictionary: return false
            case .named(let id):
                if case .enumeration = self.types[id.index].kind { return true }
                return false
            default: return true
            }
        }
        switch type {
        case .dictionary(let value): return isScalar(value)
        case .named(let id):
            guard case .object(let object) = types[id.index].kind else { return false }
            return object.composed.isEmpty && object.properties.allSatisfy { isScalar($0.type) }
                && { if case .captured(let value, _) = object.additionalProperties { isScalar(value) } else { true } }()
        default: return true
        }
    }

    /// The properties of a multipart body's schema that give no type, themselves or as an array's
    /// items, through `$ref`s (`file: {}`, `files: {type: array, items: {}}`).
    private func untypedPartNames(_ media: MediaType) -> Set<String> {
        guard let schema = media.schema else { return [] }
        var visited = Set<String>()
        var names = Set<String>()
        for property in objectParts(schema, visited: &visited)?.properties ?? [] {
            let value = referencedSchema(property.schema)
            let isArray = (value.types ?? [.array]).subtracting(.null) == .array
            if isAnyValue(value) || (isArray && value.items.map { isAnyValue($0.value) } == true) {
                names.insert(property.name)
            }
        }
        return names
    }

    /// Of an array of files' constraints, the ones that count the files.
    private static func countConstraints(_ constraints: IRConstraints) -> IRConstraints {
        var counts = IRConstraints()
        counts.minItems = constraints.minItems
        counts.maxItems = constraints.maxItems
        return counts
    }

    /// `application/json` → `json`, `application/problem+json` → `problemJson`, `text/plain` → `plainText`.
    static func contentCaseName(_ contentType: String) -> String {
        let type = IRContentKind.essence(contentType)
        switch type {
        case "application/json": return "json"
        case "text/json": return "textJson"
        case "application/x-www-form-urlencoded": return "urlEncodedForm"
        case "multipart/form-data": return "multipartForm"
        case "text/plain": return "plainText"
        case "application/octet-stream": return "binary"
        case "text/event-stream": return "eventStream"
        case "application/jsonl": return "jsonLines"
        case "application/x-ndjson": return "ndjson"
        case "application/json-seq": return "jsonSeq"
        case "*/*": return "any"
        default:
            let subtype = type.split(separator: "/").last.map(String.init) ?? type
            // Swashbuckle's `application/*+json`, beside `*/*`'s `any`.
            if subtype == "*+json" { return "anyJson" }
            if subtype.hasSuffix("+json") { return SwiftNames.memberName(String(subtype.dropLast(5))) + "Json" }
            return SwiftNames.memberName(String(type.map { $0 == "/" ? " " : $0 }))
        }
    }

    /// `application/x-www-form-urlencoded` → `Form`, `multipart/form-data` → `Multipart`, `text/plain` → `Text`.
    static func mediaSuffix(_ contentType: String) -> String {
        let lower = contentType.lowercased()
        if lower.contains("form-urlencoded") { return "Form" }
        if lower.hasPrefix("multipart/") { return "Multipart" }
        if lower.hasPrefix("text/") { return "Text" }
        if lower.contains("xml") { return "XML" }
        // `*/*` (springdoc's default) is `Any`, as its case is `any`; it was `Unnamed`.
        if IRContentKind.essence(contentType) == "*/*" { return "Any" }
        return SwiftNames.typeName(String(lower.split(separator: "/").last ?? "Other"))
    }

    /// Whether lowering `schema` creates a type of its own (so it needs a name where it stands).
    static func needsNamedType(_ schema: Schema) -> Bool {
        if schema.ref != nil, schema.isPureReference { return false }
        if schema.enumValues != nil || !schema.oneOf.isEmpty || !schema.anyOf.isEmpty || !schema.allOf.isEmpty {
            return true
        }
        let types = (schema.types ?? impliedTypes(schema)).subtracting(.null)
        if types.rawValue.nonzeroBitCount > 1 { return !types.isSubset(of: [.number, .integer, .string]) }
        if types == .array {
            // A tuple whose positions differ is a struct.
            if let prefix = schema.prefixItems, !prefix.isEmpty { return true }
            return schema.items.map { needsNamedType($0.value) } ?? false
        }
        return types == .object && (!schema.properties.isEmpty || schema.additionalProperties?.value.isFalse == true)
    }
}
