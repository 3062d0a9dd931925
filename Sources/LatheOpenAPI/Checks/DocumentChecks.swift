import LatheDiagnostics
import LatheYAML

/// Checks that span the document, run after decoding: what generators need to be true across objects.
struct DocumentChecks {
    /// The document checked; `readPaddedPaths`, `readQueryInPaths` and `readColonSegments` may
    /// rewrite its path templates.
    private(set) var document: OpenAPIDocument
    /// How to show a file (by absolute path) in messages; the root file shows as nothing (`#/…`).
    let displayPath: (String) -> String?
    private(set) var diagnostics = Diagnostics()
    /// Each path key read otherwise, by its index, as first written.
    private var writtenKeys: [Int: String] = [:]

    init(document: OpenAPIDocument, displayPath: @escaping (String) -> String?) {
        self.document = document
        self.displayPath = displayPath
    }

    mutating func run() {
        readPaddedPaths()
        readQueryInPaths()
        readColonSegments()
        readDollarTemplates()
        let operations = allOperations()
        checkOperationIds(operations)
        checkPaths()
        checkSecurityNames(operations)
        checkReferenceCycles()
    }

    private mutating func error(_ message: String, at node: YAMLNode, kind: String, reading: String) {
        diagnostics.error(message, at: node, kind: kind, reading: reading)
    }
    private mutating func note(_ message: String, at node: YAMLNode) { diagnostics.note(message, at: node) }

    // MARK: operationId

    private mutating func checkOperationIds(_ operations: [Operation]) {
        var first: [String: Operation] = [:]
        for operation in operations {
            guard let id = operation.operationId, let node = operation.operationIdNode else { continue }
            if let earlier = first[id] {
                error(
                    "duplicate operationId '\(id)': \(earlier.method.token) \(earlier.path) uses "
                        + "it already; operation IDs must be unique",
                    at: node, kind: "duplicate-operation-id",
                    reading: "Lathe generates both and numbers this one's names")
                if let earlierNode = earlier.operationIdNode { note("'\(id)' first used here", at: earlierNode) }
            } else {
                first[id] = operation
            }
        }
    }

    /// Operations under paths, webhooks and callbacks (which may nest): one operationId namespace.
    private func allOperations() -> [Operation] {
        var operations = document.operations + document.webhooks.flatMap(\.item.operations)
        var seenCallbacks = Set<YAMLNode>()
        var next = 0
        while next < operations.count {
            for (_, callback) in operations[next].callbacks {
                guard let resolved = document.store.resolve(callback, in: \.callbacks),
                    seenCallbacks.insert(resolved.node).inserted
                else { continue }
                for (expression, item) in resolved.expressions {
                    operations += document.store.resolvedPathItem(item, path: expression).operations
                }
            }
            next += 1
        }
        return operations
    }

    // MARK: Paths and parameters

    /// Whether a segment of `path` starts with `:`, by its bytes (`String.contains` compares
    /// Characters, which cost more than the rest of this check for every path).
    private static func hasColonSegment(_ path: String) -> Bool {
        var afterSlash = false
        for byte in path.utf8 {
            if afterSlash, byte == UInt8(ascii: ":") { return true }
            afterSlash = byte == UInt8(ascii: "/")
        }
        return false
    }

