internal import CYAML
import LatheDiagnostics

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns libyaml's event stream into a `YAMLTree`, one event at a time, with an explicit stack.
struct TreeBuilder {
    private struct OpenCollection {
        var index: Int32
        var isMapping: Bool
        var anchor: String?
        var children: [Int32] = []
        /// How many nodes this collection expands to, counting what aliases point at.
        var expandedSize: UInt64 = 1
        var hasMergeKey = false
        /// Height of the tallest child so far.
        var childHeight: UInt16 = 0
        /// Hashes of the keys seen so far, once a mapping grows past linear scanning.
        var keyHashes: Set<Int>? = nil
        /// Where the value of a key said again goes (`readsDuplicateKeys`): the first value's place.
        var duplicateValuePosition: Int? = nil
    }

    let path: String
    let reader: YAMLReader
    /// Set when libyaml reads a rewritten copy of the file (`JSONAdapter`), to give the file's columns.
    let sourceMap: SourceMap?
    private var records: [NodeRecord] = []
    private var children: [Int32] = []
    private var text: [UInt8] = []
    /// Short scalars already in `text`: a repeated one is stored once.
    private var repeatedScalars = RepeatedScalars()
    private var tags: [Int32: String] = [:]
    /// Expanded size per node, so an alias adds what its anchor expands to.
    private var expandedSizes: [UInt64] = []
    /// Height of each node's subtree (a scalar is 0), so an alias cannot nest deeper than the limit.
    private var heights: [UInt16] = []
    private var anchors: [String: Int32] = [:]
    /// Every node an anchor named, also those whose name a later anchor took.
    private var anchoredNodes = Set<Int32>()
    private var stack: [OpenCollection] = []
    private var root: Int32 = -1
    private var documentCount = 0
    /// Duplicate keys read past (`readsDuplicateKeys`).
    private var findings: [Diagnostic] = []

    init(path: String, reader: YAMLReader, sourceSize: Int, sourceMap: SourceMap? = nil) {
        self.path = path
        self.reader = reader
        self.sourceMap = sourceMap
        // Sized from the file so they never grow by copying: scalar text is never longer than the
        // source, and specs average 25 to 30 bytes a node. Pages never touched cost no memory.
        let nodes = sourceSize / 12 + 16
        records.reserveCapacity(nodes)
        expandedSizes.reserveCapacity(nodes)
        heights.reserveCapacity(nodes)
        text.reserveCapacity(sourceSize)
    }

