import LatheOpenAPI

/// A chain of aliases, resolved: the type at its end (not an alias) and the constraints on the way.
public struct IRResolvedAlias: Sendable, Equatable {
    public var type: IRValueType
    public var constraints: IRConstraints
}

/// What to generate, decided once: every type, its Swift name, and how its values look on the
/// wire. Plain values: no YAML nodes, no Swift source text. Types refer to each other by `IRTypeID`.
public struct IRModule: Sendable, Equatable {
    /// The spec's name in generated file headers: as a configuration names it, or for
    /// `lathe generate SPEC`, its path from the output folder.
    public var specName: String
    /// The spec's file name, for the prose of doc comments: `specName` may be a path from the
    /// output folder (`../../specs/api.yaml`), which reads badly in documentation.
    public var specFileName: String {
        specName.split(separator: "/").last.map(String.init) ?? specName
    }
    /// Every type, indexed by `IRTypeID.index`.
    public var types: [IRType]
    /// Types declared at the top level (or in the namespace), in a stable order.
    public var topLevel: [IRTypeID]
    /// The enum inside `Operations` that holds the responses operations share (`Responses`).
    public var responsesNamespace = "Responses"
    /// Operations under `paths`, in document order.
    public var operations: [IROperation] = []
    /// The requests the API sends, which its client receives: webhooks, then operations'
    /// callbacks. A receiver registers each at a path of its own choosing; none is routed by `path`.
    public var webhooks: [IROperation] = []
    public var securitySchemes: [IRSecurityScheme] = []
    /// The document's `servers` a client can be pointed at (`ServerURL`), the first the default.
    public var servers: [IRServer] = []
    /// What each alias finally stands for, through chains of aliases, with the chain's constraints
    /// overlaid (outer ones win): computed once, so emitters never walk a chain of 10,000 aliases.
    public var resolvedAliases: [IRTypeID: IRResolvedAlias] = [:]

    /// Whether a scheme signs requests, so client and server must read bodies while authenticating.
    public var hasRequestSigning: Bool {
        securitySchemes.contains { if case .requestSignature = $0.kind { true } else { false } }
    }

    public subscript(id: IRTypeID) -> IRType {
        get { types[id.index] }
        set { types[id.index] = newValue }
    }

    /// The Swift name a reference to `id` must use from outside: `Order.Line` for a nested type.
    public func qualifiedName(_ id: IRTypeID) -> String {
        var parts = [self[id].name.swift]
        var parent = self[id].parent
        while let current = parent {
            parts.append(self[current].name.swift)
            parent = self[current].parent
        }
        return parts.reversed().joined(separator: ".")
    }
}

public struct IRTypeID: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let index: Int
    public init(_ index: Int) { self.index = index }
    public static func < (lhs: IRTypeID, rhs: IRTypeID) -> Bool { lhs.index < rhs.index }
    public var description: String { "#\(index)" }
}

/// A name as the spec wrote it and as Swift will spell it.
public struct IRName: Sendable, Hashable {
    public var original: String
    public var swift: String

    public init(original: String, swift: String) {
        self.original = original
        self.swift = swift
    }
}

/// Where something came from: the file as the user sees it, the position, and the JSON pointer.
public struct IRSource: Sendable, Hashable, CustomStringConvertible {
    /// What the sources under one node share: the file, the document and the node's pointer. A
    /// spec has tens of thousands of sources, and each held its file, document and whole pointer.
    final class Stem: Sendable {
        let file: String
        let document: String
        let pointer: String

        init(file: String, document: String, pointer: String) {
            self.file = file
            self.document = document
            self.pointer = pointer
        }
    }

    private var stem: Stem
    /// What follows the stem's pointer (`/name`); usually short enough to be stored inline.
    private var token: String
    private var storedLine: Int32
    private var storedColumn: Int32

    init(stem: Stem, token: String, line: Int, column: Int) {
        self.stem = stem
        self.token = token
        self.storedLine = Int32(clamping: line)
        self.storedColumn = Int32(clamping: column)
    }

    public init(file: String, line: Int, column: Int, pointer: String, document: String = "") {
        self.init(stem: Stem(file: file, document: document, pointer: pointer), token: "", line: line, column: column)
    }

