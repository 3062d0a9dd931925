import LatheDiagnostics
import LatheYAML

/// Decodes YAML nodes into the typed document by hand, so every error points at the node that caused
/// it. One instance decodes one description; it owns the diagnostics and the component store, and a
/// worklist of `$ref` targets that are decoded once each.
///
/// Its state is `@exclusivity(unchecked)`, as `Lowerer`'s tables are: each is read and written in
/// place, or passed `inout` to a function of another type (`text(sharingWith:)`,
/// `shareConstraints(in:)`) that cannot reach the decoder, so no two accesses can overlap, and the
/// run-time check Swift makes on each (4% of decoding) finds nothing.
final class DocumentDecoder {
    let files: SpecFiles
    @exclusivity(unchecked) var version = SpecVersion(major: 3, minor: 0, patch: 0, text: "3.0.0")
    @exclusivity(unchecked) var diagnostics = Diagnostics()
    @exclusivity(unchecked) var store = ComponentStore()
    /// `$ref` targets still to decode, and what has been queued already (by kind and key).
    @exclusivity(unchecked) var pending: [(kind: ComponentKind, key: String, node: YAMLNode)] = []
    @exclusivity(unchecked) var queued: Set<QueuedKey> = []
    /// Keys of large mappings (`components/schemas` in a big spec), indexed on first use by a `$ref`.
    @exclusivity(unchecked) var mappingIndex: [YAMLNode: [String: YAMLNode]] = [:]
    /// Every `$ref` text already resolved from a file, by file and text: most refs repeat.
    @exclusivity(unchecked) var resolvedRefs: [ResolvedRefKey: (key: String, node: YAMLNode)] = [:]

    struct ResolvedRefKey: Hashable {
        var file: ObjectIdentifier
        var raw: String
    }

    /// Where each `file#pointer` led: a node, or why it leads nowhere (said after the ref's own text).
    /// OpenAPI 3.2's `$self` (an absolute http(s) URI) and the root file it names: a reference under
    /// it is to the root file or a file beside it, read from disk.
    @exclusivity(unchecked) var selfURI: (uri: String, root: YAMLTree)?
    /// Each file's schemas with a `$id`, by the absolute URI it gives them (`resolveBySchemaID`).
    @exclusivity(unchecked) var schemaResourcesByTree: [ObjectIdentifier: [String: YAMLNode]] = [:]
    @exclusivity(unchecked) var pointerTargets: [String: Result<YAMLNode, PointerError>] = [:]
    /// The responses, bodies, parameters and headers whose schema a schema's `$ref` is being read
    /// through (`ofKind`): one met again leads back to itself.
    var heldSchemasBeingRead = Set<String>()
    /// The `$ref`s a pointer is being followed through (`resolveThroughReference`), one inside
    /// another, each with how many of the pointer's tokens were left after it: met again with no
    /// fewer left, the pointer leads back to itself.
    var referencesFollowedThrough: [YAMLNode: Int] = [:]
    /// How many times following them led a pointer back to itself (said by the one that began it).
    var referenceLoopsFound = 0
    /// Schemas decoded from nodes that aliases share, so a shared node is decoded (and reported) once.
    @exclusivity(unchecked) var sharedSchemas: [YAMLNode: Schema] = [:]
    /// `required: true` in a property's schema (Swagger's parameter form), which the object the
    /// property belongs to reads and warns about, so the schema's own decoding does not.
    @exclusivity(unchecked) var propertyRequiredFlags: Set<YAMLNode> = []
    /// `name` and `in` written inside a parameter's schema, which the parameter reads as its own
    /// (`decodeParameter`), so the schema's own decoding does not call them unknown keywords.
    @exclusivity(unchecked) var parameterFieldsInSchemas: Set<YAMLNode> = []
    /// The operation being decoded's Swagger 2.0 `produces` (`DecodeSwagger2Leftovers`), and
    /// whether a response schema read it.
    @exclusivity(unchecked) var swagger2Produces: [String]?
    @exclusivity(unchecked) var swagger2ProducesRead = false
    /// How deep inside `allOf` members decoding is, where `required` may name a sibling's properties.
    @exclusivity(unchecked) var allOfDepth = 0
    /// The strings decoded from scalars, one for each text (`text(of:)`).
    @exclusivity(unchecked) private var sharedTexts = SharedTexts()
    /// One box for each distinct set of schema constraints (`Schema.shareConstraints`).
    @exclusivity(unchecked) var constraintPool = Set<Box<Schema.Constraints>>()

    /// A scalar's text, the same string each time the same text is read: the document keeps it.
    func text(of node: YAMLNode) -> String? {
        node.text(sharingWith: &sharedTexts)
    }

    struct PointerError: Error {
        /// Completes "'<the $ref>' points at nothing: …".
        var reason: String
        /// Where the pointer met a `$ref` without the key it wanted next (`resolveThroughReference`).
        var throughReference: ThroughReference?

