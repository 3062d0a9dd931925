import LatheYAML

/// Swagger 2.0 left in an OpenAPI 3 document, as specs converted by hand keep it (Shlink's): a
/// parameter's `type`, `items`, … in place of a `schema`; a response's `schema` in place of
/// `content`; `in: body` and `in: formData` parameters in place of a `requestBody`; an operation's
/// `consumes` and `produces`, the media types of those bodies. Each has the one meaning Swagger 2.0
/// gave it, which Lathe reads, saying so where it stands.
extension DocumentDecoder {
    /// The fields a Swagger 2.0 parameter describes its value with, which OpenAPI 3 puts in `schema`.
    static let swagger2ValueFields = [
        "type", "format", "items", "collectionFormat", "enum", "default", "minimum", "maximum", "exclusiveMinimum",
        "exclusiveMaximum", "minLength", "maxLength", "pattern", "minItems", "maxItems", "uniqueItems", "multipleOf",
    ]

    private static let swagger2SchemaKeywords = Set(swagger2ValueFields).subtracting(["collectionFormat"])

    /// Whether a parameter describes its value as Swagger 2.0 did: one of its types, and no
    /// `schema` or `content` (Revolut's `type: apiKey` beside `in: header` is a security scheme's).
    static func describesValueAsSwagger2(_ node: YAMLNode) -> Bool {
        guard node.isMapping, node["schema"] == nil, node["content"] == nil, let type = node["type"] else {
            return false
        }
        return swagger2ParameterTypes.contains { type.textEquals($0) }
    }

    private static let swagger2ParameterTypes = ["string", "number", "integer", "boolean", "array", "file"]

    /// An inline `in: body` or `in: formData` parameter, which OpenAPI 3 writes as a request body.
    static func isSwagger2BodyParameter(_ node: YAMLNode) -> Bool {
        guard node.isMapping, let location = node["in"] else { return false }
        return location.textEquals("body") || location.textEquals("formData")
    }

    /// The schema a Swagger 2.0 parameter's own fields make; `type: file` is a file's bytes.
    func swagger2Schema(_ node: YAMLNode) -> Schema {
        guard node["type"]?.textEquals("file") == true else {
            return decodeSchema(node, keeping: Self.swagger2SchemaKeywords)
        }
        var schema = decodeSchema(node, keeping: Self.swagger2SchemaKeywords.subtracting(["type", "format"]))
        schema.types = .string
        schema.format = "binary"
        return schema
    }

    /// A Swagger 2.0 parameter's value fields read as its schema, and its `collectionFormat` as
    /// the style and explode it stands for (`csv`, the default, is not OpenAPI 3's default for a query).
    func readSwagger2Value(of node: YAMLNode, into parameter: inout Parameter, at location: ParameterLocation) {
        parameter.schema = swagger2Schema(node)
        warning(
            "parameter '\(parameter.name)' describes its value as Swagger 2.0 did ('type' and no 'schema'); Lathe "
                + "reads those fields as its schema", at: node["type"] ?? node, kind: "swagger2-parameter")
        guard parameter.schema?.types?.contains(.array) == true, parameter.style == nil, parameter.explode == nil,
            let (style, explode) = swagger2Style(of: node, at: location)
        else { return }
        (parameter.style, parameter.explode) = (style, explode)
    }

    /// The style and explode an array's `collectionFormat` stands for where it is sent; `nil` for
    /// the location's default (what `csv`, the default, is in a path or header), or, said, for a
    /// format that has no style there (`tsv`).
    private func swagger2Style(of node: YAMLNode, at location: ParameterLocation) -> (ParameterStyle, Bool)? {
        let format = node["collectionFormat"].flatMap { string($0, "collectionFormat") } ?? "csv"
        switch (format, location) {
        case ("multi", .query), ("multi", .cookie): return (.form, true)
        case ("csv", .query), ("csv", .cookie): return (.form, false)
        case ("ssv", .query): return (.spaceDelimited, false)
        case ("pipes", .query): return (.pipeDelimited, false)
        case ("csv", _): return nil
        default:
            warning(
                "collectionFormat '\(format)' has no OpenAPI 3 style for a \(location.rawValue) parameter; Lathe "
                    + "uses the location's default", at: node["collectionFormat"] ?? node, kind: "swagger2-parameter")
            return nil
        }
    }

