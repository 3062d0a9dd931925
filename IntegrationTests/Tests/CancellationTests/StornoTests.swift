import Foundation
import HTTPTypes
import LatheRuntime
import OpenAPIRuntime
import StornoCancellation
import Testing

/// Storno: a bearer JWT and `X-Company`, a `reason` of at least 10 characters checked on both
/// sides, money as decimal strings, and 400/401/403/404/409/422/429.
struct StornoTests {
    static let company = UUID(uuidString: "550e8400-e29b-41d4-a716-446655440000")!
    static let issued = UUID(uuidString: "7c9e6679-7425-40de-944b-e07fc1f90ae7")!
    static let cancelled = UUID(uuidString: "7c9e6679-7425-40de-944b-e07fc1f90ae8")!
    static let uploaded = UUID(uuidString: "7c9e6679-7425-40de-944b-e07fc1f90ae9")!
    static let busy = UUID(uuidString: "7c9e6679-7425-40de-944b-e07fc1f90aea")!
    static let reason = "Client requested cancellation due to incorrect billing information"

    static func invoice(_ id: UUID, status: String) -> String {
        #"{"id": "\#(id)", "number": "STR-2026-001", "status": "\#(status)", "currency": "RON", "total": "1190.00", "subtotal": 1000, "cancellationReason": "\#(reason)", "cancelledAt": "2026-11-21T10:00:00+02:00"}"#
    }

    struct Handler: Storno.APIServer {
        let calls: CallCounter

