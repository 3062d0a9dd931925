import Foundation
import HTTPTypes
@_spi(Generated) import LatheRuntime
import OpenAPIRuntime
import Testing

/// What a generated server answers for a request body in a content type its operation does not
/// accept: 415 with the types it does, unless there is no body at all (400, "is required").
struct RequestErrorTests {
    func request(contentType: String?, length: String? = nil) -> HTTPRequest {
        var request = HTTPRequest(method: .post, scheme: nil, authority: nil, path: "/notes")
        request.headerFields[.contentType] = contentType
        request.headerFields[.contentLength] = length
        return request
    }

    @Test func anotherContentTypeIs415() {
        let error = RequestError.unsupportedContentType(
            request(contentType: "text/csv"), body: HTTPBody("a,b"), accepted: "application/json, text/plain")
        #expect(error.status == 415)
        #expect(
            error.issues.map(\.message) == [
                "has the content type text/csv, but this operation accepts application/json, text/plain"
            ])
        let (response, _) = ServerSupport.badRequest(error)
        #expect(response.status.code == 415 && response.headerFields[.contentType] == "application/problem+json")
    }

    @Test func aBodyWithoutAContentTypeIs415() {
        let error = RequestError.unsupportedContentType(
            request(contentType: nil, length: "3"), body: HTTPBody("a,b"), accepted: "application/json")
        #expect(error.status == 415)
        #expect(
            error.issues.map(\.message) == ["has the content type (none), but this operation accepts application/json"])
        var chunked = request(contentType: nil)
        chunked.headerFields[.transferEncoding] = "chunked"
        let streamed = HTTPBody(
            AsyncStream<ArraySlice<UInt8>> { $0.finish() }, length: .unknown, iterationBehavior: .single)
        #expect(
            RequestError.unsupportedContentType(chunked, body: streamed, accepted: "application/json").status == 415)
    }

    @Test func noBodyAtAllIs400() {
        // Hummingbird hands over a body of unknown length when no Content-Length came.
        let unknownLength = HTTPBody(
            AsyncStream<ArraySlice<UInt8>> { $0.finish() }, length: .unknown, iterationBehavior: .single)
        for body in [nil, HTTPBody(), unknownLength] {
            let error = RequestError.unsupportedContentType(
                request(contentType: nil), body: body, accepted: "application/json")
            #expect(error.status == 400)
            #expect(error.issues.map(\.message) == ["is required"])
            #expect(ServerSupport.badRequest(error).0.status.code == 400)
        }
    }
}
