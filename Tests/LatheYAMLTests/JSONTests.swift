import Testing

@_spi(Testing) @testable import LatheYAML

/// Every valid JSON document (RFC 8259) reads, each node at the line and column it has in the file,
/// including what libyaml alone refuses or misreads (see `JSONAdapter`).
struct JSONTests {
    /// The root `parse` reads; libyaml (through `JSONAdapter`) must read the same tree, so these tests
    /// hold for both readers (see `JSONTreeReaderTests`).
    func parse(_ text: String) throws -> YAMLNode {
        let bytes = Array(text.utf8)
        let tree = try YAMLReader().parse(bytes, path: "t.json")
        #expect(tree.difference(from: try YAMLReader().parseWithLibyaml(bytes, path: "t.json")) == nil)
        return try #require(tree.root)
    }

    func failure(_ text: String) -> String? { failure(Array(text.utf8)) }

    /// The error `parse` reports, which must be libyaml's.
    func failure(_ bytes: [UInt8]) -> String? {
        let reader = YAMLReader()
        let error = failure { () throws(Diagnostic) in _ = try reader.parse(bytes, path: "t.json") }
        #expect(error == failure { () throws(Diagnostic) in _ = try reader.parseWithLibyaml(bytes, path: "t.json") })
        return error
    }

    private func failure(_ read: () throws(Diagnostic) -> Void) -> String? {
        do throws(Diagnostic) {
            try read()
            return nil
        } catch {
            return error.description
        }
    }

    /// Each node's line and column in document order (keys before their values).
    func positions(_ node: YAMLNode) -> [String] {
        var result = ["\(node.location.line):\(node.location.column)"]
        switch node.kind {
        case .scalar: break
        case .sequence: for item in node.items { result += positions(item) }
        case .mapping: for entry in node.entries { result += positions(entry.key) + positions(entry.value) }
        }
        return result
    }

    /// `text` with each escaped surrogate turned into six plain letters: the same layout, which libyaml
    /// reads unaided, so it is the oracle for where every node of `text` is.
    func withoutSurrogates(_ text: String) -> String {
        var result = text
        for high in ["d83d", "D83D", "d800", "dbff", "DBFF"] { result = result.replacing("\\u" + high, with: "zzzzzz") }
        for low in ["dc4d", "DC4D", "de00", "dc00", "DFFF", "dfff"] {
            result = result.replacing("\\u" + low, with: "zzzzzz")
        }
        return result
    }

    // MARK: Surrogates

