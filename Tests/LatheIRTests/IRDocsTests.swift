import LatheIR
import LatheOpenAPI
import Testing

/// `IRDocs` and `IRProperty` keep their rarer parts in boxes: they must still behave as values.
struct IRDocsTests {
    @Test func aCopyKeepsItsDocsWhenTheOriginalChanges() {
        var docs = IRDocs(title: "Order", description: "An order.", examples: ["{}"])
        let copy = docs
        docs.title = nil
        docs.examples.append("[]")
        docs.isDeprecated = true
        docs.description = nil
        #expect(copy == IRDocs(title: "Order", description: "An order.", examples: ["{}"]))
        #expect(docs == IRDocs(examples: ["{}", "[]"], isDeprecated: true))
        #expect(docs.title == nil && docs.examples == ["{}", "[]"] && docs.isDeprecated && docs.description == nil)
    }

    @Test func docsSetAndClearedEqualNone() {
        var docs = IRDocs(title: "T")
        #expect(docs != IRDocs())
        docs.title = nil
        #expect(docs == IRDocs() && Set([docs, IRDocs(), IRDocs(description: "d")]).count == 2)
        #expect(IRDocs(description: "d") != IRDocs(title: "d"))
    }

    @Test func aPropertysDefaultIsAValue() {
        var property = IRProperty(
            name: IRName(original: "n", swift: "n"), type: .primitive(.int), isRequired: false,
            defaultValue: .string("three"),
            constraints: IRConstraints(), docs: IRDocs(),
            source: IRSource(file: "s.yaml", line: 1, column: 1, pointer: "/n"))
        let copy = property
        property.defaultValue = nil
        #expect(copy.defaultValue == .string("three") && property.defaultValue == nil && copy != property)
        property.defaultValue = .string("three")
        #expect(copy == property)
    }
}
