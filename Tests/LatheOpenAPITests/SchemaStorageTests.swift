import LatheYAML
import Testing

@testable import LatheOpenAPI

/// `Schema` keeps most keywords in a box it copies on write: it must still behave as a value.
struct SchemaStorageTests {
    private func node(_ text: String = "{type: object}") throws -> YAMLNode {
        try #require(try YAMLReader().parse(Array(text.utf8), path: "t.yaml").root)
    }

    @Test func aCopyKeepsItsKeywordsWhenTheOriginalChanges() throws {
        let at = try node()
        var schema = Schema(node: at)
        schema.title = "Order"
        schema.required.append("id")
        schema.properties = [Schema.Property(name: "id", nameNode: at, schema: Schema(node: at))]
        schema.defaultValue = .string("x")
        let copy = schema
        schema.title = "Changed"
        schema.required.append("total")
        schema.properties[0].name = "key"
        schema.allOf.append(Schema(node: at))
        schema.readOnly = true
        schema.defaultValue = nil
        #expect(copy.title == "Order" && copy.required == ["id"] && copy.properties.map(\.name) == ["id"])
        #expect(copy.allOf.isEmpty && !copy.readOnly && copy.defaultValue == .string("x"))
        #expect(schema.title == "Changed" && schema.required == ["id", "total"] && schema.properties[0].name == "key")
        #expect(schema.allOf.count == 1 && schema.readOnly && schema.defaultValue == nil)
        #expect(copy != schema)
    }

    @Test func keywordsSetAndClearedEqualNone() throws {
        let at = try node()
        let plain = Schema(node: at)
        var cleared = Schema(node: at)
        cleared.title = "T"
        cleared.constraints.maxLength = 3
        cleared.not = Box(Schema(node: at))
        #expect(cleared != plain)
        cleared.title = nil
        cleared.constraints = Schema.Constraints()
        cleared.not = nil
        #expect(cleared == plain && cleared.hashValue == plain.hashValue)
        // Setting nothing allocates nothing that would tell them apart either.
        var untouched = Schema(node: at)
        untouched.constraints = Schema.Constraints()
        #expect(untouched == plain && Set([untouched, plain, cleared]).count == 1)
    }

    @Test func equalKeywordsInSeparateBoxesAreEqual() throws {
        let at = try node()
        var a = Schema(node: at)
        var b = Schema(node: at)
        a.enumValues = [.string("a")]
        b.enumValues = [.string("a")]
        a.format = "uuid"
        b.format = "uuid"
        #expect(a == b && a.hashValue == b.hashValue)
        b.enumValues?.append(.string("b"))
        #expect(a != b && a.enumValues == [.string("a")])
    }
}
