import LatheIR

/// An emitter of one operations kind (`Operations`, `Client`, `Server`), rendered a file at a time
/// so that `FileLayout` makes each file as a job of its own and no job holds the whole kind. The
/// kind's first file holds its core: declarations that stand inside the namespace when there is
/// one, and extensions that stand beside them at the top level. Then come the operations in chunks
/// of at most `OperationChunks.operationsPerFile`, each a top-level extension for a file of its own (extensions
/// cannot nest in the namespace, so chunks spell generated types in full).
protocol OperationsKindEmitter: Emitter, Sendable {
    func renderCore() -> (declarations: SwiftWriter, extensions: SwiftWriter)
    func renderChunk(_ operations: [IROperation]) -> SwiftWriter
}

enum OperationChunks {
    static let operationsPerFile = 20

    static func chunks<T>(of items: [T]) -> [[T]] {
        stride(from: 0, to: items.count, by: operationsPerFile).map {
            Array(items[$0 ..< min($0 + operationsPerFile, items.count)])
        }
    }
}

/// `Operations`: for each operation an enum holding its `Input` (parameters by location, and the
/// body) and its `Output` (one case per documented response, and `undocumented`).
struct OperationsEmitter: OperationsKindEmitter {
    let context: EmitterContext

    /// Parameter groups in order: location, the group's type name, the `Input` member holding it.
    static var locations: [(IRParameterLocation, KeyPath<NestedNames, String>, String)] {
        [
            (.path, \.path, "path"), (.query, \.query, "query"), (.header, \.headers, "headers"),
            (.cookie, \.cookies, "cookies"),
        ]
    }

    /// The namespace declaration, its shared responses, and the protocol.
    func renderCore() -> (declarations: SwiftWriter, extensions: SwiftWriter) {
        var core = SwiftWriter()
        core.docComment(["The operations of `\(module.specFileName)`: each one's input and output."])
        let shared = sharedResponses()
        if !shared.isEmpty, let names = (module.operations.first ?? module.webhooks.first)?.names {
            // Inside the declaration, not an extension: the core may itself stand in a namespace's extension.
            core.block("nonisolated public enum Operations") { w in
                w.docComment(["Responses several operations share (`components/responses`), each generated once."])
                w.block("nonisolated public enum \(module.responsesNamespace)") { w in
                    for (index, response) in shared.enumerated() {
                        if index > 0 { w.line() }
                        emitResponse(response, named: response.sharedName!, names: names, into: &w)
                    }
                }
            }
        } else {
            core.line("nonisolated public enum Operations {}")
        }
        core.line()
        emitProtocol(into: &core)
        return (core, SwiftWriter())
    }

    /// Operations in an extension, so the compiler can build the chunks in parallel.
    func renderChunk(_ operations: [IROperation]) -> SwiftWriter {
        var w = SwiftWriter()
        w.block("extension \(qualifier)Operations") { w in
            for (index, operation) in operations.enumerated() {
                if index > 0 { w.line() }
                emit(operation, into: &w)
            }
        }
        return w
    }

    /// The operations as a protocol: `Client` implements it over HTTP, a server's handler type
    /// implements it (through `APIServer`), and a fake in a test can too.
    private func emitProtocol(into w: inout SwiftWriter) {
        w.docComment([
            "The operations of `\(module.specFileName)`, one method each. `Client` implements them over HTTP and a",
            "server's `APIServer` implements them to answer; code that calls the API can take any",
            "`APIProtocol`, so a test can hand it a fake. Each method also has a flattened form (one",
            "argument per parameter) in an extension.",
        ])
        w.block("nonisolated public protocol APIProtocol: Swift.Sendable") { w in
            for operation in module.operations {
                let op = "Operations.\(operation.typeName)"
                w.docComment(
                    DocComments.lines(operation.docs) + [
                        "`\(operation.method) \(operation.path)`"
                    ])
                // Not marked deprecated: server code calls every requirement, deprecated or not.
                w.line(
                    "func \(SwiftNames.escapedMember(operation.methodName))(_ input: "
                        + "\(op).\(operation.names.input)) async throws -> \(op).\(operation.names.output)"
                )
            }
        }
    }

