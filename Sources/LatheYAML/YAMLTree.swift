import LatheDiagnostics

/// One parsed YAML or JSON file, stored as an arena: a flat array of fixed-size node records,
/// one array of child indices, and one buffer holding all scalar text.
///
/// A file of a hundred thousand nodes costs a few megabytes and no per-node allocation. Aliases
/// are shared subtrees (the alias points at the anchored node's index), never copies, so an
/// alias-heavy document cannot blow up memory; `YAMLReader` also bounds how far aliases expand.
public final class YAMLTree: Sendable {
    /// The file as shown in diagnostics.
    public let path: String
    let records: [NodeRecord]
    /// Children of collections, contiguous per collection. Mappings store key, value, key, value, ….
    let children: [Int32]
    let text: [UInt8]
    /// Explicit tags (`!!str`, `!custom`), by node index; most nodes have none.
    let tags: [Int32: String]
    let rootIndex: Int32
    /// For a tree composed from several files (`YAMLDraft`): each node's file, as an index into
    /// `files`. Empty for a tree read from one file, whose nodes are all in `path`.
    let nodeFiles: [UInt16]
    let files: [String]
    /// What the reader found and read past (a duplicate key, where `readsDuplicateKeys`): errors
    /// with a reading, which the loader reports with the document's own.
    public let findings: [Diagnostic]

    init(
        path: String, records: [NodeRecord], children: [Int32], text: [UInt8], tags: [Int32: String], rootIndex: Int32,
        nodeFiles: [UInt16] = [], files: [String] = [], findings: [Diagnostic] = []
    ) {
        self.findings = findings
        self.path = path
        self.records = records
        self.children = children
        self.text = text
        self.tags = tags
        self.rootIndex = rootIndex
        self.nodeFiles = nodeFiles
        self.files = files
    }

    /// The tree's arrays as buffers, for walks that read many records (a JSON pointer): reading
    /// them through the class costs a retain and a bounds check per access.
    struct Storage {
        let records: UnsafeBufferPointer<NodeRecord>
        let children: UnsafeBufferPointer<Int32>
        let text: UnsafeBufferPointer<UInt8>

        /// `appendLastStep` as a string of its own: a mapping key that needs no escape (nearly
        /// every one) is copied once into it, with no array between (800 instructions a step).
        func lastStep(of index: Int) -> (parent: Int, token: String)? {
            let record = records[index]
            guard record.parent >= 0 else { return nil }
            if let name = keyText(of: record), !Self.needsEscape(name) {
                let token = String(unsafeUninitializedCapacity: name.count + 1) { buffer in
                    buffer[0] = UInt8(ascii: "/")
                    _ = UnsafeMutableBufferPointer(rebasing: buffer[1...]).initialize(from: name)
                    return name.count + 1
                }
                return (Int(record.parent), token)
            }
            var bytes: [UInt8] = []
            guard let parentIndex = appendLastStep(of: index, to: &bytes) else { return nil }
            return (parentIndex, String(decoding: bytes, as: UTF8.self))
        }

        /// Appends node `index`'s token under its parent to `bytes` (`/name` with `~` and `/`
        /// escaped, or `/3` for an item; nothing for a slot past the entries, a `<<` merge key gone
        /// from them) and returns the parent's index; `nil`, appending nothing, at the root.
        func appendLastStep(of index: Int, to bytes: inout [UInt8]) -> Int? {
            let record = records[index]
            guard record.parent >= 0 else { return nil }
            let parentIndex = Int(record.parent)
            let parent = records[parentIndex]
            let slot = Int(record.slot)
            if parent.kind == .sequence {
                bytes.append(UInt8(ascii: "/"))
                bytes.append(contentsOf: String(slot).utf8)
                return parentIndex
            }
            guard parent.kind == .mapping, slot < Int(parent.count) else { return parentIndex }
            bytes.append(UInt8(ascii: "/"))
            guard let name = keyText(of: record) else { return parentIndex }
            // Most names need no escape: one copy, not an append a byte.
            guard Self.needsEscape(name) else {
                bytes.append(contentsOf: name)
                return parentIndex
            }
            for byte in name {
                switch byte {
                case UInt8(ascii: "~"):
                    bytes.append(UInt8(ascii: "~"))
                    bytes.append(UInt8(ascii: "0"))
                case UInt8(ascii: "/"):
                    bytes.append(UInt8(ascii: "~"))
                    bytes.append(UInt8(ascii: "1"))
                default: bytes.append(byte)
                }
            }
            return parentIndex
        }

