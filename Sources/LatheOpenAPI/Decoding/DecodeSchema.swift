import LatheDiagnostics
import LatheYAML

extension DocumentDecoder {
    /// JSON Schema keywords Lathe recognises but does not model; they are kept by name, not warned about.
    static let unmodeledSchemaKeywords: Set<String> = [
        "$schema", "$id", "$anchor", "$dynamicRef", "$dynamicAnchor", "$vocabulary", "$comment", "definitions",
        "if", "then", "else", "dependentSchemas", "dependentRequired", "dependencies", "unevaluatedItems",
        "unevaluatedProperties", "minContains", "maxContains", "id", "additionalItems",
    ]

    /// Keys that may stand beside `$ref` without adding a constraint to it.
    static let annotationKeywords: Set<String> = [
        "$ref", "description", "title", "summary", "deprecated", "readOnly", "writeOnly", "example", "examples",
        "default", "$comment", "externalDocs", "xml",
    ]

    func decodeSchema(_ node: YAMLNode) -> Schema {
        // A node that aliases share is decoded once: its diagnostics are said once, and its cost is paid once.
        guard node.isShared else { return decodeSchemaNode(node) }
        if let schema = sharedSchemas[node] { return schema }
        let schema = decodeSchemaNode(node)
        sharedSchemas[node] = schema
        return schema
    }

    /// The schema `node`'s fields named in `keeping` make, the others passed over: a Swagger 2.0
    /// parameter's `type`, `items`, … beside its `name` and `in` (`DecodeSwagger2Leftovers`).
    func decodeSchema(_ node: YAMLNode, keeping: Set<String>) -> Schema {
        decodeSchemaNode(node, keeping: keeping)
    }

