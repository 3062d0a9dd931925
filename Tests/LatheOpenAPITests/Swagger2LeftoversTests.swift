import LatheOpenAPI
import Testing

/// Swagger 2.0 left in an OpenAPI 3 document (Shlink's split spec): each piece has the meaning
/// Swagger 2.0 gave it, read and said where it stands.
struct Swagger2LeftoversTests {
    static let spec = """
        openapi: 3.0.0
        info: {title: T, version: '1'}
        paths:
          /items/{id}:
            post:
              operationId: addItem
              parameters:
                - {name: id, in: path, required: true, type: integer, format: int64, minimum: 1}
                - {name: tags, in: query, type: array, items: {type: string}}
                - {name: ids, in: query, type: array, items: {type: integer}, collectionFormat: multi}
                - {name: words, in: query, type: array, items: {type: string}, collectionFormat: ssv}
                - {name: tabs, in: query, type: array, items: {type: string}, collectionFormat: tsv}
                - {name: order, in: query, type: string, enum: [asc, desc], default: asc}
                - {name: X-Key, in: header, type: apiKey}
                - {name: title, in: formData, required: true, type: string, maxLength: 10, description: The title}
                - {name: photo, in: formData, type: file}
              responses:
                '200':
                  description: ok
                  schema: {type: object, properties: {id: {type: integer}}}
                  examples: {application/json: {id: 1}}
          /notes:
            put:
              operationId: putNote
              parameters:
                - {name: note, in: body, required: true, description: The note, schema: {type: object, properties: {text: {type: string}}}}
                - {name: extra, in: formData, type: string}
              responses: {'204': {description: done}}
            post:
              operationId: postNote
              parameters:
                - {name: note, in: body, schema: {type: string}}
              requestBody: {content: {text/plain: {schema: {type: string}}}}
              responses: {'204': {description: done}}
            parameters:
              - {name: shared, in: formData, type: string}
        """

