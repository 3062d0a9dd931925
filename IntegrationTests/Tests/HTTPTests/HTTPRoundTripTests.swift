import Foundation
import HTTPTestSupport
import HTTPTypes
import Hummingbird
import HummingbirdTesting
// SPI: the multipart test below writes a broken form at the wire level.
@_spi(Generated) import LatheRuntime
import OpenAPIAsyncHTTPClient
import OpenAPIHummingbird
import OpenAPIRuntime
import OpenAPIURLSession
import Testing
@_spi(Generated) import WireAPI

/// The generated client transports the tests run on: each test runs once with each.
enum TransportKind: String, CaseIterable, Sendable {
    case asyncHTTPClient, urlSession

    var transport: any ClientTransport {
        switch self {
        case .asyncHTTPClient: AsyncHTTPClientTransport(configuration: .init(timeout: .seconds(10)))
        case .urlSession: URLSessionTransport()
        }
    }
}

/// The generated server on Hummingbird, on 127.0.0.1 at an ephemeral port, called by the generated
/// client over AsyncHTTPClient and over URLSession: real HTTP, both ends generated from
/// Tests/Fixtures/wire/api.yaml.
struct HTTPRoundTripTests {
    struct Service: APIServer {
        static func json(_ value: some Encodable) -> JSONValue {
            (try? JSONDecoder().decode(JSONValue.self, from: JSONCoding.encoder().encode(value))) ?? .null
        }

        func styles(_ input: Operations.Styles.Input) async throws -> Operations.Styles.Output {
            let echo: [String: JSONValue] = [
                "simple": Self.json(input.path.simple), "label": Self.json(input.path.label),
                "matrix": Self.json(input.path.matrix),
                "tags": Self.json(input.query.tags), "ids": Self.json(input.query.ids),
                "spaced": Self.json(input.query.spaced),
                "piped": Self.json(input.query.piped), "filter": Self.json(input.query.filter),
                "since": Self.json(input.query.since),
                "day": Self.json(input.query.day), "path": Self.json(input.query.path),
                "flags": Self.json(input.headers.xFlags),
                "session": Self.json(input.cookies.session),
            ]
            return .ok(.init(headers: .init(xRateRemaining: 7), body: .json(echo)))
        }

        func getCode(_ input: Operations.GetCode.Input) async throws -> Operations.GetCode.Output {
            let body = GetCodeResponse(
                uuid: input.path.qrcodeUuid, filter: input.query.filterName,
                trace: input.headers.xTrace?.id.map { Int($0) })
            return .ok(.init(headers: .init(xRateInfo: .init(code: 1, window: "1 s")), body: .json(body)))
        }

        func listScans(_ input: Operations.ListScans.Input) async throws -> Operations.ListScans.Output {
            .ok(.init(body: .plainText("scans of \(input.path.code)")))
        }

        func addScan(_ input: Operations.AddScan.Input) async throws -> Operations.AddScan.Output {
            .created(.init(body: .plainText("scan of \(input.path.code)")))
        }

        func getCodeImage(_ input: Operations.GetCodeImage.Input) async throws -> Operations.GetCodeImage.Output {
            .ok(.init(body: .plainText("image of \(input.path.code)")))
        }

        func bodies(_ input: Operations.Bodies.Input) async throws -> Operations.Bodies.Output {
            switch input.body {
            case .json(let item) where item.name == "teapot":
                return .clientError(
                    statusCode: 418, .init(body: .problemJson(.init(title: "I'm a teapot", status: 418))))
            case .json(let item): return .ok(.init(body: .json(["json": Self.json(item)])))
            case .urlEncodedForm(let item): return .ok(.init(body: .json(["form": Self.json(item)])))
            case .plainText(let text): return .ok(.init(body: .json(["text": .string(text)])))
            case .textJson(let item): return .ok(.init(body: .json(["textJson": Self.json(item)])))
            case .binary(let body):
                let bytes = try await Data(collecting: body, upTo: 1 << 20)
                return .ok(.init(body: .json(["bytes": .string(bytes.base64EncodedString())])))
            }
        }

        func download(_ input: Operations.Download.Input) async throws -> Operations.Download.Output {
            switch input.query.kind {
            case .bytes: .ok(.init(body: .binary(HTTPBody([0, 1, 255]))))
            case .text: .ok(.init(body: .plainText("plain words")))
            case .json: .ok(.init(body: .any(.init(name: "j"))))
            default: .noContent(.init())
            }
        }

