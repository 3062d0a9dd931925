import Foundation

/// An API key, sent where the scheme says (header, query or cookie), with an optional prefix:
/// `APIKeyCredential("t0ken", prefix: "Token")` sends `Authorization: Token t0ken`.
/// Its description never shows the key.
public struct APIKeyCredential: Sendable, CustomStringConvertible {
    public var key: String
    public var prefix: String?

    public init(_ key: String, prefix: String? = nil) {
        self.key = key
        self.prefix = prefix
    }

    public var value: String { prefix.map { "\($0) \(key)" } ?? key }

    /// What is sent for a scheme whose values carry `defaultPrefix` (`Token`): the credential's own
    /// prefix when it has one, else the scheme's.
    public func value(defaultPrefix: String) -> String { "\(prefix ?? defaultPrefix) \(key)" }
    public var description: String { "APIKeyCredential(<redacted>)" }
}

/// HTTP Basic credentials. Their description never shows the password.
public struct BasicCredentials: Sendable, CustomStringConvertible {
    public var username: String
    public var password: String

    public init(username: String, password: String) {
        self.username = username
        self.password = password
    }

    /// `Basic base64(username:password)`.
    public var headerValue: String { "Basic " + Data("\(username):\(password)".utf8).base64EncodedString() }
    public var description: String { "BasicCredentials(username: \(username), password: <redacted>)" }
}

/// Bearer tokens (HTTP bearer, OAuth 2, OpenID Connect): a fixed token, or a provider asked before
/// every request that needs one (so it can refresh). Its description never shows a token.
public struct BearerTokenProvider: Sendable, CustomStringConvertible {
    private let provide: @Sendable () async throws -> String

    public init(token: String) { provide = { token } }
    public init(_ provide: @escaping @Sendable () async throws -> String) { self.provide = provide }

    public func token() async throws -> String { try await provide() }
    public var description: String { "BearerTokenProvider(<redacted>)" }
}