    private func decodeSchemaNode(_ node: YAMLNode, keeping: Set<String>? = nil) -> Schema {
        var schema = Schema(node: node)
        if let value = node.boolValue {
            // Boolean schemas: `true` allows anything, `false` nothing.
            if !version.isJSONSchema2020 {
                warning(
                    "boolean schemas are new in OpenAPI 3.1; this document says \(version)", at: node,
                    kind: "version-feature")
            }
            schema.isFalse = !value
            return schema
        }
        guard node.isMapping else {
            if node.isScalar, node.scalarType == .null {
                error(
                    "this schema has no value", at: node, kind: "empty-value",
                    reading: "Lathe reads it as an empty schema, which allows any value")
            } else if node.isSequence, node.count == 1, let only = node.items.first, only.isMapping {
                // Wellcome's `aggregations: [- $ref: …]`: a `- ` too many in YAML.
                error(
                    "expected a schema, but this is a list of one schema", at: node, kind: "schema-in-list",
                    reading: "Lathe reads it as that schema")
                return decodeSchema(only)
            } else if node.isScalar, node.scalarType == .string, let text = node.text,
                let type = JSONTypes(name: text).flatMap({ $0 == .null ? nil : $0 }) ?? Self.typeSpelling(text),
                !Self.isKeywordUnderProperties(node)
            {
                // Hypothesis' `properties: {value: string}`: the schema written as its type's name.
                // Not under a keyword's name (Elastic Path's `properties: {type: object, …}`: the
                // object's own type, written a level too deep, not a property's).
                let name = type.typeNames[0]
                error(
                    "expected a schema, but this is the name of a type", at: node, kind: "schema-as-type-name",
                    reading: "Lathe reads it as {type: \(name)}")
                schema.types = type
                return schema
            } else {
                wrongType(
                    "expected a schema (a mapping\(version.isJSONSchema2020 ? ", true or false" : "")), "
                        + "but this is \(node.kindDescription)",
                    at: node, reading: "Lathe generates the value as any JSON value (JSONValue)")
            }
            return schema
        }
        var nullable = false
        // `format: nullable` allows null whatever `nullable` says (often a generator's `false`).
        var formatSaysNullable = false
        var requiredInProperties: [String] = []
        var renamedProperties: [String: String]?
        var typeIsReference = false
        var refIsMisspelled = false
        var exclusiveMinimumFlag = false
        var exclusiveMaximumFlag = false
        var formatAsType: String?
        var typedFormat: String?
        var strayProperties: [(name: String, nameNode: YAMLNode, value: YAMLNode)] = []
        for (keyNode, value) in node.entries {
            guard let key = keyNode.text else { continue }
            if let keeping, !keeping.contains(key) { continue }
            if keyNode.textHasPrefix("x-") {
                schema.extensions.entries.append((key, value))
                continue
            }
            switch key {
            case "$ref": schema.ref = reference(value, kind: .schema)
            case _
            where value.isScalar && value.scalarType == .null && !Self.dataKeywords.contains(key) && key != "type":
                error(
                    "'\(key)' has no value", at: value, kind: "empty-value",
                    reading: "Lathe reads it as if it were absent")
            case "type":
                // A JSON type, as nearly every `type` is, costs one comparison before decoding.
                let unknown = value.isScalar ? value.text.flatMap { JSONTypes(name: $0) == nil ? $0 : nil } : nil
                if let unknown, let reference = componentNamedAsType(unknown, at: value, in: node) {
                    schema.ref = reference
                    typeIsReference = true
                } else {
                    schema.types = decodeTypes(value, in: node)
                    if let unknown {
                        formatAsType = Self.formatsSpelledAsTypes[Self.withoutStrayMark(unknown.lowercased())]
                        typedFormat = unknown
                    } else if value.isSequence {
                        formatAsType = Self.formatSpelledAsType(among: value.items)
                    }
                }
            case "format" where value.textEquals("nullable"):
                // DWD's `{type: string, format: nullable}`, 17 times: what it means is no format.
                error(
                    "'format: nullable' names no format; a value that may be null says so with "
                        + (version.isJSONSchema2020 ? "type: [<type>, \"null\"]" : "nullable: true"), at: value,
                    kind: "format-nullable", reading: "Lathe reads it as allowing null")
                formatSaysNullable = true
            case "format":
                schema.format = string(value, "format")
                if let format = schema.format, case let bare = Self.withoutStrayMark(format), bare != format,
                    Self.formatsRead.contains(bare)
                {
                    error(
                        "unknown format '\(format)'; the format is spelled '\(bare)'", at: value,
                        kind: "format-unknown",
                        reading: "Lathe reads it as \(bare)")
                    schema.format = bare
                }
            case "title": schema.title = string(value, "title")
            case "description": schema.description = string(value, "description")
            case "enum":
                if let items = list(value, "enum") {
                    let (values, notes) = enumValues(items, at: value, in: node)
                    schema.enumValues = values
                    if let notes { schema.enumValueNotes = notes }
                    if items.isEmpty { warning("an empty enum allows no value at all", at: value, kind: "enum-empty") }
                }
            case "const": schema.constValue = SpecValue(value)
            case "default": schema.defaultValue = SpecValue(value)
            case "example": schema.examples.append(value)
            case "examples":
                if value.isSequence {
                    schema.examples += value.items
                } else if let values = exampleObjectValues(value) {
                    // grpc-gateway writes a media type's `examples` here: `{name: {value: …}}`.
                    error(
                        "a schema's examples is a list of values, but this is a map of Example objects",
                        at: value, kind: "schema-examples-map", reading: "Lathe reads the values they hold")
                    schema.examples += values
                } else {
                    schema.examples.append(value)
                }
            case "nullable":
                nullable = bool(value, "nullable") ?? false
                if version.isJSONSchema2020 {
                    warning(
                        "'nullable' is not part of OpenAPI 3.1; "
                            + "write type: [<type>, \"null\"] instead (Lathe honours it here)",
                        at: keyNode, kind: "version-feature")
                }
            case "properties":
                (schema.properties, requiredInProperties, renamedProperties) = decodeObjectProperties(value)
            case "patternProperties": schema.patternProperties = decodeProperties(value, "patternProperties")
            case "$defs": schema.defs = decodeProperties(value, "$defs")
            case "required":
                guard !propertyRequiredFlags.contains(value) else { break }
                schema.required = stringList(value, "required")
            case "additionalProperties": schema.additionalProperties = Box(decodeSchema(value, allowBoolean: true))
            case "propertyNames": schema.propertyNames = Box(decodeSchema(value))
            case "items":
                if value.isSequence, value.items.count == 1, node["additionalItems"] == nil {
                    // Modrinth's `items: [$ref: Project]`: a list of projects, as its description says.
                    // Strictly the first item alone would be a Project and the rest anything.
                    warning(
                        "'items' is a list of one schema, the old tuple form, which would type the first item "
                            + "alone; Lathe reads it as the type of every item, as 'items: {…}' says",
                        at: value, kind: "items-list")
                    schema.items = Box(decodeSchema(value.items[0], allowBoolean: true))
                } else if value.isSequence {
                    warning(
                        "'items' as a list is the old tuple form; use 'prefixItems' (Lathe reads it as prefixItems)",
                        at: value, kind: "items-list")
                    schema.prefixItems = value.items.map { decodeSchema($0) }
                } else {
                    schema.items = Box(decodeSchema(value, allowBoolean: true))
                }
            case "prefixItems": schema.prefixItems = list(value, "prefixItems")?.map { decodeSchema($0) }
            case "additionalItems" where node["items"]?.isSequence == true:
                // Beside the old tuple form, what `items` is beside `prefixItems` (NGSI-LD's GeoJSON
                // positions, `additionalItems: false`); beside anything else it has no effect.
                schema.items = Box(decodeSchema(value, allowBoolean: true))
            case "contains": schema.contains = Box(decodeSchema(value))
            case "allOf":
                // A member's `required` may name properties that a sibling member defines.
                allOfDepth += 1
                schema.allOf = decodeSchemaList(value, "allOf")
                allOfDepth -= 1
            case "anyOf": schema.anyOf = decodeSchemaList(value, "anyOf")
            case "oneOf": schema.oneOf = decodeSchemaList(value, "oneOf")
            case "not": schema.not = Box(decodeSchema(value))
            case "discriminator": schema.discriminator = decodeDiscriminator(value)
            case "readOnly": schema.readOnly = bool(value, "readOnly") ?? false
            case "writeOnly": schema.writeOnly = bool(value, "writeOnly") ?? false
            case "deprecated": schema.deprecated = bool(value, "deprecated") ?? false
            case "minLength": schema.constraints.minLength = count(value, "minLength")
            case "maxLength": schema.constraints.maxLength = count(value, "maxLength")
            case "pattern": schema.constraints.pattern = string(value, "pattern")
            case "minimum": schema.constraints.minimum = number(value, "minimum")
            case "maximum": schema.constraints.maximum = number(value, "maximum")
            case "exclusiveMinimum":
                (exclusiveMinimumFlag, schema.constraints.exclusiveMinimum) = exclusiveBound(value, "exclusiveMinimum")
            case "exclusiveMaximum":
                (exclusiveMaximumFlag, schema.constraints.exclusiveMaximum) = exclusiveBound(value, "exclusiveMaximum")
            case "multipleOf":
                schema.constraints.multipleOf = number(value, "multipleOf")
                if let bound = schema.constraints.multipleOf?.doubleValue, bound <= 0 {
                    error(
                        "multipleOf must be greater than 0", at: value, kind: "wrong-type",
                        reading: "Lathe ignores this constraint")
                    schema.constraints.multipleOf = nil
                }
            case "minItems": schema.constraints.minItems = count(value, "minItems")
            case "maxItems": schema.constraints.maxItems = count(value, "maxItems")
            case "uniqueItems": schema.constraints.uniqueItems = bool(value, "uniqueItems") ?? false
            case "minProperties": schema.constraints.minProperties = count(value, "minProperties")
            case "maxProperties": schema.constraints.maxProperties = count(value, "maxProperties")
            case "contentMediaType": schema.contentMediaType = string(value, "contentMediaType")
            case "contentSchema": schema.contentSchema = decodeSchema(value)
            case "contentEncoding": schema.contentEncoding = string(value, "contentEncoding")
            case "xml", "externalDocs":
                break
            case "ref" where Self.isMisspelledReference(node, value):
                // Audiobookshelf's `items: {ref: '../LibraryItem.yaml#/…'}`: a reference, misspelled.
                error(
                    "'ref' is not a schema keyword; a reference is '$ref'", at: keyNode, kind: "ref-misspelled",
                    reading: "Lathe reads it as '$ref'")
                schema.ref = reference(value, kind: .schema)
                refIsMisspelled = true
            default:
                if Self.unmodeledSchemaKeywords.contains(key) {
                    schema.unmodeledKeywords.append(key)
                } else if parameterFieldsInSchemas.contains(keyNode) {
                    break
                } else if Self.isPropertyOutsideProperties(key, value, of: node),
                    Suggestions.closest(to: key, among: Self.modeledSchemaKeywords) == nil
                {
                    strayProperties.append((key, keyNode, value))
                } else {
                    var message = "unknown schema keyword '\(key)'; it is ignored"
                    if let hint = Self.abbreviatedSchemaKeywords[key] {
                        message += " (\(hint))"
                    } else if let suggestion = Suggestions.closest(to: key, among: Self.modeledSchemaKeywords) {
                        message += " (did you mean '\(suggestion)'?)"
                    }
                    warning(message, at: keyNode, kind: "unknown-keyword")
                }
            }
        }
        // Only beside no `properties` (`isPropertyOutsideProperties`): each a property of its own.
        for stray in strayProperties {
            // A warning, as an unknown keyword is: JSON Schema allows it, as an annotation.
            warning(
                "'\(stray.name)' is no schema keyword, and holds a schema beside this object's keywords; a property "
                    + "is written under 'properties'; Lathe reads it as a property of this object",
                at: stray.nameNode, kind: "property-outside-properties")
            schema.properties.append(
                Schema.Property(
                    name: stray.name, nameNode: stray.nameNode, schema: decodeSchema(stray.value, allowBoolean: true)))
        }
        // `type: file, format: file` (BlueWave's upload): the format only repeats the type.
        if let formatAsType, schema.format == nil || schema.format == typedFormat { schema.format = formatAsType }
        if let types = schema.types, let constraints = schema.constraintsBox {
            warnAboutConstraintsOfOtherTypes(constraints, types: types, format: schema.format, in: node)
        }
        if exclusiveMinimumFlag {
            moveExclusiveFlag(
                \.minimum, to: \.exclusiveMinimum, in: &schema, flag: node["exclusiveMinimum"],
                names: ("exclusiveMinimum", "minimum"))
        }
        if exclusiveMaximumFlag {
            moveExclusiveFlag(
                \.maximum, to: \.exclusiveMaximum, in: &schema, flag: node["exclusiveMaximum"],
                names: ("exclusiveMaximum", "maximum"))
        }
        if let values = schema.enumValues, !schema.extensions.isEmpty {
            if let notes = enumValueNotes(values, types: schema.types, schema.extensions) {
                // An extension's name or description adds to what a `{const:, description:}` entry said.
                schema.enumValueNotes =
                    schema.enumValueNotes.map {
                        $0.merging(notes) {
                            Schema.EnumValueNote(
                                name: $1.name ?? $0.name, description: $1.description ?? $0.description)
                        }
                    } ?? notes
            }
        }
        if let renamedProperties {
            schema.required = schema.required.map { renamedProperties[$0] ?? $0 }
        }
        if !requiredInProperties.isEmpty {
            schema.required += requiredInProperties.filter { !schema.required.contains($0) }
        }
        if formatSaysNullable { nullable = true }
        if schema.ref != nil, schema.items == nil, !typeIsReference { readListBesideReference(&schema, in: node) }
        schema.shareConstraints(in: &constraintPool)
        // OpenAPI 3.0 ignores what stands beside a `$ref` (a 3.0 `nullable` there becomes `anyOf`
        // below); 3.1 applies it as well. Answered here, so later stages never ask the version.
        // A `type` read as a `$ref` (`componentNamedAsType`) was not written as one: what stands
        // beside it applies in either version.
        schema.isPureReference =
            schema.ref != nil
            && ((!version.isJSONSchema2020 && !typeIsReference)
                || node.entries.allSatisfy {
                    $0.key.textHasPrefix("x-") || Self.annotationKeywords.contains($0.key.text ?? "")
                        || (typeIsReference && $0.key.textEquals("type"))
                        || (refIsMisspelled && $0.key.textEquals("ref"))
                })
        checkRequired(schema, in: node)
        guard nullable else { return schema }
        if schema.ref != nil || !schema.allOf.isEmpty || !schema.anyOf.isEmpty || !schema.oneOf.isEmpty {
            // A nullable `$ref` or composition means "that, or null": `anyOf: [that, {type: null}]`,
            // whatever `type` stands beside it (the members would forbid null otherwise).
            return Schema.nullable(schema, nullNode: node["nullable"] ?? node)
        }
        if let types = schema.types {
            schema.types = types.union(.null)
        } else if !schema.properties.isEmpty || schema.additionalProperties != nil {
            schema.types = [.object, .null]
        } else if schema.items != nil {
            schema.types = [.array, .null]
        } else if let values = schema.enumValues, !values.contains(.null) {
            schema.enumValues = values + [.null]
        }
        // Otherwise the schema has no type and already allows null, as OpenAPI 3.0.3 spells out.
        return schema
    }

