import LatheDiagnostics
import LatheYAML

extension DocumentDecoder {
    func decodePaths(_ node: YAMLNode) -> ([(path: String, pathNode: YAMLNode, item: PathItem)], Extensions) {
        guard let node = present(node, "paths") else { return ([], Extensions()) }
        var paths: [(path: String, pathNode: YAMLNode, item: PathItem)] = []
        var pathsExtensions = Extensions()
        guard node.isMapping else {
            wrongType(
                "paths must be a mapping of path templates to path items, but this is \(node.kindDescription)",
                at: node, reading: "Lathe generates no operations")
            return ([], pathsExtensions)
        }
        for (keyNode, value) in node.entries {
            if keyNode.textHasPrefix("x-") {
                pathsExtensions.entries.append((keyNode.text ?? "", value))
                continue
            }
            var path = keyNode.text ?? ""
            if !path.hasPrefix("/") {
                error(
                    "path '\(path)' must start with '/'", at: keyNode, kind: "path-not-absolute",
                    reading: "Lathe reads it as '/\(path)'")
                path = "/" + path
            }
            if let item = decodePathItem(value, path: path) {
                paths.append((path, keyNode, item))
            }
        }
        return (paths, pathsExtensions)
    }

    func decodeWebhooks(_ node: YAMLNode) -> [(name: String, item: PathItem)] {
        if !version.isJSONSchema2020 {
            warning("webhooks are new in OpenAPI 3.1; this document says \(version)", at: node, kind: "version-feature")
        }
        return namedEntries(node, "webhooks").compactMap { name, _, value in
            decodePathItem(value, path: "").map { (name, $0) }
        }
    }

    /// Redoc's `x-webhooks`, which OpenAPI 3.0 documents (Vonage's, Clerk's) use for what 3.1
    /// calls `webhooks`: each entry a Path Item, or a Callback object (Vonage's `inbound-sms:
    /// {'{$request.body#/callback}': {post: …}}`, or a `$ref` to one) whose path items are the
    /// webhook's. Read only where the document has no `webhooks`, and said at `keyNode`. An
    /// extension's value is another tool's too, so what cannot be a webhook is a warning, not an
    /// error.
    func decodeExtensionWebhooks(_ node: YAMLNode, keyNode: YAMLNode) -> [(name: String, item: PathItem)] {
        guard let node = node["$ref"] == nil ? node : followReference(node, "'x-webhooks'", allowed: true),
            node.isMapping
        else { return [] }
        warning(
            "'x-webhooks' (Redoc's extension from before OpenAPI 3.1 had webhooks) is read as the document's "
                + "webhooks", at: keyNode, kind: "x-webhooks")
        var webhooks: [(name: String, item: PathItem)] = []
        for (keyNode, value) in node.entries where !keyNode.textHasPrefix("x-") {
            let name = keyNode.text ?? ""
            // A `$ref`'s target tells a Callback object from a Path Item; one that leads nowhere
            // has said so.
            var entry = value
            if let refNode = value["$ref"], let raw = refNode.text {
                guard let (_, target) = resolve(raw, at: refNode, kind: nil) else { continue }
                entry = target
            }
            guard entry.isMapping else {
                warning(
                    "the x-webhooks entry '\(name)' is \(value.kindDescription), not a Path Item or Callback object; "
                        + "Lathe leaves it out", at: value, kind: "x-webhooks")
                continue
            }
            // A Callback object's keys are runtime expressions or URLs (`{$request.body#/url}`,
            // `http://…`, `/path`); a Path Item's are its fields (a misspelled method among them).
            let expressions = entry.entries.filter { !$0.key.textHasPrefix("x-") }
            let isCallback =
                !expressions.isEmpty
                && expressions.allSatisfy { key, _ in
                    let text = key.text ?? ""
                    return text.contains("{$") || text.hasPrefix("/") || text.lowercased().hasPrefix("http")
                }
            guard isCallback else {
                // A Path Item as written: its own `$ref` and the operations beside it.
                if let item = decodePathItem(value, path: "") { webhooks.append((name, item)) }
                continue
            }
            for (expression, item) in expressions {
                let webhook = expressions.count == 1 ? name : "\(name) \(expression.text ?? "")"
                if let item = decodePathItem(item, path: "") { webhooks.append((webhook, item)) }
            }
        }
        return webhooks
    }

    /// A path item as written. A `$ref` path item's target is queued like every other target and
    /// merged in after decoding (`ComponentStore.resolvedPathItem`), so a shared path item is
    /// decoded once however often it is used.
    func decodePathItem(_ node: YAMLNode, path: String) -> PathItem? {
        var item = PathItem(node: node)
        let is32 = version.minor >= 2
        let methods = (is32 ? HTTPMethod.fields32 : HTTPMethod.fields).map(\.rawValue)
        let fields =
            ["$ref", "summary", "description", "servers", "parameters"] + methods
            + (is32 ? ["additionalOperations"] : [])
        let extensions = object(node, "a Path Item object", fields: fields) { key, keyNode, value in
            switch key {
            case "summary": item.summary = string(value, "summary")
            case "description": item.description = string(value, "description")
            case "servers": item.servers = decodeServers(value)
            case "parameters": item.parameters = decodeParameterList(value)
            case "$ref": item.ref = reference(value, kind: .pathItem)
            case "additionalOperations":
                item.operations += decodeAdditionalOperations(value, path: path, besides: HTTPMethod.fields32)
            default:
                if let method = HTTPMethod.fields32.first(where: { $0.rawValue == key }),
                    let operation = decodeOperation(value, methodNode: keyNode, method: method, path: path)
                {
                    item.operations.append(operation)
                }
            }
        }
        guard let extensions else { return nil }
        // The registered extension that says the same before 3.2 (ASP.NET Core writes QUERY there).
        if !is32, let additional = extensions["x-oai-additionalOperations"] {
            item.operations += decodeAdditionalOperations(additional, path: path, besides: HTTPMethod.fields)
        }
        item.extensions.entries += extensions.entries
        return item
    }

