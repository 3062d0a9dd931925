/// A lexical check of generated Swift: every comment and literal ends, brackets pair up, and no
/// compiler directive (`#if`, `#sourceLocation`, …) stands outside a literal or comment. Spec text
/// reaches generated code only inside literals and comments, or as sanitised identifiers, so any
/// of these failing means spec text escaped its context.
public struct SwiftShape {
    public struct Problem: Error, CustomStringConvertible {
        public var file: String
        public var offset: Int
        public var message: String
        public var description: String { "\(file) at byte \(offset): \(message)" }
    }

    private let bytes: [UInt8]
    private let file: String
    private var index = 0

    public static func check(_ text: String, file: String) throws(Problem) {
        var shape = SwiftShape(bytes: Array(text.utf8), file: file)
        try shape.code(closing: nil)
        if shape.index < shape.bytes.count { throw shape.problem("an unmatched closing bracket") }
    }

    private init(bytes: [UInt8], file: String) {
        self.bytes = bytes
        self.file = file
    }

    private func problem(_ message: String) -> Problem {
        Problem(file: file, offset: index, message: message)
    }

    private func peek(_ offset: Int = 0) -> UInt8? {
        index + offset < bytes.count ? bytes[index + offset] : nil
    }

    private func starts(with text: String) -> Bool {
        let utf8 = Array(text.utf8)
        return index + utf8.count <= bytes.count && bytes[index ..< (index + utf8.count)].elementsEqual(utf8)
    }

    /// Code up to the bracket that closes `closing` (or the end of the text when `nil`).
    private mutating func code(closing: UInt8?) throws(Problem) {
        while let byte = peek() {
            switch byte {
            case UInt8(ascii: "/") where peek(1) == UInt8(ascii: "/"):
                while let next = peek(), next != UInt8(ascii: "\n") { index += 1 }
            case UInt8(ascii: "/") where peek(1) == UInt8(ascii: "*"):
                try blockComment()
            case UInt8(ascii: "\""):
                try stringLiteral(hashes: 0)
            case UInt8(ascii: "#"):
                var hashes = 0
                while peek(hashes) == UInt8(ascii: "#") { hashes += 1 }
                if peek(hashes) == UInt8(ascii: "\"") {
                    index += hashes
                    try stringLiteral(hashes: hashes)
                    continue
                }
                for directive in [
                    "#if", "#else", "#elseif", "#endif", "#sourceLocation", "#error", "#warning", "#line",
                ]
                where starts(with: directive) {
                    throw problem("the directive \(directive) outside a literal")
                }
                index += 1
            case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"):
                index += 1
                try code(closing: byte == UInt8(ascii: "(") ? UInt8(ascii: ")") : byte + 2)
            case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"):
                guard byte == closing else { throw problem("a bracket closed by \(Character(Unicode.Scalar(byte)))") }
                index += 1
                return
            default:
                index += 1
            }
        }
        if closing != nil { throw problem("a bracket that is never closed") }
    }

    private mutating func blockComment() throws(Problem) {
        var depth = 0
        repeat {
            if starts(with: "/*") {
                depth += 1
                index += 2
            } else if starts(with: "*/") {
                depth -= 1
                index += 2
            } else if peek() == nil {
                throw problem("a block comment that never ends")
            } else {
                index += 1
            }
        } while depth > 0
    }

    /// A string literal from its opening quote, raw when `hashes` > 0, with interpolations read as code.
    private mutating func stringLiteral(hashes: Int) throws(Problem) {
        let multiline = starts(with: "\"\"\"")
        let quote = multiline ? "\"\"\"" : "\""
        index += quote.utf8.count
        let terminator = quote + String(repeating: "#", count: hashes)
        let escape = "\\" + String(repeating: "#", count: hashes)
        while true {
            guard let byte = peek() else { throw problem("a string literal that never ends") }
            if !multiline && byte == UInt8(ascii: "\n") {
                throw problem("a line break inside a one-line string literal")
            }
            if starts(with: terminator) {
                index += terminator.utf8.count
                return
            }
            if starts(with: escape) {
                index += escape.utf8.count
                if peek() == UInt8(ascii: "(") {
                    index += 1
                    try code(closing: UInt8(ascii: ")"))
                } else {
                    index += 1
                }
                continue
            }
            index += 1
        }
    }
}
