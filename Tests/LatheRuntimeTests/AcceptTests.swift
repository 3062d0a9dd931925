import LatheRuntime
import Testing

/// RFC 9110's `Accept`: media ranges, quality values, the most specific range deciding.
struct AcceptTests {
    @Test func qualityComesFromTheMostSpecificMatchingRange() {
        let accept = Accept("text/*;q=0.3, text/plain;q=0.7, */*;q=0.1, application/json")
        #expect(accept.quality(of: "text/plain") == 0.7)
        #expect(accept.quality(of: "text/plain; charset=utf-8") == 0.7)
        #expect(accept.quality(of: "TEXT/HTML") == 0.3)
        #expect(accept.quality(of: "image/png") == 0.1)
        #expect(accept.quality(of: "application/json") == 1)
        #expect(Accept("application/json").quality(of: "application/xml") == 0)
        #expect(Accept(nil).quality(of: "anything/at-all") == 1)
    }

    @Test func theClientsPreferenceThenTheServersOrder() {
        let accept = Accept("application/json;q=0.5, text/json")
        #expect(accept.preferred(among: ["application/json", "text/json"]) == "text/json")
        #expect(Accept("*/*").preferred(among: ["application/json", "text/json"]) == "application/json")
        #expect(Accept("text/plain;q=0").preferred(among: ["text/plain"]) == nil)
        #expect(Accept("image/*").preferred(among: ["application/json"]) == nil)
        #expect(Accept("").preferred(among: ["application/json"]) == "application/json")
    }

    @Test func malformedRangesAreLeftOut() {
        let accept = Accept("text, */json, application/json;q=2, text/plain ; q = 0.4 ,, image/png;level=1")
        #expect(accept.ranges.map { "\($0.type)/\($0.subtype)" } == ["text/plain", "image/png"])
        #expect(accept.ranges.map(\.quality) == [0.4, 1])
        #expect(accept.description == "text/plain;q=0.4, image/png")
        let literal: Accept = "application/json"
        #expect(literal == Accept(ranges: [.init(type: "application", subtype: "json")]))
    }
}