    /// OpenAPI 3.2's `additionalOperations`: methods without a field of their own (`COPY`), keyed as
    /// they are sent (methods are case-sensitive: `Post` is not `POST`).
    private func decodeAdditionalOperations(_ node: YAMLNode, path: String, besides fields: [HTTPMethod]) -> [Operation]
    {
        namedEntries(node, "additionalOperations", followingReferences: false).compactMap { key, keyNode, value in
            if let field = fields.first(where: { $0.token == key }) {
                error(
                    "'\(key)' in additionalOperations is a method with a field of its own; use '\(field.rawValue)' "
                        + "beside it", at: keyNode, kind: "additional-operation-has-field",
                    reading: "Lathe generates it as \(key)")
                return decodeOperation(value, methodNode: keyNode, method: field, path: path)
            }
            guard Self.isMethodToken(key) else {
                error(
                    "'\(key)' is not an HTTP method (a token of letters, digits and !#$%&'*+-.^_`|~)", at: keyNode,
                    kind: "method-invalid", reading: "Lathe leaves out this operation")
                return nil
            }
            return decodeOperation(value, methodNode: keyNode, method: HTTPMethod(additional: key), path: path)
        }
    }

    /// RFC 9110's `token`, which a method, a header's name and an authentication scheme's are.
    static func isMethodToken(_ text: String) -> Bool {
        !text.isEmpty
            && text.utf8.allSatisfy { byte in
                (UInt8(ascii: "a") ... UInt8(ascii: "z")).contains(byte | 0x20)
                    || (UInt8(ascii: "0") ... UInt8(ascii: "9")).contains(byte) || tokenSymbols.contains(byte)
            }
    }

    private static let tokenSymbols = Set("!#$%&'*+-.^_`|~".utf8)

    func decodeOperation(_ node: YAMLNode, methodNode: YAMLNode, method: HTTPMethod, path: String) -> Operation? {
        guard let node = followReference(node, "an operation") else { return nil }
        var operation = Operation(node: node, methodNode: methodNode, method: method, path: path)
        var swagger2Body: RequestBody?
        // Swagger 2.0's media types of the body parameters and response schemas below; a callback's
        // operations, decoded inside this one, have their own.
        let swagger2Fields = swagger2MediaFields(of: node)
        let consumes = swagger2MediaTypes(swagger2Fields.consumes?.value, "consumes")
        let outerProduces = (swagger2Produces, swagger2ProducesRead)
        (swagger2Produces, swagger2ProducesRead) = (
            swagger2MediaTypes(swagger2Fields.produces?.value, "produces"), false
        )
        defer { (swagger2Produces, swagger2ProducesRead) = outerProduces }
        // SignalK's `post: {body: {type: object, …}}`: where there is no requestBody, a `body` that
        // is one, or a schema, says what the body is.
        // Looked at only where there is a `body` (nearly no operation has one).
        let bodyField = node["body"].flatMap { body -> BodyField? in
            let swagger2BodyBeside =
                node["parameters"].map { $0.isSequence && $0.items.contains(where: Self.isSwagger2BodyParameter) }
                ?? false
            return node["requestBody"] == nil && !swagger2BodyBeside ? Self.requestBodyWrittenAsBody(body) : nil
        }
        let fields =
            [
                "tags", "summary", "description", "externalDocs", "operationId", "parameters", "requestBody",
                "responses", "callbacks", "deprecated", "security", "servers", "consumes", "produces",
            ] + (bodyField != nil ? ["body"] : [])
        let required = version.isJSONSchema2020 ? [] : ["responses"]
        let missing = ["responses": "Lathe treats every response as undocumented"]
        let extensions = object(
            node, "the \(method.token) operation", fields: fields, required: required, missing: missing
        ) { key, keyNode, value in
            switch key {
            case "tags": operation.tags = stringList(value, "tags")
            case "summary": operation.summary = string(value, "summary")
            case "description": operation.description = string(value, "description")
            case "externalDocs": _ = decodeExternalDocs(value)
            case "operationId":
                // `operationId: ""` (Tekton's) names nothing: the operation is named by its method
                // and path, as one without an id is.
                let id = string(value, "operationId")
                if id?.allSatisfy(\.isWhitespace) == true {
                    error(
                        "'operationId' is empty", at: value, kind: "empty-value",
                        reading: "Lathe names the operation by its method and path")
                } else {
                    operation.operationId = id
                    operation.operationIdNode = value
                }
            case "parameters":
                // Swagger 2.0's body and form parameters are read as the request body, below.
                var inBody: [YAMLNode] = []
                for item in parameterItems(value) {
                    if Self.isSwagger2BodyParameter(item) {
                        inBody.append(item)
                    } else if let parameter = decodeReferenceable(item, .parameter, decodeParameter) {
                        operation.parameters.append(parameter)
                    }
                }
                swagger2Body = swagger2RequestBody(
                    inBody, in: value, consumes: consumes, besideRequestBody: node["requestBody"] != nil)
                if method == .get, let body = swagger2Body { warnAboutBodyOnGet(at: body.node["in"] ?? body.node) }
            case "requestBody":
                operation.requestBody = decodeReferenceable(value, .requestBody, decodeRequestBody)
                if method == .get { warnAboutBodyOnGet(at: keyNode) }
            case "body":
                guard let bodyField else { break }
                // A warning, as any unknown field is.
                warning(
                    "'body' is no field of an operation; a request body is written under 'requestBody'; Lathe reads "
                        + (bodyField == .requestBody
                            ? "it as the requestBody" : "it as the schema of an application/json requestBody"),
                    at: keyNode, kind: "body-field")
                if bodyField == .requestBody {
                    operation.requestBody = decodeReferenceable(value, .requestBody, decodeRequestBody)
                } else {
                    var body = RequestBody(node: value)
                    var media = MediaType(node: value, contentType: "application/json")
                    media.schema = decodeSchema(value)
                    body.content = [media]
                    operation.requestBody = .value(body)
                }
                if method == .get { warnAboutBodyOnGet(at: keyNode) }
            case "responses": (operation.responses, operation.responsesExtensions) = decodeResponses(value)
            case "callbacks":
                operation.callbacks = namedEntries(value, "callbacks").compactMap { name, _, callback in
                    decodeReferenceable(callback, .callback, decodeCallback).map { (name, $0) }
                }
            case "deprecated": operation.deprecated = bool(value, "deprecated") ?? false
            case "security": operation.security = decodeSecurityRequirements(value)
            case "servers": operation.servers = decodeServers(value)
            default: break
            }
        }
        guard let extensions else { return nil }
        operation.extensions = extensions
        if let swagger2Body { operation.requestBody = .value(swagger2Body) }
        warnAboutUnused(swagger2Fields, bodyRead: swagger2Body != nil, responsesRead: swagger2ProducesRead)
        return operation
    }

