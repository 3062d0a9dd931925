/// Decisions that need the whole module: which properties must be boxed (to break a cycle, or to
/// keep a large value out of line), and where `format: uri` can safely be `URL`.
enum Passes {
    /// Types that contain each other directly (not through an array or a map, which already live on
    /// the heap) form cycles a Swift value type cannot hold inline. Boxing is kept to what the
    /// cycles need: a `oneOf` enum in a cycle becomes `indirect` (which breaks every cycle through
    /// it), and among the structs left in a cycle only the edges that close it (the back edges of a
    /// depth-first search from the first type) are boxed.
    static func boxCycles(in module: inout IRModule) {
        let edges = module.types.map { type in directTargets(of: type.kind) }
        var breakers = Set<Int>()
        for component in stronglyConnected(edges)
        where component.count > 1 || edges[component[0]].contains(component[0]) {
            for index in component {
                let id = IRTypeID(index)
                switch module[id].kind {
                case .union(var union):
                    union.isRecursive = true
                    module[id].kind = .union(union)
                    breakers.insert(index)
                case .anyOf(var union):
                    union.isRecursive = true
                    module[id].kind = .anyOf(union)
                    breakers.insert(index)
                default:
                    break
                }
            }
        }
        // What is left: cycles through structs (and aliases) alone.
        let remaining = edges.enumerated().map { index, targets in
            breakers.contains(index) ? [] : targets.filter { !breakers.contains($0) }
        }
        var boxed = Set<Edge>()
        for component in stronglyConnected(remaining)
        where component.count > 1 || remaining[component[0]].contains(component[0]) {
            boxed.formUnion(backEdges(in: Set(component), edges: remaining, from: component.min()!))
        }
        // An edge leaving an alias (`MaybeNode = Node?`) cannot be boxed where it is; box the
        // struct properties that lead into the alias instead.
        var toBox = Set<Edge>()
        for edge in boxed {
            switch module[IRTypeID(edge.from)].kind {
            case .object, .tuple:
                toBox.insert(edge)
            default:
                for (index, targets) in remaining.enumerated() where targets.contains(edge.from) {
                    toBox.insert(Edge(from: index, to: edge.from))
                }
            }
        }
        for edge in toBox {
            let id = IRTypeID(edge.from)
            func box(_ members: inout [IRProperty]) {
                for p in members.indices where directTarget(of: members[p].type) == edge.to {
                    members[p].isBoxed = true
                }
            }
            switch module[id].kind {
            case .object(var object):
                box(&object.properties)
                module[id].kind = .object(object)
            case .tuple(var tuple):
                box(&tuple.positions)
                module[id].kind = .tuple(tuple)
            default:
                continue
            }
        }
    }

    /// How many stored fields a nested value may add to the type that holds it before it is kept
    /// behind a reference instead (BENCHMARKS.md, "What a debug build of generated types is").
    static let inlineFieldLimit = 8

    /// Keeps large nested values out of line. Swift copies, assigns and destroys a struct through
    /// value witnesses that walk every field it holds inline, nested structs' fields included; for
    /// a spec whose objects nest other objects (`PaymentUpdatedEvent` holds `Payment`, which holds
    /// a dozen objects of its own) those functions grow with the whole tree below the type, and
    /// were two thirds of the machine code a debug build of Square's types emits. A property whose
    /// type would add more than `inlineFieldLimit` fields is boxed (stored in an immutable
    /// `Indirect`, its public type unchanged), and a `oneOf` enum whose cases would is `indirect`;
    /// each type then costs its own fields. Types are settled children first, so each sees the
    /// sizes its members have once their own large members are boxed.
    static func boxLargeValues(in module: inout IRModule, limit: Int = inlineFieldLimit) {
        var fields = [Int?](repeating: nil, count: module.types.count)
        var open = Set<Int>()
        for root in module.types.indices where fields[root] == nil {
            var work = [root]
            while let node = work.last {
                if fields[node] != nil {
                    work.removeLast()
                } else if open.insert(node).inserted {
                    work += directTargets(of: module[IRTypeID(node)].kind).filter {
                        fields[$0] == nil && !open.contains($0)
                    }
                } else {
                    fields[node] = settle(IRTypeID(node), in: &module, fields: fields, limit: limit)
                    open.remove(node)
                    work.removeLast()
                }
            }
        }
    }

