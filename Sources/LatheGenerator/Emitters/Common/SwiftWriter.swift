import LatheDiagnostics

/// An indenting writer for Swift source: the only place generated text is assembled line by line.
/// It collects UTF-8 bytes, not a `String`: appending to a `String` cost about 400 instructions a
/// call, a fifth of generating Square's spec, where an array of bytes takes a copy.
struct SwiftWriter {
    /// The text written so far, as UTF-8. Every line break in it is a `\n` ending a line.
    private(set) var bytes: [UInt8] = []
    private var indentation = 0

    /// The text written so far.
    var text: String { String(decoding: bytes, as: UTF8.self) }
    var isEmpty: Bool { bytes.isEmpty }

    /// One line written with interpolation (`w.line("let \(name) = \(value)")`), its pieces copied
    /// as bytes. As `line(_: String)`, a line break in it is written as a visible escape.
    mutating func line(_ code: SwiftCode) {
        code.withBytes { code in
            guard !code.isEmpty else {
                bytes.append(0x0A)
                return
            }
            let mayBreak = code.firstByte(from: 0, below: 0x0E) < code.count
            guard !mayBreak || !code.contains(where: SwiftLiteral.mayStartLineBreak) else {
                line(String(decoding: code, as: UTF8.self))
                return
            }
            writeIndent()
            bytes.append(contentsOf: code)
            bytes.append(0x0A)
        }
    }

    /// One line. A line break inside `line` can only come from spec text that missed its escaping,
    /// and would let that text out of its comment or literal into code; it is written as a visible
    /// escape instead, which at worst fails to compile.
    @_disfavoredOverload
    mutating func line(_ line: String = "") {
        if !line.isEmpty {
            writeIndent()
            bytes.append(utf8: SwiftLiteral.withoutLineBreaks(line))
        }
        bytes.append(0x0A)
    }

    /// The current level's indentation; the usual levels are made once.
    private mutating func writeIndent() {
        if indentation < Self.indents.count {
            Self.indents[indentation].withUnsafeBufferPointer { bytes.append(contentsOf: $0) }
        } else {
            bytes.append(contentsOf: repeatElement(0x20, count: 4 * indentation))
        }
    }
    private static let indents = (0 ..< 12).map { [UInt8](repeating: 0x20, count: 4 * $0) }

    /// `header {`, the body indented, `}`.
    mutating func block(_ header: SwiftCode, _ body: (inout SwiftWriter) -> Void) {
        line(header + " {")
        indented(body)
        line("}")
    }

    /// `header {`, the body indented, `}`. Not forwarded to the `SwiftCode` version: copying every
    /// `String` header into code first cost Square 1.2% more instructions.
    @_disfavoredOverload
    mutating func block(_ header: String, _ body: (inout SwiftWriter) -> Void) {
        line(header + " {")
        indented(body)
        line("}")
    }

    /// `public init(a: A, b: B? = nil)` storing each argument in the member of its (escaped) name;
    /// `parameters` are the declarations (`b: B? = nil`; such a member is declared `B?`). With
    /// `emptyInline`, no members is `public init() {}` on one line.
    mutating func memberwiseInit(_ members: [(name: String, parameter: String)], emptyInline: Bool = false) {
        if members.isEmpty, emptyInline {
            line("public init() {}")
            return
        }
        block("public init(\(members.map(\.parameter).joined(separator: ", ")))") { w in
            for member in members {
                w.store(
                    member.name, in: member.name, startsAsNil: member.parameter.hasSuffix("? = nil"),
                    among: members.count)
            }
        }
    }

