/// Rewrites the few things valid JSON (RFC 8259) may hold that libyaml refuses or misreads into YAML
/// that reads the same, with a map back to the file's own columns.
///
/// libyaml reads JSON as YAML 1.1 flow style, which differs from JSON in these:
/// - Escaped UTF-16 surrogates (`"\ud83d\udc4d"`) are refused. A pair becomes YAML's 8-digit escape
///   (`\U0001F44D`). A lone surrogate (a high one not followed by a low one, or a low one alone) names
///   no character, so it becomes `\uFFFD`, the replacement character U+FFFD, as most JSON readers
///   make it: the file still reads, and the damage stays visible in the text.
/// - YAML limits an implicit key to one line and 1024 characters up to its `:`, so libyaml stops at a
///   `:` on a later line than its key, or after a longer key. Such a key gets YAML's explicit-key
///   indicator `?`, which in a flow mapping takes a key of any length with its `:` anywhere.
/// - Characters YAML bans from its text but JSON strings may hold unescaped (DEL, the C1 controls,
///   U+FFFE, U+FFFF) are refused, and those YAML 1.1 takes as line breaks (NEL, U+2028, U+2029)
///   are folded into a space or counted as new lines. Each becomes its escape (`\x85`, `\u2028`).
/// - YAML refuses a tab where a line's indentation would be, which outside the top value is all
///   whitespace; tabs there become spaces, which moves nothing.
///
/// Only a file that reads as JSON is touched: outside its strings it holds nothing but JSON's
/// punctuation, numbers and literals, so YAML's own quoting, comments and block style are never
/// rewritten. No line break is added or removed, so lines stay as they are; columns move only where
/// an edit changed the length, and `SourceMap` moves them back. Finding that nothing needs rewriting
/// (the common case) is one pass over the bytes, about 2 ms for a 3 MB spec, and copies nothing.
enum JSONAdapter {
    struct Edit {
        /// Byte offset in the file.
        var start: Int
        /// How many bytes of the file it replaces (0 for an insertion).
        var length: Int
        /// ASCII text to put there instead.
        var replacement: [UInt8]
    }

    /// The text to hand libyaml and its map, or `nil` when the file is not JSON or reads as it is
    /// (the common case: then nothing is copied).
    static func adapt(_ bytes: [UInt8]) -> (text: [UInt8], map: SourceMap)? {
        bytes.withUnsafeBufferPointer { buffer in
            let start = hasBOM(buffer) ? 3 : 0
            var scanner = JSONScanner(bytes: buffer, position: start)
            guard scanner.isJSON(), !scanner.edits.isEmpty else { return nil }
            return apply(scanner.edits, to: buffer, bomLength: start)
        }
    }

    static func hasBOM(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
    }

    /// The edited text, and where each edit that changed the length ends in it. Characters are counted
    /// as libyaml counts its marks' index: one per UTF-8 character, not counting the byte-order mark.
    static func apply(_ edits: [Edit], to bytes: UnsafeBufferPointer<UInt8>, bomLength: Int) -> ([UInt8], SourceMap) {
        var text: [UInt8] = []
        text.reserveCapacity(bytes.count + 8 * edits.count)
        var map = SourceMap()
        var position = 0
        var characters = -characterCount(bytes[0 ..< bomLength])
        var characterShift = 0
        for edit in edits {
            let kept = bytes[position ..< edit.start]
            text.append(contentsOf: kept)
            text.append(contentsOf: edit.replacement)
            characters += characterCount(kept) + edit.replacement.count
            position = edit.start + edit.length
            let change = edit.replacement.count - characterCount(bytes[edit.start ..< position])
            // A tab made a space, or a lone surrogate made `\uFFFD`, moves nothing.
            guard change != 0 || edit.replacement.count != edit.length else { continue }
            characterShift += change
            map.append(
                characterEnd: characters, characterShift: characterShift, byteEnd: text.count,
                byteShift: text.count - position)
        }
        text.append(contentsOf: bytes[position...])
        return (text, map)
    }

