import Foundation
import HTTPTypes
import LatheRuntime
import OpenAPIRuntime
import PiriodCancellation
import Testing

/// Piriod's generated client against its generated server over real HTTP: `Authorization: Token …`,
/// the workspace header, the 201, and the 400 field map and `{detail}` errors the overlay adds.
struct PiriodTests {
    struct Handler: Piriod.APIServer {
        func createCancellation(
            _ input: Piriod.Operations.CreateCancellation.Input
        ) async throws -> Piriod.Operations.CreateCancellation.Output {
            guard input.headers.xSimpleWorkspace == "acc_1" else {
                return .forbidden(
                    .init(body: .json(.init(detail: "You do not have permission to perform this action."))))
            }
            guard case .json(let cancellation) = input.body else {
                return .undocumented(statusCode: 415, headers: [:], body: nil)
            }
            if cancellation.retention == 404 { return .notFound(.init(body: .json(.init(detail: "Not found.")))) }
            if cancellation.number == 7 {
                return .badRequest(
                    .init(
                        body: .json(
                            try decoded(
                                #"{"number": ["Ensure this value is unique."], "non_field_errors": ["Check the folio range."]}"#
                            ))))
            }
            var created = cancellation
            created.id = 99
            created.testMode = input.headers.xPiriodTestMode
            return .created(.init(body: .json(created)))
        }

        /// Piriod's own 400 shape: field names, and `non_field_errors` for the rest.
        func createCancellation(
            badRequest error: RequestError
        ) async throws -> Piriod.Operations.CreateCancellation.Output.BadRequest? {
            var fields: [String: [Piriod.ValidationErrorValueItem]] = [:]
            for issue in error.issues {
                let field = issue.path.hasPrefix("$.body.") ? String(issue.path.dropFirst(7)) : "non_field_errors"
                fields[field, default: []].append(.init(string: issue.message))
            }
            return .init(body: .json(fields))
        }

        func createCancellation(
            unauthorized schemes: [String]
        ) async throws -> Piriod.Operations.CreateCancellation.Output.Unauthorized? {
            .init(body: .json(.init(detail: "Invalid token.")))
        }
    }

    func withPiriod(
        _ kind: TransportKind, token: String, _ body: @Sendable (Piriod.Client, URL) async throws -> Void
    ) async throws {
        try await withServer(register: { router in
            try Handler().registerHandlers(
                on: router, authentication: .init(tokenAuth: { $0 == "tok_live" ? Caller($0) : nil }))
        }) { url in
            let client = Piriod.Client(
                serverURL: url, transport: kind.transport, authentication: .init(tokenAuth: APIKeyCredential(token)))
            try await body(client, url)
        }
    }

    static let cancellation = Piriod.Cancellation(
        retention: 12, document: 61, number: 1001, date: CalendarDate(year: 2026, month: 11, day: 21)!,
        note: .value("Anulada"))

    @Test(.timeLimit(.minutes(1)), arguments: TransportKind.allCases)
    func cancelsAndEveryDocumentedErrorArrivesTyped(_ kind: TransportKind) async throws {
        try await withPiriod(kind, token: "tok_live") { client, _ in
            guard
                case .created(let created) = try await client.createCancellation(
                    xSimpleWorkspace: "acc_1", xPiriodTestMode: true, body: Self.cancellation),
                case .json(let body) = created.body
            else {
                Issue.record("expected 201")
                return
            }
            #expect(
                body.id == 99 && body.retention == 12 && body.testMode == true
                    && body.date == CalendarDate(year: 2026, month: 11, day: 21))

            guard
                case .forbidden(let forbidden) = try await client.createCancellation(
                    xSimpleWorkspace: "acc_other", body: Self.cancellation),
                case .json(let detail) = forbidden.body
            else {
                Issue.record("expected 403")
                return
            }
            #expect(detail.detail == "You do not have permission to perform this action.")

            var missing = Self.cancellation
            missing.retention = 404
            guard case .notFound = try await client.createCancellation(xSimpleWorkspace: "acc_1", body: missing) else {
                Issue.record("expected 404")
                return
            }
            var duplicate = Self.cancellation
            duplicate.number = 7
            guard
                case .badRequest(let bad) = try await client.createCancellation(
                    xSimpleWorkspace: "acc_1", body: duplicate),
                case .json(let fields) = bad.body
            else {
                Issue.record("expected 400")
                return
            }
            #expect(fields["number"] == [.init(string: "Ensure this value is unique.")])
            #expect(fields["non_field_errors"] == [.init(string: "Check the folio range.")])
        }
    }

    @Test(.timeLimit(.minutes(1)), arguments: TransportKind.allCases)
    func theTokenIsCheckedWithItsPrefix(_ kind: TransportKind) async throws {
        try await withPiriod(kind, token: "tok_wrong") { client, url in
            guard
                case .unauthorized(let refused) = try await client.createCancellation(
                    xSimpleWorkspace: "acc_1", body: Self.cancellation),
                case .json(let detail) = refused.body
            else {
                Issue.record("a wrong token must get the documented 401")
                return
            }
            #expect(detail.detail == "Invalid token.")
            // The right token without the required `Token ` prefix is refused too.
            let bare = try await sendRaw(
                kind, to: url, .post, "/cancellations/",
                headers: [.authorization: "tok_live", HTTPField.Name("x-simple-workspace")!: "acc_1"],
                json: #"{"retention": 1, "document": 61, "number": 1, "date": "2026-11-21"}"#)
            #expect(bare.status == 401)
            // And with it, a body that breaks the schema gets Piriod's field map from the 400 hook.
            let invalid = try await sendRaw(
                kind, to: url, .post, "/cancellations/",
                headers: [.authorization: "Token tok_live", HTTPField.Name("x-simple-workspace")!: "acc_1"],
                json: #"{"document": 61, "number": 1, "date": "2026-11-21"}"#)
            #expect(invalid.status == 400)
            #expect(try decoded([String: [String]].self, invalid.body) == ["retention": ["is required"]])
        }
    }
}