    enum BodyField { case requestBody, schema }

    /// What an operation's `body` (no OpenAPI field) holds: a Request Body object, a schema, or neither.
    static func requestBodyWrittenAsBody(_ value: YAMLNode) -> BodyField? {
        guard value.isMapping else { return nil }
        if value["content"] != nil || value["$ref"]?.text?.contains("/requestBodies/") == true { return .requestBody }
        return looksLikeSchema(value) ? .schema : nil
    }

    /// Oxide's instance_state_monitor. RFC 9110 gives such a body no meaning, and since iOS 13
    /// URLSession fails the task (NSURLErrorDataLengthExceedsMaximum).
    private func warnAboutBodyOnGet(at node: YAMLNode) {
        warning(
            "a GET request with a body (RFC 9110 gives it no meaning); Lathe sends it, but URLSession fails such a "
                + "request on Apple platforms, and proxies may drop the body", at: node, kind: "request-body-on-get")
    }

    func decodeParameterList(_ node: YAMLNode) -> [Referenceable<Parameter>] {
        parameterItems(node).compactMap { decodeReferenceable($0, .parameter, decodeParameter) }
    }

    /// The items of a `parameters` list; one parameter written in its place (Audiobookshelf's
    /// `parameters: {$ref: …}`) is a list of it.
    func parameterItems(_ node: YAMLNode) -> [YAMLNode] {
        if node.isMapping, node["$ref"] != nil {
            // A `$ref` to a list is read by `list`, which says a list cannot be one.
            guard let target = followReference(node, "a parameter", allowed: true) else { return [] }
            if target.isSequence { return splicingReferencedLists(list(node, "parameters").map(Array.init) ?? []) }
        }
        if node.isMapping, node["$ref"] != nil || node["in"] != nil {
            error(
                "parameters must be a list, but this is one parameter", at: node, kind: "wrong-type",
                reading: "Lathe reads it as a list of that parameter")
            return [node]
        }
        return splicingReferencedLists(list(node, "parameters").map(Array.init) ?? [])
    }

    /// `items`, with each `$ref` to a list of parameters (OpenCage's `optional-params.yaml`, fifteen
    /// in one file) replaced by the parameters it lists, in its place. The ref is resolved as a
    /// parameter's is, so what it says of itself is said once (`withoutRepeats`) and is the same.
    private func splicingReferencedLists(_ items: [YAMLNode], within: Set<YAMLNode> = []) -> [YAMLNode] {
        // Made only when a list is met: most `parameters` lists have none.
        var spliced: [YAMLNode]?
        for (index, item) in items.enumerated() {
            // A ref resolved before (most name a shared parameter many operations list) is looked
            // up as it is: its kind was checked when it was.
            guard item.isMapping, let refNode = item["$ref"], refNode.scalarType == .string, let raw = refNode.text,
                let target = resolvedRefs[ResolvedRefKey(file: ObjectIdentifier(refNode.tree), raw: raw)]?.node
                    ?? resolve(raw, at: refNode, kind: .parameter)?.node,
                target.isSequence
            else {
                spliced?.append(item)
                continue
            }
            if spliced == nil { spliced = Array(items.prefix(index)) }
            guard !within.contains(target) else {
                error(
                    "this list of parameters is a $ref to a list that leads back to itself", at: refNode,
                    kind: "ref-cycle", reading: "Lathe leaves these parameters out")
                continue
            }
            error(
                "a parameter's $ref points at a list of parameters; each item of 'parameters' is one parameter",
                at: refNode, kind: "parameter-list-referenced",
                reading: "Lathe reads the parameters it lists in its place")
            spliced! += splicingReferencedLists(Array(target.items), within: within.union([target]))
        }
        return spliced ?? items
    }