    public var file: String {
        get { stem.file }
        set {
            stem = Stem(file: newValue, document: stem.document, pointer: pointer)
            token = ""
        }
    }
    public var line: Int {
        get { Int(storedLine) }
        set { storedLine = Int32(clamping: newValue) }
    }
    public var column: Int {
        get { Int(storedColumn) }
        set { storedColumn = Int32(clamping: newValue) }
    }
    public var pointer: String {
        get { token.isEmpty ? stem.pointer : stem.pointer + token }
        set {
            stem = Stem(file: stem.file, document: stem.document, pointer: newValue)
            token = ""
        }
    }
    /// The document `pointer` is in: empty for the root document (an overlay's nodes are in it
    /// too, though `file` is the overlay), else the referenced file's path from the root
    /// document's folder.
    public var document: String {
        get { stem.document }
        set {
            stem = Stem(file: stem.file, document: newValue, pointer: pointer)
            token = ""
        }
    }

    public static func == (lhs: IRSource, rhs: IRSource) -> Bool {
        lhs.storedLine == rhs.storedLine && lhs.storedColumn == rhs.storedColumn && lhs.file == rhs.file
            && lhs.document == rhs.document
            && (lhs.stem === rhs.stem && lhs.token == rhs.token || lhs.pointer == rhs.pointer)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(file)
        hasher.combine(line)
        hasher.combine(column)
        hasher.combine(pointer)
        hasher.combine(document)
    }

    public var location: SpecLocation { SpecLocation(file: file, line: line, column: column) }
    /// `#/components/schemas/Pet`, as doc comments end.
    public var description: String { "#" + pointer }
}

public struct IRDocs: Sendable, Hashable {
    public var description: String?

    /// The rarer parts, in an immutable box shared by every docs that has none of them (most):
    /// inline they were half of each docs, in every property, case and header.
    private struct Rare: Sendable, Hashable {
        var title: String?
        var examples: [String] = []
        var isDeprecated = false
    }

    private final class Storage: Sendable {
        let rare: Rare
        init(_ rare: Rare) { self.rare = rare }
        static let empty = Storage(Rare())
    }

    private var storage: Storage

    public static let shownExamples = 3
    public static let shownExampleLength = 200

    public init(title: String? = nil, description: String? = nil, examples: [String] = [], isDeprecated: Bool = false) {
        self.description = description
        let rare = Rare(title: title, examples: examples, isDeprecated: isDeprecated)
        storage = rare == Rare() ? Storage.empty : Storage(rare)
    }

    /// A setter's change: a new box, so copies made before it keep their values.
    private mutating func change(_ body: (inout Rare) -> Void) {
        var rare = storage.rare
        body(&rare)
        storage = rare == Rare() ? Storage.empty : Storage(rare)
    }

    public var title: String? {
        get { storage.rare.title }
        set { change { $0.title = newValue } }
    }
    /// The first `shownExamples` examples as compact JSON text, each cut to `shownExampleLength`
    /// characters and "…": what a doc comment shows.
    public var examples: [String] {
        get { storage.rare.examples }
        set { change { $0.examples = newValue } }
    }
    public var isDeprecated: Bool {
        get { storage.rare.isDeprecated }
        set { change { $0.isDeprecated = newValue } }
    }

    public static func == (lhs: IRDocs, rhs: IRDocs) -> Bool {
        lhs.description == rhs.description && (lhs.storage === rhs.storage || lhs.storage.rare == rhs.storage.rare)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(description)
        hasher.combine(storage.rare)
    }
}

public struct IRType: Sendable, Equatable {
    public let id: IRTypeID
    public var name: IRName
    /// The type this one is nested in (`Order` for `Order.Line`); `nil` at the top level.
    public var parent: IRTypeID?
    public var nested: [IRTypeID] = []
    public var source: IRSource
    public var docs: IRDocs
    public var kind: IRTypeKind
}

public enum IRTypeKind: Sendable, Equatable {
    /// A struct with named properties.
    case object(IRObject)
    /// A string or integer enum that keeps unknown values.
    case enumeration(IREnumeration)
    /// `oneOf`, or a list of types: exactly one of the cases.
    case union(IRUnion)
    /// `anyOf`: any number of the members at once.
    case anyOf(IRUnion)
    /// A named schema that is a primitive, array or map: a typealias, with the schema's constraints.
    case alias(IRValueType, IRConstraints)
    /// JSON Schema's tuple (`prefixItems`) whose positions differ: a struct of a member a position.
    case tuple(IRTuple)
    /// Reserved while the schema is being lowered (only seen mid-lowering).
    case pending
}

