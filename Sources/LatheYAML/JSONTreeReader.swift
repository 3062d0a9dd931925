#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a file that is strict JSON (RFC 8259) straight into the `YAMLTree` that libyaml, through
/// `JSONAdapter` and `TreeBuilder`, makes of it: the same records, children, text and positions, in
/// the same order. libyaml reads JSON as YAML, character by character through its own buffer, and
/// was a fifth of generating a large JSON spec (Square: 388 M of 1,850 M instructions, and reading
/// it 549 M in all); this pass reads it in 83 M.
///
/// It answers `nil`, having built nothing that is kept, at the first thing that is not strict JSON
/// or that the tree builder would refuse (a duplicate key, nesting past the limit, invalid UTF-8, a
/// raw tab in a string, YAML). The file is then read by libyaml as before, so YAML, and every error
/// and its message, are exactly what they were. Nothing here reports a problem.
///
/// What libyaml makes of JSON, and so what this writes: strings are double-quoted scalars, numbers
/// and `true`, `false` and `null` plain ones, typed by `ScalarResolver`; a node's line and column are
/// those of its first character (a string's opening quote), columns counted in characters after a
/// byte-order mark, a lone CR or a CR LF ending a line as a LF does. Escaped surrogate pairs decode
/// to their character and a lone surrogate to U+FFFD, as `JSONAdapter` has libyaml do.
struct JSONTreeReader {
    private let bytes: UnsafeBufferPointer<UInt8>
    private let maximumDepth: Int
    private var position: Int
    private var line: UInt32 = 1
    /// Where the current line starts, and how many UTF-8 continuation bytes it has before `position`:
    /// a column counts characters.
    private var lineStart: Int
    private var lineContinuations = 0
    private var depth = 0
    private var records: [NodeRecord] = []
    private var children: [Int32] = []
    private var text: [UInt8] = []
    private var repeatedScalars = RepeatedScalars()
    /// The children of the open collections, innermost last; each is moved to `children` when its
    /// collection closes, as `TreeBuilder` stores them.
    private var pending: [Int32] = []
    /// A string's text once an escape means it is not the file's bytes as they stand.
    private var unescaped: [UInt8] = []

    /// The deepest nesting this reader takes on: it recurses once a level, and a thread's stack is
    /// as small as 512 KiB. A reader allowed deeper nesting leaves the file to libyaml and the tree
    /// builder's explicit stack.
    static let deepestNesting = 1_024

    /// The tree of `bytes`, or `nil` when they are not strict JSON the tree builder would take as it is.
    static func read(_ bytes: [UInt8], path: String, maximumDepth: Int) -> YAMLTree? {
        guard maximumDepth <= deepestNesting else { return nil }
        return bytes.withUnsafeBufferPointer { buffer in
            var reader = JSONTreeReader(bytes: buffer, maximumDepth: maximumDepth)
            guard let root = reader.readDocument() else { return nil }
            return YAMLTree(
                path: path, records: reader.records, children: reader.children, text: reader.text, tags: [:],
                rootIndex: root)
        }
    }

    private init(bytes: UnsafeBufferPointer<UInt8>, maximumDepth: Int) {
        self.bytes = bytes
        self.maximumDepth = maximumDepth
        // libyaml skips a byte-order mark without counting it.
        position = JSONAdapter.hasBOM(bytes) ? 3 : 0
        lineStart = position
    }

    private mutating func readDocument() -> Int32? {
        skipWhitespace()
        // A YAML file is declined at its first byte, before anything is reserved.
        guard position < bytes.count, Self.mayStartValue(bytes[position]) else { return nil }
        // Reserved as `TreeBuilder` reserves them: pages never touched cost no memory.
        records.reserveCapacity(bytes.count / 12 + 16)
        text.reserveCapacity(bytes.count)
        guard let root = readValue() else { return nil }
        skipWhitespace()
        return position == bytes.count ? root : nil
    }

    private static func mayStartValue(_ byte: UInt8) -> Bool {
        switch byte {
        case .openBrace, .openBracket, .quote, UInt8(ascii: "-"), UInt8(ascii: "0") ... UInt8(ascii: "9"),
            UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
            true
        default:
            false
        }
    }

    /// The value starting at `position` (after whitespace), its record made and its children read.
    private mutating func readValue() -> Int32? {
        guard position < bytes.count else { return nil }
        switch bytes[position] {
        case .openBrace: return readCollection(isMapping: true)
        case .openBracket: return readCollection(isMapping: false)
        case .quote: return readString()
        case UInt8(ascii: "t"): return readLiteral("true")
        case UInt8(ascii: "f"): return readLiteral("false")
        case UInt8(ascii: "n"): return readLiteral("null")
        default: return readNumber()
        }
    }

