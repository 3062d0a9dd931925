import LatheOpenAPI
import Testing

struct ReferenceTests {
    @Test func pointerEscapesAndPercentEncoding() throws {
        let result = load(
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths:
              /a~b/{id}:
                get:
                  parameters:
                    - {name: id, in: path, required: true, schema: {type: string}}
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema: {type: integer}
              /other:
                get:
                  responses:
                    '200':
                      description: same schema, by a pointer through escapes
                      content:
                        application/json:
                          schema:
                            $ref: '#/paths/~1a~0b~1%7Bid%7D/get/responses/200/content/application~1json/schema'
            """)
        #expect(printed(result) == [])
        let document = try #require(result.document)
        let ref = document.operations[1].responses[0].response
        guard case .value(let response) = ref, let schemaRef = response.content[0].schema?.ref else {
            Issue.record("expected an inline response with a $ref schema")
            return
        }
        #expect(
            schemaRef.targetKey?.hasSuffix("#/paths/~1a~0b~1{id}/get/responses/200/content/application~1json/schema")
                == true)
        #expect(document.store.schema(schemaRef)?.types == .integer)
    }

    @Test func recursiveSchemasAreFine() throws {
        let result = load(
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            components:
              schemas:
                Node:
                  type: object
                  properties:
                    children: {type: array, items: {$ref: '#/components/schemas/Node'}}
                    partner: {$ref: '#/components/schemas/Partner'}
                Partner:
                  type: object
                  properties:
                    node: {$ref: '#/components/schemas/Node'}
            """)
        #expect(printed(result) == [])
        #expect(result.document?.store.schemas.count == 2)
    }

    @Test func referenceChainsResolveAndLongCyclesAreReportedOnce() {
        let result = load(
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths:
              /a:
                get:
                  parameters: [{$ref: '#/components/parameters/P1'}]
                  responses: {'200': {description: ok}}
            components:
              parameters:
                P1: {$ref: '#/components/parameters/P2'}
                P2: {$ref: '#/components/parameters/P3'}
                P3: {$ref: '#/components/parameters/P1'}
              schemas:
                A: {$ref: '#/components/schemas/B'}
                B: {$ref: '#/components/schemas/C'}
                C: {type: string}
            """)
        #expect(
            printed(result) == [
                "spec.yaml:10:16: error: this parameter reference never reaches a value: "
                    + "#/components/parameters/P1 → #/components/parameters/P2 → #/components/parameters/P3 → "
                    + "#/components/parameters/P1 goes round in a circle [ref-cycle]"
            ])
    }

    @Test func pathItemReferencesAreMergedAndTheirCyclesReported() throws {
        let result = load(
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths:
              /pets:
                $ref: '#/components/pathItems/Pets'
              /cats:
                $ref: '#/components/pathItems/Pets'
                summary: Cats, the same way.
              /loop:
                $ref: '#/components/pathItems/Loop1'
            components:
              pathItems:
                Pets:
                  get:
                    responses: {'200': {description: ok}}
                Loop1: {$ref: '#/components/pathItems/Loop2'}
                Loop2: {$ref: '#/components/pathItems/Loop1'}
            """)
        #expect(
            printed(result) == [
                "spec.yaml:16:19: error: this path item reference never reaches a value: "
                    + "#/components/pathItems/Loop1 → #/components/pathItems/Loop2 → #/components/pathItems/Loop1 "
                    + "goes round in a circle [ref-cycle]"
            ])
        let document = try #require(result.document)
        #expect(document.operations.map(\.path) == ["/pets", "/cats"])
        #expect(document.paths[1].item.summary == "Cats, the same way.")
        // One decode of the shared path item, whatever uses it.
        #expect(document.store.pathItems.count == 3)
    }

    @Test func allOfThatIncludesItselfIsAnError() {
        let result = load(
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            components:
              schemas:
                A:
                  allOf: [{$ref: '#/components/schemas/B'}, {type: object}]
                B:
                  allOf: [{$ref: '#/components/schemas/A'}]
            """)
        #expect(
            printed(result) == [
                "spec.yaml:6:22: error: this schema includes itself through allOf: "
                    + "#/components/schemas/A → #/components/schemas/B → #/components/schemas/A; "
                    + "a type cannot contain itself [allof-includes-itself]"
            ])
    }

    @Test func aSharedNodeIsDecodedAndReportedOnce() {
        let result = load(
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            components:
              schemas:
                A: &shared {type: strin}
                B: *shared
                C: {properties: {x: *shared, y: *shared}}
            """)
        #expect(
            printed(result) == [
                "spec.yaml:5:23: error: unknown type 'strin'; expected one of array, boolean, integer, number, "
                    + "object, string or null (did you mean 'string'?) [type-unknown]"
            ])
    }

    @Test func aFloodOfMistakesIsCutShort() {
        let properties = (0 ..< 1500).map { "        p\($0): {type: strng}" }.joined(separator: "\n")
        let result = load(
            "openapi: 3.1.0\ninfo: {title: T, version: '1'}\ncomponents:\n  schemas:\n    S:\n      properties:\n"
                + properties + "\n")
        #expect(result.diagnostics.errors.count == 1000)
        #expect(
            result.diagnostics.all.last?.description
                == "spec.yaml:1007:23: note: too many diagnostics; Lathe stops listing them here")
    }

    @Test func scalarAtTheTopIsNotADocument() {
        #expect(
            printed(load("just a string\n")) == [
                "spec.yaml:1:1: error: expected an OpenAPI document (a mapping with 'openapi', "
                    + "'info' and 'paths' at the top), but the file holds a string [not-openapi]"
            ])
    }

    @Test func headersWithoutSchemaAreAssumedStrings() {
        let result = load(
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths:
              /a:
                get:
                  responses:
                    '200':
                      description: ok
                      headers:
                        X-Rate-Limit: {description: Requests left.}
            """)
        #expect(
            printed(result) == [
                "spec.yaml:10:27: warning: this header has no 'schema' (or 'content') to say what its value is; "
                    + "Lathe treats it as a string [parameter-without-schema]"
            ])
    }

    @Test func eachTargetIsDecodedOnce() throws {
        let refs = (0 ..< 50).map { "    U\($0): {$ref: '#/components/schemas/Shared'}" }.joined(separator: "\n")
        let result = load(
            "openapi: 3.1.0\ninfo: {title: T, version: '1'}\ncomponents:\n  schemas:\n    Shared: {type: string}\n"
                + refs + "\n")
        #expect(printed(result) == [])
        #expect(result.document?.store.schemas.count == 51)
    }
}

/// An operation's parameters as OpenAPI merges them with its path item's, in the order they end.
struct ParameterMergingTests {
    @Test func anOperationsParameterReplacesThePathItemsOfTheSameNameAndLocation() throws {
        let result = load(
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths:
              /things:
                parameters:
                  - {name: a, in: query, schema: {type: string}}
                  - {name: X-Id, in: header, schema: {type: string}}
                  - {name: b, in: query, schema: {type: string}}
                  - {name: a, in: header, schema: {type: string}}
                get:
                  parameters:
                    - {name: x-id, in: header, schema: {type: integer}}
                    - {name: a, in: query, schema: {type: integer}}
                    - {name: c, in: query, schema: {type: string}}
                    - {name: c, in: query, schema: {type: boolean}}
                  responses:
                    '204': {description: done}
            """)
        let document = try #require(result.document)
        let pathItem = try #require(document.paths.first?.item)
        let operation = try #require(pathItem.operations.first)
        let merged = document.parameters(of: operation, in: pathItem)
        #expect(
            merged.map { "\($0.location.rawValue) \($0.name)" } == [
                "query b", "header a", "header x-id", "query a", "query c",
            ])
        // The replacements are the operation's own (integer, integer; the last `c`, boolean).
        #expect(
            merged.map { $0.schema?.types?.typeNames.first ?? "-" } == [
                "string", "string", "integer", "integer", "boolean",
            ])
    }
}