/// The type of a value position (property, item, union case).
public enum IRValueType: Sendable, Hashable {
    // Only the recursive cases are boxed: most values are `named` or `primitive`, and an
    // `indirect` enum would allocate a box for each of those too (one per property).
    case named(IRTypeID)
    case primitive(IRPrimitive)
    indirect case array(IRValueType)
    indirect case dictionary(IRValueType)
    /// The value may be JSON `null`.
    indirect case nullable(IRValueType)

    /// The named type this is (nullable or not), if any.
    public var namedID: IRTypeID? {
        if case .named(let id) = nonNull { return id }
        return nil
    }

    /// Without the outer `nullable`.
    public var nonNull: IRValueType {
        if case .nullable(let inner) = self { return inner }
        return self
    }

    public var isNullable: Bool {
        if case .nullable = self { return true }
        return false
    }
}

extension IRPrimitive {
    /// Whether the literal of this type spelled from `text` makes a value rather than trapping:
    /// a calendar date that exists, `URL(string:)!` of text Foundation takes as it is,
    /// `UUID(uuidString:)!` of the 8-4-4-4-12 hexadecimal form. Defaults and constants are spelled
    /// so, and a trap would stop a server at the first request that leaves one out.
    public func takesLiteral(_ text: String) -> Bool {
        switch self {
        case .calendarDate: Self.isCalendarDate(text)
        case .url: HTTPURL.isURIReference(text)
        case .uuid: Self.isUUID(text)
        case .base64Data: Self.isBase64(text)
        default: true
        }
    }

    /// Base64 as `Data(base64Encoded:)` takes it: groups of four from its alphabet, the last
    /// padded with `=`. One cut short with `...` or `…` (Revolut's `UEsDBAoAAAAAAGhV...`) is
    /// only checked for its alphabet.
    static func isBase64(_ text: String) -> Bool {
        var bytes = Array(text.utf8)
        let isBase64Byte = { (byte: UInt8) in
            (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || byte == UInt8(ascii: "+")
                || byte == UInt8(ascii: "/")
        }
        for cut in ["...", "\u{2026}"] where text.hasSuffix(cut) {
            bytes.removeLast(cut.utf8.count)
            return bytes.allSatisfy(isBase64Byte)
        }
        guard bytes.count % 4 == 0 else { return false }
        let padding = bytes.reversed().prefix { $0 == UInt8(ascii: "=") }.count
        guard padding <= 2 else { return false }
        return bytes.dropLast(padding).allSatisfy(isBase64Byte)
    }

    /// `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx` in hexadecimal digits, as `UUID(uuidString:)` takes it.
    static func isUUID(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 36 else { return false }
        return bytes.indices.allSatisfy { index in
            let byte = bytes[index]
            guard ![8, 13, 18, 23].contains(index) else { return byte == UInt8(ascii: "-") }
            return (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x66)
        }
    }

    /// `YYYY-MM-DD` naming a day that exists (a default must not trap when the type is created).
    static func isCalendarDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard text.utf8.count == 10, parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]), (1 ... 12).contains(month),
            day >= 1
        else { return false }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        return year >= 1 && day <= days
    }
}

public enum IRPrimitive: String, Sendable, Hashable {
    case string, int, int32, int64, float, double, decimal, bool
    /// `format: uint64` (and `uint`, as schemars writes `usize`): `UInt64`, which holds what `Int` does not.
    case uint64
    /// `format: date`: `LatheRuntime.CalendarDate`.
    case calendarDate
    /// `format: date-time`: `Foundation.Date`.
    case dateTime
    case uuid
    /// `format: uri` where decoding can never meet a string Foundation rejects (request-only values).
    case url
    /// `format: byte`: base64 text on the wire, `Data` in Swift.
    case base64Data
    /// `format: binary`: raw bytes.
    case binaryData
    /// Any JSON value.
    case jsonValue
    /// `type: [number, string]` and the like.
    case numberOrString
    /// `type: string, format: decimal`.
    case decimalString
}

