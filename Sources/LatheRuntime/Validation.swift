import Foundation
import LathePattern

/// Where a value sits in a JSON document: `$.lines[2].quantity`.
public struct JSONPath: Sendable, Hashable, CustomStringConvertible {
    public static let root = JSONPath(description: "$")

    public let description: String

    private init(description: String) { self.description = description }

    /// The path of a member: `.name`, or `['odd key']` when the key is not a plain identifier.
    public func key(_ key: String) -> JSONPath {
        let plain =
            !key.isEmpty
            && key.utf8.allSatisfy { byte in
                (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
                    || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                    || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_")
            }
        if plain { return JSONPath(description: description + "." + key) }
        let escaped = key.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'")
        return JSONPath(description: description + "['" + escaped + "']")
    }

    public func index(_ index: Int) -> JSONPath {
        JSONPath(description: description + "[\(index)]")
    }
}

/// One broken constraint: where, and what is wrong.
public struct ValidationIssue: Sendable, Hashable, CustomStringConvertible {
    public let path: String
    public let message: String

    public init(path: JSONPath, message: String) {
        self.path = path.description
        self.message = message
    }

    public var description: String { "\(path): \(message)" }
}

/// Every constraint a value breaks, thrown by `Validatable.validate()`.
public struct ValidationError: Error, Sendable, Hashable, CustomStringConvertible {
    public let issues: [ValidationIssue]

    public var description: String {
        "\(issues.count) validation issue\(issues.count == 1 ? "" : "s"): "
            + issues.map(\.description).joined(separator: "; ")
    }
}

/// A generated type that can check the constraints its schema states (lengths, bounds, patterns,
/// counts, documented enum values), reporting each violation with the JSON path of the value.
///
/// Its one requirement is what generated code implements and calls, so it is `@_spi(Generated)`:
/// users see `validate()` and `validationIssues`, never the requirement. An SPI requirement needs a
/// default (a conformance outside the SPI could not implement it otherwise); the default finds
/// nothing, and every generated conformance replaces it.
public protocol Validatable {
    @_spi(Generated) func collectValidationIssues(at path: JSONPath, into issues: inout [ValidationIssue])
}

extension Validatable {
    @_spi(Generated) public func collectValidationIssues(at path: JSONPath, into issues: inout [ValidationIssue]) {}

    /// Every violated constraint, empty when the value is valid.
    public var validationIssues: [ValidationIssue] {
        var issues: [ValidationIssue] = []
        collectValidationIssues(at: .root, into: &issues)
        return issues
    }

    /// Throws a `ValidationError` listing every violated constraint.
    public func validate() throws(ValidationError) {
        let issues = validationIssues
        if !issues.isEmpty { throw ValidationError(issues: issues) }
    }
}

extension Array: Validatable where Element: Validatable {
    @_spi(Generated) public func collectValidationIssues(at path: JSONPath, into issues: inout [ValidationIssue]) {
        for (index, element) in enumerated() {
            element.collectValidationIssues(at: path.index(index), into: &issues)
        }
    }
}

extension Dictionary: Validatable where Key == String, Value: Validatable {
    @_spi(Generated) public func collectValidationIssues(at path: JSONPath, into issues: inout [ValidationIssue]) {
        for key in keys.sorted() {
            self[key]!.collectValidationIssues(at: path.key(key), into: &issues)
        }
    }
}

extension Optional: Validatable where Wrapped: Validatable {
    @_spi(Generated) public func collectValidationIssues(at path: JSONPath, into issues: inout [ValidationIssue]) {
        self?.collectValidationIssues(at: path, into: &issues)
    }
}

extension Nullable: Validatable where Wrapped: Validatable {
    @_spi(Generated) public func collectValidationIssues(at path: JSONPath, into issues: inout [ValidationIssue]) {
        value?.collectValidationIssues(at: path, into: &issues)
    }
}

extension Indirect: Validatable where Wrapped: Validatable {
    @_spi(Generated) public func collectValidationIssues(at path: JSONPath, into issues: inout [ValidationIssue]) {
        value.collectValidationIssues(at: path, into: &issues)
    }
}

/// The constraint checks generated `collectValidationIssues` methods call.
@_spi(Generated) public enum Check {
    /// JSON Schema counts a string's length in Unicode code points, not in what Swift's `count`
    /// counts (grapheme clusters): "e\u{301}" is 2 long, and a flag with its tag characters is
    /// as long as its code points.
    public static func length(
        _ value: String, min: Int? = nil, max: Int? = nil, at path: JSONPath, into issues: inout [ValidationIssue]
    ) {
        let count = value.unicodeScalars.count
        if let min, count < min {
            issues.append(
                ValidationIssue(
                    path: path, message: "must be at least \(min) character\(min == 1 ? "" : "s") long, but is \(count)"
                ))
        }
        if let max, count > max {
            issues.append(
                ValidationIssue(
                    path: path, message: "must be at most \(max) character\(max == 1 ? "" : "s") long, but is \(count)")
            )
        }
    }