    func decodeParameter(_ node: YAMLNode) -> Parameter? {
        if node.isSequence {
            // A list under `components/parameters`, or inside a list.
            error(
                "a Parameter object must be a mapping, but this is a list", at: node, kind: "wrong-type",
                reading: "Lathe reads the parameters it lists only where an item of a 'parameters' list is a $ref to it"
            )
            return nil
        }
        var parameter = Parameter(node: node, name: "", location: .query)
        var location: ParameterLocation?
        var styleNode: YAMLNode?
        var allowReservedNode: YAMLNode?
        let missing = ["name": "Lathe leaves out this parameter", "in": "Lathe leaves out this parameter"]
        let isSwagger2 = Self.describesValueAsSwagger2(node)
        let fields = isSwagger2 ? Self.parameterFields + Self.swagger2ValueFields : Self.parameterFields
        let inSchema = parameterFieldsInSchema(of: node)
        guard
            let extensions = object(
                node, "a Parameter object", fields: fields,
                required: ["name", "in"].filter { field in !inSchema.contains { $0.key == field } }, missing: missing,
                { key, _, value in
                    switch key {
                    case "name": parameter.name = string(value, "the parameter name") ?? ""
                    case "in": location = parameterLocation(value)
                    case "description": parameter.description = string(value, "description")
                    case "required": parameter.required = bool(value, "required") ?? false
                    case "deprecated": parameter.deprecated = bool(value, "deprecated") ?? false
                    case "allowEmptyValue": parameter.allowEmptyValue = bool(value, "allowEmptyValue") ?? false
                    case "style":
                        styleNode = value
                        parameter.style = decodeStyle(value)
                    case "explode": parameter.explode = bool(value, "explode")
                    case "allowReserved":
                        allowReservedNode = value
                        parameter.allowReserved = bool(value, "allowReserved") ?? false
                    case "schema": parameter.schema = decodeSchema(value)
                    case "example": parameter.examples.append(value)
                    // The values its Example objects show (one a `$ref` names shows none here).
                    case "examples":
                        parameter.examples += decodeExamples(value).compactMap { $0["value"] ?? $0["dataValue"] }
                    case "content": parameter.content = decodeContent(value)
                    default: break
                    }
                })
        else { return nil }
        parameter.extensions = extensions
        for (key, keyNode, value) in inSchema {
            error(
                "'\(key)' is the parameter's own field, written inside its schema", at: keyNode,
                kind: "parameter-field-in-schema", reading: "Lathe reads it as the parameter's")
            if key == "name" { parameter.name = string(value, "the parameter name") ?? "" }
            if key == "in" { location = parameterLocation(value) }
        }
        // Without a name or a place the parameter cannot be sent or read (each already reported).
        guard let location, !parameter.name.isEmpty else { return nil }
        if location == .header || location == .cookie,
            !isHeaderName(parameter.name, at: node["name"] ?? node, what: "\(location.rawValue) parameter")
        {
            return nil
        }
        parameter.location = location
        if !checkStyle(parameter.style, styleNode: styleNode, location: location) { parameter.style = nil }
        if let allowReservedNode, parameter.allowReserved, location != .query {
            warning(
                "allowReserved applies only to query parameters; it has no effect on a \(location.rawValue) parameter",
                at: allowReservedNode, kind: "allow-reserved-ignored")
        }
        if location == .path, !parameter.required {
            error(
                "path parameter '\(parameter.name)' must have 'required: true' (OpenAPI requires it for every "
                    + "path parameter)",
                at: node["required"] ?? node, kind: "path-parameter-not-required",
                reading: "Lathe treats it as required")
            parameter.required = true
        }
        if isSwagger2 { readSwagger2Value(of: node, into: &parameter, at: location) }
        checkSchemaOrContent(
            schema: parameter.schema, content: parameter.content, in: node, what: "parameter '\(parameter.name)'")
        if location == .querystring, let schemaNode = node["schema"], parameter.content.isEmpty {
            warning(
                "a querystring parameter is described by 'content', not 'schema'; Lathe writes and reads an "
                    + "object as application/x-www-form-urlencoded, a string as itself, anything else as JSON text",
                at: schemaNode, kind: "querystring-schema")
        }
        return parameter
    }

    private func parameterLocation(_ value: YAMLNode) -> ParameterLocation? {
        guard let text = string(value, "'in'") else { return nil }
        // `querystring` is OpenAPI 3.2's.
        if let location = ParameterLocation(rawValue: text), location != .querystring || version.minor >= 2 {
            return location
        }
        error(
            "'in: \(text)' is not a parameter location; expected query, header, path or cookie"
                + (text == "querystring" ? " (querystring is OpenAPI 3.2's)" : ""),
            at: value, kind: "parameter-location-invalid", reading: "Lathe leaves out this parameter")
        return nil
    }

    /// `name` and `in` that a parameter without them has inside its schema, as text (OpenCage's
    /// `schema: {type: string, in: query, name: q}`, indented a level too deep): neither is a
    /// schema keyword, so they can only be the parameter's. Marked so the schema does not call
    /// them unknown keywords.
    private func parameterFieldsInSchema(of node: YAMLNode) -> [(key: String, keyNode: YAMLNode, value: YAMLNode)] {
        // Most parameters have both: nothing to look for.
        guard node.isMapping, node["name"] == nil || node["in"] == nil, let schema = node["schema"], schema.isMapping
        else { return [] }
        var found: [(key: String, keyNode: YAMLNode, value: YAMLNode)] = []
        for (keyNode, value) in schema.entries where value.isScalar && value.scalarType == .string {
            guard let key = keyNode.text, key == "name" || key == "in", node[key] == nil else { continue }
            found.append((key, keyNode, value))
            parameterFieldsInSchemas.insert(keyNode)
        }
        return found
    }

    func decodeStyle(_ node: YAMLNode) -> ParameterStyle? {
        guard let text = string(node, "style") else { return nil }
        // `cookie` is 3.2's.
        guard let style = ParameterStyle(rawValue: text), style != .cookie || version.minor >= 2 else {
            let known = ParameterStyle.allCases.filter { $0 != .cookie || version.minor >= 2 }
            error(
                "'\(text)' is not a parameter style; "
                    + "expected one of \(known.map(\.rawValue).joined(separator: ", "))",
                at: node, kind: "style-invalid", reading: "Lathe uses the default style for where the value goes")
            return nil
        }
        return style
    }

    /// Whether `style` may be used at `location`; when not, says so (Lathe then uses the default).
    private func checkStyle(_ style: ParameterStyle?, styleNode: YAMLNode?, location: ParameterLocation) -> Bool {
        guard let style, let styleNode, !location.allowedStyles.contains(style) else { return true }
        error(
            "style '\(style.rawValue)' is not allowed for \(location.rawValue) parameters; "
                + "use \(location.allowedStyles.map(\.rawValue).joined(separator: ", "))",
            at: styleNode, kind: "style-not-allowed",
            reading: "Lathe uses the default style for \(location.rawValue) parameters")
        return false
    }

    /// Parameters and headers describe their value with exactly one of `schema` or a one-entry `content`.
    private func checkSchemaOrContent(schema: Schema?, content: [MediaType], in node: YAMLNode, what: String) {
        if schema != nil, let contentNode = node["content"] {
            error(
                "\(what) has both 'schema' and 'content'; use one of them", at: contentNode, kind: "schema-and-content",
                reading: "Lathe uses 'schema' and ignores 'content'")
        } else if schema == nil, content.isEmpty, node["schema"] == nil, node["content"] == nil {
            warning(
                "\(what) has no 'schema' (or 'content') to say what its value is; Lathe treats it as a string",
                at: node, kind: "parameter-without-schema")
        }
        if content.count > 1, let contentNode = node["content"] {
            error(
                "\(what) has \(content.count) media types in 'content'; it may have exactly one", at: contentNode,
                kind: "content-media-types", reading: "Lathe uses the first, \(content[0].contentType)")
        }
    }

