import Foundation

extension JSONValue {
    /// `value` as JSON, as `JSONCoding`'s encoder writes it: how the runtime reads a value's members
    /// to merge or spread them (`anyOf` and `allOf` members, form bodies, object parameters).
    static func encoding(_ value: some Encodable, with encoder: JSONEncoder = JSONCoding.encoder()) throws -> JSONValue
    {
        try parsing(encoder.encode(value))
    }

    /// `data` as a JSON value, as `JSONDecoder` reads it. Decoding `JSONValue` through a decoder
    /// tries each JSON type in turn and throws a described error for each miss (four for an
    /// object), which cost an `anyOf` with two members present nine times a single member's encode.
    /// `JSONValueParser` reads the bytes once; where it has any doubt (a number `Decimal` cannot
    /// hold, a repeated key, invalid text) the decoder reads them instead, and decides.
    static func parsing(_ data: Data) throws -> JSONValue {
        if let value = readWithoutDecoder(data) { return value }
        return try JSONDecoder().decode(JSONValue.self, from: data)
    }

    static func readWithoutDecoder(_ data: Data) -> JSONValue? {
        data.withUnsafeBytes {
            var parser = JSONValueParser(bytes: $0.bindMemory(to: UInt8.self))
            return parser.document()
        }
    }
}

/// A strict RFC 8259 reader for the common case; `nil` means "let `JSONDecoder` decide". Every
/// `nil` is written in a `guard`: in `cond ? value : nil` the `nil` would be `JSONValue.null`.
private struct JSONValueParser {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0
    var depth = 0

    init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    mutating func document() -> JSONValue? {
        guard let value = value() else { return nil }
        skipSpace()
        guard index == bytes.count else { return nil }
        return value
    }

    private mutating func value() -> JSONValue? {
        skipSpace()
        guard index < bytes.count else { return nil }
        switch bytes[index] {
        case UInt8(ascii: "{"): return object()
        case UInt8(ascii: "["): return array()
        case UInt8(ascii: "\""): return string().map { .string($0) }
        case UInt8(ascii: "t"): return literal("true", .bool(true))
        case UInt8(ascii: "f"): return literal("false", .bool(false))
        case UInt8(ascii: "n"): return literal("null", .null)
        default: return number()
        }
    }

    private mutating func object() -> JSONValue? {
        guard enter() else { return nil }
        defer { depth -= 1 }
        index += 1
        var members: [String: JSONValue] = [:]
        skipSpace()
        if take(UInt8(ascii: "}")) { return .object(members) }
        repeat {
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\""), let key = string() else { return nil }
            skipSpace()
            guard take(UInt8(ascii: ":")), let member = value() else { return nil }
            // A repeated key: which one a decoder keeps is its own choice, so it makes it.
            guard members.updateValue(member, forKey: key) == nil else { return nil }
            skipSpace()
        } while take(UInt8(ascii: ","))
        guard take(UInt8(ascii: "}")) else { return nil }
        return .object(members)
    }

    private mutating func array() -> JSONValue? {
        guard enter() else { return nil }
        defer { depth -= 1 }
        index += 1
        var items: [JSONValue] = []
        skipSpace()
        if take(UInt8(ascii: "]")) { return .array(items) }
        repeat {
            guard let item = value() else { return nil }
            items.append(item)
            skipSpace()
        } while take(UInt8(ascii: ","))
        guard take(UInt8(ascii: "]")) else { return nil }
        return .array(items)
    }

    /// Past the opening quote to past the closing one; escapes decoded, surrogate pairs joined.
    private mutating func string() -> String? {
        index += 1
        let start = index
        while index < bytes.count, bytes[index] != UInt8(ascii: "\""), bytes[index] != UInt8(ascii: "\\") {
            guard bytes[index] >= 0x20 else { return nil }
            index += 1
        }
        guard index < bytes.count else { return nil }
        guard bytes[index] == UInt8(ascii: "\\") else {
            index += 1
            return String(validating: bytes[start ..< index - 1], as: UTF8.self)
        }
        var text = [UInt8](bytes[start ..< index])
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""):
                return String(validating: text, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard index < bytes.count else { return nil }
                let escaped = bytes[index]
                index += 1
                switch escaped {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): text.append(escaped)
                case UInt8(ascii: "b"): text.append(0x08)
                case UInt8(ascii: "f"): text.append(0x0C)
                case UInt8(ascii: "n"): text.append(0x0A)
                case UInt8(ascii: "r"): text.append(0x0D)
                case UInt8(ascii: "t"): text.append(0x09)
                case UInt8(ascii: "u"):
                    guard let scalar = unicodeEscape() else { return nil }
                    text.append(contentsOf: String(Character(scalar)).utf8)
                default: return nil
                }
            default:
                guard byte >= 0x20 else { return nil }
                text.append(byte)
            }
        }
        return nil
    }

    /// After `\u`: four hex digits, and a low surrogate's `\uXXXX` after a high one.
    private mutating func unicodeEscape() -> Unicode.Scalar? {
        guard let unit = hex4() else { return nil }
        guard (0xD800 ... 0xDBFF).contains(unit) else { return Unicode.Scalar(unit) }
        guard take(UInt8(ascii: "\\")), take(UInt8(ascii: "u")), let low = hex4(), (0xDC00 ... 0xDFFF).contains(low)
        else { return nil }
        return Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))
    }

    private mutating func hex4() -> UInt32? {
        guard index + 4 <= bytes.count else { return nil }
        var unit: UInt32 = 0
        for _ in 0 ..< 4 {
            guard let digit = Character(Unicode.Scalar(bytes[index])).hexDigitValue else { return nil }
            unit = unit << 4 | UInt32(digit)
            index += 1
        }
        return unit
    }

    /// RFC 8259's number grammar, read as `Decimal` from its text; `nil` for one it cannot hold.
    private mutating func number() -> JSONValue? {
        let start = index
        _ = take(UInt8(ascii: "-"))
        guard digits(leadingZeroAlone: true) else { return nil }
        if take(UInt8(ascii: ".")), !digits(leadingZeroAlone: false) { return nil }
        if take(UInt8(ascii: "e")) || take(UInt8(ascii: "E")) {
            _ = take(UInt8(ascii: "+")) || take(UInt8(ascii: "-"))
            guard digits(leadingZeroAlone: false) else { return nil }
        }
        let text = String(decoding: bytes[start ..< index], as: UTF8.self)
        guard let value = Decimal(string: text, locale: Self.posix), value.isFinite else { return nil }
        return .number(value)
    }

    /// One or more digits; with `leadingZeroAlone`, a leading `0` is the whole run (`01` is not JSON).
    private mutating func digits(leadingZeroAlone: Bool) -> Bool {
        let start = index
        while index < bytes.count, (UInt8(ascii: "0") ... UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
        guard index > start else { return false }
        return !(leadingZeroAlone && bytes[start] == UInt8(ascii: "0") && index - start > 1)
    }

    private mutating func literal(_ word: StaticString, _ value: JSONValue) -> JSONValue? {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count else { return nil }
        for offset in 0 ..< count where bytes[index + offset] != word.utf8Start[offset] { return nil }
        index += count
        return value
    }

    /// One level deeper; a decoder refuses very deep documents, and this recursion must not overflow.
    private mutating func enter() -> Bool {
        depth += 1
        return depth <= 512
    }

    private mutating func take(_ byte: UInt8) -> Bool {
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    private mutating func skipSpace() {
        while index < bytes.count,
            bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D || bytes[index] == 0x09
        {
            index += 1
        }
    }

    private static let posix = Locale(identifier: "en_US_POSIX")
}
