import LatheDiagnostics
import LatheYAML

/// The kinds of object a `$ref` can stand for, with the `components` section each lives in.
enum ComponentKind: String, CaseIterable, Hashable {
    case schema = "schemas"
    case response = "responses"
    case parameter = "parameters"
    case example = "examples"
    case requestBody = "requestBodies"
    case header = "headers"
    case securityScheme = "securitySchemes"
    case link = "links"
    case callback = "callbacks"
    case pathItem = "pathItems"

    var noun: String {
        switch self {
        case .schema: "a schema"
        case .response: "a response"
        case .parameter: "a parameter"
        case .example: "an example"
        case .requestBody: "a request body"
        case .header: "a header"
        case .securityScheme: "a security scheme"
        case .link: "a link"
        case .callback: "a callback"
        case .pathItem: "a path item"
        }
    }
}

extension DocumentDecoder {
    /// Resolves the `$ref` string in `refNode` and queues its target for decoding as `kind`.
    /// Errors are reported at `refNode`; the returned reference then has no target key.
    func reference(_ refNode: YAMLNode, kind: ComponentKind) -> Reference? {
        guard let raw = string(refNode, "$ref") else { return nil }
        guard let (key, target) = resolve(raw, at: refNode, kind: kind) else {
            return Reference(raw: raw, targetKey: nil, node: refNode)
        }
        enqueue(kind, key: key, node: target)
        return Reference(raw: raw, targetKey: key, node: refNode)
    }

    /// `node`, or what it points at when it is a `{$ref: …}` mapping standing where OpenAPI allows
    /// no reference (an operation, a description): bundlers and other generators resolve these, so
    /// Lathe does too, with a warning. Chains are followed; a cycle or a ref that leads nowhere
    /// gives `nil` (absent). Data (`example`, `default`, `enum`, `const`, `x-` values, a property
    /// named `$ref`) never comes through here.
    func followReference(_ node: YAMLNode, _ what: String, allowed: Bool = false) -> YAMLNode? {
        var current = node
        var seen: Set<YAMLNode> = []
        while current.isMapping, let refNode = current["$ref"], refNode.scalarType == .string, let raw = refNode.text {
            guard seen.insert(current).inserted else {
                error(
                    "\(what) is a $ref that leads back to itself", at: refNode, kind: "ref-cycle",
                    reading: Self.unresolvedReading(nil))
                return nil
            }
            if !allowed {
                error(
                    "OpenAPI does not allow a $ref for \(what)", at: refNode, kind: "ref-not-allowed-here",
                    reading: "Lathe uses what it points at")
            }
            let siblings = allowed ? ["$ref", "summary", "description"] : ["$ref"]
            for (key, _) in current.entries where !siblings.contains(key.text ?? "") && !key.textHasPrefix("x-") {
                warning("'\(key.text ?? "")' beside this '$ref' is ignored", at: key, kind: "ref-sibling-ignored")
            }
            guard let (_, target) = resolve(raw, at: refNode, kind: nil) else { return nil }
            current = target
        }
        return current
    }

    func enqueue(_ kind: ComponentKind, key: String, node: YAMLNode) {
        if queued.insert(QueuedKey(kind: kind, key: key)).inserted {
            pending.append((kind, key, node))
        }
    }

    /// The canonical key of a node: its file's absolute path, `#`, its JSON pointer.
    func canonicalKey(file tree: YAMLTree, pointer: String) -> String {
        files.absolutePath(of: tree) + "#" + pointer
    }

    /// What `lathe generate` does with a `$ref` that leads nowhere, by what it stands for (`nil`: a
    /// `$ref` where OpenAPI allows none, followed by `followReference`).
    static func unresolvedReading(_ kind: ComponentKind?) -> String {
        switch kind {
        case .schema?: "Lathe generates the value as any JSON value (JSONValue)"
        case .securityScheme?:
            "Lathe leaves the scheme to the transport, and a generated server admits no request on it without a "
                + "check you supply"
        case let kind?: "Lathe leaves out this \(kind.noun.split(separator: " ", maxSplits: 1).last ?? "")"
        case nil: "Lathe reads it as if it were absent"
        }
    }