    /// `self.member = argument` in an initializer of `among` stores. Past
    /// `CompilerLimits.storesInOneBlock`, an optional `argument` (a name) of a member that starts as nil (a
    /// `var` of optional type) is stored as `if let argument { self.member = argument }`.
    mutating func store(_ argument: String, in member: String, startsAsNil: Bool, among stores: Int) {
        if startsAsNil, stores >= CompilerLimits.storesInOneBlock {
            line("if let \(argument) { self.\(member) = \(argument) }")
        } else {
            line("self.\(member) = \(argument)")
        }
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
    mutating func doCatch(
        _ body: (inout SwiftWriter) -> Void, catching pattern: String = "", _ handler: (inout SwiftWriter) -> Void
    ) {
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
    mutating func raw(_ rendered: SwiftWriter) {
        raw(rendered, lines: 0 ..< rendered.bytes.count)
    }

    /// Some of the lines another writer rendered, `range` of its bytes (whole lines), indented to
    /// this one's level.
    mutating func raw(_ rendered: SwiftWriter, lines range: Range<Int>) {
        // Its only line breaks are the `\n`s that end its lines (`line` escaped any other).
        rendered.bytes.withUnsafeBufferPointer { appendLines(UnsafeBufferPointer(rebasing: $0[range])) }
    }

    /// Lines rendered elsewhere (by another writer, as text), indented to this one's level.
    mutating func raw(_ rendered: String) {
        // This is how most emitters' output reaches its file, so it works on bytes. Another writer's
        // text has no line break but its `\n`s; that is checked once, and only text that fails the
        // check goes line by line through `line`'s escaping.
        let onlyNewlines = !rendered.containsByte { (0x0B ... 0x0D).contains($0) || $0 == 0xC2 || $0 == 0xE2 }
        guard onlyNewlines else {
            let utf8 = rendered.utf8
            var start = utf8.startIndex
            while let end = utf8[start...].firstIndex(of: 0x0A) {
                line(String(rendered[start ..< end]))
                start = utf8.index(after: end)
            }
            return
        }
        var rendered = rendered
        rendered.withUTF8 { appendLines($0) }
    }

    /// Each `\n`-ended line of `text` (a last line without one is dropped), indented unless empty.
    private mutating func appendLines(_ text: UnsafeBufferPointer<UInt8>) {
        var start = 0
        while let newline = text[start...].firstIndex(of: 0x0A) {
            if newline > start {
                writeIndent()
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[start ..< newline]))
            }
            bytes.append(0x0A)
            start = newline + 1
        }
    }

    mutating func indented(_ body: (inout SwiftWriter) -> Void) {
        indentation += 1
        body(&self)
        indentation -= 1
    }

    /// `///` lines. Each line is comment text (`SwiftLiteral.commentText`), whatever its caller did.
    mutating func docComment(_ lines: [String]) {
        for line in lines {
            // `commentText` escapes every line break, so the text goes in as bytes, without the
            // string joined to `/// ` and `line`'s check for breaks: doc lines are a fifth of Square's output.
            let text = SwiftLiteral.commentText(line)
            writeIndent()
            bytes.append(contentsOf: text.isEmpty ? Self.emptyDocLine : Self.docLinePrefix)
            bytes.append(utf8: text)
            bytes.append(0x0A)
        }
    }
    private static let emptyDocLine = Array("///".utf8)
    private static let docLinePrefix = Array("/// ".utf8)

    /// A `//` line.
    mutating func comment(_ line: String) {
        self.line("// " + SwiftLiteral.commentText(line))
    }
}

/// A line of generated code as an interpolated literal. Its pieces are collected as UTF-8 bytes:
/// appends to a `String` (about 400 instructions each) were 15% of generating Square's spec after
/// `SwiftWriter` itself wrote bytes, where an array of bytes takes a copy. `SwiftWriter.line` and
/// `block` prefer it to a `String`.
struct SwiftCode: ExpressibleByStringInterpolation, CustomStringConvertible {
    /// A literal with nothing interpolated (`"}"`), kept as it is: most lines of that kind are
    /// short, and an array for each would be an allocation.
    private var literal: StaticString?
    /// The bytes collected, when there is no `literal`.
    private var collected: [UInt8] = []

    init(stringLiteral literal: StaticString) { self.literal = literal }

    init(stringInterpolation: Interpolation) { collected = stringInterpolation.bytes }

    private init(collected: [UInt8]) { self.collected = collected }

