import Hummingbird

/// Reads a request's whole body before the generated handlers see it.
///
/// AsyncHTTPClient (1.37) fails a request with `HTTPClientError.bodyLengthMismatch` when a response
/// with a status of 300 or more arrives before it has handed its body to the connection: it drops
/// the body it is then given and finds fewer bytes than the request's `Content-Length`. A generated
/// server refuses a bad credential before it reads the body, so without this every test of a 401 or
/// 403 over AsyncHTTPClient is a race (it failed CI once). Waiting for the body makes the response
/// come after it. The body is read whole, whatever its size, so the generated server's own limits
/// still apply to it. Harnesses whose tests are about when the server reads a body (StreamTests)
/// leave it out.
public struct ReadWholeBodyFirst<Context: RequestContext>: RouterMiddleware {
    public init() {}

    public func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var request = request
        _ = try await request.collectBody(upTo: .max)
        return try await next(request, context)
    }
}
