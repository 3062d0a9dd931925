/// Turns any name a spec uses into a Swift identifier: `UpperCamelCase` for types, `lowerCamelCase`
/// for members, keywords escaped, leading digits and punctuation handled. All naming in Lathe goes
/// through here, so the rules live in one place.
public enum SwiftNames {
    /// Whether `name` is a plain Swift identifier: letters, digits and underscores, not starting with a digit.
    public static func isIdentifier(_ name: String) -> Bool {
        guard let first = name.first, first.isLetter || first == "_" else { return false }
        return name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
    }

    /// Whether generated code can be declared inside `public enum <name>` without hiding a type it uses.
    public static func canBeNamespace(_ name: String) -> Bool {
        isIdentifier(name) && !keywords.contains(name) && !reservedTypeNames.contains(name)
    }

    /// `cancellation_reason` → `CancellationReason`, `purchase-order.v2` → `PurchaseOrderV2`.
    public static func typeName(_ original: String) -> String {
        if let signed = signedNumberWords(original) { return typeName(words: signed) }
        if original.isAllASCII { return asciiName(original, member: false) }
        return typeName(words: characterWords(original))
    }

    /// `typeName` from `words`, each capitalised.
    static func typeName(words: [String]) -> String {
        var name = words.map(capitalized).joined()
        if name.isEmpty { name = "Unnamed" }
        if name.first!.isNumber { name = "_" + name }
        return name
    }

    /// `cancellation_reason` → `cancellationReason`, `ID` → `id`, `URLPath` → `urlPath`; the few
    /// names even backticks cannot save (`self`, `init`) get a trailing underscore.
    public static func memberName(_ original: String) -> String {
        if let signed = signedNumberWords(original) { return memberName(words: signed) }
        if original.isAllASCII { return asciiName(original, member: true) }
        return memberName(words: characterWords(original))
    }

    /// A signed number's words (GitHub's reactions `+1` and `-1`: `plus1`, `minus1`), which were
    /// `_1` and `_12`; `nil` for text not starting with a sign and a digit, at one comparison.
    static func signedNumberWords(_ text: String) -> [String]? {
        var bytes = text.utf8.makeIterator()
        guard let sign = bytes.next(), sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+"),
            let digit = bytes.next(), ASCII.isDigit(digit)
        else { return nil }
        return [sign == UInt8(ascii: "-") ? "minus" : "plus"] + characterWords(String(text.dropFirst()))
    }

    /// Text of ASCII symbols alone (CVAT's operators `+`, `-`, `*`, `/`; `!=`; supabase's path
    /// parameter `*`), a word a symbol: `plus`, `notEquals`, `asterisk`, where every symbol has
    /// one (spaces are skipped). `nil` for any other text, which stays `_unnamed`.
    static func symbolWords(_ text: String) -> [String]? {
        var words: [String] = []
        for byte in text.utf8 where byte != UInt8(ascii: " ") {
            guard let word = symbolNames[byte] else { return nil }
            words.append(word)
        }
        return words.isEmpty ? nil : words
    }

    private static let symbolNames: [UInt8: String] = {
        let names: [(Character, String)] = [
            ("+", "plus"), ("-", "minus"), ("*", "asterisk"), ("/", "slash"), ("\\", "backslash"), ("=", "equals"),
            ("!", "not"), ("<", "lessThan"), (">", "greaterThan"), ("%", "percent"), ("&", "and"), ("|", "or"),
            ("^", "caret"), ("~", "tilde"), ("?", "question"), ("@", "at"), ("#", "hash"), ("$", "dollar"),
            (".", "dot"), (",", "comma"), (":", "colon"), (";", "semicolon"), ("_", "underscore"),
            ("(", "openParenthesis"), (")", "closeParenthesis"), ("[", "openBracket"), ("]", "closeBracket"),
            ("{", "openBrace"), ("}", "closeBrace"),
        ]
        return Dictionary(uniqueKeysWithValues: names.map { ($0.0.asciiValue!, $0.1) })
    }()