    /// Boxes what is too large in one type whose inline members are settled; returns how many
    /// fields the type then holds inline. A member still being settled (a cycle boxing left, which
    /// cannot be inline) counts as one.
    private static func settle(_ id: IRTypeID, in module: inout IRModule, fields: [Int?], limit: Int) -> Int {
        func size(_ type: IRValueType) -> Int {
            directTarget(of: type).map { fields[$0] ?? 1 } ?? 1
        }
        /// The fields `members` hold inline once each too large is boxed, and whether one was.
        func boxLarge(_ members: inout [IRProperty]) -> (fields: Int, boxed: Bool) {
            var total = 0
            var boxed = false
            for index in members.indices {
                let inline = members[index].isBoxed ? 1 : size(members[index].type)
                if inline > limit {
                    members[index].isBoxed = true
                    boxed = true
                    total += 1
                } else {
                    total += inline
                }
            }
            return (total, boxed)
        }
        switch module[id].kind {
        case .object(var object):
            var (total, boxed) = boxLarge(&object.properties)
            total += object.composed.reduce(0) { $0 + size($1.type) }
            if case .captured = object.additionalProperties { total += 1 }
            if object.undeclaredKeysName != nil { total += 1 }
            // Stored back only when changed: the first change copies the property list, which the
            // module still shares, and most types box nothing.
            if boxed { module[id].kind = .object(object) }
            return max(total, 1)
        case .tuple(var tuple):
            let (total, boxed) = boxLarge(&tuple.positions)
            if boxed { module[id].kind = .tuple(tuple) }
            // The rest, or the items kept for `validate()`: one list.
            return total + 1
        case .union(var union):
            guard !union.isRecursive else { return 1 }
            // An enum copies one case at a time, but its witnesses hold code for every case.
            let total = union.cases.reduce(0) { $0 + size($1.type) }
            guard total > limit else { return max(total, 1) }
            union.isRecursive = true
            module[id].kind = .union(union)
            return 1
        case .anyOf(let union):
            // Its members are public stored properties: boxing them would change their types.
            let members = union.isRecursive ? union.cases.count : union.cases.reduce(0) { $0 + size($1.type) }
            return max(members, 1)
        case .alias(let type, _):
            return size(type)
        case .enumeration, .pending:
            return 1
        }
    }

    private struct Edge: Hashable {
        var from: Int
        var to: Int
    }

    /// Edges that lead back to a type still on the depth-first path: boxing them breaks every cycle.
    private static func backEdges(in members: Set<Int>, edges: [[Int]], from start: Int) -> Set<Edge> {
        var result = Set<Edge>()
        var state: [Int: Bool] = [:]  // false: on the path; true: finished
        var work: [(node: Int, next: Int)] = [(start, 0)]
        state[start] = false
        while let (node, next) = work.last {
            let targets = edges[node].filter(members.contains)
            guard next < targets.count else {
                state[node] = true
                work.removeLast()
                continue
            }
            work[work.count - 1].next += 1
            let target = targets[next]
            switch state[target] {
            case nil:
                state[target] = false
                work.append((target, 0))
            case false?:
                result.insert(Edge(from: node, to: target))
            case true?:
                break
            }
        }
        return result
    }

