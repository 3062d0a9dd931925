import Foundation
import HTTPTypes
import LatheRuntime
import OpenAPIRuntime
import Testing

/// A transport that is both ends: what the generated client sends goes straight to the handlers the
/// generated server registered, routed by method and path template. Everything but the network.
final class LoopbackTransport: ClientTransport, ServerTransport, @unchecked Sendable {
    typealias Handler =
        @Sendable (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?)
    private var routes: [(method: HTTPRequest.Method, template: [Substring], handler: Handler)] = []
    private let lock = NSLock()
    private(set) var sent: [HTTPRequest] = []
    /// Each request's body as text, as sent (`nil` without one), where `recordsBodies` asks: reading
    /// a body whole changes how it streams.
    private(set) var sentBodies: [String?] = []
    var recordsBodies = false
    /// Whether each response the handlers gave had a body.
    private(set) var answeredWithBody: [Bool] = []

    /// The parameter name each place of the routes has, whatever their method: a second name there
    /// is refused. Vapor's router traps on one within a method; Hummingbird's, one tree for all
    /// methods, would send one method's requests down the other name's branch and answer 404.
    private var placeNames: [String: Substring] = [:]

    /// Each route registered, by method, as routers split it: Hummingbird's traps on a second.
    private var registered: Set<String> = []

    struct ConflictingName: Error { var path: String }
    struct RegisteredTwice: Error { var path: String }

    /// Paths split as routers split them, without empty segments (`/items/` is `/items`).
    func register(_ handler: @escaping Handler, method: HTTPRequest.Method, path: String) throws {
        let template = path.split(separator: "/")
        try lock.withLock {
            var place = ""
            var routeNames = Set<Substring>()
            for segment in template {
                let isName = segment.hasPrefix("{") && segment.hasSuffix("}")
                place += "/" + (isName ? "{}" : segment)
                guard isName else { continue }
                if let name = placeNames[place], name != segment { throw ConflictingName(path: path) }
                // Routers keep one value per name: a second would overwrite the first.
                guard routeNames.insert(segment).inserted else { throw ConflictingName(path: path) }
                placeNames[place] = segment
            }
            guard registered.insert(method.rawValue + " " + place).inserted else { throw RegisteredTwice(path: path) }
            routes.append((method, template, handler))
        }
    }

    func send(
        _ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String
    ) async throws -> (HTTPResponse, HTTPBody?) {
        var body = body
        var text: String?
        if recordsBodies, let sending = body {
            let bytes = try await Data(collecting: sending, upTo: .max)
            text = String(decoding: bytes, as: UTF8.self)
            body = HTTPBody(bytes)
        }
        lock.withLock {
            sent.append(request)
            sentBodies.append(text)
        }
        let path = request.path ?? "/"
        let segments = path[..<(path.firstIndex(of: "?") ?? path.endIndex)].split(separator: "/")
        for route in lock.withLock({ routes })
        where route.method == request.method && route.template.count == segments.count {
            var parameters: [String: Substring] = [:]
            let matches = zip(route.template, segments).allSatisfy { template, segment in
                if template.hasPrefix("{"), template.hasSuffix("}") {
                    parameters[String(template.dropFirst().dropLast())] = segment
                    return true
                }
                return template == segment
            }
            if matches {
                let answer = try await route.handler(request, body, ServerRequestMetadata(pathParameters: parameters))
                lock.withLock { answeredWithBody.append(answer.1 != nil) }
                return answer
            }
        }
        return (HTTPResponse(status: .notFound), nil)
    }
}

/// Piriod's published spec through its generated client and server.
struct PiriodLoopbackTests {
    struct Service: Piriod.APIServer {
        func postCancellations(
            _ input: Piriod.Operations.PostCancellations.Input
        ) async throws -> Piriod.Operations.PostCancellations.Output {
            guard case .json(var cancellation) = input.body else {
                return .undocumented(statusCode: 415, headers: [:], body: nil)
            }
            if cancellation.retention == 0 {
                return .badRequest(.init(body: .json(["retention": ["This retention does not exist."]])))
            }
            cancellation.id = 7
            cancellation.note = .value(
                "workspace \(input.headers.xSimpleWorkspace), test mode \(input.headers.xPiriodTestMode)")
            return .created(.init(body: .json(cancellation)))
        }