    static func characterCount(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Int {
        var count = 0
        for byte in bytes where byte & 0xC0 != 0x80 {
            count += 1
        }
        return count
    }
}

/// Moves positions libyaml reports in the rewritten text back to the file's.
///
/// Edits never add or remove a line break, so lines are right as they are. A column is the distance
/// from the line's start, and both the position and the line's start moved by the edits before
/// them; the difference is what the edits on that line, before the position, changed.
struct SourceMap: Sendable {
    /// Character index (libyaml's `mark.index`) just after each length-changing edit, ascending.
    private var characterEnds: [Int] = []
    /// Characters the text grew (or, negative, shrank) through each of those edits.
    private var characterShifts: [Int] = []
    /// The same in bytes, for the reader errors libyaml reports at a byte offset.
    private var byteEnds: [Int] = []
    private var byteShifts: [Int] = []

    mutating func append(characterEnd: Int, characterShift: Int, byteEnd: Int, byteShift: Int) {
        characterEnds.append(characterEnd)
        characterShifts.append(characterShift)
        byteEnds.append(byteEnd)
        byteShifts.append(byteShift)
    }

    /// The file's 0-based column for a 0-based `column` at character `index` of the rewritten text.
    func column(_ column: Int, atIndex index: Int) -> Int {
        let lineStart = index - column
        return column - shift(characterShifts, ends: characterEnds, at: index)
            + shift(characterShifts, ends: characterEnds, at: lineStart)
    }

    /// The file's byte offset for an offset in the rewritten text.
    func byteOffset(_ offset: Int) -> Int {
        offset - shift(byteShifts, ends: byteEnds, at: offset)
    }

    /// The shift of the last edit ending at or before `position`.
    private func shift(_ shifts: [Int], ends: [Int], at position: Int) -> Int {
        var low = 0
        var high = ends.count
        while low < high {
            let middle = (low + high) / 2
            if ends[middle] <= position { low = middle + 1 } else { high = middle }
        }
        return low == 0 ? 0 : shifts[low - 1]
    }
}

/// One pass over a file that may be JSON, collecting the edits `JSONAdapter` makes.
private struct JSONScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var position: Int
    var edits: [JSONAdapter.Edit] = []
    private var depth = 0
    private var sawValue = false

    init(bytes: UnsafeBufferPointer<UInt8>, position: Int) {
        self.bytes = bytes
        self.position = position
    }

    /// Scans the whole file; whether it is JSON, loosely. It is not when it holds YAML's own syntax
    /// (quotes, comments, anchors, tags, block keys and items, a second document) outside strings. A
    /// file that breaks off or closes too much still is: libyaml then reports that, at its place,
    /// rather than a surrogate before it. Numbers and literals are not checked letter by letter.
    mutating func isJSON() -> Bool {
        while position < bytes.count {
            let byte = bytes[position]
            switch byte {
            case .space, .newline, .carriageReturn:
                skipSpaces()
            case .tab:
                if depth == 0 { edits.append(.init(start: position, length: 1, replacement: [.space])) }
                position += 1
            case .openBrace, .openBracket:
                guard startValue() else { return false }
                depth += 1
                position += 1
            case .closeBrace, .closeBracket:
                depth = max(depth - 1, 0)
                position += 1
            case .comma, .colon:
                guard depth > 0 else { return false }
                position += 1
            case .quote:
                guard startValue() else { return false }
                scanString()
            default:
                guard isLiteral(byte), startValue() else { return false }
                while position < bytes.count, isLiteral(bytes[position]) { position += 1 }
            }
        }
        return sawValue
    }

    /// Whether a value may start here: anywhere inside the top value, or as the top value itself.
    private mutating func startValue() -> Bool {
        if depth > 0 { return true }
        if sawValue { return false }
        sawValue = true
        return true
    }

