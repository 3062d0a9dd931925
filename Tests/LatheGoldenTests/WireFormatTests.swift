import Foundation
import HTTPTypes
@_spi(Generated) import LatheRuntime
import OpenAPIRuntime
import Testing

/// Every parameter style, body kind, response kind and security scheme of `Tests/Fixtures/wire/api.yaml`,
/// through the generated client and server: the server echoes what it decoded.
struct WireFormatTests {
    typealias Ops = WireFormats.Operations

    static func json(_ value: some Encodable) -> JSONValue {
        (try? JSONDecoder().decode(JSONValue.self, from: JSONCoding.encoder().encode(value))) ?? .null
    }

    struct Service: WireFormats.APIServer {
        func styles(_ input: Ops.Styles.Input) async throws -> Ops.Styles.Output {
            let echo: [String: JSONValue] = [
                "simple": json(input.path.simple), "label": json(input.path.label), "matrix": json(input.path.matrix),
                "tags": json(input.query.tags), "ids": json(input.query.ids), "spaced": json(input.query.spaced),
                "piped": json(input.query.piped), "filter": json(input.query.filter), "since": json(input.query.since),
                "day": json(input.query.day), "amount": json(input.query.amount), "limit": json(input.query.limit),
                "path": json(input.query.path), "requestID": json(input.headers.xRequestID),
                "flags": json(input.headers.xFlags),
                "session": json(input.cookies.session),
            ]
            return .ok(.init(headers: .init(xRateRemaining: 99), body: .json(echo)))
        }

        func getCode(_ input: Ops.GetCode.Input) async throws -> Ops.GetCode.Output {
            let body = WireFormats.GetCodeResponse(
                uuid: input.path.qrcodeUuid, filter: input.query.filterName,
                trace: input.headers.xTrace?.id.map { Int($0) })
            return .ok(.init(headers: .init(xRateInfo: .init(code: 1, window: "1 s")), body: .json(body)))
        }

        func listScans(_ input: Ops.ListScans.Input) async throws -> Ops.ListScans.Output {
            .ok(.init(body: .plainText("scans of \(input.path.code)")))
        }

        func addScan(_ input: Ops.AddScan.Input) async throws -> Ops.AddScan.Output {
            .created(.init(body: .plainText("scan of \(input.path.code)")))
        }

        func getCodeImage(_ input: Ops.GetCodeImage.Input) async throws -> Ops.GetCodeImage.Output {
            .ok(.init(body: .plainText("image of \(input.path.code)")))
        }

        func bodies(_ input: Ops.Bodies.Input) async throws -> Ops.Bodies.Output {
            switch input.body {
            case .json(let item) where item.name == "teapot":
                return .clientError(
                    statusCode: 418, .init(body: .problemJson(.init(title: "I'm a teapot", status: 418))))
            case .json(let item) where item.name == "later":
                return .default(statusCode: 503, .init(body: .plainText("try later")))
            case .json(let item): return .ok(.init(body: .json(["json": json(item)])))
            case .urlEncodedForm(let item): return .ok(.init(body: .json(["form": json(item)])))
            case .plainText(let text): return .ok(.init(body: .json(["text": .string(text)])))
            case .textJson(let item): return .ok(.init(body: .json(["textJson": json(item)])))
            case .binary(let body):
                let bytes = try await Data(collecting: body, upTo: 1 << 20)
                return .ok(.init(body: .json(["bytes": .string(bytes.base64EncodedString())])))
            }
        }

        func download(_ input: Ops.Download.Input) async throws -> Ops.Download.Output {
            switch input.query.kind {
            case .bytes: .ok(.init(body: .binary(HTTPBody([0, 1, 255]))))
            case .text: .ok(.init(body: .plainText("plain words")))
            case .json: .ok(.init(body: .any(.init(name: "j"))))
            // The handler chooses the body by what the request accepts.
            case .negotiated:
                input.accept.preferred(among: ["text/plain", "application/octet-stream"]) == "application/octet-stream"
                    ? .ok(.init(body: .binary(HTTPBody([7])))) : .ok(.init(body: .plainText("seven")))
            case .none: .noContent(.init())
            default:
                .undocumented(statusCode: 418, headers: [.init("X-Why")!: "short and stout"], body: HTTPBody("tea"))
            }
        }

