import Foundation
import HTTPTypes
@_spi(Generated) import LatheRuntime
import OpenAPIRuntime
import Testing

/// The `Webhooks` snippet's requests the API sends: `WebhookSender` to the URL a receiver gave,
/// through `registerWebhookHandlers(on:paths:)` to an `APIWebhooks` implementation, and its
/// answer back.
struct WebhookTests {
    /// A receiver that keeps what it got and answers as the spec documents.
    final class Receiver: Webhooks.APIWebhooks, @unchecked Sendable {
        private let lock = NSLock()
        private var received: [String] = []
        var log: [String] { lock.withLock { received } }

        private func note(_ entry: String) { lock.withLock { received.append(entry) } }

        func postNewPet(
            _ input: Webhooks.Operations.PostNewPet.Input
        ) async throws -> Webhooks.Operations.PostNewPet.Output {
            let pet = try input.body.json
            note(
                "newPet \(pet.id.map(String.init) ?? "-") \(pet.name) attempt \(input.query.attempt) "
                    + "delivery \(input.headers.xDeliveryId)")
            if pet.name == "refused" { return .badRequest(.init(body: .json(.init(message: "no such pet")))) }
            return .ok(.init(body: .json(.init(received: true))))
        }

        /// The spec documents its own 400 shape, so a receiver must give it.
        func postNewPet(
            badRequest error: RequestError
        ) async throws -> Webhooks.Operations.PostNewPet.Output.BadRequest? {
            .init(body: .json(.init(message: error.issues.map { "\($0.path): \($0.message)" }.joined(separator: "; "))))
        }

        func petDeleted(
            _ input: Webhooks.Operations.PetDeleted.Input
        ) async throws -> Webhooks.Operations.PetDeleted.Output {
            note("petDeleted \(try input.body?.json.id ?? -1)")
            return .noContent(.init())
        }

        func petAdopted(
            _ input: Webhooks.Operations.PetAdopted.Input
        ) async throws -> Webhooks.Operations.PetAdopted.Output {
            note("adopted \(try input.body.json.petId)")
            return .noContent(.init())
        }

        func petLost(_ input: Webhooks.Operations.PetLost.Input) async throws -> Webhooks.Operations.PetLost.Output {
            note("lost \(try input.body.json.petId)")
            return .noContent(.init())
        }

        func ping(_ input: Webhooks.Operations.Ping.Input) async throws -> Webhooks.Operations.Ping.Output {
            note("ping")
            return .noContent(.init())
        }

        func eventHappened(
            _ input: Webhooks.Operations.EventHappened.Input
        ) async throws -> Webhooks.Operations.EventHappened.Output {
            note("event \(try input.body.json.kind.rawValue) signed \(input.headers.xSignature)")
            return .noContent(.init())
        }
    }

    /// Joins the base URL and the request's path as swift-openapi-urlsession's transport does
    /// (the request's path after the base URL's, and the request's query in place of the base
    /// URL's), then routes the joined path through a `LoopbackTransport`.
    struct URLJoiningTransport: ClientTransport {
        let loopback: LoopbackTransport

        func send(
            _ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String
        ) async throws -> (HTTPResponse, HTTPBody?) {
            var components = try #require(URLComponents(string: baseURL.absoluteString))
            let own = try #require(URLComponents(string: request.path ?? ""))
            components.percentEncodedPath += own.percentEncodedPath
            components.percentEncodedQuery = own.percentEncodedQuery
            var joined = request
            joined.path = components.percentEncodedPath + (components.percentEncodedQuery.map { "?" + $0 } ?? "")
            return try await loopback.send(joined, body: body, baseURL: baseURL, operationID: operationID)
        }
    }

    let receiver = Receiver()
    let loopback = LoopbackTransport()
    let sender: Webhooks.WebhookSender

    init() throws {
        try receiver.registerWebhookHandlers(
            on: loopback,
            paths: .init(postNewPet: "/hooks/pets", petDeleted: "/hooks/pets/deleted", eventHappened: "/events"))
        sender = Webhooks.WebhookSender(transport: URLJoiningTransport(loopback: loopback))
    }

    @Test func aWebhookReachesItsReceiverAndItsAnswerComesBack() async throws {
        let input = Webhooks.Operations.PostNewPet.Input(
            query: .init(attempt: 2), headers: .init(xDeliveryId: "d-1"),
            body: .json(.init(id: 7, name: "Rex")))
        let output = try await sender.postNewPet(input, to: URL(string: "https://receiver.test/hooks/pets")!)
        #expect(try output.ok.body.json.received)
        #expect(receiver.log == ["newPet 7 Rex attempt 2 delivery d-1"])
        let request = try #require(loopback.sent.last)
        #expect(request.method == .post)
        #expect(request.path == "/hooks/pets?attempt=2")
        #expect(request.headerFields[HTTPField.Name("X-Delivery-Id")!] == "d-1")
        // The API's own credentials are not a webhook's.
        #expect(request.headerFields[HTTPField.Name("X-API-Key")!] == nil)
    }