    /// Bytes of numbers and of `true`, `false` and `null`.
    private func isLiteral(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0") ... UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."),
            UInt8(ascii: "E"), UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "f"), UInt8(ascii: "l"),
            UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "s"), UInt8(ascii: "t"), UInt8(ascii: "u"):
            true
        default:
            false
        }
    }

    /// Scans the string whose opening quote is at `position`, to its end or the file's.
    private mutating func scanString() {
        let quote = position
        let firstEdit = edits.count
        position += 1
        while true {
            skipPlainText()
            guard position < bytes.count else { return }
            switch bytes[position] {
            case .quote:
                position += 1
                markExplicitKey(quote: quote, firstEdit: firstEdit)
                return
            case .backslash:
                scanEscape()
            default:
                scanNonASCII()
            }
        }
    }

    /// Skips indentation eight spaces at a time: it is a good part of a pretty-printed file.
    private mutating func skipSpaces() {
        position += 1
        while position + 8 <= bytes.count, load8(at: position) == 0x2020_2020_2020_2020 {
            position += 8
        }
        while position < bytes.count, bytes[position] == .space {
            position += 1
        }
    }

    /// Skips string text up to a quote, a backslash or a byte of 0x7F or more: this is most of a
    /// file, and the pass must cost next to nothing.
    private mutating func skipPlainText() {
        position = bytes.firstByte(from: position, below: 0, or: .quote, .backslash, 0x7F)
    }

    private func load8(at offset: Int) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(bytes.baseAddress! + offset).loadUnaligned(as: UInt64.self))
    }

    /// `\uD83D\uDC4D` becomes `\U0001F44D`; a lone surrogate becomes `\uFFFD`. Other escapes stay.
    private mutating func scanEscape() {
        guard let escape = unicodeEscape(bytes, at: position), escape.namedSurrogate else {
            position += 2
            return
        }
        edits.append(.init(start: position, length: escape.length, replacement: yamlEscape(escape.scalar)))
        position += escape.length
    }

    /// A character at `position` (a byte of 0x7F or more) that libyaml refuses or takes as a line
    /// break becomes its escape; any other passes.
    private mutating func scanNonASCII() {
        let first = bytes[position]
        let second = position + 1 < bytes.count ? bytes[position + 1] : 0
        let third = position + 2 < bytes.count ? bytes[position + 2] : 0
        let length: Int
        let scalar: Int
        switch first {
        case 0x7F:
            (length, scalar) = (1, 0x7F)
        case 0xC2 where 0x80 ... 0x9F ~= second:
            (length, scalar) = (2, Int(second))
        case 0xE2 where second == 0x80 && (third == 0xA8 || third == 0xA9):
            (length, scalar) = (3, 0x2000 + Int(third & 0x3F))
        case 0xEF where second == 0xBF && (third == 0xBE || third == 0xBF):
            (length, scalar) = (3, 0xFFC0 + Int(third & 0x3F))
        default:
            position += 1
            return
        }
        edits.append(.init(start: position, length: length, replacement: yamlEscape(scalar)))
        position += length
    }

    /// A string just scanned that is a key libyaml would not take as an implicit one gets `?` before it.
    private mutating func markExplicitKey(quote: Int, firstEdit: Int) {
        var colon = position
        var crossesLine = false
        while colon < bytes.count,
            bytes[colon] == .space || bytes[colon] == .tab || bytes[colon] == .newline
                || bytes[colon] == .carriageReturn
        {
            crossesLine = crossesLine || bytes[colon] == .newline || bytes[colon] == .carriageReturn
            colon += 1
        }
        guard colon < bytes.count, bytes[colon] == .colon else { return }
        guard crossesLine || rewrittenLength(from: quote, to: colon, firstEdit: firstEdit) > 1024 else { return }
        edits.insert(.init(start: quote, length: 0, replacement: [UInt8(ascii: "?")]), at: firstEdit)
    }

    /// Characters from `start` to `end` once the edits made since `firstEdit` are applied: libyaml's
    /// distance from a key's start to its `:`.
    private func rewrittenLength(from start: Int, to end: Int, firstEdit: Int) -> Int {
        // Characters never outnumber bytes, and only edits make the text longer.
        if end - start <= 1024, edits.count == firstEdit { return end - start }
        var length = JSONAdapter.characterCount(bytes[start ..< end])
        for edit in edits[firstEdit...] {
            length +=
                edit.replacement.count - JSONAdapter.characterCount(bytes[edit.start ..< edit.start + edit.length])
        }
        return length
    }
}

