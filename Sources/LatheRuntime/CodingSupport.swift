import Foundation

/// A coding key for any string: additional properties, discriminator properties.
public struct AnyCodingKey: CodingKey, Sendable, Hashable {
    public let stringValue: String
    public var intValue: Int? { nil }

    public init(_ stringValue: String) { self.stringValue = stringValue }
    public init(stringValue: String) { self.stringValue = stringValue }
    public init?(intValue: Int) { nil }
}

/// Values generated code writes as literals (defaults), from text Lathe checked when it generated them.
public enum Literal {
    /// An exact decimal: `Literal.decimal("0.10")`.
    public static func decimal(_ text: StaticString) -> Decimal {
        guard let value = Decimal(string: "\(text)", locale: posix) else { preconditionFailure("'\(text)' is not a decimal number") }
        return value
    }

    /// A calendar date: `Literal.date("2026-01-31")`.
    public static func date(_ text: StaticString) -> CalendarDate {
        guard let value = CalendarDate("\(text)") else { preconditionFailure("'\(text)' is not a date in the form YYYY-MM-DD") }
        return value
    }
}

extension Check {
    /// A `const` value: the position must hold exactly `expected`.
    public static func constant(_ matches: Bool, expected: String, at path: JSONPath, into issues: inout [ValidationIssue]) {
        if !matches {
            issues.append(ValidationIssue(path: path, message: "must be \(expected)"))
        }
    }

    /// A `oneOf` value whose discriminator names no documented case.
    public static func undocumentedCase(_ name: String, at path: JSONPath, into issues: inout [ValidationIssue]) {
        issues.append(ValidationIssue(path: path, message: "matches none of \(name)'s documented cases"))
    }
}
