import Foundation
import HTTPTypes
import LatheRuntime
import OpenAPIRuntime
import Testing

/// `ClientConfiguration`: validation that can be switched off, a limit on response bodies read
/// into memory, and a timeout per call, on the wire fixture's client against its own server.
struct ClientConfigurationTests {
    let transport = LoopbackTransport()

    init() throws {
        try WireFormatTests.Service().registerHandlers(on: transport)
    }

    func client(
        _ configuration: ClientConfiguration = .init(), transport: (any ClientTransport)? = nil
    )
        -> WireFormats.Client
    {
        WireFormats.Client(
            serverURL: URL(string: "https://wire.test")!, transport: transport ?? self.transport,
            configuration: configuration)
    }

    func styles(_ client: WireFormats.Client, limit: Int64 = 20) async throws -> WireFormats.Operations.Styles.Output {
        try await client.styles(
            simple: [1], label: ["a"], matrix: .init(x: 1, y: "b"), limit: limit, xRequestID: UUID())
    }

    /// `limit` has `maximum: 100`. Checked by default before anything is sent; switched off, the
    /// request goes out and the server's own check answers 400.
    @Test func validationIsOnByDefaultAndCanBeSwitchedOff() async throws {
        let error = try await #require(throws: OperationError.self) { try await styles(client(), limit: 101) }
        guard case .invalidInput(let issues) = error.reason else { throw error }
        #expect(issues.map(\.path) == ["$.limit"])
        #expect(transport.sent.isEmpty)

        let lax = try await styles(client(.init(validatesInput: false)), limit: 101)
        #expect(transport.sent.count == 1)
        #expect(lax.statusCode == 400)
    }

    @Test func aResponseBodyOverTheLimitIsAClearError() async throws {
        #expect(try await styles(client()).statusCode == 200)
        let error = try await #require(throws: OperationError.self) {
            try await styles(client(.init(maximumBodySize: 64)))
        }
        guard case .responseTooLarge(let limit) = error.reason else { throw error }
        #expect(limit == 64)
        #expect(error.operationID == "styles")
        #expect("\(error)".contains("larger than the 64 bytes this client reads into memory"))
    }

    /// A transport that never answers: the timeout fails the call and cancels the request.
    final class SilentTransport: ClientTransport, @unchecked Sendable {
        private let lock = NSLock()
        private var wasCancelled = false
        var cancelled: Bool { lock.withLock { wasCancelled } }

        func send(
            _ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String
        ) async throws -> (HTTPResponse, HTTPBody?) {
            do {
                try await Task.sleep(for: .seconds(30))
            } catch {
                lock.withLock { wasCancelled = true }
                throw error
            }
            return (HTTPResponse(status: .ok), nil)
        }
    }

    @Test(.timeLimit(.minutes(1))) func aCallPastItsTimeoutFailsAndIsCancelled() async throws {
        let silent = SilentTransport()
        let started = ContinuousClock.now
        let error = try await #require(throws: OperationError.self) {
            try await styles(client(.init(timeout: .milliseconds(100)), transport: silent))
        }
        guard case .timedOut(let after) = error.reason else { throw error }
        #expect(after == .milliseconds(100))
        // Well short of the transport's 30 s: the call was cut off. Not tighter: with the other
        // suites on both cores the timer waits for a thread (11 s once, beside a fuzzing run).
        #expect(ContinuousClock.now - started < .seconds(25))
        #expect(silent.cancelled)
    }
}
