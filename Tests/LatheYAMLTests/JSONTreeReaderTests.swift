import Foundation
import Testing

@_spi(Testing) @testable import LatheYAML

/// `JSONTreeReader` makes of strict JSON the very tree libyaml makes (through `JSONAdapter` and
/// `TreeBuilder`), and declines everything else, which libyaml then reads as before.
struct JSONTreeReaderTests {
    /// The tree libyaml makes of `bytes`, and `JSONTreeReader`'s, which must be there and the same.
    func expectSameTree(
        _ bytes: [UInt8], _ name: String = "t.json", sourceLocation: SourceLocation = #_sourceLocation
    )
        throws
    {
        let libyaml = try YAMLReader().parseWithLibyaml(bytes, path: name)
        let fast = try #require(
            JSONTreeReader.read(bytes, path: name, maximumDepth: 256), "\(name) was not read as JSON",
            sourceLocation: sourceLocation)
        #expect(fast.difference(from: libyaml) == nil, "\(name)", sourceLocation: sourceLocation)
    }

    func expectSameTree(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try expectSameTree(Array(text.utf8), sourceLocation: sourceLocation)
    }

    /// Declined by `JSONTreeReader`, and read (or refused) by `parse` exactly as libyaml reads it.
    func expectDeclined(_ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(JSONTreeReader.read(bytes, path: "t.json", maximumDepth: 256) == nil, sourceLocation: sourceLocation)
        let reader = YAMLReader()
        switch (
            outcome { () throws(Diagnostic) in try reader.parse(bytes, path: "t.json") },
            outcome { () throws(Diagnostic) in try reader.parseWithLibyaml(bytes, path: "t.json") }
        )
        {
        case (.success(let tree), .success(let oracle)):
            #expect(tree.difference(from: oracle) == nil, sourceLocation: sourceLocation)
        case (.failure(let error), .failure(let oracle)):
            #expect(error.description == oracle.description, sourceLocation: sourceLocation)
        default:
            Issue.record("parse and libyaml disagree on whether it reads", sourceLocation: sourceLocation)
        }
    }

    func outcome(_ read: () throws(Diagnostic) -> YAMLTree) -> Result<YAMLTree, Diagnostic> {
        do throws(Diagnostic) { return .success(try read()) } catch { return .failure(error) }
    }

    func expectDeclined(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        expectDeclined(Array(text.utf8), sourceLocation: sourceLocation)
    }

    // MARK: The same tree

    @Test func stringsEscapesAndNumbers() throws {
        try expectSameTree(
            #"{"": 0, "slash": "a\/b", "esc": "\"\\\b\f\n\r\t\u0041\u00e9\u20AC", "nul": "x\u0000y", "#
                + #""n": [-0, 1E+2, 1e-7, -0.0, 12345678901234567890, 0, 10, 1.5e+300, -1E-0], "#
                + #""lit": [true, false, null], "e": [], "o": {}, "esc at end": "abc\n", "\n": "key escaped"}"#)
        try expectSameTree(#""only a string""#)
        try expectSameTree(" 42 ")
        try expectSameTree("null")
        try expectSameTree("[]")
    }

    @Test func surrogatesAndCharactersYAMLBans() throws {
        try expectSameTree(
            #"["\ud800", "\udc00x", "\ud83dA", "\ud83d\u0041", "a\udbff\udbff", "\udc4d\ud83d", "\ud83d", 7, "\ud83d\udc4d"]"#
        )
        // DEL, C1 controls, NEL, U+2028, U+2029, U+FFFE, U+FFFF and a byte-order mark inside strings.
        try expectSameTree("[\"a\u{7F}b\u{85}c\u{9F}\", \"\u{2028}x\u{2029}\", \"\u{FFFE}\u{FFFF}\u{FEFF}\", 1]")
        try expectSameTree("{\"é\": \"日本語 🎉\", \"k\u{2028}\": [\"\u{10FFFF}\", 2]}")
    }

    @Test func layoutLinesAndColumns() throws {
        try expectSameTree("{\r\n  \"a\": [1,\r\n  2],\r\n\t\"b\"\t:\t\"c\"\r\n}\r\n")
        try expectSameTree("{\r  \"a\": [1,\r  2],\r\"b\":\"c\"}")
        try expectSameTree("\u{FEFF}[\"\u{FEFF}x\", {\"é\": \"😀\", \"z\": 1}]")
        try expectSameTree("\t \n[\t1\n,\n\t2 ]\t\n\n")
        try expectSameTree("{\"a\"\n:\n1, \"b\"   :   [ ] , \"c\": {\n}}")
        // Keys past YAML's implicit-key limit, and after non-ASCII text on their line.
        let long = String(repeating: "k", count: 1_500)
        try expectSameTree("{\"\(long)\": 1, \"ü\(long)\": [\"é\", 2], \"x\": 3}")
        try expectSameTree("{\"a\": \"\(String(repeating: "v", count: 200_000))\"}")
    }

    @Test func largeMappingsAndRepeatedTexts() throws {
        let entries = (0 ..< 300).map {
            ##""key\##($0)": {"type": "string", "$ref": "#/components/schemas/S\##($0 % 7)"}"##
        }
        try expectSameTree("{" + entries.joined(separator: ",") + "}")
        let longKeys = (0 ..< 80).map { #""\#(String(repeating: "p", count: 70))\#($0)": \#($0)"# }
        try expectSameTree("{" + longKeys.joined(separator: ", ") + "}")
    }

    @Test func nestingToTheLimit() throws {
        try expectSameTree(String(repeating: "[", count: 256) + String(repeating: "]", count: 256))
        try expectSameTree(String(repeating: #"{"a":"#, count: 255) + "[1]" + String(repeating: "}", count: 255))
    }

    /// Seeded random documents: every kind of value, escape, character and whitespace JSON allows.
    @Test func randomDocuments() throws {
        var generator = RandomJSON(seed: 0x5EED)
        var duplicates = 0
        for _ in 0 ..< 400 {
            let bytes = Array(generator.document().utf8)
            // Two keys of a mapping may decode to one text (`"\u0041"` and `"A"`): a duplicate,
            // which libyaml refuses and the JSON reader leaves to it.
            if JSONTreeReader.read(bytes, path: "t.json", maximumDepth: 256) == nil,
                case .failure(let error) = outcome({ () throws(Diagnostic) in
                    try YAMLReader().parseWithLibyaml(bytes, path: "t.json")
                }), error.message.hasPrefix("duplicate key")
            {
                duplicates += 1
                continue
            }
            try expectSameTree(bytes)
        }
        #expect(duplicates < 40)
    }

    static let repositoryFiles: [String] = ["Tests/Fixtures", "specs", "Fuzz/Specs"].flatMap { folder in
        jsonFiles(under: repositoryRoot + "/" + folder)
    }

    @Test func jsonFilesInTheRepository() throws {
        #expect(Self.repositoryFiles.count >= 5)
        for path in Self.repositoryFiles {
            let bytes = try FileBytes.read(path)
            if JSONTreeReader.read(bytes, path: path, maximumDepth: 256) != nil {
                try expectSameTree(bytes, path)
            } else {
                expectDeclined(bytes)
            }
        }
    }

    static let corpusFiles = jsonFiles(under: repositoryRoot + "/../shared/corpus")

    @Test(.enabled(if: !corpusFiles.isEmpty, "../shared/corpus is not beside this checkout"))
    func corpusSpecs() throws {
        for path in Self.corpusFiles {
            try expectSameTree(try FileBytes.read(path), path)
        }
    }

    // MARK: Declined

    @Test func whatIsNotStrictJSONIsLeftToLibyaml() {
        for text in [
            "openapi: 3.1.0", "{a: 1}", "{'a': 1}", #"{"a": 1,}"#, "[1, 2,]", #"{"a": 1} # note"#, "[01]", "[1.]",
            "[.5]", "[+1]", "[1e]", "[NaN]", "[Infinity]", "[True]", "[nul]", #"{"a" 1}"#, #"{"a": 1 "b": 2}"#,
            "[1] [2]", #"{"a": 1}}"#, "[1", "{\"a\": \"tab\tin text\"}", #"["\x41"]"#, #"["\u12G4"]"#, #"["\u12"]"#,
            #"["unclosed]"#, "{\"a\": &x 1}", "--- [1]", "[1]\n---\n[2]", #"{"a": 1, "a": 2}"#,
            #"{"\ud83d\udc4d": 1, "👍": 2}"#, "  ", "\u{FEFF}", #"{"k": !!str 1}"#,
            String(repeating: "[", count: 257) + String(repeating: "]", count: 257),
        ] {
            expectDeclined(text)
        }
        // Invalid UTF-8: a stray continuation byte, an overlong form, an encoded surrogate, past U+10FFFF.
        for bad: [UInt8] in [[0x80], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82]] {
            expectDeclined(Array(#"["a"#.utf8) + bad + Array(#""]"#.utf8))
        }
    }

    /// Keys are the same when their bytes are, in mappings of any size and in both readers: `é` in
    /// one scalar and `e` + U+0301 are two keys, though Swift's `==` calls their texts equal.
    @Test func canonicallyEquivalentKeysAreTwoKeys() throws {
        let few = #"{"\u00e9": 1, "e\u0301": 2}"#
        let many = (0 ..< 20).map { #""k\#($0)": 0, "# }.joined() + #""\u00e9": 1, "e\u0301": 2}"#
        for text in [few, "{" + many, "{\"é\": 1, \"e\u{301}\": 2}"] {
            try expectSameTree(text)
            let root = try #require(try YAMLReader().parse(Array(text.utf8), path: "t.json").root)
            #expect(root.entries.suffix(2).map { Array($0.key.text!.unicodeScalars) } == [["é"], ["e", "\u{301}"]])
        }
        // YAML too, past the 16 keys a mapping is searched one by one.
        let yaml = (0 ..< 20).map { "k\($0): 0\n" }.joined() + "é: 1\ne\u{301}: 2\n"
        #expect(try YAMLReader().parse(Array(yaml.utf8), path: "t.yaml").root?.count == 22)
    }

    @Test func aDuplicateAmongManyKeysIsFound() {
        let keys = (0 ..< 100).map { #""k\#($0)": \#($0)"# }.joined(separator: ", ")
        expectDeclined("{\(keys), \"k57\": 0}")
        let long = String(repeating: "x", count: 90)
        let longKeys = (0 ..< 40).map { #""\#(long)\#($0)": 0"# }.joined(separator: ", ")
        expectDeclined("{\(longKeys), \"\(long)3\": 1}")
    }
}

/// The JSON files under `folder`, at any depth.
func jsonFiles(under folder: String) -> [String] {
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [] }
    return names.sorted().flatMap { name -> [String] in
        let path = folder + "/" + name
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            return jsonFiles(under: path)
        }
        return name.hasSuffix(".json") ? [path] : []
    }
}

/// Random JSON documents from a seed: nested values, every escape, characters of each UTF-8 length
/// (and those YAML bans), and each whitespace JSON allows, CR and CR LF line ends among them.
struct RandomJSON {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    private mutating func next(_ bound: Int) -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int((state >> 33) % UInt64(bound))
    }

    mutating func document() -> String {
        space() + value(depth: 0) + space()
    }

    private mutating func space() -> String {
        let pieces = [" ", "\t", "\n", "\r\n", "\r", "  ", ""]
        return (0 ..< next(3)).map { _ in pieces[next(pieces.count)] }.joined()
    }

    private mutating func value(depth: Int) -> String {
        switch depth > 4 ? next(3) : next(6) {
        case 0: return string()
        case 1: return number()
        case 2: return ["true", "false", "null"][next(3)]
        case 3:
            return "[" + (0 ..< next(5)).map { _ in space() + value(depth: depth + 1) + space() }.joined(separator: ",")
                + "]"
        default:
            var keys = Set<String>()
            let entries = (0 ..< next(6)).compactMap { _ -> String? in
                let key = string()
                guard keys.insert(key).inserted else { return nil }
                return space() + key + space() + ":" + space() + value(depth: depth + 1) + space()
            }
            return "{" + entries.joined(separator: ",") + "}"
        }
    }

    private mutating func number() -> String {
        var text = next(2) == 0 ? "-" : ""
        text += next(3) == 0 ? "0" : String(1 + next(9)) + (0 ..< next(4)).map { _ in String(next(10)) }.joined()
        if next(3) == 0 { text += "." + (0 ..< 1 + next(3)).map { _ in String(next(10)) }.joined() }
        if next(4) == 0 { text += ["e", "E"][next(2)] + ["", "+", "-"][next(3)] + String(next(400)) }
        return text
    }

    private mutating func string() -> String {
        let pieces = [
            "a", "type", "#/components/schemas/Pet", " ", "é", "日本", "😀", "\u{7F}", "\u{85}", "\u{9F}", "\u{2028}",
            "\u{FFFE}", "\u{FEFF}", "\\\"", "\\\\", "\\/", "\\b", "\\f", "\\n", "\\r", "\\t", "\\u0041", "\\u00E9",
            "\\u0000", "\\ud83d\\udc4d", "\\ud800", "\\udc00", "\\uDBFF\\uDFFF", "\\uFFFF", ":", ",", "{", "]", "'",
            "#", "&", "*", "!", "|", ">", "%", "@", "`", "-", "? ",
        ]
        return "\"" + (0 ..< next(8)).map { _ in pieces[next(pieces.count)] }.joined() + "\""
    }
}