    /// An error about a `$ref`, with what `lathe generate` does instead.
    func referenceError(_ message: String, at refNode: YAMLNode, kind: ComponentKind?, _ diagnosticKind: String) {
        error(message, at: refNode, kind: diagnosticKind, reading: Self.unresolvedReading(kind))
    }

    /// Finds the node a `$ref` names, reporting what is wrong at `refNode` when it cannot. With no
    /// `kind`, the target may be any node (a `$ref` standing where OpenAPI allows none).
    func resolve(_ raw: String, at refNode: YAMLNode, kind: ComponentKind?) -> (key: String, node: YAMLNode)? {
        // A URI a `$id` of the file names (not cached by text: the `$id`s above a ref decide).
        if let named = resolveBySchemaID(raw, at: refNode) {
            return ofKind(named, expected: kind, raw: raw, at: refNode)
        }
        // The same text in the same file always leads to the same place (and passed the same checks).
        let cacheKey = ResolvedRefKey(file: ObjectIdentifier(refNode.tree), raw: raw)
        // The target is kept as it is, and checked against the kind each use expects.
        if let known = resolvedRefs[cacheKey] {
            return ofKind(known, expected: kind, raw: raw, at: refNode)
        }
        guard let resolved = resolveUncached(raw, at: refNode, kind: kind) else { return nil }
        resolvedRefs[cacheKey] = resolved
        return ofKind(resolved, expected: kind, raw: raw, at: refNode)
    }

