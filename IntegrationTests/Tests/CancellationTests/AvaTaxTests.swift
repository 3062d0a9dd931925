import AvaTaxCancellation
import Foundation
import HTTPTypes
import LatheRuntime
import OpenAPIRuntime
import Testing

/// AvaTax 1.0: HTTP Basic, `text/json` bodies, and a 200 whose `ResultCode: Error` the generated
/// client reports as a failure (`x-lathe-failure-when`).
struct AvaTaxTests {
    struct Handler: AvaTax.APIServer {
        func cancelTax(_ input: AvaTax.Operations.CancelTax.Input) async throws -> AvaTax.Operations.CancelTax.Output {
            let request: AvaTax.CancelTaxRequest
            switch input.body {
            case .textJson(let value), .json(let value): request = value
            case .textXml:
                return .ok(
                    .init(
                        body: .textXml(
                            "<CancelTaxResponse><CancelTaxResult><ResultCode>Success</ResultCode></CancelTaxResult></CancelTaxResponse>"
                        )))
            }
            switch request.docCode {
            case "INV-MISSING":
                return .ok(
                    .init(
                        body: .textJson(
                            try decoded(
                                #"{"CancelTaxResult": {"TransactionId": 198370554, "ResultCode": "Error", "Messages": [{"Summary": "The tax document could not be found.", "Details": "INV-MISSING", "Severity": "Error", "Source": "Avalara.AvaTax.Services.Tax"}]}}"#
                            ))))
            case "INV-BOOM":
                return .internalServerError(
                    .init(
                        body: .textJson(
                            try decoded(#"{"ResultCode": "Exception", "Messages": [{"Summary": "Internal error."}]}"#)))
                )
            default:
                return .ok(
                    .init(
                        body: .textJson(
                            try decoded(
                                #"{"CancelTaxResult": {"DocId": "22436671", "TransactionId": 198364949, "ResultCode": "Success"}}"#
                            ))))
            }
        }

        func cancelTax(unauthorized schemes: [String]) async throws -> AvaTax.Operations.CancelTax.Output.Unauthorized?
        {
            .init(
                body: .textJson(
                    try decoded(
                        #"{"ResultCode": "Error", "Messages": [{"Summary": "The user or account could not be authenticated.", "Severity": "Error"}]}"#
                    )))
        }
    }

    func withAvaTax(
        _ kind: TransportKind, password: String, _ body: @Sendable (AvaTax.Client) async throws -> Void
    ) async throws {
        try await withServer(register: { router in
            try Handler().registerHandlers(
                on: router,
                authentication: .init(basicAuth: { $0 == "1100012345" && $1 == "LICENSEKEY" ? Caller($0) : nil }))
        }) { url in
            let authentication = AvaTax.Authentication(
                basicAuth: BasicCredentials(username: "1100012345", password: password))
            try await body(
                AvaTax.Client(serverURL: url, transport: kind.transport, authentication: authentication))
        }
    }

    static func request(_ code: String) -> AvaTax.CancelTaxRequest {
        AvaTax.CancelTaxRequest(companyCode: "XYZ", docType: .salesInvoice, docCode: code, cancelCode: .docVoided)
    }

    /// AvaTax documents its 200 as `text/json` and `application/json` (and XML). The handler
    /// returns `text/json`; the server sends the value in the JSON type the request prefers, and
    /// answers 406 when the request takes neither.
    @Test(.timeLimit(.minutes(1)), arguments: TransportKind.allCases)
    func theResponseIsEncodedInTheTypeTheRequestAccepts(_ kind: TransportKind) async throws {
        try await withAvaTax(kind, password: "LICENSEKEY") { client in
            let preferred = try await client.cancelTax(
                .init(body: .textJson(Self.request("INV223")), accept: "text/json;q=0.4, application/json"))
            #expect(try preferred.ok.body.json.cancelTaxResult.resultCode == .success)
            let textJSON = try await client.cancelTax(.init(body: .textJson(Self.request("INV223")), accept: "text/*"))
            #expect(try textJSON.ok.body.contentType == "text/json")
            let refused = try await client.cancelTax(
                .init(body: .textJson(Self.request("INV223")), accept: "application/pdf"))
            #expect(refused.statusCode == 406)
            // Errors are sent in their documented type whatever the request accepts, as RFC 9110 allows.
            let failed = try await client.cancelTax(
                .init(body: .textJson(Self.request("INV-BOOM")), accept: "application/pdf"))
            #expect(failed.statusCode == 500)
        }
    }

    @Test(.timeLimit(.minutes(1)), arguments: TransportKind.allCases)
    func cancelsAndAResultCodeErrorIsAFailure(_ kind: TransportKind) async throws {
        try await withAvaTax(kind, password: "LICENSEKEY") { client in
            guard case .ok(let ok) = try await client.cancelTax(body: .textJson(Self.request("INV223"))),
                case .textJson(let response) = ok.body
            else {
                Issue.record("expected 200")
                return
            }
            #expect(response.cancelTaxResult.resultCode == .success && response.cancelTaxResult.docId == "22436671")

            do {
                let output = try await client.cancelTax(body: .textJson(Self.request("INV-MISSING")))
                Issue.record("ResultCode Error must be thrown, got \(output)")
            } catch let error as OperationError {
                guard case .failureInBody(let message) = error.reason else {
                    Issue.record("expected failureInBody, got \(error)")
                    return
                }
                #expect(
                    message
                        == "the response says CancelTaxResult.ResultCode is Error: The tax document could not be found."
                )
                #expect(error.statusCode == 200)
            }

            guard
                case .internalServerError(let failed) = try await client.cancelTax(
                    body: .textJson(Self.request("INV-BOOM"))),
                case .textJson(let error) = failed.body
            else {
                Issue.record("expected 500")
                return
            }
            #expect(error.resultCode == .exception)
        }
    }

    @Test(.timeLimit(.minutes(1)), arguments: TransportKind.allCases)
    func wrongBasicCredentialsGetTheDocumented401(_ kind: TransportKind) async throws {
        try await withAvaTax(kind, password: "WRONG") { client in
            guard case .unauthorized(let refused) = try await client.cancelTax(body: .textJson(Self.request("INV223"))),
                case .textJson(let error) = refused.body
            else {
                Issue.record("wrong Basic credentials must get 401")
                return
            }
            #expect(error.messages?.first?.summary == "The user or account could not be authenticated.")
        }
    }
}
