import LatheYAML

/// The JSON types a schema allows. OpenAPI 3.0's `nullable: true` and 3.1's `type: [T, "null"]` both
/// become `.null` in this set, so later stages see one spelling.
public struct JSONTypes: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let null = JSONTypes(rawValue: 1 << 0)
    public static let boolean = JSONTypes(rawValue: 1 << 1)
    public static let object = JSONTypes(rawValue: 1 << 2)
    public static let array = JSONTypes(rawValue: 1 << 3)
    public static let number = JSONTypes(rawValue: 1 << 4)
    public static let string = JSONTypes(rawValue: 1 << 5)
    public static let integer = JSONTypes(rawValue: 1 << 6)

    public static let names: [(String, JSONTypes)] = [
        ("array", .array), ("boolean", .boolean), ("integer", .integer), ("null", .null),
        ("number", .number), ("object", .object), ("string", .string),
    ]

    public init?(name: String) {
        guard let match = Self.names.first(where: { $0.0 == name }) else { return nil }
        self = match.1
    }

    /// The type names in the set, in a stable order.
    public var typeNames: [String] {
        Self.names.filter { contains($0.1) }.map(\.0)
    }
}

/// Heap storage for a schema inside a schema (items, not, additionalProperties, …).
public final class Box<Value: Sendable & Hashable>: Sendable, Hashable {
    public let value: Value
    public init(_ value: Value) { self.value = value }
    public static func == (lhs: Box, rhs: Box) -> Bool { lhs.value == rhs.value }
    public func hash(into hasher: inout Hasher) { hasher.combine(value) }
}

/// A schema, normalised across OpenAPI 3.0, 3.1 and 3.2 (the last two: JSON Schema 2020-12):
/// - `nullable: true` (3.0) and `type: [T, "null"]` (3.1) both put `.null` into `types`;
/// - 3.0's boolean `exclusiveMinimum`/`exclusiveMaximum` become 3.1's numeric bounds;
/// - `example` (3.0) and `examples` (3.1) both fill `examples`;
/// - boolean schemas: `true` is an empty schema, `false` sets `isFalse`.
/// `$ref` may stand beside other keywords (3.1 allows it, and 3.0 documents do it anyway); the IR
/// decides what those siblings mean.
public struct Schema: Sendable, Hashable {
    public var node: YAMLNode
    /// Out of line: inline, a `Reference` is 80 bytes of every schema, and most have none.
    public var ref: Reference? {
        get { storedRef?.value }
        set { storedRef = newValue.map(Box.init) }
    }
    private var storedRef: Box<Reference>?
    /// Allowed types; `nil` when the schema does not say (any type).
    public var types: JSONTypes?
    /// Whether this schema is a `$ref` with nothing but annotations beside it (description, title,
    /// examples, …), or any `$ref` written in OpenAPI 3.0, which ignores its siblings (not a
    /// `type` read as a `$ref`): it adds no constraint to its target.
    public var isPureReference = false
    public var format: String?
    public var description: String?
    /// Every other keyword, out of line and allocated only for a schema that has one: half of a
    /// spec's schemas are a `$ref` or a bare `type` (with a format or a description), and inline
    /// these keywords made every one of them 240 bytes. Copied on write.
    private var details: DetailsBox?

    public init(node: YAMLNode) { self.node = node }

