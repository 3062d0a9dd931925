import LatheDiagnostics
import LatheYAML

extension DocumentDecoder {
    /// Decodes the root document and everything its refs reach. Returns `nil` only when the file is
    /// not an OpenAPI 3.0 to 3.2 document at all; otherwise a best-effort document beside the diagnostics.
    func decodeDocument(_ root: YAMLNode) -> OpenAPIDocument? {
        guard root.isMapping else {
            error(
                "expected an OpenAPI document (a mapping with 'openapi', 'info' and 'paths' at the top), "
                    + "but the file holds \(root.kindDescription)",
                at: root, kind: "not-openapi")
            return nil
        }
        guard decodeVersion(root) else { return nil }
        // Before any reference is resolved: `$self` may come after the first.
        if version.minor >= 2, let text = root["$self"]?.text, ["http", "https"].contains(uriScheme(text)) {
            selfURI = (text, root.tree)
        }

        var info: Info?
        var document = OpenAPIDocument(
            node: root, version: version,
            info: Info(node: root, title: "", version: ""),
            components: Components(), store: ComponentStore()
        )
        let fields31 = [
            "openapi", "info", "jsonSchemaDialect", "servers", "paths", "webhooks", "components", "security", "tags",
            "externalDocs",
        ]
        let fields = fields31 + since32(["$self"])
        let required = version.isJSONSchema2020 ? ["openapi", "info"] : ["openapi", "info", "paths"]
        let misplacedSchemes = misplacedSecuritySchemes(root)
        let extensions = object(
            root, "the OpenAPI document", fields: fields, required: required,
            readElsewhere: misplacedSchemes == nil ? [] : ["securitySchemes"]
        ) { key, _, value in
            switch key {
            case "info": info = decodeInfo(value)
            case "jsonSchemaDialect": document.jsonSchemaDialect = string(value, "jsonSchemaDialect")
            case "servers": document.servers = decodeServers(value)
            case "paths": (document.paths, document.pathsExtensions) = decodePaths(value)
            case "webhooks": document.webhooks = decodeWebhooks(value)
            case "components": document.components = decodeComponents(value)
            case "security": document.security = decodeSecurityRequirements(value)
            case "tags": document.tags = decodeTags(value)
            case "externalDocs": document.externalDocs = decodeExternalDocs(value)
            default: break
            }
        }
        if version.isJSONSchema2020, root["paths"] == nil, root["components"] == nil, root["webhooks"] == nil {
            error(
                "an OpenAPI 3.1 document needs at least one of 'paths', 'components' or 'webhooks'", at: root,
                kind: "document-empty", reading: "Lathe generates nothing from it")
        }
        if let extensionWebhooks = root.entries.first(where: { $0.key.text == "x-webhooks" }) {
            if document.webhooks.isEmpty {
                document.webhooks = decodeExtensionWebhooks(extensionWebhooks.value, keyNode: extensionWebhooks.key)
            } else {
                warning(
                    "'x-webhooks' beside 'webhooks' is ignored: the document's webhooks are those under 'webhooks'",
                    at: extensionWebhooks.key, kind: "x-webhooks")
            }
        }
        if let (keyNode, value) = misplacedSchemes {
            error(
                "'securitySchemes' stands at the document's root; it belongs under 'components'", at: keyNode,
                kind: "section-outside-components", reading: "Lathe reads it as components/securitySchemes")
            document.components.securitySchemes = decodeSection(
                .securityScheme, value, at: "/securitySchemes", in: root.tree)
        }
        document.extensions = extensions ?? Extensions()
        if let info { document.info = info }
        drainPending()
        document.store = store
        // Path items given by `$ref` take their operations from the (now decoded) targets.
        document.paths = document.paths.map { ($0.path, $0.pathNode, store.resolvedPathItem($0.item, path: $0.path)) }
        document.webhooks = document.webhooks.map { ($0.name, store.resolvedPathItem($0.item, path: $0.name)) }
        return document
    }

