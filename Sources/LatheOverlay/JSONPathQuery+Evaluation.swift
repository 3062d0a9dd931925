import LatheYAML

/// A node a query selected, with the node that holds it (nil for the root), so it can be removed
/// or replaced.
public struct JSONPathMatch {
    public let node: YAMLDraft
    public let parent: YAMLDraft?
}

extension JSONPathQuery {
    /// The nodes this query selects in `root`, in document order (RFC 9535 nodelist semantics;
    /// a node selected twice appears twice).
    public func select(in root: YAMLDraft) -> [JSONPathMatch] {
        Evaluator(root: root).evaluate(query, from: JSONPathMatch(node: root, parent: nil))
    }
}

private struct Evaluator {
    let root: YAMLDraft

    func evaluate(_ query: JSONPathQuery.Query, from start: JSONPathMatch) -> [JSONPathMatch] {
        var nodes = [start]
        for segment in query.segments {
            var next: [JSONPathMatch] = []
            for match in nodes {
                switch segment {
                case .child(let selectors):
                    for selector in selectors { select(selector, in: match.node, into: &next) }
                case .descendant(let selectors):
                    for node in descendants(of: match.node) {
                        for selector in selectors { select(selector, in: node, into: &next) }
                    }
                }
            }
            nodes = next
        }
        return nodes
    }

    /// The node and everything below it, parents before children, children in order.
    func descendants(of node: YAMLDraft) -> [YAMLDraft] {
        var result: [YAMLDraft] = []
        var stack = [node]
        while let top = stack.popLast() {
            result.append(top)
            stack.append(contentsOf: Self.children(of: top).reversed())
        }
        return result
    }

    static func children(of node: YAMLDraft) -> [YAMLDraft] {
        switch node.content {
        case .scalar: []
        case .sequence(let items): items
        case .mapping(let entries): entries.map(\.value)
        }
    }

    func select(_ selector: JSONPathQuery.Selector, in node: YAMLDraft, into result: inout [JSONPathMatch]) {
        switch (selector, node.content) {
        case (.name(let name), .mapping(let entries)):
            if let value = entries.first(where: { $0.key.textEquals(name) })?.value {
                result.append(JSONPathMatch(node: value, parent: node))
            }
        case (.wildcard, _):
            result.append(contentsOf: Self.children(of: node).map { JSONPathMatch(node: $0, parent: node) })
        case (.index(let index), .sequence(let items)):
            let position = index >= 0 ? index : items.count + index
            if items.indices.contains(position) {
                result.append(JSONPathMatch(node: items[position], parent: node))
            }
        case (.slice(let start, let end, let step), .sequence(let items)):
            for position in Self.slice(count: items.count, start: start, end: end, step: step ?? 1) {
                result.append(JSONPathMatch(node: items[position], parent: node))
            }
        case (.filter(let expression), _):
            for child in Self.children(of: node) where test(expression, current: child) {
                result.append(JSONPathMatch(node: child, parent: node))
            }
        default:
            break
        }
    }

    /// The positions an array slice selects (RFC 9535 §2.3.4.2.2).
    static func slice(count: Int, start: Int?, end: Int?, step: Int) -> [Int] {
        guard step != 0 else { return [] }
        func normalize(_ index: Int) -> Int { index >= 0 ? index : count + index }
        var positions: [Int] = []
        if step > 0 {
            let lower = min(max(normalize(start ?? 0), 0), count)
            let upper = min(max(normalize(end ?? count), 0), count)
            var index = lower
            while index < upper {
                positions.append(index)
                index += step
            }
        } else {
            let upper = min(max(normalize(start ?? count - 1), -1), count - 1)
            let lower = min(max(normalize(end ?? -count - 1), -1), count - 1)
            var index = upper
            while lower < index {
                positions.append(index)
                index += step
            }
        }
        return positions
    }

