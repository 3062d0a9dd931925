import LatheDiagnostics
import LatheYAML

extension DocumentDecoder {
    func decodePaths(_ node: YAMLNode) -> ([(path: String, pathNode: YAMLNode, item: PathItem)], Extensions) {
        var paths: [(path: String, pathNode: YAMLNode, item: PathItem)] = []
        var pathsExtensions = Extensions()
        guard node.isMapping else {
            error("paths must be a mapping of path templates to path items, but this is \(node.kindDescription)", at: node)
            return ([], pathsExtensions)
        }
        for (keyNode, value) in node.entries {
            if keyNode.textHasPrefix("x-") {
                pathsExtensions.entries.append((keyNode.text ?? "", value))
                continue
            }
            let path = keyNode.text ?? ""
            if !path.hasPrefix("/") {
                error("path '\(path)' must start with '/'", at: keyNode)
            }
            if let item = decodePathItem(value, path: path) {
                paths.append((path, keyNode, item))
            }
        }
        return (paths, pathsExtensions)
    }

    func decodeWebhooks(_ node: YAMLNode) -> [(name: String, item: PathItem)] {
        if !version.isJSONSchema2020 {
            warning("webhooks are new in OpenAPI 3.1; this document says \(version)", at: node)
        }
        return namedEntries(node, "webhooks").compactMap { name, _, value in
            decodePathItem(value, path: "").map { (name, $0) }
        }
    }

    /// A path item as written. A `$ref` path item's target is queued like every other target and
    /// merged in after decoding (`ComponentStore.resolvedPathItem`), so a shared path item is
    /// decoded once however often it is used.
    func decodePathItem(_ node: YAMLNode, path: String) -> PathItem? {
        var item = PathItem(node: node)
        let methods = HTTPMethod.allCases.map(\.rawValue)
        let fields = ["$ref", "summary", "description", "servers", "parameters"] + methods
        let extensions = object(node, "a Path Item object", fields: fields) { key, keyNode, value in
            switch key {
            case "summary": item.summary = string(value, "summary")
            case "description": item.description = string(value, "description")
            case "servers": item.servers = decodeServers(value)
            case "parameters": item.parameters = decodeParameterList(value)
            case "$ref": item.ref = reference(value, kind: .pathItem)
            default:
                if let method = HTTPMethod(rawValue: key), let operation = decodeOperation(value, methodNode: keyNode, method: method, path: path) {
                    item.operations.append(operation)
                }
            }
        }
        guard let extensions else { return nil }
        item.extensions.entries += extensions.entries
        return item
    }

    func decodeOperation(_ node: YAMLNode, methodNode: YAMLNode, method: HTTPMethod, path: String) -> Operation? {
        var operation = Operation(node: node, methodNode: methodNode, method: method, path: path)
        let fields = ["tags", "summary", "description", "externalDocs", "operationId", "parameters", "requestBody", "responses", "callbacks", "deprecated", "security", "servers"]
        let required = version.isJSONSchema2020 ? [] : ["responses"]
        let extensions = object(node, "the \(method.rawValue.uppercased()) operation", fields: fields, required: required) { key, _, value in
            switch key {
            case "tags": operation.tags = stringList(value, "tags")
            case "summary": operation.summary = string(value, "summary")
            case "description": operation.description = string(value, "description")
            case "externalDocs": _ = decodeExternalDocs(value)
            case "operationId":
                operation.operationId = string(value, "operationId")
                operation.operationIdNode = value
            case "parameters": operation.parameters = decodeParameterList(value)
            case "requestBody": operation.requestBody = decodeReferenceable(value, .requestBody, decodeRequestBody)
            case "responses": (operation.responses, operation.responsesExtensions) = decodeResponses(value)
            case "callbacks":
                operation.callbacks = namedEntries(value, "callbacks").compactMap { name, _, callback in
                    decodeReferenceable(callback, .callback, decodeCallback).map { (name, $0) }
                }
            case "deprecated": operation.deprecated = bool(value, "deprecated") ?? false
            case "security": operation.security = decodeSecurityRequirements(value)
            case "servers": operation.servers = decodeServers(value)
            default: break
            }
        }
        guard let extensions else { return nil }
        operation.extensions = extensions
        return operation
    }

