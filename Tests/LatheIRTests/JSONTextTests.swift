import LatheIR
import LatheOpenAPI
import Testing

/// `JSONText`: the compact JSON that doc comments and messages show of examples, defaults and constants.
struct JSONTextTests {
    let value = SpecValue.object([
        .init(key: "name", value: .string("Zoë \"Z\" \\ café\n")),
        .init(key: "tags", value: .array([.string("a"), .null, .bool(true), .number(JSONNumber("1.50"))])),
        .init(key: "nested", value: .object([.init(key: "tab\tkey", value: .array([]))])),
    ])

    @Test func writesCompactJSONWithItsEscapes() {
        #expect(
            JSONText.compact(value)
                == #"{"name":"Zoë \"Z\" \\ café\n","tags":["a",null,true,1.50],"nested":{"tab\tkey":[]}}"#)
    }

    @Test func cutsAtCharactersNotBytes() {
        let whole = JSONText.compact(value)
        // Exactly its length: whole, without "…".
        #expect(JSONText.compact(value, maxCharacters: whole.count) == whole)
        // Shorter: that many characters, then "…", never part of the two-byte `ë`.
        #expect(JSONText.compact(value, maxCharacters: 12) == #"{"name":"Zoë…"#)
        #expect(JSONText.compact(value, maxCharacters: 11) == #"{"name":"Zo…"#)
        // Stops writing a long array early, and still cuts at the limit.
        let long = SpecValue.array((0 ..< 10_000).map { .string("item \($0) é") })
        #expect(JSONText.compact(long, maxCharacters: 20) == #"["item 0 é","item 1 …"#)
    }
}
