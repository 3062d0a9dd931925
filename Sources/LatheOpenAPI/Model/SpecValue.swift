import LatheYAML

/// A number as decimal text in JSON's form, so `0.1` or a 30-digit integer loses nothing on its
/// way to code. YAML's other spellings are made canonical: `0x1F` is "31", `+1` "1", `0123` "123",
/// `.5` "0.5"; the node keeps what the spec wrote.
public struct JSONNumber: Sendable, Hashable, CustomStringConvertible {
    public var text: String

    /// `text` must already be a JSON number.
    public init(_ text: String) { self.text = text }

    /// The number a YAML int or float scalar stands for; `nil` for other nodes, infinities and NaN.
    public init?(_ node: YAMLNode) {
        guard let source = node.text else { return nil }
        switch node.scalarType {
        case .int?:
            guard let canonical = Self.canonicalInteger(source) else { return nil }
            text = canonical
        case .float?:
            guard let canonical = Self.canonicalDecimal(source) else { return nil }
            text = canonical
        default:
            return nil
        }
    }

    public var doubleValue: Double? { Double(text) }
    public var intValue: Int? { Int(text) }
    /// The number as an `Int` when it is one, whatever its spelling: JSON Schema counts `1.0` and
    /// `1e3` as integers (`1.5` and numbers beyond 64 bits are `nil`).
    public var integralValue: Int? {
        if let value = intValue { return value }
        if let dot = text.firstIndex(of: "."), !text.contains(where: { $0 == "e" || $0 == "E" }) {
            guard text[text.index(after: dot)...].allSatisfy({ $0 == "0" }) else { return nil }
            return Int(text[..<dot])
        }
        // An exponent: exact below 2^53, where every integer is a `Double`.
        guard let value = Double(text), value.magnitude < 9_007_199_254_740_992 else { return nil }
        return Int(exactly: value)
    }
    /// The number as an integer enum's raw value is written: `1` for `1.0`; the text itself when
    /// the number is no `Int`.
    public var integralText: String { integralValue.map(String.init) ?? text }
    /// Whether the number is an integer (JSON Schema's reading: `1.0` is): written as one, of any
    /// size, or spelled with a fraction or exponent within 64 bits.
    public var isIntegral: Bool { isInteger || integralValue != nil }
    /// Written without a fraction or exponent.
    public var isInteger: Bool { !text.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }) }
    public var description: String { text }

    static func canonicalInteger(_ source: String) -> String? {
        var digits = Substring(source)
        var negative = false
        if let sign = digits.first, sign == "-" || sign == "+" {
            negative = sign == "-"
            digits = digits.dropFirst()
        }
        for (prefix, radix) in [("0x", 16), ("0o", 8)] where digits.hasPrefix(prefix) {
            // Beyond 64 bits these are rare enough to keep as text rather than convert by hand.
            guard let value = UInt64(digits.dropFirst(2), radix: radix) else { return source }
            return (negative ? "-" : "") + String(value)
        }
        let trimmed = digits.drop { $0 == "0" }
        let magnitude = trimmed.isEmpty ? "0" : String(trimmed)
        return (negative && magnitude != "0" ? "-" : "") + magnitude
    }

    static func canonicalDecimal(_ source: String) -> String? {
        var rest = Substring(source)
        var sign = ""
        if let first = rest.first, first == "-" || first == "+" {
            sign = first == "-" ? "-" : ""
            rest = rest.dropFirst()
        }
        // Digits, one dot and an exponent only: `.inf` and `.nan` have no JSON form.
        guard rest.contains(where: \.isNumber), !rest.contains(where: { $0.isLetter && $0 != "e" && $0 != "E" }) else {
            return nil
        }
        let mantissaEnd = rest.firstIndex { $0 == "e" || $0 == "E" } ?? rest.endIndex
        let exponent = rest[mantissaEnd...]
        let mantissa = rest[..<mantissaEnd]
        let dot = mantissa.firstIndex(of: ".") ?? mantissa.endIndex
        var integer = String(mantissa[..<dot].drop { $0 == "0" })
        if integer.isEmpty { integer = "0" }
        let fraction = dot < mantissa.endIndex ? mantissa[mantissa.index(after: dot)...] : ""
        var result = sign + integer
        if dot < mantissa.endIndex { result += "." + (fraction.isEmpty ? "0" : fraction) }
        if !exponent.isEmpty {
            var exponentDigits = exponent.dropFirst()
            var exponentSign = ""
            if let s = exponentDigits.first, s == "-" || s == "+" {
                exponentSign = s == "-" ? "-" : ""
                exponentDigits = exponentDigits.dropFirst()
            }
            result += "e" + exponentSign + exponentDigits
        }
        return result
    }
}

/// Any JSON value: enum cases, defaults, constants and examples. Objects keep their key order.
public enum SpecValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(JSONNumber)
    case string(String)
    case array([SpecValue])
    case object([Member])

    public struct Member: Sendable, Hashable {
        public var key: String
        public var value: SpecValue
        public init(key: String, value: SpecValue) {
            self.key = key
            self.value = value
        }
    }

    public var isObject: Bool {
        if case .object = self { return true }
        return false
    }

    public var isArray: Bool {
        if case .array = self { return true }
        return false
    }

    /// Converts a YAML node under the core schema: quoted and non-numeric text is a string, `0x1F` an integer.
    public init(_ node: YAMLNode) {
        switch node.kind {
        case .sequence:
            self = .array(node.items.map(SpecValue.init))
        case .mapping:
            self = .object(node.entries.map { Member(key: $0.key.text ?? "", value: SpecValue($0.value)) })
        case .scalar:
            let text = node.text ?? ""
            switch node.scalarType ?? .string {
            case .null: self = .null
            case .bool: self = .bool(node.boolValue ?? false)
            // `.inf` and `.nan` have no JSON form; keep what was written.
            case .int, .float: self = JSONNumber(node).map(SpecValue.number) ?? .string(text)
            case .string: self = .string(text)
            }
        }
    }

    /// A string itself, a number or boolean as JSON writes it; `nil` for null, arrays and objects.
    public var scalarText: String? {
        switch self {
        case .string(let text): text
        case .number(let number): number.text
        case .bool(let flag): flag ? "true" : "false"
        default: nil
        }
    }

    /// The JSON type name, for messages.
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .number(let number): number.isInteger ? "integer" : "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }
}

/// The `x-` extensions of an object, in document order, as nodes to be read by whoever understands them.
public struct Extensions: Sendable, Hashable {
    public var entries: [(name: String, node: YAMLNode)] = []

    public init() {}

    public subscript(name: String) -> YAMLNode? {
        entries.first { $0.name == name }?.node
    }

    public var isEmpty: Bool { entries.isEmpty }

    public static func == (lhs: Extensions, rhs: Extensions) -> Bool {
        lhs.entries.elementsEqual(rhs.entries) { $0.name == $1.name && $0.node == $1.node }
    }

    public func hash(into hasher: inout Hasher) {
        for entry in entries {
            hasher.combine(entry.name)
            hasher.combine(entry.node)
        }
    }
}