    /// A `ref` that can only be a misspelled `$ref`: the schema has nothing else but annotations, and
    /// it holds what a local `$ref` would, a pointer (`#/components/schemas/Pet`) or a document's
    /// name (`pet.yaml`, `common.json#/Error`). In 3.1 an unknown keyword is an annotation, so one
    /// beside a type, or holding a URL (`ref: https://…/spec.json`), is left as one.
    static func isMisspelledReference(_ node: YAMLNode, _ value: YAMLNode) -> Bool {
        guard node["$ref"] == nil, let text = value.text, !text.contains("://"),
            text.hasPrefix("#/") || text.contains(".yaml") || text.contains(".yml") || text.contains(".json")
        else { return false }
        return node.entries.allSatisfy { key, _ in
            key.textEquals("ref") || key.textHasPrefix("x-") || annotationKeywords.contains(key.text ?? "")
        }
    }

    /// `exclusiveMinimum`/`exclusiveMaximum`: 3.0's `true`/`false` flag, or 3.1's number (the bound itself).
    private func exclusiveBound(_ value: YAMLNode, _ name: String) -> (flag: Bool, bound: JSONNumber?) {
        guard let flag = value.boolValue else { return (false, number(value, name)) }
        if version.isJSONSchema2020 {
            error(
                "in OpenAPI 3.1 \(name) is the bound itself (a number), not true or false", at: value,
                kind: "exclusive-bound-boolean",
                reading:
                    "Lathe reads it as OpenAPI 3.0 does: "
                    + "the \(name == "exclusiveMinimum" ? "minimum" : "maximum") beside it is exclusive"
            )
        }
        return (flag, nil)
    }

