import LatheOpenAPI
import Testing

/// 3.0 and 3.1 spellings of the same thing decode to the same model.
struct NormalisationTests {
    func schema(_ version: String, _ body: String) throws -> Schema {
        let result = load(
            "openapi: \(version)\ninfo: {title: T, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    S:\n" + body)
        #expect(!result.hasErrors, "\(result.diagnostics.all)")
        let document = try #require(result.document)
        let key = try #require(document.components.schemas.first).key
        return try #require(document.store.schemas[key])
    }

    @Test func nullableSpellingsAgree() throws {
        let old = try schema("3.0.3", "      type: string\n      nullable: true\n")
        let new = try schema("3.1.0", "      type: [string, 'null']\n")
        #expect(old.types == [.string, .null])
        #expect(new.types == old.types)
    }

    @Test func nullableRefMeansRefOrNull() throws {
        let old = try schema(
            "3.0.3", "      allOf: [{$ref: '#/components/schemas/S'}]\n      nullable: true\n      description: maybe\n"
        )
        #expect(old.anyOf.count == 2)
        #expect(old.anyOf[0].allOf.count == 1)
        #expect(old.anyOf[1].types == .null)
        #expect(old.description == "maybe")
        let new = try schema("3.1.0", "      anyOf: [{$ref: '#/components/schemas/S'}, {type: 'null'}]\n")
        #expect(new.anyOf.map(\.types) == [nil, .null])
    }

    @Test func exclusiveBoundsAgree() throws {
        let old = try schema(
            "3.0.3", "      type: number\n      minimum: 0\n      exclusiveMinimum: true\n      maximum: 10\n")
        let new = try schema("3.1.0", "      type: number\n      exclusiveMinimum: 0\n      maximum: 10\n")
        #expect(old.constraints == new.constraints)
        #expect(new.constraints.exclusiveMinimum == JSONNumber("0"))
        #expect(new.constraints.minimum == nil)
    }

    @Test func examplesAgree() throws {
        let old = try schema("3.0.3", "      type: string\n      example: hi\n")
        let new = try schema("3.1.0", "      type: string\n      examples: [hi]\n")
        #expect(old.examples.map(\.text) == ["hi"])
        #expect(new.examples.map(\.text) == ["hi"])
        // A map of Example objects (grpc-gateway) is read as the values they hold (with an error
        // for `lathe validate`, BrokenSpecTests' `schema-examples-map`).
        let result = load(
            "openapi: 3.1.0\ninfo: {title: T, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    S:\n"
                + "      type: string\n      examples: {a: {value: hi}, b: {value: ho}}\n")
        let document = try #require(result.document)
        let key = try #require(document.components.schemas.first).key
        let map = try #require(document.store.schemas[key])
        #expect(map.examples.map(\.text) == ["hi", "ho"])
    }

    @Test func jsonSchema2020Forms() throws {
        let s = try schema(
            "3.1.0",
            [
                "      $ref: '#/components/schemas/S/$defs/Base'",
                "      description: A base with a tuple and a constant.",
                "      properties:",
                "        kind: {const: pair}",
                "        pair:",
                "          type: array",
                "          prefixItems: [{type: string}, {type: integer}]",
                "          items: false",
                "      $defs:",
                "        Base: {type: object}",
                "      x-internal: true",
            ].joined(separator: "\n") + "\n")
        // `$ref` with siblings keeps both.
        #expect(s.ref?.targetKey?.hasSuffix("#/components/schemas/S/$defs/Base") == true)
        #expect(s.description == "A base with a tuple and a constant.")
        try #require(s.properties.count == 2)
        #expect(s.properties[0].schema.constValue == .string("pair"))
        #expect(s.properties[1].schema.prefixItems?.map(\.types) == [.string, .integer])
        #expect(s.properties[1].schema.items?.value.isFalse == true)
        #expect(s.defs.map(\.name) == ["Base"])
        #expect(s.extensions["x-internal"]?.text == "true")
    }