        /// The text of the key that node `record` (not the root) is the value of, when its parent is
        /// a mapping, its place is among the entries and the key is a scalar.
        private func keyText(of record: NodeRecord) -> UnsafeBufferPointer<UInt8>? {
            let parent = records[Int(record.parent)]
            let slot = Int(record.slot)
            guard parent.kind == .mapping, slot < Int(parent.count) else { return nil }
            let key = records[Int(children[Int(parent.start) + 2 * slot])]
            guard key.kind == .scalar else { return nil }
            return UnsafeBufferPointer(rebasing: text[Int(key.start) ..< Int(key.start + key.count)])
        }

        /// Whether a key holds `~` or `/`, which a pointer's token escapes.
        private static func needsEscape(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
            name.contains { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }
        }
    }

    func withStorage<Result>(_ body: (Storage) -> Result) -> Result {
        records.withUnsafeBufferPointer { records in
            children.withUnsafeBufferPointer { children in
                text.withUnsafeBufferPointer { text in
                    body(Storage(records: records, children: children, text: text))
                }
            }
        }
    }

    /// The file that node `index` was written in.
    @inline(__always) func file(of index: Int32) -> String {
        nodeFiles.isEmpty ? path : files[Int(nodeFiles[Int(index)])]
    }

    /// The document's top node; `nil` for a file with no document in it.
    public var root: YAMLNode? {
        rootIndex < 0 ? nil : YAMLNode(tree: self, index: rootIndex)
    }

    /// How many nodes the file holds (aliases counted once).
    public var nodeCount: Int { records.count }

    /// Whether an alias (or a merge key) makes some node stand in more than one place. Looks at
    /// every node: ask once.
    public var hasSharedNodes: Bool { records.contains { $0.isShared } }

    /// The mappings that hold the scalar key `key`, in the order of the tree's records. Looks at
    /// every node: ask once.
    public func mappings(withKey key: String) -> [YAMLNode] {
        var found: [YAMLNode] = []
        for (index, record) in records.enumerated() where record.kind == .mapping {
            if value(in: Int32(index), forKey: key) != nil { found.append(YAMLNode(tree: self, index: Int32(index))) }
        }
        return found
    }

    func textEquals(_ index: Int32, _ string: String) -> Bool {
        let record = records[Int(index)]
        guard record.kind == .scalar else { return false }
        let utf8 = string.utf8
        guard utf8.count == Int(record.count) else { return false }
        return text.withUnsafeBufferPointer { buffer in
            let start = Int(record.start)
            if let equal = utf8.withContiguousStorageIfAvailable({ key in
                memcmpEqual(buffer.baseAddress! + start, key.baseAddress!, key.count)
            }) {
                return equal
            }
            return zip(buffer[start...], utf8).allSatisfy { $0 == $1 }
        }
    }

    func value(in mapping: Int32, forKey key: String) -> Int32? {
        let record = records[Int(mapping)]
        guard record.kind == .mapping else { return nil }
        let start = Int(record.start)
        for pair in 0 ..< Int(record.count) where textEquals(children[start + 2 * pair], key) {
            return children[start + 2 * pair + 1]
        }
        return nil
    }
}

extension YAMLTree {
    /// The first difference from `other`, or `nil` when the two are the same in every record, child,
    /// byte of text, tag and root: how tests and the fuzzer hold `JSONTreeReader` to libyaml's tree.
    @_spi(Testing) public func difference(from other: YAMLTree) -> String? {
        if path != other.path { return "paths \(path), \(other.path)" }
        if rootIndex != other.rootIndex { return "roots \(rootIndex), \(other.rootIndex)" }
        if records.count != other.records.count { return "record counts \(records.count), \(other.records.count)" }
        for (index, (x, y)) in zip(records, other.records).enumerated() {
            let same =
                x.kind == y.kind && x.style == y.style && x.scalarType == y.scalarType && x.isShared == y.isShared
                && x.line == y.line && x.column == y.column && x.start == y.start && x.count == y.count
                && x.parent == y.parent && x.slot == y.slot
            if !same { return "record \(index): \(x) against \(y)" }
        }
        if children != other.children { return "children" }
        if text != other.text { return "text" }
        if tags != other.tags { return "tags" }
        if nodeFiles != other.nodeFiles || files != other.files { return "files" }
        return nil
    }
}

