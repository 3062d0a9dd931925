import LatheIR

/// Code for the operations: a core that goes inside the namespace, and chunks of at most
/// `operationsPerFile` operations, written as top-level extensions in files of their own (extensions
/// cannot nest in the namespace, so chunks spell generated types in full).
struct Rendered {
    static let operationsPerFile = 20

    var core: String
    var chunks: [String]

    static func chunks<T>(of items: [T]) -> [[T]] {
        stride(from: 0, to: items.count, by: operationsPerFile).map {
            Array(items[$0 ..< min($0 + operationsPerFile, items.count)])
        }
    }
}

/// `Operations`: for each operation an enum holding its `Input` (parameters by location, and the
/// body) and its `Output` (one case per documented response, and `undocumented`).
struct OperationsEmitter {
    let module: IRModule
    let spelling: TypeSpelling

    /// `Namespace.` when there is one: the chunks stand outside it.
    let qualifier: String

    init(module: IRModule, namespace: String?) {
        self.module = module
        qualifier = namespace.map { $0 + "." } ?? ""
        spelling = TypeSpelling(module: module, qualifier: qualifier)
    }

    /// Parameter groups in order: location, the group's type name, the `Input` member holding it.
    static var locations: [(IRParameterLocation, KeyPath<NestedNames, String>, String)] {
        [
            (.path, \.path, "path"), (.query, \.query, "query"), (.header, \.headers, "headers"),
            (.cookie, \.cookies, "cookies"),
        ]
    }