/// Constraints on one value position, kept exactly as the spec states them (numbers as decimal text).
/// Stored out of line in an immutable box, shared while unchanged: most positions have none, and
/// inline the keywords took 224 bytes in every property, parameter, header and union case.
public struct IRConstraints: Sendable, Hashable {
    struct Values: Sendable, Hashable {
        var minLength: Int?
        var maxLength: Int?
        var pattern: String?
        var minimum: String?
        var maximum: String?
        var exclusiveMinimum: String?
        var exclusiveMaximum: String?
        var multipleOf: String?
        var minItems: Int?
        var maxItems: Int?
        var uniqueItems = false
        var minProperties: Int?
        var maxProperties: Int?
        var constant: SpecValue?
        var allowedValues: [SpecValue]?
        var elements: [IRConstraints] = []
        var keys: [IRConstraints] = []
    }

    private final class Storage: Sendable {
        let values: Values
        init(_ values: Values) { self.values = values }
        static let empty = Storage(Values())
    }

    private var storage = Storage.empty

    /// A change: a new box, so copies made before it keep their values; none when nothing
    /// changed, and the shared empty one when nothing is left. Setting several values in one
    /// change compares and copies them once, where each setter does it again. (A setter given
    /// the value already there changes nothing, before any copy: lowering sets many to `nil`.)
    mutating func change(_ body: (inout Values) -> Void) {
        var values = storage.values
        body(&values)
        guard values != storage.values else { return }
        storage = values == Values() ? Storage.empty : Storage(values)
    }

    public init() {}

    public static func == (lhs: IRConstraints, rhs: IRConstraints) -> Bool {
        lhs.storage === rhs.storage || lhs.storage.values == rhs.storage.values
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(storage.values) }

    public var isEmpty: Bool { storage === Storage.empty || storage.values == Values() }

    /// Whether all their text is ASCII. Strings compare equal when canonically equivalent, so two
    /// sets that differ only in how a pattern spells `é` are `==`; only ASCII ones are the same
    /// bytes whenever they are equal, and may share a box (`Lowerer.pooled`).
    var textIsASCII: Bool {
        let values = storage.values
        let texts = [
            values.pattern, values.minimum, values.maximum, values.exclusiveMinimum, values.exclusiveMaximum,
            values.multipleOf,
        ]
        return texts.allSatisfy { $0?.isAllASCII ?? true }
            && values.constant.map(Self.isASCII) ?? true && values.allowedValues?.allSatisfy(Self.isASCII) ?? true
            && values.elements.allSatisfy(\.textIsASCII) && values.keys.allSatisfy(\.textIsASCII)
    }

    private static func isASCII(_ value: SpecValue) -> Bool {
        switch value {
        case .null, .bool, .number: true
        case .string(let text): text.isAllASCII
        case .array(let items): items.allSatisfy(isASCII)
        case .object(let members): members.allSatisfy { $0.key.isAllASCII && isASCII($0.value) }
        }
    }

