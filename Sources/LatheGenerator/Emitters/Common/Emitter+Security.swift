import LatheIR

/// How security schemes are spelled, for the client and the server alike.
extension Emitter {
    /// The runtime's description of a signing scheme, as a Swift expression.
    func signatureScheme(_ signature: IRRequestSignature) -> String {
        let components = signature.components.map { ".\(SwiftNames.memberName($0))" }.joined(separator: ", ")
        return
            "\(Runtime.requestSignature)(header: \(SwiftLiteral.string(signature.header)), timestampHeader: "
            + "\(SwiftLiteral.string(signature.timestampHeader)), tolerance: \(signature.tolerance), components: "
            + "[\(components)])"
    }

    func credentialType(_ scheme: IRSecurityScheme) -> String {
        switch scheme.kind {
        case .apiKey: "\(Runtime.apiKeyCredential)"
        case .requestSignature: "\(Runtime.requestSigningSecret)"
        case .basic: "\(Runtime.basicCredentials)"
        case .bearer, .oauth2: "\(Runtime.bearerTokenProvider)"
        case .unsupported: "Swift.Never"
        }
    }

    func schemeNote(_ scheme: IRSecurityScheme) -> String {
        switch scheme.kind {
        case .apiKey(let name, let location, nil):
            "`\(scheme.name.original)`: an API key in the \(location.rawValue) `\(name)`."
        case .apiKey(let name, let location, let prefix?):
            "`\(scheme.name.original)`: an API key in the \(location.rawValue) `\(name)`, "
                + "sent as `\(prefix) <key>` (give the key alone)."
        case .requestSignature(let signature):
            "`\(scheme.name.original)`: the secret that signs each request (HMAC-SHA512 in `\(signature.header)`, "
                + "with the time in `\(signature.timestampHeader)`); it is never sent."
        case .basic: "`\(scheme.name.original)`: HTTP Basic."
        case .bearer: "`\(scheme.name.original)`: a bearer token."
        case .oauth2: "`\(scheme.name.original)`: OAuth 2 / OpenID Connect, sent as a bearer token."
        case .unsupported(let what): "`\(scheme.name.original)`: \(what), which the transport must handle."
        }
    }
}