        /// Piriod's documented 400 shape: messages by field.
        func postCancellations(
            badRequest error: RequestError
        ) async throws -> Piriod.Operations.PostCancellations.Output.BadRequest? {
            var fields: [String: [String]] = [:]
            for issue in error.issues { fields[issue.path, default: []].append(issue.message) }
            return .init(body: .json(fields))
        }
    }

    let transport = LoopbackTransport()

    init() throws {
        let authentication = Piriod.ServerAuthentication(tokenAuth: { $0 == "Token s3cret" ? Caller($0) : nil })
        try Service().registerHandlers(on: transport, authentication: authentication)
    }

    func client(token: String? = "s3cret") -> Piriod.Client {
        Piriod.Client(
            serverURL: URL(string: "https://api.piriod.test")!, transport: transport,
            authentication: .init(tokenAuth: token.map { APIKeyCredential($0, prefix: "Token") })
        )
    }

    static let draft = Piriod.Cancellation(
        retention: 12, document: 52, number: 1001, date: CalendarDate(year: 2026, month: 11, day: 21)!)

    @Test func createsACancellationInOneCall() async throws {
        let output = try await client().postCancellations(xSimpleWorkspace: "acc_01", body: Self.draft)
        guard case .created(let created) = output, case .json(let cancellation) = created.body else {
            Issue.record("expected 201, got \(output)")
            return
        }
        #expect(cancellation.id == 7 && cancellation.retention == 12)
        #expect(cancellation.note == .value("workspace acc_01, test mode false"))
        let request = try #require(transport.sent.last)
        #expect(request.headerFields[.authorization] == "Token s3cret")
        #expect(request.headerFields[.contentType] == "application/json")
        #expect(request.headerFields[HTTPField.Name("x-simple-workspace")!] == "acc_01")
        #expect(request.path == "/cancellations/")
    }

    @Test func documentedErrorsAreTyped() async throws {
        var draft = Self.draft
        draft.retention = 0
        let output = try await client().postCancellations(
            xSimpleWorkspace: "acc_01", xPiriodTestMode: true, body: draft)
        guard case .badRequest(let bad) = output, case .json(let errors) = bad.body else {
            Issue.record("expected 400, got \(output)")
            return
        }
        #expect(errors["retention"] == ["This retention does not exist."])
        #expect(transport.sent.last?.headerFields[HTTPField.Name("x-piriod-test-mode")!] == "true")
    }