    /// The types a type holds inline: not through an array or a map, nor what boxing (of a cycle,
    /// or of a large value) has already moved out of line.
    private static func directTargets(of kind: IRTypeKind) -> [Int] {
        // Loops rather than `filter` and `flatMap`: a filtered copy of a property list retained
        // every property's fields, and this runs for every type, twice.
        var targets: [Int] = []
        switch kind {
        case .object(let object):
            for property in object.properties where !property.isBoxed {
                if let target = directTarget(of: property.type) { targets.append(target) }
            }
            for member in object.composed {
                if let target = directTarget(of: member.type) { targets.append(target) }
            }
        case .tuple(let tuple):
            for position in tuple.positions where !position.isBoxed {
                if let target = directTarget(of: position.type) { targets.append(target) }
            }
        case .union(let union), .anyOf(let union):
            guard !union.isRecursive else { break }
            for item in union.cases {
                if let target = directTarget(of: item.type) { targets.append(target) }
            }
        case .alias(let type, _):
            if let target = directTarget(of: type) { targets.append(target) }
        case .enumeration, .pending:
            break
        }
        return targets
    }

    /// The type a value holds inline, if it is a named one.
    private static func directTarget(of type: IRValueType) -> Int? {
        switch type {
        case .named(let id): id.index
        case .nullable(let inner): directTarget(of: inner)
        case .primitive, .array, .dictionary: nil
        }
    }

    /// Tarjan's algorithm, iteratively (a spec can chain thousands of types).
    static func stronglyConnected(_ edges: [[Int]]) -> [[Int]] {
        var index = 0
        var indices = [Int?](repeating: nil, count: edges.count)
        var lowLinks = [Int](repeating: 0, count: edges.count)
        var onStack = [Bool](repeating: false, count: edges.count)
        var stack: [Int] = []
        var components: [[Int]] = []
        for root in edges.indices where indices[root] == nil {
            var work: [(node: Int, edge: Int)] = [(root, 0)]
            indices[root] = index
            lowLinks[root] = index
            index += 1
            stack.append(root)
            onStack[root] = true
            while let (node, edge) = work.last {
                if edge < edges[node].count {
                    work[work.count - 1].edge += 1
                    let next = edges[node][edge]
                    if indices[next] == nil {
                        indices[next] = index
                        lowLinks[next] = index
                        index += 1
                        stack.append(next)
                        onStack[next] = true
                        work.append((next, 0))
                    } else if onStack[next] {
                        lowLinks[node] = min(lowLinks[node], indices[next]!)
                    }
                    continue
                }
                work.removeLast()
                if let parent = work.last?.node { lowLinks[parent] = min(lowLinks[parent], lowLinks[node]) }
                if lowLinks[node] == indices[node]! {
                    var component: [Int] = []
                    while let member = stack.popLast() {
                        onStack[member] = false
                        component.append(member)
                        if member == node { break }
                    }
                    components.append(component.sorted())
                }
            }
        }
        return components
    }

    /// `Foundation.URL` rejects some strings servers do send (an empty string, for one), which
    /// would fail a whole response. So `format: uri` is `URL` only in values that requests carry
    /// and nothing a client decodes (responses, webhook and callback requests) reaches; everywhere
    /// else, unused components included, it stays `String`.
    static func chooseURLs(in module: inout IRModule, requestRoots: [IRValueType], responseRoots: [IRValueType]) {
        let sent = reachable(from: requestRoots, in: module)
        let received = reachable(from: responseRoots, in: module)
        // Only types that hold a URL are rewritten: rewriting copies a type's members, which the
        // module still shares, and few types have one. Those only sent keep `URL`.
        for index in module.types.indices where !(sent[index] && !received[index]) && holdsURL(module.types[index].kind)
        {
            let id = IRTypeID(index)
            switch module[id].kind {
            case .object(var object):
                for p in object.properties.indices { object.properties[p].type = withoutURL(object.properties[p].type) }
                for c in object.composed.indices { object.composed[c].type = withoutURL(object.composed[c].type) }
                if case .captured(let value, let constraints) = object.additionalProperties {
                    object.additionalProperties = .captured(withoutURL(value), constraints)
                }
                module[id].kind = .object(object)
            case .tuple(var tuple):
                for p in tuple.positions.indices { tuple.positions[p].type = withoutURL(tuple.positions[p].type) }
                tuple.rest = tuple.rest.map(withoutURL)
                module[id].kind = .tuple(tuple)
            case .union(var union):
                for c in union.cases.indices { union.cases[c].type = withoutURL(union.cases[c].type) }
                module[id].kind = .union(union)
            case .anyOf(var union):
                for c in union.cases.indices { union.cases[c].type = withoutURL(union.cases[c].type) }
                module[id].kind = .anyOf(union)
            case .alias(let aliased, let constraints):
                module[id].kind = .alias(withoutURL(aliased), constraints)
            case .enumeration, .pending:
                break
            }
        }
    }