        struct ThroughReference {
            /// The `$ref`'s scalar, the pointer up to it, and the tokens left.
            var refNode: YAMLNode
            var pointer: String
            var rest: ArraySlice<String>
        }
    }

    struct QueuedKey: Hashable {
        var kind: ComponentKind
        var key: String
    }

    init(files: SpecFiles) {
        self.files = files
    }

    // MARK: Diagnostics

    func error(_ message: String, at node: YAMLNode, kind: String? = nil, reading: String? = nil) {
        diagnostics.error(message, at: node, kind: kind, reading: reading)
    }

    func warning(_ message: String, at node: YAMLNode, kind: String? = nil) {
        diagnostics.warning(message, at: node, kind: kind)
    }
    func note(_ message: String, at node: YAMLNode) { diagnostics.note(message, at: node) }

    // MARK: Scalars

    /// The value a field really has: a `{$ref}` standing where OpenAPI allows none is followed
    /// (`followReference`), and an empty value (YAML null: `format:` with nothing after it) is
    /// reported and read as if the field were absent (`nil`).
    func present(_ node: YAMLNode, _ what: String) -> YAMLNode? {
        guard let node = followReference(node, what) else { return nil }
        if node.scalarType == .null, node.isScalar {
            error("\(what) has no value", at: node, kind: "empty-value", reading: "Lathe reads it as if it were absent")
            return nil
        }
        return node
    }

    /// A value of the wrong type: reported, and ignored.
    func wrongType(_ message: String, at node: YAMLNode, reading: String = "Lathe ignores this value") {
        error(message, at: node, kind: "wrong-type", reading: reading)
    }

    /// Text where OpenAPI wants a string. Numbers are taken as written (`version: 1.0` is "1.0");
    /// booleans, nulls and collections are errors.
    func string(_ node: YAMLNode, _ what: String) -> String? {
        guard let node = present(node, what) else { return nil }
        switch node.scalarType {
        case .string?, .int?, .float?:
            return text(of: node)
        default:
            wrongType("\(what) must be a string, but this is \(node.kindDescription)", at: node)
            return nil
        }
    }

    func bool(_ node: YAMLNode, _ what: String) -> Bool? {
        guard let node = present(node, what) else { return nil }
        if let value = node.boolValue { return value }
        let spellings = [
            "true": true, "false": false, "yes": true, "no": false, "on": true, "off": false, "y": true, "n": false,
        ]
        if let text = node.text, let value = spellings[text.lowercased()] {
            var message = "\(what) must be true or false, but this is \(node.kindDescription)"
            if node.scalarType == .string, !["true", "false"].contains(text.lowercased()) {
                message += " ('\(text)' is a string in YAML 1.2, which OpenAPI uses; write true or false)"
            }
            wrongType(message, at: node, reading: "Lathe reads it as \(value)")
            return value
        }
        wrongType("\(what) must be true or false, but this is \(node.kindDescription)", at: node)
        return nil
    }

    /// A non-negative integer, as JSON Schema's length and count keywords want.
    func count(_ node: YAMLNode, _ what: String) -> Int? {
        guard let node = present(node, what) else { return nil }
        if node.scalarType == .int, let text = node.text, let value = Int(text), value >= 0 {
            return value
        }
        if node.scalarType == .float, let text = node.text, let value = Double(text), value >= 0,
            value == value.rounded(), value < 1e15
        {
            return Int(value)
        }
        wrongType(
            "\(what) must be a non-negative integer, "
                + "but this is \(node.isScalar ? "'\(node.text ?? "")'" : node.kindDescription)",
            at: node, reading: "Lathe ignores this constraint")
        return nil
    }

    func number(_ node: YAMLNode, _ what: String) -> JSONNumber? {
        guard let node = present(node, what) else { return nil }
        if let number = JSONNumber(node) { return number }
        if node.scalarType == .float {
            wrongType(
                "\(what) must be a finite number, but this is '\(node.text ?? "")'", at: node,
                reading: "Lathe ignores this constraint")
        } else {
            wrongType(
                "\(what) must be a number, but this is \(node.kindDescription)", at: node,
                reading: "Lathe ignores this constraint")
        }
        return nil
    }

    func stringList(_ node: YAMLNode, _ what: String) -> [String] {
        guard let node = present(node, what) else { return [] }
        guard node.isSequence else {
            if node.isScalar, node.scalarType == .string, let text = node.text {
                wrongType(
                    "\(what) must be a list of strings, but this is a single string", at: node,
                    reading: "Lathe reads it as [\(text)]")
                return [text]
            }
            wrongType("\(what) must be a list of strings, but this is \(node.kindDescription)", at: node)
            return []
        }
        return node.items.compactMap { string($0, "each entry of \(what)") }
    }

