/// An RFC 9535 JSONPath query, parsed: segments of name, wildcard, index, slice and filter
/// selectors, child and descendant segments, and filters with comparisons, existence tests and
/// `&&`, `||`, `!`. Function extensions (`length()`, `match()`…) are rejected with a clear message.
public struct JSONPathQuery: Sendable, CustomStringConvertible {
    public let text: String
    let query: Query

    public init(_ text: String) throws(JSONPathError) {
        self.text = text
        var parser = Parser(text)
        query = try parser.parseRootQuery()
    }

    public var description: String { text }

    // MARK: Syntax tree

    struct Query: Sendable {
        /// `@…` inside a filter, else `$…`.
        var isRelative: Bool
        var segments: [Segment]

        /// A query that selects at most one node: names and indices only (RFC 9535 §2.3.5.1).
        var isSingular: Bool {
            segments.allSatisfy { segment in
                guard case .child(let selectors) = segment, selectors.count == 1 else { return false }
                switch selectors[0] {
                case .name, .index: return true
                default: return false
                }
            }
        }
    }

    enum Segment: Sendable {
        case child([Selector])
        case descendant([Selector])
    }

    enum Selector: Sendable {
        case name(String)
        case wildcard
        case index(Int)
        case slice(start: Int?, end: Int?, step: Int?)
        case filter(Expression)
    }

    indirect enum Expression: Sendable {
        case or([Expression])
        case and([Expression])
        case not(Expression)
        case exists(Query)
        case compare(Operand, Comparison, Operand)
    }

    enum Operand: Sendable {
        case literal(Literal)
        case query(Query)
    }

    enum Literal: Sendable, Equatable {
        case string(String)
        case number(Double)
        case bool(Bool)
        case null
    }

    enum Comparison: String, Sendable {
        case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    }
}

/// Why a JSONPath did not parse: the message and the character offset (0-based) it points at.
public struct JSONPathError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var offset: Int
    public var description: String { "\(message) (at character \(offset + 1))" }
}

// MARK: Parsing

private struct Parser {
    let scalars: [Unicode.Scalar]
    var position = 0

    init(_ text: String) {
        scalars = Array(text.unicodeScalars)
    }

    var current: Unicode.Scalar? { position < scalars.count ? scalars[position] : nil }

    func peek(_ offset: Int) -> Unicode.Scalar? {
        position + offset < scalars.count ? scalars[position + offset] : nil
    }

    func fail(_ message: String, at offset: Int? = nil) -> JSONPathError {
        JSONPathError(message: message, offset: offset ?? position)
    }

    mutating func parseRootQuery() throws(JSONPathError) -> JSONPathQuery.Query {
        guard current == "$" else { throw fail("a JSONPath query starts with '$'") }
        position += 1
        let segments = try parseSegments()
        if position < scalars.count {
            throw fail("unexpected '\(scalars[position])'; expected '.', '..' or '['")
        }
        return JSONPathQuery.Query(isRelative: false, segments: segments)
    }