    /// Matched in linear time (`LathePattern`), so no text can make a check stall a server; a
    /// pattern that needs backtracking (the generator warns about it) is not checked.
    public static func pattern(
        _ value: String, _ pattern: String, at path: JSONPath, into issues: inout [ValidationIssue]
    ) {
        guard let compiled = PatternCache.shared.pattern(pattern), !compiled.matches(in: value) else { return }
        issues.append(ValidationIssue(path: path, message: "must match the pattern \(pattern)"))
    }

    public static func count(
        _ count: Int, min: Int? = nil, max: Int? = nil, of noun: String, at path: JSONPath,
        into issues: inout [ValidationIssue]
    ) {
        if let min, count < min {
            issues.append(ValidationIssue(path: path, message: "must have at least \(min) \(noun), but has \(count)"))
        }
        if let max, count > max {
            issues.append(ValidationIssue(path: path, message: "must have at most \(max) \(noun), but has \(count)"))
        }
    }

    public static func unique<Element: Hashable>(
        _ values: [Element], at path: JSONPath, into issues: inout [ValidationIssue]
    ) {
        var seen = Set<Element>()
        for (index, value) in values.enumerated() where !seen.insert(value).inserted {
            issues.append(repeated(at: path.index(index)))
        }
    }

    /// `unique` for items that are not `Hashable` (modules generated with `hashable: false`): two
    /// items are the same when their JSON is, as JSON Schema defines `uniqueItems`.
    @_disfavoredOverload
    public static func unique<Element: Encodable>(
        _ values: [Element], at path: JSONPath, into issues: inout [ValidationIssue]
    ) {
        let encoder = JSONCoding.encoder()
        var seen = Set<Data>()
        for (index, value) in values.enumerated() {
            guard let json = try? encoder.encode(value), !seen.insert(json).inserted else { continue }
            issues.append(repeated(at: path.index(index)))
        }
    }

    private static func repeated(at path: JSONPath) -> ValidationIssue {
        ValidationIssue(path: path, message: "repeats an earlier item, but items must be unique")
    }

    /// Bounds are the spec's exact decimal text (`"0.01"`), compared as decimals.
    public static func number(
        _ value: Decimal, minimum: String? = nil, maximum: String? = nil, exclusiveMinimum: String? = nil,
        exclusiveMaximum: String? = nil, multipleOf: String? = nil, at path: JSONPath,
        into issues: inout [ValidationIssue]
    ) {
        func bound(_ text: String?) -> Decimal? { text.flatMap { Decimal(string: $0, locale: posix) } }
        if let minimum = bound(minimum), value < minimum {
            issues.append(ValidationIssue(path: path, message: "must be at least \(minimum), but is \(value)"))
        }
        if let maximum = bound(maximum), value > maximum {
            issues.append(ValidationIssue(path: path, message: "must be at most \(maximum), but is \(value)"))
        }
        if let exclusiveMinimum = bound(exclusiveMinimum), value <= exclusiveMinimum {
            issues.append(
                ValidationIssue(path: path, message: "must be greater than \(exclusiveMinimum), but is \(value)"))
        }
        if let exclusiveMaximum = bound(exclusiveMaximum), value >= exclusiveMaximum {
            issues.append(
                ValidationIssue(path: path, message: "must be less than \(exclusiveMaximum), but is \(value)"))
        }
        if let divisor = bound(multipleOf), divisor > 0 {
            var quotient = value / divisor
            var whole = Decimal()
            NSDecimalRound(&whole, &quotient, 0, .plain)
            if whole != quotient {
                issues.append(ValidationIssue(path: path, message: "must be a multiple of \(divisor), but is \(value)"))
            }
        }
    }

    public static func number<Value: BinaryInteger>(
        _ value: Value, minimum: String? = nil, maximum: String? = nil, exclusiveMinimum: String? = nil,
        exclusiveMaximum: String? = nil, multipleOf: String? = nil, at path: JSONPath,
        into issues: inout [ValidationIssue]
    ) {
        number(
            Decimal(string: String(value))!, minimum: minimum, maximum: maximum, exclusiveMinimum: exclusiveMinimum,
            exclusiveMaximum: exclusiveMaximum, multipleOf: multipleOf, at: path, into: &issues)
    }

