import LatheDiagnostics

/// An editable copy of a YAML document, for changing it before it is decoded (overlays).
///
/// Every node keeps the source node it was copied from, so the tree made from a draft
/// (`makeTree(path:)`) still reports each node at its own file, line and column: a value an overlay
/// added points into the overlay, everything else into the original file.
public final class YAMLDraft {
    public enum Content {
        case scalar
        case sequence([YAMLDraft])
        case mapping([(key: YAMLNode, value: YAMLDraft)])
    }

    /// The node this one was copied from: its location, and for a scalar its text, type and tag.
    public var origin: YAMLNode
    public var content: Content

    public init(origin: YAMLNode, content: Content) {
        self.origin = origin
        self.content = content
    }

    /// A deep copy of `node`. A subtree shared through aliases is copied at each place it stands.
    public init(_ node: YAMLNode) {
        origin = node
        switch node.kind {
        case .scalar: content = .scalar
        case .sequence: content = .sequence(node.items.map(YAMLDraft.init))
        case .mapping: content = .mapping(node.entries.map { ($0.key, YAMLDraft($0.value)) })
        }
    }

    public var kind: YAMLNode.Kind {
        switch content {
        case .scalar: .scalar
        case .sequence: .sequence
        case .mapping: .mapping
        }
    }

    /// How many nodes the draft holds (mapping keys included), as its tree would.
    public var nodeCount: Int {
        switch content {
        case .scalar: 1
        case .sequence(let items): 1 + items.reduce(0) { $0 + $1.nodeCount }
        case .mapping(let entries): 1 + entries.reduce(0) { $0 + 1 + $1.value.nodeCount }
        }
    }

    /// The value under a scalar key of a mapping.
    public subscript(key: String) -> YAMLDraft? {
        guard case .mapping(let entries) = content else { return nil }
        return entries.first { $0.key.textEquals(key) }?.value
    }

    /// The document as a `YAMLTree` named `path`, each node located in the file it came from.
    public func makeTree(path: String) -> YAMLTree {
        var builder = DraftTreeBuilder()
        let root = builder.emit(self, parent: -1, slot: 0)
        return YAMLTree(
            path: path, records: builder.records, children: builder.children, text: builder.text, tags: builder.tags,
            rootIndex: root, nodeFiles: builder.nodeFiles, files: builder.files)
    }
}

private struct DraftTreeBuilder {
    var records: [NodeRecord] = []
    var children: [Int32] = []
    var text: [UInt8] = []
    var tags: [Int32: String] = [:]
    var nodeFiles: [UInt16] = []
    var files: [String] = []
    var fileIndices: [String: UInt16] = [:]

    mutating func emit(_ draft: YAMLDraft, parent: Int32, slot: Int) -> Int32 {
        switch draft.content {
        case .scalar:
            return emitScalar(draft.origin, parent: parent, slot: slot)
        case .sequence(let items):
            let (index, base) = open(
                draft.origin, kind: .sequence, slots: items.count, count: items.count, parent: parent, slot: slot)
            for (position, item) in items.enumerated() {
                children[base + position] = emit(item, parent: index, slot: position)
            }
            return index
        case .mapping(let entries):
            let (index, base) = open(
                draft.origin, kind: .mapping, slots: 2 * entries.count, count: entries.count, parent: parent, slot: slot
            )
            for (position, entry) in entries.enumerated() {
                children[base + 2 * position] = emitScalar(entry.key, parent: index, slot: position)
                children[base + 2 * position + 1] = emit(entry.value, parent: index, slot: position)
            }
            return index
        }
    }

    /// A collection's record, with its block of child slots reserved so its children stay contiguous.
    private mutating func open(
        _ origin: YAMLNode, kind: YAMLNode.Kind, slots: Int, count: Int, parent: Int32, slot: Int
    ) -> (Int32, Int) {
        let index = append(
            origin, kind: kind, start: UInt32(children.count), count: UInt32(count), parent: parent, slot: slot)
        let base = children.count
        children.append(contentsOf: repeatElement(-1, count: slots))
        return (index, base)
    }

    private mutating func emitScalar(_ node: YAMLNode, parent: Int32, slot: Int) -> Int32 {
        let source = node.record
        let start = UInt32(text.count)
        text.append(contentsOf: node.tree.text[Int(source.start) ..< Int(source.start + source.count)])
        let index = append(node, kind: .scalar, start: start, count: source.count, parent: parent, slot: slot)
        return index
    }

    private mutating func append(
        _ origin: YAMLNode, kind: YAMLNode.Kind, start: UInt32, count: UInt32, parent: Int32, slot: Int
    ) -> Int32 {
        let source = origin.record
        let index = Int32(records.count)
        var record = NodeRecord(
            kind: kind, style: source.style, scalarType: source.scalarType, line: source.line, column: source.column,
            start: start, count: count, parent: parent)
        record.slot = UInt32(slot)
        records.append(record)
        if let tag = origin.tag { tags[index] = tag }
        let file = origin.location.file
        if let known = fileIndices[file] {
            nodeFiles.append(known)
        } else {
            let new = UInt16(files.count)
            files.append(file)
            fileIndices[file] = new
            nodeFiles.append(new)
        }
        return index
    }
}
