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
        // Two bytes a character: a first pass of a byte a character holds too few characters to
        // cut, so the text is written again with more room; the cut is the whole text's.
        let accented = SpecValue.array((0 ..< 100).map { .string("éééé\($0)") })
        let accentedText = JSONText.compact(accented)
        for limit in [1, 30, 199, 200] {
            #expect(
                JSONText.compact(accented, maxCharacters: limit) == String(accentedText.prefix(limit)) + "…")
        }
    }

    /// ASCII text, a Character a byte, is counted and cut by its bytes: at every limit the cut is
    /// the one Characters give (escaped line breaks included).
    @Test func cutsASCIIByBytesAsByCharacters() {
        let ascii = SpecValue.array((0 ..< 40).map { .string("item \($0)\r\n\t\"q\"") })
        let whole = JSONText.compact(ascii)
        for limit in 1 ... whole.count + 1 {
            let expected = limit >= whole.count ? whole : String(whole.prefix(limit)) + "…"
            #expect(JSONText.compact(ascii, maxCharacters: limit) == expected)
        }
    }

    /// An example is written straight from its YAML nodes, as it would be from their `SpecValue`,
    /// whole or cut, whatever its scalars' YAML types.
    @Test(arguments: [
        #"{"name": "Zoë \"Z\"", "tags": [a, ~, true, 1.50, -0, 0x1F, .inf, "2"], "nested": {"tab\tkey": []}}"#,
        "[1, [2, [3, {a: b}]], null, false, '', \"\\u00e9\"]",
        "plain text", "12", "{}", "[]",
        // Keys and strings that need escapes, and a number tagged as a string.
        #"{"k\"q": !!str 12, "back\\slash": "x\\y", "line\nbreak": "é\u0001"}"#,
        // 25 bytes a character: only a writer that stops at the byte budget cuts after the first.
        "[👨‍👩‍👧‍👦, 👨‍👩‍👧‍👦, 👨‍👩‍👧‍👦]",
        // A merge key's entries (keys are always text: the reader refuses others).
        "{b: 2, <<: {a: 1, c: 3}}",
    ])
    func writesNodesAsTheirValues(yaml: String) throws {
        let node = try #require(try YAMLReader().parse(Array("value: \(yaml)".utf8), path: "t.yaml").root?["value"])
        for limit in [1, 5, 12, 30, 200] {
            #expect(
                JSONText.compact(node, maxCharacters: limit) == JSONText.compact(SpecValue(node), maxCharacters: limit))
        }
    }
}