    /// A constraint of another type than the schema's (Mojaloop's arrays with `minLength`, Vipps'
    /// integers with `pattern`, strings with `minimum`) checks nothing, as JSON Schema applies each
    /// to values of its own type; its author meant it to, so it is said where it stands.
    private func warnAboutConstraintsOfOtherTypes(
        _ constraints: Box<Schema.Constraints>, types: JSONTypes, format: String?, in node: YAMLNode
    ) {
        let named = types.subtracting(.null)
        guard !named.isEmpty else { return }
        // Read in place: a copy of the constraints retained each of their texts. Nearly every
        // schema with constraints has only those of its type: found without the lists below.
        let strings =
            constraints.value.minLength != nil || constraints.value.maxLength != nil
            || constraints.value.pattern != nil
        // A decimal string (`format: decimal`) is checked as the number it holds (`stringPrimitive`).
        let numbers =
            (constraints.value.minimum != nil || constraints.value.maximum != nil
                || constraints.value.exclusiveMinimum != nil || constraints.value.exclusiveMaximum != nil
                || constraints.value.multipleOf != nil) && !(named.contains(.string) && format == "decimal")
        let lists =
            constraints.value.minItems != nil || constraints.value.maxItems != nil || constraints.value.uniqueItems
        let objects = constraints.value.minProperties != nil || constraints.value.maxProperties != nil
        guard
            (strings && named.isDisjoint(with: .string))
                || (numbers && named.isDisjoint(with: [.number, .integer])) || (lists && named.isDisjoint(with: .array))
                || (objects && named.isDisjoint(with: .object))
        else { return }
        let c = constraints.value
        let groups: [(types: JSONTypes, values: String, keywords: [(String, Bool)])] = [
            (
                .string, "strings",
                [
                    ("minLength", c.minLength != nil), ("maxLength", c.maxLength != nil),
                    ("pattern", c.pattern != nil),
                ]
            ),
            (
                [.number, .integer], "numbers",
                [
                    ("minimum", c.minimum != nil), ("maximum", c.maximum != nil),
                    ("exclusiveMinimum", c.exclusiveMinimum != nil), ("exclusiveMaximum", c.exclusiveMaximum != nil),
                    ("multipleOf", c.multipleOf != nil),
                ]
            ),
            (
                .array, "lists",
                [
                    ("minItems", c.minItems != nil), ("maxItems", c.maxItems != nil),
                    ("uniqueItems", c.uniqueItems),
                ]
            ),
            (
                .object, "objects",
                [("minProperties", c.minProperties != nil), ("maxProperties", c.maxProperties != nil)]
            ),
        ]
        for group in groups
        where named.isDisjoint(with: group.types) && (group.types != [.number, .integer] || numbers) {
            for (keyword, isPresent) in group.keywords where isPresent {
                guard let keyNode = node.entries.first(where: { $0.0.textEquals(keyword) })?.0 else { continue }
                var message =
                    "'\(keyword)' constrains \(group.values), and this schema's type is "
                    + "\(named.typeNames.joined(separator: " or ")), so it checks nothing here"
                if let meant = Self.sameBoundOfOtherTypes[keyword]?.first(where: { named.contains($0.0) })?.1 {
                    message += " (did you mean '\(meant)'?)"
                }
                warning(message + "; generated code does not check it", at: keyNode, kind: "constraint-of-another-type")
            }
        }
    }

    /// The bound another type has where a keyword is written for the wrong one: a list's
    /// `minLength` was meant as its `minItems`.
    private static let sameBoundOfOtherTypes: [String: [(JSONTypes, String)]] = [
        "minimum": [(.array, "minItems")], "maximum": [(.array, "maxItems")],
        "minLength": [(.array, "minItems"), (.object, "minProperties")],
        "maxLength": [(.array, "maxItems"), (.object, "maxProperties")],
        "minItems": [(.string, "minLength"), (.object, "minProperties")],
        "maxItems": [(.string, "maxLength"), (.object, "maxProperties")],
        "minProperties": [(.array, "minItems"), (.string, "minLength")],
        "maxProperties": [(.array, "maxItems"), (.string, "maxLength")],
    ]

    /// 3.0's `exclusiveMinimum: true` moves the `minimum` it qualifies to 3.1's numeric form.
    private func moveExclusiveFlag(
        _ bound: WritableKeyPath<Schema.Constraints, JSONNumber?>,
        to exclusive: WritableKeyPath<Schema.Constraints, JSONNumber?>,
        in schema: inout Schema, flag: YAMLNode?, names: (flag: String, bound: String)
    ) {
        if let value = schema.constraints[keyPath: bound] {
            schema.constraints[keyPath: exclusive] = value
            schema.constraints[keyPath: bound] = nil
        } else if let flag {
            warning(
                "'\(names.flag): true' has no effect without a '\(names.bound)' beside it", at: flag,
                kind: "exclusive-bound-alone")
        }
    }

    /// The values of a map whose every entry is an Example object (its fields only, with a
    /// `value`, `dataValue`, `externalValue` or `$ref`); `nil` for any other map, which is one
    /// example value (`{weight: {value: 3, unit: kg}}`).
    private func exampleObjectValues(_ node: YAMLNode) -> [YAMLNode]? {
        guard node.isMapping, !node.entries.isEmpty else { return nil }
        var values: [YAMLNode] = []
        for (_, entry) in node.entries {
            guard entry.isMapping,
                entry.entries.allSatisfy({
                    Self.exampleObjectKeys.contains($0.key.text ?? "") || $0.key.textHasPrefix("x-")
                }),
                entry["value"] != nil || entry["dataValue"] != nil || entry["externalValue"] != nil
                    || entry["$ref"] != nil
            else { return nil }
            // A `$ref`'d or external example shows no value here.
            if let value = entry["value"] ?? entry["dataValue"] { values.append(value) }
        }
        return values
    }