    mutating func handle(_ event: yaml_event_t) throws(Diagnostic) {
        let location = YAMLReader.location(of: event.start_mark, path: path, sourceMap: sourceMap)
        switch event.type {
        case YAML_DOCUMENT_START_EVENT:
            documentCount += 1
            if documentCount > 1 {
                throw .error(
                    "the file holds more than one YAML document; "
                        + "an OpenAPI description is one document (remove this '---' and what follows, "
                        + "or split the file)",
                    at: location)
            }
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            let tag = scalar.tag.map { String(cString: $0) }
            let bytes = UnsafeBufferPointer(start: scalar.value, count: Int(scalar.length))
            let type = try scalarType(bytes: bytes, style: scalar.style, tag: tag, location: location)
            let index = newRecord(
                .scalar, style: UInt8(truncatingIfNeeded: scalar.style.rawValue), scalarType: type, location: location,
                start: repeatedScalars.start(of: bytes, storingInto: &text), count: UInt32(bytes.count))
            if let tag { tags[index] = tag }
            expandedSizes.append(1)
            heights.append(0)
            try anchor(scalar.anchor, to: index)
            try add(index, expandedSize: 1, location: location)
        case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
            let isMapping = event.type == YAML_MAPPING_START_EVENT
            if stack.count >= reader.maximumDepth {
                throw .error(
                    "nesting is deeper than \(reader.maximumDepth) levels; no OpenAPI document needs this, "
                        + "so Lathe stops reading here",
                    at: location)
            }
            let (anchorPointer, tagPointer) =
                isMapping
                ? (event.data.mapping_start.anchor, event.data.mapping_start.tag)
                : (event.data.sequence_start.anchor, event.data.sequence_start.tag)
            let index = newRecord(
                isMapping ? .mapping : .sequence, style: 0, scalarType: .null, location: location, start: 0, count: 0)
            expandedSizes.append(1)
            heights.append(0)
            if let tagPointer { tags[index] = String(cString: tagPointer) }
            stack.append(
                OpenCollection(index: index, isMapping: isMapping, anchor: anchorPointer.map { String(cString: $0) }))
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            var collection = stack.removeLast()
            let index = collection.index
            if collection.isMapping, collection.hasMergeKey {
                let written = collection.children
                collection.children = try applyMergeKeys(written)
                // A node's slot is its place among the entries, which merging renumbers: the `<<`
                // entries leave (their nodes then stand for the mapping itself) and merged ones
                // come in. Merged nodes keep their first parent, the anchored mapping.
                for node in written where records[Int(node)].parent == index {
                    records[Int(node)].slot = UInt32.max
                }
                for (position, node) in collection.children.enumerated() where records[Int(node)].parent == index {
                    records[Int(node)].slot = UInt32(position / 2)
                }
            }
            records[Int(index)].start = UInt32(children.count)
            records[Int(index)].count = UInt32(
                collection.isMapping ? collection.children.count / 2 : collection.children.count)
            children.append(contentsOf: collection.children)
            expandedSizes[Int(index)] = collection.expandedSize
            heights[Int(index)] = collection.childHeight + 1
            if let name = collection.anchor {
                anchors[name] = index
                anchoredNodes.insert(index)
            }
            try add(index, expandedSize: collection.expandedSize, location: records[Int(index)].location(path))
        case YAML_ALIAS_EVENT:
            let name = String(cString: event.data.alias.anchor)
            guard let target = anchors[name] else {
                if stack.contains(where: { $0.anchor == name }) {
                    throw .error(
                        "alias '*\(name)' refers to a node that contains it; recursive aliases cannot be expanded",
                        at: location)
                }
                throw .error("alias '*\(name)' refers to no anchor; define '&\(name)' before using it", at: location)
            }
            if stack.count + Int(heights[Int(target)]) > reader.maximumDepth {
                throw .error(
                    "through alias '*\(name)' the document nests deeper than \(reader.maximumDepth) levels; "
                        + "no OpenAPI document needs this, so Lathe stops reading here",
                    at: location)
            }
            records[Int(target)].isShared = true
            try add(target, expandedSize: expandedSizes[Int(target)], location: location)
        default:
            break
        }
    }

    mutating func finish() throws(Diagnostic) -> YAMLTree {
        if root < 0 {
            throw .error(
                "the file holds no YAML document (only whitespace or comments); expected an OpenAPI document",
                at: SpecLocation(file: path, line: 1, column: 1))
        }
        return YAMLTree(
            path: path, records: records, children: children, text: text, tags: tags, rootIndex: root,
            findings: findings)
    }

    // MARK: Building

    private mutating func newRecord(
        _ kind: YAMLNode.Kind, style: UInt8, scalarType: YAMLScalarType, location: SpecLocation, start: UInt32,
        count: UInt32
    ) -> Int32 {
        records.append(
            NodeRecord(
                kind: kind, style: style, scalarType: scalarType, line: UInt32(location.line),
                column: UInt32(location.column), start: start, count: count, parent: -1))
        return Int32(records.count - 1)
    }

    private mutating func anchor(_ pointer: UnsafeMutablePointer<yaml_char_t>?, to index: Int32) throws(Diagnostic) {
        guard let pointer else { return }
        anchors[String(cString: pointer)] = index
        anchoredNodes.insert(index)
    }

