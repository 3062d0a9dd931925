/// JSON Schema's `pattern` (ECMA-262 syntax), matched in time linear in the text: a parser to a
/// Thompson NFA, run as a Pike VM (every thread in step, each state at most once per position).
///
/// A generated server checks patterns on every request, so a backtracking engine would let one
/// request with `^(a+)+$` against `aaaa…b` stall it for as long as it likes. Here the work is at
/// most (text length + 1) × (program size), whatever the pattern.
///
/// Supported: literals, `.`, classes (`[a-z]`, `[^…]`, `\d \w \s` and their negations, inside
/// classes too), escapes (`\t \n \r \f \v \0 \xHH \uHHHH \u{…} \cX` and escaped punctuation),
/// groups (`(…)`, `(?:…)`, `(?<name>…)`), alternation, the quantifiers `* + ? {n} {n,} {n,m}` and
/// their lazy forms (the same for a yes/no match), anchors `^ $` and `\b \B`. Back-references
/// and lookaround need backtracking and are refused (`PatternError.unsupported`), as is a program
/// that counted repetition would make larger than `maximumProgramSize`.
/// Text is matched by Unicode scalar (JSON Schema counts code points), unanchored (like `test`).
public struct Pattern: Sendable {
    /// The most instructions a pattern may compile to (`(a{1000}){1000}` would be a million).
    public static let maximumProgramSize = 50_000

    let program: [Instruction]
    /// `(?i)` at the start (not ECMA-262, but common in published specs, and what Swift's and
    /// PCRE's engines read): letters match in either case.
    let ignoresCase: Bool

    public init(_ source: String) throws(PatternError) {
        var scalars = Array(source.unicodeScalars)
        ignoresCase = scalars.starts(with: "(?i)".unicodeScalars)
        if ignoresCase { scalars.removeFirst(4) }
        var parser = Parser(scalars)
        let tree = try parser.parse()
        var compiler = Compiler()
        try compiler.emit(tree)
        compiler.program.append(.match)
        program = compiler.program
    }

    /// Whether the pattern matches somewhere in `text`.
    public func matches(in text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        var current = ThreadList(capacity: program.count)
        var next = ThreadList(capacity: program.count)
        var stack: [Int] = []
        for position in 0 ... scalars.count {
            // Unanchored: a new thread starts at every position.
            if addThread(0, at: position, in: scalars, to: &current, stack: &stack) { return true }
            guard position < scalars.count else { break }
            let scalar = scalars[position]
            next.clear()
            for pc in current.members {
                if case .scalar(let matcher) = program[pc],
                    ignoresCase ? matcher.matchesIgnoringCase(scalar) : matcher.matches(scalar),
                    addThread(pc + 1, at: position + 1, in: scalars, to: &next, stack: &stack)
                {
                    return true
                }
            }
            swap(&current, &next)
        }
        return false
    }

    /// Adds `pc` and everything reachable from it without consuming a scalar; `true` on a match.
    private func addThread(
        _ start: Int, at position: Int, in text: [Unicode.Scalar], to list: inout ThreadList, stack: inout [Int]
    ) -> Bool {
        stack.append(start)
        while let pc = stack.popLast() {
            guard list.insert(pc) else { continue }
            switch program[pc] {
            case .match: return true
            case .scalar: continue
            case .jump(let target): stack.append(target)
            case .split(let first, let second):
                stack.append(second)
                stack.append(first)
            case .assert(let assertion):
                if assertion.holds(at: position, in: text) { stack.append(pc + 1) }
            }
        }
        return false
    }
}

public enum PatternError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Not a valid pattern, and why.
    case invalid(String)
    /// Valid ECMA-262, but needing backtracking (or too large) to match.
    case unsupported(String)

    public var description: String {
        switch self {
        case .invalid(let reason): "not a valid pattern: \(reason)"
        case .unsupported(let what): "\(what) cannot be matched in linear time"
        }
    }
}

// MARK: The program

enum Instruction: Sendable {
    case scalar(ScalarMatcher)
    case split(Int, Int)
    case jump(Int)
    case assert(Assertion)
    case match
}

enum Assertion: Sendable {
    case start, end, wordBoundary, notWordBoundary