    private func resolveUncached(
        _ raw: String, at refNode: YAMLNode, kind: ComponentKind?
    ) -> (key: String, node: YAMLNode)? {
        let (uriPart, fragmentPart) = split(raw)
        var local = localPath(underSelf: uriPart)
        // A mirror's copy is shown as the mirror names it, not as an absolute path.
        var mirroredDisplay: String?
        if local == nil, let scheme = uriScheme(uriPart) {
            if scheme == "http" || scheme == "https" {
                switch files.mirrored(uriPart) {
                case .file(let absolute, let display)?:
                    local = absolute
                    mirroredDisplay = display
                case .outside(let mirror)?:
                    referenceError(
                        "'\(raw)' leads out of the folder that mirrors \(mirror)", at: refNode, kind: kind,
                        "ref-outside-mirror")
                    return nil
                case .invalidEncoding?:
                    invalidPercentEncoding(raw, at: refNode, kind: kind)
                    return nil
                case nil:
                    referenceError(
                        "remote reference '\(raw)' is not fetched (Lathe reads no network); save a copy and map the "
                            + "URL to it with --ref-mirror URL=PATH (refMirrors in lathe.yaml)",
                        at: refNode, kind: kind, "ref-remote")
                    return nil
                }
            } else {
                referenceError(
                    "reference '\(raw)' uses the '\(scheme):' scheme, which Lathe does not support; "
                        + "refer to a file by a relative path",
                    at: refNode, kind: kind, "ref-remote")
                return nil
            }
        }
        guard var uri = local ?? PercentEncoding.decode(uriPart),
            var fragment = PercentEncoding.decode(fragmentPart ?? "")
        else {
            invalidPercentEncoding(raw, at: refNode, kind: kind)
            return nil
        }
        if let first = fragment.utf8.first, first != UInt8(ascii: "/"), fragment.utf8.contains(UInt8(ascii: "/")) {
            // TRAPI's `#components/schemas/AuxiliaryGraph`: an `$anchor` holds no `/`, so this is a
            // JSON pointer without its first `/`.
            error(
                "'\(raw)' is a JSON pointer without its leading /", at: refNode, kind: "ref-pointer-without-slash",
                reading: "Lathe reads it as '#/\(fragmentPart ?? "")'")
            fragment = "/" + fragment
        }
        let tokens: [String]
        do {
            tokens = try JSONPointer.tokens(fragment)
        } catch .notAPointer {
            referenceError(
                "'#\(fragment)' is a plain-name fragment ($anchor), which Lathe does not resolve yet; "
                    + "use a JSON pointer such as '#/components/\(kind?.rawValue ?? "schemas")/\(fragment)'",
                at: refNode, kind: kind, "ref-anchor")
            return nil
        } catch {
            if case .badEscape(let token) = error {
                referenceError(
                    "invalid JSON pointer in '\(raw)': in '\(token)', '~' must be followed by 0 (for ~) or 1 (for /)",
                    at: refNode, kind: kind, "ref-invalid")
            }
            return nil
        }

        if local == nil, uri.contains("\\") {
            // Kartverket's `$ref: paths\datasets.yaml`, written on Windows: a URI has no `\` (RFC
            // 3986 would percent-encode it), and the file meant is the one with a `/`.
            error(
                "'\(raw)' separates its path with \\, as Windows does; a URI reference separates it with /",
                at: refNode, kind: "ref-backslash", reading: "Lathe reads each \\ as /")
            uri = String(uri.map { $0 == "\\" ? "/" : $0 })
        }
        guard let tree = targetTree(uri: uri, display: mirroredDisplay, raw: raw, at: refNode, kind: kind) else {
            return nil
        }
        guard let root = tree.root else { return nil }
        // The pointer its tokens make is `fragment` itself: `tokens` accepts only `~0` and `~1` after
        // a `~`, which unescaping and escaping again give back.
        let key = canonicalKey(file: tree, pointer: fragment)
        let target: Result<YAMLNode, PointerError>
        if let known = pointerTargets[key] {
            target = known
        } else {
            target = walk(root, tokens: tokens)
            pointerTargets[key] = target
        }
        switch target {
        case .success(let node):
            return (key, node)
        case .failure(let failure):
            if let (section, node) = misspelledSection(tokens, in: root) {
                // Meilisearch's `#/components/schema/summarizedTask`: the section's name is fixed.
                var corrected = tokens
                corrected[1] = section.rawValue
                let pointer = JSONPointer.pointer(corrected[...])
                error(
                    "'\(raw)' points at nothing: \(failure.reason)", at: refNode, kind: "ref-unresolved",
                    reading: "Lathe reads it as '#\(pointer)'")
                return (canonicalKey(file: tree, pointer: pointer), node)
            }
            if tokens.count >= 3, tokens[0] == "components", tokens[1] == ComponentKind.schema.rawValue,
                let components = root["components"], Self.schemaOutsideSection(tokens[2], in: components) != nil,
                case .success(let node) = walk(root, tokens: ["components"] + tokens[2...])
            {
                let pointer = JSONPointer.pointer((["components"] + tokens[2...])[...])
                error(
                    "'\(raw)' points at nothing: \(failure.reason)", at: refNode, kind: "ref-unresolved",
                    reading: "Lathe reads it as '#\(pointer)', a schema indented one level short")
                return (canonicalKey(file: tree, pointer: pointer), node)
            }
            if let through = failure.throughReference {
                return resolveThroughReference(raw, through, at: refNode, kind: kind)
            }
            referenceError("'\(raw)' points at nothing: \(failure.reason)", at: refNode, kind: kind, "ref-unresolved")
            return nil
        }
    }

    /// Beckn's bundled `#/paths/~1search/…/allOf/0/properties/gps`, where `allOf/0` is itself a
    /// `$ref`: a JSON pointer does not follow references, but the bundlers that write such pointers
    /// (json-schema-ref-parser's) mean the rest of the pointer inside that reference's target, the
    /// one reading there is. The target is named by the reference it reaches, so it is the same
    /// component wherever it is reached from. Said at the ref as written, of the pointer as written.
    private func resolveThroughReference(
        _ raw: String, _ through: PointerError.ThroughReference, at refNode: YAMLNode, kind: ComponentKind?
    ) -> (key: String, node: YAMLNode)? {
        switch follow(through) {
        case .success(let resolved):
            error(
                "'\(raw)' points through '\(through.pointer)', which is a $ref to '\(through.refNode.text ?? "")'; a "
                    + "JSON pointer does not follow references, so it points at nothing", at: refNode,
                kind: "ref-through-ref",
                reading: "Lathe follows the reference, as the bundler that wrote it meant, and reads the rest of the "
                    + "pointer in its target")
            return resolved
        case .failure(let failure):
            referenceError("'\(raw)' points at nothing: \(failure.reason)", at: refNode, kind: kind, "ref-unresolved")
            return nil
        }
    }