    public var title: String? {
        get { details?.values.title }
        _modify { yield &uniqueDetails.values.title }
    }
    public var enumValues: [SpecValue]? {
        get { details?.values.enumValues }
        _modify { yield &uniqueDetails.values.enumValues }
    }
    public var constValue: SpecValue? {
        get { details?.values.constValue?.value }
        set { uniqueDetails.values.constValue = newValue.map(Box.init) }
    }
    public var defaultValue: SpecValue? {
        get { details?.values.defaultValue?.value }
        set { uniqueDetails.values.defaultValue = newValue.map(Box.init) }
    }
    public var examples: [YAMLNode] {
        get { details?.values.examples ?? [] }
        _modify { yield &uniqueDetails.values.examples }
    }
    /// The first `count` examples as compact JSON, each cut to `maxCharacters` and "…", read
    /// straight from the document: what a doc comment shows of them.
    public func exampleTexts(first count: Int, maxCharacters: Int) -> [String] {
        examples.prefix(count).map { JSONText.compact($0, maxCharacters: maxCharacters) }
    }
    public var properties: [Property] {
        get { details?.values.properties ?? [] }
        _modify { yield &uniqueDetails.values.properties }
    }
    public var required: [String] {
        get { details?.values.required ?? [] }
        _modify { yield &uniqueDetails.values.required }
    }
    public var additionalProperties: Box<Schema>? {
        get { details?.values.additionalProperties }
        _modify { yield &uniqueDetails.values.additionalProperties }
    }
    public var items: Box<Schema>? {
        get { details?.values.items }
        _modify { yield &uniqueDetails.values.items }
    }
    public var allOf: [Schema] {
        get { details?.values.allOf ?? [] }
        _modify { yield &uniqueDetails.values.allOf }
    }
    public var anyOf: [Schema] {
        get { details?.values.anyOf ?? [] }
        _modify { yield &uniqueDetails.values.anyOf }
    }
    public var oneOf: [Schema] {
        get { details?.values.oneOf ?? [] }
        _modify { yield &uniqueDetails.values.oneOf }
    }
    public var readOnly: Bool {
        get { details?.values.readOnly ?? false }
        set { if details != nil || newValue { uniqueDetails.values.readOnly = newValue } }
    }
    public var writeOnly: Bool {
        get { details?.values.writeOnly ?? false }
        set { if details != nil || newValue { uniqueDetails.values.writeOnly = newValue } }
    }
    public var deprecated: Bool {
        get { details?.values.deprecated ?? false }
        set { if details != nil || newValue { uniqueDetails.values.deprecated = newValue } }
    }
    /// The boolean schema `false`: no value is valid.
    public var isFalse: Bool {
        get { details?.values.isFalse ?? false }
        set { if details != nil || newValue { uniqueDetails.values.isFalse = newValue } }
    }
    public var extensions: Extensions {
        get { details?.values.extensions ?? Extensions() }
        _modify { yield &uniqueDetails.values.extensions }
    }

    // Constraints and rarely used keywords live out of line once more, allocated only for the
    // schemas that have them.
    public var constraints: Constraints {
        get { details?.values.constraints?.value ?? Constraints() }
        set {
            guard details != nil || newValue != Constraints() else { return }
            uniqueDetails.values.constraints = newValue == Constraints() ? nil : Box(newValue)
        }
    }

    private var rare: Box<Rare>? { details?.values.rare }

    private mutating func updateRare(_ change: (inout Rare) -> Void) {
        var value = rare?.value ?? Rare()
        change(&value)
        guard details != nil || value != Rare() else { return }
        uniqueDetails.values.rare = value == Rare() ? nil : Box(value)
    }

    private struct Details: Sendable, Hashable {
        var title: String?
        var enumValues: [SpecValue]?
        var constValue: Box<SpecValue>?
        var defaultValue: Box<SpecValue>?
        var examples: [YAMLNode] = []
        var properties: [Property] = []
        var required: [String] = []
        var additionalProperties: Box<Schema>?
        var items: Box<Schema>?
        var allOf: [Schema] = []
        var anyOf: [Schema] = []
        var oneOf: [Schema] = []
        var readOnly = false
        var writeOnly = false
        var deprecated = false
        var isFalse = false
        var extensions = Extensions()
        var constraints: Box<Constraints>?
        var rare: Box<Rare>?
    }

    /// Mutated only while no other schema holds it (`uniqueDetails`), so sharing it is safe.
    private final class DetailsBox: @unchecked Sendable {
        /// Unchecked: Swift checks a class's stored `var` at run time for overlapping accesses
        /// (`swift_beginAccess`, about 200 instructions a read of any keyword: 13 M of Square's
        /// instructions), since the `_modify`s above hold an access across a yield. None can overlap: a box is
        /// only changed through `uniqueDetails`, when the schema being changed (which Swift checks
        /// at compile time, as a value) is its only owner.
        @exclusivity(unchecked) var values: Details
        init(_ values: Details) { self.values = values }
    }

    /// The details box, made first or copied so that this schema alone holds it.
    private var uniqueDetails: DetailsBox {
        mutating get {
            if details == nil {
                details = DetailsBox(Details())
            } else if !isKnownUniquelyReferenced(&details) {
                details = DetailsBox(details!.values)
            }
            return details!
        }
    }

    /// A missing box and one holding nothing are the same schema.
    private var detailValues: Details { details?.values ?? Details() }