    /// The request body an operation's inline `in: body` or `in: formData` parameters stand for:
    /// the body parameter's schema, or the form fields as the properties of a form, in the media
    /// types `consumes` lists (JSON, or a form: multipart where a field is a file, where none is
    /// listed). Beside a `requestBody`, which says what the body is, they are left out.
    func swagger2RequestBody(
        _ parameters: [YAMLNode], in listNode: YAMLNode, consumes: [String]?, besideRequestBody: Bool
    ) -> RequestBody? {
        for parameter in parameters {
            // What a form field or body parameter may say; the rest is an unknown field.
            _ = object(
                parameter, "a Parameter object", fields: Self.parameterFields + Self.swagger2ValueFields,
                required: ["name"], missing: ["name": "Lathe leaves out this parameter"]
            ) { _, _, _ in }
        }
        if besideRequestBody {
            for ignored in parameters {
                reportLocation(
                    of: ignored,
                    reading: "Lathe leaves out this parameter: the operation's requestBody says what its body is")
            }
            return nil
        }
        let bodies = parameters.filter { $0["in"]?.textEquals("body") == true }
        let fields = parameters.filter { $0["in"]?.textEquals("formData") == true }
        if let first = bodies.first {
            for ignored in bodies.dropFirst() + fields {
                reportLocation(
                    of: ignored,
                    reading: "Lathe leaves out this parameter, beside the 'in: body' one it reads as the request body")
            }
            var body = RequestBody(node: first)
            body.description = first["description"].flatMap { string($0, "description") }
            body.required = first["required"].flatMap { bool($0, "required") } ?? false
            let schema =
                first["schema"].map { decodeSchema($0) }
                ?? (Self.describesValueAsSwagger2(first) ? swagger2Schema(first) : nil)
            let contentTypes = consumes ?? ["application/json"]
            body.content = contentTypes.map { contentType in
                var media = MediaType(node: first, contentType: contentType)
                media.schema = schema
                return media
            }
            reportLocation(
                of: first,
                reading: "Lathe reads this parameter as Swagger 2.0 did, as the operation's "
                    + "\(contentTypes.joined(separator: ", ")) request body")
            return body
        }
        guard let first = fields.first else { return nil }
        var form = Schema(node: listNode)
        form.types = .object
        var styles: [(property: String, encoding: Encoding)] = []
        for field in fields {
            guard let nameNode = field["name"], let name = string(nameNode, "the parameter name") else { continue }
            var schema = field["schema"].map { decodeSchema($0) } ?? swagger2Schema(field)
            schema.description = schema.description ?? field["description"].flatMap { string($0, "description") }
            form.properties.append(Schema.Property(name: name, nameNode: nameNode, schema: schema))
            if field["required"].flatMap({ bool($0, "required") }) == true { form.required.append(name) }
            if schema.types?.contains(.array) == true, let (style, explode) = swagger2Style(of: field, at: .query) {
                var encoding = Encoding(node: field)
                (encoding.style, encoding.explode) = (style, explode)
                styles.append((name, encoding))
            }
        }
        let hasFile = fields.contains { $0["type"]?.textEquals("file") == true }
        let contentType =
            consumes?.first { $0.hasPrefix("multipart/") || $0.hasPrefix("application/x-www-form-urlencoded") }
            ?? (hasFile ? "multipart/form-data" : "application/x-www-form-urlencoded")
        let isMultipart = contentType.hasPrefix("multipart/")
        if isMultipart, let listed = styles.first(where: { $0.encoding.explode == false }) {
            // A part per item: one part holding `a,b` has no OpenAPI 3 form.
            let format = listed.encoding.node["collectionFormat"]
            warning(
                "a multipart field's collectionFormat '\(format?.text ?? "csv")'\(format == nil ? " (the default)" : "") "
                    + "has no OpenAPI 3 form; Lathe sends each item as a part of its own",
                at: format ?? listed.encoding.node, kind: "swagger2-parameter")
        }
        var body = RequestBody(node: first)
        body.required = !form.required.isEmpty
        var media = MediaType(node: first, contentType: contentType)
        media.schema = form
        if !isMultipart { media.encoding = styles }
        body.content = [media]
        reportLocation(
            of: first,
            reading: "Lathe reads \(fields.count == 1 ? "this parameter" : "these \(fields.count) parameters") as "
                + "Swagger 2.0 did, as the fields of the operation's \(contentType) request body")
        return body
    }