    public var minLength: Int? {
        get { storage.values.minLength }
        set { if newValue != storage.values.minLength { change { $0.minLength = newValue } } }
    }
    public var maxLength: Int? {
        get { storage.values.maxLength }
        set { if newValue != storage.values.maxLength { change { $0.maxLength = newValue } } }
    }
    public var pattern: String? {
        get { storage.values.pattern }
        set { if newValue != storage.values.pattern { change { $0.pattern = newValue } } }
    }
    public var minimum: String? {
        get { storage.values.minimum }
        set { if newValue != storage.values.minimum { change { $0.minimum = newValue } } }
    }
    public var maximum: String? {
        get { storage.values.maximum }
        set { if newValue != storage.values.maximum { change { $0.maximum = newValue } } }
    }
    public var exclusiveMinimum: String? {
        get { storage.values.exclusiveMinimum }
        set { if newValue != storage.values.exclusiveMinimum { change { $0.exclusiveMinimum = newValue } } }
    }
    public var exclusiveMaximum: String? {
        get { storage.values.exclusiveMaximum }
        set { if newValue != storage.values.exclusiveMaximum { change { $0.exclusiveMaximum = newValue } } }
    }
    public var multipleOf: String? {
        get { storage.values.multipleOf }
        set { if newValue != storage.values.multipleOf { change { $0.multipleOf = newValue } } }
    }
    public var minItems: Int? {
        get { storage.values.minItems }
        set { if newValue != storage.values.minItems { change { $0.minItems = newValue } } }
    }
    public var maxItems: Int? {
        get { storage.values.maxItems }
        set { if newValue != storage.values.maxItems { change { $0.maxItems = newValue } } }
    }
    public var uniqueItems: Bool {
        get { storage.values.uniqueItems }
        set { if newValue != storage.values.uniqueItems { change { $0.uniqueItems = newValue } } }
    }
    public var minProperties: Int? {
        get { storage.values.minProperties }
        set { if newValue != storage.values.minProperties { change { $0.minProperties = newValue } } }
    }
    public var maxProperties: Int? {
        get { storage.values.maxProperties }
        set { if newValue != storage.values.maxProperties { change { $0.maxProperties = newValue } } }
    }
    /// A value the position must equal (`const`).
    public var constant: SpecValue? {
        get { storage.values.constant }
        set { if newValue != storage.values.constant { change { $0.constant = newValue } } }
    }
    /// The values the position may hold, where no Swift enum lists them (an `enum` of fractional
    /// numbers, or of values of several kinds): `validate()` checks the value is one of them.
    public var allowedValues: [SpecValue]? {
        get { storage.values.allowedValues }
        set { if newValue != storage.values.allowedValues { change { $0.allowedValues = newValue } } }
    }
    /// Constraints on the items of an array or the values of a map (zero or one element).
    public var elements: [IRConstraints] {
        get { storage.values.elements }
        set { if newValue != storage.values.elements { change { $0.elements = newValue } } }
    }

    /// What the keys of a map, or of an object's additional properties, must be (`propertyNames`;
    /// zero or one element): lengths, a pattern, allowed values.
    public var keys: IRConstraints {
        get { storage.values.keys.first ?? IRConstraints() }
        set {
            let keys = newValue.isEmpty ? [] : [newValue]
            if keys != storage.values.keys { change { $0.keys = keys } }
        }
    }

    /// These constraints with `top`'s on top (an alias's constraints under a position's own).
    public func overlaid(with top: IRConstraints) -> IRConstraints {
        if top.isEmpty { return self }
        if isEmpty { return top }
        var result = self
        result.minLength = top.minLength ?? minLength
        result.maxLength = top.maxLength ?? maxLength
        result.pattern = top.pattern ?? pattern
        result.minimum = top.minimum ?? minimum
        result.maximum = top.maximum ?? maximum
        result.exclusiveMinimum = top.exclusiveMinimum ?? exclusiveMinimum
        result.exclusiveMaximum = top.exclusiveMaximum ?? exclusiveMaximum
        result.multipleOf = top.multipleOf ?? multipleOf
        result.minItems = top.minItems ?? minItems
        result.maxItems = top.maxItems ?? maxItems
        result.uniqueItems = top.uniqueItems || uniqueItems
        result.minProperties = top.minProperties ?? minProperties
        result.maxProperties = top.maxProperties ?? maxProperties
        result.constant = top.constant ?? constant
        result.allowedValues = top.allowedValues ?? allowedValues
        if !top.elements.isEmpty { result.elements = top.elements }
        if !top.keys.isEmpty { result.keys = top.keys }
        return result
    }