    public static func == (lhs: Schema, rhs: Schema) -> Bool {
        lhs.node == rhs.node && lhs.storedRef == rhs.storedRef && lhs.types == rhs.types
            && lhs.isPureReference == rhs.isPureReference && lhs.format == rhs.format
            && lhs.description == rhs.description
            && (lhs.details === rhs.details || lhs.detailValues == rhs.detailValues)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(node)
        hasher.combine(storedRef)
        hasher.combine(types)
        hasher.combine(isPureReference)
        hasher.combine(format)
        hasher.combine(description)
        hasher.combine(detailValues)
    }

    public var patternProperties: [Property] {
        get { rare?.value.patternProperties ?? [] }
        set { updateRare { $0.patternProperties = newValue } }
    }

    public var propertyNames: Box<Schema>? {
        get { rare?.value.propertyNames }
        set { updateRare { $0.propertyNames = newValue } }
    }

    public var prefixItems: [Schema]? {
        get { rare?.value.prefixItems }
        set { updateRare { $0.prefixItems = newValue } }
    }

    public var contains: Box<Schema>? {
        get { rare?.value.contains }
        set { updateRare { $0.contains = newValue } }
    }

    public var not: Box<Schema>? {
        get { rare?.value.not }
        set { updateRare { $0.not = newValue } }
    }

    public var discriminator: Discriminator? {
        get { rare?.value.discriminator }
        set { updateRare { $0.discriminator = newValue } }
    }

    public var defs: [Property] {
        get { rare?.value.defs ?? [] }
        set { updateRare { $0.defs = newValue } }
    }

    public var contentMediaType: String? {
        get { rare?.value.contentMediaType }
        set { updateRare { $0.contentMediaType = newValue } }
    }

    /// The schema of a string's content, once decoded as `contentMediaType` says (an event's JSON data).
    public var contentSchema: Schema? {
        get { rare?.value.contentSchema?.value }
        set { updateRare { $0.contentSchema = newValue.map(Box.init) } }
    }

    public var contentEncoding: String? {
        get { rare?.value.contentEncoding }
        set { updateRare { $0.contentEncoding = newValue } }
    }

    /// JSON Schema keywords Lathe reads but does not model (`if`, `dependentSchemas`, …), kept so later
    /// stages can say what they do not generate.
    public var unmodeledKeywords: [String] {
        get { rare?.value.unmodeledKeywords ?? [] }
        set { updateRare { $0.unmodeledKeywords = newValue } }
    }

    /// What vendor extensions say about `enum` values (`x-enum-varnames`, `x-enum-descriptions`,
    /// Square's `x-enum-elements`, Azure's `x-ms-enum`), by each value's text (`active`, `1`), so
    /// that a `null` added or removed later leaves them in place; `nil` when none does.
    public var enumValueNotes: [String: EnumValueNote]? {
        get { rare?.value.enumValueNotes }
        set { updateRare { $0.enumValueNotes = newValue } }
    }

    public struct EnumValueNote: Sendable, Hashable {
        /// The case's name the spec gives (an integer enum's `Active` for 1).
        public var name: String?
        public var description: String?
        public init(name: String? = nil, description: String? = nil) {
            self.name = name
            self.description = description
        }
    }

    private struct Rare: Sendable, Hashable {
        var enumValueNotes: [String: EnumValueNote]?
        var patternProperties: [Property] = []
        var propertyNames: Box<Schema>?
        var prefixItems: [Schema]?
        var contains: Box<Schema>?
        var not: Box<Schema>?
        var discriminator: Discriminator?
        var defs: [Property] = []
        var contentMediaType: String?
        var contentSchema: Box<Schema>?
        var contentEncoding: String?
        var unmodeledKeywords: [String] = []
    }

    public struct Property: Sendable, Hashable {
        public var name: String
        public var nameNode: YAMLNode
        public var schema: Schema

        /// Whether this property is written in `schema`'s own `properties`, or in those of a member
        /// of its `allOf` written inline: a few comparisons of nodes, for every object with examples.
        public func isWritten(in schema: Schema) -> Bool {
            guard let parent = nameNode.pointerStep?.parent ?? self.schema.node.pointerStep?.parent else {
                return false
            }
            func writes(_ schema: Schema) -> Bool {
                schema.node["properties"] == parent || schema.allOf.contains { $0.ref == nil && writes($0) }
            }
            return writes(schema)
        }