    // MARK: Objects

    /// Walks the fields of an OpenAPI object: known fields go to `handle`, unknown fields get a
    /// warning, missing required fields an error at the mapping. Returns the `x-` extensions, or
    /// `nil` (after an error) when `node` is not a mapping.
    ///
    /// A field with no value (YAML null) is read as absent, except those that hold data, where
    /// null is a value (`default: null`). `missing` says, per required field, what `lathe
    /// generate` does without it.
    @discardableResult
    func object(
        _ node: YAMLNode,
        _ name: String,
        fields: [String],
        required: [String] = [],
        missing: [String: String] = [:],
        readElsewhere: Set<String> = [],
        _ handle: (String, YAMLNode, YAMLNode) -> Void
    ) -> Extensions? {
        guard node.isMapping else {
            if node.isScalar, node.scalarType == .null {
                error(
                    "\(name) has no value", at: node, kind: "empty-value",
                    reading: "Lathe reads it as if it were absent")
            } else {
                wrongType(
                    "\(name) must be a mapping, but this is \(node.kindDescription)", at: node,
                    reading: "Lathe ignores it")
            }
            return nil
        }
        var extensions = Extensions()
        var seenRequired = [Bool](repeating: false, count: required.count)
        for (keyNode, value) in node.entries {
            if keyNode.textHasPrefix("x-") {
                extensions.entries.append((keyNode.text ?? "", value))
                continue
            }
            let key = keyNode.text ?? ""
            guard fields.contains(key) else {
                if !readElsewhere.contains(key) { reportUnknownField(key, keyNode: keyNode, in: name, fields: fields) }
                continue
            }
            if let index = required.firstIndex(of: key) { seenRequired[index] = true }
            if value.isScalar, value.scalarType == .null, !Self.dataFields.contains(key) {
                error(
                    "'\(key)' has no value", at: value, kind: "empty-value",
                    reading: "Lathe reads it as if it were absent")
                continue
            }
            handle(key, keyNode, value)
        }
        for (index, field) in required.enumerated() where !seenRequired[index] {
            error(
                "\(name) is missing its required field '\(field)'", at: node, kind: "missing-field",
                reading: missing[field] ?? "Lathe reads it without one")
        }
        return extensions
    }

    /// Fields whose value is data, for which null is a value of its own.
    static let dataFields: Set<String> = [
        "example", "default", "const", "value", "enum", "examples", "dataValue", "serializedValue",
    ]

    /// An Example object's fields, and those 3.2 adds.
    static let exampleFields = ["summary", "description", "value", "externalValue"]
    static let parameterFields = [
        "name", "in", "description", "required", "deprecated", "allowEmptyValue", "style", "explode",
        "allowReserved", "schema", "example", "examples", "content",
    ]
    static let requestBodyFields = ["description", "content", "required"]
    static let responseFields = ["description", "headers", "content", "links"]
    static let responseFields32 = ["summary"]
    static let exampleFields32 = ["dataValue", "serializedValue"]

    /// Fields OpenAPI 3.2 adds to an object: known in a 3.2 document, unknown before.
    func since32(_ fields: [String]) -> [String] { version.minor >= 2 ? fields : [] }

    private func reportUnknownField(_ key: String, keyNode: YAMLNode, in name: String, fields: [String]) {
        if key == "$ref" {
            error(
                "\(name) cannot be a $ref here", at: keyNode, kind: "ref-not-allowed-here",
                reading: "Lathe ignores the $ref and reads the other fields")
            return
        }
        diagnostics.unknownField(keyNode, in: name, fields: fields)
    }

    /// Entries of a mapping whose keys are names (`components/schemas`, `headers`), in order.
    ///
    /// `followingReferences: false` for maps whose keys are data (`properties`: a property may be
    /// called `$ref`).
    func namedEntries(
        _ original: YAMLNode, _ what: String, followingReferences: Bool = true
    ) -> [(name: String, keyNode: YAMLNode, value: YAMLNode)] {
        let node: YAMLNode
        if followingReferences {
            guard let present = present(original, what) else { return [] }
            node = present
        } else if original.isScalar, original.scalarType == .null {
            error(
                "\(what) has no value", at: original, kind: "empty-value",
                reading: "Lathe reads it as if it were absent")
            return []
        } else {
            node = original
        }
        guard node.isMapping else {
            wrongType("\(what) must be a mapping of names to objects, but this is \(node.kindDescription)", at: node)
            return []
        }
        return node.entries.map { (text(of: $0.key) ?? "", $0.key, $0.value) }
    }

    func list(_ node: YAMLNode, _ what: String) -> YAMLNode.Items? {
        guard let node = present(node, what) else { return nil }
        guard node.isSequence else {
            wrongType("\(what) must be a list, but this is \(node.kindDescription)", at: node)
            return nil
        }
        return node.items
    }
}
