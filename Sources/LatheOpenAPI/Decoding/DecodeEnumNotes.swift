import LatheYAML

/// Names and descriptions of `enum` values from the vendor extensions generators share: lists
/// beside the values (`x-enum-varnames`, NSwag's `x-enumNames`, `x-enum-descriptions`), or entries
/// that name their value (Square's `x-enum-elements`, Azure's `x-ms-enum`).
extension DocumentDecoder {
    func enumValueNotes(_ values: [SpecValue], _ extensions: Extensions) -> [Schema.EnumValueNote]? {
        var notes = Array(repeating: Schema.EnumValueNote(), count: values.count)
        var found = false
        for (name, node) in extensions.entries {
            switch name {
            case "x-enum-varnames", "x-enumNames", "x-enum-names":
                // Only an integer's case takes the name (a string's is its value's), so only an
                // integer enum's list is read, or warned about.
                guard values.allSatisfy(Self.isIntegerOrNull),
                    let names = parallelTexts(node, name, count: values.count)
                else { continue }
                for (index, text) in names.enumerated() { notes[index].name = text }
                found = true
            case "x-enum-descriptions", "x-enumDescriptions":
                guard let descriptions = parallelTexts(node, name, count: values.count) else { continue }
                for (index, text) in descriptions.enumerated() { notes[index].description = text }
                found = true
            case "x-enum-elements":
                // `[{name: VALUE, description: …}]`, the name being the value.
                found = describe(&notes, values, entries: node.items, valueKey: "name", nameKey: nil) || found
            case "x-ms-enum":
                // `{name: Type, values: [{value: 1, name: Active, description: …}]}`.
                guard let entries = node["values"]?.items else { continue }
                found = describe(&notes, values, entries: entries, valueKey: "value", nameKey: "name") || found
            default: continue
            }
        }
        return found ? notes : nil
    }

    private static func isIntegerOrNull(_ value: SpecValue) -> Bool {
        switch value {
        case .null: true
        case .number(let number): number.isInteger
        default: false
        }
    }

    /// A list of texts (or nulls) with one entry per value; a list of another length is a warning,
    /// since which entry belongs to which value is then a guess.
    private func parallelTexts(_ node: YAMLNode, _ name: String, count: Int) -> [String?]? {
        guard node.isSequence else {
            warning(
                "'\(name)' must be a list, one entry per enum value; Lathe ignores it", at: node, kind: "wrong-type")
            return nil
        }
        guard node.items.count == count else {
            warning(
                "'\(name)' has \(node.items.count) entr\(node.items.count == 1 ? "y" : "ies") for \(count) enum "
                    + "value\(count == 1 ? "" : "s"); Lathe ignores it",
                at: node, kind: "enum-extension-mismatch")
            return nil
        }
        return node.items.map { $0.isScalar && $0.scalarType != .null ? $0.text : nil }
    }

    /// Fills each value's note from the entry whose `valueKey` spells it; true when one did.
    private func describe(
        _ notes: inout [Schema.EnumValueNote], _ values: [SpecValue], entries: YAMLNode.Items, valueKey: String,
        nameKey: String?
    ) -> Bool {
        var byValue: [String: YAMLNode] = [:]
        for entry in entries where entry.isMapping {
            if let text = entry[valueKey]?.text, byValue[text] == nil { byValue[text] = entry }
        }
        var found = false
        for (index, value) in values.enumerated() {
            let text: String
            switch value {
            case .string(let string): text = string
            case .number(let number): text = number.text
            case .bool(let flag): text = flag ? "true" : "false"
            default: continue
            }
            guard let entry = byValue[text] else { continue }
            if let nameKey, let name = entry[nameKey]?.text { notes[index].name = name }
            if let description = entry["description"]?.text { notes[index].description = description }
            found = true
        }
        return found
    }
}