        /// The one property named `name` but for case (Swashbuckle lists the C# name `Id` in
        /// `required` for the property it writes `id`); `nil` when none is, or several are.
        public static func inAnotherCase(_ name: String, among properties: [Property]) -> Property? {
            let folded = name.lowercased()
            let matches = properties.filter { $0.name.lowercased() == folded }
            return matches.count == 1 ? matches[0] : nil
        }
    }

    public struct Constraints: Sendable, Hashable {
        public var minLength: Int?
        public var maxLength: Int?
        public var pattern: String?
        public var minimum: JSONNumber?
        public var maximum: JSONNumber?
        public var exclusiveMinimum: JSONNumber?
        public var exclusiveMaximum: JSONNumber?
        public var multipleOf: JSONNumber?
        public var minItems: Int?
        public var maxItems: Int?
        public var uniqueItems = false
        public var minProperties: Int?
        public var maxProperties: Int?

        public init() {}

        /// Whether every text in it is ASCII, so that an equal set has the same bytes (`isAllASCII`).
        var textIsASCII: Bool {
            [pattern, minimum?.text, maximum?.text, exclusiveMinimum?.text, exclusiveMaximum?.text, multipleOf?.text]
                .allSatisfy { $0?.isAllASCII ?? true }
        }
    }

    /// The box `constraints` is kept in; `nil` when there are none.
    var constraintsBox: Box<Constraints>? { details?.values.constraints }

    /// Shares the box of an equal set of constraints in `pool`: specs repeat the same few
    /// (`maxLength: 255`) on thousands of schemas, and each held a box of its own. Only ASCII
    /// text is shared (`Constraints.textIsASCII`). The box is never changed in place, so sharing
    /// it is safe.
    mutating func shareConstraints(in pool: inout Set<Box<Constraints>>) {
        guard let box = constraintsBox, box.value.textIsASCII else { return }
        let shared = pool.insert(box).memberAfterInsert
        if shared !== box { uniqueDetails.values.constraints = shared }
    }

}

public struct Discriminator: Sendable, Hashable {
    public var node: YAMLNode
    public var propertyName: String
    /// Discriminator value → schema `$ref`, in document order.
    public var mapping: [(value: String, reference: Reference)]
    /// OpenAPI 3.2's `defaultMapping`: the schema a value is when the property is absent or names
    /// no schema.
    public var defaultMapping: Reference?
    public var extensions = Extensions()

    public static func == (lhs: Discriminator, rhs: Discriminator) -> Bool {
        lhs.node == rhs.node && lhs.propertyName == rhs.propertyName
            && lhs.mapping.elementsEqual(rhs.mapping) { $0.value == $1.value && $0.reference == $1.reference }
            && lhs.defaultMapping == rhs.defaultMapping
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(node)
        hasher.combine(propertyName)
    }
}

extension [YAMLNode] {
    /// The first of these examples that is a string `isValid` refuses, with where it stands.
    public func firstString(refusedBy isValid: (String) -> Bool) -> (text: String, origin: Origin)? {
        for example in self where example.isScalar && example.scalarType == .string {
            if let text = example.text, !isValid(text) { return (text, Origin(example)) }
        }
        return nil
    }
}

extension Schema {
    /// This schema's own examples that are date-times without a UTC offset (`2025-09-29T10:00:00`,
    /// which RFC 3339 does not allow), with where each stands.
    public var dateTimesWithoutOffsetInExamples: [(text: String, origin: Origin)] {
        examples.compactMap { example in
            Self.isDateTimeWithoutOffset(example) ? (example.text ?? "", Origin(example)) : nil
        }
    }

    /// The values this object schema's own examples give the keys `names` that are date-times
    /// without a UTC offset, with where each stands. Most objects' examples show none: their
    /// values are read as bytes first, and only a date-time's key is made a string.
    public func dateTimesWithoutOffset(inExamplesOf names: (String) -> Bool) -> [(text: String, origin: Origin)] {
        var found: [(text: String, origin: Origin)] = []
        for example in examples where example.isMapping {
            for (key, value) in example.entries where Self.isDateTimeWithoutOffset(value) {
                guard let name = key.text, names(name) else { continue }
                found.append((value.text ?? "", Origin(value)))
            }
        }
        return found
    }

    /// Whether `node` is a scalar that reads as a date-time without an offset.
    static func isDateTimeWithoutOffset(_ node: YAMLNode) -> Bool {
        node.withTextBytes { isDateTimeWithoutOffset(bytes: $0) } ?? false
    }

