import LatheIR
import LatheOpenAPI
import Testing

/// Decisions the IR makes, checked on the IR itself.
struct LoweringTests {
    func lower(_ yaml: String) throws -> IRModule {
        try lowerWithDiagnostics(yaml).module
    }

    /// The module and what lowering it said (not what loading said).
    func lowerWithDiagnostics(_ yaml: String) throws -> (module: IRModule, diagnostics: Diagnostics) {
        let loaded = OpenAPILoader.load(bytes: Array(yaml.utf8), path: "spec.yaml")
        #expect(!loaded.hasErrors, "\(loaded.diagnostics.all)")
        return Lowering.lower(try #require(loaded.document), specName: "spec.yaml")
    }

    func type(_ module: IRModule, _ name: String) throws -> IRType {
        try #require(module.types.first { module.qualifiedName($0.id) == name })
    }

    /// Merged object parts: a property restated by a later part takes its type and keeps its first
    /// place, and a name listed as required more than once (in one part or in several) is required
    /// once. An object of one part, the common case, is that part as it is.
    @Test func mergedPartsKeepFirstPlacesAndRequireOnce() throws {
        let module = try lower(
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                Base: {type: object, required: [a, a, b, z, z], properties: {a: {type: string}, b: {type: integer}}}
                Extended:
                  allOf:
                    - $ref: '#/components/schemas/Base'
                    - {type: object, required: [c, a], properties: {c: {type: string}, a: {type: integer}}}
                    - {type: object, required: [d, b, d], properties: {d: {type: boolean}}}
            """)
        func properties(_ name: String) throws -> [(String, IRValueType, Bool)] {
            guard case .object(let object) = try type(module, name).kind else {
                Issue.record("\(name) is not an object")
                return []
            }
            // A key no property declares is optional and checked for presence.
            return object.properties.map { ($0.name.original, $0.type, $0.isRequired || $0.checksPresence) }
        }
        let base = try properties("Base")
        #expect(base.map(\.0) == ["a", "b", "z"] && base.map(\.2) == [true, true, true])
        let extended = try properties("Extended")
        #expect(extended.map(\.0) == ["a", "b", "c", "d", "z"])
        #expect(
            extended.prefix(4).map(\.1) == [.primitive(.int), .primitive(.int), .primitive(.string), .primitive(.bool)])
        #expect(extended.map(\.2) == [true, true, true, true, true])
    }

    /// An operation's nested types are `Input`, `Output`, `Body`, … unless a top-level type has
    /// the name, which they would shadow: then they are numbered.
    @Test func operationNamesAvoidTopLevelTypes() throws {
        let yaml = { (schemas: String) in
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths:
              /a: {post: {operationId: a, requestBody: {content: {application/json: {schema: {type: string}}}}, responses: {'200': {description: ok}}}}
            components:
              schemas: {\(schemas)}
            """
        }
        let plain = try lower(yaml("Pet: {type: string}")).operations[0].names
        #expect(
            [plain.input, plain.output, plain.path, plain.query, plain.headers, plain.cookies, plain.body]
                == ["Input", "Output", "Path", "Query", "Headers", "Cookies", "Body"])
        let taken = try lower(yaml("Input: {type: string}, Body: {type: integer}")).operations[0].names
        #expect([taken.input, taken.output, taken.body] == ["Input2", "Output", "Body2"])
    }