    func decodeParameterList(_ node: YAMLNode) -> [Referenceable<Parameter>] {
        guard let items = list(node, "parameters") else { return [] }
        return items.compactMap { decodeReferenceable($0, .parameter, decodeParameter) }
    }

    func decodeParameter(_ node: YAMLNode) -> Parameter? {
        var parameter = Parameter(node: node, name: "", location: .query)
        var location: ParameterLocation?
        var styleNode: YAMLNode?
        var allowReservedNode: YAMLNode?
        let fields = ["name", "in", "description", "required", "deprecated", "allowEmptyValue", "style", "explode", "allowReserved", "schema", "example", "examples", "content"]
        guard let extensions = object(node, "a Parameter object", fields: fields, required: ["name", "in"], { key, _, value in
            switch key {
            case "name": parameter.name = string(value, "the parameter name") ?? ""
            case "in":
                guard let text = string(value, "'in'") else { return }
                location = ParameterLocation(rawValue: text)
                if location == nil {
                    error("'in: \(text)' is not a parameter location; expected query, header, path or cookie", at: value)
                }
            case "description": parameter.description = string(value, "description")
            case "required": parameter.required = bool(value, "required") ?? false
            case "deprecated": parameter.deprecated = bool(value, "deprecated") ?? false
            case "allowEmptyValue": parameter.allowEmptyValue = bool(value, "allowEmptyValue") ?? false
            case "style":
                styleNode = value
                parameter.style = decodeStyle(value)
            case "explode": parameter.explode = bool(value, "explode")
            case "allowReserved":
                allowReservedNode = value
                parameter.allowReserved = bool(value, "allowReserved") ?? false
            case "schema": parameter.schema = decodeSchema(value)
            case "example": parameter.examples.append(value)
            case "examples": parameter.examples += decodeExamples(value)
            case "content": parameter.content = decodeContent(value)
            default: break
            }
        }) else { return nil }
        parameter.extensions = extensions
        guard let location else { return nil }
        parameter.location = location
        checkStyle(parameter.style, styleNode: styleNode, location: location)
        if let allowReservedNode, parameter.allowReserved, location != .query {
            warning("allowReserved applies only to query parameters; it has no effect on a \(location.rawValue) parameter", at: allowReservedNode)
        }
        if location == .path, !parameter.required {
            error("path parameter '\(parameter.name)' must have 'required: true' (OpenAPI requires it for every path parameter)", at: node["required"] ?? node)
        }
        checkSchemaOrContent(schema: parameter.schema, content: parameter.content, in: node, what: "parameter '\(parameter.name)'")
        return parameter
    }

    func decodeStyle(_ node: YAMLNode) -> ParameterStyle? {
        guard let text = string(node, "style") else { return nil }
        guard let style = ParameterStyle(rawValue: text) else {
            error("'\(text)' is not a parameter style; expected one of \(ParameterStyle.allCases.map(\.rawValue).joined(separator: ", "))", at: node)
            return nil
        }
        return style
    }

    private func checkStyle(_ style: ParameterStyle?, styleNode: YAMLNode?, location: ParameterLocation) {
        guard let style, let styleNode, !location.allowedStyles.contains(style) else { return }
        error("style '\(style.rawValue)' is not allowed for \(location.rawValue) parameters; use \(location.allowedStyles.map(\.rawValue).joined(separator: ", "))", at: styleNode)
    }

    /// Parameters and headers describe their value with exactly one of `schema` or a one-entry `content`.
    private func checkSchemaOrContent(schema: Schema?, content: [MediaType], in node: YAMLNode, what: String) {
        if schema != nil, let contentNode = node["content"] {
            error("\(what) has both 'schema' and 'content'; use one of them", at: contentNode)
        } else if schema == nil, content.isEmpty, node["schema"] == nil, node["content"] == nil {
            warning("\(what) has no 'schema' (or 'content') to say what its value is; Lathe treats it as a string", at: node)
        }
        if content.count > 1, let contentNode = node["content"] {
            error("\(what) has \(content.count) media types in 'content'; it may have exactly one", at: contentNode)
        }
    }

