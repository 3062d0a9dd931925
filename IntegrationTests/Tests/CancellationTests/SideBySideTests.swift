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
        let created = try await piriod.createCancellation(xSimpleWorkspace: "acc_1", body: cancellation).get()
        #expect(created.number == 1001)
        #expect(piriodTransport.requests.first?.headerFields[.authorization] == "Token tok_live")

        let order = UUID()
        let dolfinTransport = CannedTransport(
            .ok,
            json: #"{"id": "\#(order)", "poNumber": "PO-1", "currency": "GBP", "status": "Cancelled"}"#)
        let dolfin = Dolfin.Client(
            serverURL: Self.server, transport: dolfinTransport,
            authentication: Dolfin.Authentication(dolfinApiKey: APIKeyCredential("dk_live")))
        let cancelled = try await dolfin.cancelPurchaseOrder(id: order, xDolfinOrganisationId: UUID()).get()
        #expect(cancelled.id == order)

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
        do {
            _ = try await paycashless.cancelInvoice(id: "inv_1", body: .init(cancellationReason: "Duplicate")).get()
            Issue.record("Paycashless's 409 must throw")
        } catch let error as ResponseError<Paycashless.ErrorModel> {
            #expect(error.statusCode == 409 && error.body?.error.code == "invoice_cancelled")
        }
        #expect(paycashlessTransport.requests.first?.headerFields[HTTPField.Name("Request-Signature")!]?.count == 128)

        let invoice = UUID()
        let stornoTransport = CannedTransport(.conflict, json: #"{"error": "Invoice is already cancelled."}"#)
        let storno = Storno.Client(
            serverURL: Self.server, transport: stornoTransport,
            authentication: Storno.Authentication(bearerAuth: BearerTokenProvider(token: "jwt.storno")))
        do {
            _ = try await storno.cancelInvoice(
                uuid: invoice, xCompany: UUID(),
                body: Storno.CancelInvoiceRequest(reason: "Client requested cancellation")
            ).get()
            Issue.record("Storno's 409 must throw")
        } catch let error as ResponseError<Storno.ErrorModel> {
            #expect(error.statusCode == 409 && error.body?.error == "Invoice is already cancelled.")
        }

        let avaTaxTransport = CannedTransport(
            .ok, json: #"{"CancelTaxResult": {"TransactionId": 1, "ResultCode": "Success"}}"#, contentType: "text/json")
        let avaTax = AvaTax.Client(
            serverURL: Self.server, transport: avaTaxTransport,
            authentication: AvaTax.Authentication(
                basicAuth: BasicCredentials(username: "1100012345", password: "LICENSEKEY")))
        let request = AvaTax.CancelTaxRequest(
            companyCode: "XYZ", docType: .salesInvoice, docCode: "INV223", cancelCode: .docVoided)
        let taxCancelled = try await avaTax.cancelTax(body: .textJson(request)).get().textJson.cancelTaxResult
        #expect(taxCancelled.resultCode == .success)
    }
}
