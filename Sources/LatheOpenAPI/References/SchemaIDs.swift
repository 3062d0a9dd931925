import LatheYAML

/// JSON Schema's `$id` (OpenAPI 3.1): a schema with one is a resource named by that URI, and a
/// `$ref` inside it is resolved against it (RFC 3986), not against the file. Clair's spec gives
/// each component `$id: https://clairproject.org/api/http/v1/<name>.schema.json` and refers to
/// others as `$ref: digest.schema.json`, which, read as files beside the spec, led nowhere.
extension DocumentDecoder {
    /// The node a `$ref` with a URI names through a `$id` of its file: one the ref stands under
    /// sets its base, or the URI is absolute. `nil` when no `$id` of the file names it, and the
    /// ref is read as a file path as before.
    func resolveBySchemaID(_ raw: String, at refNode: YAMLNode) -> (key: String, node: YAMLNode)? {
        guard version.major > 3 || version.minor >= 1 else { return nil }
        let hash = raw.firstIndex(of: "#")
        let uri = String(raw[..<(hash ?? raw.endIndex)])
        guard !uri.isEmpty else { return nil }
        let resources = schemaResources(of: refNode.tree)
        guard !resources.isEmpty,
            let resource = resources[URIReference.resolve(uri, against: baseURI(of: refNode))]
        else { return nil }
        let fragment = hash.map { String(raw[raw.index(after: $0)...]) } ?? ""
        guard let decoded = PercentEncoding.decode(fragment), let tokens = try? JSONPointer.tokens(decoded),
            case .success(let node) = walk(resource, tokens: tokens)
        else { return nil }
        return (canonicalKey(file: refNode.tree, pointer: node.pointer), node)
    }

    /// The schema resources of `tree` by absolute URI, each `$id` resolved against the ones
    /// above it; made once a file, when a `$ref` with a URI first asks.
    private func schemaResources(of tree: YAMLTree) -> [String: YAMLNode] {
        if let known = schemaResourcesByTree[ObjectIdentifier(tree)] { return known }
        var resources: [String: YAMLNode] = [:]
        for node in tree.mappings(withKey: "$id") where Self.schemaID(of: node) != nil && !isInData(node) {
            let uri = baseURI(of: node)
            if resources[uri] == nil { resources[uri] = node }
        }
        schemaResourcesByTree[ObjectIdentifier(tree)] = resources
        return resources
    }

    /// Whether `node` stands in an example or other data, whose `$id` names nothing.
    private func isInData(_ node: YAMLNode) -> Bool {
        var current = node
        while let (parent, token) = current.pointerStep {
            if ["/example", "/examples", "/default", "/enum", "/const"].contains(token) || token.hasPrefix("/x-") {
                return true
            }
            current = parent
        }
        return false
    }

    /// The URI `node` stands under: its file's, resolved against each `$id` from the outermost
    /// mapping holding it to `node` itself.
    private func baseURI(of node: YAMLNode) -> String {
        var ids: [String] = []
        var current: YAMLNode? = node
        while let mapping = current {
            if let id = Self.schemaID(of: mapping) { ids.append(id) }
            current = mapping.parent
        }
        return ids.reversed().reduce("file://" + files.absolutePath(of: node.tree)) {
            URIReference.resolve($1, against: $0)
        }
    }

    /// The `$id` of a mapping that names a resource: text that is not only a fragment (draft 7's
    /// `$id: '#name'` is an anchor).
    private static func schemaID(of node: YAMLNode) -> String? {
        guard node.isMapping, let id = node["$id"], id.scalarType == .string, let text = id.text, !text.hasPrefix("#")
        else { return nil }
        return text
    }
}

/// RFC 3986 reference resolution, for `$id` and `$ref` URIs (no fragments: they name nodes).
enum URIReference {
    /// `reference` resolved against the absolute URI `base` (§5.2.2), without a fragment.
    static func resolve(_ reference: String, against base: String) -> String {
        let reference = withoutFragment(reference)
        if let colon = schemeEnd(reference) {
            let scheme = reference[..<colon]
            let (authority, path, query) = hierarchy(reference[reference.index(after: colon)...])
            return scheme + ":" + (authority.map { "//" + $0 } ?? "") + removingDotSegments(path) + query
        }
        let base = withoutFragment(base)
        guard let colon = schemeEnd(base) else { return reference }
        let scheme = base[..<colon]
        let (baseAuthority, basePath, baseQuery) = hierarchy(base[base.index(after: colon)...])
        if reference.hasPrefix("//") {
            let (authority, path, query) = hierarchy(reference[...])
            return scheme + ":" + (authority.map { "//" + $0 } ?? "") + removingDotSegments(path) + query
        }
        let prefix = scheme + ":" + (baseAuthority.map { "//" + $0 } ?? "")
        if reference.isEmpty { return prefix + basePath + baseQuery }
        let question = reference.firstIndex(of: "?")
        let path = String(reference[..<(question ?? reference.endIndex)])
        let query = question.map { String(reference[$0...]) } ?? ""
        if path.isEmpty { return prefix + basePath + query }
        if path.hasPrefix("/") { return prefix + removingDotSegments(path) + query }
        // §5.2.3: the base's path up to its last `/`; with none, the reference's alone.
        let merged: String
        if baseAuthority != nil, basePath.isEmpty {
            merged = "/" + path
        } else if let slash = basePath.lastIndex(of: "/") {
            merged = String(basePath[...slash]) + path
        } else {
            merged = path
        }
        return prefix + removingDotSegments(merged) + query
    }

    static func withoutFragment(_ uri: String) -> String {
        guard let hash = uri.firstIndex(of: "#") else { return uri }
        return String(uri[..<hash])
    }

    /// Where a URI's scheme ends (its `:`), if it has one: a letter, then letters, digits, `+`, `-`, `.`.
    private static func schemeEnd(_ uri: String) -> String.Index? {
        guard let first = uri.first, first.isASCII, first.isLetter, let colon = uri.firstIndex(of: ":") else {
            return nil
        }
        let valid = uri[..<colon].allSatisfy {
            $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".")
        }
        return valid ? colon : nil
    }

    /// After the scheme's `:`: the authority (after `//`), the path and the query (with its `?`).
    private static func hierarchy(_ rest: Substring) -> (authority: String?, path: String, query: String) {
        var rest = rest
        var authority: String?
        if rest.hasPrefix("//") {
            rest = rest.dropFirst(2)
            let end = rest.firstIndex { $0 == "/" || $0 == "?" } ?? rest.endIndex
            authority = String(rest[..<end])
            rest = rest[end...]
        }
        let question = rest.firstIndex(of: "?")
        return (authority, String(rest[..<(question ?? rest.endIndex)]), question.map { String(rest[$0...]) } ?? "")
    }

    /// §5.2.4: `.` and `..` segments removed, a trailing `/` kept.
    static func removingDotSegments(_ path: String) -> String {
        var output: [Substring] = []
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        for (index, segment) in segments.enumerated() {
            let isLast = index == segments.count - 1
            switch segment {
            case ".":
                if isLast { output.append("") }
            case "..":
                if output.count > 1 || (output.count == 1 && !output[0].isEmpty) { output.removeLast() }
                if isLast { output.append("") }
            default:
                output.append(segment)
            }
        }
        return output.joined(separator: "/")
    }
}
