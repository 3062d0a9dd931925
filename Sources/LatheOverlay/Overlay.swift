import LatheDiagnostics
import LatheYAML

/// OpenAPI Overlay documents (1.0.x, and 1.1.x with `copy`) applied to a YAML document before it is
/// decoded.
///
/// Actions run in order, each on the result of the ones before. `update` merges the way Overlay 1.1
/// spells out: a property only in the update is added, primitives replace primitives, lists are
/// concatenated, mappings merge recursively, and any other pairing is an error; an update aimed at
/// a list is appended to it. `remove` takes the selected nodes out of their mapping or list. An
/// action whose target selects nothing is a warning at the target, since it almost always means the
/// document changed under the overlay.
public enum Overlay {
    /// Applies `overlays` in order to `document`. The result is named like the document; nodes an
    /// overlay added keep their location in the overlay file.
    public static func apply(
        _ overlays: [YAMLTree], to document: YAMLTree
    ) -> (tree: YAMLTree, diagnostics: Diagnostics) {
        guard let root = document.root, !overlays.isEmpty else { return (document, Diagnostics()) }
        var applier = Applier(document: YAMLDraft(root), documentPath: document.path)
        // The YAML reader's budget, for the composed document: overlays whose updates keep adding
        // nodes (`$..*` merging into everything, again and again) stop there instead of taking the
        // machine's memory.
        applier.nodeBudget = 100_000 + 10 * (document.nodeCount + overlays.reduce(0) { $0 + $1.nodeCount })
        applier.nodes = applier.document.nodeCount
        for overlay in overlays where !applier.isOverBudget {
            applier.apply(overlay)
        }
        return (applier.document.makeTree(path: document.path), applier.diagnostics)
    }
}

private struct Applier {
    var document: YAMLDraft
    let documentPath: String
    var diagnostics = Diagnostics()
    /// How many nodes the document may grow to, and (at most) how many it has.
    var nodeBudget = Int.max
    var nodes = 0
    /// Set when an action would cross the budget: no further action is applied.
    var isOverBudget = false

    mutating func error(_ message: String, at node: YAMLNode) { diagnostics.error(message, at: node) }

    mutating func warning(_ message: String, at node: YAMLNode, kind: String) {
        diagnostics.warning(message, at: node, kind: kind)
    }

    mutating func apply(_ overlay: YAMLTree) {
        guard let root = overlay.root else {
            diagnostics.append(.error("the overlay is empty", at: SpecLocation(file: overlay.path, line: 1, column: 1)))
            return
        }
        guard root.isMapping else {
            return error(
                "an overlay is a mapping with 'overlay', 'info' and 'actions'; found \(root.kindDescription)", at: root)
        }
        guard let version = root["overlay"] else {
            if root["openapi"] != nil || root["swagger"] != nil {
                return error(
                    "this is an OpenAPI document, not an overlay (an overlay starts with 'overlay: 1.0.0')", at: root)
            }
            return error(
                "missing 'overlay': an overlay says which version of the Overlay Specification it uses "
                    + "('overlay: 1.0.0')",
                at: root)
        }
        let versionText = version.text ?? ""
        let isVersion1_1 = versionText.hasPrefix("1.1.")
        guard version.isScalar, versionText.hasPrefix("1.0.") || isVersion1_1,
            versionText.split(separator: ".").count == 3
        else {
            return error("Lathe applies Overlay 1.0.x and 1.1.x; this overlay says '\(versionText)'", at: version)
        }
        checkInfo(root["info"], in: root)
        diagnostics.unknownFields(of: root, in: "an overlay", fields: ["overlay", "info", "extends", "actions"])
        guard let actions = root["actions"] else {
            return error("missing 'actions': an overlay has a list of at least one action", at: root)
        }
        guard actions.isSequence, actions.count > 0 else {
            return error(
                "'actions' must be a list of at least one action; found \(actions.kindDescription)", at: actions)
        }
        for action in actions.items where !isOverBudget {
            apply(action: action, allowsCopy: isVersion1_1)
        }
    }

    mutating func checkInfo(_ info: YAMLNode?, in root: YAMLNode) {
        guard let info else { return error("missing 'info' (with 'title' and 'version')", at: root) }
        guard info.isMapping else { return error("'info' must be a mapping with 'title' and 'version'", at: info) }
        for field in ["title", "version"] where info[field]?.isScalar != true {
            error("'info' needs a '\(field)' string", at: info[field] ?? info)
        }
    }