    /// Path keys that end in characters that show nothing: spaces, or invisible ones such as U+2800
    /// (SuperTokens' `/recipe/user⠀` and `/recipe/users/by-email `). YAML keys are unique, so a
    /// spec pads one to document a second operation of a method on a path; sent as written, the
    /// request went to a path that does not exist. The path is read without them, and is then the
    /// same key twice (`checkPaths`).
    private mutating func readPaddedPaths() {
        for index in document.paths.indices {
            let (path, pathNode, _) = document.paths[index]
            // The path ends at a query string (which `readQueryInPaths` reads), a fragment, or with
            // the key.
            let scalars = path.unicodeScalars
            let mark =
                path.utf8.contains(where: { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") })
                ? scalars.firstIndex(where: { $0 == "?" || $0 == "#" }) : nil
            let (trimmed, padding) = Self.trimmingPadding(scalars[..<(mark ?? scalars.endIndex)])
            let (query, queryPadding): (Substring.UnicodeScalarView?, [String]) =
                mark.map { Self.trimmingPadding(scalars[$0...]) } ?? (nil, [])
            let described = padding + queryPadding.filter { !padding.contains($0) }
            guard !described.isEmpty else { continue }
            let template = String(Substring(trimmed)) + (query.map { String(Substring($0)) } ?? "")
            error(
                "path '\(path)' " + (mark == nil ? "ends in " : "has ") + described.joined(separator: " and ")
                    + (mark == nil ? "" : " at the end of its path, query or fragment") + ", which shows nothing",
                at: pathNode, kind: "path-trailing-invisible", reading: "Lathe reads the path as '\(template)'")
            readPath(at: index, as: template)
        }
    }

    /// `scalars` without the padding at their end, and its characters described, in order.
    private static func trimmingPadding(
        _ scalars: Substring.UnicodeScalarView
    ) -> (trimmed: Substring.UnicodeScalarView, described: [String]) {
        var end = scalars.endIndex
        while end > scalars.startIndex, isPadding(scalars[scalars.index(before: end)]) {
            end = scalars.index(before: end)
        }
        var described: [String] = []
        for scalar in scalars[end...] {
            let hex = String(scalar.value, radix: 16, uppercase: true)
            let text =
                scalar == " "
                ? "a space"
                : "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                    + (scalar.properties.name.map { " (\($0))" } ?? "")
            if !described.contains(text) { described.append(text) }
        }
        return (scalars[..<end], described)
    }

    /// White space, and the characters that show nothing that specs pad keys with: zero-width and
    /// direction marks, fillers, the blank Braille pattern. Not the joiner, variation selectors or
    /// tags, which end emoji (`/reactions/❤️`).
    private static func isPadding(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00AD, 0x115F, 0x1160, 0x180E, 0x200B, 0x200C, 0x200E, 0x200F, 0x202A ... 0x202E,
            0x2060 ... 0x2064, 0x2800, 0x3164, 0xFEFF, 0xFFA0:
            true
        default: scalar.properties.isWhitespace
        }
    }

    /// A path key with a query string (Strapi's `/upload?id={id}`): OpenAPI's paths are path
    /// templates, so the one reading is the path before the `?`, with the query's items sent by
    /// each of its operations (`queryInPath`): a `{variable}` as a query parameter, other text as
    /// it is written. Sent as written, the client's URL held `?` twice, and no server route matched.
    private mutating func readQueryInPaths() {
        for index in document.paths.indices {
            let (path, pathNode, _) = document.paths[index]
            guard path.utf8.contains(UInt8(ascii: "?")), let mark = path.firstIndex(of: "?") else { continue }
            let template = String(path[..<mark])
            let items = QueryItemInPath.items(of: path[path.index(after: mark)...])
            // An item with no value is a place for the parameter of its name, in each operation
            // that declares one (CurrencyBird's `/beneficiaries?rut=` beside `rut`): any such for
            // `rut=`, a required one for a bare `rut`, which may be a flag the key always sends
            // (S3's `?uploads`). A path parameter the template names (`{rut}`, or `:rut` not yet
            // rewritten) is the path's.
            let segments = template.split(separator: "/")
            let inTemplate = { (name: String) in
                template.contains("{\(name)}")
                    || segments.contains { $0.utf8.first == UInt8(ascii: ":") && $0.dropFirst() == name }
            }
            let item = document.paths[index].item
            var filled: [(method: HTTPMethod, items: [QueryItemInPath])] = []
            for operation in item.operations {
                var declared: [String: Bool] = [:]
                for parameter in document.parameters(of: operation, in: item)
                where parameter.location == .query || (parameter.location == .path && !inTemplate(parameter.name)) {
                    // Whether one of that name is required (a path parameter always is).
                    let required = parameter.required || parameter.location == .path
                    declared[parameter.name] = (declared[parameter.name] ?? false) || required
                }
                filled.append((operation.method, items.map { $0.standing(forDeclared: declared) }))
            }
            let described = items.indices.map { position in
                let item = items[position]
                let text = "'\(item.text ?? item.name)' as text"
                guard item.variable == nil else { return "'\(item.name)' as a query parameter" }
                let filling = filled.filter { $0.items[position].variable != nil }.map(\.method.token)
                if filling.isEmpty { return text }
                if filling.count == filled.count { return "'\(item.name)' as a query parameter" }
                let others = filled.filter { $0.items[position].variable == nil }.map(\.method.token)
                return "'\(item.name)' as a query parameter (\(filling.joined(separator: ", "))) or \(text) "
                    + "(\(others.joined(separator: ", ")))"
            }
            error(
                "path '\(path)' holds a query string; OpenAPI paths are path templates only",
                at: pathNode, kind: "path-query",
                reading: "Lathe reads the path as '\(template)', and sends "
                    + (described.isEmpty ? "no query" : described.joined(separator: ", ")) + " in its query")
            readPath(at: index, as: template) { operation in
                operation.queryInPath = filled.first { $0.method == operation.method }?.items ?? items
            }
        }
    }

    /// Express-style segments (`/tasks/:taskUid`): the one reading is the template
    /// `/tasks/{taskUid}`, so the path is rewritten before anything else reads it. Where the path
    /// item or an operation declares the parameter, the spec breaks OpenAPI's rule (an error with
    /// its reading); where none does (Stellar's `/transactions/:id/payments`), the segment is still
    /// read as a parameter (a warning), the name becoming a string one. As text, no call could name
    /// its resource; as a parameter, a caller can still send `:id` itself.
    private mutating func readColonSegments() {
        for index in document.paths.indices {
            let (path, pathNode, item) = document.paths[index]
            guard Self.hasColonSegment(path), case .success(let names) = PathTemplate.names(path) else { continue }
            var declared = Set<String>()
            for operation in item.operations {
                for parameter in document.parameters(of: operation, in: item) where parameter.location == .path {
                    declared.insert(parameter.name)
                }
            }
            if item.operations.isEmpty {
                for parameter in item.parameters.compactMap(document.store.parameter) where parameter.location == .path
                {
                    declared.insert(parameter.name)
                }
            }
            declared.subtract(names)
            var read: [String] = []
            var text: [String] = []
            var readDeclared = false
            let segments = path.split(separator: "/", omittingEmptySubsequences: false).map { segment in
                let name = segment.dropFirst()
                guard segment.hasPrefix(":") else { return String(segment) }
                let isDeclared = declared.contains(String(name))
                // Not a name the template has already, nor one read before in this path.
                guard isDeclared || (Self.isExpressName(name) && !names.contains(String(name))),
                    !read.contains(String(segment))
                else {
                    text.append(String(segment))
                    return String(segment)
                }
                read.append(String(segment))
                readDeclared = readDeclared || isDeclared
                return "{\(name)}"
            }
            if !text.isEmpty {
                diagnostics.warning(
                    "path '\(path)' keeps \(text.map { "'\($0)'" }.joined(separator: ", ")) as text, which routers "
                        + "such as Hummingbird's and Vapor's read as a parameter; a generated server may route "
                        + "requests for this path to another operation, or its route may clash",
                    at: pathNode, kind: "path-segment-colon-text")
            }
            guard !read.isEmpty else { continue }
            let template = segments.joined(separator: "/")
            let message =
                "path '\(path)' writes its parameters as \(read.map { "'\($0)'" }.joined(separator: ", ")), as "
                + "Express does; OpenAPI path templates write them as "
                + read.map { "'{\($0.dropFirst())}'" }.joined(separator: ", ")
            let reading = "Lathe reads the path as '\(template)'"
            if readDeclared {
                error(message, at: pathNode, kind: "path-template-colon", reading: reading)
            } else {
                diagnostics.warning(message + "; " + reading, at: pathNode, kind: "path-template-colon")
            }
            readPath(at: index, as: template)
        }
    }

    /// `${name}` (KServe's `/v2/models/${MODEL_NAME}/ready`, as shell and JavaScript templates write
    /// a variable): the one reading is the template `{name}`. OpenAPI would send the `$` as text,
    /// before every value, where no server has one: a warning with the reading, since a `$` is
    /// text a path may hold.
    private mutating func readDollarTemplates() {
        for index in document.paths.indices {
            let (path, pathNode, _) = document.paths[index]
            guard path.utf8.contains(UInt8(ascii: "$")), path.contains("${") else { continue }
            var template = ""
            var read: [String] = []
            var position = path.startIndex
            while position < path.endIndex {
                let next = path.index(after: position)
                // `$` right before a `{…}` that closes: the `$` is left out.
                if path[position] == "$", next < path.endIndex, path[next] == "{",
                    let close = path[next...].firstIndex(of: "}")
                {
                    read.append(String(path[position ... close]))
                    template += path[next ... close]
                    position = path.index(after: close)
                } else {
                    template.append(path[position])
                    position = next
                }
            }
            guard !read.isEmpty else { continue }
            diagnostics.warning(
                "path '\(path)' writes \(read.map { "'\($0)'" }.joined(separator: ", ")) as shell and JavaScript "
                    + "templates do; OpenAPI would send the '$' as text before each value; Lathe reads the path as "
                    + "'\(template)'",
                at: pathNode, kind: "path-template-dollar")
            readPath(at: index, as: template)
        }
    }

    /// A name Express's `:name` takes: a letter or `_`, then letters, digits and `_`.
    private static func isExpressName(_ name: Substring) -> Bool {
        func isLetter(_ byte: UInt8) -> Bool {
            (UInt8(ascii: "a") ... UInt8(ascii: "z")).contains(byte | 0x20) || byte == UInt8(ascii: "_")
        }
        guard let first = name.utf8.first, isLetter(first) else { return false }
        return name.utf8.allSatisfy { isLetter($0) || (UInt8(ascii: "0") ... UInt8(ascii: "9")).contains($0) }
    }

    /// Puts `template` in the place of the path key at `index`, for the path and each of its
    /// operations, which keep the key as first written (`writtenPath`) and what `change` adds.
    private mutating func readPath(at index: Int, as template: String, _ change: (inout Operation) -> Void = { _ in }) {
        let (path, pathNode, item) = document.paths[index]
        writtenKeys[index] = writtenKeys[index] ?? path
        var rewritten = item
        for operation in rewritten.operations.indices {
            rewritten.operations[operation].path = template
            rewritten.operations[operation].writtenPath = rewritten.operations[operation].writtenPath ?? path
            change(&rewritten.operations[operation])
        }
        document.paths[index] = (template, pathNode, rewritten)
    }

    private mutating func checkPaths() {
        // By shape: the first path of each, and how it was written where Lathe reads it otherwise.
        var templates: [String: (path: String, written: String?)] = [:]
        for (index, (path, pathNode, item)) in document.paths.enumerated() {
            guard let names = templateNames(path, at: pathNode) else { continue }
            let inTemplate = Set(names)
            let shape = PathTemplate.shape(path)
            let written = writtenKeys[index]
            if let (other, otherWritten) = templates[shape] {
                // The same key twice, one of them written with `:` segments, a query string or
                // padding (`readColonSegments`, `readQueryInPaths`, `readPaddedPaths`).
                let sameNames = other == path
                let spelling = written ?? otherWritten ?? ""
                let how =
                    spelling.contains("?")
                    ? "with a query string"
                    : spelling.unicodeScalars.contains(where: Self.isPadding)
                        ? "with characters after it"
                        : spelling.contains("${") ? "with '${…}' parameters" : "with ':' segments"
                error(
                    sameNames
                        ? (written.map { "path '\($0)' is '\(path)', " } ?? "path '\(path)' is ")
                            + "under paths twice, once written \(how); OpenAPI does not allow both"
                        : "path '\(path)' is the same template as '\(other)' with other parameter names; "
                            + "OpenAPI does not allow both",
                    at: pathNode,
                    kind: "identical-path-templates",
                    reading: "Lathe generates both in the client; a server routes a method both define to "
                        + (sameNames ? "the first" : "'\(other)'")
                )
            } else {
                templates[shape] = (path, written)
            }
            let itemParameters = resolvedParameters(item.parameters)
            checkDuplicates(itemParameters)
            let itemComplete = itemParameters.count == item.parameters.count
            for operation in item.operations {
                // A path parameter the path's query names is sent there (`readQueryInPaths`).
                let inQuery = Set(operation.queryInPath.lazy.compactMap(\.variable))
                let operationParameters = resolvedParameters(operation.parameters)
                checkDuplicates(operationParameters)
                var declared = Set(itemParameters.filter { $0.0.location == .path }.map(\.0.name))
                // The path item's strays are reported once (repeats are dropped), with the reading
                // each operation takes; an operation's parameter of the same name replaces one.
                let replaced = itemParameters.isEmpty ? [] : Set(operationParameters.map(\.0.identity))
                var strayReadings: PathTemplate.StrayReadings?
                for (parameter, site) in itemParameters.filter({ !replaced.contains($0.0.identity) })
                    + operationParameters
                where parameter.location == .path {
                    declared.insert(parameter.name)
                    if !inTemplate.contains(parameter.name), !inQuery.contains(parameter.name) {
                        // Worked out only where there is a stray (most operations have none).
                        let readings =
                            strayReadings
                            ?? PathTemplate.strayReadings(
                                document.parameters(of: operation, in: item), templateNames: inTemplate,
                                queryVariables: inQuery)
                        strayReadings = readings
                        let reading =
                            if let renamed = readings.renamed {
                                "Lathe reads it as the template's '{\(renamed.templateName)}', which no parameter declares"
                            } else if readings.sentInQuery.contains(parameter.name) {
                                "Lathe sends it as a query parameter, the one place left for it"
                            } else {
                                "Lathe ignores this parameter"
                            }
                        error(
                            "path parameter '\(parameter.name)' is not in the path template '\(path)'", at: site,
                            kind: "path-parameter-not-in-template", reading: reading)
                    }
                }
                // The template name a stray is read as is declared by it (said at the stray).
                if let renamed = strayReadings?.renamed { declared.insert(renamed.templateName) }
                // A parameter whose $ref failed has its own error; do not guess what it declared.
                let complete = itemComplete && operationParameters.count == operation.parameters.count
                for name in names where !declared.contains(name) {
                    // As lowering reads it.
                    if PathTemplate.queryParameterNaming(
                        name, in: document.parameters(of: operation, in: item), besides: operation.queryInPath) != nil
                    {
                        // Where it is used; said once for a path item's parameter (repeats are dropped).
                        let site = (operationParameters + itemParameters).first {
                            $0.0.location == .query && $0.0.name == name
                        }
                        error(
                            "parameter '\(name)' is declared in: query, but the path template '\(path)' names it, "
                                + "and no path parameter declares it", at: site?.1 ?? operation.methodNode,
                            kind: "path-parameter-in-query", reading: "Lathe reads it as the path parameter")
                        continue
                    }
                    guard complete else { continue }
                    error(
                        "\(operation.method.token) \(path) does not declare the path parameter "
                            + "'\(name)'; add a parameter with name: \(name), in: path, required: true",
                        at: operation.methodNode, kind: "path-parameter-undeclared",
                        reading: "Lathe treats it as a required string path parameter"
                    )
                }
            }
        }
    }

    /// The `{names}` in a path template, or `nil` after reporting a malformed template.
    private mutating func templateNames(_ path: String, at node: YAMLNode) -> [String]? {
        switch PathTemplate.names(path) {
        case .success(let names): return names
        case .failure(let malformed):
            error(
                "path '\(path)' \(malformed.reason)", at: node, kind: "path-template-malformed",
                reading: "Lathe leaves out this path's operations")
            return nil
        }
    }

    /// Parameters with the node diagnostics should point at: the `$ref` where one was used.
    private func resolvedParameters(_ list: [Referenceable<Parameter>]) -> [(Parameter, YAMLNode)] {
        list.compactMap { item in
            guard let parameter = document.store.parameter(item) else { return nil }
            return (parameter, item.reference?.node ?? parameter.node)
        }
    }

    private mutating func checkDuplicates(_ parameters: [(Parameter, YAMLNode)]) {
        var seen: [String: YAMLNode] = [:]
        for (parameter, site) in parameters {
            let key = parameter.identity
            if let first = seen[key] {
                error(
                    "\(parameter.location.rawValue) parameter '\(parameter.name)' is declared twice in this list "
                        + "(first at line \(first.location.line)); a parameter is identified by its name and location",
                    at: site, kind: "duplicate-parameter", reading: "Lathe uses this one"
                )
            } else {
                seen[key] = site
            }
        }
    }

    // MARK: Security

    private mutating func checkSecurityNames(_ operations: [Operation]) {
        let defined = document.components.securitySchemes.map(\.name)
        let known = Set(defined)
        var requirements = document.security ?? []
        for operation in operations {
            requirements += operation.security ?? []
        }
        // One message a name, at its first use: defining the scheme once mends every use (HubSpot's
        // specs name three undefined schemes in each of their operations).
        var uses: [(name: String, node: YAMLNode, count: Int)] = []
        var useIndex: [String: Int] = [:]
        for requirement in requirements {
            for (name, nameNode, _) in requirement.schemes
            where !known.contains(name) && name != DocumentDecoder.unreadableRequirement {
                if let index = useIndex[name] {
                    uses[index].count += 1
                } else {
                    useIndex[name] = uses.count
                    uses.append((name, nameNode, 1))
                }
            }
        }
        for (name, nameNode, count) in uses {
            var message =
                "security requirement names '\(name)'"
                + (count > 1 ? " (here and in \(count - 1) more requirement\(count == 2 ? "" : "s"))" : "")
                + ", which is not defined in components/securitySchemes"
            if let suggestion = Suggestions.closest(to: name, among: defined) {
                message += " (did you mean '\(suggestion)'?)"
            } else if !defined.isEmpty {
                message += " (defined: \(defined.joined(separator: ", ")))"
            }
            error(
                message, at: nameNode, kind: "security-scheme-undefined",
                reading:
                    "Lathe leaves the scheme to the transport, and a generated server admits no request on it "
                    + "without a check you supply"
            )
        }
    }

    // MARK: Reference cycles

    /// A chain of references that comes back to where it started without any content, or `allOf`s
    /// that include themselves, are errors; a schema that refers to itself through properties or
    /// items (a recursive type) is fine.
    private mutating func checkReferenceCycles() {
        let store = document.store
        var schemaEdges: [String: [Edge]] = [:]
        for (key, schema) in store.schemas {
            var edges: [Edge] = []
            if schema.isPureReference, let ref = schema.ref, let target = ref.targetKey {
                edges.append(Edge(target: target, reference: ref, viaAllOf: false))
            }
            for member in schema.allOf {
                if let ref = member.ref, let target = ref.targetKey {
                    edges.append(Edge(target: target, reference: ref, viaAllOf: true))
                }
            }
            if !edges.isEmpty { schemaEdges[key] = edges }
        }
        checkCycles(in: schemaEdges, noun: "schema")
        checkCycles(in: chains(store.parameters), noun: "parameter")
        checkCycles(in: chains(store.responses), noun: "response")
        checkCycles(in: chains(store.requestBodies), noun: "request body")
        checkCycles(in: chains(store.headers), noun: "header")
        checkCycles(in: chains(store.examples), noun: "example")
        checkCycles(in: chains(store.links), noun: "link")
        checkCycles(in: chains(store.callbacks), noun: "callback")
        checkCycles(in: chains(store.securitySchemes), noun: "security scheme")
        let pathItemChains = store.pathItems.compactMapValues { item -> [Edge]? in
            guard let ref = item.ref, let target = ref.targetKey, item.operations.isEmpty else { return nil }
            return [Edge(target: target, reference: ref, viaAllOf: false)]
        }
        checkCycles(in: pathItemChains, noun: "path item")
    }

    private struct Edge {
        var target: String
        var reference: Reference
        var viaAllOf: Bool
    }

    private func chains<T>(_ table: [String: Referenceable<T>]) -> [String: [Edge]] {
        table.compactMapValues { item in
            guard let ref = item.reference, let target = ref.targetKey else { return nil }
            return [Edge(target: target, reference: ref, viaAllOf: false)]
        }
    }

    /// Finds every cycle in `edges` with a depth-first search (no recursion) and reports each once,
    /// at the reference leaving its smallest key.
    private mutating func checkCycles(in edges: [String: [Edge]], noun: String) {
        enum Mark { case visiting, done }
        var marks: [String: Mark] = [:]
        var reported = Set<[String]>()
        for start in edges.keys.sorted() where marks[start] == nil {
            // The path from `start`, each entry a key and the index of the next edge to follow.
            var path: [(key: String, next: Int)] = [(start, 0)]
            marks[start] = .visiting
            while let (key, next) = path.last {
                let outgoing = edges[key] ?? []
                guard next < outgoing.count else {
                    marks[key] = .done
                    path.removeLast()
                    continue
                }
                path[path.count - 1].next += 1
                let target = outgoing[next].target
                switch marks[target] {
                case nil:
                    marks[target] = .visiting
                    path.append((target, 0))
                case .visiting?:
                    let keys = path.map(\.key)
                    let cycle = Array(keys[keys.lastIndex(of: target)!...])
                    reportCycle(cycle, edges: edges, noun: noun, reported: &reported)
                case .done?:
                    break
                }
            }
        }
    }

    private mutating func reportCycle(
        _ cycle: [String], edges: [String: [Edge]], noun: String, reported: inout Set<[String]>
    ) {
        let first = cycle.firstIndex(of: cycle.min()!)!
        let rotated = Array(cycle[first...] + cycle[..<first])
        guard reported.insert(rotated).inserted else { return }
        let next = rotated.count > 1 ? rotated[1] : rotated[0]
        guard let edge = edges[rotated[0]]?.first(where: { $0.target == next }) else { return }
        let chain = (rotated + [rotated[0]]).map(displayName).joined(separator: " → ")
        let throughAllOf = rotated.indices.contains { index in
            let to = rotated[(index + 1) % rotated.count]
            return edges[rotated[index]]?.contains { $0.target == to && $0.viaAllOf } ?? false
        }
        if throughAllOf {
            error(
                "this schema includes itself through allOf: \(chain); a type cannot contain itself",
                at: edge.reference.node, kind: "allof-includes-itself",
                reading: "Lathe ignores the allOf member that leads back")
        } else {
            error(
                "this \(noun) reference never reaches a value: \(chain) goes round in a circle",
                at: edge.reference.node, kind: "ref-cycle",
                reading: noun == "schema"
                    ? "Lathe generates the value as any JSON value (JSONValue)" : "Lathe leaves it out")
        }
    }

    /// `#/components/schemas/A` for the root file, `models/pet.yaml#/…` for another.
    private func displayName(_ key: String) -> String {
        guard let hash = key.lastIndex(of: "#") else { return key }
        let file = displayPath(String(key[..<hash])) ?? ""
        return file + "#" + key[key.index(after: hash)...]
    }
}