    /// An Example object's fields in any version, and `$ref`.
    private static let exampleObjectKeys = Set(exampleFields + exampleFields32 + ["$ref"])

    /// Keywords whose value is data, for which null is a value of its own (`default: null`).
    static let dataKeywords: Set<String> = ["const", "default", "example", "examples", "enum"]

    /// Whether `value`, under a key of `schema` that is no keyword, is a property's schema written
    /// beside the object's keywords rather than under `properties` (Codat's webhook data: `{type:
    /// object, companyName: {type: string}}`, Meilisearch's facet stats' `min` and `max`): `schema`
    /// is an object without `properties`, and `value` has a JSON type, a `$ref`, properties, items,
    /// alternatives or an enum. Not beside `properties`, where it is more likely a component
    /// indented one level too deep (TRAPI's `ResourceRoleEnum`), nor another tool's annotation that
    /// happens to hold a `type` (ajv-errors' `errorMessage: {type: "must be …"}`).
    static func isPropertyOutsideProperties(_ key: String, _ value: YAMLNode, of schema: YAMLNode) -> Bool {
        schema["properties"] == nil && schema["type"]?.textEquals("object") == true
            && !keywordsOfOtherVocabularies.contains(key) && looksLikeSchema(value)
    }

    /// FOLIO's `items: {type: array, $ref: readingRoom.yaml#/ReadingRoom}`, and ODD Platform's
    /// `items: {type: array, $ref: DataEntityRun}` (an `allOf` of objects), where the target is no
    /// list: a list of it, the `$ref` meant under `items`. OpenAPI 3.0 ignores the `type` (the value
    /// was one reading room, and every collection failed to decode); 3.1 applies both, which no
    /// value satisfies. A target that may be a list, or whose shape is not written, is left as it is.
    private func readListBesideReference(_ schema: inout Schema, in node: YAMLNode) {
        guard let ref = schema.ref, let types = schema.types, types.subtracting(.null) == .array,
            let refNode = node["$ref"], let typeNode = node["type"],
            let target = resolve(ref.raw, at: refNode, kind: .schema)?.node,
            case var visited = Set<YAMLNode>(), !mayBeList(target, visited: &visited)
        else { return }
        error(
            "'type: array' stands beside a $ref to '\(ref.raw)', which is no list; a list of it is written with the "
                + "$ref under 'items'", at: typeNode, kind: "ref-beside-array-type",
            reading: "Lathe reads it as a list of what the $ref names")
        var member = Schema(node: refNode)
        member.ref = ref
        member.isPureReference = true
        schema.items = Box(member)
        schema.ref = nil
    }

    /// Whether `schema` (a node not yet decoded) may hold a list: its type says so, or it has
    /// `items`, or an alternative or `allOf` member may, or its shape is not written at all. An
    /// object's keywords without a type say no. `$ref`s are followed however deep the chain of
    /// them and of members (`visited`: one met again adds nothing).
    private func mayBeList(_ schema: YAMLNode, visited: inout Set<YAMLNode>) -> Bool {
        guard schema.isMapping else { return true }
        guard visited.insert(schema).inserted else { return false }
        if let type = schema["type"] {
            return (type.isSequence ? Array(type.items) : [type]).contains { $0.textEquals("array") }
        }
        if schema["items"] != nil { return true }
        if let refNode = schema["$ref"], let raw = refNode.text {
            guard let target = resolve(raw, at: refNode, kind: .schema)?.node else { return true }
            return mayBeList(target, visited: &visited)
        }
        let members = ["allOf", "oneOf", "anyOf"].flatMap { key in
            schema[key].flatMap { $0.isSequence ? Array($0.items) : nil } ?? []
        }
        if !members.isEmpty {
            return members.contains { mayBeList($0, visited: &visited) }
        }
        return schema["properties"] == nil && schema["additionalProperties"] == nil
    }

    /// Keys whose value may look like a schema but are another vocabulary's: draft-03's inheritance
    /// and exclusion, ajv-errors' messages.
    static let keywordsOfOtherVocabularies: Set<String> = ["extends", "disallow", "errorMessage"]

    /// Whether `value`, found where OpenAPI has no field, is a schema: a mapping with a JSON type, a
    /// `$ref`, properties, items, alternatives or an enum.
    static func looksLikeSchema(_ value: YAMLNode) -> Bool {
        guard value.isMapping else { return false }
        if let type = value["type"] {
            let names = type.isSequence ? Array(type.items) : [type]
            return !names.isEmpty && names.allSatisfy { $0.text.flatMap { JSONTypes(name: $0) } != nil }
        }
        if let ref = value["$ref"] { return ref.isScalar }
        // Properties whose values are schemas, not messages (ajv-errors' `{properties: {name: "…"}}`).
        if let properties = value["properties"], properties.isMapping {
            return properties.entries.allSatisfy { $0.value.isMapping || $0.value.boolValue != nil }
        }
        return value["items"]?.isMapping == true
            || value["enum"]?.isSequence == true
            || ["allOf", "oneOf", "anyOf"].contains { value[$0]?.isSequence == true }
    }

    /// Keywords written as other schema languages spell them (SignalK's and Supabase's `min: 1`,
    /// Dawarich's `optional: true`), too far from JSON Schema's for "did you mean". Only hinted:
    /// reading `min` as `minimum` would make the generated code reject values the spec does not.
    static let abbreviatedSchemaKeywords = [
        "min": "did you mean 'minimum'?", "max": "did you mean 'maximum'?",
        "optional": "a property is optional when its object's 'required' leaves it out",
    ]

    static let modeledSchemaKeywords = [
        "$ref", "type", "format", "title", "description", "enum", "const", "default", "example", "examples", "nullable",
        "properties", "patternProperties", "$defs", "required", "additionalProperties", "propertyNames", "items",
        "prefixItems", "contains", "allOf", "anyOf", "oneOf", "not", "discriminator", "readOnly", "writeOnly",
        "deprecated",
        "minLength", "maxLength", "pattern", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf",
        "minItems", "maxItems", "uniqueItems", "minProperties", "maxProperties", "contentMediaType", "contentEncoding",
        "xml", "externalDocs",
    ]

