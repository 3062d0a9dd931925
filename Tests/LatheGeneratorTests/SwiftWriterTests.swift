import Testing

@testable import LatheGenerator

/// `SwiftWriter` writes bytes; every line break in them ends a line, whatever the text held.
struct SwiftWriterTests {
    /// Line breaks of every kind, which spec text may smuggle into a line.
    static let breaks = ["\r", "\r\n", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}"]

    func newlineCount(_ bytes: [UInt8]) -> Int { bytes.filter { $0 == 0x0A }.count }

    @Test func aLineIsOneLineWhateverItHolds() {
        for lineBreak in Self.breaks {
            var w = SwiftWriter()
            w.block("enum E") { $0.line("// a\(lineBreak)b é — ✓") }
            let text = w.text
            #expect(newlineCount(w.bytes) == 3, "\(lineBreak.unicodeScalars.map(\.value))")
            #expect(!text.contains(lineBreak) || lineBreak == "\r\n" && !text.contains("\r"))
            #expect(text.hasPrefix("enum E {\n    // a") && text.hasSuffix("b é — ✓\n}\n"))
        }
    }

    /// A line written as code (an interpolated literal, collected as bytes) and the same line made
    /// a `String` first come out the same, any break escaped alike.
    @Test func codeAndTextLinesAreTheSame() {
        for piece in Self.breaks + ["\n", "", "é", "\u{2026}"] {
            let text = "let a = \"x\(piece)y\" // \(1)"
            var fromText = SwiftWriter()
            fromText.block(String("enum \(piece)E where \(1) == 1")) { $0.line(text) }
            var fromCode = SwiftWriter()
            fromCode.block("enum \(piece)E" + " where \(1) == 1") { $0.line("let a = \"x\(piece)y\" // \(1)") }
            #expect(fromCode.bytes == fromText.bytes, "\(piece.unicodeScalars.map(\.value))")
            #expect(newlineCount(fromCode.bytes) == 3)
        }
    }

    @Test func anotherWritersLinesAreIndentedAndEmptyLinesStayEmpty() {
        var inner = SwiftWriter()
        inner.line("let a = 1")
        inner.line()
        inner.line("let b = \"é\" // \u{2028}")
        var fromWriter = SwiftWriter()
        fromWriter.block("func f()") { $0.raw(inner) }
        var fromText = SwiftWriter()
        fromText.block("func f()") { $0.raw(inner.text) }
        #expect(fromWriter.bytes == fromText.bytes)
        #expect(fromWriter.text.hasPrefix("func f() {\n    let a = 1\n\n    let b = \"é\" // "))
        #expect(newlineCount(fromWriter.bytes) == 5)
    }

    /// An input's checks go into scopes of their own, split before each top-level `let value`, `if`
    /// or `switch` line but the first; indented lines stay with theirs.
    @Test func checksSplitIntoScopesAtTopLevelStatements() {
        var w = SwiftWriter()
        w.line("let value = self.a")
        w.line("try check(value)")
        w.line()
        w.line("if let value = self.b {")
        w.indented { $0.line("let value = value") }
        w.line("}")
        w.line("switch self.body {")
        w.line("}")
        let chunks = OperationsEmitter.scopes(w.bytes).map { String(decoding: w.bytes[$0], as: UTF8.self) }
        #expect(
            chunks == [
                "let value = self.a\ntry check(value)\n\n", "if let value = self.b {\n    let value = value\n}\n",
                "switch self.body {\n}\n",
            ])
        #expect(OperationsEmitter.scopes([]).isEmpty)
    }

    /// Spec text becomes doc lines split at every break, each made comment text once it reaches
    /// the writer: controls and bidirectional controls escaped, trailing spaces and tabs dropped,
    /// a line of spaces left blank.
    @Test func descriptionsBecomeDocLinesOfCommentText() {
        let pieces = ["Title  ", "tab\t", "ctl\u{1}x ", "\u{202E}bidi\u{2066}", "  \t", "é end", "", "last"]
        for lineBreak in Self.breaks + ["\n"] {
            var w = SwiftWriter()
            w.docComment(SwiftLiteral.docText(pieces.joined(separator: lineBreak)))
            let expected = pieces.map { piece in
                let text = SwiftLiteral.commentText(piece)
                return text.isEmpty ? "///\n" : "/// \(text)\n"
            }
            #expect(w.text == expected.joined(), "\(lineBreak.unicodeScalars.map(\.value))")
            #expect(!w.text.contains("\u{202E}") && !w.text.contains("\u{1}") && !w.text.contains(" \n"))
        }
    }

    @Test func textWithOtherBreaksGoesLineByLineThroughTheEscaping() {
        for lineBreak in Self.breaks where lineBreak != "\r\n" {
            // Only `\n` ends a line of rendered text; any other break is escaped inside its line.
            let rendered = "a\(lineBreak)b\n\nc\n"
            var w = SwiftWriter()
            w.indented { $0.raw(rendered) }
            var expected = SwiftWriter()
            expected.indented {
                $0.line("a\(lineBreak)b")
                $0.line()
                $0.line("c")
            }
            #expect(w.bytes == expected.bytes)
            #expect(newlineCount(w.bytes) == 3)
        }
    }
}
