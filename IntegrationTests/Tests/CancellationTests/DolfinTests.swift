import DolfinCancellation
import Foundation
import HTTPTypes
import LatheRuntime
import OpenAPIRuntime
import Testing

/// Dolfin: an API key or a bearer token (from the overlay), the organisation header, decimals that
/// are numbers or strings, and RFC 7807 problems for 401, 403, 404 and 409.
struct DolfinTests {
    static let organisation = UUID(uuidString: "6f1c2b3a-0000-4000-8000-000000000001")!
    static let open = UUID(uuidString: "0b7e1f00-0000-4000-8000-000000000001")!
    static let closed = UUID(uuidString: "0b7e1f00-0000-4000-8000-000000000002")!

    struct Handler: Dolfin.APIServer {
        static func problem(_ status: Int, _ title: String, _ detail: String) throws -> Dolfin.ProblemDetails {
            try decoded(
                #"{"type": "https://tools.ietf.org/html/rfc7807", "title": "\#(title)", "status": \#(status), "detail": "\#(detail)"}"#
            )
        }

        func cancelPurchaseOrder(
            _ input: Dolfin.Operations.CancelPurchaseOrder.Input
        ) async throws -> Dolfin.Operations.CancelPurchaseOrder.Output {
            guard input.headers.xDolfinOrganisationId == DolfinTests.organisation else {
                return .forbidden(
                    .init(body: .problemJson(try Self.problem(403, "Forbidden", "Organisation.InsufficientRole"))))
            }
            switch input.path.id {
            case DolfinTests.open:
                return .ok(
                    .init(
                        body: .json(
                            try decoded(
                                #"""
                                {"id": "\#(DolfinTests.open)", "poNumber": "PO-1", "currency": "GBP", "status": "Cancelled", "supplierId": null,
                                 "lines": [{"description": "Paper", "quantityOrdered": 2, "unitPrice": "12.50", "taxRate": 20.0, "sortOrder": "1"}]}
                                """#))))
            case DolfinTests.closed:
                return .conflict(
                    .init(body: .problemJson(try Self.problem(409, "Conflict", "PurchaseOrder.AlreadyTerminal"))))
            default:
                return .notFound(
                    .init(body: .problemJson(try Self.problem(404, "Not Found", "PurchaseOrder.NotFound"))))
            }
        }
    }

    func withDolfin(
        _ kind: TransportKind, _ authentication: Dolfin.Authentication,
        _ body: @Sendable (Dolfin.Client) async throws -> Void
    ) async throws {
        try await withServer(register: { router in
            try Handler().registerHandlers(
                on: router,
                authentication: .init(
                    dolfinApiKey: { $0 == "dk_live" ? Caller($0) : nil },
                    bearerAuth: { $0 == "jwt.user" ? Caller($0) : nil }))
        }) { url in
            try await body(
                Dolfin.Client(serverURL: url, transport: kind.transport, authentication: authentication))
        }
    }

    @Test(.timeLimit(.minutes(1)), arguments: TransportKind.allCases)
    func cancelsWithEitherCredentialAndDecimalsKeepTheirForm(_ kind: TransportKind) async throws {
        for authentication in [
            Dolfin.Authentication(dolfinApiKey: APIKeyCredential("dk_live")),
            .init(bearerAuth: BearerTokenProvider(token: "jwt.user")),
        ] {
            try await withDolfin(kind, authentication) { client in
                guard
                    case .ok(let ok) = try await client.cancelPurchaseOrder(
                        id: Self.open, xDolfinOrganisationId: Self.organisation),
                    case .json(let order) = ok.body
                else {
                    Issue.record("expected 200")
                    return
                }
                #expect(order.status == .cancelled && order.supplierId == .null)
                let line = try #require(order.lines?.first)
                #expect(line.unitPrice == .string("12.50"))
                #expect(line.quantityOrdered == .number(2))
                #expect(line.sortOrder == .string("1"))
            }
        }
    }

    @Test(.timeLimit(.minutes(1)), arguments: TransportKind.allCases)
    func everyDocumentedProblemArrivesTyped(_ kind: TransportKind) async throws {
        try await withDolfin(kind, .init(dolfinApiKey: APIKeyCredential("dk_live"))) { client in
            guard
                case .conflict(let conflict) = try await client.cancelPurchaseOrder(
                    id: Self.closed, xDolfinOrganisationId: Self.organisation),
                case .problemJson(let problem) = conflict.body
            else {
                Issue.record("expected 409")
                return
            }
            #expect(problem.detail == .value("PurchaseOrder.AlreadyTerminal"))
            guard
                case .notFound = try await client.cancelPurchaseOrder(
                    id: UUID(), xDolfinOrganisationId: Self.organisation)
            else {
                Issue.record("expected 404")
                return
            }
            guard case .forbidden = try await client.cancelPurchaseOrder(id: Self.open, xDolfinOrganisationId: UUID())
            else {
                Issue.record("expected 403")
                return
            }
        }
        try await withDolfin(kind, .init(dolfinApiKey: APIKeyCredential("dk_wrong"))) { client in
            // No hook is needed here: Lathe's own 401 is the RFC 7807 problem Dolfin documents.
            guard
                case .unauthorized(let refused) = try await client.cancelPurchaseOrder(
                    id: Self.open, xDolfinOrganisationId: Self.organisation),
                case .problemJson(let problem) = refused.body
            else {
                Issue.record("a wrong API key must get 401")
                return
            }
            #expect(problem.status == .value(.number(401)))
        }
    }
}