    func holds(at position: Int, in text: [Unicode.Scalar]) -> Bool {
        switch self {
        case .start: return position == 0
        case .end: return position == text.count
        case .wordBoundary, .notWordBoundary:
            let before = position > 0 && ScalarMatcher.isWord(text[position - 1])
            let after = position < text.count && ScalarMatcher.isWord(text[position])
            return (before != after) == (self == .wordBoundary)
        }
    }
}

/// What one step of the text may be.
struct ScalarMatcher: Sendable {
    enum Builtin: Sendable { case digit, word, space }

    var ranges: [ClosedRange<UInt32>] = []
    var builtins: [(Builtin, negated: Bool)] = []
    var negated = false

    static func scalar(_ value: UInt32) -> ScalarMatcher { ScalarMatcher(ranges: [value ... value]) }

    /// `.`: anything but a line terminator.
    static let dot = ScalarMatcher(ranges: [0x0A ... 0x0A, 0x0D ... 0x0D, 0x2028 ... 0x2029], negated: true)

    func matches(_ scalar: Unicode.Scalar) -> Bool {
        contains(scalar) != negated
    }

    /// As with the `i` flag: the scalar or one of its case variants is in the set (so `[^a]` does
    /// not match `A`).
    func matchesIgnoringCase(_ scalar: Unicode.Scalar) -> Bool {
        var inside = contains(scalar)
        for variant in [scalar.properties.lowercaseMapping, scalar.properties.uppercaseMapping] where !inside {
            let scalars = variant.unicodeScalars
            if scalars.count == 1, let other = scalars.first { inside = contains(other) }
        }
        return inside != negated
    }

    /// Whether the scalar is in the set, before negation. Ranges are sorted and merged
    /// (`normalized()`), so a class of 20,000 characters costs a binary search, not a scan.
    private func contains(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        var low = 0, high = ranges.count
        while low < high {
            let middle = (low + high) / 2
            if ranges[middle].upperBound < value { low = middle + 1 } else { high = middle }
        }
        if low < ranges.count, ranges[low].contains(value) { return true }
        return builtins.contains { builtin, negated in Self.test(builtin, scalar) != negated }
    }

    /// The ranges sorted and overlapping ones merged, as `contains` needs.
    func normalized() -> ScalarMatcher {
        var merged: [ClosedRange<UInt32>] = []
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = merged.last, range.lowerBound <= last.upperBound &+ 1 {
                merged[merged.count - 1] = last.lowerBound ... max(last.upperBound, range.upperBound)
            } else {
                merged.append(range)
            }
        }
        var copy = self
        copy.ranges = merged
        return copy
    }

    static func test(_ builtin: Builtin, _ scalar: Unicode.Scalar) -> Bool {
        switch builtin {
        case .digit: return (0x30 ... 0x39).contains(scalar.value)
        case .word: return isWord(scalar)
        case .space:
            // ECMA-262's WhiteSpace and LineTerminator.
            switch scalar.value {
            case 0x09 ... 0x0D, 0x20, 0xA0, 0x1680, 0x2000 ... 0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF:
                return true
            default: return false
            }
        }
    }

    static func isWord(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x30 ... 0x39, 0x41 ... 0x5A, 0x61 ... 0x7A, 0x5F: true
        default: false
        }
    }
}

/// A sparse set of program counters: insert, membership and clear in constant time.
struct ThreadList {
    private var dense: [Int]
    private var sparse: [Int]
    private(set) var count = 0

    init(capacity: Int) {
        dense = [Int](repeating: 0, count: capacity)
        sparse = [Int](repeating: 0, count: capacity)
    }

    var members: ArraySlice<Int> { dense[0 ..< count] }

    /// `false` when `pc` is already in the set.
    mutating func insert(_ pc: Int) -> Bool {
        let slot = sparse[pc]
        if slot < count, dense[slot] == pc { return false }
        sparse[pc] = count
        dense[count] = pc
        count += 1
        return true
    }

    mutating func clear() { count = 0 }
}

// MARK: Parsing

indirect enum Node {
    case empty
    case scalar(ScalarMatcher)
    case assert(Assertion)
    case sequence([Node])
    case alternation([Node])
    case repeated(Node, min: Int, max: Int?)
}

struct Parser {
    let scalars: [Unicode.Scalar]
    var position = 0
    /// How deep groups nest; past `maximumDepth` the pattern is refused (the parser recurses).
    var depth = 0
    static let maximumDepth = 256

    init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

    var peek: Unicode.Scalar? { position < scalars.count ? scalars[position] : nil }