    @Test func surrogatePairDecodes() throws {
        let root = try parse(#"{"body": "Hello! \ud83d\udc4d", "upper": "\uD83D\uDE00", "max": "\uDBFF\uDFFF"}"#)
        #expect(root["body"]?.text == "Hello! 👍")
        #expect(root["upper"]?.text == "😀")
        #expect(root["max"]?.text == "\u{10FFFF}")
        #expect(root["body"]?.scalarType == .string)
    }

    @Test func nodeAfterASurrogatePairKeepsItsColumn() throws {
        let root = try parse(#"{"a": "\ud83d\udc4d", "b": [1, "\ud83d\udc4d\ud83d\udc4d", true]}"#)
        let b = try #require(root.entries.last)
        #expect(b.key.location == SpecLocation(file: "t.json", line: 1, column: 23))
        #expect(b.value.location.column == 28)
        #expect(b.value.items.map(\.location.column) == [29, 32, 60])
    }

    @Test func loneSurrogatesBecomeTheReplacementCharacter() throws {
        let root = try parse(
            #"["\ud800", "\udc00x", "\ud83dA", "\ud83d\u0041", "a\udbff\udbff", "\udc4d\ud83d", "\ud83d", 7]"#)
        let texts = root.items.map(\.text)
        #expect(
            texts == [
                "\u{FFFD}", "\u{FFFD}x", "\u{FFFD}A", "\u{FFFD}A", "a\u{FFFD}\u{FFFD}", "\u{FFFD}\u{FFFD}", "\u{FFFD}",
                "7",
            ])
        // `\uFFFD` is as long as the escape it replaces: nothing moves.
        #expect(root.items.last?.location.column == 93)
    }

    @Test func surrogatesOverSeveralLinesKeepEveryPosition() throws {
        let text = #"""
            {
              "a": "\ud83d\udc4d \ud83d\udc4d", "b": ["\ud800", 2, "\udc4d\ud83d"], "c": {"d": "x"},
              "\ud83d\ude00": "\uDBFF\uDFFF", "e": 1.5,
            	"f": "no escape", "g": "\ud83d\udc4d", "h": {"i": ["\ud83d\udc4d", "\ud83d\udc4d"]}
            }
            """#
        let root = try parse(text)
        #expect(positions(root) == positions(try parse(withoutSurrogates(text))))
        // Also after a byte-order mark (which libyaml does not count) and with CRLF line ends.
        let marked = "\u{FEFF}" + text.replacing("\n", with: "\r\n")
        #expect(positions(try parse(marked)) == positions(root))
        #expect(root["e"]?.location == SpecLocation(file: "t.json", line: 3, column: 40))
        #expect(root["h"]?["i"]?.items.last?.location == SpecLocation(file: "t.json", line: 4, column: 69))
        #expect(root.entries[3].key.text == "😀")
        #expect(root["b"]?.items.map(\.text) == ["\u{FFFD}", "2", "\u{FFFD}\u{FFFD}"])
    }

    @Test func surrogatesInKeysStillMakeDuplicates() {
        #expect(
            failure(#"{"\ud83d\udc4d": 1, "👍": 2}"#)
                == "t.json:1:21: error: duplicate key '👍' in this mapping (first defined at line 1, column 2); "
                + "YAML and JSON keys must be unique"
        )
    }

    @Test func errorsAfterARewriteAreLocatedInTheFile() {
        let broken = #"{"a": "\ud83d\udc4d", "b": ]}"#
        #expect(failure(broken) == failure(withoutSurrogates(broken)))
        #expect(failure(broken)?.hasPrefix("t.json:1:28: error: invalid JSON") == true)
        // In JSON's words: Unstructured's missing comma.
        #expect(
            failure("{\n  \"a\": {\n    \"b\": 1\n    \"c\": 2\n  }\n}")
                == "t.json:4:8: error: invalid JSON: did not find expected ',' or '}' (in the object that starts at "
                + "line 2, column 8)")
        // Told by what the file holds, not its name.
        #expect(failure("a: b: c\n")?.contains("invalid YAML: mapping values are not allowed") == true)
        #expect(
            failure("{\"a\": \"b}")?.contains("invalid JSON: found unexpected end of stream (in the string") == true)
        let deep = #"["\ud83d\udc4d", "# + String(repeating: "[", count: 300) + String(repeating: "]", count: 301)
        #expect(
            failure(deep)
                == "t.json:1:273: error: nesting is deeper than 256 levels; no OpenAPI document needs this, "
                + "so Lathe stops reading here"
        )
        // A reader error's byte offset is the file's.
        let bytes = Array(#"["\ud83d\udc4d", "caf"#.utf8) + [0xC3, 0x28] + Array(#""]"#.utf8)
        #expect(
            failure(bytes)
                == "t.json:1:23: error: the file is not valid UTF-8 text: invalid trailing UTF-8 octet (byte "
                + "0x28) at byte offset 22"
        )
    }

    @Test func yamlIsNotRewritten() throws {
        // Outside JSON, `\ud83d` in a single-quoted scalar is text, and YAML's own double-quoted
        // scalars keep YAML's rule (no surrogate escapes).
        #expect(try parse(#"{a: '\ud83d\udc4d'}"#)["a"]?.text == #"\ud83d\udc4d"#)
        #expect(failure(#"a: "\ud83d\udc4d""#)?.contains("found invalid Unicode character escape code") == true)
    }

    @Test func ordinaryJSONIsNotCopied() {
        let text = Array(
            #"{"openapi": "3.1.0", "info": {"title": "caf\u00e9 \"x\" é", "version": "1"}, "paths": {}}"#.utf8)
        #expect(JSONAdapter.adapt(text) == nil)
    }

    // MARK: Keys YAML would not take as implicit keys

    @Test func colonOnALaterLineThanItsKey() throws {
        let root = try parse("{\"a\"\n  : 1, \"b\"\r\n\t:\n[2], \"c\"  :  3,\n \"d\"\n:\"\\ud83d\\udc4d\"}")
        #expect(root.entries.map { $0.key.text } == ["a", "b", "c", "d"])
        #expect(positions(root) == ["1:1", "1:2", "2:5", "2:8", "4:1", "4:2", "4:6", "4:14", "5:2", "6:2"])
        #expect(root["d"]?.text == "👍")
        // A key at the start of its line, the `?` written before it.
        #expect(positions(try parse("{\n\"a\"\n:1, \"b\":\n2}")) == ["1:1", "2:1", "3:2", "3:5", "4:1"])
    }

    @Test func keysLongerThanYAMLsImplicitKeyLimit() throws {
        for length in [1022, 1023, 1100, 5000] {
            let key = String(repeating: "k", count: length)
            let root = try parse(#"{"a":1,"\#(key)":2, "b": 3}"#)
            #expect(root.entries.map { $0.key.text } == ["a", key, "b"])
            #expect(
                positions(root) == [
                    "1:1", "1:2", "1:6", "1:8", "1:\(length + 11)", "1:\(length + 14)", "1:\(length + 19)",
                ])
        }
        // Far from its key on the same line.
        let spaced = try parse(#"{"a""# + String(repeating: " ", count: 2000) + #": 1, "b": 2}"#)
        #expect(positions(spaced) == ["1:1", "1:2", "1:2007", "1:2010", "1:2015"])
    }

    /// The limit counts what libyaml reads: escapes made shorter or longer count as rewritten.
    @Test func implicitKeyLimitCountsTheRewrittenKey() throws {
        // 1080 characters in the file, 900 once rewritten; then 1320 and 1100.
        for pairs in [90, 110] {
            let root = try parse(#"{"\#(String(repeating: #"\ud83d\udc4d"#, count: pairs))": 1}"#)
            #expect(root.entries.first?.key.text == String(repeating: "👍", count: pairs))
            #expect(root.entries.first?.value.location.column == 12 * pairs + 6)
        }
        // 1000 characters in the file, 1030 once each DEL is written `\x7F`.
        let key = String(repeating: "k", count: 990) + String(repeating: "\u{7F}", count: 10)
        let root = try parse(#"{"\#(key)": 1}"#)
        #expect(root.entries.first?.key.text == key)
        #expect(root.entries.first?.value.location.column == 1006)
    }

    // MARK: Raw characters

    @Test func charactersYAMLBansButJSONAllows() throws {
        let root = try parse("[\"a\u{7F}b\u{80}\u{9F}c\u{FFFE}\u{FFFF}\", \"\u{85}\", 1, \"\u{2028}\u{2029}\", \"x\"]")
        #expect(
            root.items.map(\.text) == ["a\u{7F}b\u{80}\u{9F}c\u{FFFE}\u{FFFF}", "\u{85}", "1", "\u{2028}\u{2029}", "x"])
        // NEL, U+2028 and U+2029 are characters of the string, not line breaks.
        #expect(positions(root) == ["1:1", "1:2", "1:14", "1:19", "1:22", "1:28"])
    }

    @Test func tabsAroundTheTopValue() throws {
        let root = try parse("\t \n\t{\"a\":\t1}\t\n\t\n")
        #expect(positions(root) == ["2:2", "2:3", "2:8"])
        #expect(try parse("\t\"x\"\t").location.column == 2)
        #expect(try parse(" \t42\n\t").text == "42")
    }

    // MARK: Valid JSON libyaml reads as it is

    @Test func jsonLibyamlReadsUnaided() throws {
        let root = try parse(
            #"{"": 0, "slash": "a\/b", "esc": "\"\\\b\f\n\r\t\u0041\u00e9", "nul": "x\u0000y", "n": [-0, 1E+2, 1e-7, -0.0, 12345678901234567890], "e": [], "o": {}}"#
        )
        #expect(root[""]?.text == "0")
        #expect(root["slash"]?.text == "a/b")
        #expect(root["esc"]?.text == "\"\\\u{8}\u{C}\n\r\tAé")
        #expect(root["nul"]?.text == "x\u{0}y")
        #expect(root["n"]?.items.map(\.scalarType) == [.int, .float, .float, .float, .int])
        #expect(root["n"]?.items.map(\.text) == ["-0", "1E+2", "1e-7", "-0.0", "12345678901234567890"])
        #expect(root["e"]?.count == 0 && root["o"]?.isMapping == true)
    }

    @Test func layoutLibyamlReadsUnaided() throws {
        let crlf = try parse("{\r\n  \"a\": [1,\r\n  2],\r\n\t\"b\"\t:\t\"c\"\r\n}\r\n")
        #expect(positions(crlf) == ["1:1", "2:3", "2:8", "2:9", "3:3", "4:2", "4:8"])
        let long = String(repeating: "v", count: 200_000)
        #expect(try parse(#"{"a": "\#(long)"}"#)["a"]?.text == long)
        #expect(try parse("\u{FEFF}[\"\u{FEFF}x\"]").items.first?.location.column == 2)
        #expect(try parse("\"s\"").text == "s")
        #expect(try parse("null").scalarType == .null)
    }

    @Test func nestingUpToTheLimitReadsAndDeeperStaysRefused() throws {
        let arrays = String(repeating: "[", count: 256) + String(repeating: "]", count: 256)
        #expect(try parse(arrays).isSequence)
        let objects = String(repeating: #"{"a":"#, count: 255) + "[1]" + String(repeating: "}", count: 255)
        #expect(try parse(objects).isMapping)
        #expect(
            failure("[" + arrays + "]")
                == "t.json:1:257: error: nesting is deeper than 256 levels; no OpenAPI document needs this, "
                + "so Lathe stops reading here"
        )
    }

    // MARK: A real spec

    static let twilio = repositoryRoot + "/../shared/corpus/twilio-api-v2010.json"
    static let twilioIsPresent = (try? FileBytes.read(twilio)) != nil

    @Test(.enabled(if: twilioIsPresent, "../shared/corpus/twilio-api-v2010.json is not beside this checkout"))
    func twilioSpecReads() throws {
        let tree = try YAMLReader().read(filePath: Self.twilio, displayPath: "twilio-api-v2010.json")
        let root = try #require(tree.root)
        #expect(root["openapi"]?.text == "3.0.1")
        let body = try #require(
            root["paths"]?["/2010-04-01/Accounts/{AccountSid}/Messages.json"]?["post"]?["responses"]?["201"]?[
                "content"]?["application/json"]?["examples"]?["create"]?["value"]?["body"])
        #expect(body.text == "Hello! 👍")
        #expect(body.location == SpecLocation(file: "twilio-api-v2010.json", line: 24352, column: 31))
        #expect(body.parent?.entries.first { $0.key.textEquals("body") }?.key.location.column == 23)
        #expect(
            body.pointer
                == "/paths/~12010-04-01~1Accounts~1{AccountSid}~1Messages.json/post/responses/201/content/application~1json/examples/create/value/body"
        )
        // Every node is where the same file without its escapes has it.
        let text = String(decoding: try FileBytes.read(Self.twilio), as: UTF8.self)
        let oracle = try YAMLReader().parse(Array(withoutSurrogates(text).utf8), path: "oracle.json")
        #expect(positions(root) == positions(try #require(oracle.root)))
    }
}

/// The repository's root folder, from this file's path (Tests/LatheYAMLTests/JSONTests.swift).
let repositoryRoot: String = {
    var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(3)
    return parts.joined(separator: "/")
}()
