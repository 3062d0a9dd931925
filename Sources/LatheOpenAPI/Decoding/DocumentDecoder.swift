import LatheDiagnostics
import LatheYAML

/// Decodes YAML nodes into the typed document by hand, so every error points at the node that caused
/// it. One instance decodes one description; it owns the diagnostics and the component store, and a
/// worklist of `$ref` targets that are decoded once each.
final class DocumentDecoder {
    let files: SpecFiles
    var version = SpecVersion(major: 3, minor: 0, patch: 0, text: "3.0.0")
    var diagnostics = Diagnostics()
    var store = ComponentStore()
    /// `$ref` targets still to decode, and what has been queued already (by kind and key).
    var pending: [(kind: ComponentKind, key: String, node: YAMLNode)] = []
    var queued: Set<QueuedKey> = []
    /// Keys of large mappings (`components/schemas` in a big spec), indexed on first use by a `$ref`.
    var mappingIndex: [YAMLNode: [String: YAMLNode]] = [:]
    /// Every `$ref` text already resolved from a file, by file and text: most refs repeat.
    var resolvedRefs: [ResolvedRefKey: (key: String, node: YAMLNode)] = [:]

    struct ResolvedRefKey: Hashable {
        var file: ObjectIdentifier
        var raw: String
    }

    /// Where each `file#pointer` led: a node, or why it leads nowhere (said after the ref's own text).
    var pointerTargets: [String: Result<YAMLNode, PointerError>] = [:]
    /// Schemas decoded from nodes that aliases share, so a shared node is decoded (and reported) once.
    var sharedSchemas: [YAMLNode: Schema] = [:]
    /// How deep inside `allOf` members decoding is, where `required` may name a sibling's properties.
    var allOfDepth = 0

    struct PointerError: Error {
        /// Completes "'<the $ref>' points at nothing: …".
        var reason: String
    }

    struct QueuedKey: Hashable {
        var kind: ComponentKind
        var key: String
    }

    init(files: SpecFiles) {
        self.files = files
    }

    // MARK: Diagnostics

    func error(_ message: String, at node: YAMLNode) { diagnostics.error(message, at: node) }
    func warning(_ message: String, at node: YAMLNode) { diagnostics.warning(message, at: node) }
    func note(_ message: String, at node: YAMLNode) { diagnostics.note(message, at: node) }

    // MARK: Scalars

    /// Text where OpenAPI wants a string. Numbers are taken as written (`version: 1.0` is "1.0");
    /// booleans, nulls and collections are errors.
    func string(_ node: YAMLNode, _ what: String) -> String? {
        switch node.scalarType {
        case .string?, .int?, .float?:
            return node.text
        default:
            error("\(what) must be a string, but this is \(node.kindDescription)", at: node)
            return nil
        }
    }

    func bool(_ node: YAMLNode, _ what: String) -> Bool? {
        if let value = node.boolValue { return value }
        var message = "\(what) must be true or false, but this is \(node.kindDescription)"
        if let text = node.text, ["yes", "no", "on", "off", "y", "n"].contains(text.lowercased()) {
            message += " ('\(text)' is a string in YAML 1.2, which OpenAPI uses; write true or false)"
        }
        error(message, at: node)
        return nil
    }

    /// A non-negative integer, as JSON Schema's length and count keywords want.
    func count(_ node: YAMLNode, _ what: String) -> Int? {
        if node.scalarType == .int, let text = node.text, let value = Int(text), value >= 0 {
            return value
        }
        if node.scalarType == .float, let text = node.text, let value = Double(text), value >= 0, value == value.rounded(), value < 1e15 {
            return Int(value)
        }
        error("\(what) must be a non-negative integer, but this is \(node.isScalar ? "'\(node.text ?? "")'" : node.kindDescription)", at: node)
        return nil
    }

    func number(_ node: YAMLNode, _ what: String) -> JSONNumber? {
        if let number = JSONNumber(node) { return number }
        if node.scalarType == .float {
            error("\(what) must be a finite number, but this is '\(node.text ?? "")'", at: node)
        } else {
            error("\(what) must be a number, but this is \(node.kindDescription)", at: node)
        }
        return nil
    }