    /// The first use of each shared response, in the order operations use them.
    private func sharedResponses() -> [IRResponse] {
        var seen = Set<String>()
        return (module.operations + module.webhooks).flatMap(\.responses).filter { response in
            response.sharedName.map { seen.insert($0).inserted } ?? false
        }
    }

    private func emit(_ operation: IROperation, into w: inout SwiftWriter) {
        var docs = DocComments.lines(operation.docs)
        if !docs.isEmpty { docs.append("") }
        if let received = operation.received {
            docs.append("`\(operation.method)`, \(received.description), operation `\(operation.operationID)`.")
        } else {
            docs.append("`\(operation.method) \(operation.path)`, operation `\(operation.operationID)`.")
        }
        w.docComment(docs)
        w.block("nonisolated public enum \(operation.typeName)") { w in
            w.line("public static let id = \(SwiftLiteral.string(operation.operationID))")
            if let server = operation.serverOverride, operation.serverOverrideIsRelative {
                let named = server.isEmpty ? "the spec's own address" : "`\(server)`"
                w.docComment([
                    "The server this operation's spec names instead of the document's, \(named): relative to where",
                    "the spec is served, so resolved against the client's server URL (as `/private` against",
                    "`https://example.com/api` is `https://example.com/private`). The client sends there unless its",
                    "configuration says otherwise (`usesOperationServers`).",
                ])
                w.block("public static func serverURL(relativeTo base: Foundation.URL) throws -> Foundation.URL") { w in
                    w.line(
                        "try \(Runtime.ClientSupport.serverURL)(\(SwiftLiteral.string(server)), [:], relativeTo: base)")
                }
            } else if let server = operation.serverOverride {
                w.docComment([
                    "The server this operation's spec names instead of the document's; the client sends there",
                    "unless its configuration says otherwise (`usesOperationServers`).",
                ])
                w.line("public static let serverURL = Foundation.URL(string: \(SwiftLiteral.string(server)))!")
            }
            w.line()
            emitInput(operation, into: &w)
            w.line()
            emitOutput(operation, into: &w)
        }
    }

    // MARK: Input

    private func emitInput(_ operation: IROperation, into w: inout SwiftWriter) {
        let names = operation.names
        w.docComment(["What a call sends."])
        w.block("nonisolated public struct \(names.input): Swift.Sendable, \(hashable)\(Runtime.validatable)") {
            w in
            var members: [(name: String, type: String, defaultValue: String?)] = []
            for (location, nameKey, member) in Self.locations {
                let parameters = operation.parameters.filter { $0.location.group == location }
                guard !parameters.isEmpty else { continue }
                let typeName = names[keyPath: nameKey]
                w.block("nonisolated public struct \(typeName): Swift.Sendable\(andHashable)") { w in
                    for parameter in parameters {
                        w.docComment(
                            DocComments.lines(
                                parameter.docs,
                                notes: [
                                    parameter.location == .querystring
                                        ? "The whole query (`\(parameter.name.original)`, in: querystring)."
                                        : "`\(parameter.name.original)`, in the \(location.rawValue)."
                                ]))
                        w.line(
                            "public var \(SwiftNames.escapedMember(parameter.name.swift)): \(parameterType(parameter))")
                    }
                    w.memberwiseInit(
                        parameters.map { parameter in
                            let name = SwiftNames.escapedMember(parameter.name.swift)
                            let defaultValue = spelling.argumentDefault(parameter)
                            return (
                                name, "\(name): \(parameterType(parameter))" + (defaultValue.map { " = \($0)" } ?? "")
                            )
                        })
                }
                let allOptional = parameters.allSatisfy { !$0.isRequired || $0.defaultValue != nil }
                w.line("public var \(member): \(typeName)")
                members.append((member, typeName, allOptional ? ".init()" : nil))
            }
            if let body = operation.requestBody {
                emitBodyEnum(
                    body.contents, name: names.body,
                    docs: ["The request body, in one of the content types the operation accepts."], into: &w)
                w.line("public var body: \(names.body)\(body.isRequired ? "" : "?")")
                members.append(("body", names.body + (body.isRequired ? "" : "?"), body.isRequired ? nil : "nil"))
            }
            if operation.negotiatesContent {
                w.docComment([
                    "The content types the caller accepts (`Accept`), for a response documented in several. A",
                    "server's handler reads it to choose; a client sends it (empty: every documented type).",
                ])
                w.line("public var accept: \(Runtime.accept)")
                members.append(("accept", Runtime.accept, ".init()"))
            }
            if !operation.security.isEmpty {
                w.docComment([
                    "Who sent the request, as the server's authentication identified them; `nil` when it was",
                    "admitted anonymously. A client does not send it.",
                ])
                w.line("public var caller: \(Runtime.caller)?")
                members.append(("caller", "\(Runtime.caller)?", "nil"))
            }
            let arguments = members.map { "\($0.name): \($0.type)" + ($0.defaultValue.map { " = \($0)" } ?? "") }
            w.line()
            w.block("public init(\(arguments.joined(separator: ", ")))") { w in
                for member in members { w.line("self.\(member.name) = \(member.name)") }
            }
            w.line()
            emitInputValidation(operation, into: &w)
        }
    }