    /// Reads `openapi` (or recognises `swagger`) and decides whether Lathe can read this document.
    private func decodeVersion(_ root: YAMLNode) -> Bool {
        if let swagger = root["swagger"] {
            error(
                "this is a Swagger \(swagger.text ?? "2.0") document; Lathe reads OpenAPI 3.0.x to 3.2.x, "
                    + "not Swagger 2.0 yet. Convert it to OpenAPI 3 first (for example with swagger2openapi)",
                at: swagger, kind: "unsupported-version")
            return false
        }
        guard let node = root["openapi"] else {
            error(
                "missing the 'openapi' field that says which OpenAPI version this is (for example openapi: 3.1.0)",
                at: root, kind: "not-openapi")
            return false
        }
        guard let text = string(node, "'openapi'") else { return false }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        let numbers = parts.prefix(3).map { part in Int(part.prefix { $0.isNumber }) }
        guard numbers.count >= 2, let major = numbers[0], let minor = numbers[1] else {
            error(
                "'\(text)' is not an OpenAPI version; expected one like 3.0.3 or 3.1.1", at: node, kind: "not-openapi")
            return false
        }
        let patch = numbers.count > 2 ? (numbers[2] ?? 0) : 0
        guard major == 3, minor <= 2 else {
            let what = major == 3 ? "OpenAPI \(major).\(minor)" : "OpenAPI version \(text)"
            error(
                "\(what) is not supported yet; Lathe reads OpenAPI 3.0.x, 3.1.x and 3.2.x", at: node,
                kind: "unsupported-version")
            return false
        }
        if parts.count < 3 {
            warning(
                "'openapi: \(text)' should name a full version such as \(major).\(minor).0 (quote it so YAML "
                    + "keeps it text); reading it as \(major).\(minor)",
                at: node, kind: "version-incomplete")
        }
        version = SpecVersion(major: major, minor: minor, patch: patch, text: text)
        return true
    }

    /// Decodes every queued `$ref` target, which may queue more, in the order they were found.
    func drainPending() {
        var next = 0
        while next < pending.count {
            let (kind, key, node) = pending[next]
            next += 1
            let decoded: Bool
            switch kind {
            case .schema:
                store.schemas[key] = decodeSchema(node)
                decoded = true
            case .parameter:
                decoded = put(&store.parameters, decodeReferenceable(node, .parameter, decodeParameter), key)
            case .response: decoded = put(&store.responses, decodeReferenceable(node, .response, decodeResponse), key)
            case .requestBody:
                decoded = put(&store.requestBodies, decodeReferenceable(node, .requestBody, decodeRequestBody), key)
            case .header: decoded = put(&store.headers, decodeReferenceable(node, .header, decodeHeader), key)
            case .example: decoded = put(&store.examples, decodeReferenceable(node, .example, decodeExample), key)
            case .link: decoded = put(&store.links, decodeReferenceable(node, .link, decodeLink), key)
            case .callback: decoded = put(&store.callbacks, decodeReferenceable(node, .callback, decodeCallback), key)
            case .securityScheme:
                decoded = put(
                    &store.securitySchemes, decodeReferenceable(node, .securityScheme, decodeSecurityScheme), key)
            case .pathItem:
                store.pathItems[key] = decodePathItem(node, path: "")
                decoded = store.pathItems[key] != nil
            }
            if !decoded { store.undecoded[key] = node }
        }
    }

    /// `value` into `table` at `key`; whether there was one.
    private func put<T>(_ table: inout [String: Referenceable<T>], _ value: Referenceable<T>?, _ key: String) -> Bool {
        table[key] = value
        return value != nil
    }

