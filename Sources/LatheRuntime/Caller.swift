import HTTPTypes
import OpenAPIRuntime

/// Who sent a request, as the server's verifier established it: the API key's owner, the
/// token's subject, the signing partner. A verifier returns one to admit a request (`nil`
/// refuses it), and the handler reads it from its input (`input.caller`).
///
/// A string literal is a caller: `{ key in key == partnerKey ? "acme" : nil }`.
public struct Caller: Sendable, Hashable, ExpressibleByStringLiteral, CustomStringConvertible {
    /// The caller's identity, in the verifier's terms.
    public var id: String
    /// The security scheme that identified the caller (`bearerAuth`); the server sets it.
    public var scheme: String

    public init(_ id: String, scheme: String = "") {
        self.id = id
        self.scheme = scheme
    }

    public init(stringLiteral value: String) {
        self.init(value)
    }

    public var description: String { scheme.isEmpty ? id : "\(id) (\(scheme))" }
}

/// What a server's authentication check decides: admitted (with the caller, when a scheme
/// identified one), or the 401 response.
@_spi(Generated) public enum Admission: Sendable {
    case admitted(Caller?)
    case refused(HTTPResponse, HTTPBody?)
}