        func upload(_ input: Operations.Upload.Input) async throws -> Operations.Upload.Output {
            guard case .multipartForm(let parts) = input.body else {
                return .undocumented(statusCode: 415, headers: [:], body: nil)
            }
            let summary: [String: JSONValue] = [
                "title": .string(parts.title), "file": .string(parts.file.value.data.base64EncodedString()),
                "filename": Self.json(parts.file.value.filename), "checksum": Self.json(parts.file.headers.xChecksum),
                "thumbnails": .number(Decimal(parts.thumbnails.count)), "tags": Self.json(parts.tags),
                "meta": Self.json(parts.meta),
                "lang": Self.json(parts.note?.headers.xLang),
            ]
            let back = FilePart(
                data: Data(parts.file.value.data.reversed()), filename: "back.bin", contentType: "application/x-back")
            return .ok(.init(body: .multipartForm(.init(summary: summary, file: back))))
        }

        func upload(badRequest error: RequestError) async throws -> Operations.Upload.Output.BadRequest? {
            var fields: [String: [String]] = [:]
            for issue in error.issues { fields[issue.path, default: []].append(issue.message) }
            return .init(body: .json(fields))
        }

        func secureHeader(_ input: Operations.SecureHeader.Input) async throws -> Operations.SecureHeader.Output {
            .noContent(.init())
        }
        func secureQuery(_ input: Operations.SecureQuery.Input) async throws -> Operations.SecureQuery.Output {
            .noContent(.init())
        }
        func secureCookie(_ input: Operations.SecureCookie.Input) async throws -> Operations.SecureCookie.Output {
            .noContent(.init())
        }
        func secureBasic(_ input: Operations.SecureBasic.Input) async throws -> Operations.SecureBasic.Output {
            .noContent(.init())
        }
        func secureBearer(_ input: Operations.SecureBearer.Input) async throws -> Operations.SecureBearer.Output {
            .noContent(.init())
        }
        func secureOAuth(_ input: Operations.SecureOAuth.Input) async throws -> Operations.SecureOAuth.Output {
            .noContent(.init())
        }
        func secureEither(_ input: Operations.SecureEither.Input) async throws -> Operations.SecureEither.Output {
            .noContent(.init())
        }
        func secureBoth(_ input: Operations.SecureBoth.Input) async throws -> Operations.SecureBoth.Output {
            .noContent(.init())
        }
        func secureOptional(_ input: Operations.SecureOptional.Input) async throws -> Operations.SecureOptional.Output {
            .noContent(.init())
        }
        func getFile(_ input: Operations.GetFile.Input) async throws -> Operations.GetFile.Output {
            .noContent(.init())
        }
        func getThumbnail(_ input: Operations.GetThumbnail.Input) async throws -> Operations.GetThumbnail.Output {
            .noContent(.init())
        }

        /// Paces the event stream by what the client has received (StreamTests).
        var gate = StreamGate(patience: .zero)

        /// Tick `n` is produced only once the client has received tick `n - 1` (or the gate's
        /// patience ran out), so a client that sees them all proves each crossed on its own.
        func streamEvents(_ input: Operations.StreamEvents.Input) async throws -> Operations.StreamEvents.Output {
            let gate = gate
            let stream = AsyncThrowingStream<ServerEvent<Tick>, any Error> { continuation in
                let producer = Task {
                    for n in 1 ... max(input.query.count, 1) where n <= input.query.count {
                        if n > 1 { await gate.waitForReceipt(Int(n) - 1) }
                        continuation.yield(ServerEvent(data: Tick(n: n), id: "\(n)"))
                    }
                    continuation.finish()
                }
                // Cancelled, not finished: the response went away before the last tick.
                continuation.onTermination = { termination in
                    producer.cancel()
                    if case .cancelled = termination { Task { await gate.terminate() } }
                }
            }
            return .ok(.init(body: .eventStream(ItemStream(stream))))
        }

        func activity(_ input: Operations.Activity.Input) async throws -> Operations.Activity.Output {
            .ok(
                .init(
                    body: .eventStream(
                        ItemStream([ServerEvent(data: .tick(Tick(n: 1))), ServerEvent(data: .note("n"))]))))
        }

        func echoLines(_ input: Operations.EchoLines.Input) async throws -> Operations.EchoLines.Output {
            .ok(.init(body: .ndjson(try input.body.jsonLines)))
        }