/// The character a `\u` escape at `offset` (its backslash) names, as JSON has it and both readers
/// read it: a surrogate pair (`\uD83D\uDC4D`, 12 bytes) is one character, and a lone surrogate,
/// which names none, is U+FFFD; `namedSurrogate` says the escape was one of those. `nil` when it is
/// not `\u` and four hexadecimal digits.
func unicodeEscape(
    _ bytes: UnsafeBufferPointer<UInt8>, at offset: Int
) -> (scalar: Int, length: Int, namedSurrogate: Bool)? {
    guard offset + 1 < bytes.count, bytes[offset + 1] == UInt8(ascii: "u"), let unit = hex4(bytes, at: offset + 2)
    else {
        return nil
    }
    guard 0xD800 ... 0xDFFF ~= unit else { return (unit, 6, false) }
    if unit < 0xDC00, offset + 12 <= bytes.count, bytes[offset + 6] == .backslash,
        bytes[offset + 7] == UInt8(ascii: "u"), let low = hex4(bytes, at: offset + 8), 0xDC00 ... 0xDFFF ~= low
    {
        return (0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00), 12, true)
    }
    return (0xFFFD, 6, true)
}

/// The four hexadecimal digits at `offset` as a number, or `nil`.
private func hex4(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Int? {
    guard offset + 4 <= bytes.count else { return nil }
    var value = 0
    for byte in bytes[offset ..< offset + 4] {
        guard let digit = hexValue(byte) else { return nil }
        value = value << 4 | digit
    }
    return value
}

private func hexValue(_ byte: UInt8) -> Int? {
    switch byte {
    case UInt8(ascii: "0") ... UInt8(ascii: "9"): Int(byte - UInt8(ascii: "0"))
    case UInt8(ascii: "a") ... UInt8(ascii: "f"): Int(byte - UInt8(ascii: "a")) + 10
    case UInt8(ascii: "A") ... UInt8(ascii: "F"): Int(byte - UInt8(ascii: "A")) + 10
    default: nil
    }
}

/// YAML's escape for `scalar`: `\xXX`, `\uXXXX` or `\UXXXXXXXX`, whichever is shortest.
private func yamlEscape(_ scalar: Int) -> [UInt8] {
    let (letter, digits): (Unicode.Scalar, Int) = scalar <= 0xFF ? ("x", 2) : scalar <= 0xFFFF ? ("u", 4) : ("U", 8)
    let hex = Array("0123456789ABCDEF".utf8)
    var text: [UInt8] = [.backslash, UInt8(ascii: letter)]
    for shift in stride(from: 4 * (digits - 1), through: 0, by: -4) {
        text.append(hex[(scalar >> shift) & 0xF])
    }
    return text
}

/// The bytes of JSON's punctuation and whitespace.
extension UInt8 {
    static var space: UInt8 { UInt8(ascii: " ") }
    static var tab: UInt8 { UInt8(ascii: "\t") }
    static var newline: UInt8 { UInt8(ascii: "\n") }
    static var carriageReturn: UInt8 { UInt8(ascii: "\r") }
    static var quote: UInt8 { UInt8(ascii: "\"") }
    static var backslash: UInt8 { UInt8(ascii: "\\") }
    static var openBrace: UInt8 { UInt8(ascii: "{") }
    static var closeBrace: UInt8 { UInt8(ascii: "}") }
    static var openBracket: UInt8 { UInt8(ascii: "[") }
    static var closeBracket: UInt8 { UInt8(ascii: "]") }
    static var comma: UInt8 { UInt8(ascii: ",") }
    static var colon: UInt8 { UInt8(ascii: ":") }
}
