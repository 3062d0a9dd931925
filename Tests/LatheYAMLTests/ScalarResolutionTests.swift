import Testing

@testable import LatheYAML

/// How each tricky scalar resolves. OpenAPI tools use the YAML 1.2 core schema, and Lathe keeps the
/// source text beside the type, so nothing is silently turned into something else.
struct ScalarResolutionTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var source: String
        var type: YAMLScalarType
        var text: String
        var testDescription: String { source }
    }

    static let cases: [Case] = [
        Case(source: "200", type: .int, text: "200"),  // a response key stays "200"
        Case(source: "'200'", type: .string, text: "200"),
        Case(source: "3.0", type: .float, text: "3.0"),  // a version stays "3.0", not 3
        Case(source: "3.1.0", type: .string, text: "3.1.0"),
        Case(source: "on", type: .string, text: "on"),  // YAML 1.1 booleans are strings in 1.2
        Case(source: "yes", type: .string, text: "yes"),
        Case(source: "no", type: .string, text: "no"),
        Case(source: "off", type: .string, text: "off"),
        Case(source: "0123", type: .int, text: "0123"),  // core-schema int; text keeps the zero
        Case(source: "1e3", type: .float, text: "1e3"),  // core-schema float; text keeps "1e3"
        Case(source: "0x1F", type: .int, text: "0x1F"),
        Case(source: "0o17", type: .int, text: "0o17"),
        Case(source: "-12", type: .int, text: "-12"),
        Case(source: "+12", type: .int, text: "+12"),
        Case(source: "1_000", type: .string, text: "1_000"),  // no underscores in 1.2 numbers
        Case(source: "-.5", type: .float, text: "-.5"),
        Case(source: "1.", type: .float, text: "1."),
        Case(source: ".inf", type: .float, text: ".inf"),
        Case(source: "-.Inf", type: .float, text: "-.Inf"),
        Case(source: ".NaN", type: .float, text: ".NaN"),
        Case(source: "true", type: .bool, text: "true"),
        Case(source: "False", type: .bool, text: "False"),
        Case(source: "TRUE", type: .bool, text: "TRUE"),
        Case(source: "tRUE", type: .string, text: "tRUE"),
        Case(source: "~", type: .null, text: "~"),
        Case(source: "null", type: .null, text: "null"),
        Case(source: "NULL", type: .null, text: "NULL"),
        Case(source: "\"null\"", type: .string, text: "null"),
        Case(source: "2001-12-14", type: .string, text: "2001-12-14"),  // no timestamps in the core schema
        Case(source: "!!str 123", type: .string, text: "123"),
        Case(source: "!!int \"12\"", type: .int, text: "12"),
        Case(source: "!!float 1", type: .float, text: "1"),
        Case(source: "e3", type: .string, text: "e3"),
        Case(source: "1e", type: .string, text: "1e"),
        Case(source: ".", type: .string, text: "."),
        Case(source: "|\n  literal\n", type: .string, text: "literal\n"),
    ]

    @Test(arguments: cases)
    func resolves(_ testCase: Case) throws {
        let tree = try YAMLReader().parse(Array("value: \(testCase.source)".utf8), path: "t.yaml")
        let node = try #require(tree.root?["value"])
        #expect(node.scalarType == testCase.type)
        #expect(node.text == testCase.text)
    }

    @Test func emptyValueIsNull() throws {
        let tree = try YAMLReader().parse(Array("value:\nother: 1".utf8), path: "t.yaml")
        #expect(tree.root?["value"]?.scalarType == .null)
        #expect(tree.root?["value"]?.text == "")
    }

    @Test func scalarStylesAreKept() throws {
        let tree = try YAMLReader().parse(
            Array("a: plain\nb: 'single'\nc: \"double\"\nd: |\n  lit\ne: >\n  fold\n".utf8), path: "t.yaml")
        let root = try #require(tree.root)
        #expect(root["a"]?.scalarStyle == .plain)
        #expect(root["b"]?.scalarStyle == .singleQuoted)
        #expect(root["c"]?.scalarStyle == .doubleQuoted)
        #expect(root["d"]?.scalarStyle == .literal)
        #expect(root["e"]?.scalarStyle == .folded)
    }

    @Test func tagsAreKeptInFullForm() throws {
        let tree = try YAMLReader().parse(Array("a: !!str 1\nb: !custom x\nc: plain".utf8), path: "t.yaml")
        let root = try #require(tree.root)
        #expect(root["a"]?.tag == "tag:yaml.org,2002:str")
        #expect(root["b"]?.tag == "!custom")
        #expect(root["b"]?.scalarType == .string)
        #expect(root["c"]?.tag == nil)
    }
}