    /// A receiver's URL may carry a query of its own (a token): it is sent, before the webhook's.
    @Test func theReceiversQueryGoesFirst() async throws {
        let input = Webhooks.Operations.PostNewPet.Input(
            query: .init(attempt: 3), headers: .init(xDeliveryId: "d-2"), body: .json(.init(name: "Ada")))
        _ = try await sender.postNewPet(
            input, to: URL(string: "https://receiver.test/hooks/pets?token=a%20b&x=1")!)
        #expect(try #require(loopback.sent.last).path == "/hooks/pets?token=a%20b&x=1&attempt=3")
        let event = Webhooks.Operations.EventHappened.Input(
            headers: .init(xSignature: "sig"), body: .json(.init(kind: .deleted)))
        _ = try await sender.eventHappened(event, to: URL(string: "https://receiver.test/events?token=t")!)
        #expect(try #require(loopback.sent.last).path == "/events?token=t")
        #expect(receiver.log == ["newPet - Ada attempt 3 delivery d-2", "event deleted signed sig"])
    }

    @Test func aDocumentedAnswerOtherThanSuccessIsDecoded() async throws {
        let input = Webhooks.Operations.PostNewPet.Input(
            headers: .init(xDeliveryId: "d-3"), body: .json(.init(name: "refused")))
        let output = try await sender.postNewPet(input, to: URL(string: "https://receiver.test/hooks/pets")!)
        #expect(try output.badRequest.body.json.message == "no such pet")
    }