    private mutating func readCollection(isMapping: Bool) -> Int32? {
        // `TreeBuilder` refuses a collection opened with this many open around it.
        guard depth < maximumDepth else { return nil }
        depth += 1
        defer { depth -= 1 }
        let index = newRecord(isMapping ? .mapping : .sequence, style: 0, scalarType: .null, start: 0, count: 0)
        let first = pending.count
        let close: UInt8 = isMapping ? .closeBrace : .closeBracket
        position += 1
        skipWhitespace()
        if position < bytes.count, bytes[position] == close {
            position += 1
        } else {
            var keyHashes: Set<Int>? = nil
            while true {
                if isMapping {
                    guard position < bytes.count, bytes[position] == .quote, let key = readString(),
                        firstKey(
                            equalTo: key, in: pending[first...], hashes: &keyHashes, records: records, text: text)
                            == nil
                    else { return nil }
                    adopt(key, parent: index, slot: (pending.count - first) / 2)
                    skipWhitespace()
                    guard position < bytes.count, bytes[position] == .colon else { return nil }
                    position += 1
                    skipWhitespace()
                }
                guard let value = readValue() else { return nil }
                adopt(value, parent: index, slot: isMapping ? (pending.count - first) / 2 : pending.count - first)
                skipWhitespace()
                guard position < bytes.count else { return nil }
                if bytes[position] == close {
                    position += 1
                    break
                }
                guard bytes[position] == .comma else { return nil }
                position += 1
                skipWhitespace()
            }
        }
        let count = pending.count - first
        records[Int(index)].start = UInt32(children.count)
        records[Int(index)].count = UInt32(isMapping ? count / 2 : count)
        children.append(contentsOf: pending[first...])
        pending.removeSubrange(first...)
        return index
    }

    private mutating func adopt(_ child: Int32, parent: Int32, slot: Int) {
        records[Int(child)].parent = parent
        records[Int(child)].slot = UInt32(slot)
        pending.append(child)
    }

    // MARK: Scalars

    private mutating func readString() -> Int32? {
        let (line, column) = (line, column)
        position += 1
        let start = position
        var continuations = 0
        var escaped = false
        while true {
            let plain = position
            skipPlainText()
            if escaped { unescaped.append(contentsOf: bytes[plain ..< position]) }
            guard position < bytes.count else { return nil }
            let byte = bytes[position]
            if byte == .quote { break }
            if byte == .backslash {
                if !escaped {
                    escaped = true
                    unescaped.removeAll(keepingCapacity: true)
                    unescaped.append(contentsOf: bytes[start ..< position])
                }
                guard readEscape() else { return nil }
                continue
            }
            // A control character (a raw tab or line break) is not JSON, though libyaml may read it.
            guard byte >= 0x80, let length = utf8Length(at: position) else { return nil }
            if escaped { unescaped.append(contentsOf: bytes[position ..< position + length]) }
            continuations += length - 1
            position += length
        }
        let raw = UnsafeBufferPointer(rebasing: bytes[start ..< position])
        position += 1
        lineContinuations += continuations
        let textStart =
            escaped
            ? unescaped.withUnsafeBufferPointer { repeatedScalars.start(of: $0, storingInto: &text) }
            : repeatedScalars.start(of: raw, storingInto: &text)
        let count = escaped ? unescaped.count : raw.count
        return newRecord(
            .scalar, style: UInt8(YAMLScalarStyle.doubleQuoted.rawValue), scalarType: .string, start: textStart,
            count: UInt32(count), line: line, column: column)
    }

    /// Skips string text up to a quote, a backslash, a control character or a byte of 0x80 or more:
    /// this is most of a file.
    private mutating func skipPlainText() {
        position = bytes.firstByte(from: position, below: 0x20, or: .quote, .backslash)
    }

    /// The escape at `position` (a backslash), decoded into `unescaped`.
    private mutating func readEscape() -> Bool {
        guard position + 1 < bytes.count else { return false }
        let letter = bytes[position + 1]
        let decoded: UInt8
        switch letter {
        case .quote, .backslash, UInt8(ascii: "/"): decoded = letter
        case UInt8(ascii: "b"): decoded = 0x08
        case UInt8(ascii: "f"): decoded = 0x0C
        case UInt8(ascii: "n"): decoded = 0x0A
        case UInt8(ascii: "r"): decoded = 0x0D
        case UInt8(ascii: "t"): decoded = 0x09
        case UInt8(ascii: "u"):
            guard let escape = unicodeEscape(bytes, at: position) else { return false }
            // Never a surrogate, which `unicodeEscape` makes U+FFFD.
            UTF8.encode(Unicode.Scalar(UInt32(escape.scalar)) ?? "\u{FFFD}") { unescaped.append($0) }
            position += escape.length
            return true
        default:
            return false
        }
        unescaped.append(decoded)
        position += 2
        return true
    }