    /// Adds a finished node (or an alias's target) to the open collection, or makes it the root.
    private mutating func add(_ index: Int32, expandedSize: UInt64, location: SpecLocation) throws(Diagnostic) {
        guard !stack.isEmpty else {
            root = index
            return
        }
        let top = stack.count - 1
        // Placed here, not an alias of a node placed elsewhere.
        let isAdopted = records[Int(index)].parent < 0
        if isAdopted {
            records[Int(index)].parent = stack[top].index
            let position = stack[top].children.count
            records[Int(index)].slot = UInt32(stack[top].isMapping ? position / 2 : position)
        }
        stack[top].childHeight = max(stack[top].childHeight, heights[Int(index)])
        if stack[top].isMapping, let position = stack[top].duplicateValuePosition {
            // The value of a key said again: in the first value's place, which the first key names.
            stack[top].duplicateValuePosition = nil
            if isAdopted { records[Int(index)].slot = UInt32(position / 2) }
            stack[top].children[position] = index
        } else if stack[top].isMapping, stack[top].children.count % 2 == 0,
            let first = try checkKey(index, in: top, location: location)
        {
            // Among the keys only: an alias may make one node a key and a value.
            let entries = stack[top].children
            let position = stride(from: 0, to: entries.count, by: 2).first { entries[$0] == first }!
            // Read past (`readsDuplicateKeys`): the key is left out, and its value replaces the first.
            // A first value placed here that holds an anchor stays an error: an alias to what it
            // anchors would name the place the value leaves. (An alias leaves nothing behind.)
            let value = entries[position + 1]
            let isPlacedHere =
                records[Int(value)].parent == stack[top].index && records[Int(value)].slot == UInt32(position / 2)
            guard reader.readsDuplicateKeys, !(isPlacedHere && holdsAnchor(value)) else {
                throw duplicateKey(index, first: first, readAs: nil)
            }
            findings.append(duplicateKey(index, first: first, readAs: "Lathe reads the last value, as JSON parsers do"))
            stack[top].duplicateValuePosition = position + 1
        } else {
            if stack[top].isMapping, stack[top].children.count % 2 == 1, stack[top].hasMergeKey,
                isMergeKey(stack[top].children[stack[top].children.count - 1])
            {
                try checkMergeValue(index, location: location)
            }
            stack[top].children.append(index)
        }
        let (sum, overflow) = stack[top].expandedSize.addingReportingOverflow(expandedSize)
        stack[top].expandedSize = overflow ? .max : sum
        let limit = aliasExpansionLimit
        if stack[top].expandedSize > limit {
            throw .error(
                "aliases here expand the document past \(limit) nodes (an alias expansion bomb); "
                    + "Lathe refuses to expand it",
                at: location)
        }
    }

    /// Aliases may expand a document to ten times the nodes it holds, plus a fixed allowance.
    private var aliasExpansionLimit: UInt64 {
        reader.maximumAliasExpansion + 10 * UInt64(records.count)
    }

    /// Whether an anchor names `node` (placed in its parent, not an alias) or a node it holds: they
    /// are numbered in document order, from `node` to the last it holds.
    private func holdsAnchor(_ node: Int32) -> Bool {
        func lastHeld(by node: Int32) -> Int32 {
            let record = records[Int(node)]
            guard record.kind != .scalar else { return node }
            let count = Int(record.kind == .mapping ? record.count * 2 : record.count)
            var last = node
            for child in children[Int(record.start) ..< Int(record.start) + count]
            where records[Int(child)].parent == node {
                last = max(last, lastHeld(by: child))
            }
            return last
        }
        let held = node ... lastHeld(by: node)
        return anchoredNodes.contains { held.contains($0) }
    }

    /// Checks a mapping's key; returns the first key with its text when it is said again.
    private mutating func checkKey(_ key: Int32, in top: Int, location: SpecLocation) throws(Diagnostic) -> Int32? {
        let record = records[Int(key)]
        guard record.kind == .scalar else {
            throw .error(
                "mapping keys must be plain text; this key is \(record.kind == .mapping ? "a mapping" : "a list")",
                at: location)
        }
        if isMergeKey(key) {
            stack[top].hasMergeKey = true
            return nil
        }
        // Keys are the same when their bytes are (not when Swift's `==` finds their texts
        // canonically equivalent), at any size of mapping and in `JSONTreeReader` alike.
        // Taken out while in use, so that the set is not copied to insert into it.
        var hashes = stack[top].keyHashes.take()
        let first = firstKey(
            equalTo: key, in: stack[top].children[...], hashes: &hashes, records: records, text: text,
            ignoring: { self.isMergeKey($0) })
        stack[top].keyHashes = hashes
        return first
    }