    func decodeExamples(_ node: YAMLNode) -> [YAMLNode] {
        namedEntries(node, "examples").compactMap { _, _, value in
            _ = decodeReferenceable(value, .example, decodeExample)
            return value
        }
    }

    func decodeRequestBody(_ node: YAMLNode) -> RequestBody? {
        var body = RequestBody(node: node)
        let missing = ["content": "Lathe generates the operation without a request body"]
        guard
            let extensions = object(
                node, "a Request Body object", fields: Self.requestBodyFields, required: ["content"],
                missing: missing,
                { key, _, value in
                    switch key {
                    case "description": body.description = string(value, "description")
                    case "content":
                        body.content = decodeContent(value)
                        if body.content.isEmpty, value.isMapping, value.count == 0 {
                            warning(
                                "this request body lists no media types, so no body can be sent; "
                                    + "Lathe generates the operation without one",
                                at: value, kind: "request-body-without-content")
                        }
                    case "required": body.required = bool(value, "required") ?? false
                    default: break
                    }
                })
        else { return nil }
        // A body with no media type cannot be sent or read: the operation has none.
        guard !body.content.isEmpty else { return nil }
        body.extensions = extensions
        return body
    }

    /// What a `content` key that is not a media type stands for, where that is clear.
    static let mediaTypeShortForms: [String: String] = [
        "json": "application/json", "xml": "application/xml", "text": "text/plain", "html": "text/html",
        "form": "application/x-www-form-urlencoded", "multipart": "multipart/form-data",
        "binary": "application/octet-stream", "octet-stream": "application/octet-stream", "*": "*/*",
        // crAPI's `"": {schema: {type: string, format: binary}}`: content of a type no one named.
        "": "*/*",
    ]

    /// IANA's top-level media types (RFC 6838 §4.2, and the registry since).
    static let topLevelMediaTypes: Set<String> = [
        "application", "audio", "example", "font", "haptics", "image", "message", "model", "multipart", "text", "video",
    ]

    /// `multipart/formdata` → `multipart/form-data`: one of the media types Lathe treats apart,
    /// written with other separators (`-`, `_`, `.` or none) or in another case.
    static func misspelledMediaType(_ written: String) -> String? {
        // Nearly every media type is JSON, which no misspelling starts with; most others are one of
        // these, as written: a set lookup, nothing made.
        let bytes = written.utf8
        if bytes.starts(with: "application/json".utf8) {
            let next = bytes.dropFirst(16).first
            if next == nil || !mediaTypeSeparators.utf8.contains(next!) { return nil }
        }
        if specialMediaTypes.contains(written) { return nil }
        let end = written.firstIndex(of: ";") ?? written.endIndex
        var essence = written[..<end]
        // Space before the parameters is allowed (RFC 9110's OWS).
        while essence.last == " " || essence.last == "\t" { essence = essence.dropLast() }
        guard essence.utf8.count <= 40, !specialMediaTypes.contains(String(essence)) else { return nil }
        let lowered = essence.lowercased()
        guard let meant = specialMediaTypesBySquashedName[squashed(lowered)], meant != lowered else { return nil }
        return meant + written[essence.endIndex...]
    }

    private static let specialMediaTypes: Set<String> = [
        "multipart/form-data", "application/x-www-form-urlencoded", "application/json", "application/octet-stream",
        "text/event-stream", "application/x-ndjson", "application/problem+json", "text/plain",
    ]

    /// What may stand between a media type's words, and be written another way.
    private static let mediaTypeSeparators = "-_. "

    private static func squashed(_ mediaType: String) -> String {
        mediaType.filter { !mediaTypeSeparators.contains($0) }
    }

    private static let specialMediaTypesBySquashedName = Dictionary(
        uniqueKeysWithValues: specialMediaTypes.map { (squashed($0), $0) })

    /// `plain/text` → `text/plain`: a media type written the wrong way round, whose halves swapped
    /// make one with a registered top-level type where the written one has none (`*` excepted).
    static func transposedMediaType(_ written: String) -> String? {
        // Most media types (it runs for each): a registered top-level type, none swapped.
        if written.hasPrefix("application/") || written.hasPrefix("text/") { return nil }
        var essence = written[..<(written.firstIndex(of: ";") ?? written.endIndex)]
        while essence.last == " " { essence = essence.dropLast() }
        let halves = essence.split(separator: "/", omittingEmptySubsequences: false)
        guard halves.count == 2, halves[0] != "*", !topLevelMediaTypes.contains(halves[0].lowercased()),
            topLevelMediaTypes.contains(halves[1].lowercased())
        else { return nil }
        return halves[1] + "/" + halves[0] + written[essence.endIndex...]
    }

    /// Keywords that say what a schema's values are, none of them a Media Type object's field.
    static let schemaShapingKeywords: Set<String> = [
        "type", "items", "properties", "additionalProperties", "allOf", "oneOf", "anyOf", "enum", "format",
    ]

    /// The first schema keyword of a Media Type object (or of what its `$ref` names) that is a
    /// schema written without `schema:`; `nil` for one that is not.
    static func unwrappedSchemaKeyword(_ node: YAMLNode) -> YAMLNode? {
        guard node.isMapping, node["schema"] == nil, node["itemSchema"] == nil else { return nil }
        return node.entries.first { schemaShapingKeywords.contains($0.key.text ?? "") }?.key
    }

