import Foundation
import HTTPTypes
@_spi(Generated) import LatheRuntime
import LatheSigning
import OpenAPIRuntime
import PaycashlessCancellation
import Testing

/// Paycashless: every request carries a bearer key and an HMAC-SHA512 signature that the generated
/// client computes and the generated server verifies (`x-lathe-request-signature`).
struct PaycashlessTests {
    static func invoice(status: String, reason: String?) -> String {
        #"""
        {"id": "inv_ok", "status": "\#(status)", "description": "Consulting", "currency": "NGN", "maxInstallments": 1,
         "number": "INV-0001", "reference": "ref_1", "acceptPartialPayments": false, "amountDue": 150000, "amountPaid": 0,
         "amountOverpaid": 0, "amountRemaining": 150000, "subTotal": 150000, "customerId": "cus_1", "sendEmail": true,
         "totalInclusiveTaxAmount": 0, "totalExclusiveTaxAmount": 0, "cancellationReason": \#(reason.map { String(decoding: try! JSONEncoder().encode($0), as: UTF8.self) } ?? "null"),
         "taxRateIds": [], "invoicePdf": null, "receiptPdf": null, "callbackUrl": null, "returnUrl": null, "metadata": {"order": "A-1"},
         "daysUntilDue": 30, "dueDate": "2026-12-21T00:00:00Z", "paidAt": null, "cancelledAt": "2026-11-21T10:00:00Z", "liveMode": false}
        """#
    }

    static func error(_ type: String, _ code: String, _ message: String) throws -> Paycashless.ErrorModel {
        try decoded(#"{"error": {"type": "\#(type)", "code": "\#(code)", "message": "\#(message)"}}"#)
    }

    /// Two signing partners, by API key: their names and the secrets they sign with.
    static let partners = [
        "pk_test_1": (name: "acme", secret: "sk_test_1"), "pk_test_2": (name: "globex", secret: "sk_test_2"),
    ]

    struct Handler: Paycashless.APIServer {
        func cancelInvoice(
            _ input: Paycashless.Operations.CancelInvoice.Input
        ) async throws -> Paycashless.Operations.CancelInvoice.Output {
            // Each partner sees its own invoices: acme's is not globex's to cancel.
            if input.path.id == "inv_acme" {
                guard input.caller?.id == "acme" else {
                    return .notFound(
                        .init(
                            body: .json(
                                try PaycashlessTests.error(
                                    "invalid_request_error", "resource_missing",
                                    "No such invoice for \(input.caller?.id ?? "nobody")."))))
                }
                return .ok(
                    .init(body: .json(try decoded(PaycashlessTests.invoice(status: "cancelled", reason: "acme")))))
            }
            // The spec's `default` response covers every status, so there is no `undocumented` case.
            guard case .json(let request) = input.body else {
                return .default(
                    statusCode: 415,
                    .init(
                        body: .json(
                            try PaycashlessTests.error("invalid_request_error", "unsupported_media_type", "Send JSON."))
                    ))
            }
            switch input.path.id {
            case "inv_ok":
                if request.cancellationReason.isEmpty {
                    return .unprocessableContent(
                        .init(
                            body: .json(
                                try PaycashlessTests.error(
                                    "invalid_request_error", "cancellation_reason_empty", "A reason is required."))))
                }
                return .ok(
                    .init(
                        body: .json(
                            try decoded(
                                PaycashlessTests.invoice(status: "cancelled", reason: request.cancellationReason)))))
            case "inv_paid":
                return .conflict(
                    .init(
                        body: .json(
                            try PaycashlessTests.error(
                                "invalid_request_error", "invoice_not_cancellable",
                                "A paid invoice cannot be cancelled."))))
            case "inv_busy":
                return .tooManyRequests(
                    .init(body: .json(try PaycashlessTests.error("api_error", "rate_limited", "Too many requests."))))
            case "inv_crash":
                return .default(
                    statusCode: 503,
                    .init(body: .json(try PaycashlessTests.error("api_error", "unavailable", "Try again later."))))
            default:
                return .notFound(
                    .init(
                        body: .json(
                            try PaycashlessTests.error("invalid_request_error", "resource_missing", "No such invoice."))
                    ))
            }
        }

        func cancelInvoice(
            badRequest error: RequestError
        ) async throws -> Paycashless.Operations.CancelInvoice.Output.BadRequest? {
            .init(
                body: .json(
                    try PaycashlessTests.error(
                        "invalid_request_error", "parameter_missing",
                        error.issues.map(\.description).joined(separator: "; "))))
        }

        func cancelInvoice(
            unauthorized schemes: [String]
        ) async throws -> Paycashless.Operations.CancelInvoice.Output.Unauthorized? {
            .init(
                body: .json(
                    try PaycashlessTests.error(
                        "authentication_error", "request_signature_invalid", "The request signature is invalid.")))
        }
    }

    func withPaycashless(
        _ kind: TransportKind, key: String, secret: String,
        _ body: @Sendable (Paycashless.Client, URL) async throws -> Void
    ) async throws {
        try await withServer(register: { router in
            try Handler().registerHandlers(
                on: router,
                authentication: .init(
                    bearerAuth: { key in Self.partners[key].map { Caller($0.name) } },
                    // The partner whose key the request presents, and the secret they sign with.
                    requestSignature: { request in
                        let key = request.headerFields[.authorization]?.replacingOccurrences(of: "Bearer ", with: "")
                        return key.flatMap { Self.partners[$0] }.map {
                            SigningPartner(Caller($0.name), secret: RequestSigningSecret($0.secret))
                        }
                    }
                ))
        }) { url in
            let authentication = Paycashless.Authentication(
                bearerAuth: BearerTokenProvider(token: key), requestSignature: RequestSigningSecret(secret))
            try await body(
                Paycashless.Client(
                    serverURL: url, transport: kind.transport, authentication: authentication), url)
        }
    }

    @Test(.timeLimit(.minutes(1)), arguments: TransportKind.allCases)
    func aSignedCancellationAndEveryDocumentedError(_ kind: TransportKind) async throws {
        try await withPaycashless(kind, key: "pk_test_1", secret: "sk_test_1") { client, url in
            guard
                case .ok(let ok) = try await client.cancelInvoice(
                    id: "inv_ok", body: .init(cancellationReason: "Duplicate \"order\" / é")),
                case .json(let invoice) = ok.body
            else {
                Issue.record("expected 200")
                return
            }
            #expect(invoice.status == .cancelled && invoice.cancellationReason == "Duplicate \"order\" / é")

            let statuses: [(String, String, (Paycashless.Operations.CancelInvoice.Output) -> Bool)] = [
                ("inv_ok", "", { if case .unprocessableContent = $0 { true } else { false } }),
                ("inv_paid", "x", { if case .conflict = $0 { true } else { false } }),
                ("inv_busy", "x", { if case .tooManyRequests = $0 { true } else { false } }),
                ("inv_crash", "x", { if case .default(503, _) = $0 { true } else { false } }),
                ("inv_gone", "x", { if case .notFound = $0 { true } else { false } }),
            ]
            for (id, reason, matches) in statuses {
                let output = try await client.cancelInvoice(id: id, body: .init(cancellationReason: reason))
                #expect(matches(output), "\(id): \(output)")
            }

            // A signed request whose body breaks the schema: the documented 400, shaped by the hook.
            var request = HTTPRequest(method: .post, scheme: nil, authority: nil, path: "/v1/invoices/inv_ok/cancel")
            request.headerFields[.authorization] = "Bearer pk_test_1"
            request.headerFields[.contentType] = "application/json"
            var body: HTTPBody? = HTTPBody(#"{"reason": "wrong field"}"#)
            try await RequestSignature(
                header: "Request-Signature", timestampHeader: "Request-Timestamp", tolerance: 300,
                components: [.lowercasedPath, .bodyHash, .timestamp]
            )
            .sign(&request, body: &body, secret: "sk_test_1")
            let (response, responseBody) = try await kind.transport.send(
                request, body: body, baseURL: url, operationID: "raw")
            #expect(response.status.code == 400)
            let error = try decoded(
                Paycashless.ErrorModel.self, try await String(collecting: responseBody!, upTo: 1 << 16))
            #expect(
                error.error.code == "parameter_missing" && error.error.message.contains("$.body.cancellationReason"))
        }
    }

    /// The verifier says who signed, and the handler answers each partner on its own terms.
    @Test(.timeLimit(.minutes(1)), arguments: TransportKind.allCases)
    func theHandlerKnowsWhichPartnerSigned(_ kind: TransportKind) async throws {
        try await withPaycashless(kind, key: "pk_test_1", secret: "sk_test_1") { client, _ in
            let invoice = try await client.cancelInvoice(id: "inv_acme", body: .init(cancellationReason: "Dup")).get()
            #expect(invoice.cancellationReason == "acme")
        }
        try await withPaycashless(kind, key: "pk_test_2", secret: "sk_test_2") { client, _ in
            let output = try await client.cancelInvoice(id: "inv_acme", body: .init(cancellationReason: "Dup"))
            #expect(try output.notFound.body.json.error.message == "No such invoice for globex.")
        }
        // globex's key signed with acme's secret: refused before the handler.
        try await withPaycashless(kind, key: "pk_test_2", secret: "sk_test_1") { client, _ in
            let output = try await client.cancelInvoice(id: "inv_acme", body: .init(cancellationReason: "Dup"))
            #expect(output.statusCode == 401)
        }
    }

    @Test(.timeLimit(.minutes(1)), arguments: TransportKind.allCases)
    func aWrongSecretOrKeyIsRefusedWithTheDocumented401(_ kind: TransportKind) async throws {
        for (key, secret) in [("pk_test_1", "sk_wrong"), ("pk_wrong", "sk_test_1")] {
            try await withPaycashless(kind, key: key, secret: secret) { client, url in
                guard
                    case .unauthorized(let refused) = try await client.cancelInvoice(
                        id: "inv_ok", body: .init(cancellationReason: "Duplicate")),
                    case .json(let error) = refused.body
                else {
                    Issue.record("key \(key), secret \(secret): expected 401")
                    return
                }
                #expect(error.error.type == .authenticationError && error.error.code == "request_signature_invalid")
            }
        }
        // Right key, no signature at all.
        try await withPaycashless(kind, key: "pk_test_1", secret: "sk_test_1") { _, url in
            let unsigned = try await sendRaw(
                kind, to: url, .post, "/v1/invoices/inv_ok/cancel", headers: [.authorization: "Bearer pk_test_1"],
                json: #"{"cancellationReason": "x"}"#)
            #expect(unsigned.status == 401)
        }
    }
}