    @Test func theServerRejectsAWrongTokenBeforeTheHandler() async throws {
        let output = try await client(token: "guess").postCancellations(xSimpleWorkspace: "acc_01", body: Self.draft)
        guard case .undocumented(let status, _, let body) = output else {
            Issue.record("expected an undocumented 401, got \(output)")
            return
        }
        #expect(status == 401)
        let problem = try JSONDecoder().decode(JSONValue.self, from: try await Data(collecting: body!, upTo: 1 << 16))
        #expect(
            problem == [
                "type": "about:blank", "title": "Unauthorized", "status": 401,
                "detail": "Valid credentials are required (TokenAuth).",
            ])
    }

    @Test func withoutCredentialsNothingIsSent() async throws {
        let before = transport.sent.count
        do {
            _ = try await client(token: nil).postCancellations(xSimpleWorkspace: "acc_01", body: Self.draft)
            Issue.record("expected the call to fail")
        } catch let error as OperationError {
            guard case .missingCredentials(let schemes) = error.reason else { throw error }
            #expect(schemes == ["TokenAuth"])
            #expect(error.description == "POST /cancellations/ failed: no credentials configured for TokenAuth")
        }
        #expect(transport.sent.count == before)
    }

    @Test func invalidInputNeverLeavesTheClient() async throws {
        var draft = Self.draft
        draft.note = .value(String(repeating: "x", count: 65))
        let before = transport.sent.count
        do {
            _ = try await client().postCancellations(xSimpleWorkspace: "acc_01", body: draft)
            Issue.record("expected the call to fail")
        } catch let error as OperationError {
            guard case .invalidInput(let issues) = error.reason else { throw error }
            #expect(issues.map(\.description) == ["$.body.note: must be at most 64 characters long, but is 65"])
        }
        #expect(transport.sent.count == before)
    }

    @Test func badRequestsGet400WithWhereAndNeverReachTheHandler() async throws {
        // Sent by hand, as a client that ignores the spec would: no workspace header, a body missing `date`.
        var request = HTTPRequest(method: .post, scheme: nil, authority: nil, path: "/cancellations/")
        request.headerFields[.authorization] = "Token s3cret"
        request.headerFields[.contentType] = "application/json"
        let body = HTTPBody(#"{"retention": 12, "document": 52, "number": 1}"#)
        let (response, responseBody) = try await transport.send(
            request, body: body, baseURL: URL(string: "/")!, operationID: "x")
        // In the shape Piriod documents for 400 (the service's hook): messages by field.
        #expect(response.status.code == 400)
        #expect(response.headerFields[.contentType] == "application/json")
        let fields = try JSONDecoder().decode(
            JSONValue.self, from: try await Data(collecting: responseBody!, upTo: 1 << 16))
        #expect(fields == ["$['x-simple-workspace']": ["is required"]])
    }
}

/// Path parameters, an enum query parameter, an optional body and a second documented status.
struct InlineNamesLoopbackTests {
    struct Service: InlineNames.APIServer {
        func cancelInvoice(
            _ input: InlineNames.Operations.CancelInvoice.Input
        ) async throws -> InlineNames.Operations.CancelInvoice.Output {
            if input.path.id == "already" { return .conflict(.init(body: .json(.init(message: "Already cancelled.")))) }
            let reason: String
            switch input.body {
            case .json(let request)?: reason = request.reason
            case nil: reason = "(none)"
            }
            let line = InlineNames.CancelInvoiceResponse200.Line(
                sku: "\(input.path.id)/\(input.query.mode?.rawValue ?? "-")/\(reason)")
            return .ok(.init(body: .json(.init(lines: [line]))))
        }
    }

    let transport = LoopbackTransport()
    let client: InlineNames.Client

    init() throws {
        try Service().registerHandlers(on: transport)
        client = InlineNames.Client(serverURL: URL(string: "https://invoices.test")!, transport: transport)
    }

    @Test func parametersAndBodyArriveAsSent() async throws {
        let output = try await client.cancelInvoice(id: "inv/42 ü", mode: .hard, body: .init(reason: "duplicate"))
        guard case .ok(let ok) = output, case .json(let body) = ok.body else {
            Issue.record("expected 200, got \(output)")
            return
        }
        #expect(body.lines?.first?.sku == "inv/42 ü/hard/duplicate")
        #expect(transport.sent.last?.path == "/invoices/inv%2F42%20%C3%BC/cancel?mode=hard")
    }

    @Test func anOptionalBodyMayBeLeftOut() async throws {
        let output = try await client.cancelInvoice(id: "inv-1")
        guard case .ok(let ok) = output, case .json(let body) = ok.body else {
            Issue.record("expected 200, got \(output)")
            return
        }
        #expect(body.lines?.first?.sku == "inv-1/-/(none)")
    }

    @Test func aSecondDocumentedStatusDecodesIntoItsCase() async throws {
        let output = try await client.cancelInvoice(id: "already")
        guard case .conflict(let conflict) = output, case .json(let body) = conflict.body else {
            Issue.record("expected 409, got \(output)")
            return
        }
        #expect(body.message == "Already cancelled.")
    }

