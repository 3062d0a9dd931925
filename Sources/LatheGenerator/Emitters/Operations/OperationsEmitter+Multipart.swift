import LatheIR

/// The `Parts` struct of a multipart body: one member per part (files as `FilePart`, values typed,
/// headers a part documents as a struct beside its value), reading itself from a received
/// `MultipartForm` and writing itself into one to send. Clients and servers share it.
extension OperationsEmitter {
    func emitParts(_ multipart: IRMultipart, contentType: String, into w: inout SwiftWriter) {
        w.docComment(["The parts of a `\(IRContentKind.essence(contentType))` body."])
        w.block(
            "nonisolated public struct \(multipart.typeName): Swift.Sendable, \(hashable)\(Runtime.validatable)"
        ) { w in
            for part in multipart.parts {
                w.docComment(DocComments.lines(part.docs, notes: [Self.partNote(part)]))
                w.line("public var \(SwiftNames.escapedMember(part.name.swift)): \(memberType(part))")
            }
            w.memberwiseInit(
                multipart.parts.map { part in
                    let name = SwiftNames.escapedMember(part.name.swift)
                    let defaultValue =
                        part.isRepeated ? (part.isRequired ? "" : " = []") : (part.isRequired ? "" : " = nil")
                    return (name, "\(name): \(memberType(part))" + defaultValue)
                })
            for part in multipart.parts {
                guard let headersType = part.headersTypeName else { continue }
                w.line()
                emitPartHeaders(part.headers, typeName: headersType, partName: part.name.original, into: &w)
            }
            w.line()
            emitReading(multipart, into: &w)
            w.line()
            emitWriting(multipart, into: &w)
            w.line()
            emitPartsValidation(multipart, into: &w)
        }
    }

    static func partNote(_ part: IRPart) -> String {
        var note = "Part `\(part.name.original)`"
        if part.isRepeated { note += ", repeated once per item" }
        if let contentType = part.contentType { note += ", sent as `\(contentType)`" }
        return note + "."
    }

    /// The value one part holds: a file, or the item's type; with its headers when it documents any.
    private func valueType(_ part: IRPart) -> String {
        let value = part.isFile ? "\(Runtime.filePart)" : spelling.type(part.type)
        guard let headersType = part.headersTypeName else { return value }
        return "\(Runtime.multipartField)<\(value), \(headersType)>"
    }

    private func memberType(_ part: IRPart) -> String {
        let value = valueType(part)
        if part.isRepeated { return "[\(value)]" }
        return part.isRequired ? value : value + "?"
    }

    /// How a part's value is put in the body.
    private enum PartEncoding { case file, text, json }

    /// Files as files; primitives that have a text form as text, unless `encoding` says JSON; the rest as JSON.
    private func encoding(_ part: IRPart) -> PartEncoding {
        if part.isFile { return .file }
        if let contentType = part.contentType, IRContentKind(contentType: contentType) == .json { return .json }
        return spelling.isURIPrimitive(part.type) ? .text : .json
    }

    private func emitPartHeaders(
        _ headers: [IRResponseHeader], typeName: String, partName: String, into w: inout SwiftWriter
    ) {
        w.docComment(["The headers of part `\(partName)`."])
        w.block("nonisolated public struct \(typeName): Swift.Sendable\(andHashable)") { w in
            for header in headers {
                w.docComment(
                    DocComments.lines(
                        header.docs, notes: ["Header `\(header.name.original)`."]))
                w.line("public var \(SwiftNames.escapedMember(header.name.swift)): \(headerType(header))")
            }
            w.memberwiseInit(headerArguments(headers))
            w.line()
            w.docComment([
                "Reads the headers of a received part; throws a `RequestError` naming a missing or malformed one."
            ])
            w.block("public init(_ fields: HTTPTypes.HTTPFields) throws") { w in
                for header in headers {
                    w.line(
                        "self.\(SwiftNames.escapedMember(header.name.swift)) = \(decodeHeader(header, from: "fields"))")
                }
            }
            w.line()
            w.block("public var fields: HTTPTypes.HTTPFields") { w in
                w.line("var fields = HTTPTypes.HTTPFields()")
                for header in headers {
                    emitHeaderEncoding(
                        header, value: "self.\(SwiftNames.escapedMember(header.name.swift))", into: "fields", w: &w)
                }
                w.line("return fields")
            }
        }
    }

