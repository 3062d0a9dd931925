import LatheOpenAPI
import Testing

@testable import LatheIR

/// Lathe's vendor extensions: `x-lathe-api-key-prefix`, `x-lathe-request-signature`,
/// `x-lathe-failure-when`. The decoder checks them (each mistake a located warning) and lowering
/// turns what is right into the IR; the rest still generates.
struct ExtensionLoweringTests {
    /// The module, and the diagnostics of decoding, then of lowering.
    func lower(_ yaml: String) throws -> (IRModule, [String]) {
        let loaded = OpenAPILoader.load(bytes: Array(yaml.utf8), path: "spec.yaml")
        #expect(!loaded.hasErrors, "\(loaded.diagnostics.all)")
        let (module, diagnostics) = Lowering.lower(try #require(loaded.document), specName: "spec.yaml")
        return (module, (loaded.diagnostics.all + diagnostics.all).map(\.description))
    }

    static func spec(schemes: String, response: String = "") -> String {
        """
        openapi: 3.0.3
        info: {title: T, version: '1'}
        paths:
          /a:
            post:
              operationId: a
              responses:
                '200':
                  description: OK
        \(response)
                  content:
                    application/json:
                      schema: {type: object, properties: {result: {type: object, properties: {code: {type: string}}}}}
        components:
          securitySchemes:
        \(schemes)
        """
    }

    @Test func extensionsThatAreRightBecomeTheIR() throws {
        let (module, diagnostics) = try lower(
            Self.spec(
                schemes: """
                        token: {type: apiKey, in: header, name: Authorization, x-lathe-api-key-prefix: Token}
                        signed:
                          type: apiKey
                          in: header
                          name: X-Signature
                          x-lathe-request-signature: {algorithm: hmac-sha512, timestampHeader: X-Time, stringToSign: [method, path, body-hash, timestamp]}
                    """,
                response: """
                              x-lathe-failure-when: {property: [result, code], equals: FAILED}
                    """))
        #expect(diagnostics == [])
        #expect(
            module.securitySchemes.map(\.kind) == [
                .apiKey(name: "Authorization", location: .header, prefix: "Token"),
                .requestSignature(
                    IRRequestSignature(
                        header: "X-Signature", timestampHeader: "X-Time", tolerance: 300,
                        components: ["method", "path", "body-hash", "timestamp"])),
            ])
        #expect(module.hasRequestSigning)
        #expect(
            module.operations[0].responses[0].failureWhen
                == IRFailureCondition(property: ["result", "code"], values: ["FAILED"], message: nil))
    }

    @Test func mistakesAreLocatedWarningsAndTheSchemeIsLeftToTheTransport() throws {
        let (module, diagnostics) = try lower(
            Self.spec(
                schemes: """
                        token: {type: apiKey, in: header, name: Authorization, x-lathe-api-key-prefix: 'Token '}
                        signed:
                          type: apiKey
                          in: header
                          name: X-Signature
                          x-lathe-request-signature: {algorithm: hmac-sha256, timestampHeader: X-Time, stringToSign: [path]}
                        query:
                          type: apiKey
                          in: query
                          name: sig
                          x-lathe-request-signature: {algorithm: hmac-sha512, timestampHeader: X-Time, stringToSign: [path, host]}
                    """,
                response: """
                              x-lathe-failure-when: {equals: [FAILED]}
                    """))
        #expect(
            diagnostics == [
                "spec.yaml:10:33: warning: 'x-lathe-failure-when' needs 'property', "
                    + "the path to the member to test (such as [Result, Code]); it is ignored [lathe-extension]",
                "spec.yaml:16:84: warning: 'x-lathe-api-key-prefix' is the word sent before the key, "
                    + "such as 'Token'; it is ignored [lathe-extension]",
                "spec.yaml:21:46: warning: Lathe signs requests with 'algorithm: hmac-sha512' only [lathe-extension]",
                "spec.yaml:26:34: warning: 'x-lathe-request-signature' belongs on an apiKey scheme in a header "
                    + "(the header the signature is sent in) [lathe-extension]",
                "spec.yaml:18:7: warning: Lathe does not apply request signing ('x-lathe-request-signature') "
                    + "itself; configure it in the transport [security-scheme-unsupported]",
                "spec.yaml:23:7: warning: Lathe does not apply request signing ('x-lathe-request-signature') "
                    + "itself; configure it in the transport [security-scheme-unsupported]",
            ])
        #expect(
            module.securitySchemes.map(\.kind) == [
                .apiKey(name: "Authorization", location: .header, prefix: nil),
                .unsupported("request signing ('x-lathe-request-signature')"),
                .unsupported("request signing ('x-lathe-request-signature')"),
            ])
        #expect(module.operations[0].responses[0].failureWhen == nil)
    }

    @Test func misspeltFieldsOfAnExtensionGetADidYouMean() throws {
        let (module, diagnostics) = try lower(
            Self.spec(
                schemes: """
                        signed:
                          type: apiKey
                          in: header
                          name: X-Signature
                          x-lathe-request-signature: {algorithm: hmac-sha512, timestampHeader: X-Time, timestampTolerence: 60, stringToSign: [path]}
                    """,
                response: """
                              x-lathe-failure-when: {property: [result, code], equals: FAILED, mesage: [result]}
                    """))
        #expect(
            diagnostics == [
                "spec.yaml:10:76: warning: unknown field 'mesage' in 'x-lathe-failure-when'; "
                    + "it is ignored (did you mean 'message'?) [unknown-field]",
                "spec.yaml:20:84: warning: unknown field 'timestampTolerence' in 'x-lathe-request-signature'; "
                    + "it is ignored (did you mean 'timestampTolerance'?) [unknown-field]",
            ])
        #expect(
            module.securitySchemes.map(\.kind) == [
                .requestSignature(
                    IRRequestSignature(
                        header: "X-Signature", timestampHeader: "X-Time", tolerance: 300, components: ["path"]))
            ])
    }
}