    /// `YYYY-MM-DDThh:mm:ss` (or a space or `t` for the `T`), with any fraction of a second, and
    /// nothing after it.
    public static func isDateTimeWithoutOffset(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { isDateTimeWithoutOffset(bytes: $0) }
    }

    static func isDateTimeWithoutOffset(bytes b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard b.count >= 19 else { return false }
        func digits(_ range: Range<Int>) -> Bool {
            range.allSatisfy { b[$0] >= UInt8(ascii: "0") && b[$0] <= UInt8(ascii: "9") }
        }
        guard digits(0 ..< 4), b[4] == UInt8(ascii: "-"), digits(5 ..< 7), b[7] == UInt8(ascii: "-"),
            digits(8 ..< 10), b[10] == UInt8(ascii: "T") || b[10] == UInt8(ascii: "t") || b[10] == UInt8(ascii: " "),
            digits(11 ..< 13), b[13] == UInt8(ascii: ":"), digits(14 ..< 16), b[16] == UInt8(ascii: ":"),
            digits(17 ..< 19)
        else { return false }
        return b.count == 19 || (b.count > 20 && b[19] == UInt8(ascii: ".") && digits(20 ..< b.count))
    }

    /// The first of this schema's own examples that is a string `isValid` refuses, with where it
    /// stands: evidence that the values are not what `format` says.
    public func firstStringExample(refusedBy isValid: (String) -> Bool) -> (text: String, origin: Origin)? {
        examples.firstString(refusedBy: isValid)
    }

    /// The keys this object schema's own examples give as null (`canceledBy: null`), each with
    /// where its first null stands: where a property's schema does not allow null, evidence that
    /// the spec left null out of it.
    public var keysItsExamplesGiveAsNull: [String: Origin] { objectExamples.keysGivenAsNull }

    /// This schema's own examples that are objects.
    public var objectExamples: ObjectExamples { ObjectExamples(examples.filter(\.isMapping)) }
}

/// Objects an example shows, its own or at a place below an enclosing object's: what lowering
/// reads them for without handling the tree's nodes.
/// Text an example shows, and where it stands.
public struct ShownText: Sendable {
    public var text: String
    public var origin: Origin
}

extension [ShownText] {
    /// The first of these `isValid` refuses.
    public func first(refusedBy isValid: (String) -> Bool) -> (text: String, origin: Origin)? {
        first { !isValid($0.text) }.map { ($0.text, $0.origin) }
    }
}

public struct ObjectExamples: Sendable {
    fileprivate var objects: [YAMLNode]

    fileprivate init(_ objects: [YAMLNode]) { self.objects = objects }

    public init() { objects = [] }

    public var isEmpty: Bool { objects.isEmpty }

    public static func + (lhs: ObjectExamples, rhs: ObjectExamples) -> ObjectExamples {
        ObjectExamples(lhs.objects + rhs.objects)
    }

    public static func += (lhs: inout ObjectExamples, rhs: ObjectExamples) { lhs.objects += rhs.objects }

    /// Whether any of the objects has the key `key`.
    public func show(_ key: String) -> Bool { objects.contains { $0[key] != nil } }

    /// The keys the objects give as null, each at its first such value.
    public var keysGivenAsNull: [String: Origin] {
        var keys: [String: Origin] = [:]
        for example in objects {
            for (key, value) in example.entries where value.isScalar && value.scalarType == .null {
                if let name = key.text, keys[name] == nil { keys[name] = Origin(value) }
            }
        }
        return keys
    }

    /// The values these show for `member` that are text, with where each stands.
    public func strings(of member: String) -> [ShownText] {
        objects.compactMap { object in
            guard let value = object[member], value.isScalar, value.scalarType == .string, let text = value.text else {
                return nil
            }
            return ShownText(text: text, origin: Origin(value))
        }
    }

    /// The numbers these show for `member`.
    public func numbers(of member: String) -> [JSONNumber] {
        objects.compactMap { object in object[member].flatMap(JSONNumber.init) }
    }

    /// The objects these show for `member`, and those its lists hold.
    public func member(_ name: String) -> (objects: ObjectExamples, listItems: ObjectExamples) {
        let shown = objects.compactMap { $0[name] }
        return (
            ObjectExamples(shown.filter(\.isMapping)),
            ObjectExamples(shown.flatMap { $0.isSequence ? $0.items.filter(\.isMapping) : [] })
        )
    }
}