    /// The error for a key said again; with `reading`, one the loader reads past.
    private func duplicateKey(_ key: Int32, first: Int32, readAs reading: String?) -> Diagnostic {
        let firstRecord = records[Int(first)]
        var diagnostic = Diagnostic.error(
            "duplicate key '\(string(key))' in this mapping (first defined at line \(firstRecord.line), "
                + "column \(firstRecord.column)); YAML and JSON keys must be unique",
            at: records[Int(key)].location(path))
        if let reading {
            diagnostic.kind = "duplicate-key"
            diagnostic.reading = reading
        }
        return diagnostic
    }

    private func isMergeKey(_ index: Int32) -> Bool {
        let record = records[Int(index)]
        return record.kind == .scalar && record.count == 2 && record.style == UInt8(YAML_PLAIN_SCALAR_STYLE.rawValue)
            && text[Int(record.start)] == UInt8(ascii: "<") && text[Int(record.start) + 1] == UInt8(ascii: "<")
            && tags[index] == nil
    }

    private func checkMergeValue(_ value: Int32, location: SpecLocation) throws(Diagnostic) {
        let message = "the merge key '<<' takes a mapping or a list of mappings (usually '*anchor')"
        switch records[Int(value)].kind {
        case .mapping: return
        case .scalar: throw .error(message, at: location)
        case .sequence:
            for source in collectionChildren(value) where records[Int(source)].kind != .mapping {
                throw .error(message, at: records[Int(source)].location(path))
            }
        }
    }

    /// Replaces each `<<` entry by the entries of the mapping(s) it names, where this mapping does not
    /// set the key itself; earlier sources win over later ones, as the YAML merge spec says.
    private func applyMergeKeys(_ pairs: [Int32]) throws(Diagnostic) -> [Int32] {
        var explicit = Set<String>()
        for i in stride(from: 0, to: pairs.count, by: 2) where !isMergeKey(pairs[i]) {
            explicit.insert(string(pairs[i]))
        }
        var merged: [Int32] = []
        var taken = explicit
        for i in stride(from: 0, to: pairs.count, by: 2) {
            guard isMergeKey(pairs[i]) else {
                merged.append(pairs[i])
                merged.append(pairs[i + 1])
                continue
            }
            let value = pairs[i + 1]
            let sources = records[Int(value)].kind == .sequence ? collectionChildren(value) : [value]
            for source in sources {
                let sourcePairs = collectionChildren(source)
                for j in stride(from: 0, to: sourcePairs.count, by: 2)
                where taken.insert(string(sourcePairs[j])).inserted {
                    merged.append(sourcePairs[j])
                    merged.append(sourcePairs[j + 1])
                }
            }
        }
        return merged
    }

    private func collectionChildren(_ index: Int32) -> [Int32] {
        let record = records[Int(index)]
        let count = record.kind == .mapping ? Int(record.count) * 2 : Int(record.count)
        return Array(children[Int(record.start) ..< Int(record.start) + count])
    }

    private func string(_ index: Int32) -> String {
        let record = records[Int(index)]
        return String(decoding: text[Int(record.start) ..< Int(record.start + record.count)], as: UTF8.self)
    }

    private func scalarType(
        bytes: UnsafeBufferPointer<UInt8>, style: yaml_scalar_style_t, tag: String?, location: SpecLocation
    ) throws(Diagnostic) -> YAMLScalarType {
        if let tag, tag != "!" {
            if let tagged = ScalarResolver.typeForTag(tag) {
                let natural = ScalarResolver.resolvePlain(bytes)
                let fits = tagged == .string || natural == tagged || (tagged == .float && natural == .int)
                if !fits {
                    throw .error(
                        "the value '\(String(decoding: bytes, as: UTF8.self))' does not fit its tag '\(tag)'",
                        at: location)
                }
                return tagged
            }
            // An application tag (`!foo`): resolve by content, keep the tag for whoever understands it.
        }
        if tag == "!" || style != YAML_PLAIN_SCALAR_STYLE { return .string }
        return ScalarResolver.resolvePlain(bytes)
    }
}