    /// An object given inline or as a Reference Object (`$ref`, and in 3.1 `summary`/`description`).
    func decodeReferenceable<T>(
        _ node: YAMLNode, _ kind: ComponentKind, _ decode: (YAMLNode) -> T?
    ) -> Referenceable<T>? {
        guard node.isMapping, let refNode = node["$ref"] else {
            return decode(node).map(Referenceable.value)
        }
        let allowedSiblings = version.isJSONSchema2020 ? ["$ref", "summary", "description"] : ["$ref"]
        for (key, _) in node.entries where !key.textHasPrefix("x-") && !allowedSiblings.contains(key.text ?? "") {
            warning(
                "'\(key.text ?? "")' beside '$ref' is ignored: a reference to \(kind.noun) takes everything from "
                    + "its target",
                at: key, kind: "ref-sibling-ignored")
        }
        guard var reference = reference(refNode, kind: kind) else { return nil }
        if version.isJSONSchema2020 {
            reference.summary = node["summary"].flatMap { string($0, "summary") }
            reference.description = node["description"].flatMap { string($0, "description") }
        }
        return .reference(reference)
    }

    // MARK: Components

    func decodeComponents(_ node: YAMLNode) -> Components {
        guard let node = followReference(node, "components") else { return Components() }
        var components = Components()
        // 3.2's `mediaTypes` are read where a `$ref` reaches them.
        let fields = ComponentKind.allCases.map(\.rawValue) + since32(["mediaTypes"])
        var outsideSections: Set<String> = []
        for entry in node.entries {
            guard let name = entry.key.text, Self.schemaOutsideSection(name, in: node) != nil else { continue }
            warning(
                "'\(name)' stands in components beside its sections, and is a schema: indented one level short of "
                    + "'schemas'; Lathe reads it where a $ref to '#/components/schemas/\(name)' points, and "
                    + "generates nothing for it otherwise", at: entry.key, kind: "component-outside-section")
            outsideSections.insert(name)
        }
        let extensions = object(node, "components", fields: fields, readElsewhere: outsideSections) { key, _, value in
            guard let kind = ComponentKind(rawValue: key) else { return }
            if kind == .pathItem, !version.isJSONSchema2020 {
                warning(
                    "components/pathItems is new in OpenAPI 3.1; this document says \(version)", at: value,
                    kind: "version-feature")
            }
            let named = decodeSection(kind, value, at: "/components/\(key)", in: node.tree)
            switch kind {
            case .schema: components.schemas = named
            case .response: components.responses = named
            case .parameter: components.parameters = named
            case .example: components.examples = named
            case .requestBody: components.requestBodies = named
            case .header: components.headers = named
            case .securityScheme: components.securitySchemes = named
            case .link: components.links = named
            case .callback: components.callbacks = named
            case .pathItem: components.pathItems = named
            }
        }
        components.extensions = extensions ?? Extensions()
        return components
    }

    /// A section of components (`schemas`), each entry queued for decoding under its canonical key.
    private func decodeSection(
        _ kind: ComponentKind, _ value: YAMLNode, at pointer: String, in tree: YAMLTree
    ) -> [(name: String, key: String)] {
        var named: [(name: String, key: String)] = []
        for (name, keyNode, entry) in namedEntries(value, String(pointer.dropFirst())) {
            if !Self.isComponentName(name) {
                warning(
                    "component name '\(name)' has characters OpenAPI does not allow in component names "
                        + "(letters, digits, '.', '-' and '_')",
                    at: keyNode, kind: "component-name")
            }
            // A section given as a `$ref` to another file has its entries there.
            let canonical =
                entry.tree === tree
                ? canonicalKey(file: tree, pointer: pointer + "/" + JSONPointer.escape(name))
                : canonicalKey(file: entry.tree, pointer: entry.pointer)
            enqueue(kind, key: canonical, node: entry)
            named.append((name, canonical))
        }
        return named
    }

    /// web-lgsm's `securitySchemes:` at the document's root, where `components` has none: the
    /// schemes its security requirements name, one level out of place. Schemes are found by name,
    /// not by `$ref`, so no pointer would reach them there.
    private func misplacedSecuritySchemes(_ root: YAMLNode) -> (key: YAMLNode, value: YAMLNode)? {
        guard let entry = root.entries.first(where: { $0.key.text == "securitySchemes" }), entry.value.isMapping,
            root["components"]?["securitySchemes"] == nil
        else { return nil }
        return (entry.key, entry.value)
    }