    static func isBlank(_ scalar: Unicode.Scalar?) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r"
    }

    mutating func skipBlanks() {
        while Self.isBlank(current) { position += 1 }
    }

    /// `*(S segment)`: blanks are allowed between segments, so look past them before deciding.
    mutating func parseSegments() throws(JSONPathError) -> [JSONPathQuery.Segment] {
        var segments: [JSONPathQuery.Segment] = []
        while true {
            let start = position
            skipBlanks()
            guard let scalar = current, scalar == "." || scalar == "[" else {
                position = start
                return segments
            }
            segments.append(try parseSegment())
        }
    }

    mutating func parseSegment() throws(JSONPathError) -> JSONPathQuery.Segment {
        if current == "[" {
            return .child(try parseBracketedSelection())
        }
        // current == "."
        position += 1
        if current == "." {
            position += 1
            if current == "[" { return .descendant(try parseBracketedSelection()) }
            if current == "*" {
                position += 1
                return .descendant([.wildcard])
            }
            return .descendant([.name(try parseShorthandName())])
        }
        if current == "*" {
            position += 1
            return .child([.wildcard])
        }
        return .child([.name(try parseShorthandName())])
    }

    static func isNameFirst(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return (value >= 0x41 && value <= 0x5A) || (value >= 0x61 && value <= 0x7A) || value == 0x5F
            || (value >= 0x80 && value <= 0xD7FF) || value >= 0xE000
    }

    static func isDigit(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar else { return false }
        return scalar.value >= 0x30 && scalar.value <= 0x39
    }

    mutating func parseShorthandName() throws(JSONPathError) -> String {
        guard let first = current, Self.isNameFirst(first) else {
            let found = current.map { "'\($0)'" } ?? "the end"
            throw fail(
                "expected a member name, '*' or '[' after '.', found \(found) (names with other characters need "
                    + "brackets: ['name'])"
            )
        }
        var name = String.UnicodeScalarView()
        while let scalar = current, Self.isNameFirst(scalar) || Self.isDigit(scalar) {
            name.append(scalar)
            position += 1
        }
        return String(name)
    }

    mutating func parseBracketedSelection() throws(JSONPathError) -> [JSONPathQuery.Selector] {
        position += 1  // [
        var selectors: [JSONPathQuery.Selector] = []
        while true {
            skipBlanks()
            selectors.append(try parseSelector())
            skipBlanks()
            switch current {
            case ",": position += 1
            case "]":
                position += 1
                return selectors
            case let other?: throw fail("unexpected '\(other)' in brackets; expected ',' or ']'")
            case nil: throw fail("the brackets are not closed; expected ']'")
            }
        }
    }

    mutating func parseSelector() throws(JSONPathError) -> JSONPathQuery.Selector {
        switch current {
        case "'", "\"":
            return .name(try parseStringLiteral())
        case "*":
            position += 1
            return .wildcard
        case "?":
            position += 1
            skipBlanks()
            return .filter(try parseOr())
        case ":":
            return try parseSlice(start: nil)
        case let scalar? where scalar == "-" || Self.isDigit(scalar):
            let start = try parseInteger()
            skipBlanks()
            if current == ":" { return try parseSlice(start: start) }
            return .index(start)
        case let other?:
            throw fail("unexpected '\(other)'; a selector is a quoted name, '*', an index, a slice or a '?' filter")
        case nil:
            throw fail("the brackets are not closed; expected a selector")
        }
    }

    /// After the optional start: `: [end] [: [step]]`.
    mutating func parseSlice(start: Int?) throws(JSONPathError) -> JSONPathQuery.Selector {
        position += 1  // :
        skipBlanks()
        var end: Int?
        var step: Int?
        if current == "-" || Self.isDigit(current) {
            end = try parseInteger()
            skipBlanks()
        }
        if current == ":" {
            position += 1
            skipBlanks()
            if current == "-" || Self.isDigit(current) { step = try parseInteger() }
        }
        return .slice(start: start, end: end, step: step)
    }

    /// `int = "0" / (["-"] DIGIT1 *DIGIT)`, within I-JSON's exact integer range.
    mutating func parseInteger() throws(JSONPathError) -> Int {
        let start = position
        var negative = false
        if current == "-" {
            negative = true
            position += 1
        }
        guard Self.isDigit(current) else { throw fail("expected a digit after '-'") }
        if current == "0" && (negative || Self.isDigit(peek(1))) {
            throw fail("integers have no leading zeros and no '-0'", at: start)
        }
        var value = 0
        while let scalar = current, Self.isDigit(scalar) {
            let (product, overflow) = value.multipliedReportingOverflow(by: 10)
            value = product + Int(scalar.value - 0x30)
            position += 1
            if overflow || value > 9_007_199_254_740_991 {
                throw fail("the integer is outside the range JSONPath allows (±(2^53 - 1))", at: start)
            }
        }
        return negative ? -value : value
    }

    mutating func parseStringLiteral() throws(JSONPathError) -> String {
        let quote = current!
        let start = position
        position += 1
        var result = String.UnicodeScalarView()
        while true {
            guard let scalar = current else { throw fail("the string is not closed; expected \(quote)", at: start) }
            position += 1
            if scalar == quote { return String(result) }
            if scalar.value < 0x20 { throw fail("control characters must be escaped in a string", at: position - 1) }
            guard scalar == "\\" else {
                result.append(scalar)
                continue
            }
            guard let escaped = current else { throw fail("the string ends inside an escape", at: start) }
            position += 1
            switch escaped {
            case "b": result.append("\u{8}")
            case "f": result.append("\u{C}")
            case "n": result.append("\n")
            case "r": result.append("\r")
            case "t": result.append("\t")
            case "/", "\\": result.append(escaped)
            case quote: result.append(quote)
            case "u": result.append(try parseUnicodeEscape())
            default: throw fail("'\\\(escaped)' is not an escape JSONPath strings allow", at: position - 2)
            }
        }
    }

    mutating func parseHex4() throws(JSONPathError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0 ..< 4 {
            guard let scalar = current, scalar.isASCII, let digit = UInt32(String(scalar), radix: 16) else {
                throw fail("expected four hexadecimal digits after '\\u'")
            }
            value = value * 16 + digit
            position += 1
        }
        return value
    }

    mutating func parseUnicodeEscape() throws(JSONPathError) -> Unicode.Scalar {
        let start = position - 2
        let high = try parseHex4()
        if (0xD800 ... 0xDBFF).contains(high) {
            guard current == "\\", peek(1) == "u" else {
                throw fail("a high surrogate must be followed by '\\u' and a low surrogate", at: start)
            }
            position += 2
            let low = try parseHex4()
            guard (0xDC00 ... 0xDFFF).contains(low) else { throw fail("expected a low surrogate", at: start) }
            return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))!
        }
        guard let scalar = Unicode.Scalar(high) else {
            throw fail("a lone low surrogate is not a character", at: start)
        }
        return scalar
    }

    // Filters.

    mutating func parseOr() throws(JSONPathError) -> JSONPathQuery.Expression {
        var operands = [try parseAnd()]
        while true {
            let start = position
            skipBlanks()
            guard current == "|", peek(1) == "|" else {
                position = start
                break
            }
            position += 2
            skipBlanks()
            operands.append(try parseAnd())
        }
        return operands.count == 1 ? operands[0] : .or(operands)
    }

    mutating func parseAnd() throws(JSONPathError) -> JSONPathQuery.Expression {
        var operands = [try parseBasic()]
        while true {
            let start = position
            skipBlanks()
            guard current == "&", peek(1) == "&" else {
                position = start
                break
            }
            position += 2
            skipBlanks()
            operands.append(try parseBasic())
        }
        return operands.count == 1 ? operands[0] : .and(operands)
    }

    mutating func parseBasic() throws(JSONPathError) -> JSONPathQuery.Expression {
        if current == "!" && peek(1) != "=" {
            position += 1
            skipBlanks()
            if current == "(" { return .not(try parseParenthesized()) }
            let start = position
            guard case .query(let query) = try parseOperand() else {
                throw fail("'!' applies to a query or a parenthesized expression", at: start)
            }
            return .not(.exists(query))
        }
        if current == "(" { return try parseParenthesized() }
        let start = position
        let left = try parseOperand()
        let afterLeft = position
        skipBlanks()
        guard let comparison = parseComparison() else {
            position = afterLeft
            guard case .query(let query) = left else {
                throw fail("a literal alone is not a test; compare it with something", at: start)
            }
            return .exists(query)
        }
        skipBlanks()
        let rightStart = position
        let right = try parseOperand()
        for (operand, offset) in [(left, start), (right, rightStart)] {
            if case .query(let query) = operand, !query.isSingular {
                throw fail(
                    "only a singular query (names and indices, no wildcards, slices, filters or '..') can be compared",
                    at: offset)
            }
        }
        return .compare(left, comparison, right)
    }

    mutating func parseParenthesized() throws(JSONPathError) -> JSONPathQuery.Expression {
        position += 1  // (
        skipBlanks()
        let expression = try parseOr()
        skipBlanks()
        guard current == ")" else { throw fail("expected ')'") }
        position += 1
        return expression
    }

    mutating func parseComparison() -> JSONPathQuery.Comparison? {
        for candidate in ["==", "!=", "<=", ">=", "<", ">"] {
            let candidateScalars = Array(candidate.unicodeScalars)
            if candidateScalars.enumerated().allSatisfy({ peek($0.offset) == $0.element }) {
                position += candidateScalars.count
                return JSONPathQuery.Comparison(rawValue: candidate)
            }
        }
        return nil
    }

    mutating func parseOperand() throws(JSONPathError) -> JSONPathQuery.Operand {
        switch current {
        case "@", "$":
            let isRelative = current == "@"
            position += 1
            return .query(JSONPathQuery.Query(isRelative: isRelative, segments: try parseSegments()))
        case "'", "\"":
            return .literal(.string(try parseStringLiteral()))
        case let scalar? where scalar == "-" || Self.isDigit(scalar):
            return .literal(.number(try parseNumber()))
        default:
            let start = position
            var word = ""
            while let scalar = current, scalar.properties.isAlphabetic || scalar == "_" || Self.isDigit(scalar) {
                word.unicodeScalars.append(scalar)
                position += 1
            }
            switch word {
            case "true": return .literal(.bool(true))
            case "false": return .literal(.bool(false))
            case "null": return .literal(.null)
            case "": throw fail("expected '@', '$', a string, a number, true, false or null", at: start)
            default:
                if current == "(" {
                    throw fail(
                        "the function '\(word)()' is not supported; Lathe's JSONPath has no function extensions yet",
                        at: start)
                }
                throw fail("'\(word)' is not a literal; strings are quoted", at: start)
            }
        }
    }

    /// `number = (int / "-0") [ frac ] [ exp ]`
    mutating func parseNumber() throws(JSONPathError) -> Double {
        let start = position
        if current == "-" { position += 1 }
        guard Self.isDigit(current) else { throw fail("expected a digit", at: start) }
        if current == "0" && Self.isDigit(peek(1)) { throw fail("numbers have no leading zeros", at: start) }
        while Self.isDigit(current) { position += 1 }
        if current == "." {
            position += 1
            guard Self.isDigit(current) else { throw fail("expected a digit after '.'") }
            while Self.isDigit(current) { position += 1 }
        }
        if current == "e" || current == "E" {
            position += 1
            if current == "+" || current == "-" { position += 1 }
            guard Self.isDigit(current) else { throw fail("expected a digit in the exponent") }
            while Self.isDigit(current) { position += 1 }
        }
        var text = String.UnicodeScalarView()
        text.append(contentsOf: scalars[start ..< position])
        guard let value = Double(String(text)) else { throw fail("not a number", at: start) }
        return value
    }
}
