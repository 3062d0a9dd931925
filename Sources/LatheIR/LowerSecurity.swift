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
                if location != .query, !Self.isToken(header) { kind = apiKeyOfNoHeaderName(header, scheme) }
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

    /// An API key whose header or cookie `name` is no name HTTP can send (HTTP types drop such a
    /// field without a word, so every request went without its key). Written as a scheme and an
    /// example (Liveblocks' `name: Bearer sk_xxx`, under the scheme `Authorization`), it is the
    /// Authorization header with that scheme (`Bearer`, `Token` or `Basic`), the one reading;
    /// anything else is left to the transport.
    private func apiKeyOfNoHeaderName(_ name: String, _ scheme: SecurityScheme) -> IRSecurityScheme.Kind {
        let words = name.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        let at = scheme.origin.field("name") ?? scheme.origin
        // Only schemes that send one credential after their name: in `X Api Key` the first word is
        // no scheme.
        guard case .apiKey(_, .header) = scheme.kind, words.count == 2,
            ["bearer", "token", "basic"].contains(words[0].lowercased())
        else {
            return .unsupported("an API key named '\(name)' (no name HTTP can send)")
        }
        let httpScheme = String(words[0])
        warning(
            "'\(name)' is not an HTTP header name (one token, RFC 9110), so no such header can be sent; it "
                + "reads as an authentication scheme and an example, and Lathe sends the key in the Authorization "
                + "header after '\(httpScheme)'",
            at: at, kind: "header-name-invalid")
        return httpScheme.lowercased() == "bearer"
            ? .bearer : .apiKey(name: "Authorization", location: .header, prefix: httpScheme)
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
