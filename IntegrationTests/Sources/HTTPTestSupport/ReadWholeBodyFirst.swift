import Hummingbird

/// Reads a request's whole body before the generated handlers see it.
///
/// AsyncHTTPClient (1.37) fails a request with `HTTPClientError.bodyLengthMismatch` when a response
/// with a status of 300 or more arrives before it has handed its body to the connection: it drops
/// the body it is then given and finds fewer bytes than the request's `Content-Length`. A generated
/// server refuses a bad credential before it reads the body, so without this every test of a 401 or
/// 403 over AsyncHTTPClient is a race (it failed CI once). Waiting for the body makes the response
/// come after it. What the tests check (the generated code on both ends) does not depend on when the
/// server reads the body; the streaming tests, whose point is when it does, do not use this.
public struct ReadWholeBodyFirst<Context: RequestContext>: RouterMiddleware {
    public init() {}

    public func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var request = request
        _ = try await request.collectBody(upTo: context.maxUploadSize)
        return try await next(request, context)
    }
}