    @Test func anUndocumentedEnumValueInAQueryIsA400() async throws {
        var request = HTTPRequest(
            method: .post, scheme: nil, authority: nil, path: "/invoices/inv-1/cancel?mode=sideways")
        request.headerFields[.contentLength] = "0"
        let (response, _) = try await transport.send(request, body: nil, baseURL: URL(string: "/")!, operationID: "x")
        #expect(response.status.code == 400)
    }
}

/// OpenAPI 3.2's methods through the generated client and server: `query` is sent as QUERY with its
/// body, an `additionalOperations` key as the method it names (`COPY`), and the server routes both.
struct OpenAPI32LoopbackTests {
    struct Service: OpenAPI32.APIServer {
        func search(_ input: OpenAPI32.Operations.Search.Input) async throws -> OpenAPI32.Operations.Search.Output {
            guard case .json(let filter) = input.body else {
                return .undocumented(statusCode: 415, headers: [:], body: nil)
            }
            return .ok(.init(body: .json(["report.pdf", "reply.txt"].filter { $0.hasPrefix(filter.prefix) })))
        }

        func getFile(_ input: OpenAPI32.Operations.GetFile.Input) async throws -> OpenAPI32.Operations.GetFile.Output {
            let views = input.cookies.views.map { " after " + $0.joined(separator: " and ") } ?? ""
            return .ok(.init(body: .plainText("contents of \(input.path.name)\(views)")))
        }

        func listFiles(
            _ input: OpenAPI32.Operations.ListFiles.Input
        ) async throws
            -> OpenAPI32.Operations.ListFiles.Output
        {
            let filter = input.query.filter
            let names = ["report.pdf", "reply.txt", "rep ort.md", "notes.txt"].filter { name in
                name.hasPrefix(filter.prefix) && (filter.kinds ?? []).allSatisfy { !name.hasSuffix("." + $0) }
            }
            return .ok(.init(body: .json(Array(names.prefix(filter.limit ?? names.count)))))
        }

        func lookup(_ input: OpenAPI32.Operations.Lookup.Input) async throws -> OpenAPI32.Operations.Lookup.Output {
            .ok(.init(body: .plainText(input.query.expression ?? "(none)")))
        }

        func copyFile(_ input: OpenAPI32.Operations.CopyFile.Input) async throws -> OpenAPI32.Operations.CopyFile.Output
        {
            input.headers.destination == "/files/\(input.path.name).bak"
                ? .created(.init()) : .undocumented(statusCode: 409, headers: [:], body: nil)
        }
    }

    let transport = LoopbackTransport()
    let client: OpenAPI32.Client

    init() throws {
        try Service().registerHandlers(on: transport)
        client = OpenAPI32.Client(server: .production, transport: transport)
    }

    @Test func queryIsSentAsQueryWithItsBody() async throws {
        let output = try await client.search(body: OpenAPI32.Filter(prefix: "rep"))
        #expect(try output.ok.body.json == ["report.pdf", "reply.txt"])
        let request = try #require(transport.sent.last)
        #expect(request.method.rawValue == "QUERY" && request.path == "/search")
        #expect(request.headerFields[.contentType] == "application/json")
        // The body's constraints are checked as any body's: an empty prefix is never sent.
        let count = transport.sent.count
        await #expect(throws: OperationError.self) { try await client.search(body: OpenAPI32.Filter(prefix: "")) }
        #expect(transport.sent.count == count)
    }

