import LatheOpenAPI
import Testing

/// Broken specs, one defect each, and the exact diagnostics Lathe prints for them.
/// Each line is what `lathe validate spec.yaml` shows: `file:line:column: severity: message`.
struct BrokenSpecTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var spec: String
        var expected: [String]
        var testDescription: String { name }
    }

    @Test(arguments: Self.cases)
    func diagnoses(_ testCase: Case) {
        let result = OpenAPILoader.load(bytes: Array(testCase.spec.utf8), path: "spec.yaml")
        #expect(result.diagnostics.sorted.map(\.description) == testCase.expected)
        let hasErrors = testCase.expected.contains { $0.contains(": error: ") }
        #expect(result.hasErrors == hasErrors)
    }

    /// A header written as a schema is a header whose schema it is, inline or through a `$ref`.
    @Test func aHeaderWrittenAsASchemaHoldsIt() throws {
        let spec = try #require(Self.cases.first { $0.name == "header-written-as-schema" }).spec
        let document = try #require(OpenAPILoader.load(bytes: Array(spec.utf8), path: "spec.yaml").document)
        let operation = try #require(document.paths.first?.item.operations.first)
        guard case .value(let response)? = operation.responses.first?.response else {
            Issue.record("no response")
            return
        }
        let headers = document.headers(response.headers)
        #expect(headers.map(\.name) == ["X-Rate-Limit", "Last-Modified"])
        #expect(headers.map { $0.header.schema?.types } == [JSONTypes.integer, JSONTypes.string])
        #expect(headers.map(\.header.description) == ["Requests left", "When it changed"])
    }

    /// The `required` found under `properties` is the object's, beside the one it states.
    @Test func requiredUnderPropertiesIsTheObjectsRequiredList() throws {
        let spec = try #require(Self.cases.first { $0.name == "required-in-properties" }).spec
        let document = try #require(OpenAPILoader.load(bytes: Array(spec.utf8), path: "spec.yaml").document)
        func schema(_ name: String) throws -> Schema {
            let key = try #require(document.components.schemas.first { $0.name == name }).key
            return try #require(document.store.schemas[key])
        }
        #expect(try schema("Info").required == ["name", "versions"])
        #expect(try schema("Info").properties.map(\.name) == ["name", "versions"])
        #expect(try schema("Odd").properties.map(\.name) == ["flag", "required"])
    }

    @Test func aPropertyThatSaysItIsRequiredIsInItsObjectsList() throws {
        let spec = try #require(Self.cases.first { $0.name == "required-boolean" }).spec
        let document = try #require(OpenAPILoader.load(bytes: Array(spec.utf8), path: "spec.yaml").document)
        let key = try #require(document.components.schemas.first { $0.name == "Routine" }).key
        #expect(try #require(document.store.schemas[key]).required == ["id", "title"])
        let both = try #require(document.components.schemas.first { $0.name == "Both" }).key
        #expect(try #require(document.store.schemas[both]).required == ["a", "b"])
    }

    /// A type in another case (Polaris' `type: apikey`) is that type: its key is applied.
    @Test func aSecuritySchemeTypeInAnotherCaseIsThatType() throws {
        let spec = try #require(Self.cases.first { $0.name == "unknown-security-scheme-type" }).spec
        let document = try #require(OpenAPILoader.load(bytes: Array(spec.utf8), path: "spec.yaml").document)
        let schemes = document.components.securitySchemes.compactMap { entry in
            document.store.securitySchemes[entry.key].flatMap(document.store.securityScheme)
        }
        #expect(schemes.map(\.kind) == [.apiKey(name: "session", location: .cookie)])
    }

    static let cases: [Case] = [
        // Hevy's: a property that says it is required, as a parameter would.
        Case(
            name: "required-boolean",
            spec: #"""
                openapi: 3.1.0
                info: {title: T, version: '1'}
                components:
                  schemas:
                    Routine:
                      type: object
                      required: [id]
                      properties:
                        id: {type: string}
                        title: {type: string, required: true}
                        notes: {type: string, required: false}
                    Loose: {type: object, required: true}
                    Both:
                      type: object
                      properties:
                        a: {type: string, required: true}
                        b: {type: string}
                        required: [b]
                """#,
            expected: [
                #"spec.yaml:10:41: error: 'required: true' in a property's schema is how a parameter says it; a schema lists its required properties in 'required: [title]' beside 'properties' [required-boolean]"#,
                #"spec.yaml:11:41: error: 'required: false' in a property's schema is how a parameter says it; a schema lists its required properties in 'required: [notes]' beside 'properties' [required-boolean]"#,
                #"spec.yaml:12:37: error: required must be a list of strings, but this is a boolean [wrong-type]"#,
                #"spec.yaml:16:37: error: 'required: true' in a property's schema is how a parameter says it; a schema lists its required properties in 'required: [a]' beside 'properties' [required-boolean]"#,
                #"spec.yaml:18:9: error: 'required' under properties names a property, but this is a list of the other properties' names [required-in-properties]"#,
            ]
        ),
        // GA4GH WES: `required` indented one level too deep is the object's required list, added
        // to one the object states; a list that names no sibling stays a property (its schema
        // wrong).
        Case(
            name: "required-in-properties",
            spec: #"""
                openapi: 3.1.0
                info: {title: T, version: '1'}
                components:
                  schemas:
                    Info:
                      type: object
                      required: [name]
                      properties:
                        name: {type: string}
                        versions: {type: array, items: {type: string}}
                        required:
                          - versions
                    Odd:
                      type: object
                      properties:
                        flag: {type: boolean}
                        required: [elsewhere]
                """#,
            expected: [
                #"spec.yaml:11:9: error: 'required' under properties names a property, but this is a list of the other properties' names [required-in-properties]"#,
                #"spec.yaml:17:19: error: expected a schema (a mapping, true or false), but this is a list [wrong-type]"#,
            ]
        ),
        Case(
            name: "paths-is-a-list",
            spec: #"""
                openapi: 3.1.0
                info: {title: T, version: '1'}
                paths:
                  - /pets
                """#,
            expected: [
                #"spec.yaml:4:3: error: paths must be a mapping of path templates to path items, but this is a list [wrong-type]"#
            ]
        ),
        Case(
            name: "unknown-type",
            spec: #"""
                openapi: 3.1.0
                info: {title: T, version: '1'}
                components:
                  schemas:
                    Pet:
                      type: strin
                """#,
            expected: [
                #"spec.yaml:6:13: error: unknown type 'strin'; expected one of array, boolean, integer, number, object, string or null (did you mean 'string'?) [type-unknown]"#
            ]
        ),
        Case(
            name: "constraint-of-another-type",
            spec: #"""
                openapi: 3.1.0
                info: {title: T, version: '1'}
                paths: {}
                components:
                  schemas:
                    Pet:
                      type: object
                      minItems: 1
                      properties:
                        tags: {type: array, items: {type: string}, maxLength: 3, maximum: 5}
                        code: {type: integer, pattern: '^[0-9]+$', minimum: 1}
                        size: {type: [string, 'null'], minimum: 1}
                        either: {type: [string, array], minLength: 1}
                        price: {type: string, format: decimal, minimum: 0, multipleOf: 0.01}
                """#,
            expected: [
                #"spec.yaml:8:7: warning: 'minItems' constrains lists, and this schema's type is object, so it checks nothing here (did you mean 'minProperties'?); generated code does not check it [constraint-of-another-type]"#,
                #"spec.yaml:10:52: warning: 'maxLength' constrains strings, and this schema's type is array, so it checks nothing here (did you mean 'maxItems'?); generated code does not check it [constraint-of-another-type]"#,
                #"spec.yaml:10:66: warning: 'maximum' constrains numbers, and this schema's type is array, so it checks nothing here (did you mean 'maxItems'?); generated code does not check it [constraint-of-another-type]"#,
                #"spec.yaml:11:31: warning: 'pattern' constrains strings, and this schema's type is integer, so it checks nothing here; generated code does not check it [constraint-of-another-type]"#,
                #"spec.yaml:12:40: warning: 'minimum' constrains numbers, and this schema's type is string, so it checks nothing here; generated code does not check it [constraint-of-another-type]"#,
            ]
        ),
        Case(
            name: "info-missing-title",
            spec: #"""
                openapi: 3.1.0
                info:
                  version: '1'
                paths: {}
                """#,
            expected: [
                #"spec.yaml:3:3: error: the Info object is missing its required field 'title' [missing-field]"#
            ]
        ),
        Case(
            name: "missing-openapi",
            spec: #"""
                info: {title: T, version: '1'}
                paths: {}
                """#,
            expected: [
                #"spec.yaml:1:1: error: missing the 'openapi' field that says which OpenAPI version this is (for example openapi: 3.1.0) [not-openapi]"#
            ]
        ),
        Case(
            name: "swagger-2",
            spec: #"""
                swagger: '2.0'
                info: {title: T, version: '1'}
                paths: {}
                """#,
            expected: [
                #"spec.yaml:1:10: error: this is a Swagger 2.0 document; Lathe reads OpenAPI 3.0.x to 3.2.x, not Swagger 2.0 yet. Convert it to OpenAPI 3 first (for example with swagger2openapi) [unsupported-version]"#
            ]
        ),
        Case(
            name: "openapi-3-3",
            spec: #"""
                openapi: 3.3.0
                info: {title: T, version: '1'}
                paths: {}
                """#,
            expected: [
                #"spec.yaml:1:10: error: OpenAPI 3.3 is not supported yet; Lathe reads OpenAPI 3.0.x, 3.1.x and 3.2.x [unsupported-version]"#
            ]
        ),
        // What 3.2 adds is known (no unknown-field warning; a security requirement may name its scheme by
        // URI, a response may have no description); what Lathe does not generate of it is a warning where
        // it is written; additional operations that are no method, or have a field, are errors (`get`, in
        // small letters, is a method of its own). `Kind` is read as `kind` (lowering says so); `Name`,
        // which two properties match but for case, is no property.
        Case(
            name: "openapi-3-2",
            spec: #"""
                openapi: 3.2.0
                $self: https://example.com/api.yaml
                info: {title: T, version: '1'}
                servers: [{url: 'https://a.example.com', name: main}]
                tags: [{name: t, summary: T, parent: p, kind: nav}, {name: p}]
                paths:
                  /a:
                    query:
                      operationId: q
                      security: [{'#/components/securitySchemes/o': []}]
                      parameters:
                        - {name: all, in: querystring, content: {application/x-www-form-urlencoded: {schema: {type: object}}}}
                        - {name: session, in: cookie, style: cookie, schema: {type: string}}
                      requestBody:
                        content:
                          multipart/mixed:
                            schema: {type: array, items: {type: string}}
                            itemEncoding: {contentType: text/plain}
                      responses:
                        '200': {summary: S, description: ok, content: {application/json: {$ref: '#/components/mediaTypes/M'}}}
                    additionalOperations:
                      LINK: {operationId: link, responses: {'204': {}}}
                      get: {operationId: lowercaseGet, responses: {'204': {description: a method of its own}}}
                      POST: {operationId: post2, responses: {'204': {description: posted}}}
                      'BAD METHOD': {operationId: bad, responses: {'204': {description: bad}}}
                components:
                  mediaTypes:
                    M:
                      schema: {$ref: '#/components/schemas/Pet'}
                      examples:
                        one: {dataValue: {kind: cat}, serializedValue: '{"kind":"cat"}'}
                        two: {value: {kind: dog}, dataValue: {kind: dog}}
                  schemas:
                    Pet:
                      type: object
                      required: [Kind, Name]
                      properties: {kind: {type: string}, name: {type: string}, NAME: {type: string}}
                      discriminator: {propertyName: kind, defaultMapping: '#/components/schemas/Pet'}
                  securitySchemes:
                    o: {type: oauth2, oauth2MetadataUrl: 'https://a.example.com/.well-known/oauth-authorization-server', deprecated: true, flows: {deviceAuthorization: {deviceAuthorizationUrl: 'https://a.example.com/device', tokenUrl: 'https://a.example.com/token', scopes: {}}}}
                """#,
            expected: [
                #"spec.yaml:18:13: warning: Lathe does not generate 'itemEncoding' yet; parts are encoded by their schemas alone [keyword-not-generated]"#,
                #"spec.yaml:24:7: error: 'POST' in additionalOperations is a method with a field of its own; use 'post' beside it [additional-operation-has-field]"#,
                #"spec.yaml:25:7: error: 'BAD METHOD' is not an HTTP method (a token of letters, digits and !#$%&'*+-.^_`|~) [method-invalid]"#,
                #"spec.yaml:32:46: error: an example has either 'value' or 'dataValue', not both [example-value-and-data-value]"#,
                #"spec.yaml:36:24: warning: required property 'Name' is not among this schema's properties [required-undefined]"#,
            ]
        ),
        // A header written as a schema, inline or through a `$ref` into `components/schemas`
        // (Nightscout's): a header of that schema.
        Case(
            name: "header-written-as-schema",
            spec: #"""
                openapi: 3.0.3
                info: {title: T, version: '1'}
                paths:
                  /a:
                    get:
                      responses:
                        '200':
                          description: ok
                          headers:
                            X-Rate-Limit: {type: integer, description: Requests left}
                            Last-Modified: {$ref: '#/components/schemas/headerLastModified'}
                components:
                  schemas:
                    headerLastModified: {type: string, description: When it changed}
                """#,
            expected: [
                #"spec.yaml:10:28: warning: this header is written as a schema ('type' belongs under 'schema'); Lathe reads it as a header of that schema [header-written-as-schema]"#,
                #"spec.yaml:11:35: error: '#/components/schemas/headerLastModified' is a schema, but a header is expected here [ref-wrong-kind]"#,
                #"spec.yaml:14:26: warning: this header is written as a schema ('type' belongs under 'schema'); Lathe reads it as a header of that schema [header-written-as-schema]"#,
            ]
        ),
        // A schema reached inline and through a `$ref` into `paths` (Paystack's) is decoded twice;
        // its warning is said once.
        Case(
            name: "ref-into-paths-said-once",
            spec: #"""
                openapi: 3.0.3
                info: {title: T, version: '1'}
                paths:
                  /a:
                    post:
                      requestBody:
                        content:
                          application/json:
                            schema: {type: object, properties: {amount: {type: string, amount: 10}}}
                          application/x-www-form-urlencoded:
                            schema: {$ref: '#/paths/~1a/post/requestBody/content/application~1json/schema'}
                      responses: {'204': {description: ok}}
                """#,
            expected: [
                #"spec.yaml:9:72: warning: unknown schema keyword 'amount'; it is ignored [unknown-keyword]"#
            ]
        ),
        Case(
            name: "bad-pointer-escape",
            spec: #"""
                openapi: 3.1.0
                info: {title: T, version: '1'}
                components:
                  schemas:
                    A:
                      $ref: '#/components/schemas/a~2b'
                """#,
            expected: [
                #"spec.yaml:6:13: error: invalid JSON pointer in '#/components/schemas/a~2b': in 'a~2b', '~' must be followed by 0 (for ~) or 1 (for /) [ref-invalid]"#
            ]
        ),
        Case(
            name: "missing-ref-target",
            spec: #"""
                openapi: 3.1.0
                info: {title: T, version: '1'}
                components:
                  schemas:
                    Pet: {type: object}
                    Owner:
                      properties:
                        pet: {$ref: '#/components/schemas/Pets'}
                """#,
            expected: [
                #"spec.yaml:8:21: error: '#/components/schemas/Pets' points at nothing: '/components/schemas' has no 'Pets' (did you mean 'Pet'?) [ref-unresolved]"#
            ]
        ),
        Case(
            name: "remote-ref",
            spec: #"""
                openapi: 3.1.0
                info: {title: T, version: '1'}
                components:
                  schemas:
                    A: {$ref: 'https://example.com/pet.yaml#/Pet'}
                """#,
            expected: [
                #"spec.yaml:5:15: error: remote reference 'https://example.com/pet.yaml#/Pet' is not fetched (Lathe reads no network); save a copy and map the URL to it with --ref-mirror URL=PATH (refMirrors in lathe.yaml) [ref-remote]"#
            ]
        ),
        Case(
            name: "request-body-on-get",
            spec: #"""
                openapi: 3.0.3
                info: {title: T, version: '1'}
                paths:
                  /monitor:
                    get:
                      requestBody: {content: {application/json: {schema: {type: object}}}}
                      responses: {'200': {description: ok}}
                """#,
            expected: [
                #"spec.yaml:6:7: warning: a GET request with a body (RFC 9110 gives it no meaning); Lathe sends it, but URLSession fails such a request on Apple platforms, and proxies may drop the body [request-body-on-get]"#
            ]
        ),
        Case(
            name: "plain-name-fragment",
            spec: #"""
                openapi: 3.1.0
                info: {title: T, version: '1'}
                components:
                  schemas:
                    A: {$ref: '#Pet'}
                """#,
            expected: [
                #"spec.yaml:5:15: error: '#Pet' is a plain-name fragment ($anchor), which Lathe does not resolve yet; use a JSON pointer such as '#/components/schemas/Pet' [ref-anchor]"#
            ]
        ),
        Case(
            name: "pointer-without-its-first-slash",
            spec: #"""
                openapi: 3.1.0
                info: {title: T, version: '1'}
                components:
                  schemas:
                    A: {$ref: '#components/schemas/B'}
                    B: {type: string}
                """#,
            expected: [
                #"spec.yaml:5:15: error: '#components/schemas/B' is a JSON pointer without its leading / [ref-pointer-without-slash]"#
            ]
        ),
        Case(
            name: "ref-cycle-without-content",
            spec: #"""
                openapi: 3.1.0
                info: {title: T, version: '1'}
                components:
                  schemas:
                    A: {$ref: '#/components/schemas/B'}
                    B: {$ref: '#/components/schemas/A'}
                """#,
            expected: [
                #"spec.yaml:5:15: error: this schema reference never reaches a value: #/components/schemas/A → #/components/schemas/B → #/components/schemas/A goes round in a circle [ref-cycle]"#
            ]
        ),
        Case(
            name: "duplicate-operation-id",
            spec: #"""
                openapi: 3.1.0
                info: {title: T, version: '1'}
                paths:
                  /a:
                    get:
                      operationId: list
                      responses: {'200': {description: ok}}
                  /b:
                    get:
                      operationId: list
                      responses: {'200': {description: ok}}
                """#,
            expected: [
                #"spec.yaml:10:20: error: duplicate operationId 'list': GET /a uses it already; operation IDs must be unique [duplicate-operation-id]"#,
                #"spec.yaml:6:20: note: 'list' first used here"#,
            ]
        ),
        Case(
            // Tekton's: an empty id names nothing; the operation is named by its method and path.
            name: "empty-operation-id",
            spec: #"""
                openapi: 3.1.0
                info: {title: T, version: '1'}
                paths:
                  /pets:
                    get:
                      operationId: ''
                      responses: {'200': {description: ok}}
                """#,
            expected: [
                #"spec.yaml:6:20: error: 'operationId' is empty [empty-value]"#
            ]
        ),
        Case(
            name: "undeclared-path-parameter",
            spec: #"""
                openapi: 3.1.0
                info: {title: T, version: '1'}
                paths:
                  /pets/{petId}:
                    get:
                      responses: {'200': {description: ok}}
                """#,
            expected: [
                #"spec.yaml:5:5: error: GET /pets/{petId} does not declare the path parameter 'petId'; add a parameter with name: petId, in: path, required: true [path-parameter-undeclared]"#
            ]
        ),
        Case(
            name: "path-parameter-not-in-template",
            spec: #"""
                openapi: 3.1.0
                info: {title: T, version: '1'}
                paths:
                  /pets:
                    get:
                      parameters:
                        - {name: petId, in: path, required: true, schema: {type: string}}
                      responses: {'200': {description: ok}}
                """#,
            expected: [
                #"spec.yaml:7:11: error: path parameter 'petId' is not in the path template '/pets' [path-parameter-not-in-template]"#
            ]
        ),
        Case(
            // Express-style segments are template expressions, `:copy` too, which no parameter
            // names (it becomes a string one); `:1` is no name, and stays text.
            name: "path-template-colon",
            spec: #"""
                openapi: 3.1.0
                info: {title: T, version: '1'}
                paths:
                  /stores/:storeId/pets/:petId/:copy/:1:
                    parameters:
                      - {name: storeId, in: path, required: true, schema: {type: string}}
                    get:
                      parameters:
                        - {name: petId, in: path, required: true, schema: {type: integer}}
                      responses: {'200': {description: ok}}
                """#,
            expected: [
                #"spec.yaml:4:3: warning: path '/stores/:storeId/pets/:petId/:copy/:1' keeps ':1' as text, which routers such as Hummingbird's and Vapor's read as a parameter; a generated server may route requests for this path to another operation, or its route may clash [path-segment-colon-text]"#,
                #"spec.yaml:4:3: error: path '/stores/:storeId/pets/:petId/:copy/:1' writes its parameters as ':storeId', ':petId', ':copy', as Express does; OpenAPI path templates write them as '{storeId}', '{petId}', '{copy}' [path-template-colon]"#,
                #"spec.yaml:7:5: error: GET /stores/{storeId}/pets/{petId}/{copy}/:1 does not declare the path parameter 'copy'; add a parameter with name: copy, in: path, required: true [path-parameter-undeclared]"#,
            ]
        ),
        Case(
            // Stellar's custody API declares none: still a parameter (a warning), reported as
            // undeclared. A colon inside a segment (Google's `{name}:cancel`) is text.
            name: "path-template-colon-undeclared",
            spec: #"""
                openapi: 3.1.0
                info: {title: T, version: '1'}
                paths:
                  /transactions/:id/payments/{name}:cancel:
                    post:
                      parameters: [{name: name, in: path, required: true, schema: {type: string}}]
                      responses: {'200': {description: ok}}
                """#,
            expected: [
                #"spec.yaml:4:3: warning: path '/transactions/:id/payments/{name}:cancel' writes its parameters as ':id', as Express does; OpenAPI path templates write them as '{id}'; Lathe reads the path as '/transactions/{id}/payments/{name}:cancel' [path-template-colon]"#,
                #"spec.yaml:5:5: error: POST /transactions/{id}/payments/{name}:cancel does not declare the path parameter 'id'; add a parameter with name: id, in: path, required: true [path-parameter-undeclared]"#,
            ]
        ),
        Case(
            // Meilisearch's summarized task requires `uid` (its property is `taskUid`) and allows no
            // other key: no value can be valid, which is said; an open object's case is not.
            name: "required-undefined-closed",
            spec: #"""
                openapi: 3.1.0
                info: {title: T, version: '1'}
                components:
                  schemas:
                    Task:
                      type: object
                      additionalProperties: false
                      required: [uid]
                      properties: {taskUid: {type: integer}}
                    Open:
                      type: object
                      additionalProperties: {type: string}
                      required: [uid]
                      properties: {taskUid: {type: integer}}
                """#,
            expected: [
                #"spec.yaml:8:18: warning: required property 'uid' is not among this schema's properties, and additionalProperties: false allows no other [required-undefined]"#
            ]
        ),
        Case(
            // Both spellings of one path: the same key twice once read.
            name: "path-template-colon-twice",
            spec: #"""
                openapi: 3.1.0
                info: {title: T, version: '1'}
                paths:
                  /tasks/{taskUid}:
                    get:
                      parameters: [{name: taskUid, in: path, required: true, schema: {type: integer}}]
                      responses: {'200': {description: ok}}
                  /tasks/:taskUid:
                    delete:
                      parameters: [{name: taskUid, in: path, required: true, schema: {type: integer}}]
                      responses: {'204': {description: done}}
                """#,
            expected: [
                #"spec.yaml:8:3: error: path '/tasks/:taskUid' writes its parameters as ':taskUid', as Express does; OpenAPI path templates write them as '{taskUid}' [path-template-colon]"#,
                #"spec.yaml:8:3: error: path '/tasks/:taskUid' is '/tasks/{taskUid}', under paths twice, once written with ':' segments; OpenAPI does not allow both [identical-path-templates]"#,
            ]
        ),
        Case(
            // grpc-gateway: a media type's `examples` written in a schema. A map of anything else
            // is one example value, as before.
            name: "schema-examples-map",
            spec: #"""
                openapi: 3.1.0
                info: {title: T, version: '1'}
                components:
                  schemas:
                    Item:
                      type: object
                      examples: {small: {summary: S, value: {id: 1}}, large: {value: {id: 2}}}
                    Other: {type: object, examples: {id: 3}}
                    Weight: {type: object, examples: {weight: {value: 3, unit: kg}}}
                """#,
            expected: [
                #"spec.yaml:7:17: error: a schema's examples is a list of values, but this is a map of Example objects [schema-examples-map]"#
            ]
        ),
        Case(
            name: "duplicate-parameter",
            spec: #"""
                openapi: 3.1.0
                info: {title: T, version: '1'}
                paths:
                  /pets:
                    get:
                      parameters:
                        - {name: limit, in: query, schema: {type: integer}}
                        - {name: limit, in: query, schema: {type: string}}
                      responses: {'200': {description: ok}}
                """#,
            expected: [
                #"spec.yaml:8:11: error: query parameter 'limit' is declared twice in this list (first at line 7); a parameter is identified by its name and location [duplicate-parameter]"#
            ]
        ),
        Case(
            name: "unknown-security-scheme",
            spec: #"""
                openapi: 3.1.0
                info: {title: T, version: '1'}
                security:
                  - apiKey: []
                components:
                  securitySchemes:
                    ApiKey: {type: apiKey, name: X-Key, in: header}
                """#,
            expected: [
                #"spec.yaml:4:5: error: security requirement names 'apiKey', which is not defined in components/securitySchemes (did you mean 'ApiKey'?) [security-scheme-undefined]"#
            ]
        ),
        Case(
            name: "unknown-security-scheme-used-often",
            spec: #"""
                openapi: 3.1.0
                info: {title: T, version: '1'}
                security:
                  - cookie: []
                paths:
                  /a:
                    get: {security: [{cookie: []}, {shh: []}], responses: {'200': {description: ok}}}
                  /b:
                    get: {security: [{cookie: []}], responses: {'200': {description: ok}}}
                """#,
            expected: [
                #"spec.yaml:4:5: error: security requirement names 'cookie' (here and in 2 more requirements), which is not defined in components/securitySchemes [security-scheme-undefined]"#,
                #"spec.yaml:7:37: error: security requirement names 'shh', which is not defined in components/securitySchemes [security-scheme-undefined]"#,
            ]
        ),
        Case(
            name: "security-scopes-null",
            spec: #"""
                openapi: 3.1.0
                info: {title: T, version: '1'}
                security:
                  - oauth2:
                components:
                  securitySchemes:
                    oauth2:
                      type: oauth2
                      flows: {clientCredentials: {tokenUrl: 'https://x/token', scopes: {}}}
                """#,
            expected: [
                #"spec.yaml:4:12: error: the scopes of security scheme 'oauth2' must be a list (use [] for none), but this is null [security-scopes-invalid]"#
            ]
        ),
        Case(
            name: "parameter-in-body",
            spec: #"""
                openapi: 3.1.0
                info: {title: T, version: '1'}
                paths:
                  /pets:
                    post:
                      parameters:
                        - {name: pet, in: body, schema: {type: object}}
                """#,
            expected: [
                #"spec.yaml:7:27: error: 'in: body' is not a parameter location; expected query, header, path or cookie [parameter-location-invalid]"#
            ]
        ),
        Case(
            name: "parameters-one-mapping",
            spec: #"""
                openapi: 3.0.3
                info: {title: T, version: '1'}
                paths:
                  /pets/{id}:
                    parameters:
                      $ref: '#/components/parameters/Id'
                    get:
                      parameters: {name: q, in: query, schema: {type: string}}
                      responses: {'200': {description: ok}}
                  /shelves:
                    get:
                      parameters: {$ref: '#/components/x-lists/paging'}
                      responses: {'200': {description: ok}}
                components:
                  parameters:
                    Id: {name: id, in: path, required: true, schema: {type: integer}}
                  x-lists:
                    paging: [{name: page, in: query, schema: {type: integer}}]
                """#,
            expected: [
                #"spec.yaml:6:7: error: parameters must be a list, but this is one parameter [wrong-type]"#,
                #"spec.yaml:8:19: error: parameters must be a list, but this is one parameter [wrong-type]"#,
                #"spec.yaml:12:26: error: OpenAPI does not allow a $ref for parameters [ref-not-allowed-here]"#,
            ]
        ),
        Case(
            name: "parameter-list-referenced",
            spec: #"""
                openapi: 3.0.3
                info: {title: T, version: '1'}
                paths:
                  /a:
                    get:
                      parameters:
                        - $ref: '#/components/x-lists/paging'
                        - $ref: '#/components/x-lists/loop'
                        - {in: query, schema: {type: string, name: q}}
                        - {name: sort, in: query, schema: {type: string, name: order}}
                      responses: {'200': {description: ok}}
                components:
                  x-lists:
                    paging: [{name: page, in: query, schema: {type: integer}}]
                    loop: [{$ref: '#/components/x-lists/loop'}]
                  parameters:
                    Common: [{name: trace, in: header, schema: {type: string}}]
                """#,
            expected: [
                #"spec.yaml:7:17: error: a parameter's $ref points at a list of parameters; each item of 'parameters' is one parameter [parameter-list-referenced]"#,
                #"spec.yaml:8:17: error: a parameter's $ref points at a list of parameters; each item of 'parameters' is one parameter [parameter-list-referenced]"#,
                #"spec.yaml:9:46: error: 'name' is the parameter's own field, written inside its schema [parameter-field-in-schema]"#,
                #"spec.yaml:10:58: warning: unknown schema keyword 'name'; it is ignored [unknown-keyword]"#,
                #"spec.yaml:15:19: error: this list of parameters is a $ref to a list that leads back to itself [ref-cycle]"#,
                #"spec.yaml:17:13: error: a Parameter object must be a mapping, but this is a list [wrong-type]"#,
            ]
        ),
        Case(
            name: "ref-misspelled",
            spec: #"""
                openapi: 3.0.3
                info: {title: T, version: '1'}
                paths: {}
                components:
                  schemas:
                    Shelf:
                      type: object
                      properties:
                        books: {type: array, items: {ref: '#/components/schemas/Book'}}
                        owner: {ref: 'owner.yaml'}
                        note: {ref: a note, type: string}
                        typed: {ref: 'x.json', type: string}
                        link: {ref: 'https://example.com/spec.json'}
                    Book: {type: string}
                """#,
            expected: [
                #"spec.yaml:9:38: error: 'ref' is not a schema keyword; a reference is '$ref' [ref-misspelled]"#,
                #"spec.yaml:10:17: error: 'ref' is not a schema keyword; a reference is '$ref' [ref-misspelled]"#,
                #"spec.yaml:10:22: error: cannot resolve 'owner.yaml': cannot read 'owner.yaml': No such file or directory [ref-unreadable]"#,
                #"spec.yaml:11:16: warning: unknown schema keyword 'ref'; it is ignored (did you mean '$ref'?) [unknown-keyword]"#,
                #"spec.yaml:12:17: warning: unknown schema keyword 'ref'; it is ignored (did you mean '$ref'?) [unknown-keyword]"#,
                #"spec.yaml:13:16: warning: unknown schema keyword 'ref'; it is ignored (did you mean '$ref'?) [unknown-keyword]"#,
            ]
        ),
        Case(
            name: "path-parameter-not-required",
            spec: #"""
                openapi: 3.1.0
                info: {title: T, version: '1'}
                paths:
                  /pets/{id}:
                    get:
                      parameters:
                        - {name: id, in: path, schema: {type: string}}
                """#,
            expected: [
                #"spec.yaml:7:11: error: path parameter 'id' must have 'required: true' (OpenAPI requires it for every path parameter) [path-parameter-not-required]"#
            ]
        ),
        Case(
            name: "style-not-allowed",
            spec: #"""
                openapi: 3.1.0
                info: {title: T, version: '1'}
                paths:
                  /pets:
                    get:
                      parameters:
                        - {name: X-Filter, in: header, style: deepObject, schema: {type: object}}
                """#,
            expected: [
                #"spec.yaml:7:47: error: style 'deepObject' is not allowed for header parameters; use simple [style-not-allowed]"#
            ]
        ),
        Case(
            name: "bad-response-key",
            spec: #"""
                openapi: 3.1.0
                info: {title: T, version: '1'}
                paths:
                  /pets:
                    get:
                      responses:
                        '2000': {description: ok}
                """#,
            expected: [
                #"spec.yaml:7:9: error: '2000' is not a response key; expected a status code from 100 to 599, a range such as 2XX, or 'default' [response-key-invalid]"#
            ]
        ),
        Case(
            name: "response-missing-description",
            spec: #"""
                openapi: 3.0.3
                info: {title: T, version: '1'}
                paths:
                  /pets:
                    get:
                      responses:
                        '200':
                          content: {application/json: {schema: {type: string}}}
                """#,
            expected: [
                #"spec.yaml:8:11: error: a Response object is missing its required field 'description' [missing-field]"#
            ]
        ),
        Case(
            name: "yaml-1-1-boolean",
            spec: #"""
                openapi: 3.1.0
                info: {title: T, version: '1'}
                paths:
                  /pets:
                    get:
                      parameters:
                        - name: q
                          in: query
                          required: yes
                          schema: {type: string}
                """#,
            expected: [
                #"spec.yaml:9:21: error: required must be true or false, but this is a string ('yes' is a string in YAML 1.2, which OpenAPI uses; write true or false) [wrong-type]"#
            ]
        ),
        Case(
            name: "schema-and-content",
            spec: #"""
                openapi: 3.1.0
                info: {title: T, version: '1'}
                paths:
                  /pets:
                    get:
                      parameters:
                        - name: q
                          in: query
                          schema: {type: string}
                          content: {application/json: {schema: {type: object}}}
                """#,
            expected: [
                #"spec.yaml:10:20: error: parameter 'q' has both 'schema' and 'content'; use one of them [schema-and-content]"#
            ]
        ),
        Case(
            name: "path-without-slash",
            spec: #"""
                openapi: 3.1.0
                info: {title: T, version: '1'}
                paths:
                  pets: {}
                """#,
            expected: [
                #"spec.yaml:4:3: error: path 'pets' must start with '/' [path-not-absolute]"#
            ]
        ),
        Case(
            // SuperTokens pads keys so YAML takes a path twice: read without, it is the same key twice.
            name: "path-trailing-invisible",
            spec: #"""
                openapi: 3.1.0
                info: {title: T, version: '1'}
                paths:
                  /users:
                    get: {operationId: listUsers, responses: {'200': {description: ok}}}
                  /users\#u{2800}:
                    get: {operationId: findUsers, responses: {'200': {description: ok}}}
                  "/users/count \#u{200B}":
                    get: {operationId: countUsers, responses: {'200': {description: ok}}}
                """#,
            expected: [
                #"spec.yaml:6:3: error: path '/users\#u{2800}' ends in U+2800 (BRAILLE PATTERN BLANK), which shows nothing [path-trailing-invisible]"#,
                #"spec.yaml:6:3: error: path '/users\#u{2800}' is '/users', under paths twice, once written with characters after it; OpenAPI does not allow both [identical-path-templates]"#,
                #"spec.yaml:8:3: error: path '/users/count \#u{200B}' ends in a space and U+200B (ZERO WIDTH SPACE), which shows nothing [path-trailing-invisible]"#,
            ]
        ),
        Case(
            name: "unbalanced-braces",
            spec: #"""
                openapi: 3.1.0
                info: {title: T, version: '1'}
                paths:
                  /pets/{id:
                    get:
                      responses: {'200': {description: ok}}
                """#,
            expected: [
                #"spec.yaml:4:3: error: path '/pets/{id' has an unclosed '{' [path-template-malformed]"#
            ]
        ),
        Case(
            name: "boolean-exclusive-minimum-in-3-1",
            spec: #"""
                openapi: 3.1.0
                info: {title: T, version: '1'}
                components:
                  schemas:
                    Age: {type: integer, minimum: 0, exclusiveMinimum: true}
                """#,
            expected: [
                #"spec.yaml:5:56: error: in OpenAPI 3.1 exclusiveMinimum is the bound itself (a number), not true or false [exclusive-bound-boolean]"#
            ]
        ),
        Case(
            name: "negative-min-length",
            spec: #"""
                openapi: 3.1.0
                info: {title: T, version: '1'}
                components:
                  schemas:
                    Name: {type: string, minLength: -1}
                """#,
            expected: [
                #"spec.yaml:5:37: error: minLength must be a non-negative integer, but this is '-1' [wrong-type]"#
            ]
        ),
        Case(
            name: "unknown-security-scheme-type",
            spec: #"""
                openapi: 3.1.0
                info: {title: T, version: '1'}
                components:
                  securitySchemes:
                    Token: {type: token}
                    Session: {type: apikey, in: cookie, name: session}
                """#,
            expected: [
                #"spec.yaml:5:19: error: 'token' is not a security scheme type; expected apiKey, http, oauth2, openIdConnect or mutualTLS [security-scheme-type-unknown]"#,
                #"spec.yaml:6:21: error: 'apikey' is not a security scheme type; the type is spelled 'apiKey' [security-scheme-type-unknown]"#,
            ]
        ),
        Case(
            name: "api-key-without-in",
            spec: #"""
                openapi: 3.1.0
                info: {title: T, version: '1'}
                components:
                  securitySchemes:
                    Key:
                      type: apiKey
                      name: X-Key
                """#,
            expected: [
                #"spec.yaml:6:7: error: an apiKey security scheme needs 'name' and 'in' (query, header or cookie) [security-scheme-incomplete]"#
            ]
        ),
        Case(
            name: "ref-to-wrong-kind",
            spec: #"""
                openapi: 3.1.0
                info: {title: T, version: '1'}
                paths:
                  /pets:
                    get:
                      parameters:
                        - $ref: '#/components/schemas/Pet'
                components:
                  schemas:
                    Pet: {type: object}
                """#,
            expected: [
                #"spec.yaml:7:17: error: '#/components/schemas/Pet' is a schema, but a parameter is expected here [ref-wrong-kind]"#
            ]
        ),
        Case(
            name: "duplicate-key",
            spec: #"""
                openapi: 3.1.0
                info: {title: T, version: '1'}
                paths: {}
                components:
                  schemas:
                    Pet: {type: object}
                    Pet: {type: string}
                """#,
            expected: [
                #"spec.yaml:7:5: error: duplicate key 'Pet' in this mapping (first defined at line 6, column 5); YAML and JSON keys must be unique [duplicate-key]"#
            ]
        ),
        Case(
            name: "top-level-list",
            spec: #"""
                - openapi: 3.1.0
                """#,
            expected: [
                #"spec.yaml:1:1: error: expected an OpenAPI document (a mapping with 'openapi', 'info' and 'paths' at the top), but the file holds a list [not-openapi]"#
            ]
        ),
        Case(
            name: "enum-not-a-list",
            spec: #"""
                openapi: 3.1.0
                info: {title: T, version: '1'}
                components:
                  schemas:
                    Color: {type: string, enum: red}
                """#,
            expected: [
                #"spec.yaml:5:33: error: enum must be a list, but this is a string [wrong-type]"#
            ]
        ),
        Case(
            name: "discriminator-unknown-name",
            spec: #"""
                openapi: 3.1.0
                info: {title: T, version: '1'}
                components:
                  schemas:
                    Cat: {type: object}
                    Pet:
                      oneOf: [{$ref: '#/components/schemas/Cat'}]
                      discriminator:
                        propertyName: kind
                        mapping: {dog: Dog}
                """#,
            expected: [
                #"spec.yaml:10:24: error: discriminator mapping names 'Dog', but there is no schema 'Dog' in components/schemas [ref-unresolved]"#
            ]
        ),
        Case(
            name: "identical-path-templates",
            spec: #"""
                openapi: 3.1.0
                info: {title: T, version: '1'}
                paths:
                  /pets/{id}: {}
                  /pets/{name}: {}
                """#,
            expected: [
                #"spec.yaml:5:3: error: path '/pets/{name}' is the same template as '/pets/{id}' with other parameter names; OpenAPI does not allow both [identical-path-templates]"#
            ]
        ),
        Case(
            name: "operation-without-responses-3-0",
            spec: #"""
                openapi: 3.0.3
                info: {title: T, version: '1'}
                paths:
                  /pets:
                    get:
                      summary: List pets
                """#,
            expected: [
                #"spec.yaml:6:7: error: the GET operation is missing its required field 'responses' [missing-field]"#
            ]
        ),
        Case(
            name: "description-not-a-string",
            spec: #"""
                openapi: 3.1.0
                info: {title: T, version: '1'}
                paths:
                  /pets:
                    get:
                      description: true
                """#,
            expected: [
                #"spec.yaml:6:20: error: description must be a string, but this is a boolean [wrong-type]"#
            ]
        ),
        Case(
            name: "media-type-without-slash",
            spec: #"""
                openapi: 3.1.0
                info: {title: T, version: '1'}
                paths:
                  /pets:
                    post:
                      requestBody:
                        content:
                          json: {schema: {type: object}}
                """#,
            expected: [
                #"spec.yaml:8:11: error: 'json' is not a media type; expected one like application/json or text/plain [not-a-media-type]"#
            ]
        ),
        Case(
            name: "media-type-transposed",
            spec: #"""
                openapi: 3.1.0
                info: {title: T, version: '1'}
                paths:
                  /pets:
                    post:
                      requestBody:
                        content:
                          plain/text; charset=utf-8: {schema: {type: string}}
                          vnd.acme/json: {schema: {type: string}}
                          '*/json': {schema: {type: string}}
                """#,
            expected: [
                #"spec.yaml:8:11: error: 'plain/text; charset=utf-8' is not a media type; 'text/plain; charset=utf-8' is [not-a-media-type]"#
            ]
        ),
        Case(
            name: "media-type-misspelled",
            spec: #"""
                openapi: 3.1.0
                info: {title: T, version: '1'}
                paths:
                  /pets:
                    post:
                      requestBody:
                        content:
                          multipart/formdata: {schema: {type: object, properties: {a: {type: string}}}}
                          Application/JSON: {schema: {type: string}}
                          application/x_www_form_urlencoded; charset=utf-8: {schema: {type: object}}
                          text/x-plain: {schema: {type: string}}
                          application/json ; charset=utf-8: {schema: {type: object}}
                """#,
            expected: [
                #"spec.yaml:8:11: error: 'multipart/formdata' is not a registered media type; 'multipart/form-data' is [media-type-misspelled]"#,
                #"spec.yaml:10:11: error: 'application/x_www_form_urlencoded; charset=utf-8' is not a registered media type; 'application/x-www-form-urlencoded; charset=utf-8' is [media-type-misspelled]"#,
            ]
        ),
        Case(
            name: "pointer-index-out-of-range",
            spec: #"""
                openapi: 3.1.0
                info: {title: T, version: '1'}
                paths:
                  /pets:
                    get:
                      parameters:
                        - $ref: '#/paths/~1pets/get/parameters/3'
                """#,
            expected: [
                #"spec.yaml:7:17: error: '#/paths/~1pets/get/parameters/3' points at nothing: '/paths/~1pets/get/parameters' is a list of 1 and '3' is not an index in it [ref-unresolved]"#
            ]
        ),
        Case(
            name: "misspelt-field",
            spec: #"""
                openapi: 3.1.0
                info: {title: T, version: '1'}
                paths:
                  /pets:
                    get:
                      operationID: listPets
                """#,
            expected: [
                #"spec.yaml:6:7: warning: unknown field 'operationID' in the GET operation; it is ignored (did you mean 'operationId'?) [unknown-field]"#
            ]
        ),
        Case(
            name: "unknown-schema-keyword",
            spec: #"""
                openapi: 3.1.0
                info: {title: T, version: '1'}
                components:
                  schemas:
                    Pet:
                      type: object
                      requried: [name]
                """#,
            expected: [
                #"spec.yaml:7:7: warning: unknown schema keyword 'requried'; it is ignored (did you mean 'required'?) [unknown-keyword]"#
            ]
        ),
    ]
}
