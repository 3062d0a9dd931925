import LatheIR

/// What makes an output usable in one expression: throwing accessors for each response and each
/// body content type (`try output.ok.body.json`), `statusCode`, and `get()`, which returns the
/// success value or throws a `ResponseError` carrying the documented error body.
extension OperationsEmitter {
    /// `var json: T { get throws }` per content type, and `contentType` when there are several.
    /// A body that `mayBeEmpty` has the case `empty`, whose content type is `""`.
    func emitBodyAccessors(_ contents: [IRContent], mayBeEmpty: Bool = false, into w: inout SwiftWriter) {
        let several = contents.count > 1
        // A content type case named `contentType` would clash; its error then names no content type.
        let namesContentType = several && !contents.contains { $0.caseName == "contentType" }
        if namesContentType {
            w.line()
            w.docComment(["The content type this body is in" + (mayBeEmpty ? " (`\"\"` when `empty`)." : ".")])
            w.block("public var contentType: Swift.String") { w in
                w.switchBlock("self") { w in
                    for content in contents {
                        w.line("case .\(content.caseName): \(SwiftLiteral.string(content.contentType))")
                    }
                    if mayBeEmpty { w.line("case .empty: \"\"") }
                }
            }
        }
        for content in contents {
            w.line()
            w.docComment([
                "The `\(content.contentType)` body"
                    + (several ? "; throws `UnexpectedContentType` when the body is in another." : ".")
            ])
            w.block("public var \(SwiftNames.escapedMember(content.caseName)): \(bodyType(content))") { w in
                w.block("get throws") { w in
                    w.switchBlock("self") { w in
                        w.line("case .\(content.caseName)(let value): return value")
                        let expected = SwiftLiteral.string(content.contentType)
                        if mayBeEmpty {
                            w.line(
                                "case .empty: throw \(Runtime.unexpectedContentType)(expected: \(expected), actual: \"no body\")"
                            )
                        }
                        if several {
                            let actual = namesContentType ? "contentType" : SwiftLiteral.string("another content type")
                            w.line(
                                "default: throw \(Runtime.unexpectedContentType)(expected: \(expected), actual: \(actual))"
                            )
                        }
                    }
                }
            }
        }
    }

    /// Inside `Output`: `statusCode`, an accessor per documented response, `get()`, and the
    /// `ResponseError` they throw.
    func emitOutputAccessors(_ operation: IROperation, into w: inout SwiftWriter) {
        let responses = operation.responses
        let caseCount = responses.count + (operation.coversEveryStatus ? 0 : 1)

        w.line()
        w.docComment(["The response's HTTP status code."])
        w.block("public var statusCode: Swift.Int") { w in
            w.switchBlock("self") { w in
                for response in responses {
                    let name = SwiftNames.escapedMember(response.caseName)
                    switch response.key {
                    case .code(let code): w.line("case .\(name): \(code)")
                    case .range, .default: w.line("case .\(name)(let statusCode, _): statusCode")
                    }
                }
                if !operation.coversEveryStatus { w.line("case .undocumented(let statusCode, _, _): statusCode") }
            }
        }

        for response in responses {
            let name = SwiftNames.escapedMember(response.caseName)
            let status = Self.expected(response.key)
            w.line()
            w.docComment(["The \(status) response; throws `ResponseError` when another status arrived."])
            w.block("public var \(name): \(response.typeName)") { w in
                w.block("get throws") { w in
                    w.line("if case \(Self.pattern(response, binding: "response")) = self { return response }")
                    w.line("throw responseError(expected: \(SwiftLiteral.string(status)))")
                }
            }
        }

        emitGet(operation, caseCount: caseCount, into: &w)
        emitResponseError(operation, caseCount: caseCount, into: &w)
    }

    /// How a `ResponseError` names the status it expected: `200`, `4XX`, `default`.
    private static func expected(_ key: IRResponseKey) -> String {
        key == .default ? "default" : statusDescription(key)
    }

    /// `.ok(let response)`, `.clientError(_, let response)`.
    private static func pattern(_ response: IRResponse, binding: String) -> String {
        let name = SwiftNames.escapedMember(response.caseName)
        return response.key.isExact ? ".\(name)(let \(binding))" : ".\(name)(_, let \(binding))"
    }