    private func decodeSchema(_ node: YAMLNode, allowBoolean: Bool) -> Schema {
        if allowBoolean, let value = node.boolValue {
            // `additionalProperties: false` and `items: true` are fine in every version.
            var schema = Schema(node: node)
            schema.isFalse = !value
            return schema
        }
        return decodeSchema(node)
    }

    private func decodeTypes(_ node: YAMLNode, in schemaNode: YAMLNode) -> JSONTypes? {
        if node.isSequence {
            if !version.isJSONSchema2020 {
                warning(
                    "a list of types is an OpenAPI 3.1 feature; this document says \(version) (Lathe reads it anyway)",
                    at: node, kind: "version-feature")
            }
            var types: JSONTypes = []
            for item in node.items {
                if item.isScalar, item.scalarType == .null {
                    // `type: [string, null]` in YAML is the null value, not the string "null".
                    error(
                        "the type list holds YAML's null value, not the string \"null\"", at: item,
                        kind: "type-null-unquoted", reading: "Lathe reads it as \"null\"")
                    types.formUnion(.null)
                    continue
                }
                if let type = decodeTypeName(item) {
                    if types.contains(type) {
                        warning("type '\(item.text ?? "")' is listed twice", at: item, kind: "duplicate-entry")
                    }
                    types.formUnion(type)
                }
            }
            return types.isEmpty ? nil : types
        }
        if node.isScalar, node.scalarType == .null {
            // `type: null` (OGC API Features' `oneOf: [{type: string}, {type: null}]`) spells out
            // the null value, which in a schema of nothing else means the null type, as in a list.
            // Read as absent, the alternative took every value before the others. `type:` with
            // nothing, or a null beside a schema's structure (`{"type": null, "properties": …}`,
            // as serializers write an unset field), is absent.
            let onlyAnnotated = schemaNode.entries.allSatisfy { key, _ in
                key.textEquals("type") || key.textHasPrefix("x-")
                    || (Self.annotationKeywords.contains(key.text ?? "") && !key.textEquals("$ref"))
            }
            guard node.text?.isEmpty == false, onlyAnnotated else {
                error(
                    "type has no value", at: node, kind: "empty-value", reading: "Lathe reads it as if it were absent")
                return nil
            }
            error(
                "type is the null value, not the string \"null\"", at: node, kind: "type-null-unquoted",
                reading: "Lathe reads it as \"null\"")
            return checkedInVersion(.null, at: node)
        }
        return decodeTypeName(node)
    }

    /// A type's name; null (`type: null`, `[string, null]`) is read by `decodeTypes`.
    private func decodeTypeName(_ node: YAMLNode) -> JSONTypes? {
        guard let text = string(node, "type") else { return nil }
        guard let type = JSONTypes(name: text) else {
            if let format = Self.formatsSpelledAsTypes[Self.withoutStrayMark(text.lowercased())] {
                // INSEE's `type: date`: a string of that format, which `decodeSchema` gives it
                // where the schema has no `format` of its own.
                error(
                    text.lowercased() == "file"
                        ? "unknown type '\(text)' (Swagger 2.0's file, which OpenAPI 3 writes as a binary string)"
                        : "unknown type '\(text)'; '\(format)' is a format of strings", at: node, kind: "type-unknown",
                    reading: "Lathe reads it as type: string, format: \(format)")
                return .string
            }
            if let type = Self.typeSpelling(text) {
                error(
                    "unknown type '\(text)'; the JSON type is spelled '\(type.typeNames[0])'", at: node,
                    kind: "type-unknown", reading: "Lathe reads it as \(type.typeNames[0])")
                return type
            }
            var message =
                "unknown type '\(text)'; expected one of array, boolean, integer, number, object, "
                + "string\(version.isJSONSchema2020 ? " or null" : "")"
            if let suggestion = Suggestions.closest(to: text, among: JSONTypes.names.map(\.0)) {
                message += " (did you mean '\(suggestion)'?)"
            }
            error(
                message, at: node, kind: "type-unknown",
                reading: "Lathe ignores it and infers the type from the other keywords")
            return nil
        }
        return checkedInVersion(type, at: node)
    }

    /// `type`, with a warning when it is `null` in a document of a version without it.
    private func checkedInVersion(_ type: JSONTypes, at node: YAMLNode) -> JSONTypes {
        if type == .null, !version.isJSONSchema2020 {
            warning(
                "type 'null' is not part of OpenAPI 3.0; use 'nullable: true' (Lathe reads it anyway)", at: node,
                kind: "version-feature")
        }
        return type
    }

    /// An enum's values; where each is a schema with `const` and the schema's `type` is no object
    /// (`enum: [{const: fastest_addr, description: …}]` beside `type: string`, in AdGuard Home's
    /// spec), `oneOf` was meant, and no value could match: each is read as its `const`.
    /// Their descriptions describe the values, as `x-enum-descriptions` would.
    private func enumValues(
        _ items: YAMLNode.Items, at value: YAMLNode, in schemaNode: YAMLNode
    )
        -> ([SpecValue], [String: Schema.EnumValueNote]?)
    {
        guard items.contains(where: \.isMapping),
            items.allSatisfy({ $0.isMapping ? $0["const"] != nil : $0.isScalar && $0.scalarType == .null }),
            let typeNode = schemaNode["type"],
            !(typeNode.textEquals("object") || typeNode.items.contains { $0.textEquals("object") })
        else { return (items.map(SpecValue.init), nil) }
        error(
            "this enum lists schemas with 'const' where values belong, so no value matches its type",
            at: value, kind: "enum-value-schema", reading: "Lathe reads each as its 'const' value")
        var notes: [String: Schema.EnumValueNote] = [:]
        let values = items.map { item in
            let value = SpecValue(item["const"] ?? item)
            if let key = value.scalarText, notes[key] == nil, let description = item["description"]?.text {
                notes[key] = Schema.EnumValueNote(description: description)
            }
            return value
        }
        return (values, notes.isEmpty ? nil : notes)
    }

    /// A JSON type as other languages spell it (`int`, `bool`, `String`): the one it stands for.
    static func typeSpelling(_ text: String) -> JSONTypes? {
        let lowered = withoutStrayMark(text.lowercased())
        // `Null` is left unknown: it is no type in 3.0, and nothing else to 3.1.
        if let type = JSONTypes(name: lowered) { return type == .null ? nil : type }
        return otherSpellings[lowered]
    }