    @Test func numbersAreExactAndInJSONForm() throws {
        let s = try schema(
            "3.1.0",
            "      type: number\n      enum: [1.10, 0123, 1e3, 0x1F, +5, -.5, 1., 'x', yes, ~, "
                + ".inf]\n      default: 1.10\n      multipleOf: 0.01\n"
        )
        // Decimal text is kept digit for digit; YAML-only spellings become JSON numbers.
        #expect(
            s.enumValues == [
                .number(JSONNumber("1.10")), .number(JSONNumber("123")), .number(JSONNumber("1e3")),
                .number(JSONNumber("31")),
                .number(JSONNumber("5")), .number(JSONNumber("-0.5")), .number(JSONNumber("1.0")), .string("x"),
                .string("yes"), .null,
                .string(".inf"),
            ])
        #expect(s.defaultValue == .number(JSONNumber("1.10")))
        #expect(s.constraints.multipleOf?.text == "0.01")
    }

    @Test func nullableBesideACompositionWrapsTheWhole() throws {
        let s = try schema(
            "3.0.3", "      type: object\n      nullable: true\n      allOf: [{$ref: '#/components/schemas/S'}]\n")
        #expect(s.anyOf.count == 2)
        #expect(s.anyOf[0].types == .object)
        #expect(s.anyOf[1].types == .null)
    }

    @Test func referenceObjectsKeepTheir31SummaryAndDescription() throws {
        let result = load(
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths:
              /a:
                get:
                  parameters:
                    - $ref: '#/components/parameters/Limit'
                      description: How many, at most, for this operation.
                  responses: {'200': {description: ok}}
            components:
              parameters:
                Limit: {name: limit, in: query, schema: {type: integer}}
            """)
        #expect(printed(result) == [])
        let reference = try #require(result.document?.operations.first?.parameters.first?.reference)
        #expect(reference.description == "How many, at most, for this operation.")
    }

    @Test func responseKeysKeepTheirText() throws {
        let result = load(
            """
            openapi: 3.0.3
            info: {title: T, version: 1.0}
            paths:
              /a:
                get:
                  responses:
                    200: {description: ok}
                    '2XX': {description: ok}
                    4xx: {description: client}
                    default: {description: other}
            """)
        #expect(printed(result) == [])
        let document = try #require(result.document)
        #expect(document.info.version == "1.0")
        #expect(document.operations.first?.responses.map(\.key) == [.code(200), .range(2), .range(4), .default])
    }

    /// Halo's `204 NO_CONTENT`: a status code with its reason is that code (an error for `validate`),
    /// unless the code is given on its own too, or by an earlier key with a reason; other text is
    /// no key.
    @Test func aResponseKeyWithItsReasonIsItsCode() throws {
        let result = load(
            """
            openapi: 3.0.3
            info: {title: T, version: 1.0}
            paths:
              /a:
                delete:
                  responses:
                    '204 NO_CONTENT': {description: gone}
                    '204 GONE': {description: gone}
                    '200 OK': {description: ok}
                    '200': {description: ok}
                    '404  NOT': {description: ok}
                    '600 X': {description: ok}
            """)
        #expect(
            printed(result) == [
                "spec.yaml:7:9: error: '204 NO_CONTENT' is not a response key; a status code is written alone [response-key-invalid]",
                "spec.yaml:8:9: error: '204 GONE' is not a response key; expected a status code from 100 to 599, a range such as 2XX, or 'default' [response-key-invalid]",
                "spec.yaml:9:9: error: '200 OK' is not a response key; expected a status code from 100 to 599, a range such as 2XX, or 'default' [response-key-invalid]",
                "spec.yaml:11:9: error: '404  NOT' is not a response key; expected a status code from 100 to 599, a range such as 2XX, or 'default' [response-key-invalid]",
                "spec.yaml:12:9: error: '600 X' is not a response key; expected a status code from 100 to 599, a range such as 2XX, or 'default' [response-key-invalid]",
            ])
        #expect(result.document?.operations.first?.responses.map(\.key) == [.code(204), .code(200)])
        #expect(result.diagnostics.sorted.first?.reading == "Lathe reads it as 204")
    }

    @Test func extensionsAreKeptEverywhere() throws {
        let result = load(
            """
            openapi: 3.1.0
            info: {title: T, version: '1', x-logo: logo.png}
            x-root: 1
            paths:
              /a:
                x-path: p
                get:
                  x-op: {retry: 3}
                  responses: {'200': {description: ok}}
            """)
        let document = try #require(result.document)
        #expect(document.extensions["x-root"]?.text == "1")
        #expect(document.info.extensions["x-logo"]?.text == "logo.png")
        #expect(document.paths[0].item.extensions["x-path"]?.text == "p")
        #expect(document.operations[0].extensions["x-op"]?["retry"]?.text == "3")
    }

    @Test func anchorsAliasesAndMergeKeysInADocument() throws {
        let result = load(
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                Base: &base
                  type: object
                  properties:
                    id: {type: string}
                Derived:
                  <<: *base
                  description: Same shape, merged.
                Copy: *base
            """)
        #expect(printed(result) == [])
        let document = try #require(result.document)
        let derived = try #require(document.store.schemas[document.components.schemas[1].key])
        #expect(derived.properties.map(\.name) == ["id"])
        #expect(derived.description == "Same shape, merged.")
        let copy = try #require(document.store.schemas[document.components.schemas[2].key])
        #expect(copy.properties.map(\.name) == ["id"])
    }
}