    mutating func next() -> Unicode.Scalar? {
        defer { position += 1 }
        return peek
    }

    mutating func parse() throws(PatternError) -> Node {
        let node = try alternation()
        if let extra = peek { throw .invalid("unmatched '\(extra)' at character \(position + 1)") }
        return node
    }

    mutating func alternation() throws(PatternError) -> Node {
        var branches = [try sequence()]
        while peek == "|" {
            position += 1
            branches.append(try sequence())
        }
        return branches.count == 1 ? branches[0] : .alternation(branches)
    }

    mutating func sequence() throws(PatternError) -> Node {
        var items: [Node] = []
        while let scalar = peek, scalar != "|", scalar != ")" {
            let isGroup = scalar == "("
            var atom = try self.atom()
            if let (min, max) = try quantifier() {
                if case .assert = atom, !isGroup { throw .invalid("nothing to repeat at character \(position)") }
                atom = .repeated(atom, min: min, max: max)
                if let next = peek, next == "*" || next == "+" || next == "?" || next == "{" && countedBoundsAhead() {
                    throw .invalid("nothing to repeat at character \(position + 1)")
                }
            }
            items.append(atom)
        }
        return items.count == 1 ? items[0] : .sequence(items)
    }

    mutating func quantifier() throws(PatternError) -> (Int, Int?)? {
        var bounds: (Int, Int?)
        switch peek {
        case "*":
            bounds = (0, nil)
            position += 1
        case "+":
            bounds = (1, nil)
            position += 1
        case "?":
            bounds = (0, 1)
            position += 1
        case "{":
            guard let braces = countedBounds() else { return nil }  // a literal '{', as ECMA-262 (Annex B) reads it
            bounds = braces
            if let max = bounds.1, max < bounds.0 { throw .invalid("{\(bounds.0),\(max)} counts backwards") }
        default: return nil
        }
        if peek == "?" { position += 1 }  // lazy: the same answer for whether it matches
        return bounds
    }

    /// Whether `{n}`, `{n,}` or `{n,m}` stands at the position (nothing consumed).
    mutating func countedBoundsAhead() -> Bool {
        let start = position
        defer { position = start }
        return countedBounds() != nil
    }

    /// `{n}`, `{n,}` or `{n,m}` at the position (consumed), or `nil` (nothing consumed).
    mutating func countedBounds() -> (Int, Int?)? {
        let start = position
        position += 1
        func number() -> Int? {
            var digits = ""
            while let scalar = peek, ("0" ... "9").contains(scalar) {
                digits.unicodeScalars.append(scalar)
                position += 1
            }
            guard !digits.isEmpty else { return nil }
            // Leading zeros count for nothing; anything past nine digits is far over every limit.
            let significant = digits.drop { $0 == "0" }
            return significant.count > 9 ? 1_000_000_000 : Int(significant) ?? 0
        }
        guard let min = number() else {
            position = start
            return nil
        }
        var max: Int? = min
        if peek == "," {
            position += 1
            max = number()
        }
        guard peek == "}" else {
            position = start
            return nil
        }
        position += 1
        return (min, max)
    }

    mutating func atom() throws(PatternError) -> Node {
        guard let scalar = next() else { throw .invalid("unexpected end") }
        switch scalar {
        case "^": return .assert(.start)
        case "$": return .assert(.end)
        case ".": return .scalar(.dot)
        case "[": return .scalar(try characterClass())
        case "(":
            depth += 1
            defer { depth -= 1 }
            guard depth <= Self.maximumDepth else {
                throw .unsupported("groups nested deeper than \(Self.maximumDepth)")
            }
            if peek == "?" {
                position += 1
                switch next() {
                case ":": break
                case "<" where peek != "=" && peek != "!":
                    var name = ""
                    while let scalar = next(), scalar != ">" { name.unicodeScalars.append(scalar) }
                    guard !name.isEmpty, name.unicodeScalars.allSatisfy({ ScalarMatcher.isWord($0) || $0 == "$" })
                    else {
                        throw .invalid("a group name must be an identifier")
                    }
                case "=", "!": throw .unsupported("lookahead")
                case "<": throw .unsupported("lookbehind")
                default: throw .invalid("unknown group at character \(position)")
                }
            }
            let inner = try alternation()
            guard next() == ")" else { throw .invalid("a group is not closed") }
            return inner
        case ")": throw .invalid("unmatched ')'")
        case "*", "+", "?": throw .invalid("nothing to repeat at character \(position)")
        case "{"
        where {
            position -= 1
            defer { position += 1 }
            return countedBoundsAhead()
        }():
            throw .invalid("nothing to repeat at character \(position)")
        case "\\": return try escape(inClass: false)
        default: return .scalar(.scalar(scalar.value))
        }
    }