    @Test func theyAreReadAsSwagger2ReadThem() throws {
        let result = load(Self.spec)
        // What `lathe generate` says of the errors: how it reads them.
        #expect(
            result.diagnostics.sorted.filter { $0.severity == .error }.compactMap(\.reading) == [
                "Lathe reads these 2 parameters as Swagger 2.0 did, as the fields of the operation's "
                    + "multipart/form-data request body",
                "Lathe reads this parameter as Swagger 2.0 did, as the operation's application/json request body",
                "Lathe leaves out this parameter, beside the 'in: body' one it reads as the request body",
                "Lathe leaves out this parameter: the operation's requestBody says what its body is",
                "Lathe leaves out this parameter",
            ])
        #expect(
            result.diagnostics.sorted.map(\.description) == [
                "spec.yaml:8:54: warning: parameter 'id' describes its value as Swagger 2.0 did ('type' and no "
                    + "'schema'); Lathe reads those fields as its schema [swagger2-parameter]",
                "spec.yaml:9:41: warning: parameter 'tags' describes its value as Swagger 2.0 did ('type' and no "
                    + "'schema'); Lathe reads those fields as its schema [swagger2-parameter]",
                "spec.yaml:10:40: warning: parameter 'ids' describes its value as Swagger 2.0 did ('type' and no "
                    + "'schema'); Lathe reads those fields as its schema [swagger2-parameter]",
                "spec.yaml:11:42: warning: parameter 'words' describes its value as Swagger 2.0 did ('type' and no "
                    + "'schema'); Lathe reads those fields as its schema [swagger2-parameter]",
                "spec.yaml:12:41: warning: parameter 'tabs' describes its value as Swagger 2.0 did ('type' and no "
                    + "'schema'); Lathe reads those fields as its schema [swagger2-parameter]",
                "spec.yaml:12:89: warning: collectionFormat 'tsv' has no OpenAPI 3 style for a query parameter; "
                    + "Lathe uses the location's default [swagger2-parameter]",
                "spec.yaml:13:42: warning: parameter 'order' describes its value as Swagger 2.0 did ('type' and no "
                    + "'schema'); Lathe reads those fields as its schema [swagger2-parameter]",
                // Not a Swagger 2.0 parameter's type: no schema, as before.
                "spec.yaml:14:11: warning: parameter 'X-Key' has no 'schema' (or 'content') to say what its value "
                    + "is; Lathe treats it as a string [parameter-without-schema]",
                "spec.yaml:14:37: warning: unknown field 'type' in a Parameter object; it is ignored (a Parameter "
                    + "object has: name, in, description, required, deprecated, allowEmptyValue, style, explode, "
                    + "allowReserved, schema, example, examples, content) [unknown-field]",
                "spec.yaml:15:29: error: 'in: formData' is not a parameter location; expected query, header, path or "
                    + "cookie [parameter-location-invalid]",
                "spec.yaml:20:19: warning: a response's 'schema' is Swagger 2.0's; Lathe reads it as the schema of its "
                    + "application/json content [swagger2-response-schema]",
                "spec.yaml:26:28: error: 'in: body' is not a parameter location; expected query, header, path or "
                    + "cookie [parameter-location-invalid]",
                "spec.yaml:27:29: error: 'in: formData' is not a parameter location; expected query, header, path or "
                    + "cookie [parameter-location-invalid]",
                "spec.yaml:32:28: error: 'in: body' is not a parameter location; expected query, header, path or "
                    + "cookie [parameter-location-invalid]",
                // Not an operation's own: not read, as before.
                "spec.yaml:36:28: error: 'in: formData' is not a parameter location; expected query, header, path or "
                    + "cookie [parameter-location-invalid]",
            ])
        let document = try #require(result.document)
        let post = try #require(document.paths.first?.item.operations.first)
        let parameters = post.parameters.compactMap { parameter -> Parameter? in
            if case .value(let value) = parameter { value } else { nil }
        }
        #expect(parameters.map(\.name) == ["id", "tags", "ids", "words", "tabs", "order", "X-Key"])
        #expect(parameters[6].schema == nil)
        let id = parameters[0]
        #expect(id.schema?.types == .integer && id.schema?.format == "int64")
        #expect(id.schema?.constraints.minimum?.text == "1")
        // csv, Swagger 2.0's default, is a form without explode; multi is one with it.
        #expect(parameters[1].style == .form && parameters[1].explode == false)
        #expect(parameters[1].schema?.items?.value.types == .string)
        #expect(parameters[2].style == .form && parameters[2].explode == true)
        #expect(parameters[3].style == .spaceDelimited && parameters[3].explode == false)
        #expect(parameters[4].style == nil && parameters[4].explode == nil)
        #expect(parameters[5].schema?.enumValues?.count == 2 && parameters[5].schema?.defaultValue != nil)
        // The parameter's own fields (`name`, `in`, `description`) are not the schema's.
        #expect(id.schema?.description == nil && id.schema?.unmodeledKeywords == [])

        guard case .value(let form) = try #require(post.requestBody) else { throw Unexpected() }
        #expect(form.required)
        let formMedia = try #require(form.content.first)
        #expect(formMedia.contentType == "multipart/form-data")
        let formSchema = try #require(formMedia.schema)
        #expect(formSchema.types == .object && formSchema.required == ["title"])
        #expect(formSchema.properties.map(\.name) == ["title", "photo"])
        #expect(formSchema.properties[0].schema.description == "The title")
        #expect(formSchema.properties[0].schema.constraints.maxLength == 10)
        #expect(formSchema.properties[1].schema.types == .string && formSchema.properties[1].schema.format == "binary")

        guard case .value(let ok) = try #require(post.responses.first?.response) else { throw Unexpected() }
        let okMedia = try #require(ok.content.first)
        #expect(okMedia.contentType == "application/json" && okMedia.schema?.properties.map(\.name) == ["id"])
        #expect(okMedia.examples.count == 1)

        let notes = try #require(document.paths.last?.item.operations)
        guard case .value(let note) = try #require(notes[0].requestBody) else { throw Unexpected() }
        #expect(note.required && note.description == "The note")
        #expect(note.content.map(\.contentType) == ["application/json"])
        #expect(note.content.first?.schema?.properties.map(\.name) == ["text"])
        guard case .value(let plain) = try #require(notes[1].requestBody) else { throw Unexpected() }
        #expect(plain.content.map(\.contentType) == ["text/plain"])
    }

    /// `consumes` and `produces` name the media types of the body and of response schemas; a form
    /// field's `collectionFormat` is its encoding's style; `type: file` in a response is bytes.
    @Test func consumesAndProducesSayTheMediaTypes() throws {
        let result = load(
            """
            openapi: 3.0.0
            info: {title: T, version: '1'}
            paths:
              /upload:
                get:
                  operationId: search
                  consumes: [application/x-www-form-urlencoded]
                  parameters:
                    - {name: tags, in: formData, type: array, items: {type: string}}
                    - {name: ids, in: formData, type: array, items: {type: integer}, collectionFormat: multi}
                    - {name: bogus, in: formData, type: string, bogus: 1}
                  responses: {'204': {description: done}}
                post:
                  operationId: upload
                  consumes: [multipart/form-data]
                  produces: [application/xml, application/json]
                  parameters:
                    - {name: note, in: formData, type: string}
                    - {name: parts, in: formData, type: array, items: {type: string}}
                  responses:
                    '200': {description: ok, schema: {type: object, properties: {id: {type: integer}}}}
              /raw:
                put:
                  operationId: putRaw
                  consumes: [text/plain]
                  parameters:
                    - {name: body, in: body, required: true, type: string}
                  responses:
                    '200': {description: the file, schema: {type: file}}
                patch:
                  operationId: patchRaw
                  consumes: [text/plain]
                  produces: [text/plain]
                  responses: {'204': {description: done}}
                delete:
                  operationId: deleteRaw
                  consumes: []
                  responses: {'204': {description: done}}
            """)
        #expect(
            result.diagnostics.sorted.filter { $0.severity != .error }.map(\.description) == [
                "spec.yaml:9:28: warning: a GET request with a body (RFC 9110 gives it no meaning); Lathe sends it, "
                    + "but URLSession fails such a request on Apple platforms, and proxies may drop the body "
                    + "[request-body-on-get]",
                "spec.yaml:11:53: warning: unknown field 'bogus' in a Parameter object; it is ignored (a Parameter "
                    + "object has: name, in, description, required, deprecated, allowEmptyValue, style, explode, "
                    + "allowReserved, schema, example, examples, content, type, format, items, collectionFormat, enum, "
                    + "default, minimum, maximum, exclusiveMinimum, exclusiveMaximum, minLength, maxLength, pattern, "
                    + "minItems, maxItems, uniqueItems, multipleOf) [unknown-field]",
                "spec.yaml:19:11: warning: a multipart field's collectionFormat 'csv' (the default) has no OpenAPI 3 "
                    + "form; Lathe sends each item as a part of its own [swagger2-parameter]",
                "spec.yaml:21:42: warning: a response's 'schema' is Swagger 2.0's; Lathe reads it as the schema of its "
                    + "application/xml, application/json content [swagger2-response-schema]",
                "spec.yaml:29:48: warning: a response's 'schema' is Swagger 2.0's; Lathe reads it as the schema of its "
                    + "application/octet-stream content [swagger2-response-schema]",
                "spec.yaml:32:7: warning: 'consumes' is Swagger 2.0's media types of body parameters and response "
                    + "schemas, which this operation does not have; it is ignored [unknown-field]",
                "spec.yaml:33:7: warning: 'produces' is Swagger 2.0's media types of body parameters and response "
                    + "schemas, which this operation does not have; it is ignored [unknown-field]",
                "spec.yaml:37:7: warning: 'consumes' is Swagger 2.0's media types of body parameters and response "
                    + "schemas, which this operation does not have; it is ignored [unknown-field]",
            ])
        #expect(
            result.diagnostics.sorted.filter { $0.severity == .error }.compactMap(\.reading) == [
                "Lathe reads these 3 parameters as Swagger 2.0 did, as the fields of the operation's "
                    + "application/x-www-form-urlencoded request body",
                "Lathe reads these 2 parameters as Swagger 2.0 did, as the fields of the operation's "
                    + "multipart/form-data request body",
                "Lathe reads this parameter as Swagger 2.0 did, as the operation's text/plain request body",
            ])
        let document = try #require(result.document)
        let upload = try #require(document.paths.first?.item.operations)
        guard case .value(let search) = try #require(upload[0].requestBody) else { throw Unexpected() }
        let form = try #require(search.content.first)
        #expect(form.contentType == "application/x-www-form-urlencoded")
        // csv, the default, is a form without explode; multi, one with it.
        #expect(form.encoding.map(\.property) == ["tags", "ids"])
        #expect(form.encoding.map(\.encoding.style) == [.form, .form])
        #expect(form.encoding.map(\.encoding.explode) == [false, true])
        guard case .value(let parts) = try #require(upload[1].requestBody) else { throw Unexpected() }
        #expect(parts.content.map(\.contentType) == ["multipart/form-data"])
        #expect(parts.content.first?.encoding.isEmpty == true)
        guard case .value(let ok) = try #require(upload[1].responses.first?.response) else { throw Unexpected() }
        #expect(ok.content.map(\.contentType) == ["application/xml", "application/json"])

        let raw = try #require(document.paths.last?.item.operations)
        guard case .value(let text) = try #require(raw[0].requestBody) else { throw Unexpected() }
        #expect(text.required && text.content.map(\.contentType) == ["text/plain"])
        #expect(text.content.first?.schema?.types == .string)
        guard case .value(let file) = try #require(raw[0].responses.first?.response) else { throw Unexpected() }
        #expect(file.content.map(\.contentType) == ["application/octet-stream"])
        #expect(file.content.first?.schema?.format == "binary")
    }

    struct Unexpected: Error {}
}