    /// A required nullable key with `default: null` reads a missing key as null, except in an object
    /// an untagged alternative (or an `anyOf` member) is: there the missing key is what tells the
    /// alternatives apart, and reading it as null made `{"text": …}` the first one that has it.
    static func keepAlternativesStrict(in module: inout IRModule) {
        var tried = Set<Int>()
        func note(_ type: IRValueType) {
            // Items of lists and maps are tried as their container is (`oneOf: [[Stop], [Delta]]`).
            switch type.nonNull {
            case .array(let element), .dictionary(let element): return note(element)
            default: break
            }
            guard case .named(let id) = type.nonNull else { return }
            var current = id
            var steps = 0
            while case .alias(let aliased, _) = module[current].kind, steps < 64 {
                switch aliased.nonNull {
                case .named(let next): current = next
                case .array, .dictionary: return note(aliased)
                default: return
                }
                steps += 1
            }
            if case .object = module[current].kind { tried.insert(current.index) }
        }
        for type in module.types {
            switch type.kind {
            case .union(let union):
                for item in union.cases where union.discriminator == nil || item.discriminatorValues.isEmpty {
                    note(item.type)
                }
            case .anyOf(let union): for item in union.cases { note(item.type) }
            case .object, .tuple, .enumeration, .alias, .pending: break
            }
        }
        for index in tried {
            guard case .object(var object) = module.types[index].kind else { continue }
            var changed = false
            for property in object.properties.indices
            where object.properties[property].isRequired && object.properties[property].defaultValue == .null {
                object.properties[property].defaultValue = nil
                changed = true
            }
            if changed { module.types[index].kind = .object(object) }
        }
    }

    /// Resolves every alias chain once (`IRModule.resolvedAliases`); alias cycles are already broken.
    static func resolveAliases(in module: inout IRModule) {
        var resolved: [IRTypeID: IRResolvedAlias] = [:]
        for index in module.types.indices {
            var chain: [IRTypeID] = []
            var current = IRTypeID(index)
            // Walk to the end of the chain, or to an alias already resolved.
            while resolved[current] == nil, case .alias(let aliased, _) = module[current].kind {
                chain.append(current)
                guard case .named(let next) = aliased, case .alias = module[next].kind, !chain.contains(next) else {
                    break
                }
                current = next
            }
            // Resolve from the far end back, each outer alias overlaying its constraints.
            for id in chain.reversed() {
                guard case .alias(let aliased, let constraints) = module[id].kind else { continue }
                if case .named(let next) = aliased, let inner = resolved[next] {
                    resolved[id] = IRResolvedAlias(
                        type: inner.type, constraints: inner.constraints.overlaid(with: constraints))
                } else {
                    resolved[id] = IRResolvedAlias(type: aliased, constraints: constraints)
                }
            }
        }
        module.resolvedAliases = resolved
    }

    /// Leaves out the top-level types nothing uses: an inline multipart body's object, whose parts
    /// are generated instead, or a schema a `$ref` reaches only from one. `keep` (the component
    /// schemas, which users may use directly) and what `roots` reach stay, with the types that
    /// reached nested types are nested in.
    ///
    /// Returns what the roots and `keep` reach, before the types kept only as parents were added.
    static func pruneUnreachable(in module: inout IRModule, roots: [IRValueType], keep: [IRTypeID]) -> [Bool] {
        var reached = reachable(from: roots + keep.map { .named($0) }, in: module)
        let reachedByUse = reached
        while true {
            let parents = module.types.indices.compactMap { reached[$0] ? module.types[$0].parent?.index : nil }
                .filter { !reached[$0] }
            if parents.isEmpty { break }
            let known = module.types.indices.filter { reached[$0] }
            reached = reachable(from: (known + parents).map { .named(IRTypeID($0)) }, in: module)
        }
        module.topLevel = module.topLevel.filter { reached[$0.index] }
        return reachedByUse
    }

