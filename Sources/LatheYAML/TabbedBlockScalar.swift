internal import CYAML

/// A block scalar whose content opens with a tab after its indentation, which libyaml refuses and
/// YAML allows (PeerTube's `example: |` whose first line is fifteen spaces, then a tab, then text).
///
/// Without an indentation indicator, a block scalar's content is indented by the spaces that open
/// its first line that is not empty; what follows them, a tab too, is content. libyaml, while it
/// counts those spaces, takes a tab for indentation and stops ("found a tab character where an
/// indentation space is expected"). Given the indicator (`|1`), it counts to that indentation and
/// reads the tab as content, as YAML says. So the reader writes the indicator the content implies
/// into its copy of the text and reads it again; a `SourceMap` keeps every later column on that
/// line where the file has it.
///
/// Not mended, so libyaml's error stands: a tab that is indentation (no more spaces before it than
/// the scalar's parent is indented), leading empty lines with more spaces than the first line has
/// (which YAML does not allow), a header that has an indentation indicator already, and content
/// more than 9 spaces past its parent's indentation (the most an indicator says).
struct TabbedBlockScalar {
    /// Block scalars mended in one file at most: each costs a pass over it, so a large file gets
    /// fewer (a 300 KB spec 64, a 4 MB one 8, one past 32 MB 1), and a read stays within a few
    /// times one pass.
    static func mostMended(inBytes size: Int) -> Int {
        max(1, min(64, 32_000_000 / max(size, 1)))
    }

    /// Where the `|` or `>` that opens the scalar is, in the text libyaml read.
    let indicatorByte: Int
    let indicatorCharacter: Int
    /// The indentation indicator: the content's spaces past its parent's indentation.
    let increment: Int
    /// Whether the scalar is literal (`|`), not folded (`>`).
    let literal: Bool

    /// The scalar libyaml's error (`parser`) is about, if it is one this mends.
    init?(_ parser: yaml_parser_t, input: UnsafeBufferPointer<UInt8>) {
        guard parser.error == YAML_SCANNER_ERROR,
            let problem = parser.problem.map({ String(cString: $0) }),
            problem == "found a tab character where an indentation space is expected",
            let context = parser.context.map({ String(cString: $0) }), context == "while scanning a block scalar"
        else { return nil }
        // libyaml has counted only spaces on the tab's line: the first not empty, whose
        // indentation, with no indicator, is the content's.
        let spaces = Int(parser.problem_mark.column)
        let parent = Int(parser.indent)
        let increment = parent >= 0 ? spaces - parent : spaces
        guard (1 ... 9).contains(increment),
            let indicator = Self.byteOffset(ofCharacter: Int(parser.context_mark.index), in: input),
            let tab = Self.byteOffset(
                ofCharacter: Int(parser.problem_mark.index), in: input,
                from: (indicator, Int(parser.context_mark.index))),
            indicator < tab, input[indicator] == UInt8(ascii: "|") || input[indicator] == UInt8(ascii: ">"),
            input[tab] == UInt8(ascii: "\t")
        else { return nil }
        // A header with an indicator already (`|4`, `|-4`, `|4-`): its content is where it says.
        let isDigit = { (offset: Int) in offset < input.count && (0x30 ... 0x39).contains(input[offset]) }
        let chomping =
            indicator + 1 < input.count
            && (input[indicator + 1] == UInt8(ascii: "-") || input[indicator + 1] == UInt8(ascii: "+"))
        guard !isDigit(indicator + 1), !(chomping && isDigit(indicator + 2)) else { return nil }
        // The lines between hold spaces only (libyaml read them so): none may hold more than the
        // content's indentation.
        var run = 0
        var lineStart = false
        for byte in input[indicator ..< tab - spaces] {
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                lineStart = true
                run = 0
            } else if lineStart, byte == UInt8(ascii: " ") {
                run += 1
                if run > spaces { return nil }
            } else {
                lineStart = false
            }
        }
        self.indicatorByte = indicator
        self.indicatorCharacter = Int(parser.context_mark.index)
        self.increment = increment
        self.literal = input[indicator] == UInt8(ascii: "|")
    }

    /// The header as mended (`|1`, `>1`), for the message where the reader stops mending.
    var header: String { "\(literal ? "|" : ">")\(increment)" }

    /// `input` with the indentation indicator written after the `|` or `>`, and `map` told of the
    /// one character it adds (`shiftedSoFar`: the characters earlier mends added).
    func mend(_ input: [UInt8], shifting map: inout SourceMap, shiftedSoFar: Int) -> [UInt8] {
        var text = input
        text.insert(UInt8(ascii: "0") + UInt8(increment), at: indicatorByte + 1)
        map.append(
            characterEnd: indicatorCharacter + 2, characterShift: shiftedSoFar + 1, byteEnd: indicatorByte + 2,
            byteShift: shiftedSoFar + 1)
        return text
    }

    /// The byte offset of the character libyaml counts as `index`, walking from `start` (a byte
    /// offset and the index of the character there; by default the first character, after a UTF-8
    /// byte-order mark, which libyaml does not count); `nil` before `start` or past the end.
    static func byteOffset(
        ofCharacter index: Int, in input: UnsafeBufferPointer<UInt8>, from start: (offset: Int, index: Int)? = nil
    ) -> Int? {
        var (offset, counted) = start ?? (JSONAdapter.hasBOM(input) ? 3 : 0, 0)
        while offset < input.count, counted <= index {
            if counted == index { return offset }
            let lead = input[offset]
            offset += lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
            counted += 1
        }
        return nil
    }
}