    /// The rest of a pointer read in the target of the `$ref` it met: that reference resolved as any
    /// is (a `$id`, another file, the caches), in its own place, so of no kind in particular; the
    /// rest walked from its target, through further references. Each reference followed is
    /// remembered with the tokens left after it: met again with no fewer, the pointer leads back to
    /// itself.
    private func follow(_ through: PointerError.ThroughReference) -> Result<(key: String, node: YAMLNode), PointerError>
    {
        let written = through.refNode.text ?? ""
        let passing = "'\(through.pointer)' is a $ref to '\(written)', which a JSON pointer does not follow"
        guard referencesFollowedThrough[through.refNode].map({ through.rest.count < $0 }) ?? true,
            referencesFollowedThrough.count < 32
        else {
            referenceLoopsFound += 1
            return .failure(PointerError(reason: passing + ", and following it leads back to itself"))
        }
        let outer = referencesFollowedThrough[through.refNode]
        referencesFollowedThrough[through.refNode] = through.rest.count
        defer { referencesFollowedThrough[through.refNode] = outer }
        let said = diagnostics.all.count
        let loops = referenceLoopsFound
        guard let reached = resolve(written, at: through.refNode, kind: nil) else {
            // Why is said of the pointer followed, once; the ref's own failure is said where it
            // is read for itself (errors in the file it names stay).
            let place = through.refNode.location
            diagnostics = Diagnostics(
                diagnostics.all.prefix(said) + diagnostics.all.dropFirst(said).filter { $0.location != place })
            let outcome = referenceLoopsFound > loops ? "following it leads back to itself" : "it leads nowhere"
            return .failure(PointerError(reason: passing + ", and " + outcome))
        }
        switch walk(reached.node, tokens: Array(through.rest)) {
        case .success(let node):
            return .success((reached.key + JSONPointer.pointer(through.rest), node))
        case .failure(let failure):
            guard var next = failure.throughReference else {
                let reason =
                    failure.reason.hasPrefix("the document ")
                    ? "its target " + failure.reason.dropFirst("the document ".count)
                    : "in its target, " + failure.reason
                return .failure(PointerError(reason: passing + "; followed, " + reason))
            }
            // Its pointer is from the target on: named from the document on in what is said.
            let walked = through.rest.prefix(through.rest.count - next.rest.count)
            next.pointer = through.pointer + JSONPointer.pointer(walked)
            return follow(next)
        }
    }

    /// The section of `components` a pointer's second token misspells (`schema`, `Schemas`,
    /// `requestBody`: a letter case or a final `s` apart) where the components have no such key and
    /// the pointer with that section's name leads somewhere, with where it leads.
    private func misspelledSection(_ tokens: [String], in root: YAMLNode) -> (ComponentKind, YAMLNode)? {
        guard tokens.count >= 3, tokens[0] == "components", let components = root["components"],
            components[tokens[1]] == nil
        else { return nil }
        let written = tokens[1].lowercased()
        guard
            let section = ComponentKind.allCases.first(where: {
                let name = $0.rawValue.lowercased()
                return written == name || written + "s" == name || written == name + "s"
                    || (name.hasSuffix("ies") && written == name.dropLast(3) + "y")
            }),
            case .success(let node) = walk(root, tokens: [tokens[0], section.rawValue] + tokens[2...])
        else { return nil }
        return (section, node)
    }