    /// Calls `body` with the code's UTF-8, valid only inside it.
    func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        guard let literal else { return collected.withUnsafeBufferPointer(body) }
        return literal.withUTF8Buffer(body)
    }

    /// The code as text, should it be put into a `String`.
    var description: String { withBytes { String(decoding: $0, as: UTF8.self) } }

    /// `parts` one after another, `separator` between them.
    static func joined(_ parts: [SwiftCode], separator: StaticString) -> SwiftCode {
        var joined: [UInt8] = []
        for (index, part) in parts.enumerated() {
            if index > 0 { separator.withUTF8Buffer { joined.append(contentsOf: $0) } }
            part.withBytes { joined.append(contentsOf: $0) }
        }
        return SwiftCode(collected: joined)
    }

    /// A literal split over lines to fit them (`"… \(a) " + "\(b) …"`) stays code.
    static func + (lhs: SwiftCode, rhs: SwiftCode) -> SwiftCode {
        var joined: [UInt8] = []
        lhs.withBytes { joined.append(contentsOf: $0) }
        rhs.withBytes { joined.append(contentsOf: $0) }
        return SwiftCode(collected: joined)
    }

    struct Interpolation: StringInterpolationProtocol {
        fileprivate var bytes: [UInt8] = []

        init(literalCapacity: Int, interpolationCount: Int) {
            bytes.reserveCapacity(literalCapacity + 24 * interpolationCount)
        }

        mutating func appendLiteral(_ literal: StaticString) {
            literal.withUTF8Buffer { bytes.append(contentsOf: $0) }
        }

        mutating func appendInterpolation(_ text: String) { bytes.append(utf8: text) }

        mutating func appendInterpolation(_ code: SwiftCode) { code.withBytes { bytes.append(contentsOf: $0) } }

        /// Numbers and the like, without `String(describing:)`'s search for a conformance at run time.
        mutating func appendInterpolation(_ value: some CustomStringConvertible) {
            bytes.append(utf8: value.description)
        }

        mutating func appendInterpolation(_ value: some Any) { bytes.append(utf8: String(describing: value)) }

        /// An optional would be written `Optional(…)`: unwrap it first.
        @available(*, unavailable, message: "unwrap the optional")
        mutating func appendInterpolation<Value>(_ value: Value?) {}
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
        // Every scalar escaped below starts with `"`, `\`, a byte below 0x20, DEL, or the lead byte
        // C2 (C1 controls), D8 (U+061C) or E2 (U+2000 to U+2FFF); most strings have none of them.
        let mayNeedEscape =
            text.mayContainByte(below: 0x20, or: 0x22, 0x5C, 0x7F)
            && text.containsByte {
                $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x7F || $0 == 0xC2 || $0 == 0xD8 || $0 == 0xE2
            }
        if !mayNeedEscape { return quoted(text) }
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\0": result += "\\0"
            // Controls, line separators and the bidirectional formatting characters (which can make a
            // literal read as something else, CVE-2021-42574) are written as escapes; the value is the same.
            case _
            where scalar.value < 0x20 || (0x7F ... 0x9F).contains(scalar.value)
                || (0x2028 ... 0x2029).contains(scalar.value)
                || SwiftLiteral.isBidiControl(scalar):
                result += "\\u{" + String(scalar.value, radix: 16) + "}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    /// `"text"`, made at once: two appends to a `String` cost more than the copy.
    private static func quoted(_ text: String) -> String {
        guard #available(macOS 11, iOS 14, tvOS 14, watchOS 7, *) else { return "\"" + text + "\"" }
        var text = text
        return text.withUTF8 { utf8 in
            String(unsafeUninitializedCapacity: utf8.count + 2) { buffer in
                buffer[0] = 0x22
                _ = UnsafeMutableBufferPointer(rebasing: buffer[1 ..< utf8.count + 1]).initialize(from: utf8)
                buffer[utf8.count + 1] = 0x22
                return utf8.count + 2
            }
        }
    }

    /// A description as doc comment lines: split at every kind of line break (`\r\n`, `\r`, `\n`,
    /// U+0085, U+2028, U+2029), each line without its trailing spaces. Not yet comment text:
    /// `SwiftWriter.docComment`, where every doc line goes, makes it that (`commentText`, which
    /// gives the same text for a line trimmed first, and leaves no line blank that was not).
    static func docText(_ text: String) -> [String] {
        // Most descriptions are one line of ASCII: they need no scan for breaks.
        if !text.mayContainByte(below: 0x0E) { return [text.trimmingTrailingSpaces()] }
        // Scans bytes, not scalars: descriptions are most of a spec's text. The breaks are \n, \v,
        // \f, \r (with \r\n as one), U+0085 (C2 85), U+2028 and U+2029 (E2 80 A8/A9).
        func lineRanges(_ bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
            var ranges: [Range<Int>] = []
            var start = 0
            var index = 0
            while index < bytes.count {
                // To the next byte a break can start with (below 0x0E, or not ASCII), eight at a time.
                index = bytes.firstByte(from: index, below: 0x0E)
                guard index < bytes.count else { break }
                let rest = bytes.count - index
                var breakLength = 0
                switch bytes[index] {
                case 0x0A, 0x0B, 0x0C: breakLength = 1
                case 0x0D: breakLength = rest > 1 && bytes[index + 1] == 0x0A ? 2 : 1
                case 0xC2 where rest > 1 && bytes[index + 1] == 0x85: breakLength = 2
                case 0xE2 where rest > 2 && bytes[index + 1] == 0x80 && (bytes[index + 2] & 0xFE) == 0xA8:
                    breakLength = 3
                default: break
                }
                if breakLength > 0 {
                    ranges.append(start ..< index)
                    index += breakLength
                    start = index
                } else {
                    index += 1
                }
            }
            ranges.append(start ..< bytes.count)
            return ranges
        }
        let utf8 = text.utf8
        let ranges =
            utf8.withContiguousStorageIfAvailable(lineRanges) ?? Array(utf8).withUnsafeBufferPointer(lineRanges)
        return ranges.map { range in
            let lower = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
            let upper = utf8.index(lower, offsetBy: range.count)
            return String(text[lower ..< upper]).trimmingTrailingSpaces()
        }
    }

    /// Spec text made safe for one line of a `//` or `///` comment, the only path by which spec text
    /// reaches a comment: line breaks and other control characters, and the bidirectional controls
    /// that can make code read differently from what compiles (CVE-2021-42574), are written as
    /// visible `\u{…}` escapes, and trailing spaces are dropped. Nothing is left that ends the
    /// comment, so whatever follows stays comment.
    public static func commentText(_ text: String) -> String {
        // Every scalar to escape starts with a byte below 0x20, DEL, or the lead byte C2 (C1
        // controls), D8 (U+061C) or E2 (U+2000 to U+2FFF); text without them needs no scalar walk.
        let mayNeedEscape =
            text.mayContainByte(below: 0x20, or: 0x7F)
            && text.containsByte {
                ($0 < 0x20 && $0 != 0x09) || $0 == 0x7F || $0 == 0xC2 || $0 == 0xD8 || $0 == 0xE2
            }
        let escaped = mayNeedEscape ? Diagnostic.escapingScalars(text, where: needsCommentEscape) : text
        return escaped.trimmingTrailingSpaces()
    }

    /// `line` with every line break replaced by a visible escape (see `SwiftWriter.line`).
    static func withoutLineBreaks(_ line: String) -> String {
        // Fast path: line breaks are \n, \v, \f, \r, or start with the bytes C2 (U+0085) or E2 (U+2028/9).
        guard line.mayContainByte(below: 0x0E), line.containsByte(where: mayStartLineBreak) else { return line }
        return Diagnostic.escapingScalars(line, where: isLineBreak)
    }

    /// A UTF-8 byte a line break may start with (`isLineBreak`'s scalars): \n, \v, \f, \r, or
    /// the lead byte of U+0085 (C2) or of U+2028 and U+2029 (E2).
    static func mayStartLineBreak(_ byte: UInt8) -> Bool {
        (0x0A ... 0x0D).contains(byte) || byte == 0xC2 || byte == 0xE2
    }

    static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029: true
        default: false
        }
    }

    private static func needsCommentEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09: false  // a tab is harmless
        case 0 ..< 0x20, 0x7F ... 0x9F: true
        case 0x2028, 0x2029: true
        case _ where isBidiControl(scalar): true
        default: false
        }
    }

    /// Bidirectional formatting characters: embeddings, overrides, isolates, marks.
    static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x061C, 0x200E, 0x200F, 0x202A ... 0x202E, 0x2066 ... 0x2069: true
        default: false
        }
    }
}

extension String {
    /// Whether a UTF-8 byte of the string satisfies `predicate`; read from contiguous storage when
    /// the string has it, which is several times faster than the view's own iteration.
    func containsByte(where predicate: (UInt8) -> Bool) -> Bool {
        utf8.withContiguousStorageIfAvailable { $0.contains(where: predicate) } ?? utf8.contains(where: predicate)
    }

    func trimmingTrailingSpaces() -> String {
        var end = utf8.endIndex
        while end > utf8.startIndex, case let before = utf8.index(before: end),
            [0x20, 0x09, 0x0D].contains(utf8[before])
        {
            end = before
        }
        return end == utf8.endIndex ? self : String(self[..<end])
    }
}