    /// `in: querystring`: the form is the whole query, written as a form body is (a list repeats
    /// its key) and read back whole by the server; text is the query itself, percent-encoded.
    @Test func aQuerystringParameterIsTheWholeQuery() async throws {
        let filter = OpenAPI32.ListFilesFilter(prefix: "rep ", limit: 5, kinds: ["pdf", "txt"])
        let output = try await client.listFiles(filter: filter)
        #expect(try output.ok.body.json == ["rep ort.md"])
        let request = try #require(transport.sent.last)
        #expect(request.path == "/files?kinds=pdf&kinds=txt&limit=5&prefix=rep%20")
        #expect(try await client.listFiles(filter: .init(prefix: "re", limit: 1)).ok.body.json == ["report.pdf"])
        // Its constraints are checked as a body's are: an empty prefix is never sent.
        let count = transport.sent.count
        await #expect(throws: OperationError.self) { try await client.listFiles(filter: .init(prefix: "")) }
        #expect(transport.sent.count == count)

        #expect(try await client.lookup(expression: "a=1 & b").ok.body.plainText == "a=1 & b")
        #expect(try #require(transport.sent.last).path == "/lookup?a%3D1%20%26%20b")
        #expect(try await client.lookup().ok.body.plainText == "(none)")
        #expect(try #require(transport.sent.last).path == "/lookup")
    }

    @Test func aQuerystringTheServerCannotReadIsABadRequest() async throws {
        // Without the required `prefix`, and with a `limit` that is no integer.
        for query in ["limit=3", "prefix=a&limit=many"] {
            let (response, _) = try await transport.send(
                HTTPRequest(method: .get, scheme: nil, authority: nil, path: "/files?" + query), body: nil,
                baseURL: URL(string: "https://files.example.com")!, operationID: "listFiles")
            #expect(response.status.code == 400, "\(query)")
        }
    }

    /// `style: cookie`: one pair a value, nothing percent-encoded, and read back as written.
    @Test func aCookieStyleParameterIsSentAsTheCookieHeaderWritesIt() async throws {
        let output = try await client.getFile(name: "a", views: ["b%2Cc", "d"])
        #expect(try output.ok.body.plainText == "contents of a after b%2Cc and d")
        #expect(try #require(transport.sent.last).headerFields[.cookie] == "views=b%2Cc; views=d")
    }

    @Test func anAdditionalOperationIsSentAsTheMethodItNames() async throws {
        let output = try await client.copyFile(name: "report.pdf", destination: "/files/report.pdf.bak")
        #expect(output.statusCode == 201)
        let request = try #require(transport.sent.last)
        #expect(request.method.rawValue == "COPY" && request.path == "/files/report.pdf")
        #expect(try await client.getFile(name: "a").ok.body.plainText == "contents of a")
    }
}

/// Segments that hold text beside their names (`{sid}.json`, `{id}:cancel`, `{name}.{namespace}`,
/// `dcat{variant}`): routers match whole segments, so the server registers each as one name and
/// tells the operations that share a route apart by the text; each handler reads its own names.
struct SegmentPathsLoopbackTests {
    typealias Operations = SegmentPaths.Operations