    /// A Media Type object's fields written one level short: cdc-ti-etor's `content:` holding
    /// `application/json:` with no value and `schema:` beside it. The one media type with no value
    /// is what they describe; `nil` unless there is exactly one and a `schema` among the fields.
    func slippedMediaTypeFields(_ node: YAMLNode) -> (mediaType: String, fields: [(key: YAMLNode, value: YAMLNode)])? {
        guard node.isMapping else { return nil }
        let fields = node.entries.filter { Self.slippableFields.contains($0.key.text ?? "") }.map {
            (key: $0.key, value: $0.value)
        }
        let empty = node.entries.filter {
            $0.key.text?.contains("/") == true && $0.value.isScalar && $0.value.scalarType == .null
        }
        guard fields.contains(where: { $0.key.text == "schema" }), empty.count == 1, let mediaType = empty[0].key.text
        else { return nil }
        let names = fields.map { "'\($0.key.text ?? "")'" }.joined(separator: ", ")
        let one = fields.count == 1
        error(
            "\(names) \(one ? "stands" : "stand") beside the media types, and '\(mediaType)' has no value: "
                + "\(one ? "it is its field" : "they are its fields"), indented one level short",
            at: fields[0].key, kind: "media-type-fields-outside",
            reading: "Lathe reads \(one ? "it" : "them") under '\(mediaType)'")
        return (mediaType, fields)
    }

    private static let slippableFields: Set<String> = ["schema", "example", "examples", "encoding"]

    func decodeContent(_ node: YAMLNode) -> [MediaType] {
        // Trustee's `content: '*'`: one media type (or range) named, with nothing said of it.
        if node.isScalar, node.scalarType == .string, let written = node.text,
            let mediaType = written.contains("/") ? written : Self.mediaTypeShortForms[written.lowercased()]
        {
            error(
                "content must be a mapping of media types to Media Type objects, but this is the string "
                    + "'\(written)'", at: node, kind: "content-as-string",
                reading: "Lathe reads it as one media type, \(mediaType), with no schema")
            return [MediaType(node: node, contentType: mediaType)]
        }
        let slip = slippedMediaTypeFields(node)
        return namedEntries(node, "content").compactMap { written, keyNode, value in
            if let slip, slip.fields.contains(where: { $0.key == keyNode }) { return nil }
            var contentType = written
            if let swapped = Self.transposedMediaType(written) {
                error(
                    "'\(written)' is not a media type; '\(swapped)' is", at: keyNode, kind: "not-a-media-type",
                    reading: "Lathe reads it as \(swapped)")
                contentType = swapped
            } else if !written.contains("/") {
                let message = "'\(written)' is not a media type; expected one like application/json or text/plain"
                guard let full = Self.mediaTypeShortForms[written.lowercased()] else {
                    error(message, at: keyNode, kind: "not-a-media-type", reading: "Lathe leaves out this entry")
                    return nil
                }
                error(message, at: keyNode, kind: "not-a-media-type", reading: "Lathe reads it as \(full)")
                contentType = full
            } else if let meant = Self.misspelledMediaType(written) {
                // ComfyUI's `multipart/formdata`, which a server reading forms does not take for one.
                error(
                    "'\(written)' is not a registered media type; '\(meant)' is", at: keyNode,
                    kind: "media-type-misspelled", reading: "Lathe reads it as \(meant)")
                contentType = meant
            }
            if let slip, slip.mediaType == written {
                var media = MediaType(node: keyNode, contentType: contentType)
                for (key, value) in slip.fields { decodeField(key.text ?? "", key, value, into: &media) }
                return media
            }
            // `application/json: {$ref: '#/components/schemas/Pet'}` leaves out the `schema:` level:
            // a `$ref` to a schema (what stands beside it is the schema's), not to a 3.2 Media Type.
            if value.isMapping, let refNode = value["$ref"], let raw = refNode.text,
                !raw.contains("/components/mediaTypes/"),
                raw.contains("/components/schemas/")
                    || resolve(raw, at: refNode, kind: nil).flatMap({ Self.unwrappedSchemaKeyword($0.node) }) != nil
            {
                error(
                    (version.minor >= 2
                        ? "a Media Type object's $ref names a Media Type object"
                        : "a Media Type object cannot be a $ref") + "; this one names a schema", at: refNode,
                    kind: "ref-not-allowed-here", reading: "Lathe reads it as the media type's schema")
                var media = MediaType(node: value, contentType: contentType)
                media.schema = decodeSchema(value)
                return media
            }
            // A Media Type object may be a `$ref` in 3.2 (to `components/mediaTypes`).
            guard let value = followReference(value, "a Media Type object", allowed: version.minor >= 2) else {
                return nil
            }
            var media = MediaType(node: value, contentType: contentType)
            let fields =
                ["schema", "itemSchema", "example", "examples", "encoding"]
                + since32(["itemEncoding", "prefixEncoding"])
            // OSIS's `application/json: {type: array, items: …}` leaves out the `schema:` level too:
            // the media type's own fields are its, the rest its schema's (a list of `examples` is a
            // 3.1 schema's, `x-` extensions both's).
            var schemaKeys: Set<String>?
            if let keyword = Self.unwrappedSchemaKeyword(value) {
                error(
                    "this Media Type object has no 'schema', and holds the schema keyword '\(keyword.text ?? "")' "
                        + "itself; a media type's schema is written under 'schema'", at: keyword,
                    kind: "schema-unwrapped", reading: "Lathe reads the Media Type object as its schema")
                var keys = Set(value.entries.compactMap(\.key.text)).subtracting(fields)
                if value["examples"]?.isSequence == true { keys.insert("examples") }
                media.schema = decodeSchema(value, keeping: keys)
                schemaKeys = keys.filter { !$0.hasPrefix("x-") }
            }
            guard
                let extensions = object(
                    value, "the '\(contentType)' Media Type object",
                    fields: fields + (schemaKeys.map(Array.init) ?? []),
                    { key, keyNode, value in
                        if schemaKeys?.contains(key) == true { return }
                        decodeField(key, keyNode, value, into: &media)
                    })
            else { return nil }
            media.extensions = extensions
            if let node = extensions["x-lathe-stream-terminator"] {
                media.streamTerminator = string(node, "x-lathe-stream-terminator")
            }
            return media
        }
    }