    /// Both sets of constraints at once, as `allOf` means (every one must hold): the larger of two
    /// lower bounds, the smaller of two upper ones. What one `IRConstraints` cannot hold twice (two
    /// different patterns, multiples or constants) keeps this side's, and is named in `dropped`.
    public func intersected(with other: IRConstraints) -> (constraints: IRConstraints, dropped: [String]) {
        if other.isEmpty { return (self, []) }
        if isEmpty { return (other, []) }
        var result = self
        var dropped: [String] = []
        func larger(_ a: Int?, _ b: Int?) -> Int? { a.map { a in b.map { max(a, $0) } ?? a } ?? b }
        func smaller(_ a: Int?, _ b: Int?) -> Int? { a.map { a in b.map { min(a, $0) } ?? a } ?? b }
        func number(_ a: String?, _ b: String?, keepLarger: Bool) -> String? {
            guard let a, let b else { return a ?? b }
            guard let x = Double(a), let y = Double(b) else { return a }
            return (x < y) == keepLarger ? b : a
        }
        func same<T: Equatable>(_ a: T?, _ b: T?, _ keyword: String) -> T? {
            if let a, let b, a != b { dropped.append(keyword) }
            return a ?? b
        }
        result.minLength = larger(minLength, other.minLength)
        result.maxLength = smaller(maxLength, other.maxLength)
        result.minItems = larger(minItems, other.minItems)
        result.maxItems = smaller(maxItems, other.maxItems)
        result.minProperties = larger(minProperties, other.minProperties)
        result.maxProperties = smaller(maxProperties, other.maxProperties)
        result.minimum = number(minimum, other.minimum, keepLarger: true)
        result.maximum = number(maximum, other.maximum, keepLarger: false)
        result.exclusiveMinimum = number(exclusiveMinimum, other.exclusiveMinimum, keepLarger: true)
        result.exclusiveMaximum = number(exclusiveMaximum, other.exclusiveMaximum, keepLarger: false)
        result.uniqueItems = uniqueItems || other.uniqueItems
        result.pattern = same(pattern, other.pattern, "pattern")
        result.multipleOf = same(multipleOf, other.multipleOf, "multipleOf")
        result.constant = same(constant, other.constant, "const")
        if let allowed = allowedValues, let others = other.allowedValues {
            result.allowedValues = allowed.filter(others.contains)
        } else {
            result.allowedValues = allowedValues ?? other.allowedValues
        }
        if elements.isEmpty || other.elements.isEmpty {
            result.elements = elements.isEmpty ? other.elements : elements
        } else {
            let inner = element.intersected(with: other.element)
            result.element = inner.constraints
            dropped += inner.dropped
        }
        if keys.isEmpty || other.keys.isEmpty {
            result.keys = keys.isEmpty ? other.keys : keys
        } else {
            let inner = keys.intersected(with: other.keys)
            result.keys = inner.constraints
            dropped += inner.dropped.map { "propertyNames' \($0)" }
        }
        return (result, dropped)
    }

    public var element: IRConstraints {
        get { elements.first ?? IRConstraints() }
        set { elements = newValue.isEmpty ? [] : [newValue] }
    }
}

public struct IRProperty: Sendable, Equatable {
    /// The JSON key and the Swift member name.
    public var name: IRName
    public var type: IRValueType
    public var isRequired: Bool
    /// Applied when decoding finds the key missing, and offered as the initializer's default.
    /// Out of line: few properties have one, and inline it is 24 bytes of every property.
    public var defaultValue: SpecValue? {
        get { storedDefault?.value }
        set { storedDefault = newValue.map(Box.init) }
    }
    private var storedDefault: Box<SpecValue>?
    public var constraints: IRConstraints
    /// Stored out of line because the property's type contains this one.
    public var isBoxed = false
    public var isReadOnly = false
    public var isWriteOnly = false
    /// A key `required` lists that no property declares: optional in Swift, so a value without it
    /// (the spec's mistake, as a rule) still decodes, and `validate()` reports it missing.
    public var checksPresence = false
    public var docs: IRDocs
    public var source: IRSource

    public init(
        name: IRName, type: IRValueType, isRequired: Bool, defaultValue: SpecValue?, constraints: IRConstraints,
        isBoxed: Bool = false, isReadOnly: Bool = false, isWriteOnly: Bool = false, docs: IRDocs, source: IRSource
    ) {
        self.name = name
        self.type = type
        self.isRequired = isRequired
        self.storedDefault = defaultValue.map(Box.init)
        self.constraints = constraints
        self.isBoxed = isBoxed
        self.isReadOnly = isReadOnly
        self.isWriteOnly = isWriteOnly
        self.docs = docs
        self.source = source
    }
}

public enum IRAdditionalProperties: Sendable, Equatable {
    /// Not stated: keys beyond the properties are ignored.
    case ignored
    /// `additionalProperties: false`: other keys are a validation issue.
    case forbidden
    /// `true` or a schema: other keys are kept, with values of this type.
    case captured(IRValueType, IRConstraints)
}

