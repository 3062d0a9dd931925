import LatheIR
import Testing

/// `IRConstraints` keeps its keywords in a shared box: it must still behave as a value.
struct IRConstraintsTests {
    @Test func aCopyKeepsItsValuesWhenTheOriginalChanges() {
        var original = IRConstraints()
        #expect(original.isEmpty)
        original.minLength = 2
        original.pattern = "^a"
        let copy = original
        original.minLength = 5
        original.elements = [copy]
        #expect(copy.minLength == 2 && copy.pattern == "^a" && copy.elements.isEmpty)
        #expect(original.minLength == 5 && original.elements == [copy])
        #expect(!copy.isEmpty)
    }

    @Test func equalityAndHashingAreByValue() {
        var a = IRConstraints()
        a.maximum = "10"
        var b = IRConstraints()
        b.maximum = "10"
        #expect(a == b && Set([a, b]).count == 1)
        b.maximum = nil
        #expect(b == IRConstraints() && b.isEmpty && a != b)
        #expect(a.overlaid(with: IRConstraints()) == a)
    }
}