/// The first of a mapping's keys (at the even places of `entries`) with the bytes of `key`, leaving
/// out those `ignoring` names (YAML's `<<`): compared one by one while the mapping is small, then
/// through seeded hashes of their bytes, kept in `hashes` from then on. Both readers find a
/// duplicate key this way.
@inline(__always)
func firstKey(
    equalTo key: Int32, in entries: ArraySlice<Int32>, hashes: inout Set<Int>?, records: [NodeRecord], text: [UInt8],
    ignoring isIgnored: (Int32) -> Bool = { _ in false }
) -> Int32? {
    let keyRecord = records[Int(key)]
    func search() -> Int32? {
        for i in stride(from: entries.startIndex, to: entries.endIndex, by: 2)
        where sameText(records[Int(entries[i])], keyRecord, in: text) && !isIgnored(entries[i]) {
            return entries[i]
        }
        return nil
    }
    if hashes == nil, entries.count < 32 { return search() }
    if hashes == nil {
        var earlier = Set<Int>()
        for i in stride(from: entries.startIndex, to: entries.endIndex, by: 2) where !isIgnored(entries[i]) {
            earlier.insert(scalarHash(records[Int(entries[i])], in: text))
        }
        hashes = earlier
    }
    // A hash met before may be a collision: only then are the texts compared.
    return hashes!.insert(scalarHash(keyRecord, in: text)).inserted ? nil : search()
}

/// Whether two scalars have the same bytes (equal ones of up to `RepeatedScalars.longest` bytes
/// usually share them, which answers at once).
func sameText(_ a: NodeRecord, _ b: NodeRecord, in text: [UInt8]) -> Bool {
    guard a.count == b.count else { return false }
    if a.start == b.start { return true }
    return text.withUnsafeBufferPointer {
        memcmp($0.baseAddress! + Int(a.start), $0.baseAddress! + Int(b.start), Int(a.count)) == 0
    }
}

/// A seeded hash of a scalar's bytes: `Hasher`, so that no file can be written whose keys all collide.
func scalarHash(_ record: NodeRecord, in text: [UInt8]) -> Int {
    var hasher = Hasher()
    text.withUnsafeBytes { text in
        hasher.combine(
            bytes: UnsafeRawBufferPointer(rebasing: text[Int(record.start) ..< Int(record.start + record.count)]))
    }
    return hasher.finalize()
}

extension NodeRecord {
    func location(_ path: String) -> SpecLocation {
        SpecLocation(file: path, line: Int(line), column: Int(column))
    }
}

/// The short scalars of a tree's text, found by their bytes, so that a repeated one is stored once:
/// keys (`type`, `description`) and `$ref`s repeat throughout a spec, and are three quarters of its
/// scalar bytes (Discord: 352 KB of 467 KB). Records only ever read their text by start and count,
/// so two of them can share it; one that is not shared costs its bytes, never a wrong text.
///
/// Open addressing over an unseeded hash, with at most `maximumProbes` slots looked at for a
/// scalar: a file written so that its scalars' hashes collide makes them be stored apart, in
/// linear time, rather than piled onto one run of slots that every later scalar walks (which made
/// reading quadratic). `Hasher`, seeded, guarded against that too, at 230 instructions a scalar:
/// 2% of generating Square.
struct RepeatedScalars {
    /// Longer scalars (descriptions) rarely repeat, and are appended as they come.
    static let longest = 64
    /// Slots looked at before a scalar is stored without being entered. At three quarters full, a
    /// search in a table of uniform hashes looks at 2.5 slots on average for a scalar it holds and
    /// 8.5 for a new one; in the corpus, fewer than 400 bytes of Square's 1.1 MB of text went
    /// unshared at this bound, none of Twilio's or Discord's.
    static let maximumProbes = 64
    /// Each slot: the scalar's start in the text (high half) and its length + 1 (low half); 0 is empty.
    private var slots = [UInt64](repeating: 0, count: 1 << 10)
    private var used = 0
    /// For tests: every scalar hashes alike, as in a file crafted to collide.
    var hashesAlike = false
    /// For tests: slots looked at so far.
    private(set) var probes = 0

