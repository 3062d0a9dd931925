import LatheDiagnostics
import LatheYAML

/// Compact JSON text of a value, for doc comments and messages (`{"a":[1,"x"]}`).
public enum JSONText {
    public static func compact(_ value: SpecValue) -> String {
        var bytes: [UInt8] = []
        _ = write(value, into: &bytes, byteBudget: .max)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `compact`, cut to `maxCharacters` and "…" when longer, without writing out the rest: what doc
    /// comments show of an example, which in some specs is a whole response of many kilobytes.
    public static func compact(_ value: SpecValue, maxCharacters: Int) -> String {
        cut(maxCharacters: maxCharacters) { write(value, into: &$0, byteBudget: $1) }
    }

    /// `compact(SpecValue(node), maxCharacters:)` without making the whole value first: of an
    /// example of many kilobytes, only the nodes up to the cut are read (a spec whose example was
    /// a 5.8 MB response generated in 0.55 s and does in 0.25 s).
    public static func compact(_ node: YAMLNode, maxCharacters: Int) -> String {
        cut(maxCharacters: maxCharacters) { write(node, into: &$0, byteBudget: $1) }
    }

    /// What `write` writes (into the bytes, within the budget; whether it wrote all), cut to
    /// `maxCharacters` and "…" when longer. Written first with a byte a character, enough for most
    /// examples, which are ASCII; only when those bytes hold too few characters to cut is it
    /// written again with room for four. (Four each time wrote four times the bytes kept: 27 M of
    /// Square's instructions.) Either way the text is the same: bytes are appended a whole string
    /// at a time, so what was written is a prefix of the whole text, cut between characters.
    private static func cut(maxCharacters: Int, _ write: (inout [UInt8], Int) -> Bool) -> String {
        var bytes: [UInt8] = []
        var isWhole = write(&bytes, maxCharacters)
        // ASCII without a carriage return (which, a line feed after it, is one Character; strings
        // escape it, so the check is for safety) is a Character a byte: counted and cut without
        // finding grapheme breaks, 10,000 instructions a cut.
        let isByteACharacter = bytes.withUnsafeBufferPointer { $0.firstByte(from: 0, below: 0, or: 0x0D) == $0.count }
        if isByteACharacter, isWhole || bytes.count > maxCharacters {
            guard bytes.count > maxCharacters else { return String(decoding: bytes, as: UTF8.self) }
            return String(decoding: bytes[..<maxCharacters], as: UTF8.self) + "…"
        }
        var text = String(decoding: bytes, as: UTF8.self)
        if !isWhole && text.count <= maxCharacters {
            bytes = []
            isWhole = write(&bytes, maxCharacters * 4)
            text = String(decoding: bytes, as: UTF8.self)
        }
        return isWhole && text.count <= maxCharacters ? text : String(text.prefix(maxCharacters)) + "…"
    }

    /// `write(SpecValue(node), …)`, a scalar at a time.
    private static func write(_ node: YAMLNode, into bytes: inout [UInt8], byteBudget: Int) -> Bool {
        guard bytes.count <= byteBudget else { return false }
        switch node.kind {
        case .scalar:
            // A string is copied from the document's bytes; other scalars are written as values.
            guard (node.scalarType ?? .string) == .string else {
                return write(SpecValue(node), into: &bytes, byteBudget: byteBudget)
            }
            appendQuoted(node, to: &bytes)
        case .sequence:
            bytes.append(UInt8(ascii: "["))
            for (index, item) in node.items.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                guard write(item, into: &bytes, byteBudget: byteBudget) else { return false }
            }
            bytes.append(UInt8(ascii: "]"))
        case .mapping:
            bytes.append(UInt8(ascii: "{"))
            for (index, entry) in node.entries.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                appendQuoted(entry.key, to: &bytes)
                bytes.append(UInt8(ascii: ":"))
                guard write(entry.value, into: &bytes, byteBudget: byteBudget) else { return false }
            }
            bytes.append(UInt8(ascii: "}"))
        }
        return bytes.count <= byteBudget
    }

    /// Appends `value` as UTF-8 (bytes, not a `String`: appending to a `String` cost several
    /// times as much, and examples are written for every documented schema); false when it stopped
    /// because `bytes` grew past `byteBudget`.
    private static func write(_ value: SpecValue, into bytes: inout [UInt8], byteBudget: Int) -> Bool {
        guard bytes.count <= byteBudget else { return false }
        switch value {
        case .null: bytes.append(utf8: "null")
        case .bool(let flag): bytes.append(utf8: flag ? "true" : "false")
        case .number(let number): bytes.append(utf8: number.text)
        case .string(let string): appendQuoted(string, to: &bytes)
        case .array(let items):
            bytes.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                guard write(item, into: &bytes, byteBudget: byteBudget) else { return false }
            }
            bytes.append(UInt8(ascii: "]"))
        case .object(let members):
            bytes.append(UInt8(ascii: "{"))
            for (index, member) in members.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                appendQuoted(member.key, to: &bytes)
                bytes.append(UInt8(ascii: ":"))
                guard write(member.value, into: &bytes, byteBudget: byteBudget) else { return false }
            }
            bytes.append(UInt8(ascii: "}"))
        }
        return bytes.count <= byteBudget
    }

    private static func appendQuoted(_ text: String, to bytes: inout [UInt8]) {
        var text = text
        if !text.withUTF8({ appendQuotedIfPlain($0, to: &bytes) }) { bytes.append(utf8: quoted(text)) }
    }

    /// A scalar node's text quoted (a key that is not a scalar, which the reader refuses, as `""`).
    private static func appendQuoted(_ node: YAMLNode, to bytes: inout [UInt8]) {
        if node.withTextBytes({ appendQuotedIfPlain($0, to: &bytes) }) != true {
            appendQuoted(node.text ?? "", to: &bytes)
        }
    }

    /// Appends `utf8` in quotes and returns true, or appends nothing and returns false when it has
    /// something to escape.
    private static func appendQuotedIfPlain(_ utf8: UnsafeBufferPointer<UInt8>, to bytes: inout [UInt8]) -> Bool {
        guard !utf8.contains(where: needsEscape) else { return false }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: utf8)
        bytes.append(UInt8(ascii: "\""))
        return true
    }

    /// A control character, `"` or `\`: what JSON escapes in a string.
    private static func needsEscape(_ byte: UInt8) -> Bool { byte < 0x20 || byte == 0x22 || byte == 0x5C }

    static func quoted(_ text: String) -> String {
        if !text.utf8.contains(where: needsEscape) { return "\"" + text + "\"" }
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20:
                result +=
                    "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
                    + String(scalar.value, radix: 16)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
