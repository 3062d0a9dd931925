import Foundation

let posix = Locale(identifier: "en_US_POSIX")

/// Whether `text` is a plain decimal number: `-12`, `0.50`, `1e3`; no spaces, no signs before an `e`.
func isDecimalText(_ text: String) -> Bool {
    var bytes = Array(text.utf8)[...]
    if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
    func digits() -> Int {
        let count = bytes.prefix { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }.count
        bytes = bytes.dropFirst(count)
        return count
    }
    guard digits() > 0 else { return false }
    if bytes.first == UInt8(ascii: ".") {
        bytes = bytes.dropFirst()
        guard digits() > 0 else { return false }
    }
    if let e = bytes.first, e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
        bytes = bytes.dropFirst()
        if let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        guard digits() > 0 else { return false }
    }
    return bytes.isEmpty
}

/// A value that a spec allows as a JSON number or as a string (`type: [number, string]`), usually a
/// decimal amount sent as text to dodge binary floating point. It decodes both forms and encodes the
/// form it came in, so nothing is lost either way.
public enum NumberOrString: Sendable, Hashable, Codable, CustomStringConvertible {
    case number(Decimal)
    case string(String)

    public init(_ value: Decimal) { self = .number(value) }

    /// The value as a decimal: the number, or the string when it spells one (`"12.50"`).
    public var decimalValue: Decimal? {
        switch self {
        case .number(let value): value
        case .string(let text): isDecimalText(text) ? Decimal(string: text, locale: posix) : nil
        }
    }

    public var description: String {
        switch self {
        case .number(let value): value.description
        case .string(let text): text
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self) {
            self = .string(text)
        } else {
            self = .number(try container.decode(Decimal.self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .number(let value): try container.encode(value)
        case .string(let text): try container.encode(text)
        }
    }
}

/// A decimal number sent as a JSON string (`type: string, format: decimal`), as money often is.
/// Keeps the text it was given, so `"10.50"` goes out as `"10.50"`, not `"10.5"`.
public struct DecimalString: Sendable, Hashable, Codable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// The text as sent or received.
    public var text: String

    public init(_ value: Decimal) { text = value.description }
    public init(text: String) { self.text = text }
    public init(stringLiteral value: String) { text = value }

    /// The decimal the text spells, or `nil` when it is not a number.
    public var decimalValue: Decimal? { isDecimalText(text) ? Decimal(string: text, locale: posix) : nil }

    public var description: String { text }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self) {
            self.text = text
        } else {
            // Lenient: a number where a string was promised still decodes, and goes out as a string.
            text = try container.decode(Decimal.self).description
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}