    /// A request that breaks the spec never reaches the receiver: 400, saying where.
    @Test func aRequestThatBreaksTheSpecIsRefused() async throws {
        var configuration = ClientConfiguration()
        configuration.validatesInput = false
        let unchecked = Webhooks.WebhookSender(
            transport: URLJoiningTransport(loopback: loopback), configuration: configuration)
        let input = Webhooks.Operations.PostNewPet.Input(
            query: .init(attempt: 0), headers: .init(xDeliveryId: "d-4"), body: .json(.init(name: "")))
        let output = try await unchecked.postNewPet(input, to: URL(string: "https://receiver.test/hooks/pets")!)
        // In the shape the spec documents, saying where.
        let message = try output.badRequest.body.json.message
        #expect(message.contains("attempt") && message.contains("name"), "\(message)")
        #expect(receiver.log.isEmpty)
        // Validated before sending by default.
        await #expect(throws: (any Error).self) {
            _ = try await sender.postNewPet(input, to: URL(string: "https://receiver.test/hooks/pets")!)
        }
        #expect(loopback.sent.count == 1)
    }

    /// Only the webhooks given a path are taken; the others are not registered.
    @Test func aWebhookWithoutAPathIsNotTaken() async throws {
        let output = try await sender.ping(.init(), to: URL(string: "https://receiver.test/ping")!)
        guard case .undocumented(statusCode: 404, _, _) = output else {
            Issue.record("expected 404, got \(output)")
            return
        }
        #expect(receiver.log.isEmpty)
    }

    /// Two taking one method at one path (as a router sees it) without a choice between them are
    /// refused before any is registered.
    @Test func twoWebhooksAtOneRouteWithoutAChoiceAreRefused() throws {
        let transport = LoopbackTransport()
        #expect(throws: WebhookPathsConflict.self) {
            try Receiver().registerWebhookHandlers(
                on: transport, paths: .init(postNewPet: "/hooks/", petDeleted: "/hooks"))
        }
        // Another method at the same path is another route.
        try Receiver().registerWebhookHandlers(on: transport, paths: .init(postNewPet: "/hooks", ping: "/hooks"))
    }

    /// Events a provider sends to one URL, told apart by the body's `type`, which names the webhook
    /// as the spec does; an event the receiver does not take there is 404, one that does not say
    /// which it is 400, and neither reaches a handler.
    @Test func eventsSentToOneURLAreToldApartByTheirBody() async throws {
        let receiver = Receiver()
        let loopback = LoopbackTransport()
        try receiver.registerWebhookHandlers(
            on: loopback, paths: .init(petAdopted: "/events", petLost: "/events"), choosing: .jsonProperty("type"))
        let sender = Webhooks.WebhookSender(transport: URLJoiningTransport(loopback: loopback))
        let url = URL(string: "https://receiver.test/events")!
        _ = try await sender.petLost(.init(body: .json(.init(type: "pet.lost", petId: 2))), to: url)
        _ = try await sender.petAdopted(.init(body: .json(.init(type: "pet.adopted", petId: 1))), to: url)
        #expect(receiver.log == ["lost 2", "adopted 1"])
        let unknown = try await sender.petLost(.init(body: .json(.init(type: "pet.found", petId: 3))), to: url)
        #expect(unknown.statusCode == 404)
        // A body without the property, or no JSON at all, does not say which it is.
        for body in [#"{"petId": 4}"#, #"{"type": 5, "petId": 4}"#, "not json"] {
            let (response, _) = try await loopback.send(
                HTTPRequest(
                    method: .post, scheme: nil, authority: nil, path: "/events",
                    headerFields: [.contentType: "application/json"]),
                body: HTTPBody(body), baseURL: url, operationID: "raw")
            #expect(response.status.code == 400, "\(body)")
        }
        #expect(receiver.log == ["lost 2", "adopted 1"])
    }

    /// With a choice, a path that takes one webhook answers the provider's other events 404: a
    /// `pet.lost` body decodes as `petAdopted`'s too, and must not reach its handler.
    @Test func aChoiceKeepsOtherEventsFromTheOneWebhookAPathTakes() async throws {
        let receiver = Receiver()
        let loopback = LoopbackTransport()
        try receiver.registerWebhookHandlers(
            on: loopback, paths: .init(petAdopted: "/events"), choosing: .jsonProperty("type"))
        let sender = Webhooks.WebhookSender(transport: URLJoiningTransport(loopback: loopback))
        let url = URL(string: "https://receiver.test/events")!
        let lost = try await sender.petLost(.init(body: .json(.init(type: "pet.lost", petId: 2))), to: url)
        #expect(lost.statusCode == 404)
        _ = try await sender.petAdopted(.init(body: .json(.init(type: "pet.adopted", petId: 1))), to: url)
        #expect(receiver.log == ["adopted 1"])
    }

    /// A header names the webhook; without it, 400. A header name HTTP cannot carry is refused when
    /// registering.
    @Test func aHeaderCanNameTheWebhook() async throws {
        let receiver = Receiver()
        let loopback = LoopbackTransport()
        try receiver.registerWebhookHandlers(
            on: loopback, paths: .init(petAdopted: "/events", petLost: "/events"), choosing: .header("X-Event"))
        let url = URL(string: "https://receiver.test/events")!
        let naming = Webhooks.WebhookSender(
            transport: URLJoiningTransport(loopback: loopback),
            middlewares: [SettingHeader(name: "X-Event", value: "pet.lost")])
        _ = try await naming.petLost(.init(body: .json(.init(type: "pet.lost", petId: 6))), to: url)
        let unnamed = try await Webhooks.WebhookSender(transport: URLJoiningTransport(loopback: loopback))
            .petLost(.init(body: .json(.init(type: "pet.lost", petId: 7))), to: url)
        #expect(unnamed.statusCode == 400)
        #expect(receiver.log == ["lost 6"])
        #expect(throws: WebhookPathsConflict.self) {
            try Receiver().registerWebhookHandlers(
                on: LoopbackTransport(), paths: .init(petLost: "/events"), choosing: .header("X Event"))
        }
    }

    /// Two of one name at one path (two operations' callbacks may share a name) are told apart by no
    /// choice, and refused.
    @Test func twoOfOneNameAtOnePathAreRefused() throws {
        let handler: ServerSupport.WebhookRoute.Handler = { _, _, _ in (HTTPResponse(status: .noContent), nil) }
        let routes = [
            ServerSupport.WebhookRoute(method: "POST", path: "/done", name: "onDone", handler: handler),
            ServerSupport.WebhookRoute(method: "POST", path: "/done/", name: "onDone", handler: handler),
        ]
        let conflict = #expect(throws: WebhookPathsConflict.self) {
            try ServerSupport.registerWebhooks(
                routes, on: LoopbackTransport(), choosing: .jsonProperty("type"), limits: ServerLimits())
        }
        #expect(conflict?.sharedName == "onDone")
    }

    /// Sets one header on every request: what a provider's own header naming the event looks like.
    struct SettingHeader: ClientMiddleware {
        var name: String
        var value: String

        func intercept(
            _ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String,
            next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?)
        ) async throws -> (HTTPResponse, HTTPBody?) {
            var request = request
            request.headerFields[HTTPField.Name(name)!] = value
            return try await next(request, body, baseURL)
        }
    }
}