    /// `in: body` or `in: formData`, no OpenAPI 3 location (`decodeParameter` says so of any
    /// other), read as `reading` says.
    private func reportLocation(of parameter: YAMLNode, reading: String) {
        error(
            "'in: \(parameter["in"]?.text ?? "")' is not a parameter location; expected query, header, path or cookie",
            at: parameter["in"] ?? parameter, kind: "parameter-location-invalid", reading: reading)
    }

    /// A Response object's Swagger 2.0 `schema` (with no `content`): the schema of its content in
    /// the media types its operation `produces` (JSON where it lists none; `type: file`, bytes).
    /// Its `examples` are keyed by media type.
    func swagger2ResponseContent(_ schemaNode: YAMLNode, in response: YAMLNode) -> [MediaType] {
        let isFile = schemaNode["type"]?.textEquals("file") == true
        let contentTypes = swagger2Produces ?? [isFile ? "application/octet-stream" : "application/json"]
        if swagger2Produces != nil { swagger2ProducesRead = true }
        warning(
            "a response's 'schema' is Swagger 2.0's; Lathe reads it as the schema of its "
                + "\(contentTypes.joined(separator: ", ")) content", at: schemaNode, kind: "swagger2-response-schema")
        let schema = isFile ? swagger2Schema(schemaNode) : decodeSchema(schemaNode)
        return contentTypes.map { contentType in
            var media = MediaType(node: response, contentType: contentType)
            media.schema = schema
            if let example = response["examples"]?[contentType] { media.examples.append(example) }
            return media
        }
    }

    /// An operation's `consumes` and `produces` entries, found in one pass (most operations have neither).
    func swagger2MediaFields(of operation: YAMLNode) -> Swagger2MediaFields {
        var fields = Swagger2MediaFields()
        guard operation.isMapping else { return fields }
        for entry in operation.entries {
            if entry.key.textEquals("consumes") { fields.consumes = entry }
            if entry.key.textEquals("produces") { fields.produces = entry }
        }
        return fields
    }

    struct Swagger2MediaFields {
        var consumes: (key: YAMLNode, value: YAMLNode)?
        var produces: (key: YAMLNode, value: YAMLNode)?
    }

    /// `consumes` where no body parameter read it, `produces` where no response schema did.
    func warnAboutUnused(_ fields: Swagger2MediaFields, bodyRead: Bool, responsesRead: Bool) {
        guard fields.consumes != nil || fields.produces != nil else { return }
        for case let key? in [bodyRead ? nil : fields.consumes?.key, responsesRead ? nil : fields.produces?.key] {
            warning(
                "'\(key.text ?? "")' is Swagger 2.0's media types of body parameters and response schemas, which "
                    + "this operation does not have; it is ignored", at: key, kind: "unknown-field")
        }
    }

    /// An operation's `consumes` or `produces`, where it has one: Swagger 2.0's media types of its
    /// body parameters and response schemas.
    func swagger2MediaTypes(_ listed: YAMLNode?, _ field: String) -> [String]? {
        guard let listed else { return nil }
        let types = stringList(listed, field)
        return types.isEmpty ? nil : types
    }
}