    func decodeExamples(_ node: YAMLNode) -> [YAMLNode] {
        namedEntries(node, "examples").compactMap { _, _, value in
            _ = decodeReferenceable(value, .example, decodeExample)
            return value
        }
    }

    func decodeRequestBody(_ node: YAMLNode) -> RequestBody? {
        var body = RequestBody(node: node)
        guard let extensions = object(node, "a Request Body object", fields: ["description", "content", "required"], required: ["content"], { key, _, value in
            switch key {
            case "description": body.description = string(value, "description")
            case "content": body.content = decodeContent(value)
            case "required": body.required = bool(value, "required") ?? false
            default: break
            }
        }) else { return nil }
        body.extensions = extensions
        return body
    }

    func decodeContent(_ node: YAMLNode) -> [MediaType] {
        namedEntries(node, "content").compactMap { contentType, keyNode, value in
            if !contentType.contains("/") {
                error("'\(contentType)' is not a media type; expected one like application/json or text/plain", at: keyNode)
            }
            var media = MediaType(node: value, contentType: contentType)
            guard let extensions = object(value, "the '\(contentType)' Media Type object", fields: ["schema", "example", "examples", "encoding"], { key, _, value in
                switch key {
                case "schema": media.schema = decodeSchema(value)
                case "example": media.examples.append(value)
                case "examples": media.examples += decodeExamples(value)
                case "encoding":
                    media.encoding = namedEntries(value, "encoding").compactMap { name, _, encoding in
                        decodeEncoding(encoding).map { (name, $0) }
                    }
                default: break
                }
            }) else { return nil }
            media.extensions = extensions
            return media
        }
    }

    func decodeEncoding(_ node: YAMLNode) -> Encoding? {
        var encoding = Encoding(node: node)
        let extensions = object(node, "an Encoding object", fields: ["contentType", "headers", "style", "explode", "allowReserved"]) { key, _, value in
            switch key {
            case "contentType": encoding.contentType = string(value, "contentType")
            case "headers": encoding.headers = decodeHeaders(value)
            case "style": encoding.style = decodeStyle(value)
            case "explode": encoding.explode = bool(value, "explode")
            case "allowReserved": encoding.allowReserved = bool(value, "allowReserved") ?? false
            default: break
            }
        }
        guard let extensions else { return nil }
        encoding.extensions = extensions
        return encoding
    }

    func decodeResponses(_ node: YAMLNode) -> ([ResponseEntry], Extensions) {
        var extensions = Extensions()
        guard node.isMapping else {
            error("responses must be a mapping of status codes to responses, but this is \(node.kindDescription)", at: node)
            return ([], extensions)
        }
        var entries: [ResponseEntry] = []
        for (keyNode, value) in node.entries {
            if keyNode.textHasPrefix("x-") {
                extensions.entries.append((keyNode.text ?? "", value))
                continue
            }
            guard let key = responseKey(keyNode) else { continue }
            if let response = decodeReferenceable(value, .response, decodeResponse) {
                entries.append(ResponseEntry(key: key, keyNode: keyNode, response: response))
            }
        }
        if entries.isEmpty, !version.isJSONSchema2020 {
            error("responses must list at least one response", at: node)
        }
        return (entries, extensions)
    }

    private func responseKey(_ node: YAMLNode) -> ResponseKey? {
        let text = node.text ?? ""
        if text == "default" { return .default }
        let bytes = Array(text.utf8)
        if bytes.count == 3, let first = bytes.first, (UInt8(ascii: "1") ... UInt8(ascii: "5")).contains(first) {
            if bytes[1] | 0x20 == UInt8(ascii: "x"), bytes[2] | 0x20 == UInt8(ascii: "x") {
                return .range(Int(first - UInt8(ascii: "0")))
            }
            if let code = Int(text) { return .code(code) }
        }
        error("'\(text)' is not a response key; expected a status code from 100 to 599, a range such as 2XX, or 'default'", at: node)
        return nil
    }

