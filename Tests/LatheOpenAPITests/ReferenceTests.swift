import LatheOpenAPI
import Testing

struct ReferenceTests {
    @Test func pointerEscapesAndPercentEncoding() throws {
        let result = load("""
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
        #expect(schemaRef.targetKey?.hasSuffix("#/paths/~1a~0b~1{id}/get/responses/200/content/application~1json/schema") == true)
        #expect(document.store.schema(schemaRef)?.types == .integer)
    }

    @Test func recursiveSchemasAreFine() throws {
        let result = load("""
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
        let result = load("""
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
        #expect(printed(result) == [
            "spec.yaml:10:16: error: this parameter reference never reaches a value: #/components/parameters/P1 → #/components/parameters/P2 → #/components/parameters/P3 → #/components/parameters/P1 goes round in a circle",
        ])
    }

    @Test func eachTargetIsDecodedOnce() throws {
        let refs = (0 ..< 50).map { "    U\($0): {$ref: '#/components/schemas/Shared'}" }.joined(separator: "\n")
        let result = load("openapi: 3.1.0\ninfo: {title: T, version: '1'}\ncomponents:\n  schemas:\n    Shared: {type: string}\n" + refs + "\n")
        #expect(printed(result) == [])
        #expect(result.document?.store.schemas.count == 51)
    }
}
