import Foundation
@_spi(Generated) import LatheRuntime
import Testing

/// OpenAPI 3.2's `in: querystring`: the whole query as one value, written and read back.
struct QueryStringTests {
    struct Filter: Codable, Equatable {
        var term: String?
        var limit: Int?
        var tags: [String]?
    }

    /// A form is written as a form body is (keys in order, a list repeating its key) and read back
    /// whole; `+` reads as a space there, as forms send it.
    @Test func aFormIsTheWholeQuery() throws {
        let filter = Filter(term: "a b&c", limit: 2, tags: ["x", "y"])
        let pairs = try URIEncoding.querystring(form: filter)
        #expect(pairs == ["limit=2", "tags=x", "tags=y", "term=a%20b%26c"])
        let query = pairs.joined(separator: "&")[...]
        #expect(try URIDecoding.querystring(form: Filter.self, in: query, required: true) == filter)
        #expect(try URIDecoding.querystring(form: Filter.self, in: "term=a+b", required: true) == Filter(term: "a b"))
    }

    /// An empty query is no value when the parameter is optional; when it is required, it is the
    /// value that writes as nothing: a form of no members, or the empty text.
    @Test func anEmptyQueryIsAbsentUnlessRequired() throws {
        #expect(try URIEncoding.querystring(form: Filter()) == [])
        #expect(try URIDecoding.querystring(form: Filter.self, in: "", required: false) == nil)
        #expect(try URIDecoding.querystring(form: Filter.self, in: "", required: true) == Filter())
        #expect(try URIDecoding.querystring(text: String.self, in: "", at: "q", required: false) == nil)
        #expect(try URIDecoding.querystring(text: String.self, in: "", at: "q", required: true) == "")
        #expect(try URIDecoding.querystring(json: [Int].self, in: "", at: "q") == nil)
    }

    /// Text and JSON are percent-encoded whole, and read back percent-decoded (`+` stays a plus).
    @Test func textAndJSONArePercentEncoded() throws {
        #expect(URIEncoding.querystring(text: "a=1 & b+c/é") == ["a%3D1%20%26%20b%2Bc%2F%C3%A9"])
        #expect(
            try URIDecoding.querystring(text: String.self, in: "a%3D1%20%26%20b%2Bc%2F%C3%A9", at: "q", required: true)
                == "a=1 & b+c/é")
        #expect(try URIDecoding.querystring(text: String.self, in: "a+b", at: "q", required: true) == "a+b")
        // A value a URI holds as text is its text, not JSON (no quotes).
        #expect(URIEncoding.querystring(text: 42) == ["42"])
        #expect(try URIDecoding.querystring(text: Int.self, in: "42", at: "q", required: true) == 42)
        #expect(throws: RequestError.self) {
            try URIDecoding.querystring(text: Int.self, in: "forty", at: "q", required: true)
        }
        #expect(try URIEncoding.querystring(json: [1, 2]) == ["%5B1%2C2%5D"])
        #expect(try URIDecoding.querystring(json: [Int].self, in: "%5B1%2C2%5D", at: "q") == [1, 2])
        #expect(throws: RequestError.self) { try URIDecoding.querystring(json: [Int].self, in: "%5B1", at: "q") }
        #expect(throws: RequestError.self) {
            try URIDecoding.querystring(text: String.self, in: "%E", at: "q", required: true)
        }
    }
}