    /// Tibber Homevolt's `ECUParameter:` beside `schemas:` in `components`, not under it: a
    /// schema (a mapping with a schema's keywords) indented one level short, under a name that is
    /// no section's, and no schema's in `schemas`.
    static func schemaOutsideSection(_ name: String, in components: YAMLNode) -> YAMLNode? {
        guard !name.hasPrefix("x-"), ComponentKind(rawValue: name) == nil, name != "mediaTypes",
            components["schemas"]?[name] == nil, let node = components[name], node.isMapping,
            node.entries.contains(where: { schemaShapingKeywords.contains($0.key.text ?? "") })
        else { return nil }
        return node
    }

    private func invalidPercentEncoding(_ raw: String, at refNode: YAMLNode, kind: ComponentKind?) {
        referenceError(
            "'\(raw)' has an invalid percent-encoding (each % must be followed by two hex digits)", at: refNode,
            kind: kind, "ref-invalid")
    }

    private func split(_ raw: String) -> (String, String?) {
        guard let hash = raw.utf8.firstIndex(of: UInt8(ascii: "#")) else { return (raw, nil) }
        return (String(raw[..<hash]), String(raw[raw.utf8.index(after: hash)...]))
    }

    /// An absolute reference under the document's `$self` (3.2), as the absolute path of the file
    /// it names on disk (percent-decoded, as a path is): `$self` itself is the root file, and a URI
    /// beside it a file beside that one.
    private func localPath(underSelf uri: String) -> String? {
        guard let (selfURI, root) = selfURI, !uri.isEmpty else { return nil }
        let rootPath = files.absolutePath(of: root)
        if uri == selfURI { return rootPath }
        let base = selfURI[...(selfURI.lastIndex(of: "/") ?? selfURI.startIndex)]
        guard uri.hasPrefix(base), base.count > "https://".count,
            let relative = PercentEncoding.decode(String(uri.dropFirst(base.count)))
        else { return nil }
        return Paths.normalize(Paths.join(Paths.directory(rootPath), relative))
    }

    /// The URI scheme (`http`), if the reference has one. Single letters are not taken as schemes.
    func uriScheme(_ uri: String) -> String? {
        guard let colon = uri.utf8.firstIndex(of: UInt8(ascii: ":")) else { return nil }
        let scheme = uri[..<colon]
        guard scheme.count > 1, let first = scheme.first, first.isLetter,
            scheme.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." })
        else { return nil }
        return scheme.lowercased()
    }

    /// The file `uri` names (relative to the ref's file, or absolute), shown as `display` when
    /// given; `nil`, with the error, when it may not or cannot be read.
    private func targetTree(
        uri: String, display: String? = nil, raw: String, at refNode: YAMLNode, kind: ComponentKind?
    ) -> YAMLTree? {
        if uri.isEmpty { return refNode.tree }
        let referrer = files.absolutePath(of: refNode.tree)
        let absolute = Paths.normalize(Paths.join(Paths.directory(referrer), uri))
        if !files.allowRefsOutsideRoot, !files.mayRead(absolute) {
            let real = Paths.realPath(absolute) ?? absolute
            referenceError(
                "'\(raw)' leads outside the folder of the root spec (to \(real)); "
                    + "pass --allow-refs-outside-root to allow it",
                at: refNode, kind: kind, "ref-outside-root")
            return nil
        }
        let display = display ?? Paths.normalize(Paths.join(Paths.directory(refNode.tree.path), uri))
        switch files.load(absolutePath: absolute, displayPath: display) {
        case .tree(let tree):
            return tree
        case .failed(var diagnostic, var firstTime):
            // FOLIO's `user.yaml` for `User.yaml`: written where the file system ignores case. Only
            // where nothing is there (not a folder, a broken link or an unreadable file), and said
            // only once the other file is read; else its own failure is reported.
            if diagnostic.location == nil, !Paths.exists(absolute), let name = Paths.nameDifferingOnlyInCase(absolute),
                case let other = Paths.join(Paths.directory(absolute), name),
                files.allowRefsOutsideRoot || files.mayRead(other)
            {
                switch files.load(absolutePath: other, displayPath: Paths.join(Paths.directory(display), name)) {
                case .tree(let tree):
                    error(
                        "'\(raw)' names no file; '\(name)' differs from it only in case", at: refNode,
                        kind: "ref-case",
                        reading: "Lathe reads '\(name)', as a file system that ignores case (macOS's, Windows') does")
                    return tree
                case .failed(let otherDiagnostic, let otherFirstTime):
                    (diagnostic, firstTime) = (otherDiagnostic, otherFirstTime)
                }
            }
            if diagnostic.location == nil {
                // Could not be read at all: say so where the ref is.
                referenceError(
                    "cannot resolve '\(raw)': \(diagnostic.message)", at: refNode, kind: kind, "ref-unreadable")
            } else if firstTime {
                // The referenced file is not YAML or JSON: Lathe reads the rest without it.
                var unreadable = diagnostic
                unreadable.kind = "ref-unreadable"
                unreadable.reading = Self.unresolvedReading(kind)
                diagnostics.append(unreadable)
                note("referenced here", at: refNode)
            }
            return nil
        }
    }