        func upload(_ input: Ops.Upload.Input) async throws -> Ops.Upload.Output {
            guard case .multipartForm(let parts) = input.body else {
                return .undocumented(statusCode: 415, headers: [:], body: nil)
            }
            let file = parts.file.value
            let summary: [String: JSONValue] = [
                "title": .string(parts.title), "file": .string(file.data.base64EncodedString()),
                "filename": json(file.filename),
                "fileType": json(file.contentType), "checksum": json(parts.file.headers.xChecksum),
                "thumbnails": json(parts.thumbnails.map { [$0.filename ?? "", $0.contentType ?? ""] }),
                "tags": json(parts.tags),
                "count": json(parts.count), "meta": json(parts.meta), "note": json(parts.note?.value),
                "lang": json(parts.note?.headers.xLang),
            ]
            let back = FilePart(
                data: Data(file.data.reversed()), filename: "back.bin", contentType: "application/x-back")
            return .ok(.init(body: .multipartForm(.init(summary: summary, file: back))))
        }

        /// The documented 400: issues keyed by where they are.
        func upload(badRequest error: RequestError) async throws -> Ops.Upload.Output.BadRequest? {
            var fields: [String: [String]] = [:]
            for issue in error.issues { fields[issue.path, default: []].append(issue.message) }
            return .init(body: .json(fields))
        }

        func secureHeader(_ input: Ops.SecureHeader.Input) async throws -> Ops.SecureHeader.Output {
            .noContent(.init())
        }
        func secureQuery(_ input: Ops.SecureQuery.Input) async throws -> Ops.SecureQuery.Output { .noContent(.init()) }
        func secureCookie(_ input: Ops.SecureCookie.Input) async throws -> Ops.SecureCookie.Output {
            .noContent(.init())
        }
        func secureBasic(_ input: Ops.SecureBasic.Input) async throws -> Ops.SecureBasic.Output { .noContent(.init()) }
        func secureBearer(_ input: Ops.SecureBearer.Input) async throws -> Ops.SecureBearer.Output {
            .noContent(.init())
        }
        func secureOAuth(_ input: Ops.SecureOAuth.Input) async throws -> Ops.SecureOAuth.Output { .noContent(.init()) }
        func secureEither(_ input: Ops.SecureEither.Input) async throws -> Ops.SecureEither.Output {
            callers.record(input.caller)
            return .noContent(.init())
        }
        func secureBoth(_ input: Ops.SecureBoth.Input) async throws -> Ops.SecureBoth.Output {
            callers.record(input.caller)
            return .noContent(.init())
        }
        func secureOptional(_ input: Ops.SecureOptional.Input) async throws -> Ops.SecureOptional.Output {
            callers.record(input.caller)
            return .noContent(.init())
        }

        /// The callers the handlers above were given, in order.
        let callers = CallerLog()
        func getFile(_ input: Ops.GetFile.Input) async throws -> Ops.GetFile.Output { .noContent(.init()) }
        func getThumbnail(_ input: Ops.GetThumbnail.Input) async throws -> Ops.GetThumbnail.Output {
            .noContent(.init())
        }

        /// `count` ticks, the even ones with an event type, each data two lines long; after the
        /// `Last-Event-ID` a reconnecting consumer sends, only the ticks it has not seen.
        func streamEvents(_ input: Ops.StreamEvents.Input) async throws -> Ops.StreamEvents.Output {
            let seen = input.headers.lastEventID.flatMap { Int64($0) } ?? 0
            let events = (seen ..< input.query.count).map { index in
                let n = index + 1
                return ServerEvent(
                    event: n % 2 == 0 ? "even" : nil, data: WireFormats.Tick(n: n, note: "tick\n\(n)"), id: "\(n)")
            }
            return .ok(.init(body: .eventStream(ItemStream(events))))
        }

        /// A tick, a note, and an event the spec does not name.
        func deleteNote(_ input: Ops.DeleteNote.Input) async throws -> Ops.DeleteNote.Output {
            switch input.path.id {
            // A body HTTP forbids with a 204: the server leaves it out.
            case "gone": .success(statusCode: 204, .init(body: .json(["id": .string("gone")])))
            case "empty": .success(statusCode: 204, .init(body: .empty))
            // Accepted, to be deleted later: no content, though the status could carry some.
            case "later": .success(statusCode: 202, .init(body: .empty))
            default: .success(statusCode: 200, .init(body: .json(["id": .string(input.path.id)])))
            }
        }

        func putNote(_ input: Ops.PutNote.Input) async throws -> Ops.PutNote.Output {
            input.path.id == "new"
                ? .default(statusCode: 201, .init(body: .plainText("made")))
                : .default(statusCode: 204, .init(body: .empty))
        }

        func activity(_ input: Ops.Activity.Input) async throws -> Ops.Activity.Output {
            let events: [ServerEvent<Ops.Activity.Output.Ok.Body.EventData>] = [
                ServerEvent(data: .tick(WireFormats.Tick(n: 1)), id: "a"), ServerEvent(data: .note("plain text")),
                ServerEvent(data: .undocumented(event: "ping", data: "{}")),
            ]
            return .ok(.init(body: .eventStream(ItemStream(events))))
        }