    /// Whether `node` is the value of an entry of `properties` named as a schema keyword
    /// (`properties: {type: object}`).
    private static func isKeywordUnderProperties(_ node: YAMLNode) -> Bool {
        guard let (parent, token) = node.pointerStep, modeledSchemaKeywords.contains(String(token.dropFirst())) else {
            return false
        }
        return parent.pointerStep?.token == "/properties"
    }

    /// `text` without a `,` or `;` after it (CurrencyBird's `type: number;`, Blockfrost's
    /// `format: date-time,`): left from a list or a line of code.
    static func withoutStrayMark(_ text: String) -> String {
        guard let last = text.utf8.last, last == UInt8(ascii: ",") || last == UInt8(ascii: ";") else { return text }
        var rest = text.dropLast()
        while rest.last == " " { rest.removeLast() }
        return String(rest)
    }

    /// The formats Lathe reads, which one written with a stray mark after it is read as.
    static let formatsRead: Set<String> = [
        "date", "date-time", "uuid", "uri", "url", "byte", "binary", "decimal", "email", "int32", "int64", "uint64",
        "uint", "bigint", "biginteger", "big-integer", "float", "double", "money", "currency", "decimal128",
    ]

    /// The one string format a list of types names in place of a JSON type (`[date, 'null']`).
    private static func formatSpelledAsType(among types: YAMLNode.Items) -> String? {
        let formats = types.compactMap { item in
            item.text.flatMap { JSONTypes(name: $0) == nil ? formatsSpelledAsTypes[$0.lowercased()] : nil }
        }
        return formats.count == 1 ? formats[0] : nil
    }

    /// Formats of strings written as the type (`type: date`), by the type's text lowercased.
    static let formatsSpelledAsTypes: [String: String] = [
        "date": "date", "date-time": "date-time", "datetime": "date-time", "uuid": "uuid", "uri": "uri",
        "url": "uri", "email": "email", "byte": "byte", "binary": "binary",
        // Swagger 2.0's type of an uploaded file, kept by converted specs: OpenAPI 3's reading of it.
        "file": "binary",
    ]

    private static let otherSpellings: [String: JSONTypes] = [
        "int": .integer, "int32": .integer, "int64": .integer, "long": .integer, "bool": .boolean,
        "float": .number, "double": .number, "decimal": .number, "str": .string,
        // Jan's `type: arrays`.
        "arrays": .array, "objects": .object, "strings": .string, "integers": .integer, "numbers": .number,
        "booleans": .boolean,
    ]

    /// `type: HourlyResponse` where that is no JSON type but the name of a schema component of the
    /// same file: a `$ref` written as a type (open-meteo's spec has three), read as one.
    private func componentNamedAsType(_ text: String, at value: YAMLNode, in schemaNode: YAMLNode) -> Reference? {
        // A JSON type in capitals (`String`) is that type; another language's (`Decimal`) yields
        // to a component of that name.
        guard JSONTypes(name: text.lowercased()) == nil, schemaNode["$ref"] == nil,
            let (key, target) = schemaComponent(named: text, in: value.tree)
        else { return nil }
        let raw = "#/components/schemas/" + JSONPointer.escape(text)
        enqueue(.schema, key: key, node: target)
        error(
            "unknown type '\(text)'; a schema component has that name", at: value, kind: "type-unknown",
            reading: "Lathe reads it as $ref: '\(raw)'")
        return Reference(raw: raw, targetKey: key, node: value)
    }

    /// `properties`, and apart from them a `required` among them that lists its siblings' names
    /// (GA4GH WES's `required:` indented one level too deep): the object's required list, which,
    /// read as a property's schema, was any value, and every property optional.
    /// `renamed`: the names with a stray quote, by how they were written (`required` may list either).
    private func decodeObjectProperties(
        _ node: YAMLNode
    ) -> (properties: [Schema.Property], required: [String], renamed: [String: String]?) {
        let entries = namedEntries(node, "properties", followingReferences: false)
        var properties: [Schema.Property] = []
        properties.reserveCapacity(entries.count)
        var required: [String] = []
        // `nil` until a name is (nearly always): made for every object's properties otherwise.
        var renamed: [String: String]?
        for (written, keyNode, value) in entries {
            var name = written
            // Bytes first: this runs for every property of a spec.
            if keyNode.scalarStyle == .plain, let lastByte = name.utf8.last, lastByte == 0x22 || lastByte == 0x27,
                let last = name.last, name.count > 1, name.firstIndex(of: last) == name.index(before: name.endIndex),
                !entries.contains(where: { $0.name == String(name.dropLast()) }),
                renamed?.values.contains(String(name.dropLast())) != true
            {
                // tado's `isBalanceAcEligible":`: a plain YAML key cannot open a quote, so this one
                // closes nothing. A key with a quote is legal JSON, but no API's is.
                name.removeLast()
                renamed = renamed ?? [:]
                renamed?[written] = name
                warning(
                    "property name '\(written)' ends with a quote that opens nothing (a slip of YAML quoting); "
                        + "Lathe reads it as '\(name)'", at: keyNode, kind: "property-name-quote")
            }
            if value.isSequence, name == "required", value.count > 0 {
                let names = value.items.compactMap { $0.scalarType == .string ? text(of: $0) : nil }
                if names.count == value.count, names.allSatisfy({ listed in entries.contains { $0.name == listed } }) {
                    error(
                        "'required' under properties names a property, but this is a list of the other properties' "
                            + "names", at: keyNode, kind: "required-in-properties",
                        reading: "Lathe reads it as the object's required list")
                    required += names.filter { !required.contains($0) }
                    continue
                }
            }
            if let flag = value["required"], let isRequired = flag.boolValue {
                // Hevy's, Mistral's and Meilisearch's `name: {type: string, required: true}`.
                propertyRequiredFlags.insert(flag)
                error(
                    "'required: \(isRequired)' in a property's schema is how a parameter says it; a schema lists "
                        + "its required properties in 'required: [\(name)]' beside 'properties'",
                    at: flag, kind: "required-boolean",
                    reading: isRequired ? "Lathe reads it as that list naming '\(name)'" : "Lathe ignores it")
                if isRequired, !required.contains(name) { required.append(name) }
            }
            properties.append(
                Schema.Property(name: name, nameNode: keyNode, schema: decodeSchema(value, allowBoolean: true)))
        }
        return (properties, required, renamed)
    }