    /// `^[a-zA-Z0-9.\-_]+$`, as OpenAPI requires of component names.
    static func isComponentName(_ name: String) -> Bool {
        !name.isEmpty
            && name.utf8.allSatisfy { byte in
                switch byte {
                case UInt8(ascii: "a") ... UInt8(ascii: "z"), UInt8(ascii: "A") ... UInt8(ascii: "Z"),
                    UInt8(ascii: "0") ... UInt8(ascii: "9"),
                    UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "_"):
                    true
                default:
                    false
                }
            }
    }

    // MARK: Info, servers, tags

    func decodeInfo(_ node: YAMLNode) -> Info? {
        guard let node = followReference(node, "the Info object") else { return nil }
        var info = Info(node: node, title: "", version: "")
        let fields = ["title", "summary", "description", "termsOfService", "contact", "license", "version"]
        guard
            let extensions = object(
                node, "the Info object", fields: fields, required: ["title", "version"],
                { key, _, value in
                    switch key {
                    case "title": info.title = string(value, "title") ?? ""
                    case "version": info.version = string(value, "info.version") ?? ""
                    case "summary": info.summary = string(value, "summary")
                    case "description": info.description = string(value, "description")
                    case "termsOfService": info.termsOfService = string(value, "termsOfService")
                    case "contact": info.contact = value
                    case "license": info.license = value
                    default: break
                    }
                })
        else { return nil }
        info.extensions = extensions
        return info
    }

    func decodeServers(_ node: YAMLNode) -> [Server] {
        guard let items = list(node, "servers") else { return [] }
        return items.compactMap { item in
            var server = Server(node: item, url: "")
            let extensions = object(
                item, "a Server object", fields: ["url", "description", "variables"] + since32(["name"]),
                required: ["url"]
            ) { key, _, value in
                switch key {
                case "url": server.url = string(value, "the server url") ?? ""
                case "name": server.name = string(value, "the server name")
                case "description": server.description = string(value, "description")
                case "variables":
                    for (name, _, variable) in namedEntries(value, "server variables") {
                        var decoded = ServerVariable(name: name, defaultValue: "")
                        object(
                            variable, "a Server Variable object", fields: ["enum", "default", "description"],
                            required: ["default"]
                        ) { key, _, value in
                            switch key {
                            case "default": decoded.defaultValue = string(value, "default") ?? ""
                            case "enum": decoded.enumValues = stringList(value, "enum")
                            case "description": decoded.description = string(value, "description")
                            default: break
                            }
                        }
                        server.variables.append(decoded)
                    }
                default: break
                }
            }
            guard let extensions else { return nil }
            server.extensions = extensions
            return server
        }
    }

    func decodeTags(_ node: YAMLNode) -> [Tag] {
        guard let items = list(node, "tags") else { return [] }
        return items.compactMap { item in
            var tag = Tag(node: item, name: "")
            let extensions = object(
                item, "a Tag object",
                fields: ["name", "description", "externalDocs"] + since32(["summary", "parent", "kind"]),
                required: ["name"]
            ) { key, _, value in
                switch key {
                case "name": tag.name = string(value, "the tag name") ?? ""
                case "description": tag.description = string(value, "description")
                case "externalDocs": tag.externalDocs = decodeExternalDocs(value)
                default: break
                }
            }
            guard let extensions else { return nil }
            tag.extensions = extensions
            return tag
        }
    }

    func decodeExternalDocs(_ node: YAMLNode) -> ExternalDocs? {
        guard let node = followReference(node, "externalDocs") else { return nil }
        var docs = ExternalDocs(node: node, url: "")
        let extensions = object(
            node, "an External Documentation object", fields: ["url", "description"], required: ["url"]
        ) { key, _, value in
            switch key {
            case "url": docs.url = string(value, "url") ?? ""
            case "description": docs.description = string(value, "description")
            default: break
            }
        }
        guard let extensions else { return nil }
        docs.extensions = extensions
        return docs
    }
}
