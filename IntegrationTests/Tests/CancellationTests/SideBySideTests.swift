import AvaTaxCancellation
import DolfinCancellation
import Foundation
import HTTPTypes
import LatheRuntime
import LatheSigning
import OpenAPIRuntime
import PaycashlessCancellation
import PiriodCancellation
import StornoCancellation
import Testing

/// An app that cancels with all five providers: one file importing every module of Generated/,
/// each provider's names under its namespace (`Storno.Client`, `Paycashless.ErrorModel`), with
/// no module qualification. It compiling is half the test.
struct SideBySideTests {
    /// Answers every request with one canned JSON response, and keeps the requests it saw.
    final class CannedTransport: ClientTransport, @unchecked Sendable {
        let status: HTTPResponse.Status
        let json: String
        let contentType: String
        private let lock = NSLock()
        private var seen: [HTTPRequest] = []

        init(_ status: HTTPResponse.Status, json: String, contentType: String = "application/json") {
            self.status = status
            self.json = json
            self.contentType = contentType
        }

        var requests: [HTTPRequest] { lock.withLock { seen } }

        func send(
            _ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String
        ) async throws -> (HTTPResponse, HTTPBody?) {
            lock.withLock { seen.append(request) }
            return (HTTPResponse(status: status, headerFields: [.contentType: contentType]), HTTPBody(json))
        }
    }

    static let server = URL(string: "https://api.example.test")!

    @Test func everyProvidersClientInOneFile() async throws {
        let piriodTransport = CannedTransport(
            .created, json: #"{"retention": 12, "document": 61, "number": 1001, "date": "2026-11-21"}"#)
        let piriod = Piriod.Client(
            serverURL: Self.server, transport: piriodTransport,
            authentication: Piriod.Authentication(tokenAuth: APIKeyCredential("tok_live")))
        let cancellation = Piriod.Cancellation(
            retention: 12, document: 61, number: 1001, date: CalendarDate(year: 2026, month: 11, day: 21)!)
        let created = try await piriod.createCancellation(xSimpleWorkspace: "acc_1", body: cancellation)
        guard case .created = created else {
            Issue.record("Piriod: \(created)")
            return
        }
        #expect(piriodTransport.requests.first?.headerFields[.authorization] == "Token tok_live")

        let order = UUID()
        let dolfinTransport = CannedTransport(
            .ok,
            json: #"{"id": "\#(order)", "poNumber": "PO-1", "currency": "GBP", "status": "Cancelled"}"#)
        let dolfin = Dolfin.Client(
            serverURL: Self.server, transport: dolfinTransport,
            authentication: Dolfin.Authentication(dolfinApiKey: APIKeyCredential("dk_live")))
        let cancelled = try await dolfin.cancelPurchaseOrder(id: order, xDolfinOrganisationId: UUID())
        guard case .ok = cancelled else {
            Issue.record("Dolfin: \(cancelled)")
            return
        }

        let paycashlessTransport = CannedTransport(
            .conflict,
            json:
                #"{"error": {"type": "idempotency_error", "code": "invoice_cancelled", "message": "Already cancelled"}}"#
        )
        let paycashless = Paycashless.Client(
            serverURL: Self.server, transport: paycashlessTransport,
            authentication: Paycashless.Authentication(
                bearerAuth: BearerTokenProvider(token: "pk_test_1"),
                requestSignature: RequestSigningSecret("sk_test_1")))
        let refused = try await paycashless.cancelInvoice(id: "inv_1", body: .init(cancellationReason: "Duplicate"))
        guard case .conflict(let conflict) = refused, case .json(let error) = conflict.body else {
            Issue.record("Paycashless: \(refused)")
            return
        }
        let paycashlessError: Paycashless.ErrorModel = error
        #expect(paycashlessError.error.code == "invoice_cancelled")
        #expect(paycashlessTransport.requests.first?.headerFields[HTTPField.Name("Request-Signature")!]?.count == 128)

        let invoice = UUID()
        let stornoTransport = CannedTransport(.conflict, json: #"{"error": "Invoice is already cancelled."}"#)
        let storno = Storno.Client(
            serverURL: Self.server, transport: stornoTransport,
            authentication: Storno.Authentication(bearerAuth: BearerTokenProvider(token: "jwt.storno")))
        let stornoOutput = try await storno.cancelInvoice(
            uuid: invoice, xCompany: UUID(), body: Storno.CancelInvoiceRequest(reason: "Client requested cancellation"))
        guard case .conflict(let stornoConflict) = stornoOutput, case .json(let stornoError) = stornoConflict.body
        else {
            Issue.record("Storno: \(stornoOutput)")
            return
        }
        let stornoErrorModel: Storno.ErrorModel = stornoError
        #expect(stornoErrorModel.error == "Invoice is already cancelled.")

        let avaTaxTransport = CannedTransport(
            .ok, json: #"{"CancelTaxResult": {"TransactionId": 1, "ResultCode": "Success"}}"#, contentType: "text/json")
        let avaTax = AvaTax.Client(
            serverURL: Self.server, transport: avaTaxTransport,
            authentication: AvaTax.Authentication(
                basicAuth: BasicCredentials(username: "1100012345", password: "LICENSEKEY")))
        let request = AvaTax.CancelTaxRequest(
            companyCode: "XYZ", docType: .salesInvoice, docCode: "INV223", cancelCode: .docVoided)
        let taxCancelled = try await avaTax.cancelTax(body: .textJson(request))
        guard case .ok = taxCancelled else {
            Issue.record("AvaTax: \(taxCancelled)")
            return
        }
    }
}
