import Testing

@testable import LatheYAML

struct TreeTests {
    func parse(_ text: String, path: String = "t.yaml") throws -> YAMLNode {
        try #require(try YAMLReader().parse(Array(text.utf8), path: path).root)
    }

    @Test func locationsAreOneBasedLineAndColumn() throws {
        let root = try parse("openapi: 3.1.0\npaths:\n  /pets:\n    get: {}\n")
        #expect(root.location == SpecLocation(file: "t.yaml", line: 1, column: 1))
        let paths = try #require(root["paths"])
        #expect(paths.location.line == 3 && paths.location.column == 3)
        let get = try #require(paths["/pets"]?["get"])
        #expect(get.location == SpecLocation(file: "t.yaml", line: 4, column: 10))
        let key = try #require(paths["/pets"]?.entries.first?.key)
        #expect(key.location == SpecLocation(file: "t.yaml", line: 4, column: 5))
    }

    @Test func columnsCountCharactersNotBytes() throws {
        let root = try parse("é: 1\nk: ü\n")
        #expect(root["k"]?.location.column == 4)
        #expect(root.entries[0].value.location.column == 4)
    }

    @Test func mappingsKeepKeyOrder() throws {
        let root = try parse("zebra: 1\nalpha: 2\nmiddle: 3\n")
        #expect(root.entries.map { $0.key.text } == ["zebra", "alpha", "middle"])
    }

    @Test func jsonGoesThroughTheSameReader() throws {
        let root = try parse(
            "{\n  \"openapi\": \"3.0.3\",\n  \"paths\": {\"/a\": [1, 2.5, true, null, \"x\"]}\n}", path: "t.json")
        #expect(root["openapi"]?.text == "3.0.3")
        #expect(root["openapi"]?.scalarType == .string)
        let items = try #require(root["paths"]?["/a"]?.items)
        #expect(items.map(\.scalarType) == [.int, .float, .bool, .null, .string])
        #expect(root["paths"]?.location == SpecLocation(file: "t.json", line: 3, column: 12))
    }

