import Testing

@testable import LatheYAML

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Hostile input fails fast with one located error: never a crash, a hang or a memory blow-up.
struct HostileInputTests {
    func failure(_ bytes: [UInt8], path: String = "bad.yaml", reader: YAMLReader = YAMLReader()) -> String? {
        do {
            _ = try reader.parse(bytes, path: path)
            return nil
        } catch {
            return error.description
        }
    }

    func failure(_ text: String) -> String? { failure(Array(text.utf8)) }

    @Test func duplicateKeys() {
        #expect(
            failure("a: 1\nb: 2\na: 3\n")
                == "bad.yaml:3:1: error: duplicate key 'a' in this mapping (first defined at line 1, column 1); "
                + "YAML and JSON keys must be unique"
        )
    }

    @Test func duplicateKeysInALargeMapping() {
        let text = (0 ..< 100).map { "k\($0): 1" }.joined(separator: "\n") + "\nk7: 2\n"
        #expect(
            failure(text)
                == "bad.yaml:101:1: error: duplicate key 'k7' in this mapping (first defined at line 8, "
                + "column 1); YAML and JSON keys must be unique"
        )
    }

    @Test func duplicateKeysInJSON() {
        #expect(
            failure(#"{"a": 1, "a": 2}"#)
                == "bad.yaml:1:10: error: duplicate key 'a' in this mapping (first defined at line 1, column 2); "
                + "YAML and JSON keys must be unique"
        )
    }

    /// A published spec with a key said twice (Confluent's kafka-rest) is read as JSON parsers
    /// read it, where the reader is told to: the last value in the first one's place, with an error
    /// that says so in `findings`. In YAML and in JSON, in a mapping of any size; the value's
    /// pointer and location are its own.
    @Test(arguments: [
        ("a: 1\nb: 2\na: {c: 3}\nd: 4\n", "3:1", "line 1, column 1"),
        (#"{"a": 1, "b": 2, "a": {"c": 3}, "d": 4}"#, "1:18", "line 1, column 2"),
        ((0 ..< 40).map { "k\($0): 1\n" }.joined() + "a: 1\nb: 2\na: {c: 3}\nd: 4\n", "43:1", "line 41, column 1"),
    ])
    func duplicateKeysReadAsTheLastValue(text: String, at place: String, first: String) throws {
        var reader = YAMLReader()
        reader.readsDuplicateKeys = true
        let tree = try reader.parse(Array(text.utf8), path: "spec.yaml")
        let root = try #require(tree.root)
        let keys = root.entries.map { $0.key.text ?? "" }
        #expect(keys.suffix(3) == ["a", "b", "d"])
        let value = try #require(root["a"])
        #expect(value.isMapping && value["c"]?.text == "3")
        #expect(value.pointer == "/a" && value.parent == root)
        #expect(root["d"]?.pointer == "/d")
        #expect(
            tree.findings.map(\.description) == [
                "spec.yaml:\(place): error: duplicate key 'a' in this mapping (first defined at \(first)); "
                    + "YAML and JSON keys must be unique [duplicate-key]"
            ])
        #expect(tree.findings.first?.reading == "Lathe reads the last value, as JSON parsers do")
    }

    /// Read past with aliases about: a value that is an alias of an earlier sibling keeps that
    /// sibling's place; a key that is an alias is found among the keys only; a first value that
    /// is anchored stays an error (an alias to it would name the place it leaves).
    @Test func duplicateKeysBesideAliases() throws {
        var reader = YAMLReader()
        reader.readsDuplicateKeys = true
        let shared = try #require(try reader.parse(Array("a: 1\nb: &x 2\na: *x\n".utf8), path: "spec.yaml").root)
        #expect(shared.entries.map { $0.key.text ?? "" } == ["a", "b"])
        #expect(shared["a"]?.text == "2" && shared["b"]?.pointer == "/b")
        let aliasKey = try #require(try reader.parse(Array("a: &k x\n*k : 1\nx: 2\n".utf8), path: "spec.yaml").root)
        #expect(aliasKey.entries.map { $0.key.text ?? "" } == ["a", "x"])
        #expect(aliasKey["a"]?.text == "x" && aliasKey["x"]?.text == "2")
        #expect(throws: Diagnostic.self) {
            try reader.parse(Array("A: &a {b: 1}\nA: 2\nB: *a\n".utf8), path: "spec.yaml")
        }
        // An anchor inside the first value too; a first value that is an alias leaves nothing behind.
        #expect(throws: Diagnostic.self) {
            try reader.parse(Array("x: {p: &in {q: 1}}\nx: {r: 2}\ny: *in\n".utf8), path: "spec.yaml")
        }
        let aliased = try #require(
            try reader.parse(Array("c: &c {a: 1}\nm: {x: *c, x: {b: 2}}\n".utf8), path: "spec.yaml").root)
        #expect(aliased["m"]?["x"]?["b"]?.text == "2" && aliased["c"]?.pointer == "/c")
        // An anchor whose name a later one took still names its node.
        #expect(throws: Diagnostic.self) {
            try reader.parse(Array("a: &x {t: o}\nb: *x\nc: &x s\na: 1\n".utf8), path: "spec.yaml")
        }
    }

    @Test func billionLaughsIsRejectedInWellUnderASecond() {
        var lines = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
        let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"]
        for (previous, name) in zip(names, names.dropFirst()) {
            lines.append(
                "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ") + "]")
        }
        let clock = ContinuousClock()
        var message: String?
        let elapsed = clock.measure { message = failure(lines.joined(separator: "\n")) }
        // The budget is 100,000 nodes plus ten times the 22 nodes the file really holds.
        #expect(
            message
                == "bad.yaml:6:12: error: aliases here expand the document past 100220 nodes (an alias expansion "
                + "bomb); Lathe refuses to expand it"
        )
        #expect(elapsed < .milliseconds(500))
    }

    @Test func nestingThousandsOfLevelsDeep() {
        let text = String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000)
        #expect(
            failure(text)
                == "bad.yaml:1:257: error: nesting is deeper than 256 levels; no OpenAPI document needs this, "
                + "so Lathe stops reading here"
        )
        let block = (0 ..< 3000).map { String(repeating: " ", count: $0) + "k:" }.joined(separator: "\n")
        #expect(failure(block)?.hasPrefix("bad.yaml:257:257: error: nesting is deeper than 256 levels") == true)
    }

    @Test func aliasesCannotNestPastTheDepthLimit() {
        // Each anchor is 200 levels deep and ends in an alias to the previous one.
        var lines: [String] = []
        for index in 0 ..< 3 {
            let open = String(repeating: "[", count: 200)
            let close = String(repeating: "]", count: 200)
            let inner = index == 0 ? "leaf" : "*a\(index - 1)"
            lines.append("k\(index): &a\(index) \(open)\(inner)\(close)")
        }
        #expect(
            failure(lines.joined(separator: "\n"))
                == "bad.yaml:2:209: error: through alias '*a0' the document nests deeper than 256 levels; "
                + "no OpenAPI document needs this, so Lathe stops reading here"
        )
    }

    @Test func specialFilesAreNotRead() throws {
        #expect(failureReading("/dev/zero") == "lathe: error: cannot read '/dev/zero': it is not a regular file")
        #expect(failureReading("/") == "lathe: error: cannot read '/': it is a directory")
    }

    /// A named pipe is refused at once, not read: opening one for reading would wait for a writer.
    @Test(.timeLimit(.minutes(1))) func aNamedPipeIsRefusedWithoutWaiting() throws {
        let path = "/tmp/lathe-fifo-\(getpid())-\(Int.random(in: 0 ..< 1_000_000))"
        #expect(mkfifo(path, 0o600) == 0)
        defer { unlink(path) }
        #expect(failureReading(path) == "lathe: error: cannot read '\(path)': it is not a regular file")
    }

    func failureReading(_ path: String) -> String? {
        do {
            _ = try YAMLReader().read(filePath: path)
            return nil
        } catch {
            return error.description
        }
    }

    @Test func controlCharactersAreNamedAsSuch() {
        #expect(
            failure(Array("a: \u{7F}\n".utf8))
                == "bad.yaml:1:4: error: the file has a character YAML does not allow: "
                + "control characters are not allowed (byte 0x7F) at byte offset 3"
        )
    }

    @Test func invalidUTF8() {
        let bytes = Array("openapi: 3.1.0\ntitle: caf".utf8) + [0xC3, 0x28] + Array("\n".utf8)
        #expect(
            failure(bytes)
                == "bad.yaml:2:12: error: the file is not valid UTF-8 text: invalid trailing UTF-8 octet (byte "
                + "0x28) at byte offset 26"
        )
    }

    @Test func emptyFile() {
        #expect(failure([]) == "bad.yaml:1:1: error: the file is empty; expected an OpenAPI document in YAML or JSON")
        #expect(
            failure("# only a comment\n\n")
                == "bad.yaml:1:1: error: the file holds no YAML document (only whitespace or comments); "
                + "expected an OpenAPI document"
        )
    }

    @Test func binaryFile() {
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D]
        #expect(
            failure(png)
                == "bad.yaml:3:1: error: this is a binary file, not YAML or JSON (it has a NUL byte at offset 8)")
    }

    @Test func moreThanOneDocument() {
        #expect(
            failure("a: 1\n---\nb: 2\n")
                == "bad.yaml:2:1: error: the file holds more than one YAML document; "
                + "an OpenAPI description is one document (remove this '---' and what follows, or split the file)"
        )
    }

    @Test func recursiveAndUnknownAliases() {
        #expect(
            failure("a: &x [1, *x]\n")
                == "bad.yaml:1:11: error: alias '*x' refers to a node that contains it; "
                + "recursive aliases cannot be expanded"
        )
        #expect(
            failure("a: *nowhere\n")
                == "bad.yaml:1:4: error: alias '*nowhere' refers to no anchor; define '&nowhere' before using it")
    }

    @Test func complexKeysAndBadMerges() {
        #expect(
            failure("? [a, b]\n: 1\n") == "bad.yaml:1:3: error: mapping keys must be plain text; this key is a list")
        // The alias names a list, and the list's item 1 is not a mapping.
        #expect(
            failure("a: &a [1]\nb:\n  <<: *a\n")
                == "bad.yaml:1:8: error: the merge key '<<' takes a mapping or a list of mappings (usually '*anchor')")
        #expect(
            failure("b:\n  <<: 5\n")
                == "bad.yaml:2:7: error: the merge key '<<' takes a mapping or a list of mappings (usually '*anchor')")
    }

    @Test func tagThatDoesNotFit() {
        #expect(
            failure("a: !!int twelve\n")
                == "bad.yaml:1:4: error: the value 'twelve' does not fit its tag 'tag:yaml.org,2002:int'")
    }

    @Test func syntaxErrorsCarryLibyamlsPosition() {
        #expect(
            failure("a: 'unclosed\nb: 2\n")
                == "bad.yaml:3:1: error: invalid YAML: found unexpected end of stream (while scanning a quoted "
                + "scalar that starts at line 1, column 4)"
        )
        #expect(
            failure("a: [1, 2\n")
                == "bad.yaml:2:1: error: invalid YAML: did not find expected ',' or ']' (while parsing a flow "
                + "sequence that starts at line 1, column 4)"
        )
        #expect(
            failure("a:\n\t- b\n")
                == "bad.yaml:2:1: error: invalid YAML: found character that cannot start any token (while "
                + "scanning for the next token that starts at line 2, column 1)"
        )
    }
}