        /// The items back as they arrive, in the type the request prefers.
        func echoLines(_ input: Ops.EchoLines.Input) async throws -> Ops.EchoLines.Output {
            let items = try input.body.jsonLines
            let asSequence = input.accept.preferred(among: ["application/x-ndjson", "application/json-seq"])
            return .ok(.init(body: asSequence == "application/json-seq" ? .jsonSeq(items) : .ndjson(items)))
        }
    }

    final class CallerLog: @unchecked Sendable {
        private let lock = NSLock()
        private var seen: [Caller?] = []
        func record(_ caller: Caller?) { lock.withLock { seen.append(caller) } }
        var last: Caller?? { lock.withLock { seen.last } }
    }

    let transport = LoopbackTransport()
    let service = Service()

    init() throws {
        let authentication = WireFormats.ServerAuthentication(
            apiKeyHeader: { $0 == "hk" ? Caller($0) : nil }, apiKeyQuery: { $0 == "q k" ? Caller($0) : nil },
            apiKeyCookie: { $0 == "ck" ? Caller($0) : nil },
            basic: { $0 == "ada" && $1 == "p:w" ? Caller($0) : nil }, bearer: { $0 == "bt" ? Caller($0) : nil },
            oauth: { $0 == "ot" ? Caller($0) : nil }
        )
        try service.registerHandlers(on: transport, authentication: authentication)
    }

    func client(_ authentication: WireFormats.Authentication = .init()) -> WireFormats.Client {
        WireFormats.Client(
            serverURL: URL(string: "https://wire.test")!, transport: transport, authentication: authentication)
    }