    func stringList(_ node: YAMLNode, _ what: String) -> [String] {
        guard node.isSequence else {
            error("\(what) must be a list of strings, but this is \(node.kindDescription)", at: node)
            return []
        }
        return node.items.compactMap { string($0, "each entry of \(what)") }
    }

    // MARK: Objects

    /// Walks the fields of an OpenAPI object: known fields go to `handle`, unknown fields get a
    /// warning, missing required fields an error at the mapping. Returns the `x-` extensions, or
    /// `nil` (after an error) when `node` is not a mapping.
    @discardableResult
    func object(
        _ node: YAMLNode,
        _ name: String,
        fields: [String],
        required: [String] = [],
        _ handle: (String, YAMLNode, YAMLNode) -> Void
    ) -> Extensions? {
        guard node.isMapping else {
            error("\(name) must be a mapping, but this is \(node.kindDescription)", at: node)
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
                reportUnknownField(key, keyNode: keyNode, in: name, fields: fields)
                continue
            }
            if let index = required.firstIndex(of: key) { seenRequired[index] = true }
            handle(key, keyNode, value)
        }
        for (index, field) in required.enumerated() where !seenRequired[index] {
            error("\(name) is missing its required field '\(field)'", at: node)
        }
        return extensions
    }

    private func reportUnknownField(_ key: String, keyNode: YAMLNode, in name: String, fields: [String]) {
        if key == "$ref" {
            error("\(name) cannot be a $ref here", at: keyNode)
            return
        }
        var message = "unknown field '\(key)' in \(name); it is ignored"
        if let suggestion = Suggestions.closest(to: key, among: fields) {
            message += " (did you mean '\(suggestion)'?)"
        } else {
            message += " (\(name) has: \(fields.joined(separator: ", ")))"
        }
        warning(message, at: keyNode)
    }

    /// Entries of a mapping whose keys are names (`components/schemas`, `headers`), in order.
    func namedEntries(_ node: YAMLNode, _ what: String) -> [(name: String, keyNode: YAMLNode, value: YAMLNode)] {
        guard node.isMapping else {
            error("\(what) must be a mapping of names to objects, but this is \(node.kindDescription)", at: node)
            return []
        }
        return node.entries.map { ($0.key.text ?? "", $0.key, $0.value) }
    }

    func list(_ node: YAMLNode, _ what: String) -> YAMLNode.Items? {
        guard node.isSequence else {
            error("\(what) must be a list, but this is \(node.kindDescription)", at: node)
            return nil
        }
        return node.items
    }
}

/// "Did you mean" for misspelt field names and missing ref targets.
enum Suggestions {
    static func closest(to word: String, among candidates: some Sequence<String>) -> String? {
        let target = Array(word.lowercased().utf8)
        let limit = max(1, target.count / 3)
        var best: (String, Int)?
        for candidate in candidates {
            guard abs(candidate.utf8.count - target.count) <= limit else { continue }
            let bound = min(limit, (best?.1 ?? .max) - 1)
            if let distance = editDistance(target, Array(candidate.lowercased().utf8), bound: bound) {
                best = (candidate, distance)
            }
        }
        return best?.0
    }

    /// Levenshtein distance if it is at most `bound`, else `nil` (stops as soon as a row exceeds it).
    static func editDistance(_ a: [UInt8], _ b: [UInt8], bound: Int) -> Int? {
        guard bound >= 0, abs(a.count - b.count) <= bound else { return nil }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var previous = Array(0 ... b.count)
        var current = previous
        for i in 1 ... a.count {
            current[0] = i
            var rowMinimum = i
            for j in 1 ... b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                rowMinimum = min(rowMinimum, current[j])
            }
            if rowMinimum > bound { return nil }
            swap(&previous, &current)
        }
        return previous[b.count] <= bound ? previous[b.count] : nil
    }
}
