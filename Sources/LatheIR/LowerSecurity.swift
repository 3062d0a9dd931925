import LatheOpenAPI

/// The security schemes a module's operations use, in order, by name; each with a member name
/// unique among them.
struct SecuritySchemes {
    private(set) var all: [IRSecurityScheme] = []
    private var indices: [String: Int] = [:]
    private var names = NameScope(reserved: SwiftNames.reservedMemberNames)

    func index(of name: String) -> Int? { indices[name] }

    @discardableResult
    mutating func add(_ name: String, kind: IRSecurityScheme.Kind, docs: IRDocs, source: IRSource) -> Int {
        indices[name] = all.count
        all.append(
            IRSecurityScheme(
                name: IRName(original: name, swift: names.claim(SwiftNames.memberName(name))), kind: kind, docs: docs,
                source: source))
        return all.count - 1
    }
}

extension Lowerer {
    func lowerSecuritySchemes() {
        for (name, scheme) in document.componentSecuritySchemes {
            var kind: IRSecurityScheme.Kind
            switch scheme.kind {
            case .apiKey(let header, let location):
                kind = .apiKey(
                    name: header, location: IRParameterLocation(rawValue: location.rawValue)!,
                    prefix: scheme.apiKeyPrefix)
                if case .signs(let signing)? = scheme.requestSigning {
                    kind = .requestSignature(
                        IRRequestSignature(
                            header: header, timestampHeader: signing.timestampHeader, tolerance: signing.tolerance,
                            components: signing.components))
                }
            case .http(let written, _):
                // White space around the name is no part of it (`'Bearer '`).
                let httpScheme = String(
                    written.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
                switch httpScheme.lowercased() {
                case "basic": kind = .basic
                case "bearer": kind = .bearer
                case let name where Self.exchangedHTTPSchemes.contains(name):
                    kind = .unsupported("HTTP \(name) authentication")
                case _ where !Self.isToken(httpScheme):
                    kind = .unsupported("HTTP authentication with the scheme '\(written)', which is no scheme name")
                // Any other scheme sends a credential of its own after its name (RFC 9110 §11.4):
                // ZeroTier's `token` is `Authorization: token <key>`, as an API key with that prefix.
                default: kind = .apiKey(name: "Authorization", location: .header, prefix: httpScheme)
                }
            case .oauth2, .openIdConnect: kind = .oauth2
            case .mutualTLS: kind = .unsupported("mutual TLS")
            }
            // Sending a scheme that should sign as a plain API key would put the secret on the wire.
            if scheme.requestSigning == .unusable {
                kind = .unsupported("request signing ('x-lathe-request-signature')")
            }
            if case .unsupported(let what) = kind {
                warning(
                    "Lathe does not apply \(what) itself; configure it in the transport", at: scheme.origin,
                    kind: "security-scheme-unsupported")
            }
            securitySchemes.add(
                name, kind: kind, docs: IRDocs(description: scheme.description), source: source(scheme.origin))
        }
    }

    /// HTTP authentication schemes whose credentials are not one value the client holds: worked out
    /// with the server over several requests, or computed from the request (IANA's registry, with
    /// OAuth 1.0's and HTTP Signatures' `oauth` and `signature`).
    static let exchangedHTTPSchemes: Set<String> = [
        "digest", "negotiate", "ntlm", "hoba", "mutual", "scram-sha-1", "scram-sha-256", "vapid", "dpop",
        "privatetoken", "concealed", "aws4-hmac-sha256", "oauth", "signature",
    ]

    /// Whether `name` is an RFC 9110 token, as an authentication scheme's name is.
    static func isToken(_ name: String) -> Bool {
        !name.isEmpty
            && name.utf8.allSatisfy { byte in
                (0x30 ... 0x39).contains(byte) || (0x41 ... 0x5A).contains(byte) || (0x61 ... 0x7A).contains(byte)
                    || "!#$%&'*+-.^_`|~".utf8.contains(byte)
            }
    }

    /// A scheme a requirement names that is undefined or could not be read (both reported while
    /// decoding): dropping it from the requirement could leave `{}`, which admits anyone, so it
    /// stays, as a scheme the client leaves to the transport and the server never admits on.
    func unusableScheme(_ name: String, at origin: Origin) -> Int {
        securitySchemes.index(of: name)
            ?? securitySchemes.add(
                name, kind: .unsupported("the scheme '\(name)', which the spec does not define usably"), docs: IRDocs(),
                source: source(origin))
    }
}