        func deleteNote(_ input: Operations.DeleteNote.Input) async throws -> Operations.DeleteNote.Output {
            switch input.path.id {
            // A body HTTP forbids with a 204: the generated server leaves it out.
            case "gone": .success(statusCode: 204, .init(body: .json(["id": .string("gone")])))
            case "later": .success(statusCode: 202, .init(body: .empty))
            default: .success(statusCode: 200, .init(body: .json(["id": .string(input.path.id)])))
            }
        }

        // 204 only for its own id: schemathesis (WireConformanceTests) wants a Content-Type on any
        // status a `default` with content covers, 204 too, which HTTP gives no content.
        func putNote(_ input: Operations.PutNote.Input) async throws -> Operations.PutNote.Output {
            input.path.id == "no-content"
                ? .default(statusCode: 204, .init(body: .empty))
                : .default(statusCode: 200, .init(body: .plainText("put")))
        }
    }

    /// Starts the server on an ephemeral loopback port, runs `body` with a client for it, and stops it.
    func withServer(
        _ kind: TransportKind, _ authentication: Authentication = .init(), service: Service = Service(),
        readsBodyFirst: Bool = true, _ body: @Sendable (Client) async throws -> Void
    ) async throws {
        let router = Router()
        if readsBodyFirst { router.add(middleware: ReadWholeBodyFirst()) }
        try service.registerHandlers(
            on: router,
            authentication: ServerAuthentication(
                apiKeyHeader: { $0 == "hk" ? Caller($0) : nil }, apiKeyQuery: { $0 == "qk" ? Caller($0) : nil },
                apiKeyCookie: { $0 == "ck" ? Caller($0) : nil },
                basic: { $0 == "ada" && $1 == "pw" ? Caller($0) : nil }, bearer: { $0 == "bt" ? Caller($0) : nil },
                oauth: { $0 == "ot" ? Caller($0) : nil }
            ))
        // Hummingbird's own check that no registered route shadows another.
        try router.validate()
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { testClient in
            let port = try #require(testClient.port)
            let client = Client(
                serverURL: URL(string: "http://127.0.0.1:\(port)")!,
                transport: kind.transport,
                authentication: authentication
            )
            try await body(client)
        }
    }

