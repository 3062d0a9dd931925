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

        let scheme = try #require(
            document.store.securityScheme(
                .reference(
                    Reference(raw: "", targetKey: document.components.securitySchemes[0].key, node: document.node))))
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
        #expect(
            schemas.contains {
                $0.properties.contains { $0.name == "fullyMatched" && $0.schema.types == [.null, .boolean] }
            })
    }
}

/// The three providers without OpenAPI of their own: the descriptions Lathe's project wrote from
/// their documentation (specs/), read without a diagnostic.
struct AuthoredSpecTests {
    @Test(arguments: ["storno.yaml", "paycashless.yaml", "avatax.yaml"])
    func readsClean(_ file: String) throws {
        let result = OpenAPILoader.load(path: repositoryRoot + "/specs/" + file)
        #expect(result.diagnostics.all.map(\.description) == [])
        #expect(result.document != nil)
    }

    @Test func eachCoversWhatItsProviderDocuments() throws {
        let storno = try #require(OpenAPILoader.load(path: repositoryRoot + "/specs/storno.yaml").document)
        #expect(storno.version.text == "3.1.1")
        #expect(storno.operations.map(\.path) == ["/api/v1/invoices/{uuid}/cancel", "/api/v1/invoices/{uuid}/restore"])
        #expect(
            storno.operations[0].responses.map(\.key.description) == [
                "200", "400", "401", "403", "404", "409", "422", "429",
            ])

        let paycashless = try #require(OpenAPILoader.load(path: repositoryRoot + "/specs/paycashless.yaml").document)
        #expect(paycashless.version.text == "3.0.3")
        #expect(paycashless.security?.first?.schemes.map(\.name) == ["bearerAuth", "requestSignature"])

        let avatax = try #require(OpenAPILoader.load(path: repositoryRoot + "/specs/avatax.yaml").document)
        #expect(avatax.version.text == "3.0.3")
        let body = try #require(avatax.operations.first?.requestBody.flatMap(avatax.store.requestBody))
        #expect(body.content.map(\.contentType) == ["text/json", "application/json", "text/xml"])
    }
}

/// A media type written the wrong way round (`plain/text`, OpenThread's border router) is read as
/// the one it swaps: only where the written top-level type is none IANA registers and the swapped
/// one is.
struct TransposedMediaTypeTests {
    @Test func plainTextIsReadAsTextPlain() throws {
        let spec = """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths:
              /a:
                post:
                  requestBody:
                    content:
                      plain/text: {schema: {type: string}}
                      json/application: {schema: {type: object}}
                      vnd.acme/json: {schema: {type: string}}
                      x-world/x-vrml: {schema: {type: string}}
                  responses: {'204': {description: ok}}
            """
        let document = try #require(OpenAPILoader.load(bytes: Array(spec.utf8), path: "spec.yaml").document)
        let body = try #require(document.operations.first?.requestBody.flatMap(document.store.requestBody))
        #expect(
            body.content.map(\.contentType) == ["text/plain", "application/json", "vnd.acme/json", "x-world/x-vrml"])
    }
}