    /// One field of a Media Type object (`schema`, `example`, …) into `media`; others are left.
    private func decodeField(_ key: String, _ keyNode: YAMLNode, _ value: YAMLNode, into media: inout MediaType) {
        switch key {
        case "schema": media.schema = decodeSchema(value)
        case "itemSchema": media.itemSchema = decodeSchema(value)
        case "example": media.examples.append(value)
        case "examples": media.examples += decodeExamples(value)
        case "encoding":
            media.encoding = namedEntries(value, "encoding").compactMap { name, _, encoding in
                decodeEncoding(encoding).map { (name, $0) }
            }
        case "itemEncoding", "prefixEncoding": warnPositionalEncoding(keyNode)
        default: break
        }
    }

    /// 3.2's encodings by position (`multipart/mixed` parts without names) and of nested parts.
    private func warnPositionalEncoding(_ keyNode: YAMLNode) {
        warning(
            "Lathe does not generate '\(keyNode.text ?? "")' yet; parts are encoded by their schemas alone",
            at: keyNode, kind: "keyword-not-generated")
    }

    func decodeEncoding(_ node: YAMLNode) -> Encoding? {
        guard let node = followReference(node, "an Encoding object") else { return nil }
        var encoding = Encoding(node: node)
        let extensions = object(
            node, "an Encoding object",
            fields: ["contentType", "headers", "style", "explode", "allowReserved"]
                + since32(["encoding", "itemEncoding", "prefixEncoding"])
        ) { key, keyNode, value in
            switch key {
            case "encoding", "itemEncoding", "prefixEncoding": warnPositionalEncoding(keyNode)
            case "contentType": encoding.contentType = string(value, "contentType")
            case "headers": encoding.headers = decodeHeaders(value)
            case "style": encoding.style = decodeStyle(value)
            case "explode": encoding.explode = bool(value, "explode")
            case "allowReserved": encoding.allowReserved = bool(value, "allowReserved") ?? false
            default: break
            }
        }
        guard let extensions else { return nil }
        encoding.extensions = extensions
        return encoding
    }

    func decodeResponses(_ node: YAMLNode) -> ([ResponseEntry], Extensions) {
        guard let node = present(node, "responses") else { return ([], Extensions()) }
        var extensions = Extensions()
        guard node.isMapping else {
            wrongType(
                "responses must be a mapping of status codes to responses, but this is \(node.kindDescription)",
                at: node, reading: "Lathe treats every response as undocumented")
            return ([], extensions)
        }
        var entries: [ResponseEntry] = []
        for (keyNode, value) in node.entries {
            if keyNode.textHasPrefix("x-") {
                extensions.entries.append((keyNode.text ?? "", value))
                continue
            }
            guard let key = responseKey(keyNode, besides: node) else { continue }
            if let response = decodeReferenceable(value, .response, decodeResponse) {
                entries.append(ResponseEntry(key: key, keyNode: keyNode, response: response))
            }
        }
        if entries.isEmpty, !version.isJSONSchema2020 {
            error(
                "responses must list at least one response", at: node, kind: "responses-empty",
                reading: "Lathe treats every response as undocumented")
        }
        return (entries, extensions)
    }

    /// A key of `responses`. A status code followed by its reason (`204 NO_CONTENT`, Spring's
    /// `HttpStatus` written out) is that code, unless the mapping gives the code itself, or an
    /// earlier key gives it with a reason.
    private func responseKey(_ node: YAMLNode, besides responses: YAMLNode) -> ResponseKey? {
        let text = node.text ?? ""
        if text == "default" { return .default }
        let bytes = Array(text.utf8)
        if bytes.count == 3, let first = bytes.first, (UInt8(ascii: "1") ... UInt8(ascii: "5")).contains(first) {
            if bytes[1] | 0x20 == UInt8(ascii: "x"), bytes[2] | 0x20 == UInt8(ascii: "x") {
                return .range(Int(first - UInt8(ascii: "0")))
            }
            if let code = Int(text) { return .code(code) }
        }
        if bytes.count > 4, bytes[3] == UInt8(ascii: " "), let code = Int(text.prefix(3)), (100 ... 599).contains(code),
            bytes[4] != UInt8(ascii: " ")
        {
            let codeText = String(text.prefix(3))
            // Unless the code is given alone, or by an earlier key with a reason (`200 OK`, `200 SUCCESS`).
            let sameCode = responses.entries.compactMap { $0.key.text }.filter {
                $0 == codeText || $0.hasPrefix(codeText + " ")
            }
            if sameCode.first == text, !sameCode.contains(codeText) {
                error(
                    "'\(text)' is not a response key; a status code is written alone", at: node,
                    kind: "response-key-invalid", reading: "Lathe reads it as \(codeText)")
                return .code(code)
            }
        }
        error(
            "'\(text)' is not a response key; expected a status code from 100 to 599, a range such as 2XX, "
                + "or 'default'",
            at: node, kind: "response-key-invalid", reading: "Lathe ignores this response")
        return nil
    }

    func decodeResponse(_ node: YAMLNode) -> Response? {
        var response = Response(node: node)
        var summary: String?
        // Optional from 3.2 on.
        let required = version.minor >= 2 ? [] : ["description"]
        // Looked up first: nearly every response has none.
        let swagger2Schema = node.isMapping ? node["schema"].flatMap { node["content"] == nil ? $0 : nil } : nil
        var fields = version.minor >= 2 ? Self.responseFields + Self.responseFields32 : Self.responseFields
        if swagger2Schema != nil { fields += ["schema", "examples"] }
        guard
            let extensions = object(
                node, "a Response object", fields: fields, required: required,
                { key, _, value in
                    switch key {
                    case "description": response.description = string(value, "description")
                    // 3.2's short summary documents a response that has no description.
                    case "summary": summary = string(value, "summary")
                    case "headers": response.headers = decodeHeaders(value)
                    case "content": response.content = decodeContent(value)
                    case "links":
                        response.links = namedEntries(value, "links").compactMap { name, _, link in
                            decodeReferenceable(link, .link, decodeLink).map { (name, $0) }
                        }
                    default: break
                    }
                })
        else { return nil }
        response.extensions = extensions
        response.description = response.description ?? summary
        if let swagger2Schema { response.content = swagger2ResponseContent(swagger2Schema, in: node) }
        response.failureWhen = extensions["x-lathe-failure-when"].flatMap(decodeFailureCondition)
        return response
    }

