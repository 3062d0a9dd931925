import Foundation
import HTTPTypes
@_spi(Generated) import LatheRuntime
import OpenAPIRuntime
import Testing

/// The wire fixture's `servers`: a plain entry, one with an enum and a free variable, and a path
/// whose own server overrides the document's.
struct ServerURLTests {
    /// Keeps the base URL of every request.
    final class RecordingTransport: ClientTransport, @unchecked Sendable {
        private let lock = NSLock()
        private var urls: [URL] = []
        var baseURLs: [URL] { lock.withLock { urls } }

        func send(
            _ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String
        ) async throws -> (HTTPResponse, HTTPBody?) {
            lock.withLock { urls.append(baseURL) }
            return (HTTPResponse(status: .noContent), nil)
        }
    }

    @Test func entriesAreNamedValuesWithTypedVariables() throws {
        #expect(WireFormats.ServerURL.production.url == URL(string: "https://api.wire.test/v1")!)
        #expect(try WireFormats.ServerURL.regional().url == URL(string: "https://eu-west.wire.test/v1")!)
        let chosen = try WireFormats.ServerURL.regional(region: .usEast, version: "v2")
        #expect(chosen.url == URL(string: "https://us-east.wire.test/v2")!)
        #expect(WireFormats.ServerURL.Region.allCases.map(\.rawValue) == ["us-east", "eu-west"])
        // A variable the spec does not declare has no default: the caller gives it.
        #expect(try WireFormats.ServerURL.tenant(tenant: "acme").url == URL(string: "https://acme.wire.test/v1")!)
        #expect(
            try WireFormats.ServerURL.tenant(tenant: "eu", version: "v2").url == URL(string: "https://eu.wire.test/v2")!
        )
        #expect(throws: InvalidServerURL.self) { try WireFormats.ServerURL.tenant(tenant: "a b") }
    }

    /// A relative server URL is relative to where the spec is served, which the caller passes.
    @Test func aRelativeEntryTakesTheAddressItIsRelativeTo() throws {
        let device = URL(string: "http://10.0.0.1:3000/docs/openapi.yaml")!
        #expect(try WireFormats.ServerURL.local(relativeTo: device).url == URL(string: "http://10.0.0.1:3000/wire/v1")!)
        #expect(
            try WireFormats.ServerURL.local(relativeTo: URL(string: "https://box.example")!, version: "v2").url
                == URL(string: "https://box.example/wire/v2")!)
        #expect(throws: InvalidServerURL.self) {
            try WireFormats.ServerURL.local(relativeTo: URL(string: "docs/openapi.yaml")!)
        }
        // A variable named like the address keeps a label of its own; the trailing `/` goes, since
        // each operation's path begins with one.
        #expect(
            try WireFormats.ServerURL.gateway(relativeTo: device, base2: "edge").url
                == URL(string: "http://10.0.0.1:3000/edge")!)
        #expect(
            try WireFormats.ServerURL.gateway(relativeTo: URL(string: "http://h/a/b/openapi.yaml")!).url
                == URL(string: "http://h/gateway")!)
        // The empty URL (InfluxDB's `servers: [{url: ''}]`) is the address itself.
        #expect(try ClientSupport.serverURL("", [:], relativeTo: device) == device)
        #expect(throws: InvalidServerURL.self) { try ClientSupport.serverURL("", [:]) }
    }

    @Test func theClientTakesAServerTheFirstByDefault() async throws {
        let transport = RecordingTransport()
        let byDefault = WireFormats.Client(transport: transport)
        #expect(byDefault.serverURL == WireFormats.ServerURL.production.url)
        let regional = WireFormats.Client(server: try .regional(region: .usEast), transport: transport)
        _ = try await regional.secureOptional()
        #expect(transport.baseURLs.last == URL(string: "https://us-east.wire.test/v1")!)
    }

    /// `/files/{name}` names a host of its own: its calls go there, unless the configuration sends
    /// everything to the client's server (a mock in tests).
    @Test func anOperationsOwnServerOverridesTheDocuments() async throws {
        let transport = RecordingTransport()
        let client = WireFormats.Client(transport: transport)
        _ = try await client.getFile(name: "a.txt")
        #expect(transport.baseURLs.last == URL(string: "https://files.wire.test/v1")!)
        #expect(WireFormats.Operations.GetFile.serverURL == URL(string: "https://files.wire.test/v1")!)
        _ = try await client.secureOptional()
        #expect(transport.baseURLs.last == WireFormats.ServerURL.production.url)

        let mocked = WireFormats.Client(
            serverURL: URL(string: "http://127.0.0.1:8080")!, transport: transport,
            configuration: .init(usesOperationServers: false))
        _ = try await mocked.getFile(name: "a.txt")
        #expect(transport.baseURLs.last == URL(string: "http://127.0.0.1:8080")!)
    }

    /// `/thumbnails/{name}` names a relative server, `/media`: relative to where the spec is served,
    /// so resolved against the client's server (InfluxDB's `/private` beside its `/api/v2`). Sent
    /// to the client's server as it is, its calls missed the `/media`.
    @Test func anOperationsRelativeServerIsResolvedAgainstTheClients() async throws {
        let transport = RecordingTransport()
        let client = WireFormats.Client(transport: transport)
        _ = try await client.getThumbnail(name: "a.png")
        #expect(transport.baseURLs.last == URL(string: "https://api.wire.test/media")!)
        let local = WireFormats.Client(serverURL: URL(string: "http://127.0.0.1:8080/wire/v1")!, transport: transport)
        _ = try await local.getThumbnail(name: "a.png")
        #expect(transport.baseURLs.last == URL(string: "http://127.0.0.1:8080/media")!)
        #expect(
            try WireFormats.Operations.GetThumbnail.serverURL(relativeTo: URL(string: "https://x.test/a/b")!)
                == URL(string: "https://x.test/media")!)

        let mocked = WireFormats.Client(
            serverURL: URL(string: "http://127.0.0.1:8080")!, transport: transport,
            configuration: .init(usesOperationServers: false))
        _ = try await mocked.getThumbnail(name: "a.png")
        #expect(transport.baseURLs.last == URL(string: "http://127.0.0.1:8080")!)
    }
}