    /// Where `bytes` start in `text`: an earlier copy's start, or the end of `text` after appending them.
    mutating func start(of bytes: UnsafeBufferPointer<UInt8>, storingInto text: inout [UInt8]) -> UInt32 {
        let start = text.count
        guard bytes.count <= Self.longest else {
            text.append(contentsOf: bytes)
            return UInt32(start)
        }
        let mask = slots.count - 1
        var slot = home(of: bytes, mask: mask)
        let entry = UInt64(bytes.count + 1)
        for _ in 0 ..< Self.maximumProbes {
            probes += 1
            let occupant = slots[slot]
            if occupant == 0 {
                text.append(contentsOf: bytes)
                slots[slot] = UInt64(start) << 32 | entry
                used += 1
                if used * 4 > slots.count * 3 { grow(text) }
                return UInt32(start)
            }
            let earlier = Int(occupant >> 32)
            if occupant & 0xFFFF_FFFF == entry
                && text.withUnsafeBufferPointer({ text in
                    // `memcmp`: the generic `elementsEqual` went byte by byte, 1% of generating Square.
                    bytes.isEmpty || memcmp(bytes.baseAddress!, text.baseAddress! + earlier, bytes.count) == 0
                })
            {
                return UInt32(earlier)
            }
            slot = (slot + 1) & mask
        }
        text.append(contentsOf: bytes)
        return UInt32(start)
    }

    private mutating func grow(_ text: [UInt8]) {
        var larger = [UInt64](repeating: 0, count: slots.count * 2)
        let mask = larger.count - 1
        used = 0
        text.withUnsafeBufferPointer { text in
            for entry in slots where entry != 0 {
                let start = Int(entry >> 32)
                let count = Int(entry & 0xFFFF_FFFF) - 1
                var slot = home(of: UnsafeBufferPointer(rebasing: text[start ..< start + count]), mask: mask)
                // Past the bound the entry is left out: later copies are stored apart.
                for _ in 0 ..< Self.maximumProbes {
                    if larger[slot] == 0 {
                        larger[slot] = entry
                        used += 1
                        break
                    }
                    slot = (slot + 1) & mask
                }
            }
        }
        slots = larger
    }

    /// The first slot to look at for `bytes` in a table of `mask + 1` slots.
    private func home(of bytes: UnsafeBufferPointer<UInt8>, mask: Int) -> Int {
        hashesAlike ? 0 : Int(truncatingIfNeeded: Self.hash(bytes)) & mask
    }

    /// Eight bytes at a time, each word multiplied in and folded (the constants are MurmurHash3's
    /// and SplitMix64's finalizers); the last word overlaps the one before, and fewer than eight
    /// bytes are read as two overlapping halves, so every byte counts with no loop a byte.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let count = bytes.count
        var hash = 0x9E37_79B9_7F4A_7C15 &* UInt64(count &+ 1)
        guard count > 0, let base = bytes.baseAddress else { return hash }
        let raw = UnsafeRawPointer(base)
        if count >= 8 {
            var offset = 0
            while offset + 8 < count {
                hash = mix(hash, UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
                offset += 8
            }
            hash = mix(hash, UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)))
        } else if count >= 4 {
            let low = UInt64(UInt32(littleEndian: raw.loadUnaligned(as: UInt32.self)))
            let high = UInt64(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)))
            hash = mix(hash, high << 32 | low)
        } else {
            hash = mix(hash, UInt64(base[0]) << 16 | UInt64(base[count / 2]) << 8 | UInt64(base[count - 1]))
        }
        hash = (hash ^ (hash >> 32)) &* 0xC4CE_B9FE_1A85_EC53
        return hash ^ (hash >> 33)
    }

    @inline(__always) private static func mix(_ hash: UInt64, _ word: UInt64) -> UInt64 {
        let product = (hash ^ word) &* 0xFF51_AFD7_ED55_8CCD
        return product ^ (product >> 29)
    }
}