    /// The length of the well-formed UTF-8 character at `offset` (Unicode's table 3-7: no overlong
    /// forms, no surrogates, nothing past U+10FFFF), or `nil`.
    private func utf8Length(at offset: Int) -> Int? {
        let first = bytes[offset]
        let length: Int
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch first {
        case 0xC2 ... 0xDF: length = 2
        case 0xE0: (length, low) = (3, 0xA0)
        case 0xE1 ... 0xEC, 0xEE ... 0xEF: length = 3
        case 0xED: (length, high) = (3, 0x9F)
        case 0xF0: (length, low) = (4, 0x90)
        case 0xF1 ... 0xF3: length = 4
        case 0xF4: (length, high) = (4, 0x8F)
        default: return nil
        }
        guard offset + length <= bytes.count, low ... high ~= bytes[offset + 1] else { return nil }
        for i in 2 ..< length where bytes[offset + i] & 0xC0 != 0x80 { return nil }
        return length
    }

    private mutating func readLiteral(_ word: StaticString) -> Int32? {
        let count = word.utf8CodeUnitCount
        guard position + count <= bytes.count,
            memcmp(bytes.baseAddress! + position, word.utf8Start, count) == 0
        else { return nil }
        return plainScalar(from: position, to: position + count)
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [-+]? [0-9]+)?`
    private mutating func readNumber() -> Int32? {
        let start = position
        var end = position
        func digits() -> Int {
            let from = end
            while end < bytes.count, bytes[end] >= UInt8(ascii: "0"), bytes[end] <= UInt8(ascii: "9") { end += 1 }
            return end - from
        }
        if end < bytes.count, bytes[end] == UInt8(ascii: "-") { end += 1 }
        let integerStart = end
        let integerDigits = digits()
        guard integerDigits > 0, integerDigits == 1 || bytes[integerStart] != UInt8(ascii: "0") else { return nil }
        if end < bytes.count, bytes[end] == UInt8(ascii: ".") {
            end += 1
            guard digits() > 0 else { return nil }
        }
        if end < bytes.count, bytes[end] | 0x20 == UInt8(ascii: "e") {
            end += 1
            if end < bytes.count, bytes[end] == UInt8(ascii: "-") || bytes[end] == UInt8(ascii: "+") { end += 1 }
            guard digits() > 0 else { return nil }
        }
        return plainScalar(from: start, to: end)
    }

    private mutating func plainScalar(from start: Int, to end: Int) -> Int32 {
        let scalar = UnsafeBufferPointer(rebasing: bytes[start ..< end])
        let (line, column) = (line, column)
        position = end
        return newRecord(
            .scalar, style: UInt8(YAMLScalarStyle.plain.rawValue), scalarType: ScalarResolver.resolvePlain(scalar),
            start: repeatedScalars.start(of: scalar, storingInto: &text), count: UInt32(scalar.count), line: line,
            column: column)
    }

    // MARK: Positions and records

    private var column: UInt32 { UInt32(position - lineStart - lineContinuations + 1) }

    private mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case .space, .tab:
                position += 1
            case .newline:
                position += 1
                startLine()
            case .carriageReturn:
                position += 1
                if position < bytes.count, bytes[position] == .newline { position += 1 }
                startLine()
            default:
                return
            }
        }
    }

    private mutating func startLine() {
        line += 1
        lineStart = position
        lineContinuations = 0
        // Indentation, eight spaces at a time: it is a good part of a pretty-printed file.
        while position + 8 <= bytes.count,
            UnsafeRawPointer(bytes.baseAddress! + position).loadUnaligned(as: UInt64.self) == 0x2020_2020_2020_2020
        {
            position += 8
        }
    }

    private mutating func newRecord(
        _ kind: YAMLNode.Kind, style: UInt8, scalarType: YAMLScalarType, start: UInt32, count: UInt32,
        line: UInt32? = nil, column: UInt32? = nil
    ) -> Int32 {
        records.append(
            NodeRecord(
                kind: kind, style: style, scalarType: scalarType, line: line ?? self.line,
                column: column ?? self.column,
                start: start, count: count, parent: -1))
        return Int32(records.count - 1)
    }
}
