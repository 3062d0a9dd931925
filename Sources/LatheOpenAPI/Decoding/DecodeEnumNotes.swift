import LatheYAML

/// Names and descriptions of `enum` values from the vendor extensions generators share: lists
/// beside the values (`x-enum-varnames`, NSwag's `x-enumNames`, `x-enum-descriptions`), or entries
/// that name their value (Square's `x-enum-elements`, Azure's `x-ms-enum`, Paddle's
/// `x-enum-descriptions` keyed by value).
extension DocumentDecoder {
    /// The extensions read here; most schemas with an enum have other ones (Square's
    /// `x-release-status`), and pay one look at their names.
    private static let noteExtensions: Set<String> = [
        "x-enum-varnames", "x-enumNames", "x-enum-names", "x-enum-descriptions", "x-enumDescriptions",
        "x-enum-elements", "x-ms-enum",
    ]

    func enumValueNotes(
        _ values: [SpecValue], types: JSONTypes?, _ extensions: Extensions
    )
        -> [String: Schema.EnumValueNote]?
    {
        guard extensions.entries.contains(where: { Self.noteExtensions.contains($0.name) }) else { return nil }
        var notes: [String: Schema.EnumValueNote] = [:]
        // A list may leave out `null`'s entry.
        let listed = values.filter { $0 != .null }
        for (name, node) in extensions.entries {
            switch name {
            case "x-enum-varnames", "x-enumNames", "x-enum-names":
                // Only an integer's case takes the name (a string's is its value's), so only an
                // integer enum's list is read, or warned about: by its declared type, which lowering
                // reads `["1", "2"]` as, else by its values.
                let integers = types.map { $0.subtracting(.null) == .integer } ?? listed.allSatisfy(Self.isInteger)
                guard integers, let names = parallelTexts(node, name, values, listed) else { continue }
                for (value, text) in names where notes[value]?.name == nil {
                    notes[value, default: .init()].name = text
                }
            case "x-enum-descriptions", "x-enumDescriptions":
                if node.isMapping {
                    // Keyed by value: Paddle's `{chargeback: {description: …}}`, or the text itself.
                    for (key, entry) in node.entries {
                        // The key as JSON reads it (`0x1F` is 31), as the enum's values are keyed.
                        guard let value = SpecValue(key).scalarText, notes[value]?.description == nil,
                            let text = entry.isScalar ? entry : entry["description"], text.isScalar,
                            text.scalarType != .null, let description = text.text
                        else { continue }
                        notes[value, default: .init()].description = description
                    }
                    continue
                }
                guard let descriptions = parallelTexts(node, name, values, listed) else { continue }
                for (value, text) in descriptions where notes[value]?.description == nil {
                    notes[value, default: .init()].description = text
                }
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
        if case .number(let number) = value { number.isIntegral } else { false }
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
    /// entry for a value the enum does not list is never looked up); the first entry for a value wins.
    private func describe(
        _ notes: inout [String: Schema.EnumValueNote], entries: YAMLNode.Items, valueKey: String, nameKey: String?
    ) {
        for entry in entries where entry.isMapping {
            // The value as JSON reads it (`0x1F` is 31), as the enum's own values are keyed.
            guard let node = entry[valueKey], let key = SpecValue(node).scalarText else { continue }
            if let nameKey, notes[key]?.name == nil, let name = entry[nameKey]?.text {
                notes[key, default: .init()].name = name
            }
            if notes[key]?.description == nil, let description = entry["description"]?.text {
                notes[key, default: .init()].description = description
            }
        }
    }
}
