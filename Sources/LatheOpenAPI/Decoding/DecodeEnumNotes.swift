import LatheYAML

/// Names and descriptions of `enum` values from the vendor extensions generators share: lists
/// beside the values (`x-enum-varnames`, NSwag's `x-enumNames`, `x-enum-descriptions`), or entries
/// that name their value (Square's `x-enum-elements`, Azure's `x-ms-enum`).
extension DocumentDecoder {
    /// The extensions read here; most schemas with an enum have other ones (Square's
    /// `x-release-status`), and pay one look at their names.
    private static let noteExtensions: Set<String> = [
        "x-enum-varnames", "x-enumNames", "x-enum-names", "x-enum-descriptions", "x-enumDescriptions",
        "x-enum-elements", "x-ms-enum",
    ]

    func enumValueNotes(_ values: [SpecValue], _ extensions: Extensions) -> [String: Schema.EnumValueNote]? {
        guard extensions.entries.contains(where: { Self.noteExtensions.contains($0.name) }) else { return nil }
        var notes: [String: Schema.EnumValueNote] = [:]
        // A list may leave out `null`'s entry.
        let listed = values.filter { $0 != .null }
        for (name, node) in extensions.entries {
            switch name {
            case "x-enum-varnames", "x-enumNames", "x-enum-names":
                // Only an integer's case takes the name (a string's is its value's), so only an
                // integer enum's list is read, or warned about.
                guard listed.allSatisfy(Self.isInteger), let names = parallelTexts(node, name, values, listed)
                else { continue }
                for (value, text) in names { notes[value, default: .init()].name = text }
            case "x-enum-descriptions", "x-enumDescriptions":
                guard let descriptions = parallelTexts(node, name, values, listed) else { continue }
                for (value, text) in descriptions { notes[value, default: .init()].description = text }
            case "x-enum-elements":
                // `[{name: VALUE, description: …}]`, the name being the value.
                describe(&notes, entries: node.items, valueKey: "name", nameKey: nil)
            case "x-ms-enum":
                // `{name: Type, values: [{value: 1, name: Active, description: …}]}`.
                guard let entries = node["values"]?.items else { continue }
                describe(&notes, entries: entries, valueKey: "value", nameKey: "name")
            default: continue
            }
        }
        return notes.isEmpty ? nil : notes
    }

    private static func isInteger(_ value: SpecValue) -> Bool {
        if case .number(let number) = value { number.isInteger } else { false }
    }

    /// A list of texts with one entry per value (or per value but `null`), as value key and text;
    /// a list of another length is a warning, since which entry belongs to which value is then a
    /// guess.
    private func parallelTexts(
        _ node: YAMLNode, _ name: String, _ values: [SpecValue], _ listed: [SpecValue]
    )
        -> [(String, String)]?
    {
        guard node.isSequence else {
            warning(
                "'\(name)' must be a list, one entry per enum value; Lathe ignores it", at: node, kind: "wrong-type")
            return nil
        }
        let count = node.items.count
        let matched = count == values.count ? values : count == listed.count ? listed : nil
        guard let matched else {
            warning(
                "'\(name)' has \(count) entr\(count == 1 ? "y" : "ies") for \(listed.count) enum "
                    + "value\(listed.count == 1 ? "" : "s"); Lathe ignores it",
                at: node, kind: "enum-extension-mismatch")
            return nil
        }
        return zip(matched, node.items).compactMap { value, item in
            guard let key = value.scalarText, item.isScalar, item.scalarType != .null, let text = item.text
            else { return nil }
            return (key, text)
        }
    }

    /// Each entry's name and description, under the text of the value its `valueKey` spells (an
    /// entry for a value the enum does not list is never looked up).
    private func describe(
        _ notes: inout [String: Schema.EnumValueNote], entries: YAMLNode.Items, valueKey: String, nameKey: String?
    ) {
        for entry in entries where entry.isMapping {
            guard let key = entry[valueKey]?.text else { continue }
            if let nameKey, let name = entry[nameKey]?.text { notes[key, default: .init()].name = name }
            if let description = entry["description"]?.text { notes[key, default: .init()].description = description }
        }
    }
}