    func walk(_ root: YAMLNode, tokens: [String]) -> Result<YAMLNode, PointerError> {
        var node = root
        for (depth, token) in tokens.enumerated() {
            // Only a failure names the place, so the pointer is made then.
            var place: String {
                let parentPointer = JSONPointer.pointer(tokens[..<depth])
                return parentPointer.isEmpty ? "the document" : "'\(parentPointer)'"
            }
            switch node.kind {
            case .mapping:
                if let next = child(of: node, named: token) {
                    node = next
                    continue
                }
                var reason = "\(place) has no '\(token)'"
                if let suggestion = node.closestKey(to: token) { reason += " (did you mean '\(suggestion)'?)" }
                var failure = PointerError(reason: reason)
                if let refNode = node["$ref"], refNode.scalarType == .string {
                    failure.throughReference = PointerError.ThroughReference(
                        refNode: refNode, pointer: JSONPointer.pointer(tokens[..<depth]), rest: tokens[depth...])
                }
                return .failure(failure)
            case .sequence:
                guard let index = Int(token), index >= 0, index < node.count, token == String(index) else {
                    return .failure(
                        PointerError(reason: "\(place) is a list of \(node.count) and '\(token)' is not an index in it")
                    )
                }
                node = node.items[index]
            case .scalar:
                return .failure(PointerError(reason: "\(place) is a single value, not a mapping or list"))
            }
        }
        return .success(node)
    }

    /// A mapping's value by key; large mappings are indexed once, so resolving thousands of refs
    /// into `components/schemas` stays linear.
    private func child(of mapping: YAMLNode, named key: String) -> YAMLNode? {
        guard mapping.count > 16 else { return mapping[key] }
        if let index = mappingIndex[mapping] { return index[key] }
        var index: [String: YAMLNode] = [:]
        index.reserveCapacity(mapping.count)
        for (keyNode, value) in mapping.entries {
            if let text = keyNode.text { index[text] = value }
        }
        mappingIndex[mapping] = index
        return index[key]
    }