        func cancelInvoice(
            _ input: Storno.Operations.CancelInvoice.Input
        ) async throws -> Storno.Operations.CancelInvoice.Output {
            await calls.increment()
            switch input.path.uuid {
            case StornoTests.issued:
                return .ok(.init(body: .json(try decoded(StornoTests.invoice(input.path.uuid, status: "cancelled")))))
            case StornoTests.cancelled:
                return .conflict(.init(body: .json(try decoded(#"{"error": "Invoice is already cancelled."}"#))))
            case StornoTests.uploaded:
                return .unprocessableContent(
                    .init(body: .json(try decoded(#"{"error": "Doar facturile ciorna sau emise pot fi anulate."}"#))))
            case StornoTests.busy:
                return .tooManyRequests(
                    .init(headers: .init(retryAfter: 30), body: .json(try decoded(#"{"error": "Too many requests."}"#)))
                )
            default: return .notFound(.init(body: .json(try decoded(#"{"error": "Invoice not found."}"#))))
            }
        }

        func cancelInvoice(
            badRequest error: RequestError
        ) async throws -> Storno.Operations.CancelInvoice.Output.BadRequest? {
            var fields: [String: String] = [:]
            for issue in error.issues {
                fields[issue.path.replacingOccurrences(of: "$.body.", with: ""), default: issue.message] = issue.message
            }
            let errors = String(decoding: try JSONEncoder().encode(fields), as: UTF8.self)
            return .init(
                body: .json(try decoded(#"{"error": "Validation failed", "code": 400, "errors": \#(errors)}"#)))
        }

        func cancelInvoice(
            unauthorized schemes: [String]
        ) async throws -> Storno.Operations.CancelInvoice.Output.Unauthorized? {
            .init(body: .json(try decoded(#"{"code": 401, "message": "Expired JWT Token"}"#)))
        }

        func restoreInvoice(
            badRequest error: RequestError
        ) async throws -> Storno.Operations.RestoreInvoice.Output.BadRequest? {
            .init(body: .json(try decoded(#"{"error": "Validation failed", "code": 400}"#)))
        }

        func restoreInvoice(
            unauthorized schemes: [String]
        ) async throws -> Storno.Operations.RestoreInvoice.Output.Unauthorized? {
            .init(body: .json(try decoded(#"{"code": 401, "message": "Expired JWT Token"}"#)))
        }

        func restoreInvoice(
            _ input: Storno.Operations.RestoreInvoice.Input
        ) async throws -> Storno.Operations.RestoreInvoice.Output {
            input.path.uuid == StornoTests.cancelled
                ? .ok(.init(body: .json(try decoded(StornoTests.invoice(input.path.uuid, status: "issued")))))
                : .conflict(.init(body: .json(try decoded(#"{"error": "Only cancelled invoices can be restored."}"#))))
        }
    }

    /// Storno's company context, as its backend checks it before any controller: 403 without `X-Company`.
    struct CompanyContext: ServerMiddleware {
        func intercept(
            _ request: HTTPRequest, body: HTTPBody?, metadata: ServerRequestMetadata, operationID: String,
            next: @Sendable (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?)
        ) async throws -> (HTTPResponse, HTTPBody?) {
            guard request.headerFields[HTTPField.Name("X-Company")!] != nil else {
                var response = HTTPResponse(status: .forbidden)
                response.headerFields[.contentType] = "application/json"
                return (
                    response,
                    HTTPBody(#"{"error": "Company context required", "message": "Send the X-Company header."}"#)
                )
            }
            return try await next(request, body, metadata)
        }
    }

    func withStorno(
        _ kind: TransportKind, token: String, calls: CallCounter = CallCounter(),
        _ body: @Sendable (Storno.Client, URL) async throws -> Void
    ) async throws {
        try await withServer(register: { router in
            try Handler(calls: calls).registerHandlers(
                on: router, middlewares: [CompanyContext()],
                authentication: .init(bearerAuth: { $0 == "jwt.storno" ? Caller($0) : nil }))
        }) { url in
            try await body(
                Storno.Client(
                    serverURL: url, transport: kind.transport,
                    authentication: .init(bearerAuth: BearerTokenProvider(token: token))), url)
        }
    }

    /// The call form that returns the success value: Storno's documented 409 reaches one `catch`,
    /// with its status and its decoded `ErrorModel`; so does its 422, in the same shape.
    @Test(.timeLimit(.minutes(1)), arguments: TransportKind.allCases)
    func documentedErrorsReachCatch(_ kind: TransportKind) async throws {
        try await withStorno(kind, token: "jwt.storno") { client, _ in
            for (invoice, status, message) in [
                (Self.cancelled, 409, "Invoice is already cancelled."),
                (Self.uploaded, 422, "Doar facturile ciorna sau emise pot fi anulate."),
            ] {
                do {
                    let cancelled = try await client.cancelInvoice(
                        uuid: invoice, xCompany: Self.company, body: .init(reason: Self.reason)
                    ).get()
                    Issue.record("expected \(status), got \(cancelled)")
                } catch let error as ResponseError<Storno.ErrorModel> {
                    #expect(error.statusCode == status)
                    #expect(error.body?.error == message)
                    #expect(error.operationID == "cancelInvoice" && error.expected == "200")
                    #expect(error.output is Storno.Operations.CancelInvoice.Output)
                }
            }
            // The accessors throw the same error: one expression for the happy path.
            let restored = try await client.restoreInvoice(uuid: Self.cancelled, xCompany: Self.company).ok.body.json
            #expect(restored.status == .issued)
            await #expect(throws: ResponseError<Storno.ErrorModel>.self) {
                try await client.restoreInvoice(uuid: Self.issued, xCompany: Self.company).ok
            }
        }
    }

    /// Storno's backend accepts a `reason` shorter than its spec's 10 characters. A client that must
    /// reach it switches validation off; this test's server still checks, and answers 400 in Storno's shape.
    @Test(.timeLimit(.minutes(1)), arguments: TransportKind.allCases)
    func validationCanBeSwitchedOffPerClient(_ kind: TransportKind) async throws {
        try await withStorno(kind, token: "jwt.storno") { client, url in
            await #expect(throws: OperationError.self) {
                try await client.cancelInvoice(uuid: Self.issued, xCompany: Self.company, body: .init(reason: "short"))
            }
            var lax = client
            lax.configuration.validatesInput = false
            let output = try await lax.cancelInvoice(
                uuid: Self.issued, xCompany: Self.company, body: .init(reason: "short"))
            #expect(try output.badRequest.body.json.errors?["reason"]?.contains("at least 10") == true)
        }
    }

    @Test(.timeLimit(.minutes(1)), arguments: TransportKind.allCases)
    func cancelRestoreAndEveryDocumentedError(_ kind: TransportKind) async throws {
        try await withStorno(kind, token: "jwt.storno") { client, url in
            let invoice = try await client.cancelInvoice(
                uuid: Self.issued, xCompany: Self.company, body: .init(reason: Self.reason)
            ).get()
            #expect(
                invoice.status == .cancelled && invoice.total == .string("1190.00") && invoice.subtotal == .number(1000)
            )
            guard case .ok = try await client.restoreInvoice(uuid: Self.cancelled, xCompany: Self.company) else {
                Issue.record("expected the restore to succeed")
                return
            }
            guard
                case .conflict = try await client.cancelInvoice(
                    uuid: Self.cancelled, xCompany: Self.company, body: .init(reason: Self.reason)),
                case .unprocessableContent(let refused) = try await client.cancelInvoice(
                    uuid: Self.uploaded, xCompany: Self.company, body: .init(reason: Self.reason)),
                case .json(let romanian) = refused.body,
                case .notFound = try await client.cancelInvoice(
                    uuid: UUID(), xCompany: Self.company, body: .init(reason: Self.reason)),
                case .tooManyRequests(let limited) = try await client.cancelInvoice(
                    uuid: Self.busy, xCompany: Self.company, body: .init(reason: Self.reason))
            else {
                Issue.record("expected 409, 422, 404 and 429")
                return
            }
            #expect(romanian.error == "Doar facturile ciorna sau emise pot fi anulate.")
            #expect(limited.headers.retryAfter == 30)

            // Without X-Company (the client cannot leave it out, so by hand): 403.
            let anonymous = try await sendRaw(
                kind, to: url, .post, "/api/v1/invoices/\(Self.issued)/cancel",
                headers: [.authorization: "Bearer jwt.storno"], json: #"{"reason": "\#(Self.reason)"}"#)
            #expect(anonymous.status == 403 && anonymous.body.contains("Company context required"))
            // A short reason sent by hand: the server's 400, in Storno's shape.
            let short = try await sendRaw(
                kind, to: url, .post, "/api/v1/invoices/\(Self.issued)/cancel",
                headers: [.authorization: "Bearer jwt.storno", HTTPField.Name("X-Company")!: Self.company.uuidString],
                json: #"{"reason": "too short"}"#)
            #expect(short.status == 400)
            let error = try decoded(Storno.ErrorModel.self, short.body)
            #expect(error.errors?["reason"]?.contains("at least 10") == true)
        }
    }

    @Test(.timeLimit(.minutes(1)), arguments: TransportKind.allCases)
    func aShortReasonNeverLeavesTheClientAndABadTokenGets401(_ kind: TransportKind) async throws {
        let calls = CallCounter()
        try await withStorno(kind, token: "jwt.storno", calls: calls) { client, _ in
            do {
                _ = try await client.cancelInvoice(
                    uuid: Self.issued, xCompany: Self.company, body: .init(reason: "too short"))
                Issue.record("a 9-character reason must be refused before sending")
            } catch let error as OperationError {
                guard case .invalidInput(let issues) = error.reason else {
                    Issue.record("expected invalid input, got \(error)")
                    return
                }
                #expect(issues.map(\.path) == ["$.body.reason"])
            }
        }
        #expect(await calls.count == 0)
        try await withStorno(kind, token: "jwt.expired") { client, _ in
            guard
                case .unauthorized(let refused) = try await client.cancelInvoice(
                    uuid: Self.issued, xCompany: Self.company, body: .init(reason: Self.reason)),
                case .json(let error) = refused.body
            else {
                Issue.record("a wrong token must get 401")
                return
            }
            #expect(error.message == "Expired JWT Token")
        }
    }
}
