/// A response other than the one the caller expected, thrown by an output's `get()` and by its
/// throwing accessors (`try output.ok`).
///
/// `Body` is the type every documented error response of the operation decodes to (a provider's
/// `ErrorModel`), so one `catch let error as ResponseError<ErrorModel>` reads the message of any
/// status of any operation that uses it. `body` is `nil` when the response carried no such body
/// (an undocumented status, or a documented one without content). When an operation's errors use
/// several types, `Body` is the operation's `Output`, and `body` is the whole output. An operation
/// that documents no error body uses `Never`.
public struct ResponseError<Body: Sendable>: Error, Sendable, CustomStringConvertible {
    /// The operation's `operationId` (what transports and middlewares are told).
    public var operationID: String
    /// The status that arrived.
    public var statusCode: Int
    /// The status the caller expected: `200`, `2XX`, or `a success status`.
    public var expected: String
    /// The documented error body, decoded.
    public var body: Body?
    /// The whole response: the operation's `Output` (`error.output as? Operations.X.Output`).
    public var output: any Sendable

    public init(operationID: String, statusCode: Int, expected: String, body: Body?, output: any Sendable) {
        self.operationID = operationID
        self.statusCode = statusCode
        self.expected = expected
        self.body = body
        self.output = output
    }

    public var description: String {
        var text = "\(operationID): expected \(expected), got HTTP \(statusCode)"
        if let body { text += ": \(body)" }
        return text
    }
}

/// A body read in a content type other than the one that arrived (`try output.ok.body.json` when
/// the response was `text/plain`).
public struct UnexpectedContentType: Error, Sendable, CustomStringConvertible {
    public var expected: String
    public var actual: String

    public init(expected: String, actual: String) {
        self.expected = expected
        self.actual = actual
    }

    public var description: String { "expected the \(expected) body, got \(actual)" }
}