    public static func number<Value: BinaryFloatingPoint & LosslessStringConvertible>(
        _ value: Value, minimum: String? = nil, maximum: String? = nil, exclusiveMinimum: String? = nil,
        exclusiveMaximum: String? = nil, multipleOf: String? = nil, at path: JSONPath,
        into issues: inout [ValidationIssue]
    ) {
        guard value.isFinite, let decimal = Decimal(string: String(value), locale: posix) else {
            issues.append(ValidationIssue(path: path, message: "must be a finite number, but is \(value)"))
            return
        }
        number(
            decimal, minimum: minimum, maximum: maximum, exclusiveMinimum: exclusiveMinimum,
            exclusiveMaximum: exclusiveMaximum, multipleOf: multipleOf, at: path, into: &issues)
    }

    /// Decimal text (`format: decimal`) is bounded as the number it spells; text that spells none is
    /// not bounded (its pattern, if the spec gives one, says what is wrong with it).
    public static func number(
        _ value: DecimalString, minimum: String? = nil, maximum: String? = nil, exclusiveMinimum: String? = nil,
        exclusiveMaximum: String? = nil, multipleOf: String? = nil, at path: JSONPath,
        into issues: inout [ValidationIssue]
    ) {
        guard let decimal = value.decimalValue else { return }
        number(
            decimal, minimum: minimum, maximum: maximum, exclusiveMinimum: exclusiveMinimum,
            exclusiveMaximum: exclusiveMaximum, multipleOf: multipleOf, at: path, into: &issues)
    }

    /// A value that may be a number or a string: as JSON Schema says, lengths and patterns apply to
    /// the string form and bounds to the number form.
    public static func numberOrString(
        _ value: NumberOrString, minLength: Int? = nil, maxLength: Int? = nil, pattern: String? = nil,
        minimum: String? = nil, maximum: String? = nil, exclusiveMinimum: String? = nil,
        exclusiveMaximum: String? = nil, multipleOf: String? = nil, at path: JSONPath,
        into issues: inout [ValidationIssue]
    ) {
        switch value {
        case .number(let decimal):
            number(
                decimal, minimum: minimum, maximum: maximum, exclusiveMinimum: exclusiveMinimum,
                exclusiveMaximum: exclusiveMaximum, multipleOf: multipleOf, at: path, into: &issues)
        case .string(let text):
            if minLength != nil || maxLength != nil {
                length(text, min: minLength, max: maxLength, at: path, into: &issues)
            }
            if let pattern { self.pattern(text, pattern, at: path, into: &issues) }
        }
    }

    /// Enum values outside the documented ones decode (so a new value from a server does not break
    /// a response) but are reported here.
    public static func documented(
        _ isDocumented: Bool, _ value: String, at path: JSONPath, into issues: inout [ValidationIssue]
    ) {
        if !isDocumented {
            issues.append(ValidationIssue(path: path, message: "'\(value)' is not one of the documented values"))
        }
    }

    /// A key `required` lists that no property declares, generated optional so a value without it
    /// decodes: reported here when absent.
    public static func present(_ isPresent: Bool, at path: JSONPath, into issues: inout [ValidationIssue]) {
        if !isPresent { issues.append(ValidationIssue(path: path, message: "is required")) }
    }

    /// A key of a map, or of an object's additional properties, under `propertyNames`: reported at
    /// the key's value, saying it is the key.
    public static func propertyName(
        _ key: String, minLength: Int? = nil, maxLength: Int? = nil, pattern: String? = nil,
        allowed: [String]? = nil, at path: JSONPath, into issues: inout [ValidationIssue]
    ) {
        var found: [ValidationIssue] = []
        length(key, min: minLength, max: maxLength, at: path, into: &found)
        if let pattern { self.pattern(key, pattern, at: path, into: &found) }
        if let allowed, !allowed.contains(key) {
            found.append(ValidationIssue(path: path, message: "is not one of the documented values"))
        }
        issues += found.map { ValidationIssue(path: path, message: "the key " + $0.message) }
    }

    /// Properties a schema with `additionalProperties: false` does not allow.
    public static func noAdditionalProperties(
        _ keys: some Collection<String>, at path: JSONPath, into issues: inout [ValidationIssue]
    ) {
        for key in keys.sorted() {
            issues.append(ValidationIssue(path: path.key(key), message: "is not a property this object allows"))
        }
    }
}

/// Compiled patterns, shared by every check (compiling a regex costs far more than matching it).
final class PatternCache: @unchecked Sendable {
    static let shared = PatternCache()
    private let lock = NSLock()
    private var compiled: [String: Pattern?] = [:]

    func pattern(_ source: String) -> Pattern? {
        lock.lock()
        defer { lock.unlock() }
        if let known = compiled[source] { return known }
        let pattern = try? Pattern(source)
        compiled[source] = pattern
        return pattern
    }
}