    /// swagger-php's operationIds, the MD5 of an operation without one, name nothing: the
    /// operation is named by its method and path, and keeps its id; a name is kept as it is.
    @Test func anOperationIdThatIsAHashNamesNothing() throws {
        let (module, diagnostics) = try lowerWithDiagnostics(
            """
            openapi: 3.0.0
            info: {title: T, version: '1'}
            paths:
              /api/v2/articles/{id}:
                get:
                  operationId: 0e00aae7c370b295281ca65f1d061354
                  parameters: [{name: id, in: path, required: true, schema: {type: string}}]
                  responses: {'200': {description: ok}}
              /api/v2/tags:
                get:
                  operationId: da39a3ee5e6b4b0d3255bfef95601890afd80709
                  responses: {'200': {description: ok}}
                post:
                  operationId: decadeddecadeddecadeddecadeddeca
                  responses: {'200': {description: ok}}
            """)
        #expect(
            module.operations.map(\.methodName) == [
                "getApiV2ArticlesId", "getApiV2Tags", "decadeddecadeddecadeddecadeddeca",
            ])
        #expect(
            module.operations.map(\.typeName) == [
                "GetApiV2ArticlesId", "GetApiV2Tags", "Decadeddecadeddecadeddecadeddeca",
            ])
        #expect(module.operations[0].operationID == "0e00aae7c370b295281ca65f1d061354")
        #expect(
            diagnostics.all.filter { $0.kind == "operation-id-hash" }.map(\.description) == [
                "spec.yaml:6:20: warning: operationId '0e00aae7c370b295281ca65f1d061354' is a hash (swagger-php "
                    + "writes one for an operation without an operationId), not a name; Lathe names the operation by "
                    + "its method and path, 'getApiV2ArticlesId' [operation-id-hash]",
                "spec.yaml:11:20: warning: operationId 'da39a3ee5e6b4b0d3255bfef95601890afd80709' is a hash (swagger-php "
                    + "writes one for an operation without an operationId), not a name; Lathe names the operation by "
                    + "its method and path, 'getApiV2Tags' [operation-id-hash]",
            ])
    }

    /// An operationId's name is the spec's promise: an operation named by its method and path gives
    /// way to it wherever either stands, and whether or not it is selected; webhooks too.
    @Test func anOperationIdKeepsItsNameBeforeAMethodAndPathName() throws {
        let yaml = """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths:
              /items:
                get: {responses: {'200': {description: ok}}}
              /list:
                get: {operationId: getItems, responses: {'200': {description: ok}}}
              /other:
                get: {operationId: get-items, responses: {'200': {description: ok}}}
            webhooks:
              items:
                post: {responses: {'200': {description: ok}}}
              created:
                post: {operationId: postItems, responses: {'200': {description: ok}}}
            """
        let module = try lower(yaml)
        #expect(module.operations.map(\.methodName) == ["getItems2", "getItems", "getItems3"])
        #expect(module.operations.map(\.typeName) == ["GetItems2", "GetItems", "GetItems3"])
        #expect(module.webhooks.map(\.methodName) == ["postItems2", "postItems"])
        let loaded = OpenAPILoader.load(bytes: Array(yaml.utf8), path: "spec.yaml")
        let selected = Lowering.lower(
            try #require(loaded.document), specName: "spec.yaml", selection: OperationSelection(["GET /items"]))
        #expect(selected.module.operations.map(\.methodName) == ["getItems2"])
        // Two operationIds that are one name in Swift: the second is numbered, and said.
        let (_, diagnostics) = try lowerWithDiagnostics(yaml)
        #expect(
            diagnostics.all.filter { $0.kind == "operation-id-names-collide" }.map(\.description) == [
                "spec.yaml:9:24: warning: operationId 'get-items' is 'getItems' in Swift, as operationId 'getItems' "
                    + "is; Lathe names this operation 'getItems3' [operation-id-names-collide]"
            ])
    }

    /// HTTP gives 1xx, 204, 205 and 304 responses, and any to HEAD, no content (RFC 9110): what one
    /// declares (Solidus' DELETEs answer 204 with a product) never arrives, so it is read without it
    /// (a client decoding it failed every call that succeeded), and said once where it is declared.
    @Test func aResponseHTTPGivesNoContentHasNone() throws {
        let (module, diagnostics) = try lowerWithDiagnostics(
            """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths:
              /products/{id}:
                parameters: [{name: id, in: path, required: true, schema: {type: string}}]
                delete:
                  operationId: deleteProduct
                  responses:
                    '204': {$ref: '#/components/responses/Product'}
                    '200': {$ref: '#/components/responses/Product'}
                get:
                  operationId: getProduct
                  responses:
                    '304': {description: unchanged, content: {application/json: {schema: {type: string}}}}
                    '2XX': {description: ok, content: {application/json: {schema: {type: string}}}}
                head:
                  operationId: headProduct
                  responses:
                    '200': {$ref: '#/components/responses/Product'}
                put:
                  operationId: putProduct
                  responses:
                    '204': {$ref: '#/components/responses/Product'}
            components:
              responses:
                Product: {description: a product, content: {application/json: {schema: {type: object}}}}
            """)
        func key(_ key: IRResponseKey) -> String {
            switch key {
            case .code(let code): "\(code)"
            case .range(let digit): "\(digit)XX"
            case .default: "default"
            }
        }
        let contents = module.operations.map { $0.responses.map { "\(key($0.key)):\($0.contents.count)" } }
        #expect(contents == [["204:0", "200:1"], ["304:0", "2XX:1"], ["200:0"], ["204:0"]])
        // A 2xx to CONNECT (3.2) is a tunnel, with no content either.
        let connect = try lower(
            """
            openapi: 3.2.0
            info: {title: T, version: '1'}
            paths:
              /tunnel:
                additionalOperations:
                  CONNECT:
                    operationId: open
                    responses:
                      '200': {description: open, content: {application/json: {schema: {type: object}}}}
                      '400': {description: no, content: {application/json: {schema: {type: object}}}}
            """)
        #expect(connect.operations.first?.responses.map(\.contents.count) == [0, 1])
        // The shared struct has a body: the responses without one are not it.
        #expect(module.operations[0].responses.map { $0.sharedName != nil } == [false, true])
        #expect(
            diagnostics.all.filter { $0.kind == "content-on-no-content-status" }.map(\.description) == [
                "spec.yaml:26:67: warning: a 204 response has no content (RFC 9110), so the content declared here "
                    + "never arrives; Lathe reads the response without it [content-on-no-content-status]",
                "spec.yaml:14:69: warning: a 304 response has no content (RFC 9110), so the content declared here "
                    + "never arrives; Lathe reads the response without it [content-on-no-content-status]",
            ])
    }

    /// A `2XX` or `3XX` documented with a body, or a `default` that is the operation's one success,
    /// arrives as 204, 205 or 304 without one (a DELETE documenting `2XX` answers 204): its body
    /// has a case for that. Not a `default` beside a documented 2xx or 3xx, nor a `4XX`. A shared
    /// response that may arrive empty is generated inline, as the operations that do not use it so
    /// keep the shared struct.
    @Test func rangesAndLoneDefaultsMayArriveEmpty() throws {
        let module = try lower(
            """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths:
              /items:
                delete:
                  operationId: deleteItems
                  responses:
                    '2XX': {$ref: '#/components/responses/Item'}
                    '3XX': {description: moved, content: {application/json: {schema: {type: string}}}}
                    '4XX': {description: bad, content: {application/json: {schema: {type: string}}}}
                    default: {description: other, content: {application/json: {schema: {type: string}}}}
                get:
                  operationId: getItems
                  responses:
                    '200': {$ref: '#/components/responses/Item'}
                    default: {$ref: '#/components/responses/Item'}
                put:
                  operationId: putItems
                  responses:
                    default: {$ref: '#/components/responses/Item'}
                post:
                  operationId: postItems
                  responses:
                    '2XX': {description: no body}
                patch:
                  operationId: patchItems
                  responses:
                    '302': {description: elsewhere}
                    default: {$ref: '#/components/responses/Item'}
            components:
              responses:
                Item: {description: an item, content: {application/json: {schema: {type: object}}}}
            """)
        let empty = module.operations.map { $0.responses.map(\.mayArriveEmpty) }
        #expect(empty == [[true, true, false, false], [false, false], [true], [false], [false, false]])
        let shared = module.operations.map { $0.responses.map { $0.sharedName != nil } }
        #expect(shared == [[false, false, false, false], [true, true], [false], [false], [false, true]])
    }

    /// A property whose schema allows no value (`false`, `not: {}`, through a `$ref` too) is a key
    /// the object may not have: no member for it. A closed object reports it as a key it does not
    /// allow; an open one cannot, which is said. `not` of something is still not generated.
    @Test func aPropertyThatAllowsNoValueHasNoMember() throws {
        struct NotAnObject: Error {}
        let (module, diagnostics) = try lowerWithDiagnostics(
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                Never: false
                Open:
                  type: object
                  properties:
                    name: {type: string}
                    fromNode: false
                    graph: {not: {}, description: a reference has none}
                    other: {$ref: '#/components/schemas/Never'}
                    notString: {not: {type: string}}
                Closed:
                  type: object
                  additionalProperties: false
                  properties: {id: {type: string}, legacy: false}
            """)
        func members(_ name: String) throws -> [String] {
            guard case .object(let object) = try type(module, name).kind else { throw NotAnObject() }
            return object.properties.map(\.name.original)
        }
        #expect(try members("Open") == ["name", "notString"])
        #expect(try members("Closed") == ["id"])
        guard case .object(let closed) = try type(module, "Closed").kind else { throw NotAnObject() }
        #expect(closed.undeclaredKeysName != nil)
        #expect(
            diagnostics.all.filter { $0.kind == "property-forbidden" }.map(\.message) == [
                "property 'fromNode' allows no value, so an object may not have it; Lathe generates no member for "
                    + "it, and does not check that it is absent",
                "property 'graph' allows no value, so an object may not have it; Lathe generates no member for "
                    + "it, and does not check that it is absent",
                "property 'other' allows no value, so an object may not have it; Lathe generates no member for "
                    + "it, and does not check that it is absent",
                "property 'legacy' allows no value, so an object may not have it; Lathe generates no member for "
                    + "it, and validate() reports it",
            ])
    }

    /// A component response is one shared struct; operations alias it. Its namespace, like every
    /// nested name, avoids the top-level names (a schema called Responses).
    @Test func componentResponsesAreSharedOnce() throws {
        let module = try lower(
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths:
              /a: {get: {operationId: a, responses: {'404': {$ref: '#/components/responses/NotFound'}, '200': {description: ok}}}}
              /b: {get: {operationId: b, responses: {'404': {$ref: '#/components/responses/NotFound'}}}}
            components:
              schemas:
                Responses: {type: string}
              responses:
                NotFound: {description: gone, content: {application/json: {schema: {type: object, properties: {why: {type: string}}}}}}
            """)
        #expect(module.responsesNamespace == "Responses2")
        let notFound = module.operations.map { $0.responses.first { $0.key == .code(404) } }
        #expect(notFound.map { $0?.sharedName } == ["NotFound", "NotFound"])
        #expect(notFound[0]?.contents == notFound[1]?.contents)
        #expect(module.operations[0].responses.first { $0.key == .code(200) }?.sharedName == nil)
    }

    /// A shared response's headers are lowered once: every operation answering with it has the
    /// same list, and a warning about a header is said once, not once per operation.
    @Test func sharedResponseHeadersAreLoweredOnce() throws {
        let yaml = """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths:
              /a: {get: {operationId: a, responses: {'429': {$ref: '#/components/responses/Limited'}}}}
              /b: {get: {operationId: b, responses: {'429': {$ref: '#/components/responses/Limited'}}}}
            components:
              responses:
                Limited:
                  description: slow down
                  headers:
                    X-Retry: {schema: {type: integer}, description: seconds}
                    X-Buckets: {schema: {type: array, items: {type: [string, 'null']}}}
            """
        let loaded = OpenAPILoader.load(bytes: Array(yaml.utf8), path: "spec.yaml")
        let (module, diagnostics) = Lowering.lower(try #require(loaded.document), specName: "spec.yaml")
        let headers = module.operations.map { $0.responses.first { $0.key == .code(429) }?.headers ?? [] }
        #expect(headers.count == 2 && headers[0] == headers[1])
        #expect(headers[0].map(\.name.swift) == ["xRetry", "xBuckets"])
        #expect(headers[0].map(\.type) == [.primitive(.int), .array(.primitive(.string))])
        #expect(diagnostics.all.filter { $0.kind == "parameter-null-item" }.count == 1)
    }

    /// A schema reached twice (here through YAML aliases) lowers alike both times, whether or not
    /// lowering kept its first answer: an inline object to one type, a constrained primitive to
    /// the same type and constraints, and a schema Lathe warns about warns once.
    @Test func aSchemaReachedTwiceLowersAlike() throws {
        let yaml = """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            components:
              schemas:
                A:
                  type: object
                  properties:
                    code: &code {type: string, maxLength: 3}
                    address: &address {type: object, properties: {city: {type: string}}}
                    odd: &odd {type: string, not: {const: x}}
                    tags: &tags {type: array, items: {$ref: '#/components/schemas/B'}}
                B:
                  type: object
                  properties: {code: *code, address: *address, odd: *odd, tags: *tags}
            """
        let loaded = OpenAPILoader.load(bytes: Array(yaml.utf8), path: "spec.yaml")
        let (module, diagnostics) = Lowering.lower(try #require(loaded.document), specName: "spec.yaml")
        guard case .object(let a) = try type(module, "A").kind, case .object(let b) = try type(module, "B").kind else {
            Issue.record("not objects")
            return
        }
        #expect(a.properties.map(\.type) == b.properties.map(\.type))
        #expect(a.properties.map(\.constraints) == b.properties.map(\.constraints))
        #expect(a.properties[0].type == .primitive(.string) && a.properties[0].constraints.maxLength == 3)
        #expect(a.properties[1].type == .named(try type(module, "A.Address").id))
        #expect(a.properties[3].type == .array(.named(try type(module, "B").id)))
        #expect(module.types.filter { $0.name.swift == "Address" }.count == 1)
        #expect(diagnostics.all.filter { $0.message.contains("not") && $0.kind == "keyword-not-generated" }.count == 1)
    }

    /// `propertyNames` becomes the checks of a map's keys, through `$ref`s and from an `allOf`'s
    /// parts; `type: string` asks nothing; a format or a composition is warned about, not checked.
    @Test func propertyNamesBecomeKeyConstraints() throws {
        let yaml = """
            openapi: 3.1.0
            info: {title: t, version: "1"}
            paths: {}
            components:
              schemas:
                Code: {type: string, enum: [a, b]}
                Alias: {$ref: '#/components/schemas/Code'}
                Coded: {type: object, additionalProperties: {type: integer}, propertyNames: {$ref: '#/components/schemas/Alias'}}
                Plain: {type: object, additionalProperties: {type: integer}, propertyNames: {type: string}}
                Dated: {type: object, additionalProperties: {type: integer}, propertyNames: {format: uuid}}
                Both:
                  allOf:
                    - {type: object, properties: {id: {type: string}}, propertyNames: {maxLength: 4, $comment: short}}
                    - {type: object, additionalProperties: true, propertyNames: {minLength: 2, pattern: '^[a-z]+$'}}
                TwoPatterns:
                  allOf:
                    - {type: object, additionalProperties: true, propertyNames: {pattern: '^[a-z]+$'}}
                    - {type: object, propertyNames: {pattern: '^.{1,3}$'}}
                    - {type: object, propertyNames: {format: uuid}}
            """
        let loaded = OpenAPILoader.load(bytes: Array(yaml.utf8), path: "spec.yaml")
        let (module, diagnostics) = Lowering.lower(try #require(loaded.document), specName: "spec.yaml")
        func keys(_ name: String) throws -> IRConstraints {
            switch try type(module, name).kind {
            case .alias(_, let constraints): return constraints.keys
            case .object(let object): return object.constraints.keys
            default: return IRConstraints()
            }
        }
        #expect(try keys("Coded").allowedValues == [.string("a"), .string("b")])
        #expect(try keys("Plain").isEmpty && keys("Dated").isEmpty)
        let both = try keys("Both")
        #expect(both.minLength == 2 && both.maxLength == 4 && both.pattern == "^[a-z]+$")
        #expect(try keys("TwoPatterns").pattern == "^[a-z]+$")
        let warned = diagnostics.all.filter { $0.kind == "keyword-not-generated" }.compactMap(\.location?.line)
        #expect(warned == [10, 19])
        #expect(diagnostics.all.filter { $0.kind == "allof-constraint-dropped" }.compactMap(\.location?.line) == [18])
    }

    /// An `allOf` member is not lowered on its own: merged into an object, or dropped as an
    /// annotation. What it says that Lathe does not generate (`not`, `if`, `contains`) is still
    /// said, at the member; and one of only `prefixItems` or `propertyNames` is structure, not an
    /// annotation to drop.
    @Test func allOfMembersSayWhatIsNotGenerated() throws {
        let yaml = """
            openapi: 3.1.0
            info: {title: t, version: "1"}
            paths: {}
            components:
              schemas:
                Obj: {type: object, properties: {a: {type: string}}}
                Merged:
                  allOf:
                    - $ref: '#/components/schemas/Obj'
                    - {type: object, properties: {b: {type: string}}, not: {required: [a]}}
                Bare:
                  allOf:
                    - $ref: '#/components/schemas/Obj'
                    - {if: {required: [a]}, then: {required: [b]}}
                Named:
                  allOf:
                    - {type: object, additionalProperties: {type: integer}}
                    - {propertyNames: {maxLength: 3}}
                Positions:
                  type: array
                  allOf:
                    - prefixItems: [{type: string}, {type: integer}]
                Listed:
                  allOf:
                    - {type: array, minItems: 2}
                    - prefixItems: [{type: string}, {type: integer}]
            """
        let loaded = OpenAPILoader.load(bytes: Array(yaml.utf8), path: "spec.yaml")
        let (module, diagnostics) = Lowering.lower(try #require(loaded.document), specName: "spec.yaml")
        let notGenerated = diagnostics.all.filter { $0.kind == "keyword-not-generated" }
        #expect(notGenerated.compactMap(\.location?.line) == [10, 14])
        #expect(notGenerated.map(\.message).allSatisfy { $0.contains("'not'") || $0.contains("'if', 'then'") })
        guard case .object(let named) = try type(module, "Named").kind else {
            Issue.record("Named is not an object")
            return
        }
        #expect(named.constraints.keys.maxLength == 3)
        guard case .tuple(let positions) = try type(module, "Positions").kind else {
            Issue.record("Positions is not a tuple")
            return
        }
        #expect(positions.positions.map(\.type) == [.primitive(.string), .primitive(.int)])
        // Parts of one list in several members are not merged: said at each schema, not dropped.
        #expect(diagnostics.all.filter { $0.kind == "allof-not-objects" }.compactMap(\.location?.line) == [20, 24])
    }

    /// A pattern its own example does not match (GameVault's `pattern: url` beside a URL) is not
    /// checked: the example is what servers send.
    @Test func aPatternItsExampleContradictsIsNotChecked() throws {
        let yaml = """
            openapi: 3.1.0
            info: {title: t, version: "1"}
            paths: {}
            components:
              schemas:
                Media:
                  type: object
                  properties:
                    source: {type: string, pattern: url, example: 'https://example.com/a.svg'}
                    code: {type: string, pattern: '^[A-Z]{3}$', example: EUR}
            """
        let loaded = OpenAPILoader.load(bytes: Array(yaml.utf8), path: "spec.yaml")
        let (module, diagnostics) = Lowering.lower(try #require(loaded.document), specName: "spec.yaml")
        guard case .object(let media) = try type(module, "Media").kind else {
            Issue.record("not an object")
            return
        }
        #expect(media.properties.map(\.constraints.pattern) == [nil, "^[A-Z]{3}$"])
        #expect(
            diagnostics.all.map(\.description) == [
                "spec.yaml:9:55: warning: this string's example 'https://example.com/a.svg' does not match its "
                    + "pattern 'url'; generated code does not check the pattern [pattern-contradicted-by-example]"
            ])
    }

    /// A tuple in a form body: a client writes its positions as the form's values, which a
    /// generated server reads as one type, so it is said where the member is.
    @Test func aTupleInAFormBodyIsSaid() throws {
        let yaml = """
            openapi: 3.1.0
            info: {title: t, version: "1"}
            paths:
              /a:
                post:
                  requestBody:
                    content:
                      application/x-www-form-urlencoded:
                        schema:
                          type: object
                          properties:
                            pair: {type: array, prefixItems: [{type: string}, {type: integer}], minItems: 2}
                  responses: {'204': {description: ok}}
            """
        let loaded = OpenAPILoader.load(bytes: Array(yaml.utf8), path: "spec.yaml")
        let (_, diagnostics) = Lowering.lower(try #require(loaded.document), specName: "spec.yaml")
        #expect(diagnostics.all.filter { $0.kind == "form-tuple" }.compactMap(\.location?.line) == [12])
    }

    /// `items` as a list of one schema (Modrinth's `items: [$ref: Project]`) types every item; of
    /// more, it is a tuple (`prefixItems`).
    @Test func itemsListOfOneTypesEveryItem() throws {
        let yaml = """
            openapi: 3.0.3
            info: {title: t, version: "1"}
            paths: {}
            components:
              schemas:
                Project: {type: object, properties: {id: {type: string}}}
                Dependencies:
                  type: object
                  properties:
                    projects: {type: array, items: [{$ref: '#/components/schemas/Project'}]}
                    pair: {type: array, items: [{type: string}, {type: integer}]}
            """
        let loaded = OpenAPILoader.load(bytes: Array(yaml.utf8), path: "spec.yaml")
        let (module, diagnostics) = Lowering.lower(try #require(loaded.document), specName: "spec.yaml")
        guard case .object(let dependencies) = try type(module, "Dependencies").kind else {
            Issue.record("not an object")
            return
        }
        #expect(dependencies.properties[0].type == .array(.named(try type(module, "Project").id)))
        guard case .named(let pair) = dependencies.properties[1].type, case .tuple = module[pair].kind else {
            Issue.record("not a tuple: \(dependencies.properties[1].type)")
            return
        }
        #expect(diagnostics.all.isEmpty)
        let warned = loaded.diagnostics.all.filter { $0.kind == "items-list" }.map(\.message)
        #expect(warned.count == 2 && warned[0].contains("list of one schema") && warned[1].contains("prefixItems"))
    }

    /// A schema reached while a schema inside it is still being lowered (here a nullable `allOf`
    /// that merges its own parent) has a provisional answer; reached again later, it is the same
    /// answer, not the finished one: `q` is alike in `A` and in `A.P`.
    @Test func aSchemaMetWhileItsPartIsInProgressLowersAlike() throws {
        let module = try lower(
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            components:
              schemas:
                A:
                  type: object
                  properties:
                    p: &y
                      type: [object, 'null']
                      allOf:
                        - $ref: '#/components/schemas/A'
                        - {type: object, properties: {extra: {type: string}}}
                    q: {type: array, items: *y}
            """)
        guard case .object(let a) = try type(module, "A").kind, case .object(let p) = try type(module, "A.P").kind
        else {
            Issue.record("not objects")
            return
        }
        let q = try #require(a.properties.first { $0.name.original == "q" })
        let innerQ = try #require(p.properties.first { $0.name.original == "q" })
        #expect(q.type == innerQ.type)
        #expect(q.type == .array(.named(try type(module, "A.P").id)))
    }

    /// A nested type never takes its parent's member name: one named while the parent's
    /// properties are lowered (property `3`, member `_3`: its inline object is `_32`), and one
    /// named after them (a titled `oneOf` in an `allOf` beside a property `1`).
    @Test func nestedTypesAvoidMemberNames() throws {
        let module = try lower(
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            components:
              schemas:
                Plain:
                  type: object
                  properties:
                    '3': {type: object, properties: {a: {type: string}}}
                Composed:
                  allOf:
                    - {type: object, properties: {'1': {type: string}}}
                    - title: '1'
                      oneOf:
                        - {title: x, type: object, properties: {x: {type: string}}, required: [x]}
                        - {title: y, type: object, properties: {y: {type: string}}, required: [y]}
            """)
        func nestedNames(_ name: String) throws -> [String] {
            try type(module, name).nested.map { module[$0].name.swift }
        }
        #expect(try nestedNames("Plain") == ["_32"])
        #expect(try nestedNames("Composed") == ["_12"])
        guard case .object(let composed) = try type(module, "Composed").kind else {
            Issue.record("not an object")
            return
        }
        #expect(composed.properties.map(\.name.swift) == ["_1"])
    }

    /// Equal constraint sets share a box, but text that is equal only as Unicode (`é` written as
    /// one scalar or as `e` and a combining accent) keeps its own bytes.
    @Test func pooledConstraintsKeepTheirBytes() throws {
        let module = try lower(
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            components:
              schemas:
                Names:
                  type: object
                  properties:
                    a: {type: string, pattern: "^\u{E9}$", maxLength: 9}
                    b: {type: string, pattern: "^e\u{301}$", maxLength: 9}
                    c: {type: string, pattern: "^x$", maxLength: 9}
                    d: {type: string, pattern: "^x$", maxLength: 9}
            """)
        guard case .object(let object) = try type(module, "Names").kind else {
            Issue.record("not an object")
            return
        }
        let patterns = object.properties.map { Array(($0.constraints.pattern ?? "").utf8) }
        #expect(patterns[0] == Array("^\u{E9}$".utf8) && patterns[1] == Array("^e\u{301}$".utf8))
        #expect(object.properties[2].constraints == object.properties[3].constraints)
    }

    /// Member names are kept for each property text, but `é` in one scalar and in two are two texts
    /// (Swift's `String` calls them equal): each keeps its own spelling, as `SwiftNames` makes it.
    @Test func canonicallyEquivalentNamesKeepTheirOwnBytes() throws {
        let module = try lower(
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            components:
              schemas:
                A: {type: object, properties: {"caf\u{E9}": {type: string}, "id": {type: string}}}
                B: {type: object, properties: {"cafe\u{301}": {type: string}, "id": {type: string}}}
            """)
        func names(_ name: String) throws -> [[UInt8]] {
            guard case .object(let object) = try type(module, name).kind else { return [] }
            return object.properties.map { Array($0.name.swift.utf8) }
        }
        #expect(try names("A") == [Array(SwiftNames.memberName("caf\u{E9}").utf8), Array("id".utf8)])
        #expect(try names("B") == [Array(SwiftNames.memberName("cafe\u{301}").utf8), Array("id".utf8)])
        #expect(try names("A")[0] != names("B")[0])
    }

    /// One mapping with `é` in one scalar and in two: the readers take them as two keys (their
    /// bytes differ), and merging an object's parts takes them as one property, the later one in
    /// the first place, with or without an `allOf`.
    @Test func canonicallyEquivalentKeysOfOneObjectAreOneProperty() throws {
        let module = try lower(
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            components:
              schemas:
                A: {type: object, properties: {"caf\u{E9}": {type: string}, "id": {type: string}, "cafe\u{301}": {type: integer}}}
                B: {allOf: [{$ref: '#/components/schemas/A'}, {properties: {"x": {type: boolean}}}]}
            """)
        for name in ["A", "B"] {
            guard case .object(let object) = try type(module, name).kind else {
                Issue.record("\(name) is not an object")
                continue
            }
            #expect(object.properties.count == (name == "A" ? 2 : 3))
            #expect(object.properties.first?.type == .primitive(.int))
            #expect(object.properties.first.map { Array($0.name.original.utf8) } == Array("cafe\u{301}".utf8))
        }
    }

    /// What nothing uses is not generated: an inline multipart body's object (its parts are), while
    /// component schemas stay even when no operation uses them.
    @Test func unusedInlineTypesAreLeftOut() throws {
        let module = try lower(
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths:
              /upload:
                post:
                  operationId: upload
                  requestBody:
                    content:
                      multipart/form-data:
                        schema: {type: object, properties: {file: {type: string, format: binary}, kind: {type: string, enum: [a, b]}}}
                  responses: {'204': {description: done}}
            components:
              schemas:
                Unused: {type: object, properties: {x: {type: string}}}
            """)
        let topLevel = module.topLevel.map { module[$0].name.swift }
        #expect(topLevel.contains("Unused"))
        // The object stays only because its part `kind` is a type nested in it.
        #expect(topLevel == ["Unused", "UploadRequest"])
        let plain = try lower(
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths:
              /upload:
                post:
                  operationId: upload
                  requestBody: {content: {multipart/form-data: {schema: {type: object, properties: {file: {type: string, format: binary}}}}}}
                  responses: {'204': {description: done}}
            """)
        #expect(plain.topLevel.isEmpty)
    }

    /// A `security` value that cannot be read never switches authentication off.
    @Test func unreadableSecurityFailsClosed() throws {
        func alternatives(_ security: String) -> [[String]] {
            let yaml = """
                openapi: 3.1.0
                info: {title: T, version: '1'}
                security: \(security)
                paths: {/a: {get: {operationId: a, responses: {'204': {description: done}}}}}
                components: {securitySchemes: {bearerAuth: {type: http, scheme: bearer}}}
                """
            let loaded = OpenAPILoader.load(bytes: Array(yaml.utf8), path: "spec.yaml")
            guard let document = loaded.document else { return [] }
            let module = Lowering.lower(document, specName: "spec.yaml").module
            return module.operations[0].security.map { $0.map { module.securitySchemes[$0.scheme].name.original } }
        }
        #expect(alternatives("{bearerAuth: []}") == [["bearerAuth"]])
        #expect(alternatives("bearerAuth") == [["unreadable security requirement"]])
        #expect(alternatives("[42]") == [["unreadable security requirement"]])
        #expect(alternatives("[bearerAuth]") == [["bearerAuth"]])
        #expect(alternatives("[]") == [])
    }

    /// An HTTP scheme other than basic and bearer whose credential is one value (ZeroTier's `token`,
    /// GoDaddy's `sso-key`) is sent after the scheme's name in `Authorization`, as an API key with
    /// that prefix; one worked out with the server (`digest`, `negotiate`) stays the transport's.
    @Test func anHTTPSchemeWithOneCredentialIsSentAfterItsName() throws {
        let module = try lower(
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths: {/a: {get: {operationId: a, security: [{token: []}, {godaddy: []}, {digest: []}], responses: {'204': {description: done}}}}}
            components:
              securitySchemes:
                token: {type: http, scheme: Token}
                godaddy: {type: http, scheme: sso-key}
                digest: {type: http, scheme: Digest}
                spaced: {type: http, scheme: 'Bearer '}
                empty: {type: http, scheme: ''}
                words: {type: http, scheme: 'my token'}
            """)
        #expect(
            module.securitySchemes.map(\.kind) == [
                .apiKey(name: "Authorization", location: .header, prefix: "Token"),
                .apiKey(name: "Authorization", location: .header, prefix: "sso-key"),
                .unsupported("HTTP digest authentication"),
                .bearer,
                .unsupported("HTTP authentication with the scheme '', which is no scheme name"),
                .unsupported("HTTP authentication with the scheme 'my token', which is no scheme name"),
            ])
    }

    /// A header name that is no RFC 9110 token cannot be sent (HTTP types drop the field without a
    /// word): an API key named as a scheme and an example (Liveblocks' `Bearer sk_xxx`) is the
    /// Authorization header with that scheme; any other such key is the transport's, and a header
    /// parameter or response header of such a name is left out. Each is said where it is named.
    @Test func headerNamesHTTPCannotSendAreReadOrSaid() throws {
        let yaml = """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths:
              /a:
                get:
                  operationId: a
                  security: [{Authorization: []}, {token: []}, {spaced: []}, {cookie: []}, {query: []}]
                  parameters:
                    - {name: X Request Id, in: header, schema: {type: string}}
                    - {name: X-Trace, in: header, schema: {type: string}}
                  responses:
                    '204':
                      description: done
                      headers:
                        Rate Limit: {schema: {type: integer}}
                        X-Rate-Limit: {schema: {type: integer}}
            components:
              securitySchemes:
                Authorization: {type: apiKey, in: header, name: Bearer sk_xxx}
                token: {type: apiKey, in: header, name: 'token abc'}
                spaced: {type: apiKey, in: header, name: X Api Key}
                cookie: {type: apiKey, in: cookie, name: my session}
                query: {type: apiKey, in: query, name: api key}
            """
        let loaded = OpenAPILoader.load(bytes: Array(yaml.utf8), path: "spec.yaml")
        let (module, diagnostics) = Lowering.lower(try #require(loaded.document), specName: "spec.yaml")
        #expect(
            module.securitySchemes.map(\.kind) == [
                .bearer,
                .apiKey(name: "Authorization", location: .header, prefix: "token"),
                .unsupported("an API key named 'X Api Key' (no name HTTP can send)"),
                .unsupported("an API key named 'my session' (no name HTTP can send)"),
                .apiKey(name: "api key", location: .query, prefix: nil),
            ])
        let operation = try #require(module.operations.first)
        #expect(operation.parameters.map(\.name.original) == ["X-Trace"])
        #expect(operation.responses.first?.headers.map(\.name.original) == ["X-Rate-Limit"])
        let invalid = (loaded.diagnostics.all + diagnostics.all).filter { $0.kind == "header-name-invalid" }
        #expect(invalid.compactMap(\.location?.line) == [9, 15, 19, 20])
        #expect(
            diagnostics.all.filter { $0.kind == "security-scheme-unsupported" }.compactMap(\.location?.line) == [
                21, 22,
            ])
    }

    /// A property every alternative requires and fixes to a string of its own (through `$ref`s and
    /// `allOf`) tells a union's alternatives apart as a discriminator would; one two fix alike, one
    /// an alternative may leave out, or an alternative that is no object leaves them tried in order.
    @Test func aPropertyEveryAlternativeFixesTellsThemApart() throws {
        let module = try lower(
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            components:
              schemas:
                Base: {type: object, required: [kind], properties: {kind: {type: string}, id: {type: string}}}
                Start: {allOf: [{$ref: '#/components/schemas/Base'}, {properties: {kind: {const: start}}}]}
                Stop: {type: object, required: [kind, at], properties: {kind: {enum: [stop]}, at: {type: string}}}
                Told: {oneOf: [{$ref: '#/components/schemas/Start'}, {$ref: '#/components/schemas/Stop'}]}
                Alike: {oneOf: [{$ref: '#/components/schemas/Start'}, {$ref: '#/components/schemas/Start'}]}
                Loose: {anyOf: [{$ref: '#/components/schemas/Start'}, {type: object, properties: {kind: {const: go}}}]}
                Mixed: {oneOf: [{$ref: '#/components/schemas/Stop'}, {type: string}]}
                NullStop: {type: [object, 'null'], required: [kind], properties: {kind: {const: halt}}}
                OrNull: {oneOf: [{$ref: '#/components/schemas/Start'}, {$ref: '#/components/schemas/NullStop'}]}
                NullKind: {oneOf: [{$ref: '#/components/schemas/Start'}, {type: object, required: [kind], properties: {kind: {enum: [halt, null]}}}]}
                Stamped: {oneOf: [{type: object, required: [kind], properties: {kind: {const: a, readOnly: true}}}, {type: object, required: [kind], properties: {kind: {const: b, readOnly: true}}}]}
                Extended:
                  oneOf:
                    - allOf: [{$ref: '#/components/schemas/Base'}, {properties: {kind: {const: up}}}]
                    - allOf: [{$ref: '#/components/schemas/Base'}, {properties: {kind: {const: down}}}]
            """)
        func union(_ name: String) throws -> IRUnion? {
            switch try type(module, name).kind {
            case .union(let union), .anyOf(let union): union
            default: nil
            }
        }
        let told = try #require(try union("Told"))
        #expect(told.discriminator == "kind" && told.cases.map(\.discriminatorValues) == [["start"], ["stop"]])
        // Null is no alternative's property: an alternative or a property that admits it, or a
        // property one direction may leave out (read-only), tells nothing apart.
        for name in ["Alike", "Loose", "Mixed", "OrNull", "NullKind", "Stamped"] {
            #expect(try union(name)?.discriminator == nil, "\(name)")
        }
        // Inline alternatives are named by the values that select them, as with a discriminator.
        let extended = try #require(try union("Extended"))
        #expect(extended.discriminator == "kind" && extended.cases.map(\.name.swift) == ["up", "down"])
    }

    /// A discriminator on an allOf base stands for its mapping and for every extension, whichever
    /// key the base is reached by.
    @Test func polymorphicBasesListMappedAndExtendingSchemas() throws {
        let module = try lower(
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            components:
              schemas:
                Pet: {type: object, required: [petType], properties: {petType: {type: string}}, discriminator: {propertyName: petType, mapping: {dog: '#/components/schemas/Dog'}}}
                Dog: {allOf: [{$ref: '#/components/schemas/Pet'}, {type: object, properties: {bark: {type: string}}}]}
                Cat: {allOf: [{$ref: '#/components/schemas/Pet'}, {type: object, properties: {lives: {type: integer}}}]}
            """)
        guard case .union(let union) = try type(module, "Pet").kind else {
            Issue.record("Pet is not a union")
            return
        }
        #expect(union.cases.map(\.discriminatorValues) == [["dog"], ["Cat"]])
    }

    /// PxWeb's folder items: a discriminator naming a property nothing declares selected nothing
    /// (every value undocumented). The one property holding the mapping's values is the one meant
    /// (declared twice, through `allOf`, it is still one), said once; with none, the discriminator
    /// stays as written, since a serializer may add it (Jackson's `@type`).
    @Test func aDiscriminatorOfAnUndeclaredPropertyIsReadAsTheOneMeant() throws {
        let loaded = OpenAPILoader.load(
            bytes: Array(
                """
                openapi: 3.0.3
                info: {title: T, version: '1'}
                paths: {}
                components:
                  schemas:
                    Kind: {type: string, enum: [Heading, Table]}
                    Base: {type: object, properties: {type: {$ref: '#/components/schemas/Kind'}}}
                    Item:
                      type: object
                      required: [type]
                      allOf: [{$ref: '#/components/schemas/Base'}]
                      properties: {type: {$ref: '#/components/schemas/Kind'}, id: {type: string}}
                      discriminator: {propertyName: objectType, mapping: {Heading: '#/components/schemas/Heading', Table: '#/components/schemas/Table'}}
                    Heading: {allOf: [{$ref: '#/components/schemas/Item'}]}
                    Table: {allOf: [{$ref: '#/components/schemas/Item'}, {type: object, properties: {rows: {type: integer}}}]}
                    Circle: {type: object, properties: {radius: {type: number}}}
                    Square: {type: object, properties: {side: {type: number}}}
                    Shape:
                      oneOf: [{$ref: '#/components/schemas/Circle'}, {$ref: '#/components/schemas/Square'}]
                      discriminator: {propertyName: '@type', mapping: {circle: '#/components/schemas/Circle', square: '#/components/schemas/Square'}}
                """.utf8), path: "spec.yaml")
        let (module, diagnostics) = Lowering.lower(try #require(loaded.document), specName: "spec.yaml")
        guard case .union(let item) = try type(module, "Item").kind,
            case .union(let shape) = try type(module, "Shape").kind
        else {
            Issue.record("Item or Shape is not a union")
            return
        }
        #expect(item.discriminator == "type" && item.cases.map(\.discriminatorValues) == [["Heading"], ["Table"]])
        #expect(shape.discriminator == "@type" && shape.cases.map(\.discriminatorValues) == [["circle"], ["square"]])
        #expect(
            diagnostics.all.map(\.description) == [
                "spec.yaml:13:22: warning: the discriminator's property 'objectType' is declared by neither this schema, "
                    + "its alternatives nor the schemas its mapping names; 'type' holds the mapping's values, and Lathe "
                    + "reads the discriminator as it [discriminator-property-undeclared]"
            ])
    }

    /// A schema's `$ref` to a response, request body, parameter or header reads the schema it holds
    /// (Supabase's `schema: {$ref: '#/components/responses/UnauthorizedResponse'}`), through its own
    /// `$ref`, with an error whose reading says so; one that holds none (or several media types but
    /// no JSON one) is any JSON value, as before.
    @Test func aSchemaReferenceToAResponseReadsTheSchemaItHolds() throws {
        let yaml = """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths: {}
            components:
              responses:
                Unauthorized:
                  description: no
                  content: {application/json: {schema: {$ref: '#/components/schemas/Problem'}}}
                Empty: {description: nothing}
              parameters:
                Limit: {name: limit, in: query, schema: {type: integer, maximum: 10}}
              schemas:
                Problem: {type: object, properties: {code: {type: string}}}
                Holder:
                  type: object
                  properties:
                    problem: {$ref: '#/components/responses/Unauthorized'}
                    limit: {$ref: '#/components/parameters/Limit'}
                    empty: {$ref: '#/components/responses/Empty'}
            """
        let loaded = OpenAPILoader.load(bytes: Array(yaml.utf8), path: "spec.yaml")
        let errors = loaded.diagnostics.errors
        #expect(
            errors.map(\.asGenerationFinding.description) == [
                "spec.yaml:17:25: warning: '#/components/responses/Unauthorized' is a response, but a schema is "
                    + "expected here; Lathe reads the schema it holds "
                    + "('#/components/responses/Unauthorized/content/application~1json/schema') [ref-wrong-kind]",
                "spec.yaml:18:23: warning: '#/components/parameters/Limit' is a parameter, but a schema is expected "
                    + "here; Lathe reads the schema it holds ('#/components/parameters/Limit/schema') [ref-wrong-kind]",
                "spec.yaml:19:23: warning: '#/components/responses/Empty' is a response, but a schema is expected "
                    + "here; Lathe generates the value as any JSON value (JSONValue) [ref-wrong-kind]",
            ])
        let module = Lowering.lower(try #require(loaded.document), specName: "spec.yaml").module
        guard case .object(let holder) = try type(module, "Holder").kind else {
            Issue.record("Holder is not an object")
            return
        }
        let problem = try type(module, "Problem").id
        #expect(holder.properties[0].type == .named(problem))
        // The parameter's schema, a type of its own (as any schema a `$ref` reaches), an integer up to 10.
        guard case .named(let limit) = holder.properties[1].type, let alias = module.resolvedAliases[limit] else {
            Issue.record("limit is \(holder.properties[1].type)")
            return
        }
        #expect(alias.type == .primitive(.int) && alias.constraints.maximum != nil)
        #expect(holder.properties[2].type == .primitive(.jsonValue))
    }

    /// A response, request body or parameter filed under `schemas` (htsget's `404: {$ref:
    /// '#/components/schemas/NotFound'}`, where `NotFound` is `{description: …}`) is read as what it
    /// is written as, with an error whose reading says so; a real schema where a response is
    /// expected is still left out. The same component read as a schema elsewhere stays one.
    @Test func aResponseFiledUnderSchemasIsReadAsOne() throws {
        let yaml = """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths:
              /a:
                post:
                  operationId: a
                  parameters: [{$ref: '#/components/schemas/Limit'}]
                  requestBody: {$ref: '#/components/schemas/Input'}
                  responses:
                    '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/NotFound'}}}}
                    '404': {$ref: '#/components/schemas/NotFound'}
                    '409': {$ref: '#/components/schemas/Problem'}
            components:
              schemas:
                NotFound: {description: The resource was not found, x-note: filed here}
                Limit: {name: limit, in: query, schema: {type: integer}}
                Input: {content: {application/json: {schema: {type: object, properties: {n: {type: integer}}}}}}
                Problem: {type: object, description: no, properties: {code: {type: string}}}
            """
        let loaded = OpenAPILoader.load(bytes: Array(yaml.utf8), path: "spec.yaml")
        #expect(
            loaded.diagnostics.errors.map(\.asGenerationFinding.description) == [
                "spec.yaml:7:27: warning: '#/components/schemas/Limit' is a schema, but a parameter is expected "
                    + "here; Lathe reads it as a parameter, which it is written as [ref-wrong-kind]",
                "spec.yaml:8:27: warning: '#/components/schemas/Input' is a schema, but a request body is expected "
                    + "here; Lathe reads it as a request body, which it is written as [ref-wrong-kind]",
                "spec.yaml:11:23: warning: '#/components/schemas/NotFound' is a schema, but a response is expected "
                    + "here; Lathe reads it as a response, which it is written as [ref-wrong-kind]",
                "spec.yaml:12:23: warning: '#/components/schemas/Problem' is a schema, but a response is expected "
                    + "here; Lathe leaves out this response [ref-wrong-kind]",
            ], "\(loaded.diagnostics.errors.map(\.asGenerationFinding.description))")
        let module = Lowering.lower(try #require(loaded.document), specName: "spec.yaml").module
        let operation = try #require(module.operations.first)
        #expect(operation.responses.map(\.key) == [.code(200), .code(404)])
        #expect(operation.responses.last?.docs.description == "The resource was not found")
        #expect(operation.parameters.map(\.name.original) == ["limit"])
        #expect(operation.requestBody != nil)
        // Read as a schema, `NotFound` is a type of its own.
        guard case .named(let notFound)? = operation.responses.first?.contents.first?.type else {
            Issue.record("200 is \(String(describing: operation.responses.first))")
            return
        }
        #expect(module.qualifiedName(notFound) == "NotFound")
    }

    /// The same `$ref` text read as a schema and then as a response is each where it is expected
    /// (the schema it holds, then the response), in either order; a response whose schema leads
    /// back to itself is a cycle, reported, never followed without end.
    @Test func aResponseReadAsASchemaStaysAResponseElsewhere() throws {
        for order in [["200", "401"], ["401", "200"]] {
            let entries = [
                "200":
                    "'200': {description: ok, content: {application/json: {schema: {$ref: '#/components/responses/Unauthorized'}}}}",
                "401": "'401': {$ref: '#/components/responses/Unauthorized'}",
            ]
            let yaml = """
                openapi: 3.0.3
                info: {title: T, version: '1'}
                paths:
                  /a:
                    get:
                      operationId: a
                      responses:
                        \(entries[order[0]]!)
                        \(entries[order[1]]!)
                        '500': {description: loop, content: {application/json: {schema: {$ref: '#/components/responses/Loop'}}}}
                components:
                  responses:
                    Unauthorized:
                      description: no
                      content: {application/json: {schema: {$ref: '#/components/schemas/Problem'}}}
                    Loop:
                      description: loop
                      content: {application/json: {schema: {$ref: '#/components/responses/Loop'}}}
                  schemas:
                    Problem: {type: object, properties: {code: {type: string}}}
                """
            let loaded = OpenAPILoader.load(bytes: Array(yaml.utf8), path: "spec.yaml")
            #expect(loaded.diagnostics.errors.contains { $0.kind == "ref-cycle" }, "\(order)")
            let module = Lowering.lower(try #require(loaded.document), specName: "spec.yaml").module
            let problem = try type(module, "Problem").id
            let responses = try #require(module.operations.first?.responses)
            func body(_ status: Int) -> IRValueType? {
                responses.first { $0.key == .code(status) }?.contents.first?.type
            }
            #expect(body(200) == .named(problem), "\(order)")
            #expect(body(401) == .named(problem), "\(order)")
            #expect(body(500) == .primitive(.jsonValue), "\(order)")
        }
    }

    /// `prefixItems` whose positions and later items are one type under the same constraints is a
    /// list of that type; any other is a tuple (`IRTuple`): a member a position, the items after
    /// them in `rest` (any JSON value where `items` does not say), none after them with `items:
    /// false` or `maxItems`, positions from `minItems` on optional.
    @Test func prefixItemsAreAListOfOneTypeOrATuple() throws {
        let module = try lower(
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                Mixed: {type: array, prefixItems: [{type: string, const: prefix}, {type: string}], items: {type: number}}
                Position: {type: array, prefixItems: [{type: number}, {type: number}], items: false}
                Pair: {type: array, prefixItems: [{type: number}, {type: number}], maxItems: 2}
                Open: {type: array, prefixItems: [{type: number}, {type: number}]}
                Same: {type: array, prefixItems: [{type: integer}], items: {type: integer}}
                Refs: {type: array, prefixItems: [{$ref: '#/components/schemas/Name'}], items: {$ref: '#/components/schemas/Name'}}
                Name: {type: string}
                Legacy: {type: array, items: [{type: integer}, {type: string}], minItems: 1}
                Closed: {type: array, items: [{type: number}, {type: string}], additionalItems: false}
                Short: {type: array, prefixItems: [{type: string, maxLength: 3}], items: {type: string, maxLength: 3}}
                Uneven: {type: array, prefixItems: [{type: string, maxLength: 3}], items: {type: string}}
            """)
        func element(_ name: String) throws -> IRValueType? {
            guard case .alias(.array(let element), _) = try type(module, name).kind else { return nil }
            return element
        }
        #expect(try element("Position") == .primitive(.double))
        #expect(try element("Pair") == .primitive(.double))
        #expect(try element("Same") == .primitive(.int))
        #expect(try element("Refs") == .named(try type(module, "Name").id))
        struct UnexpectedKind: Error {}
        guard case .alias(_, let short) = try type(module, "Short").kind else { throw UnexpectedKind() }
        #expect(short.element.maxLength == 3)
        guard case .alias(_, let position) = try type(module, "Position").kind else { throw UnexpectedKind() }
        #expect(position.maxItems == 2)
        func tuple(_ name: String) throws -> IRTuple {
            guard case .tuple(let tuple) = try type(module, name).kind else { throw UnexpectedKind() }
            return tuple
        }
        let mixed = try tuple("Mixed")
        #expect(mixed.positions.map(\.type) == [.primitive(.string), .primitive(.string)])
        #expect(mixed.positions.map(\.isRequired) == [false, false])
        #expect(mixed.positions[0].constraints.constant == .string("prefix") && mixed.requiredCount == 0)
        #expect(mixed.rest == .primitive(.double) && mixed.undeclaredItemsName == nil)
        #expect(try tuple("Open").rest == .primitive(.jsonValue))
        let legacy = try tuple("Legacy")
        #expect(legacy.positions.map(\.isRequired) == [true, false])
        #expect(legacy.requiredCount == 1 && legacy.rest == .primitive(.jsonValue))
        let closed = try tuple("Closed")
        #expect(closed.rest == nil && closed.undeclaredItemsName == "undeclaredItems")
        let uneven = try tuple("Uneven")
        #expect(uneven.positions[0].constraints.maxLength == 3 && uneven.rest == .primitive(.string))
    }

    /// 3.2's querystring is the whole query: beside query parameters, text in the path's query or
    /// an API key the security sends there, it is left out with a warning.
    @Test func aQuerystringBesideAnythingElseInTheQueryIsLeftOut() throws {
        // The path's query is an error of the document's, which `lathe generate` reads on.
        let loaded = OpenAPILoader.load(
            bytes: Array(
                """
                openapi: 3.2.0
                info: {title: T, version: '1'}
                paths:
                  /a?mode=1:
                    get:
                      operationId: a
                      parameters: [{name: q, in: querystring, content: {text/plain: {schema: {type: string}}}}]
                      responses: {'204': {description: ok}}
                  /b:
                    get:
                      operationId: b
                      security: [{key: []}]
                      parameters: [{name: q, in: querystring, content: {text/plain: {schema: {type: string}}}}]
                      responses: {'204': {description: ok}}
                  /c:
                    get:
                      operationId: c
                      parameters: [{name: q, in: querystring, content: {text/plain: {schema: {type: string}}}}]
                      responses: {'204': {description: ok}}
                components:
                  securitySchemes:
                    key: {type: apiKey, in: query, name: api_key}
                """.utf8), path: "spec.yaml")
        let (module, diagnostics) = Lowering.lower(try #require(loaded.document), specName: "spec.yaml")
        #expect(module.operations.map { $0.parameters.map(\.location) } == [[], [], [.querystring]])
        let messages = diagnostics.all.filter { $0.kind == "querystring-beside-query" }.map(\.message)
        #expect(messages.count == 2)
        #expect(messages.first?.contains("text in its path's query") == true)
        #expect(messages.last?.contains("an API key its security sends in the query") == true)
    }

    /// A pattern written as a JavaScript literal (Immich's `/IM(SV|CL)(-[\dA-Za-z]{4}){8}/`) is the
    /// pattern between its slashes, `i` read as `(?i)`; as written, no valid value matched. Flags
    /// that change matching otherwise leave it unchecked; a pattern that only starts with `/` is
    /// itself.
    @Test func aPatternWrittenAsARegexLiteralIsItsBody() throws {
        let (module, diagnostics) = try lowerWithDiagnostics(
            #"""
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                Key: {type: string, pattern: '/IM(SV|CL)(-[\dA-Za-z]{4}){8}/'}
                Word: {type: string, pattern: '/^[a-z]+$/i'}
                Lines: {type: string, pattern: '/^a$/m'}
                Path: {type: string, pattern: '/v1/[a-z]+'}
                Slashes: {type: string, pattern: '/api/v[0-9]+/'}
                InClass: {type: string, pattern: '/[a/b]+/'}
            """#)
        func pattern(_ name: String) throws -> String? {
            guard case .alias(_, let constraints) = try type(module, name).kind else { return nil }
            return constraints.pattern
        }
        #expect(try pattern("Key") == #"IM(SV|CL)(-[\dA-Za-z]{4}){8}"#)
        #expect(try pattern("Word") == "(?i)^[a-z]+$")
        #expect(try pattern("Lines") == nil)
        #expect(try pattern("Path") == "/v1/[a-z]+")
        // A `/` of its own (not escaped, not in a class) is no literal's body.
        #expect(try pattern("Slashes") == "/api/v[0-9]+/")
        #expect(try pattern("InClass") == "[a/b]+")
        #expect(diagnostics.all.filter { $0.kind == "pattern-regex-literal" }.count == 4)
    }

    /// Python's named groups (`(?P<name>…)`, in pydantic's patterns) are ECMA-262's `(?<name>…)`:
    /// as written, the pattern was unchecked. An escaped parenthesis or one in a class is text.
    @Test func pythonNamedGroupsAreReadAsNamedGroups() throws {
        let (module, diagnostics) = try lowerWithDiagnostics(
            #"""
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                DataURL: {type: string, pattern: 'data:(?P<mimetype>[\w]+\/[\w\-\+\.]+)?(?P<base64>\;base64)?,(?P<data>.*)'}
                Text: {type: string, pattern: '\(?P<a>[(?P<]'}
            """#)
        func pattern(_ name: String) throws -> String? {
            guard case .alias(_, let constraints) = try type(module, name).kind else { return nil }
            return constraints.pattern
        }
        #expect(try pattern("DataURL") == #"data:(?<mimetype>[\w]+\/[\w\-\+\.]+)?(?<base64>\;base64)?,(?<data>.*)"#)
        #expect(try pattern("Text") == #"\(?P<a>[(?P<]"#)
        #expect(
            diagnostics.all.filter { $0.kind == "pattern-python-syntax" }.map(\.description) == [
                "spec.yaml:6:38: warning: the pattern 'data:(?P<mimetype>[\\w]+\\/[\\w\\-\\+\\.]+)?(?P<base64>\\;base64)?,"
                    + "(?P<data>.*)' names groups as Python does, '(?P<name>…)'; Lathe reads them as '(?<name>…)', "
                    + "as JSON Schema's patterns (ECMA-262) write them [pattern-python-syntax]"
            ])
        #expect(!diagnostics.all.contains { $0.kind == "pattern-unsupported" })
    }

    /// A UUID or a date whose own example is none (Mistral's `format: uuid` model ids) is a plain
    /// string, which takes what the server sends; an example that fits keeps the type.
    @Test func aFormatItsExampleContradictsIsAString() throws {
        let (module, diagnostics) = try lowerWithDiagnostics(
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths:
              /models/{id}:
                delete:
                  parameters: [{name: id, in: path, required: true, schema: {type: string, format: uuid}, example: 'ft:x'}]
                  responses: {'204': {description: ok}}
            components:
              schemas:
                ModelID: {type: string, format: uuid, example: 'ft:open-mistral-7b:587a6b29'}
                FileID: {type: string, format: uuid, example: 97f6ecaa-6276-4993-bfeb-53cbbbba6f08}
                Day: {type: string, format: date, examples: ['2024-05-14', '2024-05-14T10:00:00Z']}
                Nobody: {type: string, format: uuid, example: null}
            """)
        func aliased(_ name: String) throws -> IRValueType? {
            guard case .alias(let type, _) = try type(module, name).kind else { return nil }
            return type
        }
        #expect(try aliased("ModelID") == .primitive(.string))
        #expect(try aliased("FileID") == .primitive(.uuid))
        #expect(try aliased("Day") == .primitive(.string))
        #expect(try aliased("Nobody") == .primitive(.uuid))
        // A parameter's own example, beside its schema, counts too.
        #expect(module.operations.first?.parameters.first?.type == .primitive(.string))
        #expect(diagnostics.all.filter { $0.kind == "format-contradicted-by-example" }.count == 3)
    }

    /// Base64 (`format: byte`) whose example is none, its own or its object's (Mithril's
    /// hexadecimal keys), is a plain string too, as a UUID is; through a `$ref` an object's example says nothing
    /// of a shared schema, and base64 examples keep the type.
    @Test func aByteFormatItsObjectsExampleContradictsIsAString() throws {
        let (module, diagnostics) = try lowerWithDiagnostics(
            """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                Signer:
                  type: object
                  properties:
                    key: {type: string, format: byte}
                    signature: {type: string, format: byte}
                    version: {type: string, format: byte, example: '0.1.17'}
                    shared: {$ref: '#/components/schemas/Blob'}
                    id: {type: string, format: uuid}
                    pass: {type: string, contentEncoding: base64, example: 'UEsDBAoAAAAAAGhV...'}
                  example: {key: '7b12766b223a5c3', signature: 'aGVsbG8=', shared: 'not base64!', id: 'signer-1'}
                Blob: {type: string, format: byte}
            """)
        guard case .object(let signer) = try type(module, "Signer").kind else {
            Issue.record("Signer is no object")
            return
        }
        let types = Dictionary(uniqueKeysWithValues: signer.properties.map { ($0.name.original, $0.type) })
        #expect(types["key"] == .primitive(.string))
        #expect(types["signature"] == .primitive(.base64Data))
        #expect(types["version"] == .primitive(.string))
        #expect(types["id"] == .primitive(.string))
        // An example cut short says nothing against base64 (Revolut's `.pkpass` files).
        #expect(types["pass"] == .primitive(.base64Data))
        guard case .alias(let blob, _) = try type(module, "Blob").kind else {
            Issue.record("Blob is no alias")
            return
        }
        #expect(blob == .primitive(.base64Data))
        #expect(
            diagnostics.all.filter { $0.kind == "format-contradicted-by-example" }.map(\.message)
                == [
                    ("byte", "7b12766b223a5c3", "base64"), ("byte", "0.1.17", "base64"), ("uuid", "signer-1", "a UUID"),
                ]
                .map { format, example, what in
                    "this string's format is '\(format)', but its example '\(example)' is not \(what); Lathe generates "
                        + "a plain string, which takes what the example shows"
                })
    }

    /// The numbers an object's example shows for an inline property (Viaggiatreno's epoch
    /// milliseconds under `format: int32`, in the train's example and its stops' list) and a
    /// parameter's example show too; not through a `$ref`, whose schema other places share.
    @Test func anInt32ItsObjectsOrParametersExampleOutgrowsIsInt64() throws {
        let (module, diagnostics) = try lowerWithDiagnostics(
            """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths:
              /trains:
                get:
                  parameters:
                    - {name: since, in: query, schema: {type: integer, format: int32}, example: 1577596860000}
                    - {name: page, in: query, schema: {type: integer, format: int32}, example: 2}
                    - {name: ratio, in: query, schema: {type: number, format: float}, example: 0.123456789}
                    - {name: until, in: query, schema: {$ref: '#/components/schemas/Millis'}, example: 1577601120000}
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/Train'}
            components:
              schemas:
                Train:
                  type: object
                  properties:
                    departure: {type: integer, format: int32}
                    number: {type: integer, format: int32}
                    delay: {type: number, format: float}
                    shared: {$ref: '#/components/schemas/Millis'}
                    five: {const: 5}
                    fixed: {const: 5, format: int32}
                    stops:
                      type: array
                      items:
                        type: object
                        properties:
                          arrival: {type: integer, format: int32, nullable: true}
                  example:
                    departure: 1577596860000
                    number: 10211
                    delay: 2.5
                    shared: 1577596860000
                    stops: [{arrival: 1577601120000}]
                Millis: {type: integer, format: int32}
            """)
        guard case .object(let train) = try type(module, "Train").kind else {
            Issue.record("Train is no object")
            return
        }
        let types = Dictionary(uniqueKeysWithValues: train.properties.map { ($0.name.original, $0.type) })
        #expect(types["departure"] == .primitive(.int64))
        #expect(types["number"] == .primitive(.int32))
        #expect(types["delay"] == .primitive(.float))
        // An integer by its other keywords (a whole-number `const`) is still one.
        #expect(types["five"] == .primitive(.int) && types["fixed"] == .primitive(.int32))
        guard case .object(let stop) = try type(module, "Train.Stop").kind else {
            Issue.record("Train.Stop is no object")
            return
        }
        #expect(stop.properties.first?.type == .nullable(.primitive(.int64)))
        guard case .alias(let millis, _) = try type(module, "Millis").kind else {
            Issue.record("Millis is no alias")
            return
        }
        #expect(millis == .primitive(.int32))
        #expect(
            module.operations.first?.parameters.map(\.type) == [
                .primitive(.int64), .primitive(.int32), .primitive(.double), .primitive(.int64),
            ])
        #expect(
            diagnostics.all.filter { $0.kind == "format-too-narrow" }.map(\.message).sorted() == [
                "'format: float' holds about 7 significant digits, but the parameter's example shows 0.123456789; "
                    + "Lathe generates Double",
                "'format: int32' holds no value past 32 bits, but its object's example shows 1577596860000; "
                    + "Lathe generates Int64",
                "'format: int32' holds no value past 32 bits, but its object's example shows 1577601120000; "
                    + "Lathe generates Int64",
                "'format: int32' holds no value past 32 bits, but the parameter's example shows 1577596860000; "
                    + "Lathe generates Int64",
                // Through a `$ref`, the format is the referenced schema's.
                "'format: int32' holds no value past 32 bits, but the parameter's example shows 1577601120000; "
                    + "Lathe generates Int64",
            ])
    }

    /// An integer or number whose example is text that is no number (Front's `template_id: msg_777`,
    /// go-whatsapp's `phone: 6289685028129@s.whatsapp.net`) is `NumberOrString`, which takes what the
    /// example shows and numbers too: its own example, its object's, a parameter's. Not text that is
    /// a number (with a stray mark too), `null`, an enum's, nor a parameter's example setting the
    /// parameter (a URL's text, `?page[size]=30`).
    @Test func aNumberWhoseExampleIsTextIsNumberOrString() throws {
        let (module, diagnostics) = try lowerWithDiagnostics(
            """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths:
              /users:
                get:
                  parameters:
                    - {name: phone, in: query, schema: {type: integer}, example: '628968@s.whatsapp.net'}
                    - {name: 'page[size]', in: query, schema: {type: integer}, example: '?page[size]=30'}
                    - {name: limit, in: query, schema: {type: integer}, example: '30'}
                    - {name: code, in: query, schema: {$ref: '#/components/schemas/Code'}, examples: {a: {value: AB-1}}}
                    - {name: id, in: query, schema: {type: integer}, examples: {a: {value: 1441923632}, b: {value: id1441923632}}}
                    - {name: offset, in: query, schema: {type: integer}, example: ':offset'}
                    - {name: size, in: query, schema: {type: integer}, example: 'size = 30'}
                  responses: {'204': {description: ok}}
            components:
              schemas:
                Template:
                  type: object
                  properties:
                    template_id: {type: number, example: msg_777}
                    mac: {type: integer}
                    count: {type: integer, example: '55,'}
                    missing: {type: integer, example: 'null'}
                    level: {type: number, enum: [steady, rising], example: steady}
                    port: {type: integer}
                    total: {type: integer, nullable: true}
                    amount: {type: number, example: '1,234.56'}
                    size: {type: integer, example: 10 MB}
                    price: {type: number, example: $10}
                    placeholder: {type: integer, example: <integer>}
                    page: {type: integer, example: '????'}
                  example: {mac: '34:34:ff:da:6e:ff', port: '8080', total: n/a}
                Code: {type: integer}
                Derived:
                  allOf: [$ref: '#/components/schemas/Base']
                  example: {id: abc}
                Base:
                  type: object
                  properties:
                    id: {type: integer}
            """)
        guard case .object(let template) = try type(module, "Template").kind else {
            Issue.record("Template is no object")
            return
        }
        let types = Dictionary(uniqueKeysWithValues: template.properties.map { ($0.name.original, $0.type) })
        #expect(types["template_id"] == .primitive(.numberOrString))
        #expect(types["mac"] == .primitive(.numberOrString))
        #expect(types["count"] == .primitive(.int))
        #expect(types["missing"] == .primitive(.int))
        #expect(types["port"] == .primitive(.int))
        // Enums are lowered before types are (`lowerEnum`): an enum's example is one of its values.
        #expect(types["level"] != .primitive(.numberOrString))
        #expect(types["total"] == .nullable(.primitive(.numberOrString)))
        // Numbers as people write them, and placeholders, say nothing.
        #expect(types["amount"] == .primitive(.double) && types["price"] == .primitive(.double))
        #expect(types["size"] == .primitive(.int) && types["placeholder"] == .primitive(.int))
        // Marks with no letter or digit (ShipEngine's page, `'????'`) hold a place too.
        #expect(types["page"] == .primitive(.int))
        // An object's example is not passed to an `allOf` base's properties, which others share.
        guard case .object(let base) = try type(module, "Base").kind else {
            Issue.record("Base is no object")
            return
        }
        #expect(base.properties.first?.type == .primitive(.int))
        // A parameter's Example objects count, and a `$ref` to an integer is one.
        let parameters = try #require(module.operations.first).parameters.map(\.type)
        #expect(
            parameters == [
                .primitive(.numberOrString), .primitive(.int), .primitive(.int), .primitive(.numberOrString),
                // Holding the parameter's name is no URL's text (Podcastindex's iTunes ids); its name
                // alone, or setting it, is.
                .primitive(.numberOrString), .primitive(.int), .primitive(.int),
            ])
        #expect(
            diagnostics.all.filter { $0.kind == "type-contradicted-by-example" }.map(\.message)
                == [
                    ("number", "msg_777"), ("integer", "34:34:ff:da:6e:ff"), ("integer", "n/a"),
                    ("integer", "628968@s.whatsapp.net"), ("integer", "AB-1"), ("integer", "id1441923632"),
                ]
                .map { type, example in
                    "this schema's type is \(type), but its example '\(example)' is text that is no number; Lathe "
                        + "generates NumberOrString, which takes both"
                })
    }

    @Test func definitionsHoldSchemasThatReferencesReach() throws {
        let (module, diagnostics) = try lowerWithDiagnostics(
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                Account:
                  type: object
                  properties:
                    institution: {$ref: '#/components/schemas/Account/definitions/accountInstitution'}
                  definitions:
                    accountInstitution: {type: object, properties: {name: {type: string}}}
            """)
        #expect(diagnostics.all.isEmpty, "\(diagnostics.all)")
        guard case .object(let account) = try type(module, "Account").kind,
            case .named(let institution) = account.properties.first?.type,
            case .object(let object) = module[institution].kind
        else {
            Issue.record("Account.institution is not an object")
            return
        }
        #expect(object.properties.map(\.name.original) == ["name"])
    }

    /// What a third review found: an extension that adds nothing to a discriminated `oneOf` listing
    /// it is an object the discriminator selects (not left out); an object that combines with a
    /// union having it among its alternatives loses that member (decoding it read the union again
    /// without end); of a diamond of bases extending one object beside alternatives, each base and
    /// the union are composed once.
    @Test func cyclesThroughComposedMembersAndDiamonds() throws {
        let (module, diagnostics) = try lowerWithDiagnostics(
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                Event:
                  oneOf: [{$ref: '#/components/schemas/Ping'}, {$ref: '#/components/schemas/Message'}]
                  discriminator:
                    propertyName: event
                    mapping: {ping: '#/components/schemas/Ping', message: '#/components/schemas/Message'}
                Ping:
                  allOf: [{$ref: '#/components/schemas/Event'}, {description: a ping}]
                Message:
                  type: object
                  required: [event, text]
                  properties: {event: {type: string}, text: {type: string}}
                U: {oneOf: [{$ref: '#/components/schemas/C'}, {type: string}]}
                U2: {$ref: '#/components/schemas/U'}
                C:
                  allOf: [{$ref: '#/components/schemas/U2'}, {properties: {c: {type: string}}, required: [c]}]
                B:
                  allOf:
                    - properties: {k: {type: string}}
                    - oneOf: [{type: object, properties: {v: {type: boolean}}}, {type: object, properties: {v: {type: string}}}]
                Y: {allOf: [{$ref: '#/components/schemas/B'}, {properties: {y: {type: string}}}]}
                Z: {allOf: [{$ref: '#/components/schemas/B'}, {properties: {z: {type: string}}}]}
                X: {allOf: [{$ref: '#/components/schemas/Y'}, {$ref: '#/components/schemas/Z'}]}
            """)
        guard case .union(let event) = try type(module, "Event").kind,
            case .object = try type(module, "Ping").kind
        else {
            Issue.record("Event is not a union or Ping not an object")
            return
        }
        #expect(event.cases.map(\.discriminatorValues) == [["ping"], ["message"]])
        guard case .object(let c) = try type(module, "C").kind, case .object(let x) = try type(module, "X").kind else {
            Issue.record("C or X is not an object")
            return
        }
        #expect(c.composed.isEmpty && c.properties.map(\.name.original) == ["c"])
        #expect(x.properties.map(\.name.original) == ["k", "y", "z"] && x.composed.count == 1)
        let warnings = diagnostics.all.map(\.description)
        #expect(warnings.filter { $0.contains("[recursive-alias]") }.count == 1, "\(warnings)")
        #expect(!warnings.contains { $0.contains("[allof-not-objects]") }, "\(warnings)")
    }

    /// An extension of an object beside alternatives (OpenFeature's `serverEvaluationSuccess:
    /// allOf: [$ref: evaluationSuccess, {properties: {cacheable: …}}]`, where `evaluationSuccess`
    /// is an `allOf` of properties and a `oneOf`) is composed as the object it extends is, with its
    /// own properties too: `cacheable` was left out with `allof-not-objects`.
    @Test func anExtensionOfAnObjectBesideAlternativesKeepsBoth() throws {
        let (module, diagnostics) = try lowerWithDiagnostics(
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                evaluationSuccess:
                  allOf:
                    - properties: {key: {type: string}, reason: {type: string}}
                    - oneOf:
                        - {type: object, properties: {value: {type: boolean}}, required: [value]}
                        - {type: object, properties: {value: {type: string}}, required: [value]}
                serverEvaluationSuccess:
                  allOf:
                    - $ref: '#/components/schemas/evaluationSuccess'
                    - properties: {cacheable: {type: boolean}}
            """)
        #expect(!diagnostics.all.contains { $0.kind == "allof-not-objects" }, "\(diagnostics.all)")
        guard case .object(let base) = try type(module, "EvaluationSuccess").kind,
            case .object(let extended) = try type(module, "ServerEvaluationSuccess").kind
        else {
            Issue.record("not objects")
            return
        }
        #expect(extended.properties.map(\.name.original) == ["key", "reason", "cacheable"])
        #expect(extended.composed.count == 1 && extended.composed.map(\.type) == base.composed.map(\.type))
    }

    /// `type: null` is YAML's null spelled out, which in a schema means the null type, as it does in
    /// a list (OGC API Features: `oneOf: [{type: string, format: date-time}, {type: null}]`, and a
    /// geometry that is null or a GeoJSON object). Read as absent, the alternative was any value,
    /// and took every geometry before its type could. `type:` with nothing stays absent.
    @Test func typeNullSpelledOutIsTheNullType() throws {
        let loaded = OpenAPILoader.load(
            bytes: Array(
                """
                openapi: 3.1.0
                info: {title: T, version: '1'}
                paths: {}
                components:
                  schemas:
                    Point: {type: object, properties: {x: {type: number}}, required: [x]}
                    Holder:
                      type: object
                      properties:
                        at:
                          oneOf:
                            - {type: string, format: date-time}
                            - type: null
                        geometry:
                          oneOf: [{type: ~}, {$ref: '#/components/schemas/Point'}]
                        empty: {type: }
                        unset: {type: null, properties: {a: {type: string}}, required: [a]}
                """.utf8), path: "spec.yaml")
        #expect(
            loaded.diagnostics.errors.map(\.asGenerationFinding.description) == [
                "spec.yaml:13:21: warning: type is the null value, not the string \"null\"; Lathe reads it as "
                    + "\"null\" [type-null-unquoted]",
                "spec.yaml:15:26: warning: type is the null value, not the string \"null\"; Lathe reads it as "
                    + "\"null\" [type-null-unquoted]",
                "spec.yaml:16:23: warning: type has no value; Lathe reads it as if it were absent [empty-value]",
                "spec.yaml:17:23: warning: type has no value; Lathe reads it as if it were absent [empty-value]",
            ], "\(loaded.diagnostics.errors.map(\.asGenerationFinding.description))")
        let module = Lowering.lower(try #require(loaded.document), specName: "spec.yaml").module
        guard case .object(let holder) = try type(module, "Holder").kind else {
            Issue.record("Holder is not an object")
            return
        }
        let point = try type(module, "Point").id
        #expect(
            holder.properties.prefix(3).map(\.type) == [
                .nullable(.primitive(.dateTime)), .nullable(.named(point)), .primitive(.jsonValue),
            ])
        // A null beside a schema's structure, as serializers write an unset field, is absent.
        guard case .named(let unset)? = holder.properties.last?.type, case .object = module.types[unset.index].kind
        else {
            Issue.record("unset is \(String(describing: holder.properties.last?.type))")
            return
        }
    }

    /// Properties beside `oneOf`: alternatives that extend the base listing them (`Cat: allOf:
    /// [$ref: Pet, …]`, the OpenAPI specification's own pattern) have its properties beside the
    /// alternatives, the discriminator's among them, and the base is their union; they had only
    /// their own, so `name` was lost and a `Cat` was sent without its `petType`. Alternatives that
    /// restate the properties beside are the union too; alternatives that lack them are composed
    /// with them, as `allOf: [{properties}, {oneOf}]` would be. None is a warning any more.
    @Test func propertiesBesideAlternativesAreKept() throws {
        let (module, diagnostics) = try lowerWithDiagnostics(
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                Pet:
                  type: object
                  required: [petType]
                  properties: {petType: {type: string}, name: {type: string}}
                  oneOf: [{$ref: '#/components/schemas/Cat'}, {$ref: '#/components/schemas/Dog'}]
                  discriminator: {propertyName: petType}
                Cat:
                  allOf: [{$ref: '#/components/schemas/Pet'}, {type: object, properties: {meows: {type: boolean}}}]
                Dog:
                  allOf: [{$ref: '#/components/schemas/Pet'}, {type: object, properties: {barks: {type: boolean}}}]
                Restated:
                  type: object
                  properties: {kind: {type: string}}
                  oneOf:
                    - {type: object, properties: {kind: {type: string}, fur: {type: string}}, required: [fur]}
                    - {type: object, properties: {kind: {type: string}, wings: {type: integer}}, required: [wings]}
                Animal:
                  type: object
                  required: [name]
                  properties: {name: {type: string}}
                  oneOf:
                    - {type: object, properties: {fur: {type: string}}, required: [fur]}
                    - {type: object, properties: {wings: {type: integer}}, required: [wings]}
            """)
        #expect(diagnostics.all.isEmpty, "\(diagnostics.all)")
        guard case .union(let pet) = try type(module, "Pet").kind,
            case .object(let cat) = try type(module, "Cat").kind,
            case .union = try type(module, "Restated").kind,
            case .object(let animal) = try type(module, "Animal").kind
        else {
            Issue.record("Pet and Restated are not unions, or Cat and Animal not objects")
            return
        }
        #expect(pet.cases.map(\.discriminatorValues) == [["Cat"], ["Dog"]])
        #expect(cat.properties.map(\.name.original) == ["petType", "name", "meows"])
        #expect(cat.properties.first?.isRequired == true)
        #expect(animal.properties.map(\.name.original) == ["name"] && animal.composed.count == 1)
        guard case .named(let alternatives)? = animal.composed.first?.type,
            case .union(let union) = module.types[alternatives.index].kind
        else {
            Issue.record("Animal's composed member is not a union")
            return
        }
        #expect(union.cases.count == 2)
    }

    /// The readings the first review of properties beside alternatives asked for: alternatives
    /// that need not be objects stay the union, with the warning (properties constrain only
    /// objects, so `"kg"` is a valid value); `additionalProperties: false` beside alternatives
    /// does not forbid their keys; properties an `allOf` beside them adds count as beside them;
    /// and a 3.0 `nullable: true` base is still the family its alternatives extend.
    @Test func propertiesBesideAlternativesEdgeCases() throws {
        let (module, diagnostics) = try lowerWithDiagnostics(
            """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                Weight:
                  properties: {unit: {type: string}}
                  oneOf: [{type: string}, {type: object, properties: {grams: {type: integer}}}]
                Shipment:
                  type: object
                  additionalProperties: false
                  required: [id]
                  properties: {id: {type: string}}
                  oneOf:
                    - {type: object, properties: {trackingNumber: {type: string}}, required: [trackingNumber]}
                    - {type: object, properties: {pickupCode: {type: integer}}, required: [pickupCode]}
                Base: {type: object, properties: {name: {type: string}}}
                Pet:
                  type: object
                  nullable: true
                  required: [petType]
                  properties: {petType: {type: string}}
                  allOf: [{$ref: '#/components/schemas/Base'}]
                  oneOf: [{$ref: '#/components/schemas/Cat'}]
                  discriminator: {propertyName: petType}
                Cat:
                  allOf: [{$ref: '#/components/schemas/Pet'}, {type: object, properties: {lives: {type: integer}}}]
                Mixed:
                  type: object
                  properties: {name: {type: string}, a: {type: string}}
                  oneOf: [{required: [a]}, {type: object, properties: {b: {type: string}}, required: [b]}]
            """)
        // `Mixed`'s first alternative is any object, which composed would take every value and
        // write its stale copy of `name` over the object's: the union, with the warning.
        #expect(
            diagnostics.all.map(\.description) == [
                "spec.yaml:7:7: warning: properties and allOf beside oneOf are not generated yet; Lathe generates "
                    + "the oneOf alternatives [keyword-not-generated]",
                "spec.yaml:29:7: warning: properties and allOf beside oneOf are not generated yet; Lathe generates "
                    + "the oneOf alternatives [keyword-not-generated]",
            ], "\(diagnostics.all.map(\.description))")
        guard case .union = try type(module, "Weight").kind,
            case .object(let shipment) = try type(module, "Shipment").kind,
            case .union(let pet) = try type(module, "Pet").kind,
            case .object(let cat) = try type(module, "Cat").kind
        else {
            Issue.record("Weight and Pet are not unions, or Shipment and Cat not objects")
            return
        }
        #expect(shipment.composed.count == 1 && shipment.additionalProperties != .forbidden)
        #expect(pet.cases.count == 1)
        #expect(cat.properties.map(\.name.original) == ["name", "petType", "lives"])
    }

    /// No alternative of a union leads back to it through references and the unions it reaches:
    /// decoding it would decode the union again without end (a crash on any value). An extension
    /// that adds nothing to a polymorphic base (Dify's `StreamEventPing`) is an object, as one that
    /// adds something is; one that adds nothing to the `oneOf` listing it is that union, and left out
    /// of it with a component that only points at it (an object any object fits would take every
    /// value before the alternatives after it); of two unions that list each other, the alternative
    /// that closes the cycle is left out.
    @Test func noAlternativeIsTheUnionItself() throws {
        let (module, diagnostics) = try lowerWithDiagnostics(
            """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                Event:
                  type: object
                  required: [event]
                  properties: {event: {type: string}, id: {type: string}}
                  discriminator:
                    propertyName: event
                    mapping: {ping: '#/components/schemas/Ping', alias: '#/components/schemas/Alias'}
                Ping:
                  allOf: [{$ref: '#/components/schemas/Event'}, {description: Keeps the connection alive.}]
                Alias: {$ref: '#/components/schemas/Event'}
                Shape:
                  oneOf:
                    - $ref: '#/components/schemas/Square'
                    - $ref: '#/components/schemas/Dot'
                    - $ref: '#/components/schemas/Shape'
                    - {type: object, title: Circle, properties: {r: {type: number}}}
                Square:
                  allOf: [{$ref: '#/components/schemas/Shape'}, {description: A square.}]
                Dot: {$ref: '#/components/schemas/Shape'}
                A: {oneOf: [{$ref: '#/components/schemas/B'}, {type: string}]}
                B: {oneOf: [{$ref: '#/components/schemas/A'}, {type: integer}]}
            """)
        for name in ["Event", "Shape", "A", "B"] {
            let id = try type(module, name).id
            guard case .union(let union) = try type(module, name).kind else {
                Issue.record("\(name) is not a union")
                continue
            }
            let resolved = union.cases.map { alternative in
                guard case .named(let target) = alternative.type.nonNull, let alias = module.resolvedAliases[target]
                else { return alternative.type.nonNull }
                return alias.type.nonNull
            }
            #expect(!resolved.contains(.named(id)), "\(name): \(union.cases.map(\.name.original))")
        }
        guard case .object(let ping) = try type(module, "Ping").kind else {
            Issue.record("Ping is not an object")
            return
        }
        #expect(ping.properties.map(\.name.original) == ["event", "id"])
        guard case .union(let shape) = try type(module, "Shape").kind else { return }
        #expect(shape.cases.map(\.name.original) == ["Circle"])
        guard case .union(let a) = try type(module, "A").kind, case .union(let b) = try type(module, "B").kind else {
            Issue.record("A or B is not a union")
            return
        }
        #expect(a.cases.count == 2 && b.cases.map(\.type) == [.primitive(.int)])
        let warnings = diagnostics.all.map(\.description)
        #expect(
            warnings.filter { $0.contains("[recursive-alias]") }.map { $0.prefix(15) } == [
                "spec.yaml:18:11", "spec.yaml:19:11", "spec.yaml:20:11", "spec.yaml:26:17",
            ], "\(warnings)")
        #expect(warnings.contains { $0.contains("discriminator value 'alias' maps to a schema") })
    }

    /// A component's name selects it only where nothing more explicit selects another: a value the
    /// mapping gives another alternative, or one another alternative's own schema fixes, does not
    /// also select it by name (which came first in `oneOf` would otherwise decide); of two
    /// alternatives with one name, the first is selected by it. The others are tried in order.
    @Test func aNameSelectsOnlyWhatNothingMoreExplicitSelects() throws {
        let (module, diagnostics) = try lowerWithDiagnostics(
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            components:
              schemas:
                Cat: {type: object, properties: {kind: {type: string}}}
                Lion: {type: object, properties: {kind: {type: string}}}
                Dog: {type: object, properties: {kind: {type: string}}}
                Bird: {type: object, properties: {kind: {type: string}}}
                U:
                  oneOf:
                    - $ref: '#/components/schemas/Cat'
                    - $ref: '#/components/schemas/Lion'
                    - $ref: '#/components/schemas/Dog'
                    - {type: object, properties: {kind: {const: Dog}}}
                    - $ref: '#/components/schemas/Bird'
                    - $ref: '#/components/schemas/Bird'
                  discriminator: {propertyName: kind, mapping: {Cat: '#/components/schemas/Lion'}}
            """)
        guard case .union(let union) = try type(module, "U").kind else {
            Issue.record("U is not a union")
            return
        }
        #expect(union.cases.map(\.discriminatorValues) == [[], ["Cat"], [], ["Dog"], ["Bird"], []])
        let tried =
            ", so the discriminator cannot select it; Lathe tries it in order when 'kind' names no other "
            + "alternative [discriminator-ignored]"
        #expect(
            diagnostics.all.map(\.description) == [
                "spec.yaml:11:11: warning: the mapping selects another alternative by this one's name 'Cat'" + tried,
                "spec.yaml:13:11: warning: another alternative fixes 'kind' to this one's name 'Dog'" + tried,
                "spec.yaml:16:11: warning: an earlier alternative is selected by this one's name 'Bird'" + tried,
            ])
    }

    /// Integer and boolean values select as their JSON text, but name nothing: an inline
    /// alternative is named after the one value it fixes only when that is a string.
    @Test func numbersSelectButNameNothing() throws {
        let module = try lower(
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            components:
              schemas:
                U:
                  oneOf:
                    - {type: object, properties: {v: {type: integer, const: 2}}}
                    - {type: object, properties: {v: {type: boolean, enum: [true]}}}
                    - {type: object, properties: {v: {type: string, const: three}}}
                  discriminator: {propertyName: v}
            """)
        guard case .union(let union) = try type(module, "U").kind else {
            Issue.record("U is not a union")
            return
        }
        #expect(union.cases.map(\.discriminatorValues) == [["2"], ["true"], ["three"]])
        #expect(union.cases.map(\.name.swift) == ["case1", "case2", "three"])
    }

    /// Without a mapping, an alternative is selected by the values it fixes the property to, looking
    /// through `$ref`s and `allOf` (whose values intersect). A value several alternatives fix selects
    /// the one that fixes fewest (a subtype narrowing its base's enum), else none of them: a `$ref`
    /// then keeps its name, and an inline alternative is tried in order, with a warning.
    @Test func discriminatorValuesComeFromWhatEachAlternativeFixes() throws {
        let (module, diagnostics) = try lowerWithDiagnostics(
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            components:
              schemas:
                Kind: {type: string, enum: [a, b, c]}
                Base: {type: object, required: [kind], properties: {kind: {$ref: '#/components/schemas/Kind'}}}
                A: {allOf: [{$ref: '#/components/schemas/Base'}, {properties: {kind: {enum: [a, z]}}}]}
                B: {allOf: [{$ref: '#/components/schemas/Base'}, {properties: {kind: {const: b}}}]}
                C: {allOf: [{$ref: '#/components/schemas/Base'}]}
                D: {allOf: [{$ref: '#/components/schemas/Base'}]}
                U:
                  oneOf:
                    - $ref: '#/components/schemas/A'
                    - $ref: '#/components/schemas/B'
                    - $ref: '#/components/schemas/C'
                    - $ref: '#/components/schemas/D'
                    - {type: object, properties: {kind: {const: d}}}
                    - {type: object, properties: {kind: {type: string}}}
                    - {type: object, properties: {kind: {enum: [e, null]}}}
                    - {type: object, properties: {kind: {enum: [e]}}}
                  discriminator: {propertyName: kind}
            """)
        guard case .union(let union) = try type(module, "U").kind else {
            Issue.record("U is not a union")
            return
        }
        #expect(union.cases.map(\.discriminatorValues) == [["a"], ["b"], ["C"], ["D"], ["d"], [], [], []])
        #expect(union.cases.map(\.name.swift) == ["a", "b", "c", "d", "d2", "case6", "case7", "case8"])
        let tried =
            "Lathe tries it in order when 'kind' names no other alternative [discriminator-ignored]"
        #expect(
            diagnostics.all.map(\.description) == [
                "spec.yaml:18:11: warning: this alternative has no $ref and fixes no value of 'kind', so the "
                    + "discriminator cannot select it; " + tried,
                "spec.yaml:19:11: warning: the value 'e' of 'kind' that this alternative fixes selects another "
                    + "alternative too; " + tried,
                "spec.yaml:20:11: warning: the value 'e' of 'kind' that this alternative fixes selects another "
                    + "alternative too; " + tried,
            ])
    }

    @Test func boxingIsMinimal() throws {
        let module = try lower(
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            components:
              schemas:
                A: {type: object, properties: {b: {$ref: '#/components/schemas/B'}, many: {type: array, items: {$ref: '#/components/schemas/A'}}}}
                B: {type: object, properties: {a: {$ref: '#/components/schemas/A'}}}
                Plain: {type: object, properties: {a: {$ref: '#/components/schemas/A'}}}
            """)
        func boxed(_ name: String) throws -> [String] {
            guard case .object(let object) = try type(module, name).kind else { return [] }
            return object.properties.filter(\.isBoxed).map(\.name.original)
        }
        // One edge of the A ↔ B cycle is enough; arrays and types outside the cycle need nothing.
        #expect(try boxed("A") + boxed("B") == ["a"])
        #expect(try boxed("Plain") == [])
    }

    @Test func uriIsAURLOnlyWhereNoResponseReachesIt() throws {
        let module = try lower(
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths:
              /a:
                post:
                  requestBody: {content: {application/json: {schema: {$ref: '#/components/schemas/In'}}}}
                  responses:
                    '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Out'}}}}
            components:
              schemas:
                In: {type: object, properties: {link: {type: string, format: uri}}}
                Out: {type: object, properties: {link: {type: string, format: uri}, nested: {$ref: '#/components/schemas/Deep'}}}
                Deep: {type: object, properties: {link: {type: string, format: uri}}}
            """)
        func linkType(_ name: String) throws -> IRValueType? {
            guard case .object(let object) = try type(module, name).kind else { return nil }
            return object.properties.first { $0.name.original == "link" }?.type
        }
        #expect(try linkType("In") == .primitive(.url))
        #expect(try linkType("Out") == .primitive(.string))
        #expect(try linkType("Deep") == .primitive(.string))
    }

    @Test func inlineSchemasAreNamedWhereTheyStand() throws {
        let module = try lower(
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths:
              /orders:
                post:
                  operationId: createOrder
                  requestBody:
                    content:
                      application/json:
                        schema: {type: object, properties: {lines: {type: array, items: {type: object, properties: {sku: {type: string}}}}}}
                  responses:
                    '201': {description: ok, content: {application/json: {schema: {type: object, properties: {id: {type: string}}}}}}
            components:
              schemas:
                Line: {type: object}
            """)
        let names = module.types.map { module.qualifiedName($0.id) }.sorted()
        // `Line` is taken at the top level, so the nested item type falls back to `LinesItem`.
        #expect(names == ["CreateOrderRequest", "CreateOrderRequest.LinesItem", "CreateOrderResponse", "Line"])
    }

    @Test func sourcesKeepLocationPointerAndNames() throws {
        let module = try lower(
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            components:
              schemas:
                purchase_order: {type: object, properties: {line_total: {type: number}, "a/b": {type: string}}}
            """)
        let order = try type(module, "PurchaseOrder")
        #expect(order.name == IRName(original: "purchase_order", swift: "PurchaseOrder"))
        #expect(
            order.source
                == IRSource(file: "spec.yaml", line: 5, column: 21, pointer: "/components/schemas/purchase_order"))
        guard case .object(let object) = order.kind else {
            Issue.record("not an object")
            return
        }
        #expect(object.properties[0].name == IRName(original: "line_total", swift: "lineTotal"))
        #expect(object.properties[0].source.pointer == "/components/schemas/purchase_order/properties/line_total")
        // Properties share their object's part of the pointer, and still compare as whole sources.
        #expect(
            object.properties[1].source
                == IRSource(
                    file: "spec.yaml", line: 5, column: 77,
                    pointer: "/components/schemas/purchase_order/properties/a~1b"))
        #expect(object.properties[1].source.description == "#/components/schemas/purchase_order/properties/a~1b")
        let whole = IRSource(
            file: "spec.yaml", line: 5, column: 77, pointer: "/components/schemas/purchase_order/properties/a~1b")
        #expect(object.properties[1].source.hashValue == whole.hashValue)
        // Changing a shared source's file or document keeps its whole pointer.
        var moved = object.properties[1].source
        moved.file = "other.yaml"
        moved.document = "other.yaml"
        #expect(moved.pointer == whole.pointer && moved.file == "other.yaml" && moved.document == "other.yaml")
        #expect(object.properties[1].source == whole)
    }

    @Test func sourcesChangeLikeValues() {
        var source = IRSource(file: "a.yaml", line: 3, column: 4, pointer: "/x", document: "")
        let copy = source
        source.pointer = "/y"
        source.line = 9
        source.document = "b.yaml"
        #expect(copy == IRSource(file: "a.yaml", line: 3, column: 4, pointer: "/x"))
        #expect(source.pointer == "/y" && source.line == 9 && source.column == 4 && source.document == "b.yaml")
        #expect(source.file == "a.yaml" && source.location == SpecLocation(file: "a.yaml", line: 9, column: 4))
        #expect(Set([source, copy, copy]).count == 2)
    }
}

/// Multipart bodies: parts from an object schema and its `encoding`, and located warnings where
/// Lathe falls back to raw bytes.
struct MultipartLoweringTests {
    static let spec = """
        openapi: 3.1.0
        info: {title: T, version: '1'}
        paths:
          /a:
            post:
              requestBody:
                content:
                  multipart/form-data:
                    schema:
                      type: object
                      required: [doc]
                      properties:
                        doc: {type: string, format: binary}
                        pages: {type: array, maxItems: 2, items: {type: string, format: binary}}
                        label: {type: string}
                        scan: {type: string}
                    encoding:
                      scan: {contentType: image/tiff}
                      label: {headers: {X-Lang: {schema: {type: string}}}}
                      ghost: {contentType: text/plain}
                  multipart/mixed:
                    schema: {type: string}
              responses: {'204': {description: ok}}
        """

    @Test func partsComeFromPropertiesAndEncoding() throws {
        let loaded = OpenAPILoader.load(bytes: Array(Self.spec.utf8), path: "spec.yaml")
        let lowered = Lowering.lower(try #require(loaded.document), specName: "spec.yaml")
        let contents = try #require(lowered.module.operations.first?.requestBody?.contents)
        let parts = try #require(contents.first?.multipart?.parts)
        #expect(parts.map(\.name.original) == ["doc", "pages", "label", "scan"])
        #expect(parts.map(\.isFile) == [true, true, false, true])
        #expect(parts.map(\.isRepeated) == [false, true, false, false])
        #expect(parts.map(\.isRequired) == [true, false, false, false])
        #expect(parts[1].constraints.maxItems == 2)
        #expect(parts[2].headers.map(\.name.original) == ["X-Lang"] && parts[2].headersTypeName == "LabelHeaders")
        #expect(parts[3].contentType == "image/tiff")
        #expect(contents[1].multipart == nil)
        #expect(
            lowered.diagnostics.all.map(\.description) == [
                "spec.yaml:20:22: warning: 'encoding' names 'ghost', which is not a property of the body's schema "
                    + "[encoding-unknown-property]",
                "spec.yaml:22:21: warning: Lathe types the parts of multipart bodies whose schema is an object "
                    + "with properties; this one is passed through as raw bytes [multipart-untyped]",
            ])
    }
}

/// A form body's Encoding objects: a member with `style`, `explode` or `allowReserved` is written
/// as a query parameter (the style's defaults as a query's), the others by content type; a
/// `deepObject` past objects of scalars is said once for the spec, however many operations share
/// the body; a style no query takes is `form`.
struct FormStyleLoweringTests {
    @Test func styledMembersAreReadFromEncoding() throws {
        let spec = """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths:
              /a:
                post:
                  requestBody: {$ref: '#/components/requestBodies/Customer'}
                  responses: {'204': {description: ok}}
              /b:
                post:
                  requestBody: {$ref: '#/components/requestBodies/Customer'}
                  responses: {'204': {description: ok}}
            components:
              requestBodies:
                Customer:
                  content:
                    application/x-www-form-urlencoded:
                      schema:
                        type: object
                        properties:
                          address: {type: object, properties: {city: {type: string}}}
                          lines: {type: array, items: {type: object, properties: {price: {type: string}}}}
                          tags: {type: array, items: {type: string}}
                          code: {type: string}
                          shipping: {type: object, properties: {carrier: {type: string}}}
                          kind: {type: string, enum: [a, b]}
                          billing: {type: object, properties: {zip: {type: string}}}
                      encoding:
                        address: {style: deepObject, explode: true}
                        lines: {style: deepObject}
                        tags: {style: spaceDelimited}
                        code: {allowReserved: true}
                        shipping: {contentType: application/json}
                        kind: {style: matrix}
                        ghost: {style: form}
                        billing: {explode: true}
            """
        let loaded = OpenAPILoader.load(bytes: Array(spec.utf8), path: "spec.yaml")
        let lowered = Lowering.lower(try #require(loaded.document), specName: "spec.yaml")
        for operation in lowered.module.operations {
            let styles = try #require(operation.requestBody?.contents.first?.formStyles)
            #expect(styles.map(\.name) == ["address", "lines", "tags", "code", "kind", "billing"])
            #expect(styles.map(\.style) == ["deepObject", "deepObject", "spaceDelimited", "form", "form", "form"])
            #expect(styles.map(\.explode) == [true, false, false, true, true, true])
            #expect(styles.map(\.allowReserved) == [false, false, false, true, false, false])
            #expect(styles.map(\.shape) == [.object, .array, .array, .primitive, .primitive, .object])
            // An exploded form object's pairs are its properties' (an enum under deepObject is text).
            #expect(styles.map(\.keys) == [nil, nil, nil, nil, nil, ["zip"]])
        }
        #expect(
            lowered.diagnostics.all.map(\.description) == [
                "spec.yaml:33:27: warning: style 'matrix' is not a query style, which a form member takes; Lathe "
                    + "writes it with style 'form' [style-not-allowed]",
                "spec.yaml:34:20: warning: 'encoding' names 'ghost', which is not a property of the body's schema "
                    + "[encoding-unknown-property]",
                "spec.yaml:29:28: warning: a form member's style is 'deepObject' on a list or an object holding "
                    + "lists or objects, which OpenAPI leaves undefined; Lathe writes nested members as "
                    + "name[key][inner]=… and list items as name[0]=…, as Stripe and the qs library do "
                    + "[deep-object-nested]",
            ])
    }
}

extension MultipartLoweringTests {
    /// A part whose schema gives no type is bytes (OpenAPI 3.1's Encoding object: "for all other
    /// cases the default is application/octet-stream"), as Karakeep's `file: {}` upload needs: a
    /// file, alone, as an array's items, or through a `$ref`. A `contentType` given for it, or an
    /// object or text part, stays what it was.
    @Test func aPartWithNoTypeIsBytes() throws {
        let spec = """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths:
              /a:
                post:
                  operationId: a
                  requestBody:
                    content:
                      multipart/form-data:
                        schema: {$ref: '#/components/schemas/Upload'}
                        encoding:
                          data: {contentType: application/json}
                  responses: {'204': {description: ok}}
            components:
              schemas:
                Anything: {description: any value}
                Upload:
                  type: object
                  required: [file]
                  properties:
                    file: {description: the file}
                    files: {type: array, items: {}}
                    scan: {$ref: '#/components/schemas/Anything'}
                    data: {}
                    meta: {type: object, properties: {a: {type: string}}}
                    note: {type: string}
            """
        let module = try LoweringTests().lower(spec)
        let parts = try #require(module.operations.first?.requestBody?.contents.first?.multipart?.parts)
        #expect(parts.map(\.name.original) == ["file", "files", "scan", "data", "meta", "note"])
        #expect(parts.map(\.isFile) == [true, true, true, false, false, false])
        #expect(parts.map(\.isRepeated) == [false, true, false, false, false, false])
        #expect(parts[0].type == .primitive(.binaryData) && parts[0].isRequired)
        #expect(parts[3].type == .primitive(.jsonValue) && parts[3].contentType == "application/json")
    }
}

extension MultipartLoweringTests {
    /// A `$ref` to a string is what the inline string is: a `{format: binary}` part is a file (it
    /// was sent as base64 text), an array of them files (counted by the array's constraints), text a `String` sent as it is (it was JSON,
    /// quotes and all), and an event's data its text.
    @Test func referencesToStringsAreReadAsTheStringsAre() throws {
        let spec = """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths:
              /a:
                post:
                  operationId: a
                  requestBody:
                    content:
                      multipart/form-data:
                        schema:
                          type: object
                          properties:
                            image: {$ref: '#/components/schemas/Image'}
                            images: {type: array, items: {$ref: '#/components/schemas/Image'}}
                            album: {$ref: '#/components/schemas/Album'}
                            token: {$ref: '#/components/schemas/Token'}
                      text/plain: {schema: {$ref: '#/components/schemas/Token'}}
                  responses:
                    '200':
                      description: ok
                      content:
                        text/event-stream:
                          itemSchema:
                            oneOf:
                              - {properties: {event: {const: note}, data: {$ref: '#/components/schemas/Token'}}}
            components:
              schemas:
                Image: {type: string, format: binary}
                Album: {type: array, maxItems: 2, items: {$ref: '#/components/schemas/Image'}}
                Token: {type: string}
            """
        let module = try LoweringTests().lower(spec)
        let operation = try #require(module.operations.first)
        let contents = try #require(operation.requestBody?.contents)
        let parts = try #require(contents.first?.multipart?.parts)
        #expect(parts.map(\.isFile) == [true, true, true, false])
        #expect(parts.map(\.isRepeated) == [false, true, true, false])
        // The alias's count is the parts' count.
        #expect(parts[2].constraints.maxItems == 2)
        #expect(contents[1].isPlainText && contents[1].type == .primitive(.string))
        let events = try #require(operation.responses.first?.contents.first?.eventData)
        #expect(events.cases.map(\.type) == [.primitive(.string)])
    }
}

extension MultipartLoweringTests {
    /// More of what a `$ref` reaches read as the inline schema: a multipart body that is an alias
    /// of an object has parts; a parameter list of nullable items behind a `$ref` loses the null
    /// items as an inline one does; a referenced schema's default is the parameter's (also through
    /// `allOf: [$ref]` with a description); text whose
    /// string has a format or is an enum's is the text itself; `default: null` on a parameter is
    /// none (a parameter cannot carry null).
    @Test func moreReferencesAreReadAsTheSchemasTheyReach() throws {
        let spec = """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths:
              /a:
                post:
                  operationId: a
                  parameters:
                    - {name: ids, in: query, schema: {$ref: '#/components/schemas/Ids'}}
                    - {name: q, in: query, schema: {type: [string, 'null'], default: null}}
                    - {name: sort, in: query, schema: {$ref: '#/components/schemas/Sort'}}
                    - {name: order, in: query, schema: {allOf: [{$ref: '#/components/schemas/Sort'}], description: D}}
                    - {name: by, in: query, schema: {allOf: [{$ref: '#/components/schemas/Sort'}], enum: [asc]}}
                  requestBody:
                    content:
                      multipart/form-data: {schema: {$ref: '#/components/schemas/Upload'}}
                      text/plain: {schema: {type: string, format: uuid}}
                  responses:
                    '200':
                      description: ok
                      content:
                        text/plain: {schema: {$ref: '#/components/schemas/Sort'}}
            components:
              schemas:
                Ids: {type: array, maxItems: 3, items: {type: [string, 'null']}}
                Sort: {type: string, enum: [asc, desc], default: asc}
                Form: {type: object, properties: {file: {type: string, format: binary}}}
                Upload: {allOf: [{$ref: '#/components/schemas/Form'}], description: An upload.}
            """
        let (module, diagnostics) = try LoweringTests().lowerWithDiagnostics(spec)
        let operation = try #require(module.operations.first)
        #expect(operation.parameters.first?.type == .array(.primitive(.string)))
        #expect(operation.parameters.first?.constraints.maxItems == 3)
        #expect(diagnostics.all.contains { $0.kind == "parameter-null-item" })
        // Through a documented alias too; not through an allOf that adds constraints of its own.
        #expect(operation.parameters.map(\.defaultValue) == [nil, nil, .string("asc"), .string("asc"), nil])
        let contents = try #require(operation.requestBody?.contents)
        #expect(contents[0].multipart?.parts.map(\.isFile) == [true])
        #expect(contents[1].isPlainText && contents[1].type == .primitive(.string))
        #expect(operation.responses.first?.contents.first?.isPlainText == true)
    }
}

extension MultipartLoweringTests {
    /// `*/*` (springdoc's default) or `application/*` whose schema is an object, a list or a number
    /// is JSON, sent as `application/json`, with one warning for the spec; with a string or bytes it
    /// stays raw bytes, sent as `application/octet-stream` (`*/*` names no type a body has).
    @Test func mediaRangesWithJSONSchemasAreJSON() throws {
        let spec = """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths:
              /a:
                post:
                  operationId: a
                  requestBody:
                    content:
                      '*/*': {schema: {type: object, properties: {n: {type: integer}}}}
                  responses:
                    '200':
                      description: ok
                      content:
                        '*/*': {schema: {type: string, format: binary}}
                        'application/*': {schema: {type: array, items: {type: string}}}
            """
        let (module, diagnostics) = try LoweringTests().lowerWithDiagnostics(spec)
        let operation = try #require(module.operations.first)
        let request = try #require(operation.requestBody?.contents.first)
        #expect(request.kind == .json && request.sentContentType == "application/json" && request.caseName == "any")
        let response = try #require(operation.responses.first?.contents)
        #expect(response.map(\.kind) == [.binary, .json])
        #expect(response.map(\.sentContentType) == ["application/octet-stream", "application/json"])
        #expect(
            diagnostics.all.filter { $0.kind == "media-range-as-json" }.map(\.description) == [
                "spec.yaml:9:18: warning: 2 bodies' media types are ranges (`*/*`, `application/*`) whose schema is "
                    + "JSON's own (an object, a list, a number, a boolean, an enum); Lathe reads them from JSON and "
                    + "sends them as application/json [media-range-as-json]"
            ])
    }
}

/// What `allOf` combines and what defaults Lathe applies, and the warnings for what it cannot.
struct AllOfAndDefaultLoweringTests {
    /// The spec lowered, its object `Holder`, and the diagnostics as printed.
    func holder(_ yaml: String) throws -> (IRModule, IRObject, [String]) {
        let loaded = OpenAPILoader.load(bytes: Array(yaml.utf8), path: "spec.yaml")
        let (module, diagnostics) = Lowering.lower(try #require(loaded.document), specName: "spec.yaml")
        let holder = try #require(module.types.first { module.qualifiedName($0.id) == "Holder" })
        guard case .object(let object) = holder.kind else { throw HolderIsNotAnObject() }
        return (module, object, diagnostics.all.map(\.description))
    }

    struct HolderIsNotAnObject: Error {}

    /// The property `name` of `object`.
    func property(_ name: String, of object: IRObject) throws -> IRProperty {
        try #require(object.properties.first { $0.name.original == name })
    }

    /// `allOf` of one primitive with limits of its own (in 3.1, a `$ref` with constraints beside it):
    /// every limit holds, the stricter of two wins whichever side it is on, and of two patterns (which
    /// one position cannot check together) the first in `allOf` order, the target's, is kept, with a
    /// warning.
    @Test func constraintsBesideAReferenceAllHold() throws {
        let yaml = """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths:
              /a: {get: {operationId: a, responses: {'200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Holder'}}}}}}}
            components:
              schemas:
                Outer: {$ref: '#/components/schemas/Middle', maxLength: 5}
                Middle: {$ref: '#/components/schemas/Inner', minLength: 2}
                Inner: {type: string, maxLength: 10, pattern: '^[a-z]+$'}
                Holder:
                  type: object
                  properties:
                    outer: {$ref: '#/components/schemas/Outer'}
                    looser: {$ref: '#/components/schemas/Inner', maxLength: 20}
                    both: {allOf: [{type: integer, minimum: 1}, {type: integer, minimum: 0, maximum: 9}]}
                    patterns: {$ref: '#/components/schemas/Inner', pattern: '^[a-c]+$'}
                    mixed: {allOf: [{type: string, maxLength: 3}, {type: integer, minimum: 1}]}
                    counted: {type: integer, allOf: [{minimum: 1}, {maximum: 9}]}
                    address: {type: [string, 'null'], allOf: [{maxLength: 39}, {minLength: 2}]}
                    positive: {type: integer, allOf: [{minimum: 1}]}
                    idLater: {type: string, allOf: [{maxLength: 40}, {type: string, format: uuid}]}
                    stampFirst: {type: string, allOf: [{$ref: '#/components/schemas/Stamp'}, {maxLength: 40}]}
                    stampLater: {type: string, allOf: [{maxLength: 40}, {$ref: '#/components/schemas/Stamp'}]}
                    formatOnly: {type: string, allOf: [{maxLength: 40}, {format: uuid}]}
                Stamp: {type: string, format: date-time}
            """
        let (module, object, warnings) = try holder(yaml)
        func constraints(_ name: String) -> IRConstraints? {
            guard let property = object.properties.first(where: { $0.name.original == name }) else { return nil }
            guard case .named(let id) = property.type.nonNull, let alias = module.resolvedAliases[id] else {
                return property.constraints
            }
            return alias.constraints.overlaid(with: property.constraints)
        }
        #expect(constraints("outer")?.minLength == 2)
        #expect(constraints("outer")?.maxLength == 5)
        #expect(constraints("outer")?.pattern == "^[a-z]+$")
        #expect(constraints("looser")?.maxLength == 10)
        #expect(constraints("both")?.minimum == "1")
        #expect(constraints("both")?.maximum == "9")
        #expect(constraints("patterns")?.pattern == "^[a-z]+$")
        // A type beside members that only limit it (3GPP's `Ipv6Addr`) is the type they limit:
        // not the first member's (none, read as a number), with every member's constraints.
        let property = { (name: String) in object.properties.first { $0.name.original == name }?.type }
        #expect(property("counted") == .primitive(.int))
        #expect(constraints("counted")?.minimum == "1" && constraints("counted")?.maximum == "9")
        #expect(property("address") == .nullable(.primitive(.string)))
        #expect(constraints("address")?.minLength == 2 && constraints("address")?.maxLength == 39)
        #expect(property("positive") == .primitive(.int) && constraints("positive")?.minimum == "1")
        // The member with a format or a reference says what the value is, wherever it stands.
        #expect(property("idLater") == .primitive(.uuid) && constraints("idLater")?.maxLength == 40)
        let stamp = try #require(module.types.first { $0.name.swift == "Stamp" }).id
        #expect(property("stampFirst") == .named(stamp) && property("stampLater") == .named(stamp))
        #expect(constraints("stampLater")?.maxLength == 40)
        // A format is the type beside it, that format.
        #expect(property("formatOnly") == .primitive(.uuid) && constraints("formatOnly")?.maxLength == 40)
        #expect(
            warnings.contains {
                $0.contains(
                    "allOf asks for more than one pattern; Lathe checks only the first [allof-constraint-dropped]")
            })
        // A string and an integer at once is no value: still the located allof-not-objects reading.
        #expect(warnings.contains { $0.contains("[allof-not-objects]") })
        #expect(warnings.count == 2, "\(warnings)")
    }

    /// drf-spectacular's choice field, `{allOf: [$ref: KindEnum], minimum: -2147483648, maximum:
    /// 2147483647}` (LibreTime's `import_status`): bounds that admit every value of the enumeration
    /// are the enumeration, with no warning; bounds that leave a value out, or a pattern, are still
    /// the located reading.
    @Test func boundsBesideAnEnumerationTheyAdmitAreTheEnumeration() throws {
        let (module, object, warnings) = try holder(
            """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                Holder:
                  type: object
                  properties:
                    status: {allOf: [{$ref: '#/components/schemas/KindEnum'}], minimum: -2147483648, maximum: 2147483647}
                    code: {allOf: [{$ref: '#/components/schemas/CodeEnum'}], maxLength: 2}
                    narrow: {allOf: [{$ref: '#/components/schemas/KindEnum'}], exclusiveMaximum: 2}
                    patterned: {allOf: [{$ref: '#/components/schemas/CodeEnum'}], pattern: '^[a-z]+$'}
                KindEnum: {type: integer, enum: [0, 1, 2]}
                CodeEnum: {type: string, enum: [ab, c]}
            """)
        let kind = try #require(module.types.first { $0.name.swift == "KindEnum" }).id
        let code = try #require(module.types.first { $0.name.swift == "CodeEnum" }).id
        #expect(object.properties.map(\.type) == [.named(kind), .named(code), .named(kind), .named(code)])
        // Only `narrow` (2 is past its bound) and `patterned` are warned of, each where it stands.
        #expect(warnings.count == 2, "\(warnings)")
        #expect(warnings.first?.hasPrefix("spec.yaml:11:") == true && warnings.last?.hasPrefix("spec.yaml:12:") == true)
        #expect(warnings.allSatisfy { $0.hasSuffix("[allof-not-objects]") })
    }

    /// A `type` beside a `$ref` that restates the reference's type adds nothing; one that names
    /// another type asks for a value none is, and is a located warning, never dropped silently.
    @Test func aTypeBesideAReferenceThatContradictsItIsAWarning() throws {
        let yaml = """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                Code: {type: string, maxLength: 4}
                Count: {type: integer}
                Thing: {type: object, properties: {x: {type: string}}}
                Holder:
                  type: object
                  properties:
                    restated: {allOf: [{$ref: '#/components/schemas/Code'}, {type: string}]}
                    widened: {allOf: [{$ref: '#/components/schemas/Count'}, {type: number}]}
                    nullable: {allOf: [{$ref: '#/components/schemas/Code'}, {type: [string, 'null']}]}
                    contradicted: {allOf: [{$ref: '#/components/schemas/Code'}, {type: integer}]}
                    notAnObject: {allOf: [{$ref: '#/components/schemas/Thing'}, {type: string}]}
            """
        let (module, object, warnings) = try holder(yaml)
        func typeName(_ property: String) -> String? {
            guard let found = object.properties.first(where: { $0.name.original == property }),
                case .named(let id) = found.type.nonNull
            else { return nil }
            return module.qualifiedName(id)
        }
        #expect(typeName("contradicted") == "Code")
        #expect(typeName("notAnObject") == "Thing")
        #expect(
            warnings == [
                "spec.yaml:14:72: warning: this null beside a reference to a type that does not allow null is no "
                    + "value JSON Schema admits (it asks for both); Lathe reads the value as nullable, as 'null' here "
                    + "says [null-beside-reference]",
                "spec.yaml:15:69: warning: allOf asks for a value of type integer that is also 'Code', of type "
                    + "string; no value is both, so Lathe ignores this member [allof-type-conflict]",
                "spec.yaml:16:69: warning: allOf asks for a value of type string that is also 'Thing', of type "
                    + "object; no value is both, so Lathe ignores this member [allof-type-conflict]",
            ], "\(warnings)")
    }

    /// The same for a primitive `type` beside the `allOf` (OpenMeter's `{type: string, nullable:
    /// true, allOf: [$ref: DateTime]}`): it restates the reference, null is kept, and one that
    /// contradicts it is that warning, not `allof-not-objects`. Constraints beside one reference
    /// limit it.
    @Test func aTypeBesideTheAllOfRestatesItsReference() throws {
        let yaml = """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                Stamp: {type: string, format: date-time}
                Code: {type: string, maxLength: 4}
                Count: {type: integer}
                Holder:
                  type: object
                  properties:
                    stamp: {type: string, nullable: true, allOf: [{$ref: '#/components/schemas/Stamp'}]}
                    count: {type: integer, minimum: 2, allOf: [{$ref: '#/components/schemas/Count'}]}
                    short: {allOf: [{$ref: '#/components/schemas/Code'}], minLength: 2}
                    contradicted: {type: integer, allOf: [{$ref: '#/components/schemas/Code'}]}
            """
        let (module, object, warnings) = try holder(yaml)
        func typeName(_ type: IRValueType) -> String? {
            guard case .named(let id) = type.nonNull else { return nil }
            return module.qualifiedName(id)
        }
        let stamp = try property("stamp", of: object)
        #expect(stamp.type.isNullable && typeName(stamp.type) == "Stamp")
        let count = try property("count", of: object), short = try property("short", of: object)
        let contradicted = try property("contradicted", of: object)
        #expect(typeName(count.type) == "Count" && count.constraints.minimum == "2")
        #expect(short.constraints.minLength == 2)
        #expect(typeName(contradicted.type) == "Code")
        #expect(
            warnings == [
                "spec.yaml:15:23: warning: allOf asks for a value of type integer that is also 'Code', of type "
                    + "string; no value is both, so Lathe ignores the type beside it [allof-type-conflict]"
            ], "\(warnings)")
    }

    /// `type: object` beside an `allOf` with a member of another type and one with properties
    /// (Neynar's `parent_author: {type: object, allOf: [$ref: Fid, {properties: {fid}}]}`, `Fid` an
    /// integer): no value is both; the object is what the type beside and the properties say, the
    /// member of the other type is left out with a warning. With no other member, nothing is.
    @Test func anObjectBesideAnAllOfLeavesOutAMemberOfAnotherType() throws {
        let yaml = """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                Fid: {type: integer, format: int32}
                Holder:
                  type: object
                  properties:
                    author:
                      type: object
                      allOf:
                        - $ref: '#/components/schemas/Fid'
                        - {type: string}
                        - {required: [fid], properties: {fid: {type: string, nullable: true}}}
                    only: {type: object, allOf: [{$ref: '#/components/schemas/Fid'}]}
                    child: {allOf: [{$ref: '#/components/schemas/Parent'}, {properties: {x: {type: string}}}]}
                Parent: {type: object, allOf: [{$ref: '#/components/schemas/Fid'}, {properties: {fid: {type: integer}}}]}
            """
        let (module, object, warnings) = try holder(yaml)
        let author = try property("author", of: object)
        guard case .named(let id) = author.type, case .object(let merged) = module[id].kind else {
            Issue.record("author is \(author.type)")
            return
        }
        #expect(merged.properties.map(\.name.original) == ["fid"])
        // Merged into an extension, the member of another type is left out too.
        let child = try property("child", of: object)
        guard case .named(let childID) = child.type, case .object(let extended) = module[childID].kind else {
            Issue.record("child is \(child.type)")
            return
        }
        #expect(extended.properties.map(\.name.original) == ["fid", "x"])
        let only = try property("only", of: object)
        #expect(only.type == .named(try #require(module.types.first { module.qualifiedName($0.id) == "Fid" }?.id)))
        #expect(
            warnings.filter { $0.contains("allof") && !$0.contains("spec.yaml:18:") } == [
                "spec.yaml:13:15: warning: allOf asks for an object (the type beside it) that is also 'Fid', of type "
                    + "integer; no value is both, so Lathe leaves this member out and reads the object "
                    + "[allof-type-conflict]",
                "spec.yaml:14:15: warning: allOf asks for an object (the type beside it) that is also a value of type "
                    + "string; no value is both, so Lathe leaves this member out and reads the object "
                    + "[allof-type-conflict]",
                "spec.yaml:16:15: warning: allOf combines schemas that are not all objects; Lathe uses the first "
                    + "one's type [allof-not-objects]",
            ], "\(warnings)")
    }

    /// `{$ref: Stamp, type: [string, 'null']}` in 3.1 (and its `allOf` spelling) asks for a value
    /// that is both, which null is not; the `null` says what was meant: nullable, with a warning.
    /// A reference to a type that admits null already needs neither.
    @Test func nullBesideAReferenceIsNullable() throws {
        let yaml = """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                Stamp: {type: string, format: date-time}
                Maybe: {type: [string, 'null']}
                MaybeStamp: {allOf: [{$ref: '#/components/schemas/Stamp'}, {type: [string, 'null']}]}
                Holder:
                  type: object
                  required: [sibling, member, maybe, viaComponent, later]
                  properties:
                    sibling: {$ref: '#/components/schemas/Stamp', type: [string, 'null']}
                    member: {allOf: [{$ref: '#/components/schemas/Stamp'}, {type: [string, 'null']}]}
                    maybe: {$ref: '#/components/schemas/Maybe', type: [string, 'null']}
                    viaComponent: {$ref: '#/components/schemas/MaybeStamp'}
                    later: {$ref: '#/components/schemas/ZStamp', type: [string, 'null']}
                ZStamp: {type: string, format: date}
            """
        let (module, object, warnings) = try holder(yaml)
        func type(_ name: String) throws -> IRValueType { try property(name, of: object).type }
        func id(_ name: String) throws -> IRTypeID {
            try #require(module.types.first { module.qualifiedName($0.id) == name }).id
        }
        #expect(try type("sibling") == .nullable(.named(id("Stamp"))))
        #expect(try type("member") == .nullable(.named(id("Stamp"))))
        #expect(try !type("maybe").nonNull.isNullable)
        #expect(try type("viaComponent") == .nullable(.named(id("MaybeStamp"))))
        // Declared after the object that refers to it, so lowered after it: the same reading.
        #expect(try type("later") == .nullable(.named(id("ZStamp"))))
        #expect(warnings.count == 4 && warnings.allSatisfy { $0.hasSuffix("[null-beside-reference]") }, "\(warnings)")
        #expect(
            warnings.contains { $0.hasPrefix("spec.yaml:13:61: warning: this null beside a reference") }, "\(warnings)")
    }

    /// A required property the object's own example gives as null, where its schema does not
    /// allow null (Meilisearch's `canceledBy`), is nullable: what the server sends decodes. An
    /// optional one stays as it is (a client reads its null as absent), and so does one that
    /// already admits null.
    @Test func aRequiredPropertyItsExampleGivesAsNullIsNullable() throws {
        let yaml = """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                Count: {type: integer}
                Holder:
                  type: object
                  required: [canceledBy, count, note, any, declaredLater, anyLater]
                  examples:
                    - {canceledBy: null, count: null, note: null, any: null, later: null, declaredLater: null, anyLater: null}
                  properties:
                    canceledBy: {type: integer}
                    count: {$ref: '#/components/schemas/Count'}
                    note: {type: [string, 'null']}
                    any: {}
                    later: {type: string}
                    declaredLater: {$ref: '#/components/schemas/ZCount'}
                    anyLater: {$ref: '#/components/schemas/ZAny'}
                ZCount: {type: object, properties: {n: {type: integer}}}
                ZAny: {description: any value}
            """
        let (_, object, warnings) = try holder(yaml)
        func type(_ name: String) throws -> IRValueType { try property(name, of: object).type }
        #expect(try type("canceledBy") == .nullable(.primitive(.int)))
        #expect(try type("count").isNullable)
        #expect(try type("note") == .nullable(.primitive(.string)))
        #expect(try type("any") == .primitive(.jsonValue))
        #expect(try type("later") == .primitive(.string))
        // Lowered after `Holder`, the same readings as if lowered before it.
        #expect(try type("declaredLater").isNullable)
        #expect(try !type("anyLater").isNullable)
        #expect(warnings.count == 3, "\(warnings)")
        #expect(
            Array(warnings.prefix(2)) == [
                "spec.yaml:11:24: warning: this example gives 'canceledBy' as null, which its schema does not allow; "
                    + "Lathe reads the property as nullable, as the example shows it [example-null]",
                "spec.yaml:11:37: warning: this example gives 'count' as null, which its schema does not allow; "
                    + "Lathe reads the property as nullable, as the example shows it [example-null]",
            ], "\(warnings)")
    }

    /// Example date-times without a UTC offset, a schema's own or an object's for its date-time
    /// properties, are said once, at the first, with how many others there are: a client reads
    /// them only in the time zone its configuration names. Strings that are not date-times, and
    /// date-times with an offset, are not counted.
    @Test func exampleDateTimesWithoutOffsetAreSaidOnce() throws {
        let yaml = """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths:
              /a:
                parameters: [{name: since, in: query, schema: {type: string, format: date-time, example: '2025-09-29T10:00:00'}}]
                get: {operationId: a, responses: {'204': {description: ok}}}
                put: {operationId: b, responses: {'204': {description: ok}}}
            components:
              schemas:
                Holder:
                  type: object
                  example: {at: '2025-09-29T10:00:00.5', note: '2025-09-29T10:00:00', zoned: '2025-09-29T10:00:00Z'}
                  properties:
                    at: {type: string, format: date-time}
                    note: {type: string}
                    zoned: {type: [string, 'null'], format: date-time, example: '2025-09-29T10:00:00+02:00'}
                    own: {type: string, format: date-time, examples: ['2025-09-29 10:00:00', '2025-09-29T10:00Z']}
                Plain: {type: string, example: '2025-09-29T10:00:00'}
            """
        let (_, _, warnings) = try holder(yaml)
        #expect(
            warnings == [
                "spec.yaml:17:59: warning: the example date-time '2025-09-29 10:00:00' has no UTC offset, which "
                    + "RFC 3339 requires (nor do 2 other examples); if the server sends date-times so, a generated "
                    + "client fails to decode them unless its ClientConfiguration.timeZoneForDateTimesWithoutOffset "
                    + "names the time zone they are in [date-time-without-offset]"
            ], "\(warnings)")
        #expect(Schema.isDateTimeWithoutOffset("2025-09-29T10:00:00"))
        #expect(Schema.isDateTimeWithoutOffset("2025-09-29t10:00:00.123456"))
        for text in ["2025-09-29T10:00:00Z", "2025-09-29T10:00:00.", "2025-09-29T10:00", "2025-09-29", "yesterday"] {
            #expect(!Schema.isDateTimeWithoutOffset(text), "\(text)")
        }
    }

    /// An `allOf` base's example speaks for the properties an object takes from it: a required one
    /// the base shows as null is nullable in the object too, with the one warning the base gets.
    @Test func aBaseExampleGivesNullToTheObjectsThatExtendIt() throws {
        let yaml = """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                TaskBase:
                  type: object
                  required: [canceledBy]
                  example: {canceledBy: null}
                  properties: {canceledBy: {type: integer}}
                Holder:
                  allOf:
                    - $ref: '#/components/schemas/TaskBase'
                    - type: object
                      required: [uid]
                      example: {uid: 3}
                      properties: {uid: {type: integer}}
            """
        let (_, object, warnings) = try holder(yaml)
        #expect(try property("canceledBy", of: object).type == .nullable(.primitive(.int)))
        #expect(try property("uid", of: object).type == .primitive(.int))
        #expect(
            warnings == [
                "spec.yaml:9:29: warning: this example gives 'canceledBy' as null, which its schema does not allow; "
                    + "Lathe reads the property as nullable, as the example shows it [example-null]"
            ])
    }

    /// An enclosing object's example speaks for the inline objects below it, through lists (Personio's
    /// request example gives `attendances[0].comment` as null where `comment` is a required string);
    /// not through a `$ref`, a schema other places share.
    @Test func anEnclosingExampleGivesNullToTheInlineObjectsBelowIt() throws {
        let yaml = """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                Shared:
                  type: object
                  required: [note]
                  properties: {note: {type: string}}
                Holder:
                  type: object
                  example:
                    attendances: [{comment: null, day: 1}, {comment: ok, day: null}]
                    owner: {name: null}
                    shared: {note: null}
                  properties:
                    attendances:
                      type: array
                      items:
                        type: object
                        required: [comment, day]
                        properties: {comment: {type: string}, day: {type: integer}}
                    owner:
                      type: object
                      required: [name]
                      properties: {name: {type: string}}
                    shared: {$ref: '#/components/schemas/Shared'}
            """
        let (module, object, warnings) = try holder(yaml)
        func members(_ name: String) throws -> [IRProperty] {
            var type = try property(name, of: object).type.nonNull
            if case .array(let item) = type { type = item.nonNull }
            guard case .named(let id) = type, case .object(let inner) = module[id].kind else {
                throw HolderIsNotAnObject()
            }
            return inner.properties
        }
        #expect(
            try members("attendances").map(\.type) == [.nullable(.primitive(.string)), .nullable(.primitive(.int))])
        #expect(try members("owner").map(\.type) == [.nullable(.primitive(.string))])
        #expect(try members("shared").map(\.type) == [.primitive(.string)])
        #expect(warnings.count == 3 && warnings.allSatisfy { $0.hasSuffix("[example-null]") })
    }

    /// A default Lathe cannot spell is a located warning that says why: an object's that is no value of
    /// the object (says which key), an object for alternatives told apart by a discriminator (which
    /// may fit), a date-time (a moment fixed when the spec was made), a default of another type.
    @Test func aDefaultThatIsNotAppliedSaysWhy() throws {
        let yaml = """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                Settings: {type: object, properties: {mode: {type: string}}}
                Mode: {type: string, enum: [fast, slow]}
                Holder:
                  type: object
                  properties:
                    settings: {$ref: '#/components/schemas/Settings', default: {mode: fast, speed: 2}}
                    map: {type: object, additionalProperties: {type: integer}, default: {a: x}}
                    mode: {$ref: '#/components/schemas/Mode', default: {mode: fast}}
                    text: {type: string, default: {a: 1}}
                    count: {type: integer, default: 3}
                    created: {type: [string, "null"], format: date-time, default: "2025-11-17T20:09:33.999933Z"}
                    pet:
                      oneOf: [{$ref: '#/components/schemas/Cat'}, {$ref: '#/components/schemas/Dog'}]
                      discriminator: {propertyName: kind}
                      default: {kind: Cat}
                    strict: {$ref: '#/components/schemas/Strict', default: {note: x}}
                Cat: {type: object, required: [kind], properties: {kind: {type: string}}}
                Dog: {type: object, required: [kind], properties: {kind: {type: string}}}
                Strict: {type: object, required: [id], properties: {id: {type: integer}, note: {type: string}}}
            """
        let (_, object, warnings) = try holder(yaml)
        #expect(object.properties.first { $0.name.original == "count" }?.defaultValue != nil)
        let notApplied =
            "is an object for alternatives a discriminator tells apart, which Lathe does not apply as a default "
            + "[default-object-not-applied]"
        let doesNotFit = "does not fit this property's type, so Lathe does not apply it [default-does-not-fit]"
        #expect(
            // Objects' defaults are decided once every component is lowered: in the order of the lines.
            warnings.sorted() == [
                "spec.yaml:11:68: warning: the default {\"mode\":\"fast\",\"speed\":2} does not fit this property's "
                    + "type, 'Settings' ('speed' is no property of it), so Lathe does not apply it [default-does-not-fit]",
                "spec.yaml:12:77: warning: the default {\"a\":\"x\"} \(doesNotFit)",
                "spec.yaml:13:60: warning: the default {\"mode\":\"fast\"} \(doesNotFit)",
                "spec.yaml:14:39: warning: the default {\"a\":1} \(doesNotFit)",
                "spec.yaml:16:71: warning: the default \"2025-11-17T20:09:33.999933Z\" is a date-time, which Lathe "
                    + "does not apply as a default (a generated spec's is often the moment it was generated) "
                    + "[default-date-time-not-applied]",
                "spec.yaml:20:20: warning: the default {\"kind\":\"Cat\"} \(notApplied)",
                "spec.yaml:21:64: warning: the default {\"note\":\"x\"} does not fit this property's type, 'Strict' "
                    + "(it leaves out the required 'id'), so Lathe does not apply it [default-does-not-fit]",
            ])
    }

    /// An object default is its initializer's call, whose left-out parameters take their own
    /// defaults: one that would build its own object again (directly, or through another object's
    /// defaults) is not applied, with a warning; one that ends is, whatever order the components come in.
    @Test func anObjectDefaultThatWouldBuildItselfIsNotApplied() throws {
        let yaml = """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                Holder:
                  type: object
                  properties:
                    parent: {$ref: '#/components/schemas/Holder', default: {name: root}}
                    other: {$ref: '#/components/schemas/Other', default: {}}
                    leaf: {$ref: '#/components/schemas/Leaf', default: {size: 2}}
                    name: {type: string}
                Other:
                  type: object
                  properties:
                    back: {$ref: '#/components/schemas/Holder', default: {}}
                Leaf: {type: object, properties: {size: {type: integer}, up: {$ref: '#/components/schemas/Holder'}}}
            """
        let (_, object, warnings) = try holder(yaml)
        #expect(try property("parent", of: object).defaultValue == nil)
        #expect(try property("other", of: object).defaultValue == nil)
        #expect(try property("leaf", of: object).defaultValue != nil)
        let endless = "builds a value whose own defaults build"
        #expect(
            warnings == [
                "spec.yaml:9:64: warning: the default {\"name\":\"root\"} \(endless) 'Holder' again, without end, so Lathe "
                    + "does not apply it [default-builds-itself]",
                "spec.yaml:10:62: warning: the default {} \(endless) 'Holder' again, without end, so Lathe does not "
                    + "apply it [default-builds-itself]",
                "spec.yaml:16:62: warning: the default {} \(endless) 'Other' again, without end, so Lathe does not "
                    + "apply it [default-builds-itself]",
            ])
    }

    /// An object default for alternatives that are each other's alternatives is read once a type
    /// for each value (it took 2^64 steps); a tree of one object is a default that ends.
    @Test func anObjectDefaultThroughAlternativesOfEachOtherEnds() throws {
        let yaml = """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                Obj: {type: object, properties: {a: {type: integer}}}
                U: {anyOf: [{$ref: '#/components/schemas/V'}, {$ref: '#/components/schemas/W'}, {$ref: '#/components/schemas/Obj'}]}
                V: {anyOf: [{$ref: '#/components/schemas/U'}, {$ref: '#/components/schemas/W'}, {$ref: '#/components/schemas/Obj'}]}
                W: {anyOf: [{$ref: '#/components/schemas/U'}, {$ref: '#/components/schemas/V'}, {$ref: '#/components/schemas/Obj'}]}
                Node: {type: object, properties: {name: {type: string}, child: {$ref: '#/components/schemas/Node'}}}
                Holder:
                  type: object
                  properties:
                    u: {$ref: '#/components/schemas/U', default: {a: 1}}
                    tree: {$ref: '#/components/schemas/Node', default: {name: a, child: {name: b}}}
            """
        let (_, object, warnings) = try holder(yaml)
        #expect(try property("u", of: object).defaultValue != nil)
        #expect(try property("tree", of: object).defaultValue != nil)
        #expect(!warnings.contains { $0.contains("default") }, "\(warnings)")
    }

    /// YAML types `1` and `true` as a number and a boolean; beside a declared `type` that they are
    /// not, an enum's values and a default are read as that type, with a warning at the value.
    @Test func valuesSpelledAsAnotherTypeAreReadAsTheDeclaredOne() throws {
        let yaml = """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                Holder:
                  type: object
                  properties:
                    level: {type: string, enum: [none, 1, 2, 3, 4], default: 1}
                    answer: {type: string, nullable: true, enum: [true, null]}
                    tier: {type: integer, enum: ["1", 2, "x"]}
                    size: {type: string, default: 3}
                    plain: {enum: [1, 2]}
                    limit: {type: integer, nullable: true, default: "null"}
            """
        let (module, object, warnings) = try holder(yaml)
        func enumeration(_ name: String) -> IREnumeration? {
            guard case .named(let id) = object.properties.first(where: { $0.name.original == name })?.type.nonNull,
                case .enumeration(let enumeration) = module[id].kind
            else { return nil }
            return enumeration
        }
        #expect(enumeration("level")?.rawType == .string)
        #expect(enumeration("level")?.cases.map(\.rawValue) == ["none", "1", "2", "3", "4"])
        #expect(object.properties.first { $0.name.original == "level" }?.defaultValue == .string("1"))
        #expect(enumeration("answer")?.cases.map(\.rawValue) == ["true"])
        #expect(enumeration("plain")?.rawType == .integer)
        #expect(object.properties.first { $0.name.original == "size" }?.defaultValue == .string("3"))
        // `"null"` is null, and null on what may be left out is no default (as `default: null` is).
        #expect(object.properties.first { $0.name.original == "limit" }?.defaultValue == nil)
        #expect(
            warnings == [
                "spec.yaml:9:44: warning: the enum values 1, 2, 3, … are not of the schema's type, string; Lathe "
                    + "reads them as \"1\", \"2\", \"3\", … [enum-value-type]",
                "spec.yaml:9:66: warning: the default 1 is not text where the property takes text; Lathe reads it "
                    + "as \"1\" [default-not-text]",
                "spec.yaml:10:55: warning: the enum value true is not of the schema's type, string; Lathe reads it "
                    + "as \"true\" [enum-value-type]",
                "spec.yaml:11:38: warning: the enum value \"1\" is not of the schema's type, integer; Lathe reads "
                    + "it as 1 [enum-value-type]",
                "spec.yaml:11:15: warning: the enum lists values that are not of the schema's type, integer (\"x\"); "
                    + "Lathe generates it as any JSON value and checks it is one of the values [enum-mixed]",
                "spec.yaml:12:39: warning: the default 3 is not text where the property takes text; Lathe reads it "
                    + "as \"3\" [default-not-text]",
                "spec.yaml:14:57: warning: the default \"null\" is text where the property takes null, which says "
                    + "what leaving it out says: no default [default-spelled-as-text]",
            ])
    }

    /// An `allOf` whose members only annotate (Box's metadata values: `[{}, {description}, {example:
    /// "100"}]`) constrains nothing: any JSON value, not an object with no members, which decoded
    /// only objects and encoded every value as `{}`.
    @Test func anAllOfOfAnnotationsIsAnyValue() throws {
        let (_, object, warnings) = try holder(
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                Holder:
                  type: object
                  properties:
                    params:
                      type: object
                      additionalProperties:
                        allOf: [{}, {description: The value.}, {example: "100"}]
                    anything: {allOf: [{description: Anything at all.}]}
                    typed: {type: object, allOf: [{description: An object.}]}
            """)
        #expect(
            object.properties.prefix(2).map(\.type) == [.dictionary(.primitive(.jsonValue)), .primitive(.jsonValue)])
        guard case .named = object.properties[2].type else {
            Issue.record("an object with an allOf of annotations is still an object")
            return
        }
        #expect(warnings.isEmpty)
    }

    /// A multipart part `required` lists without a property for it stays a required part (parts have
    /// no `validate()` to report it missing), where an object's member is optional and checked.
    @Test func aRequiredPartWithoutAPropertyStaysRequired() throws {
        let module = try LoweringTests().lower(
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths:
              /a:
                post:
                  operationId: a
                  requestBody:
                    content:
                      multipart/form-data:
                        schema: {type: object, required: [file, meta], properties: {file: {type: string, format: binary}}}
                  responses: {'204': {description: ok}}
            """)
        let parts = try #require(module.operations.first?.requestBody?.contents.first?.multipart?.parts)
        #expect(parts.map(\.name.original) == ["file", "meta"])
        #expect(parts.map(\.isRequired) == [true, true])
    }

    /// Operations of methods without a field: 3.2's `query` and `additionalOperations`, and before
    /// 3.2 the registered extension `x-oai-additionalOperations`, are sent as the method they name.
    @Test func methodsWithoutAFieldAreOperations() throws {
        func methods(_ version: String, _ item: String) throws -> [String] {
            try LoweringTests().lower(
                """
                openapi: \(version)
                info: {title: T, version: '1'}
                paths:
                  /a:
                    get: {operationId: read, responses: {'204': {description: ok}}}
                    \(item)
                """
            ).operations.map(\.method)
        }
        #expect(
            try methods("3.2.0", "query: {operationId: ask, responses: {'204': {description: ok}}}")
                == ["GET", "QUERY"])
        #expect(
            try methods("3.2.0", "additionalOperations: {COPY: {responses: {'204': {description: ok}}}}")
                == ["GET", "COPY"])
        #expect(
            try methods("3.1.0", "x-oai-additionalOperations: {QUERY: {responses: {'204': {description: ok}}}}")
                == ["GET", "QUERY"])
        // Methods are case-sensitive: `get` beside the `get` field is a method of its own.
        #expect(
            try methods("3.2.0", "additionalOperations: {get: {responses: {'204': {description: ok}}}}")
                == ["GET", "get"])
        // Before 3.2, `query` is no field: an unknown one, ignored.
        #expect(try methods("3.1.0", "query: {operationId: ask, responses: {'204': {description: ok}}}") == ["GET"])
    }

    /// `required` naming a property in another case (Swashbuckle lists the C# name `Id` for the
    /// property it writes `id`) requires that property, with a warning at the name: read as written,
    /// a key no value has was required and every value failed to decode. Where two properties
    /// match, or none, the name stays a key of its own.
    @Test func aRequiredNameInAnotherCaseIsThatProperty() throws {
        let (_, object, warnings) = try holder(
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                Holder:
                  type: object
                  additionalProperties: false
                  required: [Id, Name, other]
                  properties:
                    id: {type: integer}
                    name: {type: string}
                    NAME: {type: string}
            """)
        #expect(object.properties.map(\.name.original) == ["id", "name", "NAME", "Name", "other"])
        #expect(object.properties.map(\.isRequired) == [true, false, false, false, false])
        #expect(object.properties.map(\.checksPresence) == [false, false, false, true, true])
        #expect(
            warnings.filter { $0.contains("[required-case]") } == [
                "spec.yaml:9:18: warning: required names 'Id', which is no property of this schema; Lathe reads it as "
                    + "its property 'id' [required-case]"
            ])
    }

    /// Where the object's example writes the key as `required` does, and never as the property
    /// does (crAPI's coupons: `createdAt`, required and shown as `CreatedAt`, as its Go server sends
    /// it), the property's key is the required one's: required as the property, every response
    /// failed to decode; optional, the value was dropped.
    @Test func aRequiredNameTheExampleWritesIsThePropertysKey() throws {
        let (_, object, warnings) = try holder(
            """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                Holder:
                  type: object
                  required: [CreatedAt, Amount]
                  properties:
                    createdAt: {type: string}
                    amount: {type: string}
                  example: {CreatedAt: '2023-12-07T14:22:29.832Z', amount: '75', Amount: '75'}
            """)
        #expect(object.properties.map(\.name.original) == ["CreatedAt", "amount"])
        #expect(object.properties.map(\.name.swift) == ["createdAt", "amount"])
        #expect(object.properties.map(\.isRequired) == [true, true])
        #expect(
            warnings.filter { $0.contains("[required-case]") } == [
                "spec.yaml:8:18: warning: required names 'CreatedAt', which is no property of this schema, and its "
                    + "example writes the property 'createdAt' so; Lathe reads the property's key as 'CreatedAt' "
                    + "[required-case]",
                "spec.yaml:8:29: warning: required names 'Amount', which is no property of this schema; Lathe reads it "
                    + "as its property 'amount' [required-case]",
            ])
    }

    /// An enum whose only value is null (dropshot writes `{type: string, enum: [null]}` for a
    /// handler returning `()`) is null, as `type: 'null'` is: an enum of no cases failed to decode
    /// the null every such response carries.
    @Test func anEnumOfOnlyNullIsNull() throws {
        let (module, object, _) = try holder(
            """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths:
              /a:
                get:
                  operationId: a
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json: {schema: {title: "Null", type: string, enum: [null]}}
            components:
              schemas:
                Holder:
                  type: object
                  required: [n]
                  properties:
                    n: {enum: [null]}
                    m: {type: string, nullable: true, enum: [null]}
                    k: {type: string, enum: [a, null]}
            """)
        let null = IRValueType.nullable(.primitive(.jsonValue))
        #expect(object.properties.prefix(2).map(\.type) == [null, null])
        #expect(object.properties[2].type.nonNull != .primitive(.jsonValue))
        #expect(module.operations.first?.responses.first?.contents.first?.type == null)
        #expect(!module.types.contains { if case .enumeration(let e) = $0.kind { e.cases.isEmpty } else { false } })
    }

    /// JSON Schema counts `1.0` as the integer 1: an integer enum of such values is an `Int` enum
    /// (its raw values written `1`), and such a default fits an integer, an integer enum's case
    /// among them; named by `x-enum-varnames` as any integer enum is.
    @Test func integralNumbersWrittenWithAFractionAreIntegers() throws {
        let yaml = """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                Holder:
                  type: object
                  properties:
                    level: {type: integer, enum: [1.0, 2.0, 3], default: 2.0, x-enum-varnames: [low, mid, high]}
                    size: {type: integer, format: int32, default: 5.00}
                    ratio: {type: integer, enum: [1.5, 2]}
            """
        let (module, object, warnings) = try holder(yaml)
        let level = try #require(object.properties.first { $0.name.original == "level" })
        guard case .named(let id) = level.type.nonNull, case .enumeration(let enumeration) = module[id].kind else {
            Issue.record("level is not an enumeration: \(level.type)")
            return
        }
        #expect(enumeration.rawType == .integer)
        #expect(enumeration.cases.map(\.rawValue) == ["1", "2", "3"])
        #expect(enumeration.cases.map(\.name.swift) == ["low", "mid", "high"])
        #expect(level.defaultValue == .number(JSONNumber("2.0")))
        #expect(object.properties.first { $0.name.original == "size" }?.defaultValue == .number(JSONNumber("5.00")))
        // 1.5 is no integer: the values stay a checked list, with the warning that says so.
        #expect(object.properties.first { $0.name.original == "ratio" }?.type.nonNull == .primitive(.jsonValue))
        #expect(warnings.count == 1 && warnings[0].hasSuffix("[enum-mixed]"), "\(warnings)")
    }

    /// A parameter's default is read as a property's is: text that spells the number is the
    /// number, with a warning, and one that cannot be applied is a warning at the default, not
    /// dropped without a word.
    @Test func aParametersDefaultIsReadAsAPropertysIs() throws {
        let (module, diagnostics) = try LoweringTests().lowerWithDiagnostics(
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths:
              /a:
                get:
                  operationId: a
                  parameters:
                    - {name: limit, in: query, schema: {type: integer, default: "10"}}
                    - {name: page, in: query, schema: {type: integer, default: 1.0}}
                    - {name: mode, in: query, schema: {type: string, enum: [a, b], default: c}}
                  responses: {'204': {description: ok}}
            """)
        let parameters = try #require(module.operations.first).parameters
        #expect(parameters.map(\.defaultValue) == [.number(JSONNumber("10")), .number(JSONNumber("1.0")), nil])
        #expect(
            diagnostics.all.map(\.description).filter { !$0.contains("bad-request-undocumented") } == [
                "spec.yaml:8:69: warning: the default \"10\" is text where the parameter takes 10 "
                    + "[default-spelled-as-text]",
                "spec.yaml:10:81: warning: the default \"c\" does not fit this parameter's type, so Lathe does not "
                    + "apply it [default-does-not-fit]",
            ])
    }

    /// An `allOf` base is lowered again in each schema that merges it: what it says wrong is said
    /// once. `default: null` on a property that may be left out says what leaving it out says
    /// (pydantic writes it for `Optional[str] = None`): not applied, and not warned about.
    @Test func aMergedBaseIsWarnedAboutOnceAndANullDefaultOnAnOptionalIsNoDefault() throws {
        let (_, diagnostics) = try LoweringTests().lowerWithDiagnostics(
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                Base:
                  type: object
                  required: [id]
                  properties:
                    mode: {type: string, default: {a: 1}}
                    name: {type: string, default: null}
                    id: {type: string, default: null}
                A: {allOf: [{$ref: '#/components/schemas/Base'}, {properties: {x: {type: string}}}]}
                B: {allOf: [{$ref: '#/components/schemas/Base'}, {properties: {y: {type: string}}}]}
            """)
        #expect(
            diagnostics.all.map(\.description).sorted() == [
                "spec.yaml:10:39: warning: the default {\"a\":1} does not fit this property's type, so Lathe does not "
                    + "apply it [default-does-not-fit]",
                "spec.yaml:12:37: warning: the default null does not fit this property's type, so Lathe does not "
                    + "apply it [default-does-not-fit]",
            ])
    }

    /// `format: int32` whose own example (or default, enum or bound) is past 32 bits is `Int64`,
    /// with a warning at the format: `Int32` would fail to decode what the spec shows.
    @Test func anInt32ThatShowsAWiderValueIsInt64() throws {
        let (_, object, warnings) = try holder(
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                Holder:
                  type: object
                  properties:
                    steamId: {type: integer, format: int32, examples: [76561198842603730]}
                    level: {type: integer, format: int32, example: 5, maximum: 2147483647}
                    limit: {type: integer, format: int32, maximum: 9999999999}
            """)
        #expect(object.properties.map(\.type) == [.primitive(.int64), .primitive(.int32), .primitive(.int64)])
        #expect(
            warnings == [
                "spec.yaml:9:42: warning: 'format: int32' holds no value past 32 bits, but this schema shows "
                    + "76561198842603730; Lathe generates Int64 [format-too-narrow]",
                "spec.yaml:11:40: warning: 'format: int32' holds no value past 32 bits, but this schema shows "
                    + "9999999999; Lathe generates Int64 [format-too-narrow]",
            ])
    }

    /// Moov FED's `ACHLocation: {type: object, items: {$ref: ACHLocation}}`: the object `items` names,
    /// with a warning; `items` naming no object with properties, or beside properties, changes nothing.
    @Test func anObjectShapedOnlyByItemsIsTheObjectItNames() throws {
        let (module, object, warnings) = try holder(
            """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                Holder:
                  type: object
                  properties:
                    location: {type: object, description: Where, items: {$ref: '#/components/schemas/Location'}}
                    text: {type: object, items: {$ref: '#/components/schemas/Text'}}
                    loop: {type: object, items: {$ref: '#/components/schemas/Loop'}}
                    both: {type: object, properties: {a: {type: string}}, items: {$ref: '#/components/schemas/Location'}}
                Location: {type: object, properties: {city: {type: string}}}
                Text: {type: string}
                Loop: {type: object, items: {$ref: '#/components/schemas/Loop'}}
            """)
        let location = try #require(try property("location", of: object).type.namedID)
        #expect(module.qualifiedName(location) == "Location")
        #expect(try property("text", of: object).type == .dictionary(.primitive(.jsonValue)))
        // `items` naming an object without properties (itself, here) changes nothing.
        #expect(try property("loop", of: object).type == .dictionary(.primitive(.jsonValue)))
        #expect(module.qualifiedName(try #require(try property("both", of: object).type.namedID)) == "Holder.Both")
        #expect(
            warnings == [
                "spec.yaml:9:61: warning: 'items' applies to lists, and this schema's type is object; Lathe reads it "
                    + "as the object 'items' names, '#/components/schemas/Location' [items-on-object]"
            ])
    }

    /// Integers past 64 bits: `format: bigint` (Formance's ledger amounts) and an integer whose own
    /// example or bound is past 64 bits are `Decimal` with whole numbers required (`multipleOf: 1`,
    /// a divisor of their own kept); `format: uint64` and `uint` are `UInt64`, unless the schema shows a
    /// value below zero.
    @Test func integersPast64BitsAreDecimalsAndUnsignedOnesUInt64() throws {
        let (_, object, warnings) = try holder(
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                Holder:
                  type: object
                  properties:
                    amount: {type: integer, format: bigint}
                    lots: {type: integer, format: bigint, multipleOf: 100}
                    total: {type: integer, maximum: 100000000000000000000}
                    wide: {type: integer, format: int32, examples: [36893488147419103232]}
                    id: {type: integer, format: uint64, default: 18446744073709551615}
                    size: {type: integer, format: uint}
                    offset: {type: integer, format: uint64, minimum: -1}
            """)
        #expect(
            object.properties.map(\.type) == [
                .primitive(.decimal), .primitive(.decimal), .primitive(.decimal), .primitive(.decimal),
                .primitive(.uint64), .primitive(.uint64), .primitive(.int64),
            ])
        #expect(object.properties.map(\.constraints.multipleOf) == ["1", "100", "1", "1", nil, nil, nil])
        #expect(
            warnings == [
                "spec.yaml:11:16: warning: 'type: integer' (Swift's Int) holds no value past 64 bits, but this schema "
                    + "shows 100000000000000000000; Lathe generates Decimal [format-too-narrow]",
                "spec.yaml:12:39: warning: 'format: int32' holds no value past 32 bits, but this schema shows "
                    + "36893488147419103232; Lathe generates Decimal [format-too-narrow]",
                "spec.yaml:15:41: warning: 'format: uint64' holds no value below zero, but this schema shows -1; "
                    + "Lathe generates Int64 [format-too-narrow]",
                "spec.yaml:9:41: warning: 2 integers' formats are 'bigint', of any size; Lathe generates Decimal, "
                    + "exact to 38 significant digits, past which a value decodes rounded [bigint-as-decimal]",
            ])
    }

    /// `format: float` whose own example (or default, const or bound) `Float` rounds is `Double`,
    /// with a warning at the format (Pegel Online's latitudes): `Float` would change what it shows.
    @Test func aFloatThatShowsAPreciseValueIsDouble() throws {
        let (_, object, warnings) = try holder(
            """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                Holder:
                  type: object
                  properties:
                    latitude: {type: number, format: float, example: 52.90406544743417}
                    km: {type: number, format: float, example: 9.56, maximum: 1000.5}
                    count: {type: number, format: float, maximum: 16777217}
                    bounded: {type: number, format: float, minimum: -3.4028234663852886e38, example: 0.10000000149011612}
            """)
        // Values a `Float` holds exactly (zod's `z.float32()` bounds) keep it.
        #expect(
            object.properties.map(\.type) == [
                .primitive(.double), .primitive(.float), .primitive(.double), .primitive(.float),
            ])
        #expect(
            warnings == [
                "spec.yaml:9:42: warning: 'format: float' holds about 7 significant digits, but this schema shows "
                    + "52.90406544743417; Lathe generates Double [format-too-narrow]",
                "spec.yaml:11:39: warning: 'format: float' holds about 7 significant digits, but this schema shows "
                    + "16777217; Lathe generates Double [format-too-narrow]",
            ])
    }
}