    func decodeResponse(_ node: YAMLNode) -> Response? {
        var response = Response(node: node)
        let required = ["description"]
        guard let extensions = object(node, "a Response object", fields: ["description", "headers", "content", "links"], required: required, { key, _, value in
            switch key {
            case "description": response.description = string(value, "description")
            case "headers": response.headers = decodeHeaders(value)
            case "content": response.content = decodeContent(value)
            case "links":
                response.links = namedEntries(value, "links").compactMap { name, _, link in
                    decodeReferenceable(link, .link, decodeLink).map { (name, $0) }
                }
            default: break
            }
        }) else { return nil }
        response.extensions = extensions
        return response
    }

    func decodeHeaders(_ node: YAMLNode) -> [(name: String, header: Referenceable<Header>)] {
        namedEntries(node, "headers").compactMap { name, _, value in
            decodeReferenceable(value, .header, decodeHeader).map { (name, $0) }
        }
    }

    func decodeHeader(_ node: YAMLNode) -> Header? {
        var header = Header(node: node)
        let fields = ["description", "required", "deprecated", "allowEmptyValue", "style", "explode", "allowReserved", "schema", "example", "examples", "content"]
        guard let extensions = object(node, "a Header object", fields: fields, { key, _, value in
            switch key {
            case "description": header.description = string(value, "description")
            case "required": header.required = bool(value, "required") ?? false
            case "deprecated": header.deprecated = bool(value, "deprecated") ?? false
            case "style":
                header.style = decodeStyle(value)
                if let style = header.style, style != .simple {
                    error("headers use style 'simple'; '\(style.rawValue)' is not allowed here", at: value)
                }
            case "explode": header.explode = bool(value, "explode")
            case "schema": header.schema = decodeSchema(value)
            case "content": header.content = decodeContent(value)
            case "example": break
            case "examples": _ = decodeExamples(value)
            default: break
            }
        }) else { return nil }
        header.extensions = extensions
        checkSchemaOrContent(schema: header.schema, content: header.content, in: node, what: "this header")
        return header
    }

    func decodeLink(_ node: YAMLNode) -> Link? {
        var link = Link(node: node)
        let fields = ["operationRef", "operationId", "parameters", "requestBody", "description", "server"]
        let extensions = object(node, "a Link object", fields: fields) { key, _, value in
            switch key {
            case "operationRef": link.operationRef = string(value, "operationRef")
            case "operationId": link.operationId = string(value, "operationId")
            case "description": link.description = string(value, "description")
            default: break
            }
        }
        guard let extensions else { return nil }
        link.extensions = extensions
        return link
    }

    func decodeExample(_ node: YAMLNode) -> Example? {
        var example = Example(node: node)
        let extensions = object(node, "an Example object", fields: ["summary", "description", "value", "externalValue"]) { key, _, value in
            switch key {
            case "summary": example.summary = string(value, "summary")
            case "description": example.description = string(value, "description")
            case "value": example.value = value
            case "externalValue": example.externalValue = string(value, "externalValue")
            default: break
            }
        }
        if node["value"] != nil, let external = node["externalValue"] {
            error("an example has either 'value' or 'externalValue', not both", at: external)
        }
        guard let extensions else { return nil }
        example.extensions = extensions
        return example
    }

    func decodeCallback(_ node: YAMLNode) -> Callback? {
        guard node.isMapping else {
            error("a Callback object must be a mapping of expressions to path items, but this is \(node.kindDescription)", at: node)
            return nil
        }
        var callback = Callback(node: node)
        for (keyNode, value) in node.entries {
            if keyNode.textHasPrefix("x-") {
                callback.extensions.entries.append((keyNode.text ?? "", value))
                continue
            }
            if let item = decodePathItem(value, path: keyNode.text ?? "") {
                callback.expressions.append((keyNode.text ?? "", item))
            }
        }
        return callback
    }
}
