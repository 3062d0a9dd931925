import Foundation
import Hummingbird
import HummingbirdTesting
import LatheRuntime
import OpenAPIRuntime
import Testing
@_spi(Generated) import WireAPI

/// What a server-sent event stream's producer and consumer tell each other in a test.
actor StreamGate {
    let patience: Duration
    private var received = 0
    private(set) var terminated = false

    init(patience: Duration) {
        self.patience = patience
    }

    func receive(_ n: Int) { received = max(received, n) }

    /// Waits until the client has received tick `n`, or the patience runs out.
    func waitForReceipt(_ n: Int) async {
        let deadline = ContinuousClock.now + patience
        while received < n, ContinuousClock.now < deadline { try? await Task.sleep(for: .milliseconds(5)) }
    }

    func terminate() { terminated = true }

    func waitForTermination(within limit: Duration = .seconds(10)) async -> Bool {
        let deadline = ContinuousClock.now + limit
        while !terminated, ContinuousClock.now < deadline { try? await Task.sleep(for: .milliseconds(10)) }
        return terminated
    }
}

/// Streams over real HTTP: server-sent events and JSON Lines, generated on both ends.
struct StreamTests {
    let roundTrip = HTTPRoundTripTests()

    /// Over AsyncHTTPClient each event reaches the consumer while the response is still open: the
    /// server produces tick n only after the client reports tick n − 1. URLSession on Linux buffers
    /// whole responses, so there the server does not wait and only the items are checked.
    @Test(.timeLimit(.minutes(1)), arguments: TransportKind.allCases)
    func eventsArriveTypedAndOneByOne(_ kind: TransportKind) async throws {
        let incremental = kind == .asyncHTTPClient
        let gate = StreamGate(patience: incremental ? .seconds(20) : .zero)
        var service = HTTPRoundTripTests.Service()
        service.gate = gate
        try await roundTrip.withServer(kind, service: service, readsBodyFirst: false) { client in
            let started = ContinuousClock.now
            let events = try await client.streamEvents(count: 5).get()
            var ticks: [Int64] = []
            for try await event in events {
                ticks.append(event.data.n)
                #expect(event.id == "\(event.data.n)")
                await gate.receive(Int(event.data.n))
            }
            #expect(ticks == [1, 2, 3, 4, 5])
            if incremental {
                // Had any tick waited for the gate's patience, this would take 20 s or more.
                #expect(ContinuousClock.now - started < .seconds(15))
            }
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func cancellingTheConsumerCancelsTheRequest() async throws {
        // The producer waits at most 50 ms for each receipt, so it keeps writing after the
        // consumer is gone, as a live event source does; its next write finds the request ended.
        let gate = StreamGate(patience: .milliseconds(50))
        var service = HTTPRoundTripTests.Service()
        service.gate = gate
        try await roundTrip.withServer(.asyncHTTPClient, service: service, readsBodyFirst: false) { client in
            let events = try await client.streamEvents(count: 100).get()
            let consumer = Task {
                for try await event in events { await gate.receive(Int(event.data.n)) }
            }
            await gate.waitForReceipt(2)
            consumer.cancel()
            _ = await consumer.result
            // The server's producer learns the response is gone and stops.
            #expect(await gate.waitForTermination())
        }
    }

    /// A server whose second event is not the JSON the spec describes: the generated client's
    /// stream yields the first and then fails, naming the item.
    @Test(.timeLimit(.minutes(1)), arguments: TransportKind.allCases)
    func aMalformedEventFailsTheStreamWithItsPosition(_ kind: TransportKind) async throws {
        let router = Router()
        router.get("/events") { _, _ -> Response in
            let text = "data: {\"n\": 1}\n\ndata: {\"n\": \"two\"}\n\ndata: {\"n\": 3}\n\n"
            return Response(
                status: .ok, headers: [.contentType: "text/event-stream"],
                body: .init(byteBuffer: ByteBuffer(string: text)))
        }
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { testClient in
            let port = try #require(testClient.port)
            let client = Client(serverURL: URL(string: "http://127.0.0.1:\(port)")!, transport: kind.transport)
            let events = try await client.streamEvents(count: 3).get()
            var ticks: [Int64] = []
            let error = try await #require(throws: MalformedStreamItem.self) {
                for try await event in events { ticks.append(event.data.n) }
            }
            #expect(ticks == [1])
            #expect(error.position == 2)
        }
    }

    @Test(.timeLimit(.minutes(1)), arguments: TransportKind.allCases)
    func eventDataTypedByEvent(_ kind: TransportKind) async throws {
        try await roundTrip.withServer(kind, readsBodyFirst: false) { client in
            var received: [Operations.Activity.Output.Ok.Body.EventData] = []
            for try await event in try await client.activity().get() { received.append(event.data) }
            #expect(received == [.tick(Tick(n: 1)), .note("n")])
        }
    }

    @Test(.timeLimit(.minutes(1)), arguments: TransportKind.allCases)
    func jsonLinesGoUpAndComeBack(_ kind: TransportKind) async throws {
        try await roundTrip.withServer(kind, readsBodyFirst: false) { client in
            let ticks = (1 ... 50).map { Tick(n: Int64($0), note: String(repeating: "x", count: $0)) }
            let echoed = try await client.echoLines(body: ItemStream(ticks)).get()
            guard case .ndjson(let stream) = echoed else {
                Issue.record("expected JSON Lines, got \(echoed)")
                return
            }
            var received: [Tick] = []
            for try await tick in stream { received.append(tick) }
            #expect(received == ticks)
        }
    }
}
