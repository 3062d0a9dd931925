import LatheDiagnostics
import LatheYAML

extension DocumentDecoder {
    /// A defect never switches authentication off: a requirement Lathe cannot read becomes one
    /// on a scheme no server admits (`unreadableRequirement`), a mapping is read as a one-item
    /// list, and only an empty value (`security:`) is read as absent (inherited).
    func decodeSecurityRequirements(_ node: YAMLNode) -> [SecurityRequirement]? {
        if node.isMapping {
            error(
                "security must be a list of requirements, but this is a mapping", at: node,
                kind: "security-requirement-invalid", reading: "Lathe reads it as a list of that one requirement")
            return decodeSecurityRequirementList([node])
        }
        if node.isScalar, node.scalarType != .null {
            error(
                "security must be a list of requirements, but this is \(node.kindDescription)", at: node,
                kind: "security-requirement-invalid", reading: Self.unreadableRequirementReading)
            return [SecurityRequirement(node: node, schemes: [(Self.unreadableRequirement, node, [])])]
        }
        guard let items = list(node, "security") else { return nil }
        return decodeSecurityRequirementList(Array(items))
    }

    /// The scheme an unreadable requirement names: it is defined nowhere, so it lowers to a scheme
    /// the client leaves to the transport and a generated server never admits on.
    static let unreadableRequirement = "unreadable security requirement"
    static let unreadableRequirementReading =
        "Lathe reads it as a requirement no request can meet, so the operation stays closed"

    private func decodeSecurityRequirementList(_ items: [YAMLNode]) -> [SecurityRequirement] {
        var requirements: [SecurityRequirement] = []
        for item in items {
            if item.isScalar, item.scalarType == .string, let name = item.text {
                error(
                    "each security requirement must be a mapping of scheme names to scope lists (for example '- "
                        + "apiKey: []'), but this is a string",
                    at: item, kind: "security-requirement-invalid", reading: "Lathe reads it as {\(name): []}")
                requirements.append(SecurityRequirement(node: item, schemes: [(name, item, [])]))
                continue
            }
            guard item.isMapping else {
                error(
                    "each security requirement must be a mapping of scheme names to scope lists (for example '- "
                        + "apiKey: []'), but this is \(item.kindDescription)",
                    at: item, kind: "security-requirement-invalid", reading: Self.unreadableRequirementReading)
                requirements.append(SecurityRequirement(node: item, schemes: [(Self.unreadableRequirement, item, [])]))
                continue
            }
            var requirement = SecurityRequirement(node: item, schemes: [])
            for (keyNode, value) in item.entries {
                var scopes: [String] = []
                if value.isSequence {
                    scopes = stringList(value, "scopes")
                } else if value.isScalar, value.scalarType == .string, let scope = value.text {
                    error(
                        "the scopes of security scheme '\(keyNode.text ?? "")' must be a list (use [] for none), "
                            + "but this is a string",
                        at: value, kind: "security-scopes-invalid", reading: "Lathe reads it as [\(scope)]")
                    scopes = [scope]
                } else {
                    // Leaving the scheme out would leave `{}`, which admits anyone.
                    error(
                        "the scopes of security scheme '\(keyNode.text ?? "")' must be a list (use [] for none), "
                            + "but this is \(value.kindDescription)",
                        at: value, kind: "security-scopes-invalid", reading: "Lathe reads it as [] (no scopes)")
                }
                requirement.schemes.append((schemeName(keyNode.text ?? ""), keyNode, scopes))
            }
            requirements.append(requirement)
        }
        return requirements
    }

    /// The scheme a requirement names: in 3.2, a key may be a URI reference to one
    /// (`'#/components/securitySchemes/api_key'`), read as that component's name; a name that is a
    /// component's stays one.
    private func schemeName(_ key: String) -> String {
        let prefix = "#/components/securitySchemes/"
        guard version.minor >= 2, key.hasPrefix(prefix) else { return key }
        let token = key.dropFirst(prefix.count)
        guard !token.contains("/"), let decoded = PercentEncoding.decode(String(token)),
            let name = JSONPointer.unescape(Substring(decoded))
        else { return key }
        return name
    }

    /// What `lathe generate` does with a security scheme it cannot use.
    static let unusableSchemeReading =
        "Lathe leaves the scheme to the transport, and a generated server admits no request on it without a check "
        + "you supply"

