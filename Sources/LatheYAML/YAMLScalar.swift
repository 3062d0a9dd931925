/// How a scalar was written in the source.
public enum YAMLScalarStyle: UInt8, Sendable {
    case plain = 1, singleQuoted, doubleQuoted, literal, folded
}

/// A scalar's type, resolved the way OpenAPI tools do: by the YAML 1.2 core schema.
///
/// So `200` and `0123` are ints, `3.0` and `1e3` floats, `true`/`False` booleans, `~` and `null` nulls,
/// and `yes`, `no`, `on`, `off` (booleans only in YAML 1.1) are strings. Quoted scalars are always
/// strings. The source text is kept beside the type, so `3.0` stays "3.0" and `0123` stays "0123"
/// wherever OpenAPI wants text (versions, response codes, enum values).
public enum YAMLScalarType: UInt8, Sendable {
    case null, bool, int, float, string
}

enum ScalarResolver {
    static let tagPrefix = "tag:yaml.org,2002:"

    /// The core-schema type of an untagged plain scalar.
    static func resolvePlain(_ bytes: UnsafeBufferPointer<UInt8>) -> YAMLScalarType {
        if bytes.isEmpty { return .null }
        switch bytes.count {
        case 1 where bytes[0] == UInt8(ascii: "~"): return .null
        case 4 where matchesAny(bytes, ["null", "Null", "NULL"]): return .null
        case 4 where matchesAny(bytes, ["true", "True", "TRUE"]): return .bool
        case 5 where matchesAny(bytes, ["false", "False", "FALSE"]): return .bool
        default: break
        }
        if isInt(bytes) { return .int }
        if isFloat(bytes) { return .float }
        return .string
    }

    /// The type an explicit standard tag asks for, or `nil` when the tag is not one of the core schema's.
    static func typeForTag(_ tag: String) -> YAMLScalarType? {
        guard tag.hasPrefix(tagPrefix) else { return nil }
        switch tag.dropFirst(tagPrefix.count) {
        case "str": return .string
        case "int": return .int
        case "float": return .float
        case "bool": return .bool
        case "null": return .null
        default: return nil
        }
    }

    private static func matchesAny(_ bytes: UnsafeBufferPointer<UInt8>, _ words: [StaticString]) -> Bool {
        words.contains { word in
            word.utf8CodeUnitCount == bytes.count && (0 ..< bytes.count).allSatisfy { bytes[$0] == word.utf8Start[$0] }
        }
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// `[-+]?[0-9]+ | 0o[0-7]+ | 0x[0-9a-fA-F]+`
    static func isInt(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if bytes.count > 2, bytes[0] == UInt8(ascii: "0") {
            let rest = bytes[2...]
            if bytes[1] == UInt8(ascii: "o") {
                return rest.allSatisfy { $0 >= 0x30 && $0 <= 0x37 }
            }
            if bytes[1] == UInt8(ascii: "x") {
                return rest.allSatisfy { isDigit($0) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x66) }
            }
        }
        var i = 0
        if bytes[0] == UInt8(ascii: "-") || bytes[0] == UInt8(ascii: "+") { i = 1 }
        guard i < bytes.count else { return false }
        return bytes[i...].allSatisfy(isDigit)
    }

    /// `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)? | [-+]?\.(inf|Inf|INF) | \.(nan|NaN|NAN)`
    static func isFloat(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = bytes.count
        if n > 0, bytes[0] == UInt8(ascii: "-") || bytes[0] == UInt8(ascii: "+") { i = 1 }
        let rest = UnsafeBufferPointer(rebasing: bytes[i...])
        if matchesAny(rest, [".inf", ".Inf", ".INF"]) { return true }
        if i == 0, matchesAny(rest, [".nan", ".NaN", ".NAN"]) { return true }
        var intDigits = 0
        while i < n, isDigit(bytes[i]) {
            i += 1
            intDigits += 1
        }
        var fractionDigits = 0
        if i < n, bytes[i] == UInt8(ascii: ".") {
            i += 1
            while i < n, isDigit(bytes[i]) {
                i += 1
                fractionDigits += 1
            }
        }
        guard intDigits > 0 || fractionDigits > 0 else { return false }
        if i < n, bytes[i] | 0x20 == UInt8(ascii: "e") {
            i += 1
            if i < n, bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") { i += 1 }
            var exponentDigits = 0
            while i < n, isDigit(bytes[i]) {
                i += 1
                exponentDigits += 1
            }
            guard exponentDigits > 0 else { return false }
        }
        return i == n
    }
}