public struct IRObject: Sendable, Equatable {
    public var properties: [IRProperty]
    public var additionalProperties: IRAdditionalProperties
    /// `minProperties`/`maxProperties`.
    public var constraints: IRConstraints
    /// The Swift name of the member that holds captured additional properties.
    public var additionalPropertiesName: String
    /// With `additionalProperties: false`: the member that keeps the names of keys the schema does
    /// not allow, so validation can report them (they are never encoded).
    public var undeclaredKeysName: String?
    /// `allOf` members that are not objects (a `oneOf`, an `anyOf`): each a member decoded from the
    /// same value as the properties, and encoded into the same JSON object.
    public var composed: [IRComposedMember] = []
}

/// A list whose positions each have a schema of their own (`prefixItems`), read and written in order.
public struct IRTuple: Sendable, Equatable {
    /// A member a position. Those from `requiredCount` on are not required: the list may end
    /// before them (optional in Swift; one absent before a position that is set is written null).
    public var positions: [IRProperty]
    /// How many positions every list has (`minItems`, at most all of them).
    public var requiredCount: Int
    /// The items after the positions (`items`), in the member `restName`; none when the schema
    /// allows none after them (`items: false`, or `maxItems` no more than the positions).
    public var rest: IRValueType?
    public var restConstraints: IRConstraints
    public var restName: String
    /// Without a rest: the member that keeps items a decoded list had after its positions, so
    /// `validate()` can report them (never encoded).
    public var undeclaredItemsName: String?
    /// `minItems`, `maxItems` of the whole list.
    public var constraints: IRConstraints

    public init(
        positions: [IRProperty], requiredCount: Int, rest: IRValueType?, restConstraints: IRConstraints,
        restName: String, undeclaredItemsName: String?, constraints: IRConstraints
    ) {
        self.positions = positions
        self.requiredCount = requiredCount
        self.rest = rest
        self.restConstraints = restConstraints
        self.restName = restName
        self.undeclaredItemsName = undeclaredItemsName
        self.constraints = constraints
    }
}

public struct IRComposedMember: Sendable, Equatable {
    public var name: IRName
    public var type: IRValueType
}

public struct IREnumeration: Sendable, Equatable {
    public enum RawType: Sendable, Equatable { case string, integer }

    public var rawType: RawType
    public var cases: [Case]

    public struct Case: Sendable, Equatable {
        public var name: IRName
        /// The value as text: `"active"`, or `"42"` for an integer enum.
        public var rawValue: String
        public var source: IRSource
        /// The value's description, from a vendor extension (`x-enum-descriptions`).
        public var docs: String?
    }
}

public struct IRUnion: Sendable, Equatable {
    public var cases: [Case]
    /// For a `oneOf` with a discriminator: the property that says which case a value is.
    public var discriminator: String?
    /// With a discriminator, the case a value is when the property is absent or names no case
    /// (OpenAPI 3.2's `defaultMapping`); without one, such a value is kept as `undocumented`.
    public var defaultCase: Int?
    /// Whether a case refers back to this type (the enum is then `indirect`).
    public var isRecursive = false

    public struct Case: Sendable, Equatable {
        public var name: IRName
        public var type: IRValueType
        /// Constraints on the case's value (a `oneOf` member `{type: string, maxLength: 3}`).
        public var constraints: IRConstraints
        /// The discriminator values that select this case.
        public var discriminatorValues: [String]
        public var source: IRSource
    }
}

/// A `servers` entry as a value of the generated `ServerURL`, named from its description.
public struct IRServer: Sendable, Equatable {
    /// The static member (`production`, or `server2` for an entry without a usable description).
    public var name: String
    /// The URL as the spec writes it, `{variables}` included.
    public var url: String
    public var description: String?
    public var variables: [IRServerVariable]
    /// A relative URL (`/api/v1`): relative to where the document is served, which the generated
    /// member takes.
    public var isRelative = false
}

/// A `{name}` in a server's URL: a parameter of the entry's factory method.
public struct IRServerVariable: Sendable, Equatable {
    /// The name in braces, and the parameter's label.
    public var name: IRName
    /// The enum nested in `ServerURL` (`Region`) when the spec lists the values.
    public var enumType: String?
    /// The listed values: each case's Swift name and the text it stands for.
    public var values: [IRName]
    /// The default: a listed value's text when there are values; `nil` for a variable the URL
    /// names that `variables` does not declare, which the caller must give.
    public var defaultValue: String?
    public var description: String?
}