    private func emitInputValidation(_ operation: IROperation, into w: inout SwiftWriter) {
        var body = SwiftWriter()
        var counter = 0
        let emitter = TypeEmitter(module: module, hashable: context.isHashable)
        for (location, _, member) in Self.locations {
            for parameter in operation.parameters where parameter.location.group == location {
                let access = "self.\(member).\(SwiftNames.escapedMember(parameter.name.swift))"
                let path = "path.key(\(SwiftLiteral.string(parameter.name.original)))"
                var checks = SwiftWriter()
                emitter.emitValidation(
                    of: "value", type: parameter.type.nonNull, constraints: parameter.constraints, path: path,
                    into: &checks, counter: &counter)
                guard !checks.isEmpty else { continue }
                if parameter.isRequired || parameter.defaultValue != nil {
                    body.line("let value = \(access)")
                    body.raw(checks)
                } else {
                    body.block("if let value = \(access)") { $0.raw(checks) }
                }
            }
        }
        if let request = operation.requestBody {
            var cases = SwiftWriter()
            var any = false
            for content in request.contents {
                let optional = request.isRequired ? "" : "?"
                if content.multipart != nil {
                    any = true
                    cases.line(
                        "case .\(content.caseName)(let value)\(optional): value.collectValidationIssues(at: "
                            + "path.key(\"body\"), into: &issues)"
                    )
                    continue
                }
                var checks = SwiftWriter()
                emitter.emitValidation(
                    of: "value", type: content.type, constraints: IRConstraints(), path: "path.key(\"body\")",
                    into: &checks, counter: &counter)
                // Streamed bodies and plain text have nothing to validate.
                if bodyType(content) == "OpenAPIRuntime.HTTPBody" || content.kind == .text || content.kind.isItemStream
                    || checks.isEmpty
                {
                    cases.line("case .\(content.caseName)\(optional): break")
                } else {
                    any = true
                    cases.line("case .\(content.caseName)(let value)\(optional):")
                    cases.indented { $0.raw(checks) }
                }
            }
            if any {
                body.switchBlock("self.body") { w in
                    w.raw(cases)
                    if !request.isRequired { w.line("case nil: break") }
                }
            }
        }
        let signature = Runtime.validationRequirement
        if body.isEmpty {
            w.line(signature + " {}")
        } else {
            // Each check stands in its own scope, so the `value` names never clash.
            w.block(signature) { w in
                for chunk in Self.scopes(body.bytes) { w.block("do", { $0.raw(body, lines: chunk) }) }
            }
        }
    }

