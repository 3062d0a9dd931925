import Foundation
import HTTPTestSupport
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LatheRuntime
import OpenAPIAsyncHTTPClient
import OpenAPIHummingbird
import OpenAPIRuntime
import OpenAPIURLSession
import Testing

/// The client transports every test runs on, once each.
enum TransportKind: String, CaseIterable, Sendable {
    case asyncHTTPClient, urlSession

    var transport: any ClientTransport {
        switch self {
        case .asyncHTTPClient: AsyncHTTPClientTransport(configuration: .init(timeout: .seconds(10)))
        case .urlSession: URLSessionTransport()
        }
    }
}

/// Runs `body` against a Hummingbird server on 127.0.0.1 at an ephemeral port, with the generated
/// handlers `register` puts on its router.
func withServer(
    register: (Router<BasicRequestContext>) throws -> Void,
    _ body: @Sendable (_ serverURL: URL) async throws -> Void
) async throws {
    let router = Router()
    router.add(middleware: ReadWholeBodyFirst())
    try register(router)
    let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
    try await app.test(.live) { client in
        let port = try #require(client.port)
        try await body(URL(string: "http://127.0.0.1:\(port)")!)
    }
}

/// A value of a generated type from JSON, as a provider would send it.
func decoded<T: Decodable>(_ json: String) throws -> T {
    try JSONCoding.decoder().decode(T.self, from: Data(json.utf8))
}

func decoded<T: Decodable>(_ type: T.Type, _ json: String) throws -> T {
    try decoded(json)
}

/// Sends a request the generated client would refuse to build, straight through the transport.
func sendRaw(
    _ kind: TransportKind, to serverURL: URL, _ method: HTTPRequest.Method, _ path: String,
    headers: HTTPFields = [:], json: String? = nil
) async throws -> (status: Int, body: String) {
    var request = HTTPRequest(method: method, scheme: nil, authority: nil, path: path, headerFields: headers)
    if json != nil { request.headerFields[.contentType] = "application/json" }
    let (response, body) = try await kind.transport.send(
        request, body: json.map { HTTPBody($0) }, baseURL: serverURL, operationID: "raw")
    var text = ""
    if let body { text = try await String(collecting: body, upTo: 1 << 16) }
    return (response.status.code, text)
}

/// Counts calls a handler received, so a test can prove a request never left the client.
actor CallCounter {
    private(set) var count = 0
    func increment() { count += 1 }
}