    struct Service: SegmentPaths.APIServer {
        func fetchAccount(_ input: Operations.FetchAccount.Input) async throws -> Operations.FetchAccount.Output {
            .ok(.init(body: .plainText("fetch \(input.path.sid)")))
        }
        func getAccount(_ input: Operations.GetAccount.Input) async throws -> Operations.GetAccount.Output {
            .ok(.init(body: .plainText("get \(input.path.sid)")))
        }
        func cancelTask(_ input: Operations.CancelTask.Input) async throws -> Operations.CancelTask.Output {
            .ok(.init(body: .plainText("cancel \(input.path.id)")))
        }
        func startTask(_ input: Operations.StartTask.Input) async throws -> Operations.StartTask.Output {
            .ok(.init(body: .plainText("start \(input.path.id)")))
        }
        func invokeFunction(
            _ input: Operations.InvokeFunction.Input
        ) async throws -> Operations.InvokeFunction.Output {
            .ok(.init(body: .plainText("\(input.path.name) in \(input.path.namespace)")))
        }
        func exportAs(_ input: Operations.ExportAs.Input) async throws -> Operations.ExportAs.Output {
            .ok(.init(body: .plainText("as \(input.path.format)")))
        }
        func exportDCAT(_ input: Operations.ExportDCAT.Input) async throws -> Operations.ExportDCAT.Output {
            .ok(.init(body: .plainText("dcat \(input.path.variant.rawValue)")))
        }
        func getSharedLink(_ input: Operations.GetSharedLink.Input) async throws -> Operations.GetSharedLink.Output {
            .ok(.init(body: .plainText("shared link of \(input.path.id)")))
        }
        func getFile(_ input: Operations.GetFile.Input) async throws -> Operations.GetFile.Output {
            .ok(.init(body: .plainText("file \(input.path.id) with \(input.query.fields ?? "all fields")")))
        }
        func getRepo(_ input: Operations.GetRepo.Input) async throws -> Operations.GetRepo.Output {
            .ok(.init(body: .plainText("repo \(input.path.owner)/\(input.path.repo)")))
        }
        func getRef(_ input: Operations.GetRef.Input) async throws -> Operations.GetRef.Output {
            .ok(.init(body: .plainText("ref \(input.path.ref) of \(input.path.repo)")))
        }
        func getDocument(_ input: Operations.GetDocument.Input) async throws -> Operations.GetDocument.Output {
            .ok(.init(body: .plainText("\(input.path.name) as \(input.path.ext)")))
        }
        func getDocumentJSON(
            _ input: Operations.GetDocumentJSON.Input
        ) async throws -> Operations.GetDocumentJSON.Output {
            .ok(.init(body: .plainText("\(input.path.id) as JSON")))
        }
        func listCalls(_ input: Operations.ListCalls.Input) async throws -> Operations.ListCalls.Output {
            .ok(.init(body: .plainText("calls of \(input.path.accountSid)")))
        }
        func fetchCall(_ input: Operations.FetchCall.Input) async throws -> Operations.FetchCall.Output {
            .ok(.init(body: .plainText("call \(input.path.sid) of \(input.path.accountSid)")))
        }
        func createCall(_ input: Operations.CreateCall.Input) async throws -> Operations.CreateCall.Output {
            .created(.init(body: .plainText("call of \(input.path.accountSid)")))
        }
        func getPair(_ input: Operations.GetPair.Input) async throws -> Operations.GetPair.Output {
            .ok(.init(body: .plainText("\(input.path.left) and \(input.path.right)")))
        }
    }

    let transport = LoopbackTransport()
    let client: SegmentPaths.Client

    init() throws {
        try Service().registerHandlers(on: transport)
        client = SegmentPaths.Client(serverURL: URL(string: "https://api.example.com")!, transport: transport)
    }