    @Test(.timeLimit(.minutes(1)), arguments: TransportKind.allCases)
    func parametersInEveryStyleCrossRealHTTP(_ kind: TransportKind) async throws {
        try await withServer(kind) { client in
            let output = try await client.styles(
                simple: [1, 2, 3], label: ["a", "b"], matrix: .init(x: 1, y: "b"), tags: ["t1", "t 2"], ids: [1, 2],
                spaced: ["a", "b"], piped: ["a", "b"], filter: .init(color: "red", size: 2),
                since: Date(timeIntervalSince1970: 1_709_200_800), day: CalendarDate(year: 2024, month: 2, day: 29),
                path: "a/b", xRequestID: UUID(), xFlags: [true, false], session: "s 1"
            )
            guard case .ok(let ok) = output, case .json(let echo) = ok.body else {
                var detail = ""
                if case .undocumented(_, _, let body?) = output {
                    detail = (try? await String(collecting: body, upTo: 4096)) ?? ""
                }
                Issue.record("expected 200, got \(output) \(detail)")
                return
            }
            #expect(ok.headers.xRateRemaining == 7)
            #expect(
                echo == [
                    "simple": [1, 2, 3], "label": ["a", "b"], "matrix": ["x": 1, "y": "b"], "tags": ["t1", "t 2"],
                    "ids": [1, 2],
                    "spaced": ["a", "b"], "piped": ["a", "b"], "filter": ["color": "red", "size": 2],
                    "since": "2024-02-29T10:00:00Z",
                    "day": "2024-02-29", "path": "a/b", "flags": [true, false], "session": "s 1",
                ])
        }
    }

    /// A `2XX` documented with JSON, answered 204 (the handler's body left out by the server) or 202
    /// without content, is `empty` through each transport; answered 200, it has its body.
    @Test(.timeLimit(.minutes(1)), arguments: TransportKind.allCases)
    func aRangeAnsweredWithoutContentIsEmpty(_ kind: TransportKind) async throws {
        try await withServer(kind) { client in
            #expect(try await client.deleteNote(id: "keep").get() == ["id": .string("keep")])
            for (id, status) in [("gone", 204), ("later", 202)] {
                let output = try await client.deleteNote(id: id)
                guard case .success(status, let response) = output, case .empty = response.body else {
                    Issue.record("expected \(status) without a body, got \(output)")
                    return
                }
                #expect(try output.get() == nil)
            }
            guard case .default(204, let response) = try await client.putNote(id: "no-content"),
                case .empty = response.body
            else {
                Issue.record("expected a 204 default without a body")
                return
            }
        }
    }

    /// A path parameter named `qrcode-uuid`, a query parameter named `filter[name]`, and headers
    /// whose value is JSON (described with `content`), through a real router.
    @Test(.timeLimit(.minutes(1)), arguments: TransportKind.allCases)
    func oddNamesAndJSONHeadersCrossRealHTTP(_ kind: TransportKind) async throws {
        try await withServer(kind) { client in
            let output = try await client.getCode(
                qrcodeUuid: "a b-1", filterName: "x&y=z", xTrace: .init(id: 7, tags: ["a,b"]))
            guard case .ok(let ok) = output, case .json(let body) = ok.body else {
                Issue.record("expected 200, got \(output)")
                return
            }
            #expect(body == .init(uuid: "a b-1", filter: "x&y=z", trace: 7))
            #expect(ok.headers.xRateInfo == .init(code: 1, window: "1 s"))
        }
    }

    /// `{code}` where `{qrcode-uuid}` is, under GET and POST, and `{code}.png` beside `{qrcode-uuid}`:
    /// Hummingbird keeps one tree for all methods, in which a second name at a place is a second
    /// branch one method's requests never reach.
    @Test(.timeLimit(.minutes(1)), arguments: TransportKind.allCases)
    func routesThatNameAPlaceApartReachEveryMethod(_ kind: TransportKind) async throws {
        try await withServer(kind) { client in
            let scans = try await client.listScans(code: "c 1").ok.body.plainText
            #expect(scans == "scans of c 1")
            let scan = try await client.addScan(code: "c 1").created.body.plainText
            #expect(scan == "scan of c 1")
            let image = try await client.getCodeImage(code: "c.1").ok.body.plainText
            #expect(image == "image of c.1")
            let code = try await client.getCode(qrcodeUuid: "c.1").ok.body.json
            #expect(code.uuid == "c.1")
        }
    }

    @Test(.timeLimit(.minutes(1)), arguments: TransportKind.allCases)
    func everyBodyKindCrossesRealHTTP(_ kind: TransportKind) async throws {
        try await withServer(kind) { client in
            let cases: [(Operations.Bodies.Input.Body, JSONValue)] = [
                (.json(.init(name: "n", count: 2)), ["json": ["name": "n", "count": 2]]),
                (.urlEncodedForm(.init(name: "a b&c", count: 3)), ["form": ["name": "a b&c", "count": 3]]),
                (.plainText("just text"), ["text": "just text"]),
                (.textJson(.init(name: "t")), ["textJson": ["name": "t"]]),
                (.binary(HTTPBody([0, 1, 255])), ["bytes": "AAH/"]),
            ]
            for (body, expected) in cases {
                let output = try await client.bodies(body: body)
                guard case .ok(let ok) = output, case .json(let echo) = ok.body else {
                    Issue.record("expected 200 for \(body), got \(output)")
                    continue
                }
                #expect(JSONValue.object(echo) == expected)
            }
            let teapot = try await client.bodies(body: .json(.init(name: "teapot")))
            guard case .clientError(418, let error) = teapot, case .problemJson(let problem) = error.body else {
                Issue.record("expected 418, got \(teapot)")
                return
            }
            #expect(problem.title == "I'm a teapot")
            guard case .ok(let bytes) = try await client.download(kind: .bytes), case .binary(let stream) = bytes.body
            else {
                Issue.record("expected bytes")
                return
            }
            #expect(try await [UInt8](collecting: stream, upTo: 10) == [0, 1, 255])
            guard case .ok(let json) = try await client.download(kind: .json), case .any(let item) = json.body else {
                Issue.record("expected JSON for */*")
                return
            }
            #expect(item.name == "j")
        }
    }

    @Test(.timeLimit(.minutes(1)), arguments: TransportKind.allCases)
    func securitySchemesAreCheckedOverRealHTTP(_ kind: TransportKind) async throws {
        let good = Authentication(
            apiKeyHeader: APIKeyCredential("hk"), apiKeyQuery: APIKeyCredential("qk"),
            apiKeyCookie: APIKeyCredential("ck"),
            basic: BasicCredentials(username: "ada", password: "pw"), bearer: BearerTokenProvider(token: "bt"),
            oauth: BearerTokenProvider(token: "ot")
        )
        try await withServer(kind, good) { client in
            for output in [
                "\(try await client.secureHeader())", "\(try await client.secureQuery())",
                "\(try await client.secureCookie())",
                "\(try await client.secureBasic())", "\(try await client.secureBearer())",
                "\(try await client.secureOAuth())",
                "\(try await client.secureEither())", "\(try await client.secureBoth())",
                "\(try await client.secureOptional())",
            ] {
                #expect(output.hasPrefix("noContent"))
            }
        }
        let wrong = Authentication(
            apiKeyHeader: APIKeyCredential("no"), basic: BasicCredentials(username: "ada", password: "no"))
        try await withServer(kind, wrong) { client in
            guard case .unauthorized = try await client.secureHeader() else {
                Issue.record("a wrong API key must get 401")
                return
            }
            guard case .unauthorized = try await client.secureBasic() else {
                Issue.record("wrong Basic credentials must get 401")
                return
            }
        }
    }

    @Test(.timeLimit(.minutes(1)), arguments: TransportKind.allCases)
    func badInputGets400WithTheJSONPath(_ kind: TransportKind) async throws {
        try await withServer(kind) { client in
            // A body that breaks `minLength: 1` is refused by the client; sent anyway by hand, the server says where.
            var request = HTTPRequest(method: .post, scheme: nil, authority: nil, path: "/bodies")
            request.headerFields[.contentType] = "application/json"
            let (response, body) = try await client.transport.send(
                request, body: HTTPBody(#"{"name": ""}"#), baseURL: client.serverURL, operationID: "bodies"
            )
            #expect(response.status.code == 400)
            let problem = try JSONDecoder().decode(
                JSONValue.self, from: try await Data(collecting: body!, upTo: 1 << 16))
            guard case .object(let members) = problem else {
                Issue.record("expected a problem object")
                return
            }
            #expect(
                members["errors"] == [
                    ["path": "$.body.name", "message": "must be at least 1 character long, but is 0"]
                ])
            // A content type the operation does not accept is 415 (Unsupported Media Type).
            request.headerFields[.contentType] = "application/xml"
            let (unsupported, _) = try await client.transport.send(
                request, body: HTTPBody("<name/>"), baseURL: client.serverURL, operationID: "bodies")
            #expect(unsupported.status.code == 415)
        }
    }

    @Test(.timeLimit(.minutes(1)), arguments: TransportKind.allCases)
    func aMultipartFormCrossesRealHTTPBothWays(_ kind: TransportKind) async throws {
        try await withServer(kind) { client in
            let parts = Operations.Upload.Input.Body.Parts(
                title: "Cat",
                file: .init(
                    value: FilePart(data: Data([1, 2, 3]), filename: "cat.png"), headers: .init(xChecksum: "abc")),
                thumbnails: [FilePart(data: Data([9])), FilePart(data: Data([8]))], tags: ["a", "b c"],
                meta: .init(name: "m"), note: .init(value: "hi", headers: .init(xLang: "fr"))
            )
            let output = try await client.upload(body: parts)
            guard case .ok(let ok) = output, case .multipartForm(let receipt) = ok.body else {
                Issue.record("expected 200, got \(output)")
                return
            }
            #expect(
                JSONValue.object(receipt.summary) == [
                    "title": "Cat", "file": "AQID", "filename": "cat.png", "checksum": "abc", "thumbnails": 2,
                    "tags": ["a", "b c"], "meta": ["name": "m"], "lang": "fr",
                ])
            #expect(
                receipt.file
                    == FilePart(data: Data([3, 2, 1]), filename: "back.bin", contentType: "application/x-back"))

            // A form without its required file: the 400 the spec documents, shaped by the handler.
            var form = try parts.form()
            form.parts.removeAll { $0.name == "file" }
            let sent = form.encoded()
            var request = HTTPRequest(method: .post, scheme: nil, authority: nil, path: "/upload")
            request.headerFields[.contentType] = sent.contentType
            let (response, body) = try await client.transport.send(
                request, body: sent.body, baseURL: client.serverURL, operationID: "upload")
            #expect(response.status.code == 400)
            let fields = try JSONDecoder().decode(
                [String: [String]].self, from: try await Data(collecting: body!, upTo: 1 << 16))
            #expect(fields == ["$.body.file": ["is required"]])
        }
    }
}
