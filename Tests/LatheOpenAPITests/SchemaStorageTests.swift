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

    /// Every keyword in the box, changed on a copy, leaves the original as it was.
    @Test func everyBoxedKeywordIsCopiedOnWrite() throws {
        let at = try node()
        let changes: [(String, (inout Schema) -> Void)] = [
            ("title", { $0.title = "t" }), ("enum", { $0.enumValues = [.null] }), ("const", { $0.constValue = .null }),
            ("default", { $0.defaultValue = .null }), ("examples", { $0.examples.append(at) }),
            (
                "properties",
                { $0.properties.append(Schema.Property(name: "p", nameNode: at, schema: Schema(node: at))) }
            ),
            ("required", { $0.required.append("r") }),
            ("additionalProperties", { $0.additionalProperties = Box(Schema(node: at)) }),
            ("items", { $0.items = Box(Schema(node: at)) }), ("allOf", { $0.allOf.append(Schema(node: at)) }),
            ("anyOf", { $0.anyOf.append(Schema(node: at)) }), ("oneOf", { $0.oneOf.append(Schema(node: at)) }),
            ("readOnly", { $0.readOnly = true }), ("writeOnly", { $0.writeOnly = true }),
            ("deprecated", { $0.deprecated = true }), ("isFalse", { $0.isFalse = true }),
            ("extensions", { $0.extensions.entries.append(("x-a", at)) }),
            ("constraints", { $0.constraints.minLength = 1 }), ("not", { $0.not = Box(Schema(node: at)) }),
            ("unmodeled", { $0.unmodeledKeywords.append("if") }),
        ]
        for (name, change) in changes {
            var original = Schema(node: at)
            original.title = "shared"  // so the copy starts out sharing a box
            let before = original
            var copy = original
            change(&copy)
            #expect(original == before && copy != original, "\(name)")
            change(&original)
            #expect(original == copy, "\(name)")
        }
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

    /// Equal constraints decoded on many schemas share one box, still as values; text equal only
    /// as Unicode (`é` in one scalar or two) keeps a box, and its bytes, of its own.
    @Test func equalConstraintsShareABox() throws {
        let yaml = """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                Names:
                  type: object
                  properties:
                    a: {type: string, maxLength: 9, pattern: "^x$"}
                    b: {type: string, pattern: "^x$", maxLength: 9}
                    c: {type: string, maxLength: 9, pattern: "^\u{E9}$"}
                    d: {type: string, maxLength: 9, pattern: "^e\u{301}$"}
                    e: {type: string, maxLength: 8, pattern: "^x$"}
            """
        let loaded = OpenAPILoader.load(bytes: Array(yaml.utf8), path: "t.yaml")
        let document = try #require(loaded.document)
        let key = try #require(document.components.schemas.first { $0.name == "Names" }).key
        let properties = try #require(document.schema(forKey: key)).properties.map(\.schema)
        let boxes = properties.map(\.constraintsBox)
        #expect(boxes[0] != nil && boxes[0] === boxes[1])
        #expect(boxes[2] !== boxes[3] && boxes[0] !== boxes[4])
        #expect(Array((properties[2].constraints.pattern ?? "").utf8) == Array("^\u{E9}$".utf8))
        #expect(Array((properties[3].constraints.pattern ?? "").utf8) == Array("^e\u{301}$".utf8))
        var changed = properties[0]
        changed.constraints.maxLength = 1
        #expect(properties[1].constraints.maxLength == 9 && changed.constraints.maxLength == 1)
    }
}

/// `Components` names each schema and response key by the first entry that has it.
struct ComponentNameTests {
    @Test func theFirstNameOfAKeyIsItsName() {
        var components = Components()
        components.schemas = [("Pet", "#/a"), ("Animal", "#/a"), ("Owner", "#/b"), ("Pet", "#/c")]
        #expect(components.schemaNames == ["#/a": "Pet", "#/b": "Owner", "#/c": "Pet"])
        components.responses = [("NotFound", "#/r"), ("Gone", "#/r")]
        #expect(components.responseNames == ["#/r": "NotFound"])
    }
}
