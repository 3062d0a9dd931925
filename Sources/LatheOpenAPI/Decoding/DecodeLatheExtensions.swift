import LatheDiagnostics
import LatheYAML

/// Lathe's vendor extensions. A mistake in one is a warning (`lathe-extension`), never an error: the
/// spec is still valid OpenAPI, and the scheme or response is generated as if the extension were absent.
extension DocumentDecoder {
    func decodeLatheExtensions(of scheme: inout SecurityScheme) {
        if let node = scheme.extensions["x-lathe-api-key-prefix"] {
            if let text = node.text, node.scalarType == .string, !text.isEmpty, !text.contains(" ") {
                scheme.apiKeyPrefix = text
            } else {
                extensionWarning(
                    "'x-lathe-api-key-prefix' is the word sent before the key, such as 'Token'; it is ignored", at: node
                )
            }
        }
        guard let node = scheme.extensions["x-lathe-request-signature"] else { return }
        guard case .apiKey(_, .header) = scheme.kind else {
            extensionWarning(
                "'x-lathe-request-signature' belongs on an apiKey scheme in a header (the header the signature is "
                    + "sent in)",
                at: node)
            scheme.requestSigning = .unusable
            return
        }
        scheme.requestSigning = decodeRequestSigning(node).map(RequestSigningExtension.signs) ?? .unusable
    }

    private func decodeRequestSigning(_ node: YAMLNode) -> RequestSigning? {
        let fields = ["algorithm", "timestampHeader", "timestampTolerance", "bodyHash", "stringToSign"]
        guard node.isMapping else {
            extensionWarning("'x-lathe-request-signature' is a mapping (\(fields.joined(separator: ", ")))", at: node)
            return nil
        }
        diagnostics.unknownFields(of: node, in: "'x-lathe-request-signature'", fields: fields, allowsExtensions: false)
        guard let algorithm = node["algorithm"], algorithm.textEquals("hmac-sha512") else {
            extensionWarning("Lathe signs requests with 'algorithm: hmac-sha512' only", at: node["algorithm"] ?? node)
            return nil
        }
        guard let timestamp = node["timestampHeader"]?.text, !timestamp.isEmpty else {
            extensionWarning(
                "'x-lathe-request-signature' needs 'timestampHeader', the header the signed Unix time is sent in",
                at: node)
            return nil
        }
        var tolerance = 300
        if let toleranceNode = node["timestampTolerance"] {
            guard toleranceNode.scalarType == .int, let seconds = Int(toleranceNode.text ?? ""), seconds > 0 else {
                extensionWarning("'timestampTolerance' is a positive number of seconds", at: toleranceNode)
                return nil
            }
            tolerance = seconds
        }
        if let bodyHash = node["bodyHash"], !bodyHash.textEquals("sorted-compact-json") {
            extensionWarning("Lathe hashes bodies as 'sorted-compact-json' only", at: bodyHash)
            return nil
        }
        let allowed = RequestSigning.componentNames
        guard let parts = node["stringToSign"], parts.isSequence, parts.count > 0 else {
            extensionWarning(
                "'stringToSign' lists what is signed, in order: \(allowed.joined(separator: ", "))",
                at: node["stringToSign"] ?? node)
            return nil
        }
        var components: [String] = []
        for part in parts.items {
            guard let text = part.text, allowed.contains(text) else {
                extensionWarning(
                    "'\(part.text ?? part.kindDescription)' cannot be signed; "
                        + "the parts are \(allowed.joined(separator: ", "))",
                    at: part)
                return nil
            }
            components.append(text)
        }
        return RequestSigning(timestampHeader: timestamp, tolerance: tolerance, components: components)
    }

    /// `x-lathe-failure-when: {property: [...], equals: [...], message: [...]}`.
    func decodeFailureCondition(_ node: YAMLNode) -> FailureCondition? {
        func path(_ field: String) -> [String]? {
            guard let list = node[field], list.isSequence, list.count > 0, list.items.allSatisfy(\.isScalar) else {
                return nil
            }
            return list.items.map { $0.text ?? "" }
        }
        guard node.isMapping, let property = path("property") else {
            extensionWarning(
                "'x-lathe-failure-when' needs 'property', the path to the member to test (such as [Result, "
                    + "Code]); it is ignored",
                at: node)
            return nil
        }
        diagnostics.unknownFields(
            of: node, in: "'x-lathe-failure-when'", fields: ["property", "equals", "message"], allowsExtensions: false)
        let equals = node["equals"]
        let values = equals?.isScalar == true ? [equals?.text ?? ""] : (equals?.items.compactMap(\.text) ?? [])
        guard !values.isEmpty else {
            extensionWarning(
                "'x-lathe-failure-when' needs 'equals', the values that mean failure; it is ignored", at: equals ?? node
            )
            return nil
        }
        let messagePath = path("message")
        if let message = node["message"], messagePath == nil {
            extensionWarning(
                "'message' is the path to the text that explains the failure (such as [Messages, 0, Summary])",
                at: message)
        }
        return FailureCondition(property: property, values: values, message: messagePath)
    }

    private func extensionWarning(_ message: String, at node: YAMLNode) {
        warning(message, at: node, kind: "lathe-extension")
    }
}