    /// Every named type a set of value types reaches, nested types included: `reached[index]`.
    /// (A mask, not a set: this walks every type of the module, several times.)
    private static func reachable(from roots: [IRValueType], in module: IRModule) -> [Bool] {
        var reached = [Bool](repeating: false, count: module.types.count)
        var work = roots.compactMap(namedType(in:))
        func visit(_ type: IRValueType) {
            if let index = namedType(in: type), !reached[index] { work.append(index) }
        }
        while let next = work.popLast() {
            guard !reached[next] else { continue }
            reached[next] = true
            let type = module.types[next]
            for nested in type.nested where !reached[nested.index] { work.append(nested.index) }
            forEachValueType(in: type.kind, visit)
        }
        return reached
    }

    /// The value types a kind refers to itself: its properties', composed members' and additional
    /// properties', its cases', or the one it aliases.
    private static func forEachValueType(in kind: IRTypeKind, _ body: (IRValueType) -> Void) {
        switch kind {
        case .object(let object):
            for property in object.properties { body(property.type) }
            for member in object.composed { body(member.type) }
            if case .captured(let value, _) = object.additionalProperties { body(value) }
        case .tuple(let tuple):
            for position in tuple.positions { body(position.type) }
            if let rest = tuple.rest { body(rest) }
        case .union(let union), .anyOf(let union):
            for item in union.cases { body(item.type) }
        case .alias(let aliased, _): body(aliased)
        case .enumeration, .pending: break
        }
    }

    /// Whether a reached named type (the first `namedCount` types are the named ones), or a type
    /// inside one, uses a type declared inside a top-level type that is not reached: what a schema
    /// several schemas merge declares (an `allOf` base's enum) lives in the first of them lowered,
    /// which may be another named type or an inline one (an array component's items).
    static func usesDeclarationsOfUnreached(namedCount: Int, reached: [Bool], in module: IRModule) -> Bool {
        func outermost(_ index: Int) -> Int {
            var current = index
            while let parent = module.types[current].parent { current = parent.index }
            return current
        }
        for index in module.types.indices where reached[index] {
            let owner = outermost(index)
            guard owner < namedCount, reached[owner] else { continue }
            var found = false
            forEachValueType(in: module.types[index].kind) { type in
                guard !found, let target = namedType(in: type) else { return }
                let declarer = outermost(target)
                found = declarer != owner && !reached[declarer]
            }
            if found { return true }
        }
        return false
    }

    /// The named type a value holds (a value holds at most one, at any depth of arrays,
    /// dictionaries and optionals).
    private static func namedType(in type: IRValueType) -> Int? {
        switch type {
        case .named(let id): id.index
        case .array(let inner), .dictionary(let inner), .nullable(let inner): namedType(in: inner)
        case .primitive: nil
        }
    }

    private static func holdsURL(_ kind: IRTypeKind) -> Bool {
        var holds = false
        forEachValueType(in: kind) { type in holds = holds || holdsURL(type) }
        return holds
    }

    private static func holdsURL(_ type: IRValueType) -> Bool {
        switch type {
        case .primitive(let primitive): primitive == .url
        case .array(let inner), .dictionary(let inner), .nullable(let inner): holdsURL(inner)
        case .named: false
        }
    }

    private static func withoutURL(_ type: IRValueType) -> IRValueType {
        switch type {
        case .primitive(.url): .primitive(.string)
        case .array(let inner): .array(withoutURL(inner))
        case .dictionary(let inner): .dictionary(withoutURL(inner))
        case .nullable(let inner): .nullable(withoutURL(inner))
        case .named, .primitive: type
        }
    }
}
