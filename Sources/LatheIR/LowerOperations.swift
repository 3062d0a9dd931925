import LatheOpenAPI
import LatheYAML

/// The inline schemas of operations and of the other components (responses, request bodies,
/// parameters, headers) get top-level types named from where they stand: `CancelInvoiceRequest`,
/// `CancelInvoiceResponse`, `ListPetsStatus`.
extension Lowerer {
    func lowerOperations() {
        var lowered = Set<YAMLNode>()
        for (name, key) in document.components.requestBodies {
            if let body = store.requestBodies[key].flatMap({ store.requestBody($0) }) {
                lowerContent(body.content, base: name + "Body", into: &lowered, direction: .request)
            }
        }
        for (name, key) in document.components.responses {
            if let response = store.responses[key].flatMap({ store.response($0) }) {
                lowerResponse(response, base: name + "Response", into: &lowered)
            }
        }
        for (name, key) in document.components.parameters {
            if let parameter = store.parameters[key].flatMap({ store.parameter($0) }) {
                lowerParameter(parameter, base: name, into: &lowered)
            }
        }
        for (name, key) in document.components.headers {
            if let header = store.headers[key].flatMap({ store.header($0) }), let schema = header.schema, lowered.insert(schema.node).inserted {
                responseRoots.append(lower(schema, NameHint(base: name + "Header")).0)
            }
        }
        // Operations under paths send requests; webhooks and callbacks are requests a client receives.
        let sent = document.operations
        for operation in sent {
            lowerOperation(operation, into: &lowered, requestDirection: .request)
        }
        for operation in receivedOperations(from: sent) {
            lowerOperation(operation, into: &lowered, requestDirection: .response)
        }
    }

    enum Direction { case request, response }

    /// Webhooks, and the callbacks of every operation (callbacks can nest).
    private func receivedOperations(from sent: [Operation]) -> [Operation] {
        var operations = sent + document.webhooks.flatMap(\.item.operations)
        var seen = Set<YAMLNode>()
        var next = 0
        while next < operations.count {
            for (_, callback) in operations[next].callbacks {
                guard let resolved = store.resolve(callback, in: \.callbacks), seen.insert(resolved.node).inserted else { continue }
                for (expression, item) in resolved.expressions {
                    operations += store.resolvedPathItem(item, path: expression).operations
                }
            }
            next += 1
        }
        return Array(operations.dropFirst(sent.count))
    }

    /// `cancelInvoice` → `CancelInvoice`; without an operationId, `GET /pets/{id}` → `GetPetsId`.
    static func operationName(_ operation: Operation) -> String {
        if let id = operation.operationId, !id.isEmpty { return SwiftNames.typeName(id) }
        return SwiftNames.typeName(operation.method.rawValue + " " + operation.path)
    }

    private func lowerOperation(_ operation: Operation, into lowered: inout Set<YAMLNode>, requestDirection: Direction) {
        let name = Self.operationName(operation)
        for parameter in operation.parameters.compactMap({ store.parameter($0) }) {
            lowerParameter(parameter, base: name + SwiftNames.typeName(parameter.name), into: &lowered)
        }
        if let body = operation.requestBody.flatMap({ store.requestBody($0) }) {
            lowerContent(body.content, base: name + "Request", into: &lowered, direction: requestDirection)
        }
        let responses = operation.responses.compactMap { entry in store.response(entry.response).map { (entry.key, $0) } }
        let withInlineSchemas = responses.filter { _, response in response.content.contains { $0.schema.map(Self.needsNamedType) ?? false } }
        for (key, response) in responses {
            let suffix = withInlineSchemas.count > 1 ? Self.responseSuffix(key) : ""
            lowerResponse(response, base: name + "Response" + suffix, into: &lowered)
        }
    }

    static func responseSuffix(_ key: ResponseKey) -> String {
        switch key {
        case .code(let code): String(code)
        case .range(let digit): "\(digit)XX"
        case .default: "Default"
        }
    }

    private func lowerResponse(_ response: Response, base: String, into lowered: inout Set<YAMLNode>) {
        lowerContent(response.content, base: base, into: &lowered, direction: .response)
        for (headerName, item) in response.headers {
            guard let header = store.header(item), let schema = header.schema, lowered.insert(schema.node).inserted else { continue }
            responseRoots.append(lower(schema, NameHint(base: base + SwiftNames.typeName(headerName))).0)
        }
    }

    private func lowerParameter(_ parameter: Parameter, base: String, into lowered: inout Set<YAMLNode>) {
        if let schema = parameter.schema, lowered.insert(schema.node).inserted {
            requestRoots.append(lower(schema, NameHint(base: base)).0)
        }
        lowerContent(parameter.content, base: base, into: &lowered, direction: .request)
    }

    /// One type per media type with an inline schema; a suffix tells them apart when there are several.
    private func lowerContent(_ content: [MediaType], base: String, into lowered: inout Set<YAMLNode>, direction: Direction) {
        let named = content.filter { $0.schema.map(Self.needsNamedType) ?? false }
        for media in content {
            guard let schema = media.schema, lowered.insert(schema.node).inserted else { continue }
            let suffix = named.count > 1 && named.first?.node != media.node ? Self.mediaSuffix(media.contentType) : ""
            let type = lower(schema, NameHint(base: base + suffix)).0
            switch direction {
            case .request: requestRoots.append(type)
            case .response: responseRoots.append(type)
            }
        }
    }

    /// `application/x-www-form-urlencoded` → `Form`, `multipart/form-data` → `Multipart`, `text/plain` → `Text`.
    static func mediaSuffix(_ contentType: String) -> String {
        let lower = contentType.lowercased()
        if lower.contains("form-urlencoded") { return "Form" }
        if lower.hasPrefix("multipart/") { return "Multipart" }
        if lower.hasPrefix("text/") { return "Text" }
        if lower.contains("xml") { return "XML" }
        return SwiftNames.typeName(String(lower.split(separator: "/").last ?? "Other"))
    }

    /// Whether lowering `schema` creates a type of its own (so it needs a name where it stands).
    static func needsNamedType(_ schema: Schema) -> Bool {
        if schema.ref != nil, schema.isPureReference { return false }
        if schema.enumValues != nil || !schema.oneOf.isEmpty || !schema.anyOf.isEmpty || !schema.allOf.isEmpty { return true }
        let types = (schema.types ?? impliedTypes(schema)).subtracting(.null)
        if types.rawValue.nonzeroBitCount > 1 { return !types.isSubset(of: [.number, .integer, .string]) }
        if types == .array { return schema.items.map { needsNamedType($0.value) } ?? false }
        return types == .object && (!schema.properties.isEmpty || schema.additionalProperties?.value.isFalse == true)
    }
}
