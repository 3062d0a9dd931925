import Testing

@testable import LatheYAML

/// A block scalar whose first line is its indentation's spaces and then a tab (PeerTube's video
/// description example) is valid YAML, which libyaml refuses; the reader reads it with the
/// indentation indicator the content implies. A tab that is indentation stays an error.
struct TabbedBlockScalarTests {
    func parse(_ text: String) throws -> YAMLNode {
        try #require(try YAMLReader().parse(Array(text.utf8), path: "t.yaml").root)
    }

    func failure(_ text: String) -> String? {
        do {
            _ = try YAMLReader().parse(Array(text.utf8), path: "t.yaml")
            return nil
        } catch {
            return error.description
        }
    }

    @Test func aTabAfterTheContentsIndentationIsContent() throws {
        let root = try parse(
            """
            paths:
              video:
                example: |
                   \t"Want to help?"
                   **Take back** control
                after: 1
            literal: |-
              \tone
                two
            folded: >
               \tthree
               four
            list:
              - |
                \tfive
              - six
            """)
        #expect(root["paths"]?["video"]?["example"]?.text == "\t\"Want to help?\"\n**Take back** control\n")
        #expect(root["literal"]?.text == "\tone\n  two")
        // A line that opens with white space is not folded into the one before it.
        #expect(root["folded"]?.text == "\tthree\nfour\n")
        #expect(root["list"]?.items.map(\.text) == ["\tfive\n", "six"])
        // Every node keeps the line and column it has in the file.
        #expect(root["paths"]?["video"]?["after"]?.location == SpecLocation(file: "t.yaml", line: 6, column: 12))
        #expect(root["paths"]?["video"]?["example"]?.location == SpecLocation(file: "t.yaml", line: 3, column: 14))
        #expect(root["list"]?.items.last?.location == SpecLocation(file: "t.yaml", line: 16, column: 5))
    }

    /// An error after a mended scalar is where the file has it: its line and column, and the byte
    /// offset a reader error gives, one less than in the mended copy.
    @Test func laterErrorsKeepTheirColumns() {
        var bytes = Array("a: |\n  \tx\nb: ".utf8)
        bytes.append(0xFF)
        do {
            _ = try YAMLReader().parse(bytes, path: "t.yaml")
            Issue.record("invalid UTF-8 was read")
        } catch {
            #expect(error.description.hasPrefix("t.yaml:3:4: error: the file is not valid UTF-8 text"), "\(error)")
            #expect(error.description.hasSuffix("at byte offset 13"), "\(error)")
        }
        #expect(
            failure("a: | # note\n  \tx\nb: [1, 2\n")
                == "t.yaml:4:1: error: invalid YAML: did not find expected ',' or ']' (while parsing a flow "
                + "sequence that starts at line 3, column 4)")
        #expect(
            failure("a: |\n  \tx\nb: c: d\n")
                == "t.yaml:3:5: error: invalid YAML: mapping values are not allowed in this context")
    }

    /// A tab where the indentation is, or leading empty lines with more spaces than the content's
    /// first line (which YAML does not allow), stay libyaml's error.
    @Test func aTabThatIsIndentationStaysAnError() {
        let tabbed = failure("a:\n  b: |\n  \tx\n")
        #expect(
            tabbed?.contains("found a tab character where an indentation space is expected") == true, "\(tabbed ?? "")")
        // A header's own indicator says where the content is: the tab is in its indentation.
        let indicated = failure("a: |4\n  \tx\n")
        #expect(
            indicated?.contains("found a tab character where an indentation space is expected") == true,
            "\(indicated ?? "")")
        #expect(failure("a: |-4\n  \tx\n")?.contains("found a tab character") == true)
        let overIndented = failure("a: |\n     \n  \tx\n")
        #expect(
            overIndented?.contains("found a tab character where an indentation space is expected") == true,
            "\(overIndented ?? "")")
    }

    /// Each mend reads the file again: a large file gets fewer.
    @Test func largerFilesAreMendedFewerTimes() {
        #expect(TabbedBlockScalar.mostMended(inBytes: 300_000) == 64)
        #expect(TabbedBlockScalar.mostMended(inBytes: 4_000_000) == 8)
        #expect(TabbedBlockScalar.mostMended(inBytes: 40_000_000) == 1)
    }
}