    @Test func eachOperationIsReachedWithItsOwnParameters() async throws {
        #expect(try await client.fetchAccount(sid: "AC1").ok.body.plainText == "fetch AC1")
        #expect(try #require(transport.sent.last).path == "/accounts/AC1.json")
        #expect(try await client.getAccount(sid: "AC1").ok.body.plainText == "get AC1")
        // Registered as `/accounts/{sid}/calls.json`, the name routers keep at that place, and read
        // as its own: Vapor's router traps on a second name (LoopbackTransport refuses one).
        #expect(try await client.listCalls(accountSid: "AC1").ok.body.plainText == "calls of AC1")
        // POST's first route there names it `accountSid`: registered as `{sid}` too, since
        // Hummingbird's one tree for all methods would send POST down GET's branch, to a 404.
        #expect(try await client.createCall(accountSid: "AC1").created.body.plainText == "call of AC1")
        // Registered as `/accounts/{sid}/calls/{sid_2}`: a router keeps one value per name, so the
        // second place takes another (LoopbackTransport refuses a name twice in a route).
        #expect(try await client.fetchCall(accountSid: "AC1", sid: "CA2").ok.body.plainText == "call CA2 of AC1")
        #expect(try #require(transport.sent.last).path == "/accounts/AC1/calls/CA2.json")
        #expect(try await client.cancelTask(id: 7).ok.body.plainText == "cancel 7")
        #expect(try #require(transport.sent.last).path == "/tasks/7:cancel")
        #expect(try await client.startTask(id: 8).ok.body.plainText == "start 8")
        // The first name takes the shortest value the text after it allows.
        #expect(
            try await client.invokeFunction(name: "resize", namespace: "img.v2").ok.body.plainText == "resize in img.v2"
        )
        #expect(try await client.exportAs(format: "csv").ok.body.plainText == "as csv")
        // Registered under the other operation's name, `format`, and read as its own, `variant`.
        #expect(try await client.exportDCAT(variant: .ap).ok.body.plainText == "dcat ap")
        // Names at other places of the route than the registered ones: `repo` where `owner` is.
        #expect(try await client.getRepo(owner: "apple", repo: "swift").ok.body.plainText == "repo apple/swift")
        #expect(try await client.getRef(repo: "lathe", ref: "main").ok.body.plainText == "ref main of lathe")
        #expect(try #require(transport.sent.last).path == "/repos/lathe.git/main")
        // The more text, the more specific: `{id}.json` is tried before `{name}.{ext}`, listed first.
        #expect(try await client.getDocumentJSON(id: "a").ok.body.plainText == "a as JSON")
        #expect(try await client.getDocument(name: "a", ext: "txt").ok.body.plainText == "a as txt")
    }

    /// A fragment never leaves the client, nor does a query after it go with it: no server can tell
    /// the variant apart, so the path without one is routed, though the variant comes first.
    @Test func aFragmentIsNeitherSentNorRouted() async throws {
        #expect(
            try await client.getSharedLink(id: 1, fields: "shared_link").ok.body.plainText == "file 1 with shared_link")
        #expect(try #require(transport.sent.last).path == "/files/1?fields=shared_link")
        #expect(try await client.getFile(id: 2).ok.body.plainText == "file 2 with all fields")
    }

    @Test func aSegmentOfNoOperationsFormIsNotFound() async throws {
        // Two names side by side (`{left}{right}`): where one ends is anyone's guess, so nothing matches.
        for (method, path) in [
            (HTTPRequest.Method.post, "/tasks/7:stop"), (.post, "/tasks/:cancel"), (.get, "/functions/resize"),
            (.get, "/pairs/ab"),
        ] {
            let (response, _) = try await transport.send(
                HTTPRequest(method: method, scheme: nil, authority: nil, path: path), body: nil,
                baseURL: URL(string: "https://api.example.com")!, operationID: "")
            #expect(response.status.code == 404, "\(path)")
        }
        // The text matched, a value that breaks the schema is the request's fault.
        let (response, _) = try await transport.send(
            HTTPRequest(method: .get, scheme: nil, authority: nil, path: "/exports/dcatxx"), body: nil,
            baseURL: URL(string: "https://api.example.com")!, operationID: "")
        #expect(response.status.code == 400)
    }
}

/// Header parameters OpenAPI says to ignore: `Content-Type` is no input (the body's type sets it),
/// and an `Accept` one is sent when given, in place of the documented types. The server reads it
/// as the handler's value, not a preference to answer 406 by.
struct MediaTypeHeadersLoopbackTests {
    typealias Operations = MediaTypeHeaders.Operations

    struct Service: MediaTypeHeaders.APIServer {
        func putManifest(_ input: Operations.PutManifest.Input) async throws -> Operations.PutManifest.Output {
            guard case .vndDockerDistributionManifestV2Json(let manifest) = input.body else {
                return .undocumented(statusCode: 415, headers: [:], body: nil)
            }
            let version = (manifest.schemaVersion ?? 0) + (input.headers.accept == nil ? 0 : 10)
            return .ok(.init(body: .vndDockerDistributionManifestV2Json(.init(schemaVersion: version))))
        }
    }

    let transport = LoopbackTransport()
    let client: MediaTypeHeaders.Client

    init() throws {
        try Service().registerHandlers(on: transport)
        client = MediaTypeHeaders.Client(serverURL: URL(string: "https://registry.example.com")!, transport: transport)
    }

