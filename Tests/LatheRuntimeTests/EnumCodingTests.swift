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
}
