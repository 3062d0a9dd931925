import Foundation
@_spi(Generated) import LatheRuntime
import Testing

/// The tables a large enum's `init(rawValue:)` and a large discriminated union's `init(from:)`
/// look values up in must select what the `switch` they replace would: the first of equal values.
struct EnumCodingTests {
    /// Two values with one raw value, which a Swift `enum` cannot declare.
    private struct Letter: RawRepresentable, Equatable {
        var rawValue: String
        var position: Int
        init(rawValue: String) { (self.rawValue, position) = (rawValue, -1) }
        init(_ rawValue: String, _ position: Int) { (self.rawValue, self.position) = (rawValue, position) }
    }

    @Test func theFirstCaseOfARawValueWins() {
        let table = EnumCoding.byRawValue([Letter("x", 0), Letter("y", 1), Letter("x", 2)])
        #expect(table == ["x": Letter("x", 0), "y": Letter("y", 1)])
    }

    @Test func theFirstPositionOfAValueWins() {
        #expect(
            EnumCoding.positions(["circle", "disc", "Star", "square", "Star", ""]) == [
                "circle": 0, "disc": 1, "Star": 2, "square": 3, "": 5,
            ])
        #expect(EnumCoding.positions([]).isEmpty)
    }

    /// What `EnumCoding.discriminator` reads from `json`'s property `kind`.
    private struct Read: Decodable {
        var text: String?
        init(from decoder: any Decoder) throws { text = try EnumCoding.discriminator("kind", in: decoder) }
    }

    private func read(_ json: String) throws -> String? {
        try JSONDecoder().decode(Read.self, from: Data(json.utf8)).text
    }

    /// A mapping's keys are strings: a number or a boolean is read as JSON writes it, an absent or
    /// null property as none, and anything else is the type mismatch decoding a string would be.
    @Test func aDiscriminatorIsReadAsItsJSONText() throws {
        #expect(try read(#"{"kind": "card"}"#) == "card")
        #expect(try read(#"{"kind": ""}"#) == "")
        #expect(try read(#"{"kind": 3}"#) == "3")
        #expect(try read(#"{"kind": -12}"#) == "-12")
        #expect(try read(#"{"kind": 18446744073709551615}"#) == "18446744073709551615")
        #expect(try read(#"{"kind": true}"#) == "true")
        #expect(try read(#"{"kind": false}"#) == "false")
        #expect(try read(#"{"other": "card"}"#) == nil)
        #expect(try read(#"{"kind": null}"#) == nil)
        for mismatched in [#"{"kind": 1.5}"#, #"{"kind": {"a": 1}}"#, #"{"kind": ["card"]}"#] {
            #expect(throws: DecodingError.self, "\(mismatched)") { try read(mismatched) }
        }
        #expect(throws: DecodingError.self) { try read(#"["kind"]"#) }
    }
}