    @Test func jsonEscapesIncludingSolidus() throws {
        let root = try parse(#"{"a": "x\/y\u00e9\n"}"#, path: "t.json")
        #expect(root["a"]?.text == "x/yé\n")
    }

    @Test func aliasesShareTheAnchoredNode() throws {
        let root = try parse("base: &b {type: string}\nuse: *b\n")
        #expect(root["base"] == root["use"])
        #expect(root["use"]?["type"]?.text == "string")
    }

    @Test func mergeKeysInsertEntriesWhereTheyStandAndExplicitKeysWin() throws {
        let root = try parse(
            """
            defaults: &d {type: object, description: base, readOnly: true}
            thing:
              title: T
              <<: *d
              description: mine
            """)
        let thing = try #require(root["thing"])
        #expect(thing.entries.map { $0.key.text } == ["title", "type", "readOnly", "description"])
        #expect(thing["description"]?.text == "mine")
    }

    @Test func mergeKeyWithAListOfMappingsTakesEarlierFirst() throws {
        let root = try parse(
            """
            a: &a {x: 1, y: 1}
            b: &b {y: 2, z: 2}
            c:
              <<: [*a, *b]
            """)
        let c = try #require(root["c"])
        #expect(c.entries.map { $0.key.text } == ["x", "y", "z"])
        #expect(c["y"]?.text == "1")
    }

    @Test func quotedDoubleAngleIsAnOrdinaryKey() throws {
        let root = try parse("'<<': 1\n")
        #expect(root["<<"]?.text == "1")
    }

    @Test func pointersEscapeSlashAndTilde() throws {
        let root = try parse("paths:\n  /a~b/{id}:\n    get:\n      tags: [x, y]\n")
        let tag = try #require(root["paths"]?["/a~b/{id}"]?["get"]?["tags"]?.items[1])
        #expect(tag.pointer == "/paths/~1a~0b~1{id}/get/tags/1")
        #expect(root.pointer == "")
    }

    /// RFC 6901 works on code points: a `/` or `~` that a combining mark follows (one Character with
    /// it) is escaped all the same, and the pointer, `escape` and `tokens` agree on it.
    @Test func pointersEscapeByCodePointsNotCharacters() throws {
        let key = "a/\u{301}~\u{301}"
        let root = try parse("items:\n  \"\(key)\": [x]\n")
        let item = try #require(root["items"]?[key]?.items[0])
        #expect(item.pointer == "/items/a~1\u{301}~0\u{301}/0")
        #expect(JSONPointer.pointer(["items", key, "0"]) == item.pointer)
        #expect(try JSONPointer.tokens(item.pointer) == ["items", key, "0"])
    }

    /// `tokens` splits at every `/`, empty tokens included, and unescapes each token.
    @Test func tokensSplitAtEverySlash() throws {
        #expect(try JSONPointer.tokens("/a//b") == ["a", "", "b"])
        #expect(try JSONPointer.tokens("/") == [""])
        #expect(try JSONPointer.tokens("") == [])
        #expect(try JSONPointer.tokens("/~01/a~1b/é") == ["~1", "a/b", "é"])
        #expect(throws: JSONPointer.ParseError.badEscape("a~2")) { try JSONPointer.tokens("/x/a~2/b") }
        #expect(throws: JSONPointer.ParseError.notAPointer) { try JSONPointer.tokens("Pet") }
        // A `/` that a combining mark follows is another character: not the start of a pointer.
        #expect(throws: JSONPointer.ParseError.notAPointer) { try JSONPointer.tokens("/\u{301}x") }
    }

    /// The pointer a pointer's tokens make is the pointer itself: reference resolution keys targets
    /// by the pointer as written, without making it again.
    @Test(arguments: ["", "/", "/a//b", "/components/schemas/Pet", "/~01/a~1b~0", "/e\u{301}/~1\u{301}/~0~1"])
    func pointerOfTokensIsThePointer(pointer: String) throws {
        #expect(JSONPointer.pointer(try JSONPointer.tokens(pointer)) == pointer)
    }

    @Test func largeMappingsWork() throws {
        let text = (0 ..< 500).map { "key\($0): \($0)" }.joined(separator: "\n")
        let root = try parse(text)
        #expect(root.count == 500)
        #expect(root["key499"]?.text == "499")
    }

    /// Every node, depth first, with what it is reached through.
    private func allNodes(_ node: YAMLNode) -> [YAMLNode] {
        switch node.kind {
        case .scalar: [node]
        case .sequence: [node] + node.items.flatMap(allNodes)
        case .mapping: [node] + node.entries.flatMap { allNodes($0.key) + allNodes($0.value) }
        }
    }

    /// Sources share their parent's pointer and add the token (`pointerStep`): the two together
    /// must be the node's pointer, for keys, values, items, escapes and merged entries alike.
    @Test func aPointerIsItsParentsAndItsToken() throws {
        let root = try parse(
            """
            paths:
              /a~b/{id}:
                get: {tags: [x, y], "": empty}
            defaults: &d {type: object, description: base}
            thing:
              <<: *d
              title: T
              nested: [[1, 2], {k: v}]
            """)
        for node in allNodes(root) {
            guard let (parent, token) = node.pointerStep else {
                #expect(node == root)
                continue
            }
            #expect(parent.pointer + token == node.pointer, "\(node.pointer)")
        }
        #expect(root.pointerStep == nil)
    }

    /// Merging renumbers a mapping's entries: pointers name each node's own key after it, and a
    /// merged entry stays where it was written (its first parent).
    @Test func pointersAfterMergeKeys() throws {
        let root = try parse(
            """
            defaults: &d {type: object, description: base, title: B}
            thing:
              <<: *d
              title: T
              nested: [1]
            """)
        let thing = try #require(root["thing"])
        #expect(thing.entries.map { $0.key.text } == ["type", "description", "title", "nested"])
        #expect(thing["title"]?.pointer == "/thing/title")
        #expect(thing["nested"]?.items[0].pointer == "/thing/nested/0")
        #expect(thing["type"]?.pointer == "/defaults/type")
        #expect(thing.entries[2].key.pointer == "/thing/title")
        for node in allNodes(thing) {
            guard let (parent, token) = node.pointerStep else { continue }
            #expect(parent.pointer + token == node.pointer)
        }
    }

    /// Repeated short scalars are stored once in the tree's text (through a table that grows past
    /// its first size); each still reads as itself. Long ones are stored each time.
    @Test func repeatedScalarsShareTheirText() throws {
        let words = (0 ..< 3_000).map { index in
            let n = index % 1_500
            return "w\(n)-" + String(repeating: "x", count: n % 40)
        }
        let longest = String(repeating: "z", count: RepeatedScalars.longest)
        let long = String(repeating: "y", count: RepeatedScalars.longest + 1)
        let text =
            "items:\n" + words.map { "  - \($0)\n" }.joined()
            + "again: [\(words.prefix(50).joined(separator: ", "))]\n"
            + "edges: [\(longest), \(longest), '', '', \(long), \(long)]\n"
        let root = try parse(text)
        #expect(try #require(root["items"]).items.map(\.text) == words.map(Optional.some))
        #expect(try #require(root["again"]).items.map(\.text) == words.prefix(50).map(Optional.some))
        #expect(try #require(root["edges"]).items.map(\.text) == [longest, longest, "", "", long, long])
        let distinct = Set(words).reduce(0) { $0 + $1.utf8.count }
        let keys = "items".utf8.count + "again".utf8.count + "edges".utf8.count
        #expect(root.tree.text.count == distinct + keys + longest.utf8.count + 2 * long.utf8.count)
    }

    /// The table's hash reads every byte of a scalar of any length up to the longest shared:
    /// changing any one byte changes it.
    @Test func repeatedScalarsHashEveryByte() {
        for count in 1 ... RepeatedScalars.longest {
            let bytes = (0 ..< count).map { UInt8(truncatingIfNeeded: 0x41 + $0) }
            let original = bytes.withUnsafeBufferPointer(RepeatedScalars.hash)
            for index in 0 ..< count {
                var changed = bytes
                changed[index] ^= 0x20
                #expect(
                    changed.withUnsafeBufferPointer(RepeatedScalars.hash) != original, "\(count) bytes, byte \(index)")
            }
        }
    }

