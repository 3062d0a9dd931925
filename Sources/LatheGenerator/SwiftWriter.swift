/// An indenting writer for Swift source: the only place generated text is assembled line by line.
struct SwiftWriter {
    private(set) var text = ""
    private var indentation = 0

    mutating func line(_ line: String = "") {
        if line.isEmpty {
            text += "\n"
        } else {
            text += String(repeating: "    ", count: indentation) + line + "\n"
        }
    }

    /// `header {`, the body indented, `}`.
    mutating func block(_ header: String, _ body: (inout SwiftWriter) -> Void) {
        line(header + " {")
        indentation += 1
        body(&self)
        indentation -= 1
        line("}")
    }

    /// `call { parameters in`, the body indented, `}`: a trailing closure.
    mutating func closure(_ call: String, parameters: String, _ body: (inout SwiftWriter) -> Void) {
        line("\(call) { \(parameters) in")
        indentation += 1
        body(&self)
        indentation -= 1
        line("}")
    }

    /// `do { … } catch pattern { … }`.
    mutating func doCatch(_ body: (inout SwiftWriter) -> Void, catching pattern: String = "", _ handler: (inout SwiftWriter) -> Void) {
        line("do {")
        indentation += 1
        body(&self)
        indentation -= 1
        line(pattern.isEmpty ? "} catch {" : "} catch \(pattern) {")
        indentation += 1
        handler(&self)
        indentation -= 1
        line("}")
    }

    /// `switch subject {` with its cases at the switch's own indentation, as Swift is written.
    mutating func switchBlock(_ subject: String, _ body: (inout SwiftWriter) -> Void) {
        line("switch \(subject) {")
        body(&self)
        line("}")
    }

    /// Lines rendered by another writer, indented to this one's level.
    mutating func raw(_ rendered: String) {
        for line in rendered.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
            self.line(String(line))
        }
    }

    mutating func indented(_ body: (inout SwiftWriter) -> Void) {
        indentation += 1
        body(&self)
        indentation -= 1
    }

    mutating func docComment(_ lines: [String]) {
        for line in lines {
            self.line(line.isEmpty ? "///" : "/// " + line)
        }
    }
}

/// Swift spellings of values: string literals and identifiers a spec cannot break.
enum SwiftLiteral {
    /// An array literal of strings: `["a", "b"]`.
    static func strings(_ texts: [String]) -> String {
        "[" + texts.map(string).joined(separator: ", ") + "]"
    }

    /// A string literal with everything escaped that could end or bend it.
    static func string(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\0": result += "\\0"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F || (0x2028 ... 0x2029).contains(scalar.value):
                result += "\\u{" + String(scalar.value, radix: 16) + "}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    /// Text for a doc comment line: no control characters, no trailing spaces.
    static func docText(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            String(line.unicodeScalars.filter { $0.value >= 0x20 || $0 == "\t" }.map(Character.init)).trimmingTrailingSpaces()
        }
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var result = self
        while let last = result.last, last == " " || last == "\t" || last == "\r" { result.removeLast() }
        return result
    }
}
