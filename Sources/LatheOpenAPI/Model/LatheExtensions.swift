/// Lathe's own vendor extensions, decoded and checked with the rest of the document (README,
/// "Lathe's vendor extensions"), so later stages read typed values and never the YAML.

/// `x-lathe-request-signature` on an `apiKey` scheme in a header.
public enum RequestSigningExtension: Sendable, Hashable {
    case signs(RequestSigning)
    /// Present but unusable (each mistake warned about): the scheme is left to the transport,
    /// since sending it as a plain API key would put the signing secret on the wire.
    case unusable
}

public struct RequestSigning: Sendable, Hashable {
    /// The header the signed Unix time is sent in.
    public var timestampHeader: String
    /// Seconds a request's timestamp may be from the server's clock.
    public var tolerance: Int
    /// What is signed, in order: `lowercased-path`, `path`, `body-hash`, `timestamp`, `method`.
    public var components: [String]

    public static let componentNames = ["lowercased-path", "path", "body-hash", "timestamp", "method"]
}

/// `x-lathe-failure-when` on a response: body values that mean the call failed although the
/// status says it succeeded.
public struct FailureCondition: Sendable, Hashable {
    /// The path of member names (and array indices) to the value tested.
    public var property: [String]
    public var values: [String]
    /// The path to the text that explains the failure.
    public var message: [String]?
}