/// "Did you mean" for a ref to a missing key among thousands: the first of the nearest keys, and
/// none when no key is close.
struct MissingKeySuggestionTests {
    @Test func theClosestKeyIsTheFirstOfTheNearest() throws {
        var schemas = (0 ..< 3000).map { "Schema\($0)" }
        schemas += ["Pets", "Pot", "Pet"]
        let yaml =
            "openapi: 3.1.0\ninfo: {title: T, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n"
            + schemas.map { "    \($0): {type: string}\n" }.joined()
            + "    Owner:\n      properties:\n        pet: {$ref: '#/components/schemas/Pett'}\n"
            + "        far: {$ref: '#/components/schemas/Zebra'}\n"
        let messages = printed(load(yaml))
        #expect(messages.contains { $0.contains("has no 'Pett' (did you mean 'Pets'?)") })
        #expect(messages.contains { $0.contains("has no 'Zebra'") && !$0.contains("did you mean") }, "\(messages)")
    }
}

extension ReferenceTests {
    /// A pointer through a `$ref` that is itself a pointer through one: each is said where it is
    /// written, the inner one too (it was resolved first, inside the outer, and its warning lost).
    /// One through a response's `$ref` walks the response, not the schema it holds.
    @Test func pointersThroughReferencesAreEachSaidAndReadInTheirOwnPlace() throws {
        let result = load(
            """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths:
              /a:
                get:
                  responses:
                    '200': {$ref: '#/components/responses/R'}
            components:
              responses:
                R:
                  description: ok
                  content:
                    application/json: {schema: {type: object, properties: {x: {type: integer}}}}
              schemas:
                C: {$ref: '#/components/schemas/A/properties/b/properties/c'}
                A: {type: object, properties: {b: {$ref: '#/components/schemas/Wrap/properties/inner'}}}
                Wrap: {$ref: '#/components/schemas/Real'}
                Real: {type: object, properties: {inner: {type: object, properties: {c: {type: string}}}}}
                X: {$ref: '#/paths/~1a/get/responses/200/content/application~1json/schema/properties/x'}
            """)
        #expect(
            result.diagnostics.all.map { "\($0.location!.line):\($0.location!.column) \($0.kind ?? "")" }.sorted() == [
                "15:15 ref-through-ref", "16:46 ref-through-ref", "19:15 ref-through-ref",
            ], "\(result.diagnostics.all.map(\.description))")
        let document = try #require(result.document)
        func target(_ name: String) throws -> Schema? {
            let key = try #require(document.components.schemas.first { $0.name == name }).key
            return document.store.schemas[key]?.ref.flatMap(document.store.schema)
        }
        #expect(try target("C")?.types == .string)
        #expect(try target("X")?.types == .integer)
    }
}