    mutating func escape(inClass: Bool) throws(PatternError) -> Node {
        guard let scalar = next() else { throw .invalid("a pattern cannot end with '\\'") }
        switch scalar {
        case "d": return .scalar(ScalarMatcher(builtins: [(.digit, false)]))
        case "D": return .scalar(ScalarMatcher(builtins: [(.digit, true)]))
        case "w": return .scalar(ScalarMatcher(builtins: [(.word, false)]))
        case "W": return .scalar(ScalarMatcher(builtins: [(.word, true)]))
        case "s": return .scalar(ScalarMatcher(builtins: [(.space, false)]))
        case "S": return .scalar(ScalarMatcher(builtins: [(.space, true)]))
        case "b" where !inClass: return .assert(.wordBoundary)
        case "B" where !inClass: return .assert(.notWordBoundary)
        case "b": return .scalar(.scalar(0x08))
        case "t": return .scalar(.scalar(0x09))
        case "n": return .scalar(.scalar(0x0A))
        case "v": return .scalar(.scalar(0x0B))
        case "f": return .scalar(.scalar(0x0C))
        case "r": return .scalar(.scalar(0x0D))
        case "0":
            // \0, or a legacy octal escape (\01, \012, \0377) as ECMAScript reads it.
            var value: UInt32 = 0
            var digits = 0
            while digits < 3, let digit = peek, ("0" ... "7").contains(digit), value * 8 + (digit.value - 0x30) <= 0o377
            {
                value = value * 8 + (digit.value - 0x30)
                digits += 1
                position += 1
            }
            return .scalar(.scalar(value))
        case "1" ... "9": throw .unsupported("a back-reference")
        case "k": throw .unsupported("a named back-reference")
        case "c":
            guard let letter = peek, ("a" ... "z").contains(letter) || ("A" ... "Z").contains(letter) else {
                // Not a control escape: ECMAScript reads `\c` literally.
                return .sequence([.scalar(.scalar(0x5C)), .scalar(.scalar(0x63))])
            }
            position += 1
            return .scalar(.scalar(letter.value % 32))
        case "x": return .scalar(.scalar(try hex(digits: 2)))
        case "u":
            if peek == "{" {
                position += 1
                var value: UInt32 = 0
                var count = 0
                while let digit = peek, digit != "}" {
                    guard let nibble = Self.hexValue(digit), count < 6 else { throw .invalid("bad \\u{…} escape") }
                    value = value * 16 + nibble
                    count += 1
                    position += 1
                }
                guard next() == "}", count > 0, value <= 0x10FFFF else { throw .invalid("bad \\u{…} escape") }
                return .scalar(.scalar(value))
            }
            let unit = try hex(digits: 4)
            // A surrogate pair written as two escapes is one code point, as with the `u` flag
            // (JSON Schema matches code points); a lone surrogate matches nothing in valid text.
            if (0xD800 ... 0xDBFF).contains(unit), position + 5 < scalars.count, scalars[position] == "\\",
                scalars[position + 1] == "u"
            {
                let start = position
                position += 2
                if let low = try? hex(digits: 4), (0xDC00 ... 0xDFFF).contains(low) {
                    return .scalar(.scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)))
                }
                position = start
            }
            return .scalar(.scalar(unit))
        case "p", "P": throw .unsupported("a Unicode property escape")
        default: return .scalar(.scalar(scalar.value))  // an escaped punctuation mark or letter stands for itself
        }
    }

    mutating func hex(digits: Int) throws(PatternError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0 ..< digits {
            guard let digit = next(), let nibble = Self.hexValue(digit) else {
                throw .invalid("bad hexadecimal escape")
            }
            value = value * 16 + nibble
        }
        return value
    }

    static func hexValue(_ scalar: Unicode.Scalar) -> UInt32? {
        switch scalar {
        case "0" ... "9": scalar.value - 0x30
        case "a" ... "f": scalar.value - 0x61 + 10
        case "A" ... "F": scalar.value - 0x41 + 10
        default: nil
        }
    }

    mutating func characterClass() throws(PatternError) -> ScalarMatcher {
        var matcher = ScalarMatcher()
        if peek == "^" {
            matcher.negated = true
            position += 1
        }
        while true {
            guard let scalar = next() else { throw .invalid("a character class is not closed") }
            // ECMA-262: ']' first closes the class (`[]` matches nothing, `[^]` anything).
            if scalar == "]" { break }
            var low: UInt32
            if scalar == "\\" {
                switch try escape(inClass: true) {
                case .scalar(let escaped)
                where escaped.builtins.isEmpty && escaped.ranges.count == 1 && escaped.ranges[0].count == 1:
                    low = escaped.ranges[0].lowerBound
                case .scalar(let escaped):
                    matcher.builtins += escaped.builtins
                    continue
                default: throw .invalid("bad escape in a character class")
                }
            } else {
                low = scalar.value
            }
            // A range `a-z`, unless the '-' ends the class.
            if peek == "-", position + 1 < scalars.count, scalars[position + 1] != "]" {
                position += 1
                guard let end = next() else { throw .invalid("a character class is not closed") }
                var high = end.value
                if end == "\\" {
                    guard case .scalar(let escaped) = try escape(inClass: true), escaped.builtins.isEmpty,
                        escaped.ranges.count == 1
                    else {
                        throw .invalid("a range cannot end in a class escape")
                    }
                    high = escaped.ranges[0].lowerBound
                }
                guard low <= high else { throw .invalid("a range in a character class runs backwards") }
                matcher.ranges.append(low ... high)
            } else {
                matcher.ranges.append(low ... low)
            }
        }
        return matcher
    }
}