    /// The namespace declaration, and the operations in chunks (extensions, so the compiler can
    /// build the chunks in parallel).
    func render() -> Rendered {
        var core = SwiftWriter()
        core.docComment(["The operations of `\(module.specName)`: each one's input and output."])
        let shared = sharedResponses()
        if !shared.isEmpty, let names = module.operations.first?.names {
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
        let chunks = Rendered.chunks(of: module.operations).map { operations in
            var w = SwiftWriter()
            w.block("extension \(qualifier)Operations") { w in
                for (index, operation) in operations.enumerated() {
                    if index > 0 { w.line() }
                    emit(operation, into: &w)
                }
            }
            return w.text
        }
        return Rendered(core: core.text, chunks: chunks)
    }

    /// The first use of each shared response, in the order operations use them.
    private func sharedResponses() -> [IRResponse] {
        var seen = Set<String>()
        return module.operations.flatMap(\.responses).filter { response in
            response.sharedName.map { seen.insert($0).inserted } ?? false
        }
    }

    private func emit(_ operation: IROperation, into w: inout SwiftWriter) {
        var docs = DocComments.lines(operation.docs, specName: module.specName)
        if !docs.isEmpty { docs.append("") }
        docs.append("`\(operation.method) \(operation.path)`, operation `\(operation.operationID)`.")
        w.docComment(docs)
        w.block("nonisolated public enum \(operation.typeName)") { w in
            w.line("public static let id = \(SwiftLiteral.string(operation.operationID))")
            w.line()
            emitInput(operation, into: &w)
            w.line()
            emitOutput(operation, into: &w)
        }
    }

    // MARK: Input

    /// The Swift type of a parameter as stored in its group.
    func parameterType(_ parameter: IRParameter) -> String {
        let type = spelling.type(parameter.type.nonNull)
        return parameter.isRequired || parameter.defaultValue != nil ? type : type + "?"
    }

    private func emitInput(_ operation: IROperation, into w: inout SwiftWriter) {
        let names = operation.names
        w.docComment(["What a call sends."])
        w.block("nonisolated public struct \(names.input): Swift.Sendable, Swift.Hashable, \(Runtime.validatable)") {
            w in
            var members: [(name: String, type: String, defaultValue: String?)] = []
            for (location, nameKey, member) in Self.locations {
                let parameters = operation.parameters.filter { $0.location == location }
                guard !parameters.isEmpty else { continue }
                let typeName = names[keyPath: nameKey]
                w.block("nonisolated public struct \(typeName): Swift.Sendable, Swift.Hashable") { w in
                    for parameter in parameters {
                        w.docComment(
                            DocComments.lines(
                                parameter.docs, notes: ["`\(parameter.name.original)`, in the \(location.rawValue)."],
                                specName: module.specName))
                        w.line(
                            "public var \(SwiftNames.escapedMember(parameter.name.swift)): \(parameterType(parameter))")
                    }
                    let arguments = parameters.map { parameter -> String in
                        let defaultValue =
                            parameter.defaultValue.flatMap { spelling.literal($0, as: parameter.type) }
                            ?? (parameter.isRequired ? nil : "nil")
                        return "\(SwiftNames.escapedMember(parameter.name.swift)): \(parameterType(parameter))"
                            + (defaultValue.map { " = \($0)" } ?? "")
                    }
                    w.block("public init(\(arguments.joined(separator: ", ")))") { w in
                        for parameter in parameters {
                            let name = SwiftNames.escapedMember(parameter.name.swift)
                            w.line("self.\(name) = \(name)")
                        }
                    }
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
        let emitter = TypeEmitter(module: module)
        for (location, _, member) in Self.locations {
            for parameter in operation.parameters where parameter.location == location {
                let access = "self.\(member).\(SwiftNames.escapedMember(parameter.name.swift))"
                let path = "path.key(\(SwiftLiteral.string(parameter.name.original)))"
                var checks = SwiftWriter()
                emitter.emitValidation(
                    of: "value", type: parameter.type.nonNull, constraints: parameter.constraints, path: path,
                    into: &checks, counter: &counter)
                guard !checks.text.isEmpty else { continue }
                if parameter.isRequired || parameter.defaultValue != nil {
                    body.line("let value = \(access)")
                    body.raw(checks.text)
                } else {
                    body.block("if let value = \(access)") { $0.raw(checks.text) }
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
                        "case .\(content.caseName)(let value)\(optional): value.collectValidationIssues(at: path.key(\"body\"), into: &issues)"
                    )
                    continue
                }
                var checks = SwiftWriter()
                emitter.emitValidation(
                    of: "value", type: content.type, constraints: IRConstraints(), path: "path.key(\"body\")",
                    into: &checks, counter: &counter)
                // Streamed bodies and plain text have nothing to validate.
                if bodyType(content) == "OpenAPIRuntime.HTTPBody" || content.kind == .text || checks.text.isEmpty {
                    cases.line("case .\(content.caseName)\(optional): break")
                } else {
                    any = true
                    cases.line("case .\(content.caseName)(let value)\(optional):")
                    cases.indented { $0.raw(checks.text) }
                }
            }
            if any {
                body.switchBlock("self.body") { w in
                    w.raw(cases.text)
                    if !request.isRequired { w.line("case nil: break") }
                }
            }
        }
        let signature = Runtime.validationRequirement
        if body.text.isEmpty {
            w.line(signature + " {}")
        } else {
            // Each check stands in its own scope, so the `value` names never clash.
            w.block(signature) { w in
                for chunk in Self.scopes(body.text) { w.block("do", { $0.raw(chunk) }) }
            }
        }
    }

    /// Splits rendered statements at top-level `let value` lines, so each chunk gets its own scope.
    static func scopes(_ text: String) -> [String] {
        var chunks: [String] = []
        var current = ""
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
            if (line.hasPrefix("let value ") || line.hasPrefix("if ") || line.hasPrefix("switch ")) && !current.isEmpty
            {
                chunks.append(current)
                current = ""
            }
            current += line + "\n"
        }
        if !current.isEmpty { chunks.append(current) }
        return chunks
    }

    /// `case json(T)`, `case plainText(Swift.String)`, `case binary(OpenAPIRuntime.HTTPBody)`, ….
    private func emitBodyEnum(_ contents: [IRContent], name: String, docs: [String], into w: inout SwiftWriter) {
        w.docComment(docs)
        w.block("nonisolated public enum \(name): Swift.Sendable, Swift.Hashable") { w in
            for content in contents {
                w.docComment(["`\(content.contentType)`"])
                w.line("case \(content.caseName)(\(bodyType(content)))")
            }
            for content in contents {
                guard let multipart = content.multipart else { continue }
                w.line()
                emitParts(multipart, contentType: content.contentType, into: &w)
            }
        }
    }

    /// Binary bodies stream as `HTTPBody`; text is a `String`; a typed multipart body is its
    /// `Parts` struct (named relative to the body enum); the rest is the schema's type.
    func bodyType(_ content: IRContent) -> String {
        if let multipart = content.multipart { return multipart.typeName }
        return switch content.kind {
        case .binary: "OpenAPIRuntime.HTTPBody"
        case .text where content.type == .primitive(.string) || content.type == .primitive(.binaryData): "Swift.String"
        case .multipart: "OpenAPIRuntime.HTTPBody"
        default: spelling.type(content.type)
        }
    }

    /// `bodyType`, spelled from outside the body enum named `bodyEnum` (a `Parts` struct is nested in it).
    func bodyType(_ content: IRContent, in bodyEnum: String) -> String {
        content.multipart == nil ? bodyType(content) : "\(bodyEnum).\(bodyType(content))"
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
        w.block("nonisolated public enum \(names.output): Swift.Sendable, Swift.Hashable") { w in
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
                    "case undocumented(statusCode: Swift.Int, headers: HTTPTypes.HTTPFields, body: OpenAPIRuntime.HTTPBody?)"
                )
            }
            for response in operation.responses {
                w.line()
                if let shared = response.sharedName {
                    w.docComment(["A response other operations share: `\(module.responsesNamespace).\(shared)`."])
                    w.line(
                        "public typealias \(response.typeName) = \(qualifier)Operations.\(module.responsesNamespace).\(shared)"
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
        w.block("nonisolated public struct \(name): Swift.Sendable, Swift.Hashable") { w in
            var members: [(name: String, type: String, defaultValue: String?)] = []
            if !response.headers.isEmpty {
                w.block("nonisolated public struct \(names.headers): Swift.Sendable, Swift.Hashable") { w in
                    for header in response.headers {
                        w.docComment(
                            DocComments.lines(
                                header.docs, notes: ["Header `\(header.name.original)`."], specName: module.specName))
                        w.line("public var \(SwiftNames.escapedMember(header.name.swift)): \(headerType(header))")
                    }
                    let arguments = response.headers.map {
                        "\(SwiftNames.escapedMember($0.name.swift)): \(headerType($0))"
                            + ($0.isRequired ? "" : " = nil")
                    }
                    w.block("public init(\(arguments.joined(separator: ", ")))") { w in
                        for header in response.headers {
                            let name = SwiftNames.escapedMember(header.name.swift)
                            w.line("self.\(name) = \(name)")
                        }
                    }
                }
                w.line("public var headers: \(names.headers)")
                let required = response.headers.contains(where: \.isRequired)
                members.append(("headers", names.headers, required ? nil : ".init()"))
            }
            if !response.contents.isEmpty {
                emitBodyEnum(
                    response.contents, name: names.body,
                    docs: ["The response body, in one of the documented content types."], into: &w)
                w.line("public var body: \(names.body)")
                members.append(("body", names.body, nil))
            }
            let arguments = members.map { "\($0.name): \($0.type)" + ($0.defaultValue.map { " = \($0)" } ?? "") }
            w.block("public init(\(arguments.joined(separator: ", ")))") { w in
                for member in members { w.line("self.\(member.name) = \(member.name)") }
            }
        }
    }

    func headerType(_ header: IRResponseHeader) -> String {
        let type = spelling.type(header.type.nonNull)
        return header.isRequired ? type : type + "?"
    }

    /// The expression reading `header` from the `HTTPFields` named `fields` (throws a `RequestError`).
    func decodeHeader(_ header: IRResponseHeader, from fields: String) -> String {
        let shape = spelling.uriShape(header.type, contentType: header.contentType)
        let raw =
            "\(fields).value(\(SwiftLiteral.string(header.name.original))).flatMap { \(Runtime.URIDecoding.header)($0, explode: false, as: \(shape.valueShape)) }"
        let decoded = ServerEmitter.decodeCall(raw, shape: shape, name: header.name.original)
        return header.isRequired
            ? "try \(Runtime.ServerSupport.required)(\(decoded), at: \(SwiftLiteral.string(header.name.original)))"
            : decoded
    }

    /// Sets `header` from `value` (optional when the header is) in the `HTTPFields` named `fields`.
    func emitHeaderEncoding(_ header: IRResponseHeader, value: String, into fields: String, w: inout SwiftWriter) {
        let shape = spelling.uriShape(header.type, contentType: header.contentType)
        let encode = { (value: String) -> String in
            "\(fields).set(\(SwiftLiteral.string(header.name.original)), \(Runtime.URIEncoding.header)(\(shape.valueExpression(value)), explode: false))"
        }
        if header.isRequired {
            w.line(encode(value))
        } else {
            w.block("if let header = \(value)") { $0.line(encode("header")) }
        }
    }
}

extension IRResponseKey {
    var isExact: Bool {
        if case .code = self { return true }
        return false
    }
}

/// How a value of an IR type travels in a URI, header or cookie.
enum URIShape {
    case primitive(String)
    case array(element: String)
    case map(value: String)
    case object(String)
    case json(String)

    /// The expression making a `URIValue` of `value` (clients send it, servers answer with it).
    func valueExpression(_ value: String) -> String {
        switch self {
        case .primitive, .array, .map: "\(Runtime.URIValue.of)(\(value))"
        case .object: "try \(Runtime.URIValue.of)(object: \(value))"
        case .json: "try \(Runtime.URIValue.of)(json: \(value))"
        }
    }

    var valueShape: String {
        switch self {
        case .primitive, .json: ".primitive"
        case .array: ".array"
        case .map, .object: ".object"
        }
    }
}

extension TypeSpelling {
    /// Primitives that `LatheRuntime.URIPrimitive` covers, generated enums included.
    func isURIPrimitive(_ type: IRValueType) -> Bool {
        switch type {
        case .primitive(let primitive): primitive != .jsonValue
        case .named(let id):
            switch module[id].kind {
            case .enumeration: true
            case .alias(let aliased, _): isURIPrimitive(aliased)
            default: false
            }
        case .nullable(let inner): isURIPrimitive(inner)
        default: false
        }
    }

    func uriShape(_ type: IRValueType, contentType: String?) -> URIShape {
        let swiftType = self.type(type.nonNull)
        if contentType != nil { return .json(swiftType) }
        switch type.nonNull {
        case let value where isURIPrimitive(value): return .primitive(swiftType)
        case .array(let element) where isURIPrimitive(element): return .array(element: self.type(element))
        case .dictionary(let value) where isURIPrimitive(value): return .map(value: self.type(value))
        case .named(let id):
            if case .object = module[id].kind { return .object(swiftType) }
            if case .alias(let aliased, _) = module[id].kind { return uriShape(aliased, contentType: nil) }
            return .json(swiftType)
        default: return .json(swiftType)
        }
    }
}

extension IRModule {
    /// An operation's security alternatives, each the names of the schemes it needs together.
    func securityAlternatives(_ operation: IROperation) -> [[String]] {
        operation.security.map { requirement in requirement.map { securitySchemes[$0.scheme].name.original } }
    }
}
