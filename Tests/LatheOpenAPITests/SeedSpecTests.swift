import LatheOpenAPI
import Testing

/// The two providers that publish OpenAPI, exactly as published (specs/), read without a diagnostic.
struct SeedSpecTests {
    @Test func piriodReadsClean() throws {
        let result = OpenAPILoader.load(path: repositoryRoot + "/specs/piriod.yaml")
        #expect(result.diagnostics.all.map(\.description) == [])
        let document = try #require(result.document)
        #expect(document.version.text == "3.0.3" && !document.version.isJSONSchema2020)
        let operation = try #require(document.operations.first)
        #expect(operation.method == .post && operation.path == "/cancellations/")
        #expect(operation.responses.map(\.key) == [.code(201), .code(400)])
        let headers = operation.parameters.compactMap(document.store.parameter)
        #expect(headers.map(\.name) == ["x-simple-workspace", "x-piriod-test-mode"])
        #expect(headers.map(\.required) == [true, false])
        #expect(headers[1].schema?.defaultValue == .bool(false))

        let cancellation = try #require(document.store.schemas[document.components.schemas[0].key])
        let note = try #require(cancellation.properties.first { $0.name == "note" }?.schema)
        // 3.0's `nullable: true` becomes a null in the type set.
        #expect(note.types == [.string, .null])
        #expect(note.constraints.maxLength == 64)
        #expect(cancellation.required == ["retention", "document", "number", "date"])

        let scheme = try #require(document.store.securityScheme(.reference(Reference(raw: "", targetKey: document.components.securitySchemes[0].key, node: document.node))))
        #expect(scheme.kind == .apiKey(name: "Authorization", location: .header))
    }

    @Test func dolfinReadsClean() throws {
        let result = OpenAPILoader.load(path: repositoryRoot + "/specs/dolfin.yaml")
        #expect(result.diagnostics.all.map(\.description) == [])
        let document = try #require(result.document)
        #expect(document.version.text == "3.1.1" && document.version.isJSONSchema2020)
        let operation = try #require(document.operations.first)
        #expect(operation.path == "/purchase-orders/{id}/cancel")
        // `type: [number, string]` (decimals) and `type: ['null', boolean]` survive as type sets.
        let schemas = document.store.schemas.values
        #expect(schemas.contains { $0.properties.contains { $0.schema.types == [.number, .string] } })
        #expect(schemas.contains { $0.properties.contains { $0.name == "fullyMatched" && $0.schema.types == [.null, .boolean] } })
    }
}