    private func decodeProperties(_ node: YAMLNode, _ what: String) -> [Schema.Property] {
        namedEntries(node, what, followingReferences: false).map { name, keyNode, value in
            Schema.Property(name: name, nameNode: keyNode, schema: decodeSchema(value, allowBoolean: true))
        }
    }

    private func decodeSchemaList(_ node: YAMLNode, _ what: String) -> [Schema] {
        guard let items = list(node, what) else { return [] }
        if items.isEmpty { warning("an empty \(what) has no effect", at: node, kind: "composition-empty") }
        return items.map { decodeSchema($0, allowBoolean: true) }
    }

    private func decodeDiscriminator(_ node: YAMLNode) -> Discriminator? {
        guard let node = followReference(node, "a discriminator") else { return nil }
        var discriminator = Discriminator(node: node, propertyName: "", mapping: [])
        let missing = ["propertyName": "Lathe ignores the discriminator"]
        let extensions = object(
            node, "a Discriminator object", fields: ["propertyName", "mapping"] + since32(["defaultMapping"]),
            required: ["propertyName"], missing: missing
        ) { key, keyNode, value in
            switch key {
            case "defaultMapping":
                guard let raw = string(value, "defaultMapping") else { break }
                discriminator.defaultMapping = discriminatorTarget(raw, at: value)
            case "propertyName": discriminator.propertyName = string(value, "propertyName") ?? ""
            case "mapping":
                for (name, _, target) in namedEntries(value, "discriminator mapping") {
                    guard let raw = string(target, "a discriminator mapping value") else { continue }
                    discriminator.mapping.append((name, discriminatorTarget(raw, at: target)))
                }
            default: break
            }
        }
        // Without a property to read, a discriminator cannot pick anything.
        guard let extensions, !discriminator.propertyName.isEmpty else { return nil }
        discriminator.extensions = extensions
        return discriminator
    }

    /// A mapping value is a `$ref`, or a bare schema name meaning `#/components/schemas/<name>`.
    private func discriminatorTarget(_ raw: String, at node: YAMLNode) -> Reference {
        let isName = !raw.contains("/") && !raw.contains("#") && !raw.hasSuffix(".yaml") && !raw.hasSuffix(".json")
        let ref = isName ? "#/components/schemas/" + JSONPointer.escape(raw) : raw
        let rootTree = files.trees[files.rootAbsolutePath] ?? node.tree
        guard let (key, target) = resolveDiscriminatorRef(ref, raw: raw, isName: isName, at: node, rootTree: rootTree)
        else {
            return Reference(raw: raw, targetKey: nil, node: node)
        }
        enqueue(.schema, key: key, node: target)
        return Reference(raw: raw, targetKey: key, node: node)
    }

    private func resolveDiscriminatorRef(
        _ ref: String, raw: String, isName: Bool, at node: YAMLNode, rootTree: YAMLTree
    ) -> (String, YAMLNode)? {
        guard isName else { return resolve(ref, at: node, kind: .schema) }
        // Bare names always mean the root document's components, wherever the discriminator stands.
        guard let component = schemaComponent(named: raw, in: rootTree) else {
            error(
                "discriminator mapping names '\(raw)', but there is no schema '\(raw)' in components/schemas", at: node,
                kind: "ref-unresolved", reading: "Lathe ignores this mapping entry")
            return nil
        }
        return component
    }

    /// The schema component `name` of `tree`, by its canonical key, found by name rather than by
    /// resolving a `$ref`: a name with `%` or `#` in it would need escaping as a URI fragment.
    private func schemaComponent(named name: String, in tree: YAMLTree) -> (key: String, node: YAMLNode)? {
        guard let node = tree.root?["components"]?["schemas"]?[name] else { return nil }
        return (canonicalKey(file: tree, pointer: "/components/schemas/" + JSONPointer.escape(name)), node)
    }

    private func checkRequired(_ schema: Schema, in node: YAMLNode) {
        guard allOfDepth == 0, !schema.required.isEmpty, !schema.properties.isEmpty, schema.ref == nil,
            schema.allOf.isEmpty, schema.anyOf.isEmpty, schema.oneOf.isEmpty,
            schema.additionalProperties == nil || schema.additionalProperties?.value.isFalse == true,
            schema.patternProperties.isEmpty,
            let requiredNode = node["required"], requiredNode.count == schema.required.count
        else { return }
        var seen = Set<String>()
        let properties = Set(schema.properties.map(\.name))
        for (index, name) in schema.required.enumerated() {
            let item = requiredNode.items[index]
            if !seen.insert(name).inserted {
                warning("'\(name)' is listed twice in required", at: item, kind: "duplicate-entry")
            } else if !properties.contains(name),
                // One property in another case is read as it, with a warning of lowering's.
                Schema.Property.inAnotherCase(name, among: schema.properties) == nil
            {
                // With `additionalProperties: false` (Meilisearch's summarized task) no value can have it.
                let closed =
                    schema.additionalProperties == nil ? "" : ", and additionalProperties: false allows no other"
                warning(
                    "required property '\(name)' is not among this schema's properties\(closed)", at: item,
                    kind: "required-undefined")
            }
        }
    }
}

extension Schema {
    /// `anyOf: [inner, {type: null}]`, which 3.0's `nullable: true` on a `$ref` or composition means.
    /// The annotations stay on the outer schema too, where readers look for them.
    static func nullable(_ inner: Schema, nullNode: YAMLNode) -> Schema {
        var outer = Schema(node: inner.node)
        var null = Schema(node: nullNode)
        null.types = .null
        outer.anyOf = [inner, null]
        outer.title = inner.title
        outer.description = inner.description
        outer.defaultValue = inner.defaultValue
        outer.examples = inner.examples
        outer.readOnly = inner.readOnly
        outer.writeOnly = inner.writeOnly
        outer.deprecated = inner.deprecated
        outer.extensions = inner.extensions
        return outer
    }
}
