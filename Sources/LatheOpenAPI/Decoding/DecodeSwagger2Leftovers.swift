import LatheYAML

/// Swagger 2.0 left in an OpenAPI 3 document, as specs converted by hand keep it (Shlink's): a
/// parameter's `type`, `items`, … in place of a `schema`; a response's `schema` in place of
/// `content`; `in: body` and `in: formData` parameters in place of a `requestBody`. Each has the
/// one meaning Swagger 2.0 gave it, which Lathe reads, saying so where it stands.
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
        guard parameter.schema?.types?.contains(.array) == true, parameter.style == nil, parameter.explode == nil
        else { return }
        let format = node["collectionFormat"].flatMap { string($0, "collectionFormat") } ?? "csv"
        switch (format, location) {
        case ("multi", .query), ("multi", .cookie): (parameter.style, parameter.explode) = (.form, true)
        case ("csv", .query), ("csv", .cookie): (parameter.style, parameter.explode) = (.form, false)
        case ("ssv", .query): (parameter.style, parameter.explode) = (.spaceDelimited, false)
        case ("pipes", .query): (parameter.style, parameter.explode) = (.pipeDelimited, false)
        case ("csv", _): break
        default:
            warning(
                "collectionFormat '\(format)' has no OpenAPI 3 style for a \(location.rawValue) parameter; Lathe "
                    + "uses the location's default", at: node["collectionFormat"] ?? node, kind: "swagger2-parameter")
        }
    }

    /// The request body an operation's inline `in: body` or `in: formData` parameters stand for:
    /// the body parameter's schema as JSON, or the form fields as the properties of a form (a
    /// multipart one where a field is a file).
    /// Beside a `requestBody`, which says what the body is, they are left out.
    func swagger2RequestBody(
        _ parameters: [YAMLNode], in listNode: YAMLNode, besideRequestBody: Bool
    ) -> RequestBody? {
        if besideRequestBody {
            for ignored in parameters {
                error(
                    "'in: \(ignored["in"]?.text ?? "")' is not a parameter location; expected query, header, path or "
                        + "cookie", at: ignored["in"] ?? ignored, kind: "parameter-location-invalid",
                    reading: "Lathe leaves out this parameter: the operation's requestBody says what its body is")
            }
            return nil
        }
        let bodies = parameters.filter { $0["in"]?.textEquals("body") == true }
        let fields = parameters.filter { $0["in"]?.textEquals("formData") == true }
        if let first = bodies.first {
            for ignored in bodies.dropFirst() + fields {
                error(
                    "'in: \(ignored["in"]?.text ?? "")' is not a parameter location; expected query, header, path or "
                        + "cookie", at: ignored["in"] ?? ignored, kind: "parameter-location-invalid",
                    reading: "Lathe leaves out this parameter, beside the 'in: body' one it reads as the request body")
            }
            var body = RequestBody(node: first)
            body.description = first["description"].flatMap { string($0, "description") }
            body.required = first["required"].flatMap { bool($0, "required") } ?? false
            var media = MediaType(node: first, contentType: "application/json")
            media.schema = first["schema"].map { decodeSchema($0) }
            body.content = [media]
            error(
                "'in: body' is not a parameter location; expected query, header, path or cookie",
                at: first["in"] ?? first, kind: "parameter-location-invalid",
                reading: "Lathe reads this parameter as Swagger 2.0 did, as the operation's application/json request "
                    + "body")
            return body
        }
        guard let first = fields.first else { return nil }
        let isMultipart = fields.contains { $0["type"]?.textEquals("file") == true }
        var form = Schema(node: listNode)
        form.types = .object
        for field in fields {
            guard let nameNode = field["name"], let name = string(nameNode, "the parameter name") else {
                error(
                    "a Parameter object is missing its required field 'name'", at: field, kind: "missing-field",
                    reading: "Lathe leaves out this parameter")
                continue
            }
            var schema = field["schema"].map { decodeSchema($0) } ?? swagger2Schema(field)
            schema.description = schema.description ?? field["description"].flatMap { string($0, "description") }
            form.properties.append(Schema.Property(name: name, nameNode: nameNode, schema: schema))
            if field["required"].flatMap({ bool($0, "required") }) == true { form.required.append(name) }
        }
        let contentType = isMultipart ? "multipart/form-data" : "application/x-www-form-urlencoded"
        var body = RequestBody(node: first)
        body.required = !form.required.isEmpty
        var media = MediaType(node: first, contentType: contentType)
        media.schema = form
        body.content = [media]
        error(
            "'in: formData' is not a parameter location; expected query, header, path or cookie",
            at: first["in"] ?? first, kind: "parameter-location-invalid",
            reading: "Lathe reads \(fields.count == 1 ? "this parameter" : "these \(fields.count) parameters") as "
                + "Swagger 2.0 did, as the fields of the operation's \(contentType) request body")
        return body
    }

    /// A Response object's Swagger 2.0 `schema` (with no `content`): the schema of JSON content.
    /// Its `examples` are keyed by media type; the JSON one is the content's example.
    func swagger2ResponseContent(_ schemaNode: YAMLNode, in response: YAMLNode) -> MediaType {
        warning(
            "a response's 'schema' is Swagger 2.0's; Lathe reads it as the schema of its application/json content",
            at: schemaNode, kind: "swagger2-response-schema")
        var media = MediaType(node: response, contentType: "application/json")
        media.schema = decodeSchema(schemaNode)
        if let example = response["examples"]?["application/json"] { media.examples.append(example) }
        return media
    }
}