    /// Splits rendered statements before each top-level `let value `, `if ` or `switch ` line that
    /// is not the first, so each chunk gets its own scope: the ranges of the lines' bytes. (Split
    /// as text, line by line into new strings, it was 4% of generating Discord.)
    static func scopes(_ rendered: [UInt8]) -> [Range<Int>] {
        var chunks: [Range<Int>] = []
        var chunkStart = 0
        var lineStart = 0
        while let lineEnd = rendered[lineStart...].firstIndex(of: UInt8(ascii: "\n")) {
            let line = rendered[lineStart ..< lineEnd]
            if lineStart > chunkStart, scopeStarts.contains(where: { line.starts(with: $0) }) {
                chunks.append(chunkStart ..< lineStart)
                chunkStart = lineStart
            }
            lineStart = lineEnd + 1
        }
        if lineStart > chunkStart { chunks.append(chunkStart ..< lineStart) }
        return chunks
    }

    private static let scopeStarts = ["let value ", "if ", "switch "].map { Array($0.utf8) }

    /// `case json(T)`, `case plainText(Swift.String)`, `case binary(OpenAPIRuntime.HTTPBody)`, ….
    private func emitBodyEnum(
        _ contents: [IRContent], name: String, docs: [String], mayBeEmpty: Bool = false, into w: inout SwiftWriter
    ) {
        w.docComment(docs)
        w.block("nonisolated public enum \(name): Swift.Sendable\(andHashable)") { w in
            for content in contents {
                w.docComment(["`\(content.contentType)`"])
                w.line("case \(content.caseName)(\(bodyType(content)))")
            }
            if mayBeEmpty {
                w.docComment(["No body: the status that arrived (204, 205 or 304) has none."])
                w.line("case empty")
            }
            for content in contents {
                guard let multipart = content.multipart else { continue }
                w.line()
                emitParts(multipart, contentType: content.contentType, into: &w)
            }
            for content in contents {
                guard let events = content.eventData else { continue }
                w.line()
                emitEventData(events, into: &w)
            }
            emitBodyAccessors(contents, mayBeEmpty: mayBeEmpty, into: &w)
        }
    }

    /// The enum of an event stream's data typed by event: a case per event the spec names, and
    /// `undocumented` for any other; it reads and writes the data's text (`TypedEventData`).
    private func emitEventData(_ events: IREventData, into w: inout SwiftWriter) {
        w.docComment(["Each event's data, typed by its `event`."])
        w.block(
            "nonisolated public enum \(events.typeName): Swift.Sendable, \(hashable)\(Runtime.typedEventData)"
        ) { w in
            for event in events.cases {
                w.docComment(["`event: \(event.event)`"])
                w.line("case \(SwiftNames.escapedMember(event.caseName))(\(spelling.type(event.type)))")
            }
            w.docComment(["An event the spec does not name: its name and data as sent."])
            w.line("case undocumented(event: Swift.String?, data: Swift.String)")
            w.line()
            w.block("public init(event: Swift.String?, data: Swift.String) throws") { w in
                w.switchBlock("event") { w in
                    for event in events.cases {
                        let name = SwiftNames.escapedMember(event.caseName)
                        let value =
                            event.type == .primitive(.string)
                            ? "data" : "try \(Runtime.StreamCoding.json)(\(spelling.type(event.type)).self, data)"
                        w.line("case \(SwiftLiteral.string(event.event)): self = .\(name)(\(value))")
                    }
                    w.line("default: self = .undocumented(event: event, data: data)")
                }
            }
            w.line()
            w.block("public var event: Swift.String?") { w in
                w.switchBlock("self") { w in
                    for event in events.cases {
                        w.line(
                            "case .\(SwiftNames.escapedMember(event.caseName)): \(SwiftLiteral.string(event.event))")
                    }
                    w.line("case .undocumented(let event, _): event")
                }
            }
            w.line()
            w.block("public func dataText() throws -> Swift.String") { w in
                w.switchBlock("self") { w in
                    for event in events.cases {
                        let text =
                            event.type == .primitive(.string) ? "value" : "try \(Runtime.StreamCoding.jsonText)(value)"
                        w.line("case .\(SwiftNames.escapedMember(event.caseName))(let value): \(text)")
                    }
                    w.line("case .undocumented(_, let data): data")
                }
            }
        }
    }