    @Test func everyParameterStyleGoesOutAsSpecifiedAndComesBack() async throws {
        let requestID = UUID(uuidString: "123E4567-E89B-12D3-A456-426614174000")!
        let output = try await client().styles(
            simple: [1, 2, 3], label: ["a", "b"], matrix: .init(x: 1, y: "b"), tags: ["t1", "t 2"], ids: [1, 2],
            spaced: ["a", "b"], piped: ["a", "b"], filter: .init(color: "red", size: 2),
            since: Date(timeIntervalSince1970: 1_709_200_800), day: CalendarDate(year: 2024, month: 2, day: 29),
            amount: .string("12.50"), path: "a/b?c", xRequestID: requestID, xFlags: [true, false], session: "s 1"
        )
        let request = try #require(transport.sent.last)
        #expect(
            request.path
                == "/styles/1,2,3/.a.b/;matrix=x,1,y,b?tags=t1&tags=t%202&ids=1,2&spaced=a%20b&piped=a%7Cb&filter%5Bcolor%5D=red&filter%5Bsize%5D=2&since=2024-02-29T10%3A00%3A00Z&day=2024-02-29&amount=12.50&limit=20&path=a/b?c"
        )
        #expect(request.headerFields[.init("X-Request-ID")!] == "123e4567-e89b-12d3-a456-426614174000")
        #expect(request.headerFields[.init("X-Flags")!] == "true,false")
        #expect(request.headerFields[.cookie] == "session=s%201")
        guard case .ok(let ok) = output, case .json(let echo) = ok.body else {
            Issue.record("expected 200, got \(output)")
            return
        }
        #expect(ok.headers.xRateRemaining == 99)
        #expect(
            echo == [
                "simple": [1, 2, 3], "label": ["a", "b"], "matrix": ["x": 1, "y": "b"], "tags": ["t1", "t 2"],
                "ids": [1, 2],
                "spaced": ["a", "b"], "piped": ["a", "b"], "filter": ["color": "red", "size": 2],
                "since": "2024-02-29T10:00:00Z",
                // In a URI a number and a string look the same: text that spells a number reads back as one.
                "day": "2024-02-29", "amount": .number(Decimal(string: "12.50")!), "limit": 20, "path": "a/b?c",
                "requestID": "123e4567-e89b-12d3-a456-426614174000", "flags": [true, false], "session": "s 1",
            ])
    }

    /// One request cannot exhaust a server's memory: bodies, headers, multipart parts and JSON depth
    /// have limits (`ServerLimits`), answered with 413, 431 and 400 before the handler runs.
    @Test func requestsPastTheServersLimitsAreRefused() async throws {
        let limited = LoopbackTransport()
        try Service().registerHandlers(
            on: limited,
            limits: .init(maximumBodySize: 256, maximumHeaderSize: 512, maximumMultipartParts: 2, maximumJSONDepth: 3))
        func send(
            _ path: String, _ body: String, contentType: String, headers: HTTPFields = [:]
        ) async throws -> (Int, String) {
            var request = HTTPRequest(method: .post, scheme: nil, authority: nil, path: path)
            request.headerFields = headers
            request.headerFields[.contentType] = contentType
            request.headerFields[.init("X-API-Key")!] = "hk"
            let (response, responseBody) = try await limited.send(
                request, body: HTTPBody(body), baseURL: URL(string: "https://wire.test")!, operationID: "x")
            return (response.status.code, try await String(collecting: responseBody ?? HTTPBody(), upTo: 1 << 16))
        }
        let big = try await send(
            "/bodies", #"{"name": ""# + String(repeating: "x", count: 300) + #""}"#, contentType: "application/json")
        #expect(big.0 == 413 && big.1.contains("larger than the 256 bytes"))
        let deep = try await send("/bodies", #"{"name": "n", "tags": [[[["x"]]]]}"#, contentType: "application/json")
        #expect(deep.0 == 400 && deep.1.contains("nests deeper than 3 levels"))
        let headers = try await send(
            "/bodies", #"{"name": "n"}"#, contentType: "application/json",
            headers: [.init("X-Padding")!: String(repeating: "p", count: 600)])
        #expect(headers.0 == 431)
        let form =
            (0 ..< 3).map { _ in "--b\r\nContent-Disposition: form-data; name=\"tags\"\r\n\r\nt\r\n" }.joined()
            + "--b--\r\n"
        let parts = try await send("/upload", form, contentType: "multipart/form-data; boundary=b")
        #expect(parts.0 == 413 && parts.1.contains("more than the 2 multipart parts"))
        // Within the limits, the same server answers.
        #expect(try await send("/bodies", #"{"name": "n"}"#, contentType: "application/json").0 == 200)
    }

    /// Names that are not identifiers get readable Swift names and travel as the spec spells them;
    /// a header described with `content` travels as JSON, both ways.
    @Test func oddNamesAndJSONHeadersGoOutAsSpecifiedAndComeBack() async throws {
        let output = try await client().getCode(
            qrcodeUuid: "a/b c", filterName: "x&y=z", xTrace: .init(id: 7, tags: ["a,b", "c d"]))
        let request = try #require(transport.sent.last)
        #expect(request.path == "/codes/a%2Fb%20c?filter%5Bname%5D=x%26y%3Dz")
        #expect(request.headerFields[.init("X-Trace")!] == #"{"id":7,"tags":["a,b","c d"]}"#)
        guard case .ok(let ok) = output, case .json(let body) = ok.body else {
            Issue.record("expected 200, got \(output)")
            return
        }
        #expect(body == .init(uuid: "a/b c", filter: "x&y=z", trace: 7))
        #expect(ok.headers.xRateInfo == .init(code: 1, window: "1 s"))
    }

    /// `{code}` where `{qrcode-uuid}` is, under GET and POST, and `{code}.png` beside it: each place
    /// is registered under one name for every method, and each operation reads its own from it.
    @Test func routesThatNameAPlaceApartReachEveryMethod() async throws {
        #expect(try await client().listScans(code: "c 1").ok.body.plainText == "scans of c 1")
        #expect(try await client().addScan(code: "c 1").created.body.plainText == "scan of c 1")
        #expect(try #require(transport.sent.last).path == "/codes/c%201/scans")
        #expect(try await client().getCodeImage(code: "c.1").ok.body.plainText == "image of c.1")
        #expect(try #require(transport.sent.last).path == "/codes/c.1.png")
        #expect(try await client().getCode(qrcodeUuid: "c.1").ok.body.json.uuid == "c.1")
    }

    @Test func aDefaultIsSentWhenLeftOutAndABoundIsCheckedBeforeSending() async throws {
        _ = try await client().styles(simple: [1], label: ["a"], matrix: .init(), xRequestID: UUID())
        #expect(transport.sent.last?.path?.hasSuffix("?limit=20") == true)
        do {
            _ = try await client().styles(simple: [1], label: ["a"], matrix: .init(), limit: 101, xRequestID: UUID())
            Issue.record("expected the call to fail")
        } catch let error as OperationError {
            guard case .invalidInput(let issues) = error.reason else { throw error }
            #expect(issues.map(\.description) == ["$.limit: must be at most 100, but is 101"])
        }
    }

    static let bodyCases: [(Ops.Bodies.Input.Body, String, JSONValue)] = [
        (.json(.init(name: "n", count: 2)), "application/json", ["json": ["name": "n", "count": 2]]),
        (
            .urlEncodedForm(.init(name: "a b&c", count: 3)), "application/x-www-form-urlencoded",
            ["form": ["name": "a b&c", "count": 3]]
        ),
        // Form values are text: a name that looks like a number is still a name.
        (
            .urlEncodedForm(.init(name: "123", count: 4)), "application/x-www-form-urlencoded",
            ["form": ["name": "123", "count": 4]]
        ),
        (.plainText("just text"), "text/plain", ["text": "just text"]),
        (.textJson(.init(name: "t")), "text/json", ["textJson": ["name": "t"]]),
        (.binary(HTTPBody([0, 1, 255])), "application/octet-stream", ["bytes": "AAH/"]),
    ]

    @Test(arguments: bodyCases)
    func everyBodyKind(_ body: Ops.Bodies.Input.Body, _ contentType: String, _ expected: JSONValue) async throws {
        let output = try await client().bodies(body: body)
        #expect(transport.sent.last?.headerFields[.contentType] == contentType)
        guard case .ok(let ok) = output, case .json(let echo) = ok.body else {
            Issue.record("expected 200, got \(output)")
            return
        }
        #expect(JSONValue.object(echo) == expected)
    }

    @Test func rangesDefaultsAndUndocumentedStatuses() async throws {
        let teapot = try await client().bodies(body: .json(.init(name: "teapot")))
        guard case .clientError(let status, let error) = teapot, case .problemJson(let problem) = error.body else {
            Issue.record("expected 4XX, got \(teapot)")
            return
        }
        #expect(status == 418 && problem.title == "I'm a teapot")
        let later = try await client().bodies(body: .json(.init(name: "later")))
        guard case .default(let code, let other) = later, case .plainText(let text) = other.body else {
            Issue.record("expected default, got \(later)")
            return
        }
        #expect(code == 503 && text == "try later")
        let undocumented = try await client().download(kind: .other)
        guard case .undocumented(let code, let headers, let body) = undocumented else {
            Issue.record("expected undocumented, got \(undocumented)")
            return
        }
        #expect(code == 418 && headers[.init("X-Why")!] == "short and stout")
        #expect(try await String(collecting: body!, upTo: 100) == "tea")
    }

    @Test func aRangeOrLoneDefaultAnsweredWithoutContentIsEmpty() async throws {
        let kept = try await client().deleteNote(id: "keep")
        guard case .success(200, let ok) = kept, case .json(let echo) = ok.body else {
            Issue.record("expected 200 with a body, got \(kept)")
            return
        }
        #expect(echo == ["id": .string("keep")])
        #expect(try kept.get() == echo)
        for id in ["gone", "empty"] {
            let deleted = try await client().deleteNote(id: id)
            guard case .success(204, let response) = deleted, case .empty = response.body else {
                Issue.record("expected 204 without a body, got \(deleted)")
                return
            }
            #expect(transport.answeredWithBody.last == false)
            #expect(try deleted.get() == nil)
            #expect(throws: UnexpectedContentType.self) { try response.body.json }
        }
        // A 204 has no content to negotiate: not 406 to a request that accepts none of the body's.
        var request = HTTPRequest(method: .delete, scheme: nil, authority: nil, path: "/notes/gone")
        request.headerFields[.accept] = "text/plain"
        let (answer, answerBody) = try await transport.send(
            request, body: nil, baseURL: URL(string: "https://wire.test")!, operationID: "deleteNote")
        #expect(answer.status.code == 204 && answerBody == nil)
        let later = try await client().deleteNote(id: "later")
        guard case .success(202, let accepted) = later, case .empty = accepted.body else {
            Issue.record("expected 202 without a body, got \(later)")
            return
        }
        let made = try await client().putNote(id: "new")
        #expect(try made.default.body.plainText == "made")
        let put = try await client().putNote(id: "old")
        guard case .default(204, let response) = put, case .empty = response.body else {
            Issue.record("expected 204 without a body, got \(put)")
            return
        }
    }

    static let upload = Ops.Upload.Input.Body.Parts(
        title: "Cat; \"quoted\"",
        file: .init(
            value: FilePart(data: Data([1, 2, 3]), filename: "cat \"1\".png"), headers: .init(xChecksum: "abc")),
        thumbnails: [
            FilePart(data: Data([9])), FilePart(data: Data([8]), filename: "t2.jpg", contentType: "image/jpeg"),
        ],
        tags: ["a", "b c"], count: 3, meta: .init(name: "m", count: 1),
        note: .init(value: "hé\r\n--not a boundary", headers: .init(xLang: "fr"))
    )

    @Test func aMultipartFormGoesOutPartByPartAndComesBack() async throws {
        let output = try await client().upload(body: Self.upload)
        let contentType = try #require(transport.sent.last?.headerFields[.contentType])
        #expect(contentType.hasPrefix("multipart/form-data; boundary=lathe-"))
        guard case .ok(let ok) = output, case .multipartForm(let receipt) = ok.body else {
            Issue.record("expected 200, got \(output)")
            return
        }
        #expect(
            JSONValue.object(receipt.summary) == [
                "title": "Cat; \"quoted\"", "file": "AQID", "filename": "cat \"1\".png", "fileType": "image/png",
                "checksum": "abc",
                // A file sent without a name goes with the part's name, as browsers do.
                "thumbnails": [["thumbnails", "application/octet-stream"], ["t2.jpg", "image/jpeg"]],
                "tags": ["a", "b c"],
                "count": 3, "meta": ["name": "m", "count": 1], "note": "hé\r\n--not a boundary", "lang": "fr",
            ])
        #expect(
            receipt.file == FilePart(data: Data([3, 2, 1]), filename: "back.bin", contentType: "application/x-back"))
    }

    @Test func partsAreWrittenAsRFC7578Says() async throws {
        let (contentType, body) = try Self.upload.form().encoded()
        let boundary = String(contentType.split(separator: "=").last!)
        let text = try await String(collecting: body, upTo: 1 << 16)
        #expect(
            text.hasPrefix(
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nCat; "
                    + "\"quoted\"\r\n--\(boundary)\r\n"
            ))
        #expect(
            text.contains(
                "Content-Disposition: form-data; name=\"file\"; filename=\"cat %221%22.png\"\r\nX-Checksum: "
                    + "abc\r\nContent-Type: image/png\r\n\r\n\u{1}\u{2}\u{3}\r\n"
            ))
        #expect(
            text.contains("name=\"meta\"\r\nContent-Type: application/json\r\n\r\n{\"count\":1,\"name\":\"m\"}\r\n"))
        #expect(text.hasSuffix("\r\n--\(boundary)--\r\n"))
    }

    @Test func aBrokenFormGetsTheDocumented400ShapedByTheHandler() async throws {
        // Client-side: an empty title never leaves the client.
        var empty = Self.upload
        empty.title = ""
        await #expect(throws: OperationError.self) { try await client().upload(body: empty) }
        // Server-side: a form without its required file.
        var form = try Self.upload.form()
        form.parts.removeAll { $0.name == "file" }
        let sent = form.encoded()
        var request = HTTPRequest(method: .post, scheme: nil, authority: nil, path: "/upload")
        request.headerFields[.contentType] = sent.contentType
        let (response, body) = try await transport.send(
            request, body: sent.body, baseURL: URL(string: "https://wire.test")!, operationID: "upload")
        #expect(response.status.code == 400 && response.headerFields[.contentType] == "application/json")
        let fields = try JSONDecoder().decode(
            [String: [String]].self, from: try await Data(collecting: body!, upTo: 1 << 16))
        #expect(fields == ["$.body.file": ["is required"]])
        // Without a boundary nothing can be read: still the handler's 400, saying so.
        request.headerFields[.contentType] = "multipart/form-data"
        let (bare, bareBody) = try await transport.send(
            request, body: HTTPBody("x"), baseURL: URL(string: "https://wire.test")!, operationID: "upload")
        #expect(bare.status.code == 400)
        #expect(
            try await String(collecting: bareBody!, upTo: 1 << 16)
                == #"{"$.body":["has no multipart boundary in its Content-Type"]}"#)
        // A content type the operation does not accept: 415, a problem, not the documented 400.
        request.headerFields[.contentType] = "text/csv"
        let (csv, csvBody) = try await transport.send(
            request, body: HTTPBody("a,b"), baseURL: URL(string: "https://wire.test")!, operationID: "upload")
        #expect(csv.status.code == 415 && csv.headerFields[.contentType] == "application/problem+json")
        let problem = try JSONDecoder().decode(
            [String: JSONValue].self, from: try await Data(collecting: csvBody!, upTo: 1 << 16))
        #expect(problem["title"] == "Unsupported Media Type" && problem["status"] == 415)
        #expect(
            problem["errors"] == [
                [
                    "path": "$.body",
                    "message": "has the content type text/csv, but this operation accepts multipart/form-data",
                ]
            ])
    }

    @Test func bytesAndTextComeBackByContentType() async throws {
        guard case .ok(let bytes) = try await client().download(kind: .bytes), case .binary(let body) = bytes.body
        else {
            Issue.record("expected bytes")
            return
        }
        #expect(try await [UInt8](collecting: body, upTo: 10) == [0, 1, 255])
        guard case .ok(let text) = try await client().download(kind: .text), case .plainText(let words) = text.body
        else {
            Issue.record("expected text")
            return
        }
        #expect(words == "plain words")
        guard case .ok(let json) = try await client().download(kind: .json), case .any(let item) = json.body else {
            Issue.record("expected JSON for */*")
            return
        }
        #expect(item.name == "j")
        guard case .noContent = try await client().download(kind: .none) else {
            Issue.record("expected 204")
            return
        }
    }

    static let everything = WireFormats.Authentication(
        apiKeyHeader: APIKeyCredential("hk"), apiKeyQuery: APIKeyCredential("q k"),
        apiKeyCookie: APIKeyCredential("ck"),
        basic: BasicCredentials(username: "ada", password: "p:w"), bearer: BearerTokenProvider(token: "bt"),
        oauth: BearerTokenProvider { "ot" }
    )

    func status(_ call: () async throws -> some Sendable) async throws -> String {
        let output = try await call()
        let text = "\(output)"
        if text.hasPrefix("noContent") { return "204" }
        if text.hasPrefix("unauthorized") { return "401" }
        return text
    }

    @Test func eachSchemeIsSentAndChecked() async throws {
        let good = client(Self.everything)
        #expect(try await status { try await good.secureHeader() } == "204")
        #expect(try await status { try await good.secureQuery() } == "204")
        #expect(try await status { try await good.secureCookie() } == "204")
        #expect(try await status { try await good.secureBasic() } == "204")
        #expect(try await status { try await good.secureBearer() } == "204")
        #expect(try await status { try await good.secureOAuth() } == "204")
        #expect(try await status { try await good.secureBoth() } == "204")
        let sent = transport.sent.suffix(7).map {
            "\($0.path ?? "") \($0.headerFields[.authorization] ?? "-") \($0.headerFields[.cookie] ?? "-") "
                + "\($0.headerFields[.init("X-API-Key")!] ?? "-")"
        }
        #expect(
            sent == [
                "/secure/header - - hk", "/secure/query?api_key=q%20k - - -", "/secure/cookie - token=ck -",
                "/secure/basic Basic YWRhOnA6dw== - -", "/secure/bearer Bearer bt - -", "/secure/oauth Bearer ot - -",
                "/secure/both Bearer bt - hk",
            ])
        let bad = client(
            .init(
                apiKeyHeader: APIKeyCredential("no"), apiKeyQuery: APIKeyCredential("no"),
                apiKeyCookie: APIKeyCredential("no"),
                basic: BasicCredentials(username: "ada", password: "no"), bearer: BearerTokenProvider(token: "no"),
                oauth: BearerTokenProvider(token: "no")))
        #expect(try await status { try await bad.secureHeader() } == "401")
        #expect(try await status { try await bad.secureQuery() } == "401")
        #expect(try await status { try await bad.secureCookie() } == "401")
        #expect(try await status { try await bad.secureBasic() } == "401")
        #expect(try await status { try await bad.secureBearer() } == "401")
        #expect(try await status { try await bad.secureOAuth() } == "401")
        #expect(try await status { try await bad.secureBoth() } == "401")
    }

    /// `Accept` on both sides: the client sends the input's, the handler reads it to choose, and a
    /// success body in a type the request does not accept is answered with 406.
    @Test func contentNegotiation() async throws {
        let client = client()
        let bytes = try await client.download(
            .init(query: .init(kind: .negotiated), accept: "application/octet-stream"))
        #expect(transport.sent.last?.headerFields[.accept] == "application/octet-stream")
        #expect(try await Data(collecting: try bytes.ok.body.binary, upTo: 16) == Data([7]))
        let text = try await client.download(
            .init(query: .init(kind: .negotiated), accept: "application/octet-stream;q=0.5, text/*;q=0.8"))
        #expect(try text.ok.body.plainText == "seven")
        // A body under `*/*` read as JSON goes out as application/json, to a request that takes that.
        let json = try await client.download(.init(query: .init(kind: .json), accept: "application/json"))
        #expect(try json.ok.body.any.name == "j")
        // No preference: every documented type, in the spec's order.
        _ = try await client.download(kind: .text)
        #expect(
            transport.sent.last?.headerFields[.accept]
                == "application/octet-stream, text/plain, */*, application/problem+json")
        // The handler answers text to a request that takes only bytes: 406, the handler's choice named.
        let refused = try await client.download(.init(query: .init(kind: .text), accept: "application/octet-stream"))
        guard case .undocumented(406, _, let body) = refused else {
            Issue.record("expected 406, got \(refused)")
            return
        }
        let problem = try await String(collecting: body ?? HTTPBody(), upTo: 1 << 12)
        #expect(problem.contains("available as application/octet-stream or text/plain"))
    }

    /// Streams both ways: server-sent events with event types, ids, multi-line data and the
    /// sentinel; JSON Lines up and JSON Lines or a JSON text sequence back.
    @Test func streamsAreTypedSequencesOnBothSides() async throws {
        let events = try await client().streamEvents(count: 3).get()
        var received: [ServerEvent<WireFormats.Tick>] = []
        for try await event in events { received.append(event) }
        #expect(received.map(\.data.n) == [1, 2, 3])
        #expect(received.map(\.event) == [nil, "even", nil])
        #expect(received.map(\.id) == ["1", "2", "3"])
        #expect(received[1].data.note == "tick\n2")
        // Reconnecting after the first event: the id goes back as `Last-Event-ID`.
        let resumed = try await client().streamEvents(count: 3, lastEventID: received[0].id).get()
        #expect(transport.sent.last?.headerFields[.init("Last-Event-ID")!] == "1")
        var rest: [Int64] = []
        for try await event in resumed { rest.append(event.data.n) }
        #expect(rest == [2, 3])

        let ticks = (1 ... 4).map { WireFormats.Tick(n: Int64($0)) }
        for accept: Accept in ["application/x-ndjson", "application/json-seq"] {
            let output = try await client().echoLines(.init(body: .jsonLines(ItemStream(ticks)), accept: accept))
            #expect(try output.ok.body.contentType == accept.description)
            var echoed: [WireFormats.Tick] = []
            let stream =
                switch try output.get() {
                case .ndjson(let items), .jsonSeq(let items): items
                }
            for try await tick in stream { echoed.append(tick) }
            #expect(echoed == ticks)
        }
    }

    /// A stream is read lazily, so a required one that is missing is refused up front.
    @Test func aMissingRequiredStreamIsA400() async throws {
        var request = HTTPRequest(method: .post, scheme: nil, authority: nil, path: "/lines")
        request.headerFields[.contentType] = "application/jsonl"
        let (response, body) = try await transport.send(
            request, body: nil, baseURL: URL(string: "https://wire.test")!, operationID: "raw")
        #expect(response.status.code == 400)
        #expect(try await String(collecting: body ?? HTTPBody(), upTo: 4096).contains("is required"))
    }

    /// Event data typed by event: each event decodes as the type its name selects.
    @Test func eventDataTypedByEvent() async throws {
        var received: [Ops.Activity.Output.Ok.Body.EventData] = []
        for try await event in try await client().activity().get() { received.append(event.data) }
        #expect(
            received == [.tick(WireFormats.Tick(n: 1)), .note("plain text"), .undocumented(event: "ping", data: "{}")])
    }

    @Test func alternativesCombinationsAndNone() async throws {
        // Either scheme admits; each client sends the one it has.
        #expect(
            try await status {
                try await client(.init(basic: BasicCredentials(username: "ada", password: "p:w"))).secureEither()
            } == "204")
        #expect(
            try await status { try await client(.init(bearer: BearerTokenProvider(token: "bt"))).secureEither() }
                == "204")
        // Both are needed together: with one, nothing is sent.
        do {
            _ = try await client(.init(bearer: BearerTokenProvider(token: "bt"))).secureBoth()
            Issue.record("expected missing credentials")
        } catch let error as OperationError {
            guard case .missingCredentials(let schemes) = error.reason else { throw error }
            #expect(schemes == ["apiKeyHeader and bearer"])
        }
        // The handler learns who called from the scheme that admitted the request.
        #expect(service.callers.last == Caller("bt", scheme: "bearer"))
        _ = try await client(.init(apiKeyHeader: APIKeyCredential("hk"), bearer: BearerTokenProvider(token: "bt")))
            .secureBoth()
        #expect(service.callers.last == Caller("hk", scheme: "apiKeyHeader"))
        // `security: [{}, …]` admits anyone; `security: []` sends nothing at all.
        #expect(try await status { try await client().secureOptional() } == "204")
        #expect(service.callers.last == .some(nil))
        // An optional scheme that identifies the caller is preferred to the anonymous alternative.
        _ = try await client(.init(bearer: BearerTokenProvider(token: "bt"))).secureOptional()
        #expect(service.callers.last == Caller("bt", scheme: "bearer"))
        _ = try await client(Self.everything).download(kind: .none)
        let request = try #require(transport.sent.last)
        #expect(request.headerFields[.authorization] == nil && request.headerFields[.init("X-API-Key")!] == nil)
    }
}
