import Conformance
import Foundation
import Hummingbird
import LatheRuntime
import LatheSigning
import Testing

/// Each provider's generated server, with the handlers the other tests use (every answer a
/// documented one), under schemathesis: no 5xx, every response conforms to the spec (status,
/// content type, headers, body), invalid requests get a documented 4xx, and a request without
/// credentials is refused. The spec is the one the server was generated from, overlays applied.
@Suite(.serialized)
struct ConformanceTests {
    func conforms(
        _ label: String, spec: String, overlays: [String] = [], headers: [String],
        register: @escaping (Router<BasicRequestContext>) throws -> Void
    ) async throws {
        let composed = try Schemathesis.composed(spec, overlays: overlays)
        defer { try? FileManager.default.removeItem(at: composed) }
        try await withServer(register: register) { url in
            let outcome = try await Schemathesis.run(spec: composed, url: url, headers: headers, label: label)
            #expect(outcome.status == 0, "\(outcome.summary)")
        }
    }

    @Test(.timeLimit(.minutes(30))) func piriod() async throws {
        try await conforms(
            "piriod", spec: "specs/piriod.yaml", overlays: ["specs/piriod.overlay.yaml"],
            headers: ["Authorization: tok_live"]
        ) { router in
            try PiriodTests.Handler().registerHandlers(
                on: router, authentication: .init(tokenAuth: { $0 == "tok_live" ? Caller($0) : nil }))
        }
    }

    @Test(.timeLimit(.minutes(30))) func dolfin() async throws {
        try await conforms(
            "dolfin", spec: "specs/dolfin.yaml", overlays: ["specs/dolfin.overlay.yaml"],
            headers: ["x-dolfin-api-key: dk_live"]
        ) { router in
            try DolfinTests.Handler().registerHandlers(
                on: router,
                authentication: .init(
                    dolfinApiKey: { $0 == "dk_live" ? Caller($0) : nil },
                    bearerAuth: { $0 == "jwt.user" ? Caller($0) : nil }))
        }
    }

    @Test(.timeLimit(.minutes(30))) func storno() async throws {
        try await conforms(
            "storno", spec: "specs/storno.yaml", overlays: ["specs/storno.overlay.yaml"],
            headers: ["Authorization: Bearer jwt.storno"]
        ) { router in
            try StornoTests.Handler(calls: CallCounter()).registerHandlers(
                on: router, middlewares: [StornoTests.CompanyContext()],
                authentication: .init(bearerAuth: { $0 == "jwt.storno" ? Caller($0) : nil })
            )
        }
    }

    /// Every request is refused: schemathesis cannot sign requests (`Request-Signature`), so this
    /// checks the refusals and the 401 documents only.
    @Test(.timeLimit(.minutes(30))) func paycashless() async throws {
        try await conforms("paycashless", spec: "specs/paycashless.yaml", headers: ["Authorization: Bearer pk_test_1"])
        { router in
            try PaycashlessTests.Handler().registerHandlers(
                on: router,
                authentication: .init(
                    bearerAuth: { $0 == "pk_test_1" ? Caller($0) : nil },
                    requestSignature: { request in
                        request.headerFields[.authorization] == "Bearer pk_test_1"
                            ? SigningPartner("acme", secret: RequestSigningSecret("sk_test_1")) : nil
                    }
                ))
        }
    }

    @Test(.timeLimit(.minutes(30))) func avaTax() async throws {
        // 1100012345:LICENSEKEY
        try await conforms(
            "avatax", spec: "specs/avatax.yaml", overlays: ["specs/avatax.overlay.yaml"],
            headers: ["Authorization: Basic MTEwMDAxMjM0NTpMSUNFTlNFS0VZ"]
        ) { router in
            try AvaTaxTests.Handler().registerHandlers(
                on: router,
                authentication: .init(basicAuth: { $0 == "1100012345" && $1 == "LICENSEKEY" ? Caller($0) : nil }))
        }
    }
}