    mutating func apply(action: YAMLNode, allowsCopy: Bool) {
        guard action.isMapping else {
            return error(
                "an action is a mapping with 'target' and 'update' or 'remove'; found \(action.kindDescription)",
                at: action)
        }
        let known =
            allowsCopy
            ? ["target", "description", "update", "remove", "copy"] : ["target", "description", "update", "remove"]
        diagnostics.unknownFields(
            of: action, in: allowsCopy ? "an Overlay 1.1 action" : "an Overlay 1.0 action", fields: known)
        guard let targetNode = action["target"] else {
            return error("the action has no 'target' (a JSONPath query such as \"$.paths['/pets'].get\")", at: action)
        }
        guard targetNode.isScalar, let targetText = targetNode.text, targetNode.scalarType == .string else {
            return error("'target' must be a JSONPath string; found \(targetNode.kindDescription)", at: targetNode)
        }
        let target: JSONPathQuery
        do {
            target = try JSONPathQuery(targetText)
        } catch {
            return self.error("'target' is not a valid RFC 9535 JSONPath: \(error)", at: targetNode)
        }
        var remove = false
        if let removeNode = action["remove"] {
            guard let flag = removeNode.boolValue else {
                return error("'remove' must be true or false; found \(removeNode.kindDescription)", at: removeNode)
            }
            remove = flag
        }
        let update = action["update"]
        let copy = allowsCopy ? action["copy"] : nil

        var seen = Set<ObjectIdentifier>()
        let matches = target.select(in: document).filter { seen.insert(ObjectIdentifier($0.node)).inserted }
        if matches.isEmpty {
            return warning(
                "the target \(targetText) selects nothing in \(documentPath); this action changes nothing",
                at: targetNode, kind: "overlay-selects-nothing")
        }
        if remove {
            if let ignored = update ?? copy {
                warning(
                    "this action removes its target, so its '\(ignored == update ? "update" : "copy")' is not applied",
                    at: ignored, kind: "overlay-action-ignored")
            }
            for match in matches { self.remove(match, targetNode: targetNode) }
            return
        }
        if let copy {
            guard update == nil else { return error("an action has 'update' or 'copy', not both", at: copy) }
            guard let source = resolveCopySource(copy) else { return }
            guard withinBudget(adding: source.nodeCount, times: matches.count, at: copy) else { return }
            for match in matches { merge(source.copy(), into: match, blame: copy) }
            return
        }
        guard let update else {
            return warning(
                "the action has neither 'update' nor 'remove: true', so it changes nothing", at: action,
                kind: "overlay-action-ignored")
        }
        let added = YAMLDraft(update).nodeCount
        guard withinBudget(adding: added, times: matches.count, at: update) else { return }
        for match in matches { merge(YAMLDraft(update), into: match, blame: update) }
    }

    /// Whether adding `count` nodes `times` times keeps the document within its budget; when not,
    /// says so at `node` and stops the overlays (the document stays as the earlier actions left it).
    mutating func withinBudget(adding count: Int, times: Int, at node: YAMLNode) -> Bool {
        let (product, overflow) = count.multipliedReportingOverflow(by: times)
        guard !overflow, nodes + product <= nodeBudget else {
            // Past the diagnostics cap too: it says why everything after it is missing.
            diagnostics.append(
                .error(
                    "this action would make the document larger than \(nodeBudget) nodes (100,000 plus ten times "
                        + "what the spec and its overlays hold); Lathe stops applying overlays here",
                    at: node.location, pointer: node.pointer))
            isOverBudget = true
            return false
        }
        nodes += product
        return true
    }

    mutating func resolveCopySource(_ node: YAMLNode) -> YAMLDraft? {
        guard let text = node.text, node.scalarType == .string else {
            error("'copy' must be a JSONPath string; found \(node.kindDescription)", at: node)
            return nil
        }
        do {
            let sources = try JSONPathQuery(text).select(in: document)
            guard sources.count == 1 else {
                error("'copy' must select exactly one node; \(text) selects \(sources.count)", at: node)
                return nil
            }
            return sources[0].node
        } catch {
            self.error("'copy' is not a valid RFC 9535 JSONPath: \(error)", at: node)
            return nil
        }
    }

    mutating func remove(_ match: JSONPathMatch, targetNode: YAMLNode) {
        guard let parent = match.parent else {
            return error("the target selects the whole document, which cannot be removed", at: targetNode)
        }
        switch parent.content {
        case .mapping(var entries):
            entries.removeAll { $0.value === match.node }
            parent.content = .mapping(entries)
        case .sequence(var items):
            items.removeAll { $0 === match.node }
            parent.content = .sequence(items)
        case .scalar:
            break
        }
    }

    /// Merges `source` (already a private copy) into the selected node.
    mutating func merge(_ source: YAMLDraft, into match: JSONPathMatch, blame: YAMLNode) {
        let target = match.node
        if case .sequence(var items) = target.content {
            // An update aimed at a list: a list is concatenated, anything else appended.
            if case .sequence(let added) = source.content {
                items.append(contentsOf: added)
            } else {
                items.append(source)
            }
            target.content = .sequence(items)
            return
        }
        merge(source, into: target, blame: blame, path: [])
    }

    mutating func merge(_ source: YAMLDraft, into target: YAMLDraft, blame: YAMLNode, path: [String]) {
        switch (target.content, source.content) {
        case (.mapping(var entries), .mapping(let added)):
            for (key, value) in added {
                if let index = entries.firstIndex(where: { $0.key.text == key.text }) {
                    let existing = entries[index].value
                    if case .scalar = existing.content, case .scalar = value.content {
                        entries[index].value = value
                    } else {
                        merge(value, into: existing, blame: value.origin, path: path + [key.text ?? ""])
                    }
                } else {
                    entries.append((key, value))
                }
            }
            target.content = .mapping(entries)
        case (.sequence(var items), .sequence(let added)):
            items.append(contentsOf: added)
            target.content = .sequence(items)
        case (.scalar, .scalar):
            target.origin = source.origin
        default:
            let place = path.isEmpty ? "the target" : "'\(path.joined(separator: "."))'"
            error(
                "cannot merge \(Self.describe(source)) into \(place), which is \(Self.describe(target)) (Overlay "
                    + "merges mappings with mappings, lists with lists, and replaces primitives with primitives)",
                at: blame)
        }
    }

    static func describe(_ draft: YAMLDraft) -> String {
        switch draft.content {
        case .scalar: draft.origin.kindDescription
        case .sequence: "a list"
        case .mapping: "a mapping"
        }
    }
}

extension YAMLDraft {
    /// A deep copy, so a node copied to several places is not shared.
    func copy() -> YAMLDraft {
        switch content {
        case .scalar: YAMLDraft(origin: origin, content: .scalar)
        case .sequence(let items): YAMLDraft(origin: origin, content: .sequence(items.map { $0.copy() }))
        case .mapping(let entries):
            YAMLDraft(origin: origin, content: .mapping(entries.map { ($0.key, $0.value.copy()) }))
        }
    }
}
