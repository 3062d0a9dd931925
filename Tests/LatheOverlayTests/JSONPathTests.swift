import LatheYAML
import Testing

@testable import LatheOverlay

/// RFC 9535's own examples (§1.5, §2.3.4, §2.3.5), run against YAML drafts.
struct JSONPathTests {
    static let store = #"""
        { "store": {
            "book": [
              { "category": "reference", "author": "Nigel Rees", "title": "Sayings of the Century", "price": 8.95 },
              { "category": "fiction", "author": "Evelyn Waugh", "title": "Sword of Honour", "price": 12.99 },
              { "category": "fiction", "author": "Herman Melville", "title": "Moby Dick", "isbn": "0-553-21311-3", "price": 8.99 },
              { "category": "fiction", "author": "J. R. R. Tolkien", "title": "The Lord of the Rings", "isbn": "0-395-19395-8", "price": 22.99 }
            ],
            "bicycle": { "color": "red", "price": 399 }
          }
        }
        """#

    static let filters = #"""
        {"a": [3, 5, 1, 2, 4, 6, {"b": "j"}, {"b": "k"}, {"b": {}}, {"b": "kilo"}],
         "o": {"p": 1, "q": 2, "r": 3, "s": 5, "t": {"u": 6}},
         "e": "f"}
        """#

    func select(_ path: String, in document: String) throws -> [String] {
        let tree = try YAMLReader().parse(Array(document.utf8), path: "doc.json")
        let draft = YAMLDraft(tree.root!)
        return try JSONPathQuery(path).select(in: draft).map { Rendering.flow($0.node) }
    }

    func parseError(_ path: String) -> String? {
        do {
            _ = try JSONPathQuery(path)
            return nil
        } catch {
            return error.description
        }
    }

    @Test func storeExamples() throws {
        let authors = ["Nigel Rees", "Evelyn Waugh", "Herman Melville", "J. R. R. Tolkien"]
        #expect(try select("$.store.book[*].author", in: Self.store) == authors)
        #expect(try select("$..author", in: Self.store) == authors)
        #expect(try select("$.store.*", in: Self.store).count == 2)
        #expect(try select("$.store..price", in: Self.store) == ["8.95", "12.99", "8.99", "22.99", "399"])
        #expect(try select("$..book[2].title", in: Self.store) == ["Moby Dick"])
        #expect(try select("$..book[-1].title", in: Self.store) == ["The Lord of the Rings"])
        #expect(try select("$..book[0,1].title", in: Self.store) == ["Sayings of the Century", "Sword of Honour"])
        #expect(try select("$..book[:2].title", in: Self.store) == ["Sayings of the Century", "Sword of Honour"])
        #expect(try select("$..book[?@.isbn].title", in: Self.store) == ["Moby Dick", "The Lord of the Rings"])
        #expect(try select("$..book[?@.price<10].title", in: Self.store) == ["Sayings of the Century", "Moby Dick"])
        #expect(try select("$['store']['bicycle'][\"color\"]", in: Self.store) == ["red"])
        #expect(
            try select("$.store.book[?@.category == 'fiction' && @.price > 20].author", in: Self.store) == [
                "J. R. R. Tolkien"
            ])
        #expect(try select("$..*", in: Self.store).count == 27)
    }

    @Test func slices() throws {
        let letters = #"["a", "b", "c", "d", "e", "f", "g"]"#
        #expect(try select("$[1:3]", in: letters) == ["b", "c"])
        #expect(try select("$[5:]", in: letters) == ["f", "g"])
        #expect(try select("$[1:5:2]", in: letters) == ["b", "d"])
        #expect(try select("$[5:1:-2]", in: letters) == ["f", "d"])
        #expect(try select("$[::-1]", in: letters) == ["g", "f", "e", "d", "c", "b", "a"])
        #expect(try select("$[::0]", in: letters) == [])
        #expect(try select("$[-2:]", in: letters) == ["f", "g"])
        #expect(try select("$[7]", in: letters) == [])
    }

    @Test func filterExamples() throws {
        let document = Self.filters
        #expect(try select("$.a[?@.b == 'kilo']", in: document) == ["{b: kilo}"])
        #expect(try select("$.a[?(@.b == 'kilo')]", in: document) == ["{b: kilo}"])
        #expect(try select("$.a[?@>3.5]", in: document) == ["5", "4", "6"])
        #expect(try select("$.a[?@.b]", in: document) == ["{b: j}", "{b: k}", "{b: {}}", "{b: kilo}"])
        #expect(try select("$[?@.*]", in: document).count == 2)
        #expect(try select("$[?@[?@.b]]", in: document).count == 1)
        #expect(try select("$.o[?@<3, ?@<3]", in: document) == ["1", "2", "1", "2"])
        #expect(try select("$.a[?@<2 || @.b == \"k\"]", in: document) == ["1", "{b: k}"])
        #expect(try select("$.o[?@>1 && @<4]", in: document) == ["2", "3"])
        #expect(try select("$.o[?@.u || @.x]", in: document) == ["{u: 6}"])
        #expect(try select("$.a[?@.b == $.x]", in: document) == ["3", "5", "1", "2", "4", "6"])
        #expect(try select("$.a[?@ == @]", in: document).count == 10)
        #expect(try select("$.a[?!@.b]", in: document) == ["3", "5", "1", "2", "4", "6"])
        #expect(try select("$.a[?@.b != 'j' && @.b]", in: document) == ["{b: k}", "{b: {}}", "{b: kilo}"])
    }

    @Test func escapesAndNames() throws {
        let document = #"{"a b": 1, "ü": 2, "'": 3, "x_1": 4}"#
        #expect(try select("$['a b']", in: document) == ["1"])
        #expect(try select("$.ü", in: document) == ["2"])
        #expect(try select(#"$["\u00fc"]"#, in: document) == ["2"])
        #expect(try select(#"$['\'']"#, in: document) == ["3"])
        #expect(try select("$.x_1", in: document) == ["4"])
        #expect(try select("$ [ 'a b' , 'x_1' ]", in: document) == ["1", "4"])
    }

    @Test func syntaxErrorsSayWhereAndWhy() {
        #expect(parseError("paths") == "a JSONPath query starts with '$' (at character 1)")
        #expect(parseError("$[01]") == "integers have no leading zeros and no '-0' (at character 3)")
        #expect(
            parseError("$.a[?@.* == 1]")
                == "only a singular query (names and indices, no wildcards, slices, "
                + "filters or '..') can be compared (at character 6)"
        )
        #expect(
            parseError("$[?length(@) == 1]")
                == "the function 'length()' is not supported; "
                + "Lathe's JSONPath has no function extensions yet (at character 4)"
        )
        #expect(parseError("$.paths['/a'") == "the brackets are not closed; expected ']' (at character 13)")
        #expect(parseError("$.x-y") == "unexpected '-'; expected '.', '..' or '[' (at character 4)")
        #expect(parseError("$['a") == "the string is not closed; expected ' (at character 3)")
        #expect(parseError("$[?'a']") == "a literal alone is not a test; compare it with something (at character 4)")
        #expect(parseError("$.") != nil)
        #expect(parseError("$[?@.a == 'b' &&]") != nil)
    }
}

/// A compact, flow-style rendering of a draft for assertions: `{k: v}`, `[a, b]`, scalars as text.
enum Rendering {
    static func flow(_ draft: YAMLDraft) -> String {
        switch draft.content {
        case .scalar: draft.origin.text ?? ""
        case .sequence(let items): "[" + items.map(flow).joined(separator: ", ") + "]"
        case .mapping(let entries):
            "{" + entries.map { "\($0.key.text ?? ""): \(flow($0.value))" }.joined(separator: ", ") + "}"
        }
    }

    static func flow(_ node: YAMLNode) -> String { flow(YAMLDraft(node)) }
}
