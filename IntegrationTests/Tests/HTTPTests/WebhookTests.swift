import Foundation
import HTTPTestSupport
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LatheRuntime
import OpenAPIHummingbird
import OpenAPIRuntime
import Testing
import WireAPI

/// The wire fixture's webhook over real HTTP: the generated receiver on Hummingbird, at a path the
/// test chose, and the generated sender on AsyncHTTPClient and on URLSession, to a URL with a query
/// of its own, as a receiver's URL often carries a token.
struct WebhookTests {
    struct Receiver: APIWebhooks {
        func itemChanged(_ input: Operations.ItemChanged.Input) async throws -> Operations.ItemChanged.Output {
            let item = try input.body.json
            return .ok(
                .init(
                    body: .json([
                        "name": .string(item.name),
                        "attempt": input.query.attempt.map { .number(Decimal($0)) } ?? .null,
                        "delivery": .string(input.headers.xDelivery),
                    ])))
        }
    }

    /// What the router saw of each request: its path and query as sent.
    final class Seen: @unchecked Sendable {
        private let lock = NSLock()
        private var uris: [String] = []
        var all: [String] { lock.withLock { uris } }
        func append(_ uri: String) { lock.withLock { uris.append(uri) } }
    }

    struct RecordURI<Context: RequestContext>: RouterMiddleware {
        let seen: Seen
        func handle(
            _ request: Request, context: Context, next: (Request, Context) async throws -> Response
        ) async throws -> Response {
            seen.append(request.uri.description)
            return try await next(request, context)
        }
    }

    @Test(.timeLimit(.minutes(1)), arguments: TransportKind.allCases)
    func aWebhookCrossesRealHTTPToThePathItsReceiverChose(_ kind: TransportKind) async throws {
        let seen = Seen()
        let router = Router()
        router.add(middleware: RecordURI(seen: seen))
        router.add(middleware: ReadWholeBodyFirst())
        try Receiver().registerWebhookHandlers(on: router, paths: .init(itemChanged: "/hooks/items"))
        try router.validate()
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { testClient in
            let port = try #require(testClient.port)
            let sender = WebhookSender(transport: kind.transport)
            let url = try #require(URL(string: "http://127.0.0.1:\(port)/hooks/items?token=a%20b"))
            let output = try await sender.itemChanged(
                .init(query: .init(attempt: 2), headers: .init(xDelivery: "d-1"), body: .json(.init(name: "kettle"))),
                to: url)
            #expect(try output.ok.body.json == ["name": "kettle", "attempt": 2, "delivery": "d-1"])
            // The receiver's own query first, then the webhook's.
            #expect(seen.all == ["/hooks/items?token=a%20b&attempt=2"])

            // A request that breaks the spec gets the documented problem, and never reaches the receiver.
            var configuration = ClientConfiguration()
            configuration.validatesInput = false
            let unchecked = WebhookSender(transport: kind.transport, configuration: configuration)
            let refused = try await unchecked.itemChanged(
                .init(query: .init(attempt: 0), headers: .init(xDelivery: "d-2"), body: .json(.init(name: ""))),
                to: url)
            let problem = try refused.badRequest.body.problemJson
            #expect(problem.status == 400)
        }
    }

    /// A choice reads the body once, as a real server streams it (no middleware reading it first),
    /// and hands it on: a body that names this webhook reaches it whole, another is 404.
    @Test(.timeLimit(.minutes(1)), arguments: TransportKind.allCases)
    func aChoiceReadsTheStreamedBodyAndHandsItOn(_ kind: TransportKind) async throws {
        let router = Router()
        try Receiver().registerWebhookHandlers(
            on: router, paths: .init(itemChanged: "/hooks/all"), choosing: .jsonProperty("name"))
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { testClient in
            let port = try #require(testClient.port)
            let sender = WebhookSender(transport: kind.transport)
            let url = try #require(URL(string: "http://127.0.0.1:\(port)/hooks/all"))
            let output = try await sender.itemChanged(
                .init(headers: .init(xDelivery: "d-3"), body: .json(.init(name: "itemChanged", count: 3))), to: url)
            #expect(try output.ok.body.json == ["name": "itemChanged", "attempt": .null, "delivery": "d-3"])
            let other = try await sender.itemChanged(
                .init(headers: .init(xDelivery: "d-4"), body: .json(.init(name: "kettle"))), to: url)
            #expect(other.statusCode == 404)
        }
    }
}