@inline(__always)
private func memcmpEqual(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ count: Int) -> Bool {
    for i in 0 ..< count where a[i] != b[i] {
        return false
    }
    return true
}

struct NodeRecord: Sendable {
    var kind: YAMLNode.Kind
    var style: UInt8
    var scalarType: YAMLScalarType
    /// Whether an alias points at this node, so it stands in more than one place.
    var isShared = false
    var line: UInt32
    var column: UInt32
    /// Scalars: offset into `text`. Collections: offset into `children`.
    var start: UInt32
    /// Scalars: byte length. Sequences: item count. Mappings: entry count (pairs).
    var count: UInt32
    /// The node's first parent, for computing JSON pointers; -1 at the root.
    var parent: Int32
    /// Where the node stands in that parent: the item index, or the entry index for a key or value.
    var slot: UInt32 = 0
}

/// A node of a `YAMLTree`: cheap to copy, it is the tree and an index.
public struct YAMLNode: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: UInt8, Sendable {
        case scalar, sequence, mapping
    }

    public let tree: YAMLTree
    let index: Int32

    init(tree: YAMLTree, index: Int32) {
        self.tree = tree
        self.index = index
    }

    @inline(__always) var record: NodeRecord { tree.records[Int(index)] }

    public var kind: Kind { record.kind }
    public var isScalar: Bool { kind == .scalar }
    public var isMapping: Bool { kind == .mapping }
    public var isSequence: Bool { kind == .sequence }

    public var location: SpecLocation {
        let record = record
        return SpecLocation(file: tree.file(of: index), line: Int(record.line), column: Int(record.column))
    }

    /// The explicit tag written in the source (`!!str`, `!foo`), if any, in its full form.
    public var tag: String? { tree.tags[index] }

    // MARK: Scalars

    /// The scalar's text exactly as the source spells it (after YAML unescaping), or `nil` for a collection.
    public var text: String? {
        let record = record
        guard record.kind == .scalar else { return nil }
        return tree.text.withUnsafeBufferPointer { buffer in
            String(
                decoding: UnsafeBufferPointer(rebasing: buffer[Int(record.start) ..< Int(record.start + record.count)]),
                as: UTF8.self)
        }
    }

    /// Calls `body` with a scalar's text as UTF-8 (what `text` decodes), without making a
    /// `String`; `nil` for a collection. The buffer is valid only inside `body`.
    public func withTextBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result? {
        let record = record
        guard record.kind == .scalar else { return nil }
        return tree.text.withUnsafeBufferPointer { buffer in
            body(UnsafeBufferPointer(rebasing: buffer[Int(record.start) ..< Int(record.start + record.count)]))
        }
    }

    /// How the scalar was written: plain, single-quoted, double-quoted, literal or folded.
    public var scalarStyle: YAMLScalarStyle? {
        let record = record
        guard record.kind == .scalar else { return nil }
        return YAMLScalarStyle(rawValue: record.style)
    }

    /// The scalar's type under the YAML 1.2 core schema (explicit tags win): `200` is an int, `yes` a string.
    public var scalarType: YAMLScalarType? {
        let record = record
        return record.kind == .scalar ? record.scalarType : nil
    }

    /// Compares a scalar's text with `string` without making a `String`.
    public func textEquals(_ string: String) -> Bool {
        tree.textEquals(index, string)
    }

    /// Whether the scalar's text starts with `prefix` (used for `x-` extension keys).
    public func textHasPrefix(_ prefix: StaticString) -> Bool {
        let record = record
        guard record.kind == .scalar, Int(record.count) >= prefix.utf8CodeUnitCount else { return false }
        let start = Int(record.start)
        for i in 0 ..< prefix.utf8CodeUnitCount where tree.text[start + i] != prefix.utf8Start[i] {
            return false
        }
        return true
    }

    // MARK: Collections

    /// Items of a sequence (empty for other kinds).
    public var items: Items { Items(node: self) }

    /// Entries of a mapping in document order, merge keys (`<<`) already applied (empty for other kinds).
    public var entries: Entries { Entries(node: self) }

    /// Number of items or entries; 0 for scalars.
    public var count: Int {
        let record = record
        return record.kind == .scalar ? 0 : Int(record.count)
    }

    /// The value for a scalar key in a mapping, or `nil`. Linear in the mapping's size: for repeated
    /// lookups in large mappings, build a dictionary once.
    public subscript(key: String) -> YAMLNode? {
        tree.value(in: index, forKey: key).map { YAMLNode(tree: tree, index: $0) }
    }

    /// The node that first contained this one, or `nil` at the root.
    public var parent: YAMLNode? {
        let parent = record.parent
        return parent < 0 ? nil : YAMLNode(tree: tree, index: parent)
    }

    /// Whether an alias refers to this node, so the same node stands in more than one place.
    public var isShared: Bool { record.isShared }

    /// The JSON pointer of this node within its file (`/paths/~1pets/get`), through its first parent.
    /// Costs one step per level of nesting: the nodes from this one up are listed, then their steps
    /// appended root first into one buffer. (Reversing each step where it was appended, leaf first,
    /// copied a slice a step: 7,400 instructions a pointer, and IR sources ask for thousands.)
    public var pointer: String {
        tree.withStorage { storage in
            var path: [Int32] = []
            var current = index
            while true {
                let parent = storage.records[Int(current)].parent
                guard parent >= 0 else { break }
                path.append(current)
                current = parent
            }
            var bytes: [UInt8] = []
            for node in path.reversed() { _ = storage.appendLastStep(of: Int(node), to: &bytes) }
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    /// The last step of `pointer`: the parent and this node's token under it (`/name`, escaped), so
    /// that `pointer` is the parent's pointer followed by the token; `nil` at the root. The nodes
    /// under one parent can then share the parent's pointer.
    public var pointerStep: (parent: YAMLNode, token: String)? {
        guard let (parent, token) = tree.withStorage({ $0.lastStep(of: Int(index)) }) else { return nil }
        return (YAMLNode(tree: tree, index: Int32(parent)), token)
    }

    /// `text`, made once for all the scalars of 16 to 64 bytes with the same text in this tree
    /// (shorter strings are stored inline anyway): see `SharedTexts`.
    public func text(sharingWith shared: inout SharedTexts) -> String? {
        let record = record
        guard record.kind == .scalar else { return nil }
        // Up to 15 bytes a string is stored inline; descriptions and the like rarely repeat.
        guard record.count > 15, record.count <= RepeatedScalars.longest else { return text }
        let key = SharedTexts.Key(tree: ObjectIdentifier(tree), start: record.start, count: record.count)
        if let known = shared.strings[key] { return known }
        let made = text
        shared.strings[key] = made
        return made
    }

    /// The scalar read as a YAML 1.2 boolean, or `nil` when it is not one.
    public var boolValue: Bool? {
        guard scalarType == .bool else { return nil }
        return textEquals("true") || textEquals("True") || textEquals("TRUE")
    }

    public static func == (lhs: YAMLNode, rhs: YAMLNode) -> Bool {
        lhs.tree === rhs.tree && lhs.index == rhs.index
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(ObjectIdentifier(tree))
        hasher.combine(index)
    }

    public var description: String {
        switch kind {
        case .scalar: "scalar \(text ?? "") at \(location)"
        case .sequence: "sequence of \(count) at \(location)"
        case .mapping: "mapping of \(count) at \(location)"
        }
    }

    /// A word for the node's kind as users say it, for messages like "expected a mapping, found a sequence".
    public var kindDescription: String {
        switch kind {
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        case .scalar:
            switch record.scalarType {
            case .null: return "null"
            case .bool: return "a boolean"
            case .int: return "an integer"
            case .float: return "a number"
            case .string: return "a string"
            }
        }
    }

    public struct Items: RandomAccessCollection, Sendable {
        let node: YAMLNode
        public var startIndex: Int { 0 }
        public var endIndex: Int { node.kind == .sequence ? Int(node.record.count) : 0 }
        public subscript(position: Int) -> YAMLNode {
            YAMLNode(tree: node.tree, index: node.tree.children[Int(node.record.start) + position])
        }
    }

    public struct Entries: RandomAccessCollection, Sendable {
        let node: YAMLNode
        public var startIndex: Int { 0 }
        public var endIndex: Int { node.kind == .mapping ? Int(node.record.count) : 0 }
        public subscript(position: Int) -> (key: YAMLNode, value: YAMLNode) {
            let base = Int(node.record.start) + 2 * position
            let children = node.tree.children
            return (
                YAMLNode(tree: node.tree, index: children[base]), YAMLNode(tree: node.tree, index: children[base + 1])
            )
        }
    }
}

/// JSON pointer (RFC 6901) helpers, shared by diagnostics and `$ref` resolution.
public enum JSONPointer {
    public enum ParseError: Error, Equatable {
        /// Not empty and not starting with `/` (a plain-name fragment such as `#Pet`).
        case notAPointer
        /// A `~` not followed by 0 or 1, in the given token.
        case badEscape(String)
    }

    /// Escapes one reference token: `~` → `~0`, `/` → `~1`. By code points, as RFC 6901 says (and as
    /// `YAMLNode.pointer` and `tokens` work, on bytes): a `/` followed by a combining mark is still a `/`.
    public static func escape(_ token: String) -> String {
        guard token.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }) else { return token }
        var escaped = ""
        for scalar in token.unicodeScalars {
            switch scalar {
            case "~": escaped += "~0"
            case "/": escaped += "~1"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    /// The pointer made of these (unescaped) tokens.
    public static func pointer(_ tokens: some Sequence<String>) -> String {
        tokens.map { "/" + escape($0) }.joined()
    }

    /// Splits a pointer (`/components/schemas/a~1b`) into unescaped tokens; the empty pointer is the whole document.
    /// On the pointer's bytes: splitting its `utf8` view as a collection cost 9,500 instructions a
    /// pointer, for the thousand references of a large spec.
    public static func tokens(_ pointer: String) throws(ParseError) -> [String] {
        if pointer.isEmpty { return [] }
        // By characters: a `/` that a combining mark follows is another character, not a pointer's start.
        guard pointer.hasPrefix("/") else { throw .notAPointer }
        var pointer = pointer
        var tokens: [String] = []
        var badToken: String?
        pointer.withUTF8 { bytes in
            var start = 1
            for end in 1 ... bytes.count where end == bytes.count || bytes[end] == UInt8(ascii: "/") {
                // `/` is ASCII, so each token is whole UTF-8.
                let rawBytes = UnsafeBufferPointer(rebasing: bytes[start ..< end])
                let raw = String(decoding: rawBytes, as: UTF8.self)
                start = end + 1
                guard rawBytes.contains(UInt8(ascii: "~")) else {
                    tokens.append(raw)
                    continue
                }
                guard let token = unescape(Substring(raw)) else {
                    badToken = raw
                    return
                }
                tokens.append(token)
            }
        }
        if let badToken { throw .badEscape(badToken) }
        return tokens
    }

    /// Unescapes one token, or `nil` when a `~` is not followed by 0 or 1 (by code points, like `escape`).
    public static func unescape(_ token: Substring) -> String? {
        guard token.utf8.contains(UInt8(ascii: "~")) else { return String(token) }
        var result = ""
        var iterator = token.unicodeScalars.makeIterator()
        while let scalar = iterator.next() {
            guard scalar == "~" else {
                result.unicodeScalars.append(scalar)
                continue
            }
            switch iterator.next() {
            case "0": result += "~"
            case "1": result += "/"
            default: return nil
            }
        }
        return result
    }
}

/// The strings made from short scalars, so that a decoded document holds one string for each text
/// rather than one for each time it is written: a spec repeats its `$ref`s, media types and
/// header names hundreds of times (Discord: 640 KB of strings, 200 KB of distinct ones). Scalars
/// with the same bytes nearly always share their place in the tree's text (`RepeatedScalars`), so
/// the place is the key (one left unshared gets a string of its own, equal to the other).
public struct SharedTexts {
    struct Key: Hashable {
        let tree: ObjectIdentifier
        let start: UInt32
        let count: UInt32
    }
    var strings: [Key: String] = [:]

    public init() {}
}