    /// `memberName` from `words`: the first in lower case (and the second, after a number), the rest capitalised.
    static func memberName(words: [String]) -> String {
        guard let first = words.first else { return "_unnamed" }
        // After a leading number the next word is lower-case too (`1Foo` → `_1foo`), and a name in a
        // script without case gets an underscore (`日本` → `_日本`): a member must never be spelled
        // like the type named from the same text, or it would hide that type where both are in scope.
        var leading = [lowercasedLeadingWord(first)]
        var rest = words.dropFirst()
        if first.allSatisfy(\.isNumber), let second = rest.first {
            leading.append(lowercasedLeadingWord(second))
            rest = rest.dropFirst()
        }
        var name = leading.joined() + rest.map(capitalized).joined()
        if name.first!.isNumber { name = "_" + name }
        if let letter = name.first, letter.isLetter, !letter.isLowercase, !letter.isUppercase { name = "_" + name }
        return unusableMemberNames.contains(name) ? name + "_" : name
    }

    /// An argument label at a call site: only `inout` needs backticks there (Swift warns that
    /// `let` and `var` do not).
    public static func argumentLabel(_ name: String) -> String {
        name == "inout" ? "`inout`" : name
    }

    /// A server entry's name from its description: the first clause, up to four words, without a
    /// leading article or trailing "server", "environment" or "API" ("Production server." → `production`,
    /// "Development (sandbox)" → `development`). `nil` when there is no such short clause.
    public static func serverName(_ description: String?) -> String? {
        guard let description else { return nil }
        let clause = description.prefix { !".,;:()\n[".contains($0) }.filter { $0 != "'" && $0 != "’" }
        var words = clause.split(whereSeparator: \.isWhitespace).map(String.init)
        let generic: Set<String> = ["server", "servers", "environment", "api", "endpoint", "url", "host"]
        if words.count > 1, ["the", "a", "an", "our"].contains(words[0].lowercased()) { words.removeFirst() }
        while words.count > 1, let last = words.last, generic.contains(last.lowercased()) { words.removeLast() }
        guard (1 ... 4).contains(words.count) else { return nil }
        let name = memberName(words.joined(separator: " "))
        return name.hasPrefix("_") || name.hasSuffix("_") ? nil : name
    }

    /// A member name as written in a declaration or reference: keywords in backticks.
    public static func escapedMember(_ name: String) -> String {
        keywords.contains(name) ? "`\(name)`" : name
    }

    /// Members of generated structs that would clash with what Swift synthesizes or a `CodingKey`
    /// requires (`CodingKeys.stringValue`), so no property takes them.
    public static let reservedMemberNames: Set<String> = [
        "stringValue", "intValue", "rawValue", "hashValue", "init", "encode",
    ]

    /// The words of a name, by Characters (ASCII text takes `forEachASCIIWord`, the same rules on
    /// bytes). `SCREAMING_SNAKE_CASE` (several words, no lower-case letter) is read as words in
    /// capitals, not acronyms: `USER_ACCOUNT_CLOSED` → `user`, `account`, `closed`, so it becomes
    /// `userAccountClosed` as Swift users write it. A single capitalised word stays an acronym
    /// (`ID` → `id`, `URLPath` → `urlPath`, `HTTPStatus` → `HTTPStatus`).
    static func characterWords(_ original: String) -> [String] {
        let isScreaming = !original.contains(where: \.isLowercase) && original.contains(where: \.isUppercase)
        guard isScreaming else { return casedWords(original) }
        let parts = original.split { !isWordCharacter($0) }.map { $0.lowercased() }
        return parts.count > 1 ? parts : casedWords(original)
    }

    private static func isWordCharacter(_ character: Character) -> Bool {
        (character.isLetter || character.isNumber) && (character.isASCII || character.isLetter)
    }

