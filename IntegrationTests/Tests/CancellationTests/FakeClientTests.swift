import Foundation
import LatheRuntime
import StornoCancellation
import Testing

/// A small view model that cancels a Storno invoice. It takes any `Storno.APIProtocol`: the
/// generated `Storno.Client` in the app, an in-memory fake in tests, never HTTP here.
@MainActor final class CancelInvoiceModel {
    let api: any Storno.APIProtocol
    let company: UUID
    private(set) var status: Storno.InvoiceStatus?
    private(set) var message: String?

    init(api: any Storno.APIProtocol, company: UUID) {
        self.api = api
        self.company = company
    }

    func cancel(_ invoice: UUID, reason: String) async {
        do {
            // The flattened call comes from the protocol's extension, so a fake has it too.
            let cancelled = try await api.cancelInvoice(uuid: invoice, xCompany: company, body: .init(reason: reason))
                .get()
            status = cancelled.status
            message = nil
        } catch let error as ResponseError<Storno.ErrorModel> {
            message = error.body?.error ?? "HTTP \(error.statusCode)"
        } catch {
            message = "\(error)"
        }
    }
}

struct FakeClientTests {
    /// Answers from memory: the invoices it knows are cancelled once, then conflict.
    actor FakeStorno: Storno.APIProtocol {
        var cancelled: Set<UUID> = []

        func cancelInvoice(
            _ input: Storno.Operations.CancelInvoice.Input
        ) async throws -> Storno.Operations.CancelInvoice.Output {
            guard cancelled.insert(input.path.uuid).inserted else {
                return .conflict(.init(body: .json(.init(error: "Invoice is already cancelled."))))
            }
            return .ok(.init(body: .json(try decoded(StornoTests.invoice(input.path.uuid, status: "cancelled")))))
        }

        func restoreInvoice(
            _ input: Storno.Operations.RestoreInvoice.Input
        ) async throws -> Storno.Operations.RestoreInvoice.Output {
            .notFound(.init(body: .json(.init(error: "Invoice not found."))))
        }
    }

    @Test @MainActor func theViewModelShowsTheDocumentedErrorWithoutHTTP() async throws {
        let model = CancelInvoiceModel(api: FakeStorno(), company: StornoTests.company)
        await model.cancel(StornoTests.issued, reason: StornoTests.reason)
        #expect(model.status == .cancelled)
        #expect(model.message == nil)
        await model.cancel(StornoTests.issued, reason: StornoTests.reason)
        #expect(model.message == "Invoice is already cancelled.")
    }

    /// The generated client is itself an `APIProtocol`: the same model drives it unchanged.
    @Test @MainActor func theClientIsADropInForTheFake() async throws {
        let client: any Storno.APIProtocol = Storno.Client(
            serverURL: URL(string: "https://storno.test")!,
            transport: SideBySideTests.CannedTransport(.conflict, json: #"{"error": "Invoice is already cancelled."}"#),
            authentication: .init(bearerAuth: BearerTokenProvider(token: "jwt.storno")))
        let model = CancelInvoiceModel(api: client, company: StornoTests.company)
        await model.cancel(StornoTests.issued, reason: StornoTests.reason)
        #expect(model.message == "Invoice is already cancelled.")
    }
}