    private func emitReading(_ multipart: IRMultipart, into w: inout SwiftWriter) {
        w.docComment(["Reads a received body's parts; throws a `RequestError` naming a missing or malformed part."])
        w.block("@_spi(Generated) public init(_ form: \(Runtime.multipartForm)) throws") { w in
            for part in multipart.parts {
                let name = SwiftLiteral.string(part.name.original)
                let encoding = encoding(part)
                var value: String
                switch encoding {
                case .file: value = "part.file"
                case .text: value = "try part.text(as: \(spelling.type(part.type)).self)"
                case .json: value = "try part.json(as: \(spelling.type(part.type)).self)"
                }
                if let headersType = part.headersTypeName {
                    value = "\(Runtime.multipartField)(value: \(value), headers: try \(headersType)(part.headerFields))"
                }
                let member = "self.\(SwiftNames.escapedMember(part.name.swift))"
                // A file without headers is read without anything that throws.
                let mark = encoding == .file && part.headersTypeName == nil ? "" : "try "
                if part.isRepeated {
                    w.line("\(member) = \(mark)form.parts(named: \(name)).map { part in \(value) }")
                } else if part.isRequired {
                    w.block("do") { w in
                        w.line("let part = try form.requiredPart(named: \(name))")
                        w.line("\(member) = \(value)")
                    }
                } else {
                    w.line("\(member) = \(mark)form.parts(named: \(name)).first.map { part in \(value) }")
                }
            }
        }
    }

    private func emitWriting(_ multipart: IRMultipart, into w: inout SwiftWriter) {
        w.docComment(["The parts to send, in the order the schema lists them."])
        w.block("@_spi(Generated) public func form() throws -> \(Runtime.multipartForm)") { w in
            w.line("\(multipart.parts.isEmpty ? "let" : "var") form = \(Runtime.multipartForm)()")
            for part in multipart.parts {
                let name = SwiftLiteral.string(part.name.original)
                let contentType = part.contentType.map(SwiftLiteral.string) ?? "nil"
                let (value, headers) =
                    part.headersTypeName == nil ? ("value", "") : ("value.value", ", headers: value.headers.fields")
                let call: String
                switch encoding(part) {
                case .file: call = "form.append(file: \(value), name: \(name), contentType: \(contentType)\(headers))"
                case .text: call = "form.append(text: \(value), name: \(name), contentType: \(contentType)\(headers))"
                case .json:
                    call = "try form.append(json: \(value), name: \(name), contentType: \(contentType)\(headers))"
                }
                let member = "self.\(SwiftNames.escapedMember(part.name.swift))"
                if part.isRepeated {
                    w.line("for value in \(member) { \(call) }")
                } else if part.isRequired {
                    w.line("do { let value = \(member); \(call) }")
                } else {
                    w.line("if let value = \(member) { \(call) }")
                }
            }
            w.line("return form")
        }
    }

    private func emitPartsValidation(_ multipart: IRMultipart, into w: inout SwiftWriter) {
        var body = SwiftWriter()
        var counter = 0
        let emitter = TypeEmitter(module: module, hashable: context.isHashable)
        // Files have nothing to check but their count (binary data writes no checks).
        for part in multipart.parts {
            let path = "path.key(\(SwiftLiteral.string(part.name.original)))"
            let member = "self.\(SwiftNames.escapedMember(part.name.swift))"
            let type = part.isRepeated ? IRValueType.array(part.type) : part.type
            var checks = SwiftWriter()
            emitter.emitValidation(
                of: "value", type: type, constraints: part.constraints, path: path, into: &checks, counter: &counter)
            guard !checks.isEmpty else { continue }
            let field = part.headersTypeName != nil
            if part.isRepeated {
                // Files are only counted.
                let items =
                    part.isFile ? (field ? ".map(\\.value.data)" : ".map(\\.data)") : (field ? ".map(\\.value)" : "")
                body.block("do") {
                    $0.line("let value = \(member)\(items)")
                    $0.raw(checks)
                }
            } else if part.isRequired {
                body.block("do") {
                    $0.line("let value = \(member)\(field ? ".value" : "")")
                    $0.raw(checks)
                }
            } else {
                body.block("if let value = \(member)\(field ? "?.value" : "")") { $0.raw(checks) }
            }
        }
        w.validationRequirement(body)
    }
}