    // MARK: Output

    private func emitOutput(_ operation: IROperation, into w: inout SwiftWriter) {
        let names = operation.names
        // With a `default` response every status is documented, so there is no `undocumented` case.
        let coversEveryStatus = operation.coversEveryStatus
        w.docComment([
            coversEveryStatus
                ? "What a call can get back: one case per documented response."
                : "What a call can get back: one case per documented response, and `undocumented` for any other."
        ])
        w.block("nonisolated public enum \(names.output): Swift.Sendable\(andHashable)") { w in
            for response in operation.responses {
                let status = Self.statusDescription(response.key)
                w.docComment(
                    SwiftLiteral.docText("\(status): \(response.docs.description ?? "")".trimmingTrailingSpaces()))
                let payload = response.key.isExact ? response.typeName : "statusCode: Swift.Int, \(response.typeName)"
                w.line("case \(SwiftNames.escapedMember(response.caseName))(\(payload))")
            }
            if !coversEveryStatus {
                w.docComment(["A status the spec does not document, kept whole."])
                w.line(
                    "case undocumented(statusCode: Swift.Int, headers: HTTPTypes.HTTPFields, body: "
                        + "OpenAPIRuntime.HTTPBody?)"
                )
            }
            emitOutputAccessors(operation, into: &w)
            for response in operation.responses {
                w.line()
                if let shared = response.sharedName {
                    w.docComment(["A response other operations share: `\(module.responsesNamespace).\(shared)`."])
                    w.line(
                        "public typealias \(response.typeName) = "
                            + "\(qualifier)Operations.\(module.responsesNamespace).\(shared)"
                    )
                } else {
                    emitResponse(response, named: response.typeName, names: names, into: &w)
                }
            }
        }
    }

    static func statusDescription(_ key: IRResponseKey) -> String {
        switch key {
        case .code(let code): "\(code)"
        case .range(let digit): "\(digit)XX"
        case .default: "Any other status"
        }
    }

    private func emitResponse(_ response: IRResponse, named name: String, names: NestedNames, into w: inout SwiftWriter)
    {
        if let description = response.docs.description, response.sharedName != nil {
            w.docComment(SwiftLiteral.docText(description))
        }
        w.block("nonisolated public struct \(name): Swift.Sendable\(andHashable)") { w in
            var members: [(name: String, type: String, defaultValue: String?)] = []
            if !response.headers.isEmpty {
                w.block("nonisolated public struct \(names.headers): Swift.Sendable\(andHashable)") { w in
                    for header in response.headers {
                        w.docComment(
                            DocComments.lines(
                                header.docs, notes: ["Header `\(header.name.original)`."]))
                        w.line("public var \(SwiftNames.escapedMember(header.name.swift)): \(headerType(header))")
                    }
                    w.memberwiseInit(headerArguments(response.headers))
                }
                w.line("public var headers: \(names.headers)")
                let required = response.headers.contains(where: \.isRequired)
                members.append(("headers", names.headers, required ? nil : ".init()"))
            }
            if !response.contents.isEmpty {
                emitBodyEnum(
                    response.contents, name: names.body,
                    docs: [
                        "The response body, in one of the documented content types"
                            + (response.mayArriveEmpty ? ", or `empty` for a status that has none." : ".")
                    ], mayBeEmpty: response.mayArriveEmpty, into: &w)
                w.line("public var body: \(names.body)")
                members.append(("body", names.body, nil))
            }
            let arguments = members.map { "\($0.name): \($0.type)" + ($0.defaultValue.map { " = \($0)" } ?? "") }
            w.block("public init(\(arguments.joined(separator: ", ")))") { w in
                for member in members { w.line("self.\(member.name) = \(member.name)") }
            }
        }
    }

}

extension IROperation {
    /// Whether a response is documented in several content types, so `Accept` chooses among them.
    var negotiatesContent: Bool { responses.contains { $0.contents.count > 1 } }
}

extension IRResponseKey {
    var isExact: Bool {
        if case .code = self { return true }
        return false
    }
}
