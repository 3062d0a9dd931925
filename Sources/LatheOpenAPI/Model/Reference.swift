import LatheDiagnostics
import LatheYAML

/// A `$ref`, resolved to the canonical key of its target: the target file's absolute path and a
/// normalised JSON pointer (`/abs/spec.yaml#/components/schemas/Pet`). The target itself lives in
/// the document's `ComponentStore`, decoded once however many refs point at it.
public struct Reference: Sendable, Hashable {
    /// The text of the `$ref` as written.
    public var raw: String
    /// The canonical key of the target, or `nil` when it could not be resolved (an error says why).
    public var targetKey: String?
    /// The `$ref` value node, for locations.
    public var node: YAMLNode
    /// OpenAPI 3.1 lets a Reference Object override its target's summary and description.
    public var summary: String?
    public var description: String?

    public init(raw: String, targetKey: String?, node: YAMLNode, summary: String? = nil, description: String? = nil) {
        self.raw = raw
        self.targetKey = targetKey
        self.node = node
        self.summary = summary
        self.description = description
    }

    /// The last pointer token of the target, which is the component's name for `#/components/schemas/Pet`.
    public var targetName: String? {
        guard let key = targetKey, let hash = key.lastIndex(of: "#") else { return nil }
        let pointer = key[key.index(after: hash)...]
        guard let slash = pointer.lastIndex(of: "/") else { return nil }
        return JSONPointer.unescape(pointer[pointer.index(after: slash)...])
    }
}

/// An object that may be given inline or by `$ref`. Indirect: inline, the enum would be as large
/// as its largest value (a `Parameter` holds a whole `Schema`, 400 bytes), and every list of
/// references (40,000 parameter refs in a large spec) would pay that for each entry.
public indirect enum Referenceable<Value: Sendable & Hashable>: Sendable, Hashable {
    case value(Value)
    case reference(Reference)

    public var reference: Reference? {
        if case .reference(let reference) = self { return reference }
        return nil
    }
}