    func decodeHeaders(_ node: YAMLNode) -> [(name: String, header: Referenceable<Header>)] {
        namedEntries(node, "headers").compactMap { name, keyNode, value in
            guard isHeaderName(name, at: keyNode, what: "header") else { return nil }
            return decodeReferenceable(value, .header, decodeHeader).map { (name, $0) }
        }
    }

    /// Whether `name` can name an HTTP header: an RFC 9110 token, as a method is. HTTP types drop a
    /// field of any other name (`X Request Id`) without a word, so a value set for it would never
    /// be sent, nor found in a request or response: said here, and left out.
    func isHeaderName(_ name: String, at node: YAMLNode, what: String) -> Bool {
        guard !Self.isMethodToken(name) else { return true }
        warning(
            "'\(name)' is not a name HTTP can send in a header or cookie (one token of letters, digits and "
                + "!#$%&'*+-.^_`|~, RFC 9110), so it can never be sent or read; Lathe leaves out this \(what)",
            at: node, kind: "header-name-invalid")
        return false
    }

    func decodeHeader(_ node: YAMLNode) -> Header? {
        var header = Header(node: node)
        // A schema written where a header is (`X-Rate-Limit: {type: integer}`, or Nightscout's `$ref`s
        // to `components/schemas`): a header of that schema, the one reading of it.
        if node.isMapping, node["schema"] == nil, node["content"] == nil,
            let keyword = node.entries.first(where: { key, _ in key.text.map(Self.schemaOnlyKeywords.contains) ?? false
            })
        {
            warning(
                "this header is written as a schema ('\(keyword.key.text ?? "")' belongs under 'schema'); Lathe "
                    + "reads it as a header of that schema",
                at: keyword.key, kind: "header-written-as-schema")
            header.description = node["description"].flatMap { string($0, "description") }
            header.schema = decodeSchema(node)
            return header
        }
        let fields = [
            "description", "required", "deprecated", "allowEmptyValue", "style", "explode", "allowReserved", "schema",
            "example", "examples", "content",
        ]
        guard
            let extensions = object(
                node, "a Header object", fields: fields,
                { key, _, value in
                    switch key {
                    case "description": header.description = string(value, "description")
                    case "required": header.required = bool(value, "required") ?? false
                    case "deprecated": header.deprecated = bool(value, "deprecated") ?? false
                    case "style":
                        header.style = decodeStyle(value)
                        if let style = header.style, style != .simple {
                            error(
                                "headers use style 'simple'; '\(style.rawValue)' is not allowed here", at: value,
                                kind: "style-not-allowed", reading: "Lathe uses style 'simple'")
                        }
                    case "explode": header.explode = bool(value, "explode")
                    case "schema": header.schema = decodeSchema(value)
                    case "content": header.content = decodeContent(value)
                    case "example": break
                    case "examples": _ = decodeExamples(value)
                    default: break
                    }
                })
        else { return nil }
        header.extensions = extensions
        checkSchemaOrContent(schema: header.schema, content: header.content, in: node, what: "this header")
        return header
    }

    /// Keywords of a schema that no Header object has.
    static let schemaOnlyKeywords: Set<String> = [
        "type", "enum", "const", "format", "items", "properties", "oneOf", "anyOf", "allOf", "pattern", "minimum",
        "maximum", "minLength", "maxLength",
    ]

    func decodeLink(_ node: YAMLNode) -> Link? {
        var link = Link(node: node)
        let fields = ["operationRef", "operationId", "parameters", "requestBody", "description", "server"]
        let extensions = object(node, "a Link object", fields: fields) { key, _, value in
            switch key {
            case "operationRef": link.operationRef = string(value, "operationRef")
            case "operationId": link.operationId = string(value, "operationId")
            case "description": link.description = string(value, "description")
            default: break
            }
        }
        guard let extensions else { return nil }
        link.extensions = extensions
        return link
    }

    func decodeExample(_ node: YAMLNode) -> Example? {
        var example = Example(node: node)
        var dataValue: YAMLNode?
        let extensions = object(
            node, "an Example object",
            fields: Self.exampleFields + since32(Self.exampleFields32)
        ) { key, _, value in
            switch key {
            case "summary": example.summary = string(value, "summary")
            case "description": example.description = string(value, "description")
            case "value": example.value = value
            // 3.2's `dataValue` is the value as data (`serializedValue`, as sent, is not read).
            case "dataValue": dataValue = value
            case "externalValue": example.externalValue = string(value, "externalValue")
            default: break
            }
        }
        if let dataValue {
            if example.value == nil {
                example.value = dataValue
            } else {
                error(
                    "an example has either 'value' or 'dataValue', not both", at: dataValue,
                    kind: "example-value-and-data-value", reading: "Lathe uses 'value'")
            }
        }
        if node["value"] != nil, let external = node["externalValue"] {
            error(
                "an example has either 'value' or 'externalValue', not both", at: external,
                kind: "example-value-and-external-value", reading: "Lathe uses 'value'")
        }
        guard let extensions else { return nil }
        example.extensions = extensions
        return example
    }

    func decodeCallback(_ node: YAMLNode) -> Callback? {
        guard node.isMapping else {
            wrongType(
                "a Callback object must be a mapping of expressions to path items, but this is \(node.kindDescription)",
                at: node, reading: "Lathe ignores this callback")
            return nil
        }
        var callback = Callback(node: node)
        for (keyNode, value) in node.entries {
            if keyNode.textHasPrefix("x-") {
                callback.extensions.entries.append((keyNode.text ?? "", value))
                continue
            }
            if let item = decodePathItem(value, path: keyNode.text ?? "") {
                callback.expressions.append((keyNode.text ?? "", item))
            }
        }
        return callback
    }
}
