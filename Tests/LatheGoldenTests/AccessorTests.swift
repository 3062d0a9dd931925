import HTTPTypes
import LatheRuntime
import OpenAPIRuntime
import Testing

/// The happy path in one expression, on the wire fixture's generated outputs: throwing accessors
/// per response and per content type, `statusCode`, and `get()` with its `ResponseError`.
struct AccessorTests {
    typealias Ops = WireFormats.Operations

    @Test func accessorsReturnTheCaseThatArrived() throws {
        let echo: WireFormats.Echo = ["id": .number(7)]
        let output = Ops.Bodies.Output.ok(.init(body: .json(echo)))
        #expect(try output.ok.body.json == echo)
        #expect(try output.get() == echo)
        #expect(output.statusCode == 200)
        let ranged = Ops.Bodies.Output.clientError(statusCode: 409, .init(body: .problemJson(.init(title: "taken"))))
        #expect(ranged.statusCode == 409)
        #expect(try ranged.clientError.body.problemJson.title == "taken")
    }

    @Test func anotherStatusThrowsNamingTheOperationBothStatusesAndTheOutput() throws {
        let problem = WireFormats.Problem(title: "Bad code", status: 400)
        let output = Ops.GetCode.Output.badRequest(.init(body: .problemJson(problem)))
        let error = try #require(throws: ResponseError<WireFormats.Problem>.self) { try output.ok }
        #expect(error.operationID == "getCode")
        #expect(error.expected == "200")
        #expect(error.statusCode == 400)
        #expect(error.body == problem)
        #expect(error.output as? Ops.GetCode.Output == output)
        #expect(
            error.description
                == #"getCode: expected 200, got HTTP 400: Problem(title: Optional("Bad code"), status: Optional(400))"#)
        // get() throws the same error, so one catch reads the documented body of any status.
        let viaGet = try #require(throws: ResponseError<WireFormats.Problem>.self) { try output.get() }
        #expect(viaGet.body == problem)
        // A success read as an error status: no error body.
        let empty = Ops.Download.Output.noContent(.init())
        let wrongWay = try #require(throws: ResponseError<WireFormats.Problem>.self) { try empty.badRequest }
        #expect(wrongWay.statusCode == 204 && wrongWay.expected == "400" && wrongWay.body == nil)
    }

    @Test func anUndocumentedStatusHasNoBody() throws {
        let output = Ops.GetCode.Output.undocumented(statusCode: 503, headers: [:], body: nil)
        #expect(output.statusCode == 503)
        let error = try #require(throws: ResponseError<WireFormats.Problem>.self) { try output.get() }
        #expect(error.statusCode == 503)
        #expect(error.body == nil)
    }

    /// `Bodies` documents its 4XX as a problem or text and its `default` as text: no one type, so the
    /// error carries the whole output as its body.
    @Test func errorsOfSeveralTypesCarryTheOutput() throws {
        let output = Ops.Bodies.Output.clientError(statusCode: 422, .init(body: .problemJson(.init(title: "no"))))
        let error = try #require(throws: ResponseError<Ops.Bodies.Output>.self) { try output.get() }
        #expect(error.body == output)
        #expect(error.expected == "200")
        let fallback = Ops.Bodies.Output.default(statusCode: 500, .init(body: .plainText("down")))
        #expect(try fallback.default.body.plainText == "down")
        #expect(throws: ResponseError<Ops.Bodies.Output>.self) { try fallback.ok }
    }

    /// Several success statuses: `get()` returns the output, known to be one of them.
    @Test func severalSuccessesReturnTheOutput() throws {
        let empty = Ops.Download.Output.noContent(.init())
        #expect(try empty.get() == empty)
        #expect(try empty.noContent == .init())
        let refused = Ops.Download.Output.badRequest(.init(body: .problemJson(.init(title: "no"))))
        let error = try #require(throws: ResponseError<WireFormats.Problem>.self) { try refused.get() }
        #expect(error.expected == "a success status")
        #expect(error.body?.title == "no")
    }

    @Test func aBodyReadInAnotherContentTypeThrows() throws {
        let body = Ops.Bodies.Input.Body.plainText("hello")
        #expect(body.contentType == "text/plain")
        #expect(try body.plainText == "hello")
        let error = try #require(throws: UnexpectedContentType.self) { try body.json }
        #expect(error.expected == "application/json")
        #expect(error.actual == "text/plain")
        #expect(error.description == "expected the application/json body, got text/plain")
    }
}
