import LatheOpenAPI

/// Compact JSON text of a value, for doc comments and messages (`{"a":[1,"x"]}`).
public enum JSONText {
    public static func compact(_ value: SpecValue) -> String {
        var text = ""
        _ = write(value, into: &text, byteBudget: .max)
        return text
    }

    /// `compact`, cut to `maxCharacters` and "…" when longer, without writing out the rest: what doc
    /// comments show of an example, which in some specs is a whole response of many kilobytes.
    public static func compact(_ value: SpecValue, maxCharacters: Int) -> String {
        var text = ""
        let isWhole = write(value, into: &text, byteBudget: maxCharacters * 4)
        return isWhole && text.count <= maxCharacters ? text : String(text.prefix(maxCharacters)) + "…"
    }

    /// Appends `value`; false when it stopped because `text` grew past `byteBudget` bytes.
    private static func write(_ value: SpecValue, into text: inout String, byteBudget: Int) -> Bool {
        guard text.utf8.count <= byteBudget else { return false }
        switch value {
        case .null: text += "null"
        case .bool(let flag): text += flag ? "true" : "false"
        case .number(let number): text += number.text
        case .string(let string): text += quoted(string)
        case .array(let items):
            text += "["
            for (index, item) in items.enumerated() {
                if index > 0 { text += "," }
                guard write(item, into: &text, byteBudget: byteBudget) else { return false }
            }
            text += "]"
        case .object(let members):
            text += "{"
            for (index, member) in members.enumerated() {
                if index > 0 { text += "," }
                text += quoted(member.key) + ":"
                guard write(member.value, into: &text, byteBudget: byteBudget) else { return false }
            }
            text += "}"
        }
        return text.utf8.count <= byteBudget
    }

    static func quoted(_ text: String) -> String {
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) { return "\"" + text + "\"" }
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
