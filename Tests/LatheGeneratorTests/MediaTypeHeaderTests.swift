import Foundation
import LatheGenerator
import Testing

/// Header parameters named `Content-Type`, `Accept` and `Authorization`, which OpenAPI says to
/// ignore. The body's media type sets `Content-Type`, so such a parameter is left out (a value the
/// caller gave was overwritten). An `Accept` one says what the API wants asked for (a registry's
/// manifest types, BigCommerce's `application/vnd.bc.v1+json`): the client sends it when given, in
/// place of the documented types, which it overwrote before. An `Authorization` one is sent when
/// given, and a configured security scheme replaces it.
struct MediaTypeHeaderTests {
    @Test func contentTypeIsLeftOutAndAcceptIsSentWhenGiven() throws {
        let spec = """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths:
              /payments:
                post:
                  operationId: pay
                  parameters:
                    - name: Accept
                      in: header
                      required: true
                      schema: {type: string, enum: [application/vnd.bc.v1+json], default: application/vnd.bc.v1+json}
                    - {name: Content-Type, in: header, required: true, schema: {type: string}}
                    - {name: Authorization, in: header, schema: {type: string}}
                  security: [{token: []}]
                  requestBody:
                    content: {application/json: {schema: {type: object}}}
                  responses: {'200': {description: ok, content: {application/json: {schema: {type: object}}}}}
              /manifests/{reference}:
                get:
                  operationId: getManifest
                  parameters:
                    - {name: reference, in: path, required: true, schema: {type: string}}
                    - {name: accept, in: header, schema: {type: string}}
                  responses: {'200': {description: ok, content: {application/json: {schema: {type: object}}}}}
            components:
              securitySchemes:
                token: {type: http, scheme: bearer}
            """
        let result = Generator.generate(bytes: Array(spec.utf8), path: "headers.yaml")
        let warnings = result.diagnostics.all.filter {
            ["header-parameter-ignored", "accept-parameter", "authorization-parameter"].contains($0.kind)
        }
        .map(\.description)
        #expect(
            warnings == [
                "headers.yaml:8:11: warning: OpenAPI ignores a header parameter named 'Accept'; Lathe sends its "
                    + "value, when one is given, in place of the media types the responses document [accept-parameter]",
                "headers.yaml:12:11: warning: OpenAPI ignores a header parameter named 'Content-Type'; Lathe leaves "
                    + "it out, and the body's media type sets the header [header-parameter-ignored]",
                "headers.yaml:13:11: warning: OpenAPI ignores a header parameter named 'Authorization'; Lathe sends "
                    + "its value, when one is given, and a configured security scheme's credential replaces it "
                    + "[authorization-parameter]",
                "headers.yaml:23:11: warning: OpenAPI ignores a header parameter named 'accept'; Lathe sends its "
                    + "value, when one is given, in place of the media types the responses document [accept-parameter]",
            ], "\(warnings)")
        let client = try #require(result.files.first { $0.name == "Client.swift" }).contents
        #expect(
            client.contains(
                "public func pay(accept: PayAccept = .applicationVndBcV1Json, authorization: Swift.String? = nil, body: "
            ),
            "\(client)")
        // The parameter is set first, the scheme's credential after: a configured one replaces it.
        let parameterSet = try #require(client.range(of: "request.headerFields.set(\"Authorization\""))
        let schemeApplied = try #require(
            client.range(of: "try await authentication.apply(to: &request, operationID: Operations.Pay.id"))
        #expect(parameterSet.lowerBound < schemeApplied.lowerBound)
        #expect(client.contains("public func getManifest(reference: Swift.String, accept: Swift.String? = nil)"))
        #expect(!client.contains("Content-Type\", "))
        let documented =
            "if request.headerFields[.accept] == nil { request.headerFields[.accept] = \"application/json\" }"
        #expect(client.components(separatedBy: documented).count == 3)

        let (folder, paths) = try writeToTemporaryFolder(result.files, label: "media-type-headers")
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try SwiftCompiler.typecheck(paths, flags: ["-warnings-as-errors"])
        #expect(outcome.status == 0, "\(outcome.output.prefix(4000))")
    }

    /// QStash's `Upstash-Forward-*`: a family of headers OpenAPI cannot describe, sent as written and
    /// said once, however many operations share it.
    @Test func aHeaderNamedAsAFamilyIsSaidOnce() throws {
        let spec = """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths:
              /publish:
                parameters:
                  - {name: Upstash-Forward-*, in: header, schema: {type: string}}
                post: {operationId: publish, responses: {'200': {description: ok}}}
                put: {operationId: republish, responses: {'200': {description: ok}}}
            """
        let result = Generator.generate(bytes: Array(spec.utf8), path: "family.yaml")
        #expect(
            result.diagnostics.all.filter { $0.kind == "header-name-wildcard" }.map(\.description) == [
                "family.yaml:6:9: warning: header 'Upstash-Forward-*' names a family of headers (any name with that "
                    + "prefix), which OpenAPI cannot describe; Lathe sends and reads one header named "
                    + "'Upstash-Forward-*' as written; add others of the family through the transport or a middleware "
                    + "[header-name-wildcard]"
            ])
        let client = try #require(result.files.first { $0.name == "Client.swift" }).contents
        #expect(client.contains("\"Upstash-Forward-*\""))
    }
}