    /// Scalars whose hashes all collide, as a crafted file's could, are each looked for in at most
    /// `maximumProbes` slots: the first ones to arrive are shared when repeated, the rest stored
    /// again, and every one reads as itself.
    @Test func collidingScalarsAreLookedForInBoundedTime() {
        var table = RepeatedScalars()
        table.hashesAlike = true
        var text: [UInt8] = []
        let words = (0 ..< 5_000).map { "key\($0)" }
        let starts = (words + words).map { word in
            var word = word
            return word.withUTF8 { table.start(of: $0, storingInto: &text) }
        }
        #expect(table.probes <= starts.count * RepeatedScalars.maximumProbes)
        for (word, start) in zip(words + words, starts) {
            #expect(text[Int(start) ..< Int(start) + word.utf8.count].elementsEqual(word.utf8))
        }
        let shared = (0 ..< words.count).filter { starts[$0] == starts[words.count + $0] }
        #expect(shared == Array(0 ..< RepeatedScalars.maximumProbes))
    }

    /// Strings made with `SharedTexts` are the same string for the same text, and the text itself.
    @Test func sharedTextsMakeOneStringPerText() throws {
        let long = "#/components/schemas/SnowflakeType"
        let root = try parse("a: '\(long)'\nb: \"\(long)\"\nc: short\nd: [1, '\(long)x']\n")
        var shared = SharedTexts()
        let a = try #require(root["a"]?.text(sharingWith: &shared))
        let b = try #require(root["b"]?.text(sharingWith: &shared))
        #expect(a == long && b == long)
        let address = { (text: String) in text.utf8.withContiguousStorageIfAvailable { $0.baseAddress } ?? nil }
        #expect(address(a) == address(b))
        #expect(root["c"]?.text(sharingWith: &shared) == "short")
        #expect(root["d"]?.items[1].text(sharingWith: &shared) == long + "x")
        #expect(root["d"]?.text(sharingWith: &shared) == nil)
    }
}