    func test(_ expression: JSONPathQuery.Expression, current: YAMLDraft) -> Bool {
        switch expression {
        case .or(let operands): return operands.contains { test($0, current: current) }
        case .and(let operands): return operands.allSatisfy { test($0, current: current) }
        case .not(let operand): return !test(operand, current: current)
        case .exists(let query): return !run(query, current: current).isEmpty
        case .compare(let left, let comparison, let right):
            let lhs = value(left, current: current)
            let rhs = value(right, current: current)
            switch comparison {
            case .equal: return Self.equal(lhs, rhs)
            case .notEqual: return !Self.equal(lhs, rhs)
            case .less: return Self.less(lhs, rhs)
            case .lessOrEqual: return Self.less(lhs, rhs) || Self.equal(lhs, rhs)
            case .greater: return Self.less(rhs, lhs)
            case .greaterOrEqual: return Self.less(rhs, lhs) || Self.equal(lhs, rhs)
            }
        }
    }

    func run(_ query: JSONPathQuery.Query, current: YAMLDraft) -> [JSONPathMatch] {
        evaluate(query, from: JSONPathMatch(node: query.isRelative ? current : root, parent: nil))
    }

    /// A comparable value: a literal, a node, or nothing (a singular query that selected nothing).
    enum Value {
        case literal(JSONPathQuery.Literal)
        case node(YAMLDraft)
        case nothing
    }

    func value(_ operand: JSONPathQuery.Operand, current: YAMLDraft) -> Value {
        switch operand {
        case .literal(let literal): return .literal(literal)
        case .query(let query): return run(query, current: current).first.map { .node($0.node) } ?? .nothing
        }
    }

    /// A scalar node as a literal (its YAML 1.2 core-schema type); nil for a collection.
    static func literal(of node: YAMLDraft) -> JSONPathQuery.Literal? {
        guard case .scalar = node.content else { return nil }
        let origin = node.origin
        switch origin.scalarType {
        case .null?: return .null
        case .bool?: return .bool(origin.boolValue ?? false)
        case .int?, .float?:
            return Double(origin.text ?? "").map(JSONPathQuery.Literal.number) ?? .string(origin.text ?? "")
        case .string?, nil: return .string(origin.text ?? "")
        }
    }

    static func equal(_ lhs: Value, _ rhs: Value) -> Bool {
        switch (lhs, rhs) {
        case (.nothing, .nothing): return true
        case (.nothing, _), (_, .nothing): return false
        case (.literal(let a), .literal(let b)): return a == b
        case (.literal(let a), .node(let b)), (.node(let b), .literal(let a)): return literal(of: b) == a
        case (.node(let a), .node(let b)): return deepEqual(a, b)
        }
    }

    static func deepEqual(_ a: YAMLDraft, _ b: YAMLDraft) -> Bool {
        switch (a.content, b.content) {
        case (.scalar, .scalar):
            return literal(of: a) == literal(of: b)
        case (.sequence(let left), .sequence(let right)):
            return left.count == right.count && zip(left, right).allSatisfy { deepEqual($0, $1) }
        case (.mapping(let left), .mapping(let right)):
            guard left.count == right.count else { return false }
            return left.allSatisfy { entry in
                guard let other = right.first(where: { $0.key.text == entry.key.text }) else { return false }
                return deepEqual(entry.value, other.value)
            }
        default:
            return false
        }
    }

    /// `<`: numbers with numbers and strings with strings (by code point); anything else is false.
    static func less(_ lhs: Value, _ rhs: Value) -> Bool {
        func primitive(_ value: Value) -> JSONPathQuery.Literal? {
            switch value {
            case .literal(let literal): literal
            case .node(let node): literal(of: node)
            case .nothing: nil
            }
        }
        switch (primitive(lhs), primitive(rhs)) {
        case (.number(let a)?, .number(let b)?): return a < b
        case (.string(let a)?, .string(let b)?): return a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars)
        default: return false
        }
    }
}