    @Test func anAcceptParameterIsSentWhenGivenAndNeverRefused() async throws {
        let given = try await client.putManifest(
            reference: "latest", accept: "application/vnd.oci.image.manifest.v1+json", body: .init(schemaVersion: 2))
        #expect(try given.ok.body.vndDockerDistributionManifestV2Json.schemaVersion == 12)
        let request = try #require(transport.sent.last)
        #expect(request.headerFields[.accept] == "application/vnd.oci.image.manifest.v1+json")
        #expect(request.headerFields[.contentType] == "application/vnd.docker.distribution.manifest.v2+json")
        // Not given, the documented types are asked for, which the server reads as the parameter too.
        let documented = try await client.putManifest(reference: "latest", body: .init(schemaVersion: 3))
        #expect(try documented.ok.body.vndDockerDistributionManifestV2Json.schemaVersion == 13)
        #expect(
            try #require(transport.sent.last).headerFields[.accept]
                == "application/vnd.docker.distribution.manifest.v2+json")
    }
}

/// A form body whose Encoding objects give styles (Stripe's `deepObject`, nested as Stripe reads
/// it; `pipeDelimited`), beside members written by content type (a list's pairs, an object as
/// JSON text), sent as the spec says and read back whole by the generated server.
struct FormBodyLoopbackTests {
    struct Service: Bodies.APIServer {
        func createNote(
            _ input: Bodies.Operations.CreateNote.Input
        ) async throws
            -> Bodies.Operations.CreateNote.Output
        { .undocumented(statusCode: 501, headers: [:], body: nil) }

        func attach(_ input: Bodies.Operations.Attach.Input) async throws -> Bodies.Operations.Attach.Output {
            .undocumented(statusCode: 501, headers: [:], body: nil)
        }

        func createCustomer(
            _ input: Bodies.Operations.CreateCustomer.Input
        ) async throws
            -> Bodies.Operations.CreateCustomer.Output
        { .ok(.init(body: .json(try input.body.urlEncodedForm))) }
    }

    let transport = LoopbackTransport()
    let client: Bodies.Client

    init() throws {
        transport.recordsBodies = true
        try Service().registerHandlers(on: transport)
        client = Bodies.Client(serverURL: URL(string: "https://forms.test")!, transport: transport)
    }

    @Test func styledAndPlainMembersArriveAsSent() async throws {
        let customer = Bodies.Customer(
            name: "Ada Lovelace", code: "007", address: .init(line1: "1 Main", city: "X"), metadata: ["order": "42"],
            lines: [.init(price: "p_1", quantity: 2), .init(price: "p_2")], emails: ["a@x.test", "b@x.test"],
            tags: ["solo"], shipping: .init(carrier: "DHL"))
        let output = try await client.createCustomer(body: customer)
        #expect(try output.ok.body.json == customer)
        #expect(
            transport.sentBodies.last
                == "address%5Bcity%5D=X&address%5Bline1%5D=1%20Main&code=007&emails=a%40x.test%7Cb%40x.test"
                + "&lines%5B0%5D%5Bprice%5D=p_1&lines%5B0%5D%5Bquantity%5D=2&lines%5B1%5D%5Bprice%5D=p_2"
                + "&metadata%5Border%5D=42&name=Ada%20Lovelace&shipping=%7B%22carrier%22%3A%22DHL%22%7D&tags=solo")
        // As a browser or curl writes the same: brackets bare, `+` for a space.
        var request = HTTPRequest(method: .post, scheme: nil, authority: nil, path: "/customers")
        request.headerFields[.contentType] = "application/x-www-form-urlencoded"
        let (response, body) = try await transport.send(
            request, body: HTTPBody("name=Ada+L&lines[0][price]=p&lines[0][quantity]=3&emails=a|b&tags=t"),
            baseURL: URL(string: "https://forms.test")!, operationID: "createCustomer")
        #expect(response.status == .ok)
        let echoed = try JSONDecoder().decode(
            Bodies.Customer.self, from: try await Data(collecting: try #require(body), upTo: .max))
        #expect(
            echoed
                == Bodies.Customer(
                    name: "Ada L", lines: [.init(price: "p", quantity: 3)], emails: ["a", "b"], tags: ["t"]))
    }
}