    /// `resolved` when it is of the kind expected here: a ref into `components/<section>/<name>`
    /// must name the section of that kind. Where a schema is expected, one that names a response,
    /// request body, parameter or header reaches the schema that holds (Supabase's `schema: {$ref:
    /// '#/components/responses/Unauthorized'}`), the one reading of it, with an error that says so.
    /// `nil`, with the error, otherwise.
    private func ofKind(
        _ resolved: (key: String, node: YAMLNode), expected: ComponentKind?, raw: String, at refNode: YAMLNode
    ) -> (key: String, node: YAMLNode)? {
        guard let expected, let actual = componentKind(of: resolved.key), actual != expected else { return resolved }
        let message = "'\(raw)' is \(actual.noun), but \(expected.noun) is expected here"
        if expected == .schema, let held = schemaHeld(by: resolved.node) {
            let pointer = held.pointer
            error(
                message, at: refNode, kind: "ref-wrong-kind",
                reading: "Lathe reads the schema it holds ('#\(pointer)')")
            // Most hold a `$ref` themselves: its target, so the value is that type, not a copy. One
            // that leads back to a response being read through leads nowhere.
            if held.isMapping, held.count == 1, let ref = held["$ref"]?.text {
                guard heldSchemasBeingRead.insert(resolved.key).inserted else {
                    referenceError(
                        "'\(raw)' leads back to itself through the schema it holds", at: refNode, kind: expected,
                        "ref-cycle")
                    return nil
                }
                defer { heldSchemasBeingRead.remove(resolved.key) }
                return resolve(ref, at: held, kind: .schema)
            }
            return (canonicalKey(file: held.tree, pointer: pointer), held)
        }
        // A component filed under another section (htsget's `404: {$ref: '#/components/schemas/NotFound'}`,
        // where `NotFound` is `{description: …}`): what it is written as decides. A schema where a
        // header is expected (Nightscout's `Last-Modified`) is that header's value (`decodeHeader`).
        if Self.isWritten(as: expected, resolved.node) {
            error(
                message, at: refNode, kind: "ref-wrong-kind",
                reading: "Lathe reads it as \(expected.noun), which it is written as")
            return resolved
        }
        if expected == .header, actual == .schema {
            error(message, at: refNode, kind: "ref-wrong-kind", reading: "Lathe reads it as a header of that schema")
            return resolved
        }
        referenceError(message, at: refNode, kind: expected, "ref-wrong-kind")
        return nil
    }

    /// Whether `node` is written as an object of `kind`: every key a field of one (or an `x-`
    /// extension), and the fields it requires there. Only the kinds whose fields no schema is
    /// made of; a schema is told by what it holds (`schemaHeld`).
    static func isWritten(as kind: ComponentKind, _ node: YAMLNode) -> Bool {
        let (fields, required): ([String], [String])
        switch kind {
        case .response: (fields, required) = (responseFields + responseFields32, ["description"])
        case .requestBody: (fields, required) = (requestBodyFields, ["content"])
        case .parameter: (fields, required) = (parameterFields, ["name", "in"])
        default: return false
        }
        guard node.isMapping, required.allSatisfy({ node[$0] != nil }) else { return false }
        return node.entries.allSatisfy { key, _ in
            key.text.map { fields.contains($0) || $0.hasPrefix("x-") } ?? false
        }
    }

    /// The schema a response or request body holds (of its one media type, or of
    /// `application/json`), or a parameter or header its own.
    private func schemaHeld(by node: YAMLNode) -> YAMLNode? {
        if let schema = node["schema"] { return schema }
        guard let content = node["content"], content.isMapping else { return nil }
        let media = content.count == 1 ? content.entries.first?.value : content["application/json"]
        return media?["schema"]
    }

    /// The kind of section a key `…#/components/<kind>/<name>` names, if it names one.
    private func componentKind(of key: String) -> ComponentKind? {
        // The kind of `…#/components/<kind>/<name>`, read from the bytes in place: splitting the
        // key into tokens cost about five thousand instructions a reference.
        var key = key
        let kind: String? = key.withUTF8 { bytes in
            guard let hash = bytes.lastIndex(of: UInt8(ascii: "#")) else { return nil }
            let pointer = bytes[(hash + 1)...]
            let prefix = "/components/".utf8
            guard pointer.starts(with: prefix) else { return nil }
            let rest = pointer.dropFirst(prefix.count)
            guard let slash = rest.firstIndex(of: UInt8(ascii: "/")),
                !rest[(slash + 1)...].contains(UInt8(ascii: "/"))
            else { return nil }
            return String(decoding: rest[..<slash], as: UTF8.self)
        }
        return kind.flatMap(ComponentKind.init(rawValue:))
    }
}