// MARK: Compiling

struct Compiler {
    var program: [Instruction] = []

    /// Whether `node` can consume a scalar at all (an assertion or an empty group cannot).
    static func consumes(_ node: Node) -> Bool {
        switch node {
        case .empty, .assert: false
        case .scalar: true
        case .sequence(let items), .alternation(let items): items.contains(where: consumes)
        case .repeated(let inner, _, let max): max != 0 && consumes(inner)
        }
    }

    mutating func emit(_ node: Node) throws(PatternError) {
        guard program.count <= Pattern.maximumProgramSize else {
            throw .unsupported(
                "a pattern this large (over \(Pattern.maximumProgramSize) steps once its counts are written out)")
        }
        switch node {
        case .empty: break
        case .scalar(let matcher): program.append(.scalar(matcher.normalized()))
        case .assert(let assertion): program.append(.assert(assertion))
        case .sequence(let items):
            for item in items { try emit(item) }
        case .alternation(let branches):
            // split L1, next; L1: branch; jump end; next: split L2, … ; last branch.
            var jumps: [Int] = []
            for (index, branch) in branches.enumerated() {
                if index < branches.count - 1 {
                    let split = program.count
                    program.append(.split(split + 1, 0))
                    try emit(branch)
                    jumps.append(program.count)
                    program.append(.jump(0))
                    program[split] = .split(split + 1, program.count)
                } else {
                    try emit(branch)
                }
            }
            for jump in jumps { program[jump] = .jump(program.count) }
        case .repeated(let inner, let min, let max):
            // A part that consumes nothing matches the same however often it repeats: once is enough.
            let before = program.count
            if !Self.consumes(inner) {
                if min == 0 {
                    program.append(.split(before + 1, 0))
                    try emit(inner)
                    program[before] = .split(before + 1, program.count)
                } else {
                    try emit(inner)
                }
                return
            }
            guard min <= Pattern.maximumProgramSize, (max ?? min) <= Pattern.maximumProgramSize else {
                throw .unsupported("a count this large (\(max ?? min))")
            }
            for _ in 0 ..< min { try emit(inner) }
            if let max {
                // Each optional copy: split into it or past all of them.
                var splits: [Int] = []
                for _ in min ..< max {
                    splits.append(program.count)
                    program.append(.split(program.count + 1, 0))
                    try emit(inner)
                    guard program.count <= Pattern.maximumProgramSize else { break }
                }
                for split in splits { program[split] = .split(split + 1, program.count) }
            } else {
                // L: split body, end; body; jump L. (An empty body cannot loop: threads are per position.)
                let loop = program.count
                program.append(.split(loop + 1, 0))
                try emit(inner)
                program.append(.jump(loop))
                program[loop] = .split(loop + 1, program.count)
            }
        }
    }
}