    /// Splits at anything that is not a letter or digit, and at lower-to-upper case changes
    /// (`petID` → `pet`, `ID`; `HTTPStatus` → `HTTP`, `Status`).
    private static func casedWords(_ original: String) -> [String] {
        var words: [String] = []
        var current = ""
        var previous: Character?
        let characters = Array(original)
        for (index, character) in characters.enumerated() {
            guard isWordCharacter(character) else {
                if !current.isEmpty { words.append(current) }
                current = ""
                previous = nil
                continue
            }
            if let previous, !current.isEmpty {
                let next = index + 1 < characters.count ? characters[index + 1] : nil
                let lowerToUpper = previous.isLowercase && character.isUppercase
                let digitToLetter = previous.isNumber && character.isLetter && character.isUppercase
                // The last capital of an acronym starts the next word: `HTTPStatus` → `HTTP` `Status`.
                let acronymEnd = previous.isUppercase && character.isUppercase && (next?.isLowercase ?? false)
                if lowerToUpper || acronymEnd || digitToLetter {
                    words.append(current)
                    current = ""
                }
            }
            current.append(character)
            previous = character
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// `typeName` (or, with `member`, `memberName`) of ASCII text without a `String` per word: each
    /// word's bytes written, cased as `capitalized` and `lowercasedLeadingWord` would, into one
    /// buffer. Names are most of what lowering computes, nearly all of them ASCII, and a `String`
    /// per word and per case change made a name cost about ten thousand instructions.
    private static func asciiName(_ original: String, member: Bool) -> String {
        var original = original
        var name: [UInt8] = []
        var words = 0
        original.withUTF8 { bytes in
            name.reserveCapacity(bytes.count + 1)
            var leadingWords = member ? 1 : 0  // after a word of digits, the next one leads too
            forEachASCIIWord(in: bytes) { range, lowered in
                let start = name.count
                for byte in bytes[range] { name.append(lowered ? ASCII.lower(byte) : byte) }
                if words < leadingWords {
                    if name[start...].allSatisfy({ ASCII.isUpper($0) || ASCII.isDigit($0) }) {
                        for index in start ..< name.count { name[index] = ASCII.lower(name[index]) }
                    } else {
                        name[start] = ASCII.lower(name[start])
                    }
                    if words == 0, name[start...].allSatisfy(ASCII.isDigit) { leadingWords = 2 }
                } else if let letter = name[start...].firstIndex(where: ASCII.isLetter) {
                    name[letter] = ASCII.upper(name[letter])
                }
                words += 1
            }
        }
        guard words > 0 else {
            if let symbols = symbolWords(original) {
                return member ? memberName(words: symbols) : typeName(words: symbols)
            }
            return member ? "_unnamed" : "Unnamed"
        }
        if ASCII.isDigit(name[0]) { name.insert(UInt8(ascii: "_"), at: 0) }
        let text = String(decoding: name, as: UTF8.self)
        return member && unusableMemberNames.contains(text) ? text + "_" : text
    }

    /// Calls `body` with the range of each word of ASCII `bytes`, in order, as `characterWords`
    /// splits them, and whether the word is read in lower case (a part of `SCREAMING_SNAKE_CASE`).
    private static func forEachASCIIWord(
        in bytes: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>, _ lowered: Bool) -> Void
    ) {
        func isWord(_ byte: UInt8) -> Bool { ASCII.isLetter(byte) || ASCII.isDigit(byte) }
        var hasLower = false, hasUpper = false, runs = 0, inRun = false
        for byte in bytes {
            hasLower = hasLower || ASCII.isLower(byte)
            hasUpper = hasUpper || ASCII.isUpper(byte)
            if isWord(byte), !inRun { runs += 1 }
            inRun = isWord(byte)
        }
        // Several words, no lower-case letter: words in capitals, split only at punctuation.
        let screaming = !hasLower && hasUpper && runs > 1
        var start: Int?  // where the current word began
        for index in bytes.indices {
            let byte = bytes[index]
            guard isWord(byte) else {
                if let start { body(start ..< index, screaming) }
                start = nil
                continue
            }
            guard let begun = start else {
                start = index
                continue
            }
            if screaming { continue }
            let previous = bytes[index - 1]
            let lowerToUpper = ASCII.isLower(previous) && ASCII.isUpper(byte)
            let digitToLetter = ASCII.isDigit(previous) && ASCII.isUpper(byte)
            let acronymEnd =
                ASCII.isUpper(previous) && ASCII.isUpper(byte) && index + 1 < bytes.count
                && ASCII.isLower(bytes[index + 1])
            if lowerToUpper || acronymEnd || digitToLetter {
                body(begun ..< index, false)
                start = index
            }
        }
        if let start { body(start ..< bytes.count, screaming) }
    }

    /// The first letter in capitals, also after leading digits (`2fa` → `2Fa`), so a type named
    /// from a digit-led name differs from the member named from it (`_2Fa`, `_2fa`).
    static func capitalized(_ word: String) -> String {
        // ASCII on bytes: case mapping by Character was most of what naming cost.
        if word.isAllASCII {
            var bytes = Array(word.utf8)
            if let letter = bytes.firstIndex(where: ASCII.isLetter), bytes[..<letter].allSatisfy(ASCII.isDigit) {
                bytes[letter] = ASCII.upper(bytes[letter])
            } else if !bytes.isEmpty {
                bytes[0] = ASCII.upper(bytes[0])
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        return characterCapitalized(word)
    }

    /// `capitalized` by Characters, for any text.
    static func characterCapitalized(_ word: String) -> String {
        guard let letter = word.firstIndex(where: \.isLetter), word[..<letter].allSatisfy(\.isNumber) else {
            return word.prefix(1).uppercased() + word.dropFirst()
        }
        return word[..<letter] + word[letter...].prefix(1).uppercased() + word[word.index(after: letter)...]
    }

    /// `ID` → `id`, `URL` → `url`, `Pet` → `pet`, `iOS` → `iOS`.
    static func lowercasedLeadingWord(_ word: String) -> String {
        if word.isAllASCII {
            var bytes = Array(word.utf8)
            if bytes.allSatisfy({ ASCII.isUpper($0) || ASCII.isDigit($0) }) {
                bytes = bytes.map(ASCII.lower)
            } else {
                bytes[0] = ASCII.lower(bytes[0])
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        return characterLowercasedLeadingWord(word)
    }

    /// `lowercasedLeadingWord` by Characters, for any text.
    static func characterLowercasedLeadingWord(_ word: String) -> String {
        if word.allSatisfy({ $0.isUppercase || $0.isNumber }) { return word.lowercased() }
        return word.prefix(1).lowercased() + word.dropFirst()
    }

    /// Swift keywords, which need backticks as member names and a suffix as type names.
    public static let keywords: Set<String> = [
        "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func", "import", "init", "inout",
        "internal", "let", "open", "operator", "private", "precedencegroup", "protocol", "public", "rethrows", "static",
        "struct", "subscript", "typealias", "var", "break", "case", "catch", "continue", "default", "defer", "do",
        "else",
        "fallthrough", "for", "guard", "if", "in", "repeat", "return", "throw", "switch", "where", "while", "Any", "as",
        "await", "false", "is", "nil", "self", "Self", "super", "throws", "true", "try", "async", "some", "any",
        "borrowing",
        "consuming", "package", "each",
    ]

    /// Names that backticks do not make usable as members (`self`, `init` and the metatype suffixes).
    static let unusableMemberNames: Set<String> = [
        "self", "Self", "init", "deinit", "subscript", "Type", "Protocol", "super",
    ]

    /// Type names that would shadow what generated code or its users rely on: Swift and Foundation
    /// types, Lathe's runtime types, and the metatype suffixes. A schema called `Error` becomes
    /// `ErrorModel`, so `Error` in the user's own code keeps meaning Swift's.
    public static let reservedTypeNames: Set<String> = [
        "Type", "Protocol", "Self", "Any", "AnyObject", "String", "Substring", "Character", "Int", "Int8", "Int16",
        "Int32",
        "Int64", "UInt", "UInt8", "UInt16", "UInt32", "UInt64", "Double", "Float", "Bool", "Array", "Dictionary", "Set",
        "Optional", "Result", "Error", "Never", "Void", "Decimal", "Date", "Data", "URL", "UUID", "Locale", "TimeZone",
        "Calendar", "Codable", "Encodable", "Decodable", "Encoder", "Decoder", "CodingKey", "Hashable", "Equatable",
        "Comparable", "Identifiable", "Sendable", "Sequence", "Collection", "Task", "Actor", "MainActor", "Range",
        "Regex",
        "JSONValue", "CalendarDate", "NumberOrString", "DecimalString", "Nullable", "Indirect", "Validatable",
        "JSONPath",
        "ValidationIssue", "ValidationError", "Check", "RFC3339", "JSONCoding", "Foundation", "LatheRuntime", "Swift",
        "CodingKeys", "Operations", "Client", "APIProtocol", "APIServer", "ServerURL", "Authentication",
        "ServerAuthentication", "APIWebhooks", "WebhookPaths", "WebhookSender",
        "URIValue",
        "HTTPBody",
        "HTTPFields", "HTTPRequest", "HTTPResponse", "OpenAPIRuntime", "HTTPTypes",
    ]

    /// A type name safe to declare: keywords and reserved names get a `Model` suffix.
    public static func safeTypeName(_ original: String) -> String {
        let name = typeName(original)
        return keywords.contains(name) || reservedTypeNames.contains(name) ? name + "Model" : name
    }

    /// `lines` → `Line`, `categories` → `Category`, `addresses` → `Address`; `nil` when there is no plural to undo.
    public static func singular(_ word: String) -> String? {
        let lower = word.lowercased()
        guard lower.count > 3 else { return nil }
        if lower.hasSuffix("ies") { return String(word.dropLast(3)) + "y" }
        if lower.hasSuffix("sses") || lower.hasSuffix("xes") || lower.hasSuffix("ches") || lower.hasSuffix("shes") {
            return String(word.dropLast(2))
        }
        if lower.hasSuffix("s"), !lower.hasSuffix("ss"), !lower.hasSuffix("us"), !lower.hasSuffix("is") {
            return String(word.dropLast())
        }
        return nil
    }
}

/// Hands out names within one scope (the module's top level, a type's members, a type's nested
/// types), settling collisions deterministically: the first comer keeps the name, later ones get
/// `2`, `3`, …. Names compare case-insensitively, because `Pet` and `pet` would also collide as
/// file names on macOS and as enum cases a reader can tell apart only by case.
public struct NameScope: Sendable {
    /// The names taken, reserved ones included, as keys.
    private var taken: Set<String>
    /// For a lowercased preferred name: the first counter whose `preferred<counter>` may be free.
    /// Every name below it was taken, and names are never given back, so `claim` resumes there
    /// rather than probing `2`, `3`, … again: a thousand colliding names cost linear time.
    private var firstUntried: [String: Int] = [:]

    public init(reserved: some Sequence<String> = []) {
        taken = Set(reserved.map(Self.key))
    }

    /// A scope for a struct's members, which avoid `SwiftNames.reservedMemberNames`: made once and
    /// copied, since lowering makes one for every object (making the set of reserved names each
    /// time cost about 3,000 instructions).
    public static let members = NameScope(reserved: SwiftNames.reservedMemberNames)

    /// What names compare by: the lowercased name. One without a capital or a non-ASCII byte is its
    /// own key, with no new string made.
    private static func key(_ name: String) -> String {
        var name = name
        let isLowercaseASCII = name.withUTF8 { bytes in !bytes.contains { ASCII.isUpper($0) || $0 >= 0x80 } }
        return isLowercaseASCII ? name : name.lowercased()
    }

    public func contains(_ name: String) -> Bool { taken.contains(Self.key(name)) }

    /// Room for `count` more names, so a scope of many does not grow a step at a time.
    public mutating func reserveCapacity(_ count: Int) { taken.reserveCapacity(taken.count + count) }

    public mutating func reserve(_ name: String) { taken.insert(Self.key(name)) }

    /// `preferred`, or `preferred2`, `preferred3`, … whichever is free first; then taken.
    public mutating func claim(_ preferred: String, avoiding others: (String) -> Bool = { _ in false }) -> String {
        let key = Self.key(preferred)
        if !others(preferred), taken.insert(key).inserted { return preferred }
        // Past the names already taken; those `others` refuses are not, and may be free next time.
        var free = firstUntried[key, default: 2]
        while taken.contains(key + String(free)) { free += 1 }
        var counter = free
        while taken.contains(key + String(counter)) || others(preferred + String(counter)) { counter += 1 }
        taken.insert(key + String(counter))
        firstUntried[key] = counter == free ? free + 1 : free
        return preferred + String(counter)
    }
}

/// ASCII byte classes and case mapping, for names' fast paths.
enum ASCII {
    static func isLower(_ byte: UInt8) -> Bool { (0x61 ... 0x7A).contains(byte) }
    static func isUpper(_ byte: UInt8) -> Bool { (0x41 ... 0x5A).contains(byte) }
    static func isDigit(_ byte: UInt8) -> Bool { (0x30 ... 0x39).contains(byte) }
    static func isLetter(_ byte: UInt8) -> Bool { isLower(byte) || isUpper(byte) }
    static func upper(_ byte: UInt8) -> UInt8 { isLower(byte) ? byte - 0x20 : byte }
    static func lower(_ byte: UInt8) -> UInt8 { isUpper(byte) ? byte + 0x20 : byte }
}
