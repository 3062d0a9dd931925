import LatheIR

/// How the parts of an operation are spelled and coded, for the operations, the client and the
/// server alike.
extension Emitter {
    /// The Swift type of a parameter as stored in its group.
    func parameterType(_ parameter: IRParameter) -> String {
        let type = spelling.type(parameter.type.nonNull)
        return parameter.isRequired || parameter.defaultValue != nil ? type : type + "?"
    }

    /// Binary bodies stream as `HTTPBody`; text is a `String`; a typed multipart body is its
    /// `Parts` struct (named relative to the body enum); the rest is the schema's type.
    func bodyType(_ content: IRContent) -> String {
        if let multipart = content.multipart { return multipart.typeName }
        return switch content.kind {
        case .binary: "OpenAPIRuntime.HTTPBody"
        case .text where content.isPlainText: "Swift.String"
        case .multipart: "OpenAPIRuntime.HTTPBody"
        case .jsonLines, .jsonSequence: "\(Runtime.itemStream)<\(spelling.type(content.type))>"
        case .eventStream: "\(Runtime.itemStream)<\(Runtime.serverEvent)<\(eventDataType(content))>>"
        default: spelling.type(content.type)
        }
    }

    /// An event's data type: the item type, or the enum typed by event (nested in the body enum,
    /// spelled from `bodyEnum` when given).
    func eventDataType(_ content: IRContent, in bodyEnum: String? = nil) -> String {
        guard let events = content.eventData else { return spelling.type(content.type) }
        return bodyEnum.map { "\($0).\(events.typeName)" } ?? events.typeName
    }

    /// The expression that reads a streamed body from `body` (an `HTTPBody?`) as its items arrive.
    func decodedStream(_ content: IRContent, from body: String, in bodyEnum: String) -> String {
        let item = content.kind == .eventStream ? eventDataType(content, in: bodyEnum) : spelling.type(content.type)
        let terminator = content.streamTerminator.map { ", terminator: \(SwiftLiteral.string($0))" } ?? ""
        return switch content.kind {
        case .jsonSequence: "\(Runtime.StreamCoding.jsonSequence)(\(body), as: \(item).self)"
        case .eventStream: "\(Runtime.StreamCoding.events)(\(body), as: \(item).self\(terminator))"
        default: "\(Runtime.StreamCoding.jsonLines)(\(body), as: \(item).self)"
        }
    }

    /// `bodyType`, spelled from outside the body enum named `bodyEnum` (a `Parts` struct is nested in it).
    func bodyType(_ content: IRContent, in bodyEnum: String) -> String {
        if content.eventData != nil {
            return "\(Runtime.itemStream)<\(Runtime.serverEvent)<\(eventDataType(content, in: bodyEnum))>>"
        }
        return content.multipart == nil ? bodyType(content) : "\(bodyEnum).\(bodyType(content))"
    }

    func headerType(_ header: IRResponseHeader) -> String {
        let type = spelling.type(header.type.nonNull)
        return header.isRequired ? type : type + "?"
    }

    /// Header members as `SwiftWriter.memberwiseInit` takes them: optional ones default to `nil`.
    func headerArguments(_ headers: [IRResponseHeader]) -> [(name: String, parameter: String)] {
        headers.map {
            let name = SwiftNames.escapedMember($0.name.swift)
            return (name, "\(name): \(headerType($0))" + ($0.isRequired ? "" : " = nil"))
        }
    }

    /// The expression reading `header` from the `HTTPFields` named `fields` (throws a `RequestError`).
    func decodeHeader(_ header: IRResponseHeader, from fields: String) -> SwiftCode {
        let shape = spelling.uriShape(header.type, contentType: header.contentType)
        let raw: SwiftCode =
            "\(Runtime.URIDecoding.header)(named: \(SwiftLiteral.string(header.name.original)), in: \(fields), "
            + "explode: false, as: \(shape.valueShape))"
        let decoded = shape.decodeCall(raw, name: header.name.original)
        return header.isRequired
            ? "try \(Runtime.URIDecoding.required)(\(decoded), at: \(SwiftLiteral.string(header.name.original)))"
            : decoded
    }

    /// Sets `header` from `value` (optional when the header is) in the `HTTPFields` named `fields`.
    func emitHeaderEncoding(_ header: IRResponseHeader, value: String, into fields: String, w: inout SwiftWriter) {
        let shape = spelling.uriShape(header.type, contentType: header.contentType)
        let encode = { (value: String) -> SwiftCode in
            "\(fields).set(\(SwiftLiteral.string(header.name.original)), "
                + "\(Runtime.URIEncoding.header)(\(shape.valueExpression(value)), explode: false))"
        }
        if header.isRequired {
            w.line(encode(value))
        } else {
            w.block("if let header = \(value)") { $0.line(encode("header")) }
        }
    }

    /// Whether the received `contentType` is one `content` reads: its media type or range, except
    /// that a range read as JSON (`*/*` under an object schema) takes only JSON (an event stream or
    /// an HTML error page under it is not decoded as JSON).
    func contentCondition(_ content: IRContent) -> String {
        if content.kind == .json, content.sentContentType != content.contentType {
            return "\(Runtime.BodyCoding.isJSON)(contentType)"
        }
        return "\(Runtime.BodyCoding.contentType)(contentType, matches: \(SwiftLiteral.string(content.contentType)))"
    }

    /// `, styles: [...]` for a form whose Encoding objects give styles (`IRFormStyle`); else nothing.
    func formStylesArgument(_ content: IRContent) -> String {
        guard !content.formStyles.isEmpty else { return "" }
        let entries = content.formStyles.map { member in
            "\(SwiftLiteral.string(member.name)): \(Runtime.formStyle)(.\(member.style), explode: \(member.explode)"
                + ", shape: .\(member.shape.rawValue)"
                + (member.keys.map { ", keys: \(SwiftLiteral.strings($0))" } ?? "")
                + (member.others.isEmpty ? "" : ", others: \(SwiftLiteral.strings(member.others))") + ")"
        }
        return ", styles: [" + entries.joined(separator: ", ") + "]"
    }

    /// The expression that makes the `HTTPBody` of `value` for `content` (a request body the client
    /// sends, a response body the server sends); multipart bodies are encoded by their `Parts`.
    func encodedBody(_ content: IRContent, _ value: String) -> String {
        switch content.kind {
        case .json: "try \(Runtime.BodyCoding.json)(\(value))"
        case .urlEncodedForm: "try \(Runtime.BodyCoding.form)(\(value)\(formStylesArgument(content)))"
        case .text where content.isPlainText: "OpenAPIRuntime.HTTPBody(\(value))"
        case .text: "try \(Runtime.BodyCoding.json)(\(value))"
        case .binary, .multipart: value
        case .jsonLines: "\(Runtime.StreamCoding.jsonLines)(\(value))"
        case .jsonSequence: "\(Runtime.StreamCoding.jsonSequence)(\(value))"
        case .eventStream:
            "\(Runtime.StreamCoding.events)(\(value)"
                + (content.streamTerminator.map { ", terminator: \(SwiftLiteral.string($0)))" } ?? ")")
        }
    }
}

extension IRModule {
    /// An operation's security alternatives, each the names of the schemes it needs together.
    func securityAlternatives(_ operation: IROperation) -> [[String]] {
        operation.security.map { requirement in requirement.map { securitySchemes[$0.scheme].name.original } }
    }
}