    func decodeSecurityScheme(_ node: YAMLNode) -> SecurityScheme? {
        var type: String?
        var typeNode: YAMLNode?
        var name: String?
        var location: ParameterLocation?
        var scheme: String?
        var bearerFormat: String?
        var flows: [OAuthFlow] = []
        var openIdConnectUrl: String?
        var description: String?
        let fields =
            ["type", "description", "name", "in", "scheme", "bearerFormat", "flows", "openIdConnectUrl"]
            + since32(["oauth2MetadataUrl", "deprecated"])
        let missing = ["type": Self.unusableSchemeReading]
        guard
            let extensions = object(
                node, "a Security Scheme object", fields: fields, required: ["type"], missing: missing,
                { key, _, value in
                    switch key {
                    case "type":
                        type = string(value, "type")
                        typeNode = value
                    case "description": description = string(value, "description")
                    case "name": name = string(value, "name")
                    case "in":
                        guard let text = string(value, "'in'") else { return }
                        location = ParameterLocation(rawValue: text)
                        if location == nil || location == .path || location == .querystring {
                            error(
                                "an apiKey goes 'in' query, header or cookie, not '\(text)'", at: value,
                                kind: "security-scheme-incomplete", reading: Self.unusableSchemeReading)
                            location = nil
                        }
                    // As written: HTTP ignores its case, but a scheme sent as a word before a key
                    // (`Token`) goes as the spec spells it, for servers that do not.
                    case "scheme": scheme = string(value, "scheme")
                    case "bearerFormat": bearerFormat = string(value, "bearerFormat")
                    case "flows": flows = decodeOAuthFlows(value)
                    case "openIdConnectUrl": openIdConnectUrl = string(value, "openIdConnectUrl")
                    default: break
                    }
                })
        else { return nil }
        guard var type, let typeNode else { return nil }
        // Polaris' `type: apikey`: a type in another case is that type.
        if let spelled = Self.securitySchemeTypes.first(where: { $0 != type && $0.lowercased() == type.lowercased() }) {
            error(
                "'\(type)' is not a security scheme type; the type is spelled '\(spelled)'", at: typeNode,
                kind: "security-scheme-type-unknown", reading: "Lathe reads it as \(spelled)")
            type = spelled
        }

        let kind: SecurityScheme.Kind
        switch type {
        case "apiKey":
            guard let name, let location else {
                // A wrong 'in' has its own error already.
                if name == nil || node["in"] == nil {
                    error(
                        "an apiKey security scheme needs 'name' and 'in' (query, header or cookie)", at: node,
                        kind: "security-scheme-incomplete", reading: Self.unusableSchemeReading)
                }
                return nil
            }
            kind = .apiKey(name: name, location: location)
        case "http":
            guard let scheme else {
                if bearerFormat != nil {
                    error(
                        "an http security scheme needs 'scheme' (for example basic or bearer)", at: node,
                        kind: "security-scheme-incomplete",
                        reading: "Lathe reads it as bearer, since it has a bearerFormat")
                    kind = .http(scheme: "bearer", bearerFormat: bearerFormat)
                    break
                }
                error(
                    "an http security scheme needs 'scheme' (for example basic or bearer)", at: node,
                    kind: "security-scheme-incomplete", reading: Self.unusableSchemeReading)
                return nil
            }
            kind = .http(scheme: scheme, bearerFormat: bearerFormat)
        case "oauth2":
            if node["flows"] == nil {
                error(
                    "an oauth2 security scheme needs 'flows'", at: node, kind: "security-scheme-incomplete",
                    reading: "Lathe treats it as OAuth 2 with a bearer token")
            }
            kind = .oauth2(flows: flows)
        case "openIdConnect":
            if openIdConnectUrl == nil {
                error(
                    "an openIdConnect security scheme needs 'openIdConnectUrl'", at: node,
                    kind: "security-scheme-incomplete", reading: "Lathe treats it as OpenID Connect (a bearer token)")
            }
            kind = .openIdConnect(url: openIdConnectUrl ?? "")
        case "mutualTLS":
            if !version.isJSONSchema2020 {
                warning(
                    "mutualTLS is new in OpenAPI 3.1; this document says \(version)", at: typeNode,
                    kind: "version-feature")
            }
            kind = .mutualTLS
        default:
            error(
                "'\(type)' is not a security scheme type; expected apiKey, http, oauth2, openIdConnect or mutualTLS",
                at: typeNode, kind: "security-scheme-type-unknown", reading: Self.unusableSchemeReading)
            return nil
        }
        var decoded = SecurityScheme(node: node, kind: kind, description: description, extensions: extensions)
        decodeLatheExtensions(of: &decoded)
        return decoded
    }

    private static let securitySchemeTypes = ["apiKey", "http", "oauth2", "openIdConnect", "mutualTLS"]

    private func decodeOAuthFlows(_ node: YAMLNode) -> [OAuthFlow] {
        guard let node = followReference(node, "OAuth flows") else { return [] }
        var flows: [OAuthFlow] = []
        // 3.2's device authorization flow is known, and left to the caller as every flow's token is.
        let fields = OAuthFlow.Kind.allCases.map(\.rawValue) + since32(["deviceAuthorization"])
        object(node, "an OAuth Flows object", fields: fields) { key, _, value in
            guard let kind = OAuthFlow.Kind(rawValue: key) else { return }
            var flow = OAuthFlow(kind: kind, scopes: [])
            var required = ["scopes"]
            if kind == .implicit || kind == .authorizationCode { required.append("authorizationUrl") }
            if kind != .implicit { required.append("tokenUrl") }
            let extensions = object(
                value, "the \(key) flow", fields: ["authorizationUrl", "tokenUrl", "refreshUrl", "scopes"],
                required: required
            ) { key, _, value in
                switch key {
                case "authorizationUrl": flow.authorizationUrl = string(value, "authorizationUrl")
                case "tokenUrl": flow.tokenUrl = string(value, "tokenUrl")
                case "refreshUrl": flow.refreshUrl = string(value, "refreshUrl")
                case "scopes": flow.scopes = namedEntries(value, "scopes").map(\.name)
                default: break
                }
            }
            flow.extensions = extensions ?? Extensions()
            flows.append(flow)
        }
        return flows
    }
}