    /// With one success response, `get()` returns its body (the body enum when it has several
    /// content types, the response itself when it has none); with several, the output itself.
    private func emitGet(_ operation: IROperation, caseCount: Int, into w: inout SwiftWriter) {
        let successes = operation.responses.filter(\.key.isSuccess)
        guard !successes.isEmpty else { return }
        w.line()
        if successes.count == 1, let success = successes.first {
            let status = Self.expected(success.key)
            let returnType: String
            let value: String
            switch success.contents.count {
            case 0:
                (returnType, value) = (success.typeName, "response")
            case 1:
                let content = success.contents[0]
                // A DELETE's `2XX` answered 204 succeeded without the body: `nil`, not a throw.
                (returnType, value) = (
                    bodyType(content, in: "\(success.typeName).\(operation.names.body)")
                        + (success.mayArriveEmpty ? "?" : ""),
                    "try response.body.\(content.caseName)"
                )
            default:
                (returnType, value) = ("\(success.typeName).\(operation.names.body)", "response.body")
            }
            let empty = success.mayArriveEmpty && success.contents.count == 1
            w.docComment([
                "The \(status) response's " + (success.contents.isEmpty ? "value" : "body")
                    + (empty ? ", `nil` when it came without one (204, 205 or 304)" : "")
                    + "; throws `ResponseError`, with the documented error body, for any other status."
            ])
            w.block("public func get() throws -> \(returnType)") { w in
                if empty {
                    w.block("if case \(Self.pattern(success, binding: "response")) = self") { w in
                        w.line("if case .empty = response.body { return nil }")
                        w.line("return \(value)")
                    }
                } else {
                    w.line("if case \(Self.pattern(success, binding: "response")) = self { return \(value) }")
                }
                w.line("throw responseError(expected: \(SwiftLiteral.string(status)))")
            }
        } else {
            let statuses = successes.map { Self.expected($0.key) }.joined(separator: ", ")
            w.docComment([
                "This output when its status is a success (\(statuses)); throws `ResponseError`, with the",
                "documented error body, for any other status.",
            ])
            w.block("public func get() throws -> Self") { w in
                w.switchBlock("self") { w in
                    w.line(
                        "case " + successes.map { ".\(SwiftNames.escapedMember($0.caseName))" }.joined(separator: ", ")
                            + ": return self")
                    if successes.count < caseCount {
                        w.line("default: throw responseError(expected: \(SwiftLiteral.string("a success status")))")
                    }
                }
            }
        }
    }

    /// The error `get()` and the accessors throw: the documented error body when every error
    /// response that has one uses the same type, else the whole output.
    private func emitResponseError(_ operation: IROperation, caseCount: Int, into w: inout SwiftWriter) {
        let errors = operation.responses.filter { !$0.key.isSuccess }
        var bodyTypes: [String] = []
        for response in errors {
            for content in response.contents {
                let type = bodyType(content, in: "\(response.typeName).\(operation.names.body)")
                if !bodyTypes.contains(type) { bodyTypes.append(type) }
            }
        }
        let errorBody =
            switch bodyTypes.count {
            case 0: "Swift.Never"
            case 1: bodyTypes[0]
            default: "Self"
            }
        w.line()
        w.block(
            "private func responseError(expected: Swift.String) -> \(Runtime.responseError)<\(errorBody)>"
        ) { w in
            if bodyTypes.count == 1 {
                w.line("var body: \(errorBody)? = nil")
                let carrying = errors.filter { !$0.contents.isEmpty }
                w.switchBlock("self") { w in
                    for response in carrying {
                        let pattern = Self.pattern(response, binding: "response")
                        if response.contents.count == 1 {
                            w.line("case \(pattern): body = try? response.body.\(response.contents[0].caseName)")
                        } else {
                            // Every content type decodes to the one body type.
                            let cases = response.contents.map { ".\($0.caseName)(let value)" }
                            w.line("case \(pattern):")
                            w.indented { w in
                                w.switchBlock("response.body") { w in
                                    w.line("case \(cases.joined(separator: ", ")): body = value")
                                    if response.mayArriveEmpty { w.line("case .empty: break") }
                                }
                            }
                        }
                    }
                    if carrying.count < caseCount { w.line("default: break") }
                }
            }
            let body =
                switch bodyTypes.count {
                case 0: "nil"
                case 1: "body"
                default: "self"
                }
            w.line(
                "return \(Runtime.responseError)(operationID: \(qualifier)Operations.\(operation.typeName).id, "
                    + "statusCode: statusCode, expected: expected, body: \(body), output: self)")
        }
    }
}

extension IRResponseKey {
    /// A 2xx status, or the `2XX` range.
    var isSuccess: Bool {
        switch self {
        case .code(let code): (200 ..< 300).contains(code)
        case .range(let digit): digit == 2
        case .default: false
        }
    }
}
