import LatheDiagnostics
import LatheOpenAPI
import LathePattern

/// Schema → value type. Named types (structs, enums, unions) are created where the schema needs
/// one, named from the hint; everything else is a primitive, an array, a map or a reference.
extension Lowerer {
    func lower(_ schema: Schema, _ hint: NameHint) -> (IRValueType, IRConstraints) {
        if let discriminator = schema.discriminator {
            // Once for each discriminator: the union made from a schema with properties beside its
            // `oneOf` (`lowerObjectBesideAlternatives`) holds the same one, without the properties.
            let reading =
                discriminatorReadings[discriminator.origin]
                ?? undeclaredDiscriminator(discriminator, of: schema)
            discriminatorReadings[discriminator.origin] = reading
            if case .property(let name) = reading, discriminator.propertyName != name {
                var read = schema
                read.discriminator?.propertyName = name
                return lower(read, hint)
            }
        }
        warnAboutUngeneratedKeywords(schema)
        if schema.isFalse {
            warning(
                "this schema allows no value at all (false); Lathe generates it as any JSON value", at: schema.origin,
                kind: "schema-false")
            return (.primitive(.jsonValue), IRConstraints())
        }
        if let ref = schema.ref {
            // What stands beside a `$ref` applies too (the decoder marks a `$ref` written in 3.0
            // pure: 3.0 ignores its siblings).
            if schema.isPureReference { return (referencedType(ref), IRConstraints()) }
            // `$ref` with constraints beside it means both: `allOf: [$ref, the rest]`.
            var rest = schema
            rest.ref = nil
            var composite = Schema(origin: schema.origin)
            var target = Schema(origin: ref.origin)
            target.ref = ref
            target.isPureReference = true
            composite.allOf = [target, rest]
            composite.description = schema.description
            return lower(composite, hint)
        }
        if let lowered = lowerNullableComposition(schema, hint) { return lowered }
        if let values = schema.enumValues, !values.isEmpty, !values.contains(where: { $0 != .null }) {
            // `enum: [null]` (dropshot's `()`, beside `type: string`): null, as `type: null` is. As an
            // enum of no cases, the null every response carries failed to decode.
            return (.nullable(.primitive(.jsonValue)), IRConstraints())
        }
        if let types = schema.types, types.contains(.null) {
            guard types != .null else { return (.nullable(.primitive(.jsonValue)), IRConstraints()) }
            var inner = schema
            inner.types = types.subtracting(.null)
            inner.enumValues = schema.enumValues?.filter { $0 != .null }
            let (type, constraints) = lower(inner, hint)
            return (type.isNullable ? type : .nullable(type), constraints)
        }
        if let values = schema.enumValues { return lowerEnum(schema, values, hint) }
        if let listed = Self.constantAlternatives(schema) { return lowerEnum(listed, listed.enumValues ?? [], hint) }
        if let discriminator = schema.discriminator, schema.oneOf.isEmpty, schema.anyOf.isEmpty {
            if let subtypes = polymorphicSubtypes(of: schema, discriminator, hint), !subtypes.isEmpty {
                return (lowerUnion(schema, subtypes, hint, isAnyOf: false), IRConstraints())
            }
            if warnedSchemas.insert(discriminator.origin).inserted {
                warning(
                    "this discriminator names no schema that extends this one through allOf; Lathe ignores it",
                    at: discriminator.origin, kind: "discriminator-ignored")
            }
        }
        if let lowered = lowerObjectBesideAlternatives(schema, hint) { return lowered }
        if !schema.allOf.isEmpty { return lowerAllOf(schema, hint) }
        if !schema.oneOf.isEmpty { return (lowerUnion(schema, schema.oneOf, hint, isAnyOf: false), IRConstraints()) }
        if !schema.anyOf.isEmpty { return (lowerUnion(schema, schema.anyOf, hint, isAnyOf: true), IRConstraints()) }
        return lowerTyped(schema, hint)
    }

    /// Keywords that say nothing of a value. `definitions` (draft 4's `$defs`) only holds schemas,
    /// which `$ref`s reach and generate.
    static let annotationKeywords: Set<String> = ["$schema", "$id", "$comment", "$anchor", "definitions"]

    /// Keywords Lathe neither generates nor checks yet: said once per schema, at the schema.
    private func warnAboutUngeneratedKeywords(_ schema: Schema) {
        var keywords = schema.unmodeledKeywords.filter { !Self.annotationKeywords.contains($0) }
        if schema.not != nil { keywords.append("not") }
        if schema.contains != nil { keywords.append("contains") }
        guard !keywords.isEmpty, warnedSchemas.insert(schema.origin).inserted else { return }
        let list = keywords.map { "'\($0)'" }.joined(separator: ", ")
        warning(
            "Lathe does not generate or check \(list) yet; the rest of this schema is generated", at: schema.origin,
            kind: "keyword-not-generated")
    }

    // MARK: Nullable compositions

    /// `anyOf`/`oneOf` with a `{type: null}` member: the rest, nullable.
    private func lowerNullableComposition(_ schema: Schema, _ hint: NameHint) -> (IRValueType, IRConstraints)? {
        // Not a loop over key paths: reading a schema through one went through the runtime, 15,000
        // instructions a schema in all.
        lowerNullableComposition(schema, schema.anyOf, isAnyOf: true, hint)
            ?? lowerNullableComposition(schema, schema.oneOf, isAnyOf: false, hint)
    }

    private func lowerNullableComposition(
        _ schema: Schema, _ members: [Schema], isAnyOf: Bool, _ hint: NameHint
    ) -> (IRValueType, IRConstraints)? {
        guard members.contains(where: Self.isNullOnly) else { return nil }
        let nonNull = members.filter { !Self.isNullOnly($0) }
        var rest = schema
        if isAnyOf {
            rest.anyOf = nonNull.count == 1 ? [] : nonNull
        } else {
            rest.oneOf = nonNull.count == 1 ? [] : nonNull
        }
        let (type, constraints): (IRValueType, IRConstraints)
        if nonNull.count == 1, Self.hasNoStructure(rest) {
            // `anyOf: [X, null]`: X itself, with this schema's annotations.
            var only = nonNull[0]
            only.description = only.description ?? schema.description
            (type, constraints) = lower(only, hint)
        } else if nonNull.count == 1 {
            rest.allOf.append(nonNull[0])
            (type, constraints) = lower(rest, hint)
        } else {
            (type, constraints) = lower(rest, hint)
        }
        return (type.isNullable ? type : .nullable(type), constraints)
    }

    /// Properties (or `allOf`) beside `oneOf`/`anyOf`. When the alternatives only list required
    /// properties, the object is generated and the alternatives are a warning; when they are real
    /// types, the union is generated and the properties beside it are the warning. Either way
    /// nothing is lost without a word.
    private func lowerObjectBesideAlternatives(_ schema: Schema, _ hint: NameHint) -> (IRValueType, IRConstraints)? {
        let alternatives =
            !schema.oneOf.isEmpty ? (schema.oneOf, "oneOf") : !schema.anyOf.isEmpty ? (schema.anyOf, "anyOf") : nil
        guard let (members, keyword) = alternatives, !schema.properties.isEmpty || !schema.allOf.isEmpty else {
            return nil
        }
        let onlyRequiredLists = members.allSatisfy { member in
            member.ref == nil && member.properties.isEmpty && member.items == nil && member.enumValues == nil
                && member.allOf.isEmpty && member.anyOf.isEmpty && member.oneOf.isEmpty
                && (member.types ?? .object) == .object
        }
        if onlyRequiredLists {
            warning(
                "Lathe does not check the \(keyword) alternatives here (which properties are required together); "
                    + "the object is generated without them",
                at: schema.origin, kind: "keyword-not-generated")
            var object = schema
            object.oneOf = []
            object.anyOf = []
            return lower(object, hint)
        }
        let isAnyOf = keyword == "anyOf"
        var own = schema
        own.oneOf = []
        own.anyOf = []
        own.discriminator = nil
        // The properties beside the alternatives, with those of the `allOf` beside them.
        var visited = Set<String>()
        let besideNames = objectParts(own, visited: &visited, family: hint.into)?.properties.map(\.name)
        let declared = members.map(declaredPropertyNames(ofAlternative:))
        // Alternatives that each declare the properties beside them (the base they extend lists
        // them, or they restate the discriminator's property) are the value: the union says it all.
        // (Composed with them, the same keys would be held twice, and encoded twice.)
        if let besideNames,
            declared.allSatisfy({ $0.map { names in besideNames.allSatisfy(names.contains) } ?? false })
        {
            return (lowerUnion(schema, members, hint, isAnyOf: isAnyOf), IRConstraints())
        }
        // Objects without them: both hold, as `allOf: [{the properties}, {the alternatives}]` says,
        // an object of the properties that holds the union as a member, decoded from the same JSON
        // object. (Alternatives that need not be objects, a string or a number, are the union as
        // before: properties constrain only objects.)
        if declared.allSatisfy({ $0 != nil }) {
            var union = Schema(origin: schema.origin)
            union.oneOf = schema.oneOf
            union.anyOf = schema.anyOf
            union.discriminator = schema.discriminator
            let bases = own.allOf
            own.allOf = []
            if let composite = lowerComposite(schema, bases + [union], own, hint) {
                // `additionalProperties: false` beside the alternatives, or in a base beside them,
                // cannot forbid the keys they add: read so, no value would be valid.
                if case .named(let id) = composite, case .object(var object) = types[id.index].kind,
                    object.additionalProperties == .forbidden
                {
                    object.additionalProperties = .ignored
                    object.undeclaredKeysName = nil
                    types[id.index].kind = .object(object)
                }
                return (composite, IRConstraints())
            }
        }
        warning(
            "properties and allOf beside \(keyword) are not generated yet; Lathe generates the \(keyword) alternatives",
            at: schema.origin, kind: "keyword-not-generated")
        return (lowerUnion(schema, members, hint, isAnyOf: isAnyOf), IRConstraints())
    }

    /// The properties `member`, an alternative of a union, declares, through the `allOf` bases it
    /// extends (a base that lists it among its alternatives included); `nil` when it is no object.
    private func declaredPropertyNames(ofAlternative member: Schema) -> Set<String>? {
        var visited = Set<String>()
        guard let key = member.ref?.targetKey else {
            // One that only lists what is required (`{required: [a]}`) is any object, which would
            // take every value before the alternatives after it: no object to compose.
            guard !member.properties.isEmpty || !member.allOf.isEmpty || member.additionalProperties != nil else {
                return nil
            }
            return objectParts(member, visited: &visited).map { Set($0.properties.map(\.name)) }
        }
        guard let target = document.schema(forKey: key) else { return nil }
        visited.insert(key)
        return objectParts(target, visited: &visited, family: schemaTypes[key]).map { Set($0.properties.map(\.name)) }
    }

    /// `oneOf` (or `anyOf`) whose alternatives each only fix a value, `[{const: 1, title: JOIN,
    /// description: …}, …]`: an enum documented value by value (Discord's spec has 91), read as
    /// `enum` with each alternative's title naming an integer's case and its description
    /// documenting it. As alternatives, any value decoded as the first that took its type.
    static func constantAlternatives(_ schema: Schema) -> Schema? {
        let members = !schema.oneOf.isEmpty ? schema.oneOf : schema.anyOf
        guard !members.isEmpty, schema.oneOf.isEmpty || schema.anyOf.isEmpty, schema.properties.isEmpty,
            schema.allOf.isEmpty, schema.additionalProperties == nil, schema.discriminator == nil
        else { return nil }
        var values: [SpecValue] = []
        var notes: [String: Schema.EnumValueNote] = [:]
        for member in members {
            let single = member.enumValues.flatMap { $0.count == 1 ? $0[0] : nil }
            guard let value = member.constValue ?? single, member.constValue == nil || member.enumValues == nil,
                member.ref == nil, member.properties.isEmpty, member.items == nil, member.additionalProperties == nil,
                member.allOf.isEmpty, member.anyOf.isEmpty, member.oneOf.isEmpty,
                member.constraints == Schema.Constraints(), member.discriminator == nil
            else { return nil }
            switch value {
            case .string, .number, .bool: break
            default: return nil
            }
            // A member's `type` that allows null does not let the enum hold it: its value is fixed.
            values.append(value)
            if let key = value.scalarText, notes[key] == nil {
                notes[key] = Schema.EnumValueNote(name: member.title, description: member.description)
            }
        }
        var listed = schema
        listed.oneOf = []
        listed.anyOf = []
        listed.enumValues = values
        listed.enumValueNotes = notes
        return listed
    }

    /// What 3.0's `nullable: true` on a composition wraps (`anyOf: [that, {type: null}]`, made
    /// by the loader); `schema` itself otherwise.
    static func withoutNullWrapper(_ schema: Schema) -> Schema {
        guard schema.anyOf.count == 2, schema.oneOf.isEmpty, schema.allOf.isEmpty, schema.ref == nil,
            schema.properties.isEmpty, let null = schema.anyOf.firstIndex(where: isNullOnly)
        else { return schema }
        return schema.anyOf[1 - null]
    }

    static func isNullOnly(_ schema: Schema) -> Bool {
        schema.ref == nil && (schema.types == .null || schema.enumValues == [.null] || schema.constValue == .null)
    }

    /// No type, properties, items or composition: only annotations. A keyword Lathe generates from
    /// (`prefixItems`, `patternProperties`, `propertyNames`) is structure too: an `allOf` member of
    /// only `prefixItems` was dropped as an annotation, and its tuple with it.
    static func hasNoStructure(_ schema: Schema, besidesAllOf: Bool = false) -> Bool {
        schema.ref == nil && schema.types == nil && schema.enumValues == nil && schema.constValue == nil
            && schema.properties.isEmpty && schema.additionalProperties == nil && schema.items == nil
            && (besidesAllOf || schema.allOf.isEmpty) && schema.anyOf.isEmpty && schema.oneOf.isEmpty
            && schema.constraints == Schema.Constraints() && schema.prefixItems == nil
            && schema.patternProperties.isEmpty && schema.propertyNames == nil
    }

    /// The named type for a hint: the reserved one it should fill, or a new one.
    func namedType(_ hint: NameHint, _ schema: Schema) -> IRTypeID {
        if let into = hint.into { return into }
        return newType(hint, origin: schema.origin, docs: docs(schema))
    }

    // MARK: Enums

    private func lowerEnum(_ schema: Schema, _ values: [SpecValue], _ hint: NameHint) -> (IRValueType, IRConstraints) {
        let values = enumValuesAsDeclared(schema, values)
        let nonNull = values.filter { $0 != .null }
        let hasNull = nonNull.count < values.count
        var rawType: IREnumeration.RawType
        var rawValues: [String] = []
        if nonNull.allSatisfy({ if case .string = $0 { true } else { false } }) {
            rawType = .string
            rawValues = nonNull.map { if case .string(let text) = $0 { text } else { "" } }
        } else if nonNull.allSatisfy({ if case .number(let n) = $0 { n.integralValue != nil } else { false } }) {
            // `1.0` is the integer 1, and its case's raw value is written `1`.
            rawType = .integer
            rawValues = nonNull.map { if case .number(let number) = $0 { number.integralText } else { "" } }
        } else if nonNull.allSatisfy({ if case .bool = $0 { true } else { false } }) {
            // `enum: [true]` and the like: a Bool, with the single allowed value checked.
            var constraints = IRConstraints()
            constraints.constant = nonNull.count == 1 ? nonNull[0] : nil
            return (hasNull ? .nullable(.primitive(.bool)) : .primitive(.bool), constraints)
        } else {
            return lowerValueList(schema, values: values, hint)
        }
        let id = namedType(hint, schema)
        // `undocumented` holds values the spec does not list; `allCases`, `rawValue` and
        // `byRawValue` are members.
        var scope = Self.enumCaseNames
        var cases: [IREnumeration.Case] = []
        var seen = Set<String>()
        let valueOrigins = schema.origin.field("enum")?.items ?? []
        // Each value at the first item spelled as it (one the declared type converted included),
        // found in one pass: a search per value made an enum of 32,000 values take seconds.
        var originOfText: [String: Origin] = [:]
        for item in valueOrigins {
            if let text = item.text, originOfText[text] == nil { originOfText[text] = item.origin }
        }
        for (index, raw) in rawValues.enumerated() where seen.insert(raw).inserted {
            // What `x-enum-varnames` and the like say of the value.
            let note = schema.enumValueNotes.flatMap { notes in
                notes[raw] ?? nonNull[index].scalarText.flatMap { notes[$0] }
            }
            let preferred: String
            switch rawType {
            // A string names its case; a name given for it (often the type's name and the value,
            // `NodeStatusReady`, as Go spells constants) would read worse in Swift.
            case .string: preferred = raw.isEmpty ? "empty" : memberName(raw)
            case .integer:
                if let name = note?.name, !name.isEmpty {
                    preferred = memberName(name)
                } else {
                    preferred = raw.hasPrefix("-") ? "minus" + raw.dropFirst() : "value" + raw
                }
            }
            let origin =
                originOfText[raw] ?? (valueOrigins.indices.contains(index) ? valueOrigins[index].origin : schema.origin)
            cases.append(
                IREnumeration.Case(
                    name: IRName(original: raw, swift: scope.claim(preferred)), rawValue: raw, source: source(origin),
                    docs: note?.description))
        }
        types[id.index].kind = .enumeration(IREnumeration(rawType: rawType, cases: cases))
        return (hasNull ? .nullable(.named(id)) : .named(id), IRConstraints())
    }

    /// An enum no Swift enum can list: fractional numbers (`[0.25, 1, 7]`) are the schema's number
    /// type, values of several kinds (`["auto", 1]`) any JSON value; either way `validate()` checks
    /// that a value is one of them.
    private func lowerValueList(_ schema: Schema, values: [SpecValue], _ hint: NameHint) -> (IRValueType, IRConstraints)
    {
        let numbers = values.allSatisfy { if case .number = $0 { true } else { $0 == .null } }
        let declared = schema.types?.subtracting(.null)
        if numbers, declared == nil || declared == .number {
            var rest = schema
            rest.enumValues = nil
            rest.types = values.contains(.null) ? [.number, .null] : .number
            var (type, constraints) = lower(rest, hint)
            constraints.allowedValues = values.filter { $0 != .null }
            return (type, constraints)
        }
        // Values the declared type excludes can never match; said, since the type is not kept.
        if let declared, !declared.isEmpty {
            let outside = values.filter { $0 != .null && declared.isDisjoint(with: Self.jsonType(of: $0)) }
            if let first = outside.first {
                let more = outside.count > 1 ? ", …" : ""
                warning(
                    "the enum lists values that are not of the schema's type, "
                        + "\(declared.typeNames.joined(separator: " or ")) (\(JSONText.compact(first))\(more)); "
                        + "Lathe generates it as any JSON value and checks it is one of the values",
                    at: schema.origin, kind: "enum-mixed")
            }
        }
        var constraints = IRConstraints()
        constraints.allowedValues = values
        return (.primitive(.jsonValue), constraints)
    }

    /// The JSON type of a value (an integral number is an integer, and a number).
    private static func jsonType(of value: SpecValue) -> JSONTypes {
        switch value {
        case .null: .null
        case .bool: .boolean
        case .number(let number): number.isIntegral ? [.integer, .number] : .number
        case .string: .string
        case .array: .array
        case .object: .object
        }
    }

    /// The values in the schema's declared type where the document spells them as another: beside
    /// `type: string`, YAML reads `enum: [none, 1, 2]` as a text and two numbers, which no string
    /// is; the one reading that fits is the texts "1" and "2" (and `type: integer` beside
    /// `enum: ["1", "2"]`, the numbers). One warning a schema, at its first such value.
    private func enumValuesAsDeclared(_ schema: Schema, _ values: [SpecValue]) -> [SpecValue] {
        guard let declared = schema.types?.subtracting(.null) else { return values }
        var changed: [(index: Int, from: SpecValue, to: SpecValue)] = []
        let read = values.enumerated().map { index, value in
            guard let converted = Self.reading(value, as: declared) else { return value }
            changed.append((index, value, converted))
            return converted
        }
        guard let first = changed.first else { return values }
        let items = schema.origin.field("enum")?.items ?? []
        let shown = changed.prefix(3)
        let more = changed.count > shown.count ? ", …" : ""
        let one = changed.count == 1
        warning(
            "the enum value\(one ? "" : "s") \(shown.map { JSONText.compact($0.from) }.joined(separator: ", "))\(more) "
                + "\(one ? "is" : "are") not of the schema's type, \(declared.typeNames.joined(separator: " or ")); "
                + "Lathe reads \(one ? "it" : "them") as \(shown.map { JSONText.compact($0.to) }.joined(separator: ", "))\(more)",
            at: items.indices.contains(first.index) ? items[first.index].origin : schema.origin, kind: "enum-value-type"
        )
        return read
    }

    /// `value` as a value of `type` (one of string, integer, number, boolean) when the document
    /// spelled it as another: a number or boolean beside `type: string` is its text, and text
    /// that spells a number or boolean is that value; nil when it already fits or cannot.
    static func reading(_ value: SpecValue, as type: JSONTypes) -> SpecValue? {
        switch (value, type) {
        case (.number(let number), .string): return .string(number.text)
        case (.bool(let flag), .string): return .string(flag ? "true" : "false")
        case (.string, .integer):
            if case .number(let number)? = spelledDefault(value), number.isInteger { return .number(number) }
        case (.string, .number):
            if case .number(let number)? = spelledDefault(value) { return .number(number) }
        case (.string, .boolean):
            if case .bool(let flag)? = spelledDefault(value) { return .bool(flag) }
        default: break
        }
        return nil
    }

    // MARK: allOf

    private func lowerAllOf(_ schema: Schema, _ hint: NameHint) -> (IRValueType, IRConstraints) {
        if let kept = membersBesideObjectType(schema) {
            var schema = schema
            schema.allOf = kept
            return lowerAllOf(schema, hint)
        }
        // Members that only restate a `type` next to a `$ref` (`[$ref: Status, type: string]`) add
        // nothing. One that names another type (`[$ref: Code, type: integer]` where `Code` is a
        // string) asks for a value no JSON value is: the reference's type, with a warning.
        let references = schema.allOf.filter { $0.ref != nil }
        var nullBeside: Schema?
        let meaningful = schema.allOf.filter { member in
            if !references.isEmpty, Self.isTypesOnly(member), let types = member.types {
                warnIfTypeConflicts(types, at: member.origin, with: references, ignoring: "this member")
                if types.contains(.null) { nullBeside = nullBeside ?? member }
                return false
            }
            // A format says what a primitive is (`{type: string, allOf: [{maxLength: 40}, {format: uuid}]}`).
            if Self.hasNoStructure(member), member.ref == nil, member.format == nil {
                // Dropped as an annotation, it is never lowered: `not`, `if` or `contains` in it is
                // said here or not at all.
                warnAboutUngeneratedKeywords(member)
                return false
            }
            return true
        }
        let (type, constraints) = lowerAllOf(schema, meaningful, references, hint)
        // `{$ref: Stamp, type: [string, 'null']}` (3.1): JSON Schema asks for both, which null is
        // not, but the `null` says what the author meant; read as written, every null failed.
        guard let nullBeside, let reference = references.first, !admitsNull(type, of: reference) else {
            return (type, constraints)
        }
        warning(
            "this null beside a reference to a type that does not allow null is no value JSON Schema admits "
                + "(it asks for both); Lathe reads the value as nullable, as 'null' here says",
            at: nullBeside.origin.field("type") ?? nullBeside.origin, kind: "null-beside-reference")
        return (.nullable(type), constraints)
    }

    private func lowerAllOf(
        _ schema: Schema, _ meaningful: [Schema], _ references: [Schema], _ hint: NameHint
    ) -> (IRValueType, IRConstraints) {
        var own = schema
        own.allOf = []
        // The same for a primitive type beside the `allOf` (`{type: string, nullable: true, allOf:
        // [$ref: DateTime]}`, as OpenMeter writes it); null is read from `schema` by the caller.
        // An object type beside it stays: objects are merged below.
        if !references.isEmpty, let types = own.types, types.isDisjoint(with: [.object, .array]) {
            var withoutType = own
            withoutType.types = nil
            if Self.isConstraintsOnly(withoutType) {
                warnIfTypeConflicts(types, at: schema.origin, with: references, ignoring: "the type beside it")
                own = withoutType
            }
        }
        if meaningful.isEmpty, Self.hasNoStructure(own) {
            // Every member only annotates (`allOf: [{}, {description: …}, {example: "100"}]`):
            // nothing constrains the value, so it is any JSON value, not an object with no members.
            return lower(own, hint)
        }
        // An extension that adds nothing to a polymorphic base (Dify's `StreamEventPing: allOf:
        // [$ref: ChunkCompletionEvent, {description: …}]`), or to a discriminated `oneOf` listing
        // it, is an object as one that adds something is: the union has it among the cases,
        // selected by the discriminator, and an alias of it decoded itself again without end. (One
        // that adds nothing to a `oneOf` without a discriminator is the union itself, which
        // `dropCyclicAlternatives` leaves out of it: as an object any object fits, it would take
        // every value before the alternatives after it.)
        if meaningful.count == 1, Self.hasNoStructure(own), !isPolymorphicBase(meaningful[0], of: hint.into),
            !(isFamily(meaningful[0], of: hint.into) && referencedSchema(meaningful[0]).discriminator != nil)
        {
            var only = meaningful[0]
            if only.isPureReference, schema.description != nil || schema.title != nil {
                // A documented alias of a reference: the reference, documented where it is used.
                return (referencedType(only.ref!), IRConstraints())
            }
            only.description = only.description ?? schema.description
            return lower(only, hint)
        }
        // drf-spectacular's `{allOf: [$ref: KindEnum], minimum: -2147483648, maximum: 2147483647}`
        // (a Django choice field's column bounds): an enumeration every value of which the bounds
        // admit is that enumeration; the bounds say nothing more.
        if meaningful.count == 1, Self.isConstraintsOnly(own),
            Self.boundsAdmitEveryValue(own.constraints, of: referencedSchema(meaningful[0]))
        {
            return lower(meaningful[0], hint)
        }
        var visited = Set<String>()
        if let parts = objectParts(schema, visited: &visited, family: hint.into) {
            return (lowerObject(schema, parts, hint), IRConstraints())
        }
        if let combined = lowerCombinedConstraints(schema, meaningful, own, hint) { return combined }
        if let composite = lowerComposite(schema, meaningful, own, hint) { return (composite, IRConstraints()) }
        // Name what is not generated, so the warning says what a user loses.
        var lost: [String] = []
        for member in meaningful.dropFirst() {
            var seen = Set<String>()
            lost += objectParts(member, visited: &seen)?.properties.map(\.name) ?? []
        }
        let detail = lost.isEmpty ? "" : " (\(lost.map { "'\($0)'" }.joined(separator: ", ")) not generated)"
        warning(
            "allOf combines schemas that are not all objects; Lathe uses the first one's type\(detail)",
            at: schema.origin, kind: "allof-not-objects")
        return lower(meaningful.first ?? own, hint)
    }

    /// `{type: object, allOf: [$ref: Fid, {properties: {fid: …}}]}` where `Fid` is an integer (Neynar):
    /// no value is both, and the type beside and the members with properties say object, which
    /// the API sends. The members without those that are another type are left out, each with a
    /// warning, and the rest are read; `nil` when there is none to leave out, or nothing else.
    private func membersBesideObjectType(_ schema: Schema) -> [Schema]? {
        guard leavesOutMembersOfOtherTypes(schema) else { return nil }
        let contradicting = schema.allOf.compactMap { member in
            typesOtherThanObject(member).map { (member: member, types: $0) }
        }
        guard !contradicting.isEmpty else { return nil }
        for (member, types) in contradicting {
            let name = member.ref?.targetName.map { "'\($0)', of type " } ?? "a value of type "
            warning(
                "allOf asks for an object (the type beside it) that is also \(name)"
                    + "\(types.typeNames.joined(separator: " or ")); no value is both, so Lathe leaves this member "
                    + "out and reads the object",
                at: member.origin, kind: "allof-type-conflict")
        }
        let left = Set(contradicting.map(\.member.origin))
        return schema.allOf.filter { !left.contains($0.origin) }
    }

    /// Whether `schema` is `type: object` beside an `allOf` with a member that may be an object, or
    /// properties of its own: the object, which members of another type cannot also be.
    func leavesOutMembersOfOtherTypes(_ schema: Schema) -> Bool {
        guard schema.types?.subtracting(.null) == .object else { return false }
        return !schema.properties.isEmpty
            || schema.allOf.contains { typesOtherThanObject($0) == nil && ($0.ref != nil || !Self.hasNoStructure($0)) }
    }

    /// The JSON types an `allOf` member declares (itself or through its `$ref`), when none is an object.
    func typesOtherThanObject(_ member: Schema) -> JSONTypes? {
        let types = (member.ref != nil ? declaredTypes(of: member) : member.types)?.subtracting(.null)
        guard let types, !types.isEmpty, !types.contains(.object) else { return nil }
        return types
    }

    /// Warns when `types`, beside `references` in an `allOf`, share no JSON value with what a
    /// reference declares (an integer counts as a number).
    private func warnIfTypeConflicts(
        _ types: JSONTypes, at origin: Origin, with references: [Schema], ignoring ignored: String
    ) {
        func values(_ types: JSONTypes) -> JSONTypes {
            let types = types.subtracting(.null)
            return types.contains(.integer) ? types.union(.number) : types
        }
        for reference in references {
            guard let referenced = declaredTypes(of: reference), !values(referenced).isEmpty, !values(types).isEmpty,
                values(referenced).intersection(values(types)).isEmpty,
                let name = reference.ref?.targetName
            else { continue }
            warning(
                "allOf asks for a value of type \(types.typeNames.joined(separator: " or ")) that is also "
                    + "'\(name)', of type \(referenced.typeNames.joined(separator: " or ")); no value is both, so "
                    + "Lathe ignores \(ignored)",
                at: origin, kind: "allof-type-conflict")
            return
        }
    }

    /// The JSON types the schema a `$ref` leads to declares, through further `$ref`s and `allOf`s of
    /// one primitive type; `nil` when it declares none.
    private func declaredTypes(of reference: Schema) -> JSONTypes? {
        var visited = Set<String>()
        if let end = primitiveEnd(of: reference, visited: &visited) { return end.kind }
        guard let key = reference.ref?.targetKey, let target = document.schema(forKey: key) else { return nil }
        return target.types ?? (target.properties.isEmpty ? nil : .object)
    }

    /// `allOf` of one kind of primitive value, each member with limits of its own: in 3.1 a `$ref`
    /// with constraints beside it (`{$ref: Code, maxLength: 5}`), or strings that each bound the
    /// length. The value is the first member's type, and its position checks every member's
    /// constraints together (all must hold), its type's own included, so no looser limit replaces
    /// a stricter one. `nil` when a member is anything else (an object, a list, another type).
    private func lowerCombinedConstraints(
        _ schema: Schema, _ members: [Schema], _ own: Schema, _ hint: NameHint
    )
        -> (IRValueType, IRConstraints)?
    {
        // A primitive type beside members that only limit it (3GPP's `Ipv6Addr: {type: string,
        // allOf: [{pattern: …}, {pattern: …}]}`) is the type they limit.
        var bareOwn = own
        var ownKind: JSONTypes?
        if let types = own.types {
            let single = types.subtracting(.null)
            guard Self.primitiveKinds.contains(single) else { return nil }
            ownKind = single
            bareOwn.types = nil
        }
        // One member counts when `own` limits or types it (`{allOf: [$ref: Name], maxLength: 30}`).
        guard !members.isEmpty, members.count > 1 || own.constraints != Schema.Constraints() || ownKind != nil,
            Self.isConstraintsOnly(bareOwn)
        else { return nil }
        var parts: [(JSONTypes?, IRConstraints)] = []
        for member in members {
            if member.ref == nil, Self.isConstraintsOnly(member) {
                parts.append((nil, positionConstraints(member)))
                continue
            }
            var visited = Set<String>()
            guard let end = primitiveEnd(of: member, visited: &visited) else { return nil }
            parts.append((end.kind, end.constraints))
        }
        let kinds = Set(parts.compactMap { $0.0?.rawValue } + (ownKind.map { [$0.rawValue] } ?? []))
        guard kinds.count == 1 else { return nil }
        var combined = positionConstraints(own)
        var dropped: [String] = []
        for (_, constraints) in parts {
            let next = combined.intersected(with: constraints)
            combined = next.constraints
            dropped += next.dropped
        }
        if !dropped.isEmpty {
            warning(
                "allOf asks for more than one \(Set(dropped).sorted().joined(separator: " and ")); "
                    + "Lathe checks only the first",
                at: schema.origin, kind: "allof-constraint-dropped")
        }
        // The value is what the member that says most about it is: one with a format or a reference
        // (`{$ref: Timestamp}`, a date), else the first with a type; where every member only limits,
        // the type beside them. Two formats are no one value's.
        let formats = Set(members.compactMap(\.format))
        guard formats.count <= 1 else { return nil }
        let typed = members.indices.filter { parts[$0].0 != nil }
        if let chosen = typed.first(where: { members[$0].format != nil || members[$0].ref != nil }) ?? typed.first {
            // A format only a member without a type has (`[{$ref: Stamp}, {format: uuid}]`) is not the chosen one's.
            guard formats.isEmpty || members[chosen].format != nil else { return nil }
            return (lowerCached(members[chosen], hint).0, combined)
        }
        var typeOnly = bareOwn
        typeOnly.types = own.types
        typeOnly.format = formats.first
        typeOnly.constraints = Schema.Constraints()
        return (lower(typeOnly, hint).0, combined)
    }

    /// The one-type kinds `primitiveEnd` follows: string, integer, number or boolean.
    static let primitiveKinds: [JSONTypes] = [.string, .integer, .number, .boolean]

    /// A schema that only limits a value (lengths, bounds, a pattern), adding no structure or type.
    static func isConstraintsOnly(_ schema: Schema) -> Bool {
        var bare = schema
        bare.constraints = Schema.Constraints()
        return hasNoStructure(bare)
    }

    /// The one primitive type (string, integer, number or boolean) a schema stands for, through
    /// `$ref`s and `allOf`s of such, with every constraint on the way: read from the schemas, not
    /// the IR, since a referenced component may not be lowered yet. `nil` for anything else.
    private func primitiveEnd(
        of schema: Schema, visited: inout Set<String>
    ) -> (kind: JSONTypes, constraints: IRConstraints)? {
        guard schema.enumValues == nil, schema.constValue == nil, schema.properties.isEmpty, schema.items == nil,
            schema.additionalProperties == nil, schema.anyOf.isEmpty, schema.oneOf.isEmpty
        else { return nil }
        var kind: JSONTypes?
        var constraints = positionConstraints(schema, reportingPatterns: false)
        if let types = schema.types {
            let single = types.subtracting(.null)
            guard Self.primitiveKinds.contains(single) else { return nil }
            kind = single
        }
        var parts = schema.allOf
        if let ref = schema.ref {
            guard let key = ref.targetKey, visited.insert(key).inserted, let target = document.schema(forKey: key)
            else {
                return nil
            }
            parts.append(target)
        }
        for part in parts {
            guard let end = primitiveEnd(of: part, visited: &visited), kind == nil || kind == end.kind else {
                return nil
            }
            kind = end.kind
            constraints = constraints.intersected(with: end.constraints).constraints
        }
        return kind.map { ($0, constraints) }
    }

    /// Whether `schema` is an enumeration and `bounds` (a minimum and a maximum, or a length's)
    /// admit every one of its values; `false` for any other constraint.
    static func boundsAdmitEveryValue(_ bounds: Schema.Constraints, of schema: Schema) -> Bool {
        guard let values = schema.enumValues, !values.isEmpty else { return false }
        var other = bounds
        (other.minimum, other.maximum, other.exclusiveMinimum, other.exclusiveMaximum) = (nil, nil, nil, nil)
        (other.minLength, other.maxLength) = (nil, nil)
        guard other == Schema.Constraints() else { return false }
        return values.allSatisfy { value in
            switch value {
            case .number(let number):
                guard let x = number.doubleValue else { return false }
                let below = { (bound: JSONNumber?, strictly: Bool) in
                    bound?.doubleValue.map { strictly ? $0 < x : $0 <= x } ?? true
                }
                let above = { (bound: JSONNumber?, strictly: Bool) in
                    bound?.doubleValue.map { strictly ? x < $0 : x <= $0 } ?? true
                }
                return bounds.minLength == nil && bounds.maxLength == nil && below(bounds.minimum, false)
                    && below(bounds.exclusiveMinimum, true) && above(bounds.maximum, false)
                    && above(bounds.exclusiveMaximum, true)
            case .string(let text):
                return bounds.minimum == nil && bounds.maximum == nil && bounds.exclusiveMinimum == nil
                    && bounds.exclusiveMaximum == nil && text.count >= bounds.minLength ?? 0
                    && text.count <= bounds.maxLength ?? Int.max
            case .null:
                // Bounds and lengths apply to numbers and strings alone (a nullable enumeration).
                return true
            default:
                return false
            }
        }
    }

    /// `allOf: [Kind, {type: object, properties: …}]` where `Kind` is a `oneOf` or `anyOf`: an object of
    /// the object members' properties that also holds the union as a member, decoded from the same
    /// value and encoded into the same JSON object. `nil` when a member is neither (a string, an
    /// array), which no one value can be alongside an object.
    private func lowerComposite(_ schema: Schema, _ members: [Schema], _ own: Schema, _ hint: NameHint) -> IRValueType?
    {
        var parts = ObjectParts.Merged()
        var unions: [Schema] = []
        // A `$ref` to an object beside alternatives (an `allOf` of both) adds what it combines: its
        // extension (OpenFeature's `serverEvaluationSuccess: allOf: [$ref: evaluationSuccess,
        // {properties: {cacheable: …}}]`) is composed as it is, where it lost its own properties.
        var pending = Array(members.reversed())  // popped from the end, in order
        var expanded = Set<String>()
        var unionKeys = Set<String>()
        while let member = pending.popLast() {
            var visited = Set<String>()
            if let memberParts = objectParts(member, visited: &visited, family: hint.into) {
                parts.add(memberParts)
            } else if isUnion(member) {
                // Once each: two bases that extend one union (a diamond) compose it once.
                if let key = member.ref?.targetKey, !unionKeys.insert(key).inserted { continue }
                unions.append(member)
            } else if member.isPureReference, let key = member.ref?.targetKey,
                let target = document.schema(forKey: key),
                !target.allOf.isEmpty, target.oneOf.isEmpty, target.anyOf.isEmpty, target.discriminator == nil
            {
                // A base reached twice (a diamond) adds what it combines once.
                guard expanded.insert(key).inserted else { continue }
                var targetOwn = target
                targetOwn.allOf = []
                pending.append(targetOwn)
                pending.append(contentsOf: target.allOf.reversed())
            } else {
                return nil
            }
        }
        var visited = Set<String>()
        guard !unions.isEmpty, let ownParts = objectParts(own, visited: &visited) else { return nil }
        parts.add(ownParts)
        guard case .named(let id) = lowerObject(schema, parts.parts, hint),
            case .object(var object) = types[id.index].kind
        else { return nil }
        let propertyNames = memberNames(of: id)
        var candidates: [ComposedCandidate] = []
        var mapsLeftOut: [IRValueType] = []
        var undecided = false
        for (index, union) in unions.enumerated() {
            // `rest` of a 3.1 `$ref` beside `oneOf` shares the schema's node: a reading, not a child.
            let unionHint = hint.nested(union.title ?? "Value\(index + 1)", in: id)
            let (lowered, _) = union.origin == schema.origin ? lower(union, unionHint) : lowerCached(union, unionHint)
            // The value is an object, so a `null` alternative cannot apply; and an alternative list
            // that lowered to something other than a union (`oneOf: [string, null]`) is no object.
            let type = lowered.nonNull
            switch isComposable(type) {
            case false?:
                leaveOut(type, at: union.origin, mapsLeftOut: &mapsLeftOut)
                continue
            case nil: undecided = true
            case true?: break
            }
            candidates.append(
                ComposedCandidate(
                    targetName: union.ref?.targetName,
                    base: SwiftNames.memberName(
                        union.ref?.targetName ?? (type.namedID.map { types[$0.index].name.swift } ?? "value")),
                    type: type, origin: union.origin))
        }
        if undecided {
            deferredCompositions.append(
                DeferredComposition(
                    object: id, candidates: candidates, mapsLeftOut: mapsLeftOut,
                    additionalProperties: object.additionalProperties))
        }
        object.composed = Self.composedMembers(candidates, besides: propertyNames)
        object.additionalProperties = additionalProperties(
            object.additionalProperties, composing: !object.composed.isEmpty, mapsLeftOut: mapsLeftOut)
        types[id.index].kind = .object(object)
        return .named(id)
    }

    /// What a composite object does with keys beyond its properties. With composed members they
    /// are ignored: the members' keys are no additional properties, and capturing them would write
    /// stale values over the members' when encoding. Without, the object's own
    /// `additionalProperties`; when it states none, a member left out for holding an object only as
    /// a map or any JSON value (`anyOf: [string, {additionalProperties: …}]`) still says what the
    /// other keys hold: the map's values, or any JSON value when there are several kinds.
    func additionalProperties(
        _ own: IRAdditionalProperties, composing: Bool, mapsLeftOut: [IRValueType]
    ) -> IRAdditionalProperties {
        if composing { return own == .forbidden ? .forbidden : .ignored }
        guard own == .ignored, !mapsLeftOut.isEmpty else { return own }
        var values = Set<IRValueType>()
        var visited = Set<IRTypeID>()
        func collect(_ type: IRValueType) {
            switch type.nonNull {
            case .dictionary(let element): values.insert(element)
            case .primitive(.jsonValue): values.insert(.primitive(.jsonValue))
            case .named(let id):
                guard visited.insert(id).inserted else { return }
                switch types[id.index].kind {
                case .alias(let aliased, _): collect(aliased)
                case .union(let union), .anyOf(let union): for item in union.cases { collect(item.type) }
                case .object, .tuple, .enumeration, .pending: break
                }
            case .primitive, .array, .nullable: break
            }
        }
        mapsLeftOut.forEach(collect)
        return .captured(values.count == 1 ? values.first! : .primitive(.jsonValue), IRConstraints())
    }

    /// A member `lowerComposite` composes into an object, before it is named.
    struct ComposedCandidate {
        /// The component the `allOf` member refers to, if it is a reference.
        var targetName: String?
        /// Its Swift name before a clash with another member lengthens it.
        var base: String
        var type: IRValueType
        var origin: Origin
    }

    /// An object whose composed members include one whose type was not lowered yet: whether an
    /// object can be that type is decided once every component is (`settleDeferredCompositions`).
    struct DeferredComposition {
        var object: IRTypeID
        var candidates: [ComposedCandidate]
        /// Members already left out for holding an object only as a map or any JSON value.
        var mapsLeftOut: [IRValueType]
        /// What the object had before its composed members made it ignore other keys.
        var additionalProperties: IRAdditionalProperties
    }

    /// `candidates` named in order, each clear of the object's properties and the members before it.
    static func composedMembers(
        _ candidates: [ComposedCandidate], besides properties: Set<String>
    )
        -> [IRComposedMember]
    {
        var taken = properties
        return candidates.map { candidate in
            var name = candidate.base
            while taken.contains(name) || SwiftNames.reservedMemberNames.contains(name) { name += "Value" }
            taken.insert(name)
            return IRComposedMember(
                name: IRName(original: candidate.targetName ?? name, swift: name), type: candidate.type)
        }
    }

    /// Leaves out a member no object can be, with its warning; one that holds an object only as a
    /// map or any JSON value goes into `mapsLeftOut`, for the object's additional properties.
    private func leaveOut(_ type: IRValueType, at origin: Origin, mapsLeftOut: inout [IRValueType]) {
        let asMap = holdsObjects(type)
        let message =
            asMap
            ? "this allOf member holds an object only as a map or any JSON value, which would repeat the "
                + "object's own properties; Lathe does not generate it as a member"
            : "this allOf member is neither an object nor alternatives between objects, "
                + "so no object can also be it; Lathe does not generate it"
        warning(message, at: origin, kind: "allof-not-objects")
        if asMap { mapsLeftOut.append(type) }
    }

    /// The composed members `lowerComposite` could not decide: those no object can be are dropped,
    /// with the warning they would have had, and the rest named again, as they would have been had
    /// the document declared their components first.
    func settleDeferredCompositions() {
        for deferred in deferredCompositions {
            guard case .object(var object) = types[deferred.object.index].kind else { continue }
            var mapsLeftOut = deferred.mapsLeftOut
            let kept = deferred.candidates.filter { candidate in
                if isComposable(candidate.type) != false { return true }
                leaveOut(candidate.type, at: candidate.origin, mapsLeftOut: &mapsLeftOut)
                return false
            }
            guard kept.count < deferred.candidates.count else { continue }
            // Clear of the properties only: `memberNames(of:)` would hold the members being renamed.
            object.composed = Self.composedMembers(kept, besides: Set(object.properties.map(\.name.swift)))
            object.additionalProperties = additionalProperties(
                deferred.additionalProperties, composing: !object.composed.isEmpty, mapsLeftOut: mapsLeftOut)
            types[deferred.object.index].kind = .object(object)
        }
        deferredCompositions = []
    }

    /// Whether an object can also be a value of `type`: an object (alternatives that differ only in
    /// what they require lower to one), alternatives one of which can hold an object (not as a map
    /// or any JSON value), or an alias of one of those; not a primitive, list, map or enumeration,
    /// nor alternatives between those alone (`oneOf: [string, integer]`), which no JSON object
    /// decodes as. `nil` when that depends on a component not lowered yet.
    func isComposable(_ type: IRValueType) -> Bool? {
        guard !refersToPending(type) else { return nil }
        var seen = Set<IRTypeID>()
        var current = type
        while case .named(let id) = current, seen.insert(id).inserted {
            switch types[id.index].kind {
            case .object: return true
            case .union(let union), .anyOf(let union):
                // Not as a map or any JSON value: decoded from the whole object, that would hold
                // the object's own properties too, and encoding would write those stale copies
                // over them.
                var visited = seen
                return union.cases.contains { holdsObjects($0.type, asMap: false, visited: &visited) }
            case .pending: return nil
            case .alias(let aliased, _): current = aliased.nonNull
            case .enumeration, .tuple: return false
            }
        }
        return false
    }

    /// The schema a chain of pure references ends at (the schema itself when it is not one).
    func referencedSchema(_ schema: Schema) -> Schema {
        var current = schema
        var seen = Set<String>()
        while current.isPureReference, let key = current.ref?.targetKey, seen.insert(key).inserted,
            let target = document.schema(forKey: key)
        {
            current = target
        }
        return current
    }

    /// Whether a value is `readOnly` or `writeOnly`, by its schema or a schema it refers to or
    /// combines with `allOf` (`id: {$ref: Id}` where `Id` is read-only is as read-only as
    /// `id: {type: string, readOnly: true}`).
    func access(_ schema: Schema) -> (readOnly: Bool, writeOnly: Bool) {
        var (readOnly, writeOnly) = (schema.readOnly, schema.writeOnly)
        if let key = schema.ref?.targetKey {
            let target = accessOfTarget(key)
            (readOnly, writeOnly) = (readOnly || target.readOnly, writeOnly || target.writeOnly)
        }
        for member in schema.allOf {
            let other = access(member)
            (readOnly, writeOnly) = (readOnly || other.readOnly, writeOnly || other.writeOnly)
        }
        return (readOnly, writeOnly)
    }

    /// `access` of a `$ref`'s target, found once per target (thousands of properties refer to one).
    private func accessOfTarget(_ key: String) -> (readOnly: Bool, writeOnly: Bool) {
        if let known = accessByTarget[key] { return known }
        accessByTarget[key] = (false, false)  // what a cycle back to it reads
        let found = document.schema(forKey: key).map(access) ?? (false, false)
        accessByTarget[key] = found
        return found
    }

    /// Whether a schema (following references) is a `oneOf` or `anyOf`.
    func isUnion(_ schema: Schema) -> Bool {
        let current = referencedSchema(schema)
        return !current.oneOf.isEmpty || !current.anyOf.isEmpty
    }

    /// Whether `member` refers to a `oneOf` or `anyOf` that lists the named type `family`.
    func isFamily(_ member: Schema, of family: IRTypeID?) -> Bool {
        guard let family, let key = member.ref?.targetKey, let schema = document.schema(forKey: key) else {
            return false
        }
        let target = Self.withoutNullWrapper(schema)
        let alternatives = target.oneOf.isEmpty ? target.anyOf : target.oneOf
        return alternatives.contains { $0.ref?.targetKey.flatMap { schemaTypes[$0] } == family }
    }

    /// Whether `member` refers to a polymorphic base (a component with a discriminator and no
    /// `oneOf`) whose union has the named type `family` among its cases: its mapping names it, or
    /// it extends the base.
    func isPolymorphicBase(_ member: Schema, of family: IRTypeID?) -> Bool {
        guard let family, let key = member.ref?.targetKey, let base = schemaTypes[key],
            let target = document.schema(forKey: key), let discriminator = target.discriminator,
            target.oneOf.isEmpty, target.anyOf.isEmpty
        else { return false }
        return discriminator.mapping.contains { $0.reference.targetKey.flatMap { schemaTypes[$0] } == family }
            || (extendingComponents[base] ?? []).contains { schemaTypes[$0] == family }
    }

    struct ObjectParts {
        var properties: [Schema.Property] = []
        var required: [String] = []
        var additionalProperties: Box<Schema>?
        var hasPatternProperties = false
        var minProperties: Int?
        var maxProperties: Int?
        /// `propertyNames` of each part: every one applies.
        var propertyNames: [Schema] = []

        /// Parts merged one after another, each later one winning. Indexed by name across the
        /// merges, so an `allOf` of n members costs what they add, not n² (an index made anew
        /// for each member made 8,000 members take five seconds).
        struct Merged {
            private(set) var parts = ObjectParts()
            /// The index is made at the second merge when the first part's names are all ASCII: most
            /// objects are one part, whose names are the keys of one mapping, and ASCII keys that
            /// differ in bytes (the readers refuse the same bytes twice) differ as strings. Other
            /// text can be two spellings of one string (`é` in one scalar or two), which the index
            /// merges, so such a part is indexed at once.
            private var nameIndex = NameIndex.empty
            private enum NameIndex { case empty, awaited, made }
            private var positions: [String: Int] = [:]
            private var required: Set<String> = []

            mutating func add(_ other: ObjectParts) {
                if nameIndex == .empty, other.properties.allSatisfy({ $0.name.isAllASCII }) {
                    parts = other
                    parts.required = Self.firstOccurrences(other.required)
                    nameIndex = .awaited
                    return
                }
                if nameIndex == .awaited {
                    positions.reserveCapacity(parts.properties.count + other.properties.count)
                    for (index, property) in parts.properties.enumerated() { positions[property.name] = index }
                    required = Set(parts.required)
                }
                nameIndex = .made
                for property in other.properties {
                    if let index = positions[property.name] {
                        // Restated later (often to narrow it): the later schema wins, in the first place.
                        parts.properties[index] = property
                    } else {
                        positions[property.name] = parts.properties.count
                        parts.properties.append(property)
                    }
                }
                for name in other.required where required.insert(name).inserted {
                    parts.required.append(name)
                }
                parts.additionalProperties = other.additionalProperties ?? parts.additionalProperties
                parts.hasPatternProperties = parts.hasPatternProperties || other.hasPatternProperties
                parts.minProperties = other.minProperties ?? parts.minProperties
                parts.maxProperties = other.maxProperties ?? parts.maxProperties
                parts.propertyNames += other.propertyNames
            }

            /// `names` without the repeats, in order; `names` itself when none repeats.
            static func firstOccurrences(_ names: [String]) -> [String] {
                if names.count <= 8, !names.indices.contains(where: { names[..<$0].contains(names[$0]) }) {
                    return names
                }
                var seen = Set<String>()
                return names.filter { seen.insert($0).inserted }
            }
        }
    }

    /// The properties an object schema (with its `allOf` bases) has, or `nil` when it is not an
    /// object. `family` is the named type being lowered, for its own top-level `allOf` only: a
    /// member that refers to a `oneOf`/`anyOf` listing that type names its family and adds nothing
    /// (`Circle: allOf: [$ref: Shape, {…}]` where `Shape: oneOf: [Circle, Square]`; taking it as
    /// content made Circle an alias of Shape, whose decoding never ended). Deeper calls get no
    /// family, so what they compute (and `objectPartsByKey` keeps) does not depend on what is
    /// being lowered.
    func objectParts(_ schema: Schema, visited: inout Set<String>, family: IRTypeID? = nil) -> ObjectParts? {
        // `X or null` (3.0's `nullable: true` on a composition, 3.1's `anyOf: [X, {type: null}]`)
        // merges as X: whether the whole may be null is said where it is used.
        let alternatives = schema.anyOf.isEmpty ? schema.oneOf : schema.anyOf
        if alternatives.count == 2, schema.ref == nil, schema.allOf.isEmpty, schema.properties.isEmpty,
            let nullIndex = alternatives.firstIndex(where: Self.isNullOnly)
        {
            return objectParts(alternatives[1 - nullIndex], visited: &visited, family: family)
        }
        if let types = schema.types, !types.subtracting(.null).isSubset(of: .object) { return nil }
        // `items` makes an untyped schema a list; beside `type: object` it applies to nothing (its
        // properties were dropped for it: Moov FED's participants).
        guard schema.oneOf.isEmpty, schema.anyOf.isEmpty, schema.enumValues == nil,
            schema.items == nil || schema.types?.subtracting(.null) == .object
        else {
            return nil
        }
        var parts = ObjectParts.Merged()
        // `visited` holds the refs on the current path only, so a base reached twice (a diamond)
        // merges fine. A ref that leads back (an `allOf` that includes itself) or nowhere adds
        // nothing (both reported by the loader).
        if isFamily(schema, of: family) {
            // A base that lists this alternative (`Cat: allOf: [$ref: Pet, …]` where `Pet: {oneOf:
            // [Cat, Dog], properties: {petType, name}}`): the properties beside its alternatives,
            // which each of them has. They were left out, and with them the discriminator's value.
            if let key = schema.ref?.targetKey, let base = document.schema(forKey: key), visited.insert(key).inserted {
                var own = Self.withoutNullWrapper(base)
                own.oneOf = []
                own.anyOf = []
                own.discriminator = nil
                // As the base's own type: a base of it that lists it is its family in turn
                // (`HouseCat: allOf: [$ref: Cat]`, `Cat: allOf: [$ref: Pet], oneOf: [HouseCat, …]`).
                if let baseParts = objectParts(own, visited: &visited, family: schemaTypes[key]) {
                    parts.add(baseParts)
                }
                visited.remove(key)
            }
            return parts.parts
        } else if let ref = schema.ref, let key = ref.targetKey, let known = objectPartsByKey[key] {
            // Each base's parts are worked out once, however many schemas extend it.
            guard let known else { return nil }
            parts.add(known)
        } else if let ref = schema.ref, let key = ref.targetKey, let target = document.schema(forKey: key),
            visited.insert(key).inserted
        {
            let referenced = objectParts(target, visited: &visited)
            visited.remove(key)
            objectPartsByKey[key] = .some(referenced)
            guard let referenced else { return nil }
            parts.add(referenced)
        }
        for member in schema.allOf {
            guard let memberParts = objectParts(member, visited: &visited, family: family) else {
                if Self.hasNoStructure(member) { continue }
                // Beside `type: object`, a member of another type is left out, as lowering the schema
                // itself does (`membersBesideObjectType`, which says so): merged into an extension too.
                if typesOtherThanObject(member) != nil, leavesOutMembersOfOtherTypes(schema) { continue }
                return nil
            }
            parts.add(memberParts)
        }
        // A member merged here is not lowered itself, so what it says that is not generated is
        // said here (once a schema).
        warnAboutUngeneratedKeywords(schema)
        var own = ObjectParts()
        own.properties = schema.properties
        own.required = schema.required
        own.additionalProperties = schema.additionalProperties
        own.hasPatternProperties = !schema.patternProperties.isEmpty
        own.minProperties = schema.constraints.minProperties
        own.maxProperties = schema.constraints.maxProperties
        if let names = schema.propertyNames { own.propertyNames = [names.value] }
        parts.add(own)
        return parts.parts
    }

    /// The keys the examples of an object schema and of the `allOf` bases it extends give as null,
    /// each with where its first null stands, the object's own first. A base's example shows the
    /// properties the object takes from it (`Task: allOf: [$ref: TaskBase, …]`).
    func keysExamplesGiveAsNull(_ schema: Schema) -> [String: Origin] {
        // Most objects extend nothing.
        if schema.allOf.isEmpty, schema.ref == nil {
            return schema.examples.isEmpty ? [:] : schema.keysItsExamplesGiveAsNull
        }
        var keys: [String: Origin] = [:]
        var visited = Set<String>()
        func read(_ schema: Schema) {
            if !schema.examples.isEmpty {
                keys.merge(schema.keysItsExamplesGiveAsNull) { first, _ in first }
            }
            if let key = schema.ref?.targetKey, visited.insert(key).inserted, let target = document.schema(forKey: key)
            {
                read(target)
            }
            for member in schema.allOf { read(member) }
        }
        read(schema)
        return keys
    }

    /// What an object's examples (its own, and an enclosing object's) show for its inline
    /// properties that are objects, or lists of them (`examplesFromEnclosing`), or text where a
    /// number or a format examples decide is written (`stringsFromEnclosing`), or the numbers a
    /// number's format may be too narrow for (`numbersFromEnclosing`): kept for when those
    /// are lowered. Only for properties written inside the object (`owner`, its inline `allOf`
    /// members too): not through a `$ref`, nor to an `allOf` base's, which other places share, and
    /// which are cached by node.
    private func passExamplesDown(_ examples: ObjectExamples, to properties: [Schema.Property], inside owner: Schema) {
        guard !examples.isEmpty else { return }
        for property in properties where property.schema.ref == nil && property.isWritten(in: owner) {
            let types = property.schema.types?.subtracting(.null)
            let isNumber = types == .integer || types == .number
            if property.schema.format.map(Self.formatsExamplesDecide.contains) ?? false || isNumber {
                let shown = examples.strings(of: property.name)
                if !shown.isEmpty { stringsFromEnclosing[property.schema.origin, default: []] += shown }
                let numbers = isNumber ? examples.numbers(of: property.name) : []
                if !numbers.isEmpty { numbersFromEnclosing[property.schema.origin, default: []] += numbers }
                continue
            }
            // Objects only: nothing else asks (`lowerObject` takes them).
            let shown = examples.member(property.name)
            if let items = property.schema.items?.value, items.ref == nil, !shown.listItems.isEmpty {
                examplesFromEnclosing[items.origin, default: ObjectExamples()] += shown.listItems
            } else if !shown.objects.isEmpty {
                examplesFromEnclosing[property.schema.origin, default: ObjectExamples()] += shown.objects
            }
        }
    }

    /// Scopes made once and copied for each enumeration and union (lowering makes thousands).
    static let enumCaseNames = NameScope(reserved: ["undocumented", "allCases", "rawValue", "byRawValue", "init"])
    static let unionCaseNames = NameScope(reserved: ["undocumented", "byDiscriminator"])

    // MARK: Objects

    func lowerObject(_ schema: Schema, _ parts: ObjectParts, _ hint: NameHint) -> IRValueType {
        var parts = parts
        if parts.properties.contains(where: { allowsNoValue($0.schema) }) { leaveOutForbidden(&parts) }
        let id = namedType(hint, schema)
        // Member names first, so the nested types named while lowering the properties avoid them.
        var members = NameScope.members
        var requiredNames = parts.required
        var undefinedRequired = Self.undefined(requiredNames, among: parts.properties)
        if !undefinedRequired.isEmpty {
            let (renamed, keys) = requiredInAnotherCase(undefinedRequired, parts.properties, schema)
            for index in parts.properties.indices {
                if let key = keys[parts.properties[index].name] { parts.properties[index].name = key }
            }
            undefinedRequired = undefinedRequired.filter { !keys.values.contains($0) }
            if !renamed.isEmpty {
                requiredNames = requiredNames.map { renamed[$0] ?? $0 }
                undefinedRequired = undefinedRequired.filter { renamed[$0] == nil }
            }
        }
        // A search of the lists for a few names, sets for many: n properties, half of them
        // required, cost n² searched.
        let listsAsRequired: (String) -> Bool
        if requiredNames.count <= 8 {
            listsAsRequired = { [requiredNames] in requiredNames.contains($0) }
        } else {
            let required = Set(requiredNames)
            listsAsRequired = { required.contains($0) }
        }
        // The properties, then `additionalProperties` and `undeclaredKeys` below.
        members.reserveCapacity(parts.properties.count + undefinedRequired.count + 2)
        let propertyNames = parts.properties.map { members.claim(memberName($0.name)) }
        let undefinedNames = undefinedRequired.map { members.claim(memberName($0)) }
        membersBeingLowered[id] = MemberNames(propertyNames + undefinedNames)
        defer { membersBeingLowered[id] = nil }
        var properties: [IRProperty] = []
        // At its exact size: property lists are the bulk of a large spec's IR.
        properties.reserveCapacity(parts.properties.count + undefinedRequired.count)
        // Read from the examples, its own and an enclosing object's, once a required property asks
        // (most objects list no null; most have no enclosing object's examples, nor their own).
        let enclosing =
            examplesFromEnclosing.isEmpty
            ? ObjectExamples() : examplesFromEnclosing.removeValue(forKey: schema.origin) ?? ObjectExamples()
        var nullInExamples: [String: Origin]?
        func exampleNull(_ name: String) -> Origin? {
            if nullInExamples == nil {
                nullInExamples = keysExamplesGiveAsNull(schema)
                if !enclosing.isEmpty {
                    nullInExamples!.merge(enclosing.keysGivenAsNull) { own, _ in own }
                }
            }
            return nullInExamples?[name]
        }
        if !schema.examples.isEmpty || !enclosing.isEmpty {
            passExamplesDown(schema.objectExamples + enclosing, to: parts.properties, inside: schema)
        }
        for (property, swiftName) in zip(parts.properties, propertyNames) {
            // Cached by node: a property merged in from an allOf base reuses the base's inline types
            // (`Error400.DetailsItem`) instead of a copy in every schema that extends it.
            var (type, constraints) = lowerCached(property.schema, hint.nested(property.name, in: id))
            // A required read-only value is absent from requests, a required write-only one from
            // responses: optional in Swift, so neither side fails to decode.
            let access = self.access(property.schema)
            let isRequired = listsAsRequired(property.name) && !access.readOnly && !access.writeOnly
            if isRequired, let null = exampleNull(property.name), !admitsNull(type, of: property.schema) {
                // Meilisearch's task requires `canceledBy: {type: integer}` and shows it null, as
                // the server sends it: a member that cannot hold null failed every such decode.
                // (An optional one already reads null as absent in a client.)
                warning(
                    "this example gives '\(property.name)' as null, which its schema does not allow; Lathe reads "
                        + "the property as nullable, as the example shows it", at: null, kind: "example-null")
                type = .nullable(type)
            }
            var irProperty = IRProperty(
                name: IRName(original: property.name, swift: swiftName),
                type: type, isRequired: isRequired, defaultValue: nil, constraints: constraints,
                isReadOnly: access.readOnly, isWriteOnly: access.writeOnly,
                docs: docs(property.schema), source: source(property.nameOrigin)
            )
            if let reading = declaredDefault(property.schema, isOptional: !isRequired) {
                // Whether it fits a component not lowered yet (declared after this schema) is known
                // once every component is: decided then, so the answer does not depend on the order.
                // So is an object's, or a list's that may hold objects: it fits by the properties'
                // types, which may refer to one.
                if reading.value.isObject || reading.value.isArray || refersToPending(type) {
                    deferredDefaults.append((id, swiftName, type, reading))
                } else {
                    irProperty.defaultValue = defaultValue(reading, for: type)
                }
            }
            properties.append(irProperty)
        }
        if !schema.examples.isEmpty {
            noteDateTimesWithoutOffset(inExamplesOf: schema, properties)
        }
        // Nothing is dropped: a required key with no schema still becomes a property, optional in
        // Swift and checked by `validate()` (Mistral's spec requires a `text` its responses lack,
        // which a required member failed to decode in every response).
        for (name, swiftName) in zip(undefinedRequired, undefinedNames) {
            var property = IRProperty(
                name: IRName(original: name, swift: swiftName), type: .primitive(.jsonValue),
                isRequired: false, defaultValue: nil, constraints: IRConstraints(),
                docs: Self.undeclaredRequiredDocs, source: source(schema.origin))
            property.checksPresence = true
            properties.append(property)
        }
        var additional = IRAdditionalProperties.ignored
        if parts.hasPatternProperties {
            // Keys matching the patterns are allowed whatever `additionalProperties` says; their
            // values are kept as JSON, unchecked against the patterns' schemas.
            warning(
                "Lathe keeps the values of patternProperties as any JSON value and does not check them against "
                    + "their schemas",
                at: schema.origin.field("patternProperties") ?? schema.origin, kind: "keyword-not-generated")
            additional = .captured(.primitive(.jsonValue), IRConstraints())
        } else if let extra = parts.additionalProperties?.value {
            if extra.isFalse {
                additional = .forbidden
            } else if Self.hasNoStructure(extra) {
                additional = .captured(.primitive(.jsonValue), IRConstraints())
            } else {
                let (type, constraints) = lowerCached(extra, hint.nested("AdditionalProperty", in: id))
                additional = .captured(type, constraints)
            }
        }
        var constraints = IRConstraints()
        constraints.minProperties = parts.minProperties
        constraints.maxProperties = parts.maxProperties
        // Keys beyond the properties are checked where they are kept; the properties' own names are
        // fixed, and others are ignored or already refused.
        if case .captured = additional { constraints.keys = keyConstraints(parts.propertyNames) }
        types[id.index].kind = .object(
            IRObject(
                properties: properties, additionalProperties: additional, constraints: constraints,
                additionalPropertiesName: members.claim("additionalProperties"),
                undeclaredKeysName: additional == .forbidden ? members.claim("undeclaredKeys") : nil
            ))
        return .named(id)
    }

    /// Whether a value of `type`, lowered from `schema`, may be JSON null (through aliases). A type
    /// not lowered yet (declared later, or the one being lowered) is answered from the schemas,
    /// so the answer does not depend on the components' order: a reference that allows null is
    /// already nullable, so what is left is whether its end is any value.
    private func admitsNull(_ type: IRValueType, of schema: Schema) -> Bool {
        let resolved = unaliased(type)
        if case .named(let id) = resolved, case .pending = types[id.index].kind {
            return allowsNull(schema) || isAnyValue(schema)
        }
        return resolved.isNullable || resolved.nonNull == .primitive(.jsonValue)
    }

    /// Whether `schema`, through pure `$ref`s, allows no value: `false`, or `not: {}` and nothing
    /// else (`hasNoStructure` does not look at `not`).
    func allowsNoValue(_ schema: Schema) -> Bool {
        let end = referencedSchema(schema)
        if end.isFalse { return true }
        guard let not = end.not else { return false }
        return isAnyValue(not.value) && Self.hasNoStructure(end)
    }

    /// A property whose schema allows no value (openEO's `from_node: {not: {}}`, 3.1's `x: false`)
    /// is a key the object may not have: no member for it, where one held any JSON value (and an
    /// `anyOf` of such objects wrote the key back from that member). Closed objects report it as
    /// any key they do not allow; open ones leave it unchecked, which is said.
    private func leaveOutForbidden(_ parts: inout ObjectParts) {
        let isClosed = parts.additionalProperties?.value.isFalse == true
        for property in parts.properties where allowsNoValue(property.schema) {
            guard warnedSchemas.insert(property.schema.origin).inserted else { continue }
            warning(
                "property '\(property.name)' allows no value, so an object may not have it; Lathe generates no "
                    + "member for it"
                    + (isClosed ? ", and validate() reports it" : ", and does not check that it is absent"),
                at: property.schema.origin, kind: "property-forbidden")
        }
        parts.properties.removeAll { allowsNoValue($0.schema) }
    }

    /// Whether `schema`, through pure `$ref`s, constrains nothing (any JSON value).
    func isAnyValue(_ schema: Schema) -> Bool {
        let end = referencedSchema(schema)
        return !end.isFalse && Self.hasNoStructure(end)
    }

    static let undeclaredRequiredDocs = IRDocs(
        description: "The spec lists this key as required but declares no property for it: any JSON value, and "
            + "`validate()` reports it when absent.")

    /// The names `required` lists that no property has.
    static func undefined(_ required: [String], among properties: [Schema.Property]) -> [String] {
        if required.count <= 8 { return required.filter { name in !properties.contains { $0.name == name } } }
        let defined = Set(properties.map(\.name))
        return required.filter { !defined.contains($0) }
    }

    /// Required names that match one property but for case (Swashbuckle lists the C# name `Id` for
    /// the property it writes `id`), as the property's names. Read as written, the object would need
    /// a key every value lacks and fail to decode every one.
    ///
    /// Where the object's own examples write the key as `required` does, and never as the property
    /// does (crAPI's `createdAt`, required and shown as `CreatedAt`, as its Go server sends it), the
    /// property's key is the required one's instead (`keys`, by the property's written name).
    private func requiredInAnotherCase(
        _ undefined: [String], _ properties: [Schema.Property], _ schema: Schema
    ) -> (renamed: [String: String], keys: [String: String]) {
        var renamed: [String: String] = [:]
        var keys: [String: String] = [:]
        let items = schema.origin.field("required")?.items ?? []
        let examples = schema.objectExamples
        for name in undefined {
            guard let property = Schema.Property.inAnotherCase(name, among: properties) else { continue }
            let at = items.first { $0.text == name }?.origin ?? schema.origin
            if examples.show(name), !examples.show(property.name) {
                keys[property.name] = name
                warning(
                    "required names '\(name)', which is no property of this schema, and its example writes the "
                        + "property '\(property.name)' so; Lathe reads the property's key as '\(name)'",
                    at: at, kind: "required-case")
                continue
            }
            renamed[name] = property.name
            warning(
                "required names '\(name)', which is no property of this schema; Lathe reads it as its "
                    + "property '\(property.name)'", at: at, kind: "required-case")
        }
        return (renamed, keys)
    }

    /// A default written as text that spells a boolean or a number (`default: "false"` on a
    /// boolean, as Xero writes 23 of them): the value it spells.
    static func spelledDefault(_ value: SpecValue) -> SpecValue? {
        guard case .string(let text) = value else { return nil }
        switch text {
        case "true": return .bool(true)
        case "false": return .bool(false)
        case "null": return .null
        default:
            let isNumber =
                text.first.map { $0 == "-" || $0.isNumber } == true
                && text.allSatisfy { $0.isASCII && ($0.isNumber || "-+.eE".contains($0)) }
                && Double(text)?.isFinite == true
            return isNumber ? .number(JSONNumber(text)) : nil
        }
    }

    /// A property's (or a parameter's) `default` (or `const`) as the spec writes it, and where.
    struct DefaultReading {
        var value: SpecValue
        var declaredTypes: JSONTypes?
        var at: Origin
        /// What takes it, as warnings name it.
        var owner = "property"
        /// Whether what takes it may be left out.
        var isOptional = false
    }

    /// The `default` (else `const`) of a value, as its schema writes it, else as the schema its
    /// `$ref` reaches does (JSON Schema applies what a referenced schema says as the referring one's:
    /// `{$ref: SortOrder}` takes `SortOrder`'s default, as the same schema inline would), also
    /// through a documented alias (`{allOf: [$ref: SortOrder], description: …}`). `at`: the value,
    /// so a warning about it points there.
    func declaredDefault(_ schema: Schema, owner: String = "property", isOptional: Bool) -> DefaultReading? {
        var declaring = schema
        var steps = 0
        while declaring.defaultValue == nil, declaring.constValue == nil {
            // A bound, not a set of those seen: a cycle of references declares nothing.
            steps += 1
            guard steps <= 64 else { return nil }
            if declaring.isPureReference, let key = declaring.ref?.targetKey,
                let target = document.schema(forKey: key)
            {
                declaring = target
            } else if declaring.allOf.count == 1, declaring.allOf[0].isPureReference,
                Self.hasNoStructure(declaring, besidesAllOf: true)
            {
                declaring = declaring.allOf[0]
            } else {
                return nil
            }
        }
        guard let value = declaring.defaultValue ?? declaring.constValue else { return nil }
        let at = declaring.origin.field(declaring.defaultValue != nil ? "default" : "const") ?? declaring.origin
        return DefaultReading(
            value: value, declaredTypes: declaring.types, at: at, owner: owner, isOptional: isOptional)
    }

    /// The default a property (or parameter) of `type` takes from `reading`, if any, warning where
    /// Lathe reads it another way or does not apply it.
    func defaultValue(_ reading: DefaultReading, for type: IRValueType) -> SpecValue? {
        let (value, at, owner) = (reading.value, reading.at, reading.owner)
        // `default: null` on what may be left out says what leaving it out says (pydantic writes it
        // for `Optional[str] = None`, with or without `nullable`). Applied, it would send `null` for
        // every value left unset, which a PATCH reads as clearing it.
        if value == .null, reading.isOptional { return nil }
        if defaultFits(value, type) { return value }
        if let spelled = Self.spelledDefault(value), defaultFits(spelled, type) {
            // utoipa writes `default: "null"` for `Option<T>`: no default, as `default: null` is.
            let isNone = spelled == .null && reading.isOptional
            warning(
                "the default \(JSONText.compact(value)) is text where the \(owner) takes "
                    + "\(JSONText.compact(spelled))"
                    + (isNone ? ", which says what leaving it out says: no default" : ""),
                at: at, kind: "default-spelled-as-text")
            return isNone ? nil : spelled
        }
        if let types = reading.declaredTypes?.subtracting(.null), types == .string,
            let text = Self.reading(value, as: types), defaultFits(text, type)
        {
            warning(
                "the default \(JSONText.compact(value)) is not text where the \(owner) takes text; Lathe "
                    + "reads it as \(JSONText.compact(text))",
                at: at, kind: "default-not-text")
            return text
        }
        if case .object = value, case .named(let id) = unaliased(type.nonNull),
            case .object(let object) = types[id.index].kind,
            let mismatch = objectDefaultMismatch(value, object)
        {
            warning(
                "the default \(JSONText.compact(value)) does not fit this \(owner)'s type, '\(types[id.index].name.swift)' "
                    + "(\(mismatch)), so Lathe does not apply it",
                at: at, kind: "default-does-not-fit")
            return nil
        }
        if case .object = value, case .named(let id) = unaliased(type.nonNull),
            case .union(let union) = types[id.index].kind, union.discriminator != nil
        {
            // It may well fit: which case it is would be the discriminator's to say.
            warning(
                "the default \(JSONText.compact(value)) is an object for alternatives a discriminator tells apart, "
                    + "which Lathe does not apply as a default",
                at: at, kind: "default-object-not-applied")
            return nil
        }
        if case .string(let text) = value, text.utf8.count >= 10,
            text.utf8.prefix(4).allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
            unaliased(type.nonNull) == .primitive(.dateTime)
        {
            // It may fit, but a fixed moment is seldom what a spec means: pydantic writes the
            // moment the schema was made for `default_factory=datetime.now` (CDISC's API).
            warning(
                "the default \(JSONText.compact(value)) is a date-time, which Lathe does not apply as a "
                    + "default (a generated spec's is often the moment it was generated)",
                at: at, kind: "default-date-time-not-applied")
            return nil
        }
        warning(
            "the default \(JSONText.compact(value)) does not fit this \(owner)'s type, "
                + "so Lathe does not apply it",
            at: at, kind: "default-does-not-fit")
        return nil
    }

    /// Whether `type` reaches, through lists, maps, aliases and alternatives, a named type not
    /// lowered yet (`.pending`): one whose kind a default's fit depends on. `visited`: the named
    /// types already asked about, each once (alternatives that share alternatives would otherwise
    /// be walked once per path to them).
    func refersToPending(_ type: IRValueType) -> Bool {
        var visited = Set<IRTypeID>()
        return refersToPending(type, visited: &visited)
    }

    private func refersToPending(_ type: IRValueType, visited: inout Set<IRTypeID>) -> Bool {
        switch type {
        case .nullable(let inner), .array(let inner), .dictionary(let inner):
            return refersToPending(inner, visited: &visited)
        case .primitive: return false
        case .named(let id):
            guard visited.insert(id).inserted else { return false }
            switch types[id.index].kind {
            case .pending: return true
            case .alias(let aliased, _): return refersToPending(aliased, visited: &visited)
            case .union(let union), .anyOf(let union):
                return union.cases.contains { refersToPending($0.type, visited: &visited) }
            case .tuple(let tuple):
                return tuple.positions.contains { refersToPending($0.type, visited: &visited) }
                    || tuple.rest.map { refersToPending($0, visited: &visited) } ?? false
            case .object, .enumeration: return false
            }
        }
    }

    /// The defaults `lowerObject` left until every component was lowered: each set on its property
    /// now, or warned about, as it would have been had the document declared the component first.
    func settleDeferredDefaults() {
        var builders: [(type: IRTypeID, property: String, builds: Set<IRTypeID>, reading: DefaultReading)] = []
        for (id, name, type, reading) in deferredDefaults {
            let value = defaultValue(reading, for: type)
            guard let value, case .object(var object) = types[id.index].kind,
                let index = object.properties.firstIndex(where: { $0.name.swift == name })
            else { continue }
            object.properties[index].defaultValue = value
            types[id.index].kind = .object(object)
            var builds = Set<IRTypeID>()
            objectsBuilt(by: value, as: type, into: &builds)
            if !builds.isEmpty { builders.append((id, name, builds, reading)) }
        }
        deferredDefaults = []
        unapplyDefaultsBuildingThemselves(builders)
    }

    /// An object default is a call of the object's initializer, whose parameters left out take their
    /// own defaults: where those build the first object again (`parent: {$ref: Node, default: {}}`
    /// in `Node`), the call would never end. Such defaults are not applied, each with a warning.
    private func unapplyDefaultsBuildingThemselves(
        _ builders: [(type: IRTypeID, property: String, builds: Set<IRTypeID>, reading: DefaultReading)]
    ) {
        guard !builders.isEmpty else { return }
        var edges: [IRTypeID: Set<IRTypeID>] = [:]
        for builder in builders { edges[builder.type, default: []].formUnion(builder.builds) }
        func reaches(_ start: Set<IRTypeID>, _ goal: IRTypeID) -> Bool {
            var seen = Set<IRTypeID>()
            var stack = Array(start)
            while let next = stack.popLast() {
                if next == goal { return true }
                if seen.insert(next).inserted { stack += edges[next] ?? [] }
            }
            return false
        }
        for builder in builders where reaches(builder.builds, builder.type) {
            guard case .object(var object) = types[builder.type.index].kind,
                let index = object.properties.firstIndex(where: { $0.name.swift == builder.property })
            else { continue }
            object.properties[index].defaultValue = nil
            types[builder.type.index].kind = .object(object)
            warning(
                "the default \(JSONText.compact(builder.reading.value)) builds a value whose own defaults build "
                    + "'\(types[builder.type.index].name.swift)' again, without end, so Lathe does not apply it",
                at: builder.reading.at, kind: "default-builds-itself")
        }
    }

    /// The objects whose initializers the literal of `value` read as `type` calls (every alternative's
    /// that may take it, which is more than the literal calls, never less).
    func objectsBuilt(by value: SpecValue, as type: IRValueType, into built: inout Set<IRTypeID>) {
        var reached = Set<IRTypeID>()
        objectsBuilt(by: value, as: type, into: &built, reached: &reached)
    }

    /// `reached`: the named types `value` itself was read as already. Aliases and alternatives read
    /// the same value again, and may refer to each other before cycles are broken: each is read
    /// once a value, however many paths lead to it (a union of unions of each other was exponential).
    private func objectsBuilt(
        by value: SpecValue, as type: IRValueType, into built: inout Set<IRTypeID>, reached: inout Set<IRTypeID>
    ) {
        switch (value, type) {
        case (_, .nullable(let inner)):
            objectsBuilt(by: value, as: inner, into: &built, reached: &reached)
        case (.array(let items), .array(let element)):
            for item in items { objectsBuilt(by: item, as: element, into: &built) }
        case (.object(let members), .dictionary(let element)):
            for member in members { objectsBuilt(by: member.value, as: element, into: &built) }
        case (_, .named(let id)):
            guard reached.insert(id).inserted else { return }
            switch types[id.index].kind {
            case .alias(let aliased, _):
                objectsBuilt(by: value, as: aliased, into: &built, reached: &reached)
            case .object(let object):
                guard case .object(let members) = value else { return }
                built.insert(id)
                for member in members {
                    guard let property = object.properties.first(where: { $0.name.original == member.key }) else {
                        continue
                    }
                    objectsBuilt(by: member.value, as: property.type, into: &built)
                }
            case .union(let union), .anyOf(let union):
                for item in union.cases { objectsBuilt(by: value, as: item.type, into: &built, reached: &reached) }
            case .tuple(let tuple):
                guard case .array(let items) = value else { return }
                for (index, item) in items.enumerated() {
                    guard let type = index < tuple.positions.count ? tuple.positions[index].type : tuple.rest else {
                        continue
                    }
                    objectsBuilt(by: item, as: type, into: &built)
                }
            case .enumeration, .pending: return
            }
        default: return
        }
    }

    /// Whether a JSON object could be a value of `type`: an object, a dictionary, any JSON value, or
    /// alternatives with one that could; not a primitive, a list or an enumeration. `visited`: the
    /// named types already asked about, each once, so alternatives that refer to each other end it.
    /// `asMap`: whether a map or any JSON value counts (it holds any object).
    func holdsObjects(_ type: IRValueType, asMap: Bool = true) -> Bool {
        var visited = Set<IRTypeID>()
        return holdsObjects(type, asMap: asMap, visited: &visited)
    }

    func holdsObjects(_ type: IRValueType, asMap: Bool, visited: inout Set<IRTypeID>) -> Bool {
        switch type.nonNull {
        case .named(let id):
            guard visited.insert(id).inserted else { return false }
            switch types[id.index].kind {
            case .object, .pending: return true
            case .enumeration, .tuple: return false
            case .alias(let aliased, _): return holdsObjects(aliased, asMap: asMap, visited: &visited)
            case .union(let union), .anyOf(let union):
                return union.cases.contains { holdsObjects($0.type, asMap: asMap, visited: &visited) }
            }
        case .dictionary, .primitive(.jsonValue): return asMap
        case .primitive, .array, .nullable: return false
        }
    }

    /// Whether a default can be written as a Swift value of `type`. `visiting`: the named types the
    /// question passed through, so alternatives and aliases that refer to each other end it.
    func defaultFits(_ value: SpecValue, _ type: IRValueType, visiting: Set<IRTypeID> = []) -> Bool {
        switch (value, type) {
        case (_, .primitive(.jsonValue)): return true
        case (.null, .nullable): return true
        case (_, .nullable(let inner)): return defaultFits(value, inner, visiting: visiting)
        case (.string(let text), .primitive(let primitive)):
            switch primitive {
            case .string, .decimalString, .numberOrString: return true
            // `format: uri` (`about:blank`, problem details' default type): a `URL` in requests.
            case .calendarDate, .url, .uuid: return primitive.takesLiteral(text)
            default: return false
            }
        case (.number(let number), .primitive(let primitive)):
            switch primitive {
            case .int, .int64: return number.integralValue != nil
            case .int32: return number.integralValue.flatMap { Int32(exactly: $0) } != nil
            case .uint64: return UInt64(number.integralText) != nil
            case .float, .double, .decimal, .numberOrString: return true
            default: return false
            }
        case (.bool, .primitive(.bool)): return true
        case (.array(let items), .array(let element)):
            return items.allSatisfy { defaultFits($0, element, visiting: visiting) }
        case (.object(let members), .dictionary(let element)):
            // A key written twice would trap in a Swift dictionary literal.
            return Set(members.map(\.key)).count == members.count
                && members.allSatisfy { defaultFits($0.value, element, visiting: visiting) }
        case (_, .named(let id)):
            guard !visiting.contains(id) else { return false }
            let visiting = visiting.union([id])
            if case .object(let object) = types[id.index].kind {
                return objectDefaultMismatch(value, object) == nil
            }
            guard case .enumeration(let enumeration) = types[id.index].kind else {
                if case .alias(let aliased, _) = types[id.index].kind {
                    return defaultFits(value, aliased, visiting: visiting)
                }
                // An anyOf, or a oneOf without a discriminator, takes a default that one of its
                // members takes ("auto" for [enum, string]: Llama Stack's tool choice).
                switch types[id.index].kind {
                case .anyOf(let union):
                    return union.cases.contains { defaultFits(value, $0.type, visiting: visiting) }
                case .union(let union) where union.discriminator == nil:
                    // As decoding picks it: the first case that takes it, unless that case has checks
                    // of its own (`maxLength`, `minimum`), which decoding may pass over.
                    let first = union.cases.first { defaultFits(value, $0.type, visiting: visiting) }
                    return first.map { $0.constraints == IRConstraints() } ?? false
                case .tuple(let tuple):
                    // A value a position, as many as it requires, then the rest's.
                    guard case .array(let items) = value, items.count >= tuple.requiredCount,
                        items.count <= tuple.positions.count || tuple.rest != nil
                    else { return false }
                    return items.enumerated().allSatisfy { index, item in
                        let type = index < tuple.positions.count ? tuple.positions[index].type : tuple.rest!
                        return defaultFits(item, type, visiting: visiting)
                    }
                default: break
                }
                return false
            }
            switch value {
            case .string(let text):
                return enumeration.rawType == .string && enumeration.cases.contains { $0.rawValue == text }
            case .number(let number):
                return enumeration.rawType == .integer
                    && enumeration.cases.contains { $0.rawValue == number.integralText }
            default: return false
            }
        default: return false
        }
    }

    /// Why an object default is no value of `object`, or `nil` when it is: one the generated
    /// initializer takes, each key given to the property of that name (a null to one that may be
    /// left out, or to a nullable one), every required property given, and no alternatives composed
    /// in (their members take no default). Independent of the properties' own defaults, which may
    /// not be settled yet.
    func objectDefaultMismatch(_ value: SpecValue, _ object: IRObject) -> String? {
        guard case .object(let members) = value else { return "it is not an object" }
        guard object.composed.isEmpty else { return "it composes alternatives, which take no default" }
        var given = Set<String>()
        for member in members {
            guard given.insert(member.key).inserted else { return "'\(member.key)' is written twice" }
            guard let property = object.properties.first(where: { $0.name.original == member.key }) else {
                return "'\(member.key)' is no property of it"
            }
            if member.value == .null {
                guard
                    property.type.isNullable || unaliased(property.type) == .primitive(.jsonValue)
                        || !property.isRequired
                else {
                    return "'\(member.key)' is null, which it does not allow"
                }
            } else if !defaultFits(member.value, property.type) {
                // Read afresh (not `visiting`): the value is smaller at each step, so a tree of the
                // same object ends (`{name: a, child: {name: b}}`).
                return "'\(member.key)' does not take \(JSONText.compact(member.value))"
            }
        }
        if let left = object.properties.first(where: { $0.isRequired && !given.contains($0.name.original) }) {
            return "it leaves out the required '\(left.name.original)'"
        }
        return nil
    }

    // MARK: Unions

    /// `membersAreReadings`: the members are readings of `schema`'s own node (a type list), not children.
    private func lowerUnion(
        _ schema: Schema, _ members: [Schema], _ hint: NameHint, isAnyOf: Bool, membersAreReadings: Bool = false
    ) -> IRValueType {
        let id = namedType(hint, schema)
        // `byDiscriminator`: a large discriminated union's table of its values.
        var scope = Self.unionCaseNames
        var cases: [IRUnion.Case] = []
        // With a discriminator, the values each alternative fixes its property to (`type: {enum:
        // [json]}`): they select it, and an inline alternative without a title is named after its one
        // when it is a string (as before numbers and booleans selected: the names stay).
        let fixed = schema.discriminator.map { fixedDiscriminatorValues(members, property: $0.propertyName) }
        let told = schema.discriminator == nil && !membersAreReadings ? propertyTellingApart(members) : nil
        let naming =
            schema.discriminator.map { fixedDiscriminatorValues(members, property: $0.propertyName, stringsOnly: true) }
            ?? (membersAreReadings ? nil : namingValues(members))
            ?? told.map { told in FixedDiscriminatorValues(told.values.map { [$0] }) }
        for (index, member) in members.enumerated() {
            let type: IRValueType
            var constraints = IRConstraints()
            let preferred: String
            let original: String
            if let ref = member.ref, member.isPureReference {
                type = referencedType(ref)
                preferred = caseName(for: type)
                original = ref.targetName ?? preferred
            } else {
                let value = naming?.soleValue(of: index)
                let base = member.title ?? value ?? "Case\(index + 1)"
                (type, constraints) =
                    membersAreReadings
                    ? lower(member, hint.nested(base, in: id)) : lowerCached(member, hint.nested(base, in: id))
                preferred = (member.title ?? value).map(SwiftNames.memberName) ?? caseName(for: type)
                original = member.title ?? base
            }
            cases.append(
                IRUnion.Case(
                    name: IRName(original: original, swift: scope.claim(preferred)), type: type,
                    constraints: constraints,
                    discriminatorValues: [], source: source(member.origin)
                ))
        }
        // `A: oneOf: [$ref: A]`: every alternative is the union itself, which no value can be.
        if !cases.isEmpty, cases.allSatisfy({ $0.type == .named(id) || $0.type == .nullable(.named(id)) }) {
            warning(
                "every alternative of this \(isAnyOf ? "anyOf" : "oneOf") is the schema itself; "
                    + "Lathe generates it as any JSON value",
                at: schema.origin, kind: "recursive-alias")
            types[id.index].kind = .alias(.primitive(.jsonValue), IRConstraints())
            return .named(id)
        }
        var union = IRUnion(cases: cases, discriminator: nil)
        // With a discriminator, anyOf is read as oneOf: the property says which one the value is.
        var isAnyOf = isAnyOf
        if let discriminator = schema.discriminator, let fixed {
            isAnyOf = false
            union.discriminator = discriminator.propertyName
            assignDiscriminatorValues(discriminator, members: members, fixed: fixed, owner: id, to: &union)
        } else if let told {
            // Exactly what `oneOf` (and `anyOf`, whose alternatives cannot both hold) asks, read once.
            isAnyOf = false
            union.discriminator = told.property
            for index in union.cases.indices { union.cases[index].discriminatorValues = [told.values[index]] }
        }
        types[id.index].kind = isAnyOf ? .anyOf(union) : .union(union)
        return .named(id)
    }

    /// Polymorphism through `allOf` (OpenAPI's `Pet` with a discriminator, `Cat: allOf: [$ref: Pet, …]`):
    /// a component schema with a discriminator and no `oneOf` stands for the schemas its mapping
    /// names and the other components that extend it; each as a pure reference, so it
    /// is lowered as a discriminated `oneOf` of them. The extensions still merge its properties
    /// (`objectParts` reads schemas, not types). `nil` for a schema that is not a component.
    private func polymorphicSubtypes(of schema: Schema, _ discriminator: Discriminator, _ hint: NameHint) -> [Schema]? {
        // Compared by type, not key: `Pet: {$ref: pet.yaml}` gives two keys one type. Through pure
        // `$ref`s: a component that only points at the base (`Alias: {$ref: Event}`) is the base,
        // and as a case of it, decoded itself again without end.
        guard let id = hint.into else { return nil }
        let isBase = { (key: String?) -> Bool in
            var current = key
            var seen = Set<String>()
            while let key = current, seen.insert(key).inserted {
                if self.schemaTypes[key] == id { return true }
                guard let schema = self.document.schema(forKey: key), schema.isPureReference else { return false }
                current = schema.ref?.targetKey
            }
            return false
        }
        // The mapped schemas, then every other component that extends this one (selected by its name).
        // The default (3.2's `defaultMapping`) is one of them: the schema a value is when the
        // property names none.
        var keys: [String] = (discriminator.mapping.map(\.reference) + [discriminator.defaultMapping].compactMap { $0 })
            .compactMap(\.targetKey).filter { !isBase($0) }
        keys += (extendingComponents[id] ?? []).filter { !isBase($0) }
        var seen = Set<String>()
        return keys.filter { seen.insert($0).inserted }.compactMap { targetKey in
            guard let target = document.schema(forKey: targetKey) else { return nil }
            var member = Schema(origin: target.origin)
            let name = document.components.schemaNames[targetKey] ?? targetKey
            member.ref = Reference(
                raw: "#/components/schemas/" + JSONPointer.escape(name), targetKey: targetKey, origin: target.origin)
            member.isPureReference = true
            return member
        }
    }

    /// Mapped values first. An alternative without one is selected by the values its own schema
    /// fixes the property to (under `oneOf`, a value with any other is not that alternative), else,
    /// for a `$ref`, by its component's name (OpenAPI's implicit mapping). An inline alternative
    /// with neither, or whose values another alternative fixes too, is tried in order when the
    /// property names no other alternative, as a `oneOf` without a discriminator is. `fixed` holds
    /// one entry a member (`fixedDiscriminatorValues`).
    private func assignDiscriminatorValues(
        _ discriminator: Discriminator, members: [Schema], fixed: FixedDiscriminatorValues, owner: IRTypeID,
        to union: inout IRUnion
    ) {
        // Indexed once: a union of thousands of alternatives must not search them for every value.
        var memberByKey: [String: Int] = [:]
        for (index, member) in members.enumerated() {
            if let key = member.ref?.targetKey, memberByKey[key] == nil { memberByKey[key] = index }
        }
        for (value, reference) in discriminator.mapping {
            guard let key = reference.targetKey, let index = memberByKey[key] else {
                warning(
                    "discriminator value '\(value)' maps to a schema that is not one of the alternatives; "
                        + "it is ignored",
                    at: reference.origin, kind: "discriminator-ignored")
                continue
            }
            union.cases[index].discriminatorValues.append(value)
        }
        if let reference = discriminator.defaultMapping {
            if let key = reference.targetKey, let index = memberByKey[key] {
                union.defaultCase = index
            } else if let key = reference.targetKey {
                // A base naming itself: its values that are none of its extensions are not it either.
                let which =
                    schemaTypes[key] == owner
                    ? "this schema itself, which is not one of its alternatives (the schemas extending it)"
                    : "a schema that is not one of the alternatives"
                warning(
                    "defaultMapping names \(which); it is ignored, and a value whose "
                        + "'\(discriminator.propertyName)' is absent or names no alternative is kept as undocumented",
                    at: reference.origin, kind: "discriminator-ignored")
            }
        }
        let mapped = Set(union.cases.flatMap(\.discriminatorValues))
        let isUnmapped = members.indices.map { union.cases[$0].discriminatorValues.isEmpty }
        let unmapped = members.indices.filter { isUnmapped[$0] }
        // Each value selects the alternative that fixes the fewest values among those that fix it
        // (a subtype that narrows its base's enum, beside others that keep it whole); a value that
        // no one alternative fixes most narrowly selects none of them.
        var selector: [String: Int] = [:]
        for (value, all) in fixed.holders where !mapped.contains(value) {
            let holders = all.filter { isUnmapped[$0] }
            guard let fewest = holders.map({ fixed.values(of: $0).count }).min() else { continue }
            let narrowest = holders.filter { fixed.values(of: $0).count == fewest }
            if narrowest.count == 1 { selector[value] = narrowest[0] }
        }
        let property = discriminator.propertyName
        // A component's name selects it only where nothing more explicit selects another: the
        // mapping, or a value another alternative's own schema fixes. Of two alternatives with one
        // name, the first.
        var named = Set<String>()
        for index in unmapped {
            let member = members[index]
            let own = fixed.values(of: index)
            let selecting = own.filter { selector[$0] == index }
            let implicit = member.ref.flatMap { ref in ref.targetKey.map { ref.targetName ?? $0 } }
            if !selecting.isEmpty {
                union.cases[index].discriminatorValues = selecting
            } else if let implicit {
                let taken =
                    mapped.contains(implicit)
                    ? "the mapping selects another alternative by"
                    : selector[implicit] != nil
                        ? "another alternative fixes '\(property)' to"
                        : named.insert(implicit).inserted ? nil : "an earlier alternative is selected by"
                guard let taken else {
                    union.cases[index].discriminatorValues.append(implicit)
                    continue
                }
                warning(
                    "\(taken) this one's name '\(implicit)', so the discriminator cannot select it; Lathe tries "
                        + "it in order when '\(property)' names no other alternative",
                    at: member.origin, kind: "discriminator-ignored")
            } else if own.isEmpty {
                warning(
                    "this alternative has no $ref and fixes no value of '\(property)', so the discriminator "
                        + "cannot select it; Lathe tries it in order when '\(property)' names no other alternative",
                    at: member.origin, kind: "discriminator-ignored")
            } else {
                warning(
                    "the value\(own.count == 1 ? "" : "s") \(own.map { "'\($0)'" }.joined(separator: ", ")) of "
                        + "'\(property)' that this alternative fixes select\(own.count == 1 ? "s" : "") another "
                        + "alternative too; Lathe tries it in order when '\(property)' names no other alternative",
                    at: member.origin, kind: "discriminator-ignored")
            }
        }
    }

    /// A discriminator whose property neither the schema, its alternatives nor the schemas its
    /// mapping names declare: where the values carry only a declared property, it selected nothing,
    /// and every value decoded as `undocumented` (PxWeb's `objectType`, where its folder items say
    /// `type`). The one property of the schema whose listed values hold every mapping value is the
    /// one meant, with a warning; else `declared`, as written (the common case, answered by the
    /// schema's own properties first).
    private func undeclaredDiscriminator(_ discriminator: Discriminator, of schema: Schema) -> DiscriminatorReading {
        let name = discriminator.propertyName
        // Read from the schemas (their properties, through `allOf` and `$ref`), not merged as
        // objects: an alternative that extends its union (`Circle: allOf: [$ref: Shape]`) is none.
        func properties(_ schema: Schema) -> [Schema.Property] {
            var found: [Schema.Property] = []
            var visited = Set<String>()
            var pending = [schema]
            while let next = pending.popLast() {
                found += next.properties
                pending += next.allOf
                if let key = next.ref?.targetKey, visited.insert(key).inserted,
                    let target = document.schema(forKey: key)
                {
                    pending.append(target)
                }
            }
            return found
        }
        if schema.properties.contains(where: { $0.name == name }) { return .declared }
        let own = properties(schema)
        if own.contains(where: { $0.name == name }) { return .declared }
        let mapped = discriminator.mapping.compactMap { $0.reference.targetKey.flatMap(document.schema(forKey:)) }
        if (schema.oneOf + schema.anyOf + mapped).contains(where: { properties($0).contains { $0.name == name } }) {
            return .declared
        }
        let values = discriminator.mapping.map(\.value)
        var seen = Set<String>()
        let candidates = own.filter { seen.insert($0.name).inserted }.filter { property in
            var visited = Set<String>()
            guard !values.isEmpty, let listed = textValues(of: property.schema, stringsOnly: false, visited: &visited)
            else { return false }
            return values.allSatisfy(listed.contains)
        }
        // With none, as written: a serializer may add the property no schema declares (Jackson's
        // `@type`), and values that carry it are selected by it.
        guard candidates.count == 1, let candidate = candidates.first else { return .declared }
        warning(
            "the discriminator's property '\(name)' is declared by neither this schema, its alternatives nor the "
                + "schemas its mapping names; '\(candidate.name)' holds the mapping's values, and Lathe reads the "
                + "discriminator as it",
            at: discriminator.origin, kind: "discriminator-property-undeclared")
        return .property(candidate.name)
    }

    enum DiscriminatorReading: Equatable {
        /// As written.
        case declared
        /// The property meant, which holds the mapping's values.
        case property(String)
    }

    /// Without a discriminator, a property that tells the alternatives apart as one would: every
    /// alternative is an object that requires it and fixes it to a string no other fixes (BeeAI's
    /// eleven events, each `type: {const: run.created}`; Box's, Discord's). A value is then the
    /// alternative its property names, which is what `oneOf` asks. Tried in order, each
    /// alternative was decoded until one held, and a value naming none (an event added later) was
    /// kept as the first that decoded: a `run.paused` event read as `run.created`. Now it is
    /// `undocumented`, kept as it came. The first such property of the first alternative, in order.
    ///
    /// Not where null is a value: an alternative that admits null (null has no property; Box's
    /// `File--Base`, `nullable: true`), or a property that does (`enum: [a, null]` holds `{"type":
    /// null}`, which names no alternative). Nor a `readOnly` or `writeOnly` property, which Lathe
    /// lets one direction leave out.
    private func propertyTellingApart(_ members: [Schema]) -> (property: String, values: [String])? {
        guard members.count > 1 else { return nil }
        // Most unions have no such property: the first alternative's required properties fixed to
        // one string are the only candidates, and without one the others are not read at all.
        var visited = Set<String>()
        guard !allowsNull(members[0]), let first = objectParts(members[0], visited: &visited) else { return nil }
        let candidates = first.properties.filter { property in
            var visited = Set<String>()
            return first.required.contains(property.name)
                && fixedValues(of: members[0], property: property.name, stringsOnly: true, visited: &visited)?.count
                    == 1
        }
        guard !candidates.isEmpty else { return nil }
        var parts = [first]
        for member in members.dropFirst() {
            var visited = Set<String>()
            guard !allowsNull(member), let memberParts = objectParts(member, visited: &visited) else { return nil }
            parts.append(memberParts)
        }
        let tells = { (name: String) in
            parts.allSatisfy { parts in
                parts.required.contains(name)
                    && parts.properties.allSatisfy { property in
                        guard property.name == name else { return true }
                        let access = self.access(property.schema)
                        return !access.readOnly && !access.writeOnly && !self.allowsNull(property.schema)
                    }
            }
        }
        for property in candidates where tells(property.name) {
            let fixed = fixedDiscriminatorValues(members, property: property.name, stringsOnly: true)
            let values = members.indices.compactMap(fixed.soleValue(of:))
            if values.count == members.count { return (property.name, values) }
        }
        return nil
    }

    /// Without a discriminator, the values that name inline alternatives without a title: those of
    /// the first property of the first such alternative that every one of them fixes to a string of
    /// its own (Somfy's events, each `name: {enum: [ItsName]}`: `.executionStateChangedEvent`, not
    /// `.case1`); `nil` when no property does.
    private func namingValues(_ members: [Schema]) -> FixedDiscriminatorValues? {
        let untitled = members.indices.filter { members[$0].title == nil && !members[$0].isPureReference }
        guard untitled.count > 1, let first = untitled.first else { return nil }
        for property in members[first].properties {
            let fixed = fixedDiscriminatorValues(members, property: property.name, stringsOnly: true)
            if untitled.allSatisfy({ fixed.soleValue(of: $0) != nil }) { return fixed }
        }
        return nil
    }

    /// For each alternative, the text values it fixes `property` to with `enum` or `const`,
    /// looking through `$ref`s and `allOf` (whose parts all apply, so their values intersect).
    /// `stringsOnly`: integer and boolean values are left out (for naming alternatives).
    private func fixedDiscriminatorValues(
        _ members: [Schema], property: String, stringsOnly: Bool = false
    ) -> FixedDiscriminatorValues {
        FixedDiscriminatorValues(
            members.map { member in
                var visited = Set<String>()
                return fixedValues(of: member, property: property, stringsOnly: stringsOnly, visited: &visited)
            })
    }

    private func fixedValues(
        of schema: Schema, property: String, stringsOnly: Bool, visited: inout Set<String>
    ) -> [String]? {
        var found: [[String]] = []
        if let declared = schema.properties.first(where: { $0.name == property }),
            let values = textValues(of: declared.schema, stringsOnly: stringsOnly, visited: &visited)
        {
            found.append(values)
        }
        for part in schema.allOf {
            if let values = fixedValues(of: part, property: property, stringsOnly: stringsOnly, visited: &visited) {
                found.append(values)
            }
        }
        if let key = schema.ref?.targetKey, visited.insert(key).inserted, let target = document.schema(forKey: key),
            let values = fixedValues(of: target, property: property, stringsOnly: stringsOnly, visited: &visited)
        {
            found.append(values)
        }
        guard let first = found.first else { return nil }
        let common = found.dropFirst().reduce(first) { common, values in common.filter(values.contains) }
        return common.isEmpty ? nil : common
    }

    /// A value as the text a discriminator reads it as (`EnumCoding.discriminator`): a string as it
    /// is, an integer or a boolean as JSON writes it; `nil` for any other value.
    private static func discriminatorText(_ value: SpecValue, stringsOnly: Bool) -> String? {
        switch value {
        case .string(let text): text
        case .number(let number) where number.isInteger && !stringsOnly: number.text
        case .bool(let flag) where !stringsOnly: flag ? "true" : "false"
        default: nil
        }
    }

    /// A schema's `const` or `enum` when its values are text, integers or booleans (a `null` beside
    /// them aside).
    private func textValues(of schema: Schema, stringsOnly: Bool, visited: inout Set<String>) -> [String]? {
        if let constant = schema.constValue {
            return Self.discriminatorText(constant, stringsOnly: stringsOnly).map { [$0] }
        }
        if let values = schema.enumValues {
            var texts: [String] = []
            for value in values {
                if case .null = value { continue }
                guard let text = Self.discriminatorText(value, stringsOnly: stringsOnly) else { return nil }
                texts.append(text)
            }
            return texts.isEmpty ? nil : texts
        }
        if let key = schema.ref?.targetKey, visited.insert(key).inserted, let target = document.schema(forKey: key) {
            return textValues(of: target, stringsOnly: stringsOnly, visited: &visited)
        }
        return nil
    }

    private func caseName(for type: IRValueType) -> String {
        switch type {
        case .named(let id): SwiftNames.memberName(types[id.index].name.swift)
        case .primitive(let primitive): primitive.rawValue
        case .array(let element): caseName(for: element) + "s"
        case .dictionary: "object"
        case .nullable(let inner): caseName(for: inner)
        }
    }

    // MARK: Typed schemas

    private func lowerTyped(_ schema: Schema, _ hint: NameHint) -> (IRValueType, IRConstraints) {
        var constraints = positionConstraints(schema)
        let types = schema.types ?? Self.impliedTypes(schema)
        if types.isEmpty { return (.primitive(.jsonValue), constraints) }
        if types.rawValue.nonzeroBitCount > 1 {
            if types.isSubset(of: [.number, .integer, .string]), types.contains(.string) {
                return (.primitive(.numberOrString), constraints)
            }
            // Several types: one case for each.
            let members = JSONTypes.names.filter { types.contains($0.1) }.map { _, type -> Schema in
                var member = schema
                member.types = type
                member.title = nil
                return member
            }
            return (lowerUnion(schema, members, hint, isAnyOf: false, membersAreReadings: true), IRConstraints())
        }
        switch types {
        case .string:
            let shown = stringsShownByEnclosing(schema)
            let primitive = takingExamples(stringPrimitive(schema), format: schema.format) { refused in
                schema.firstStringExample(refusedBy: refused) ?? shown.first(refusedBy: refused)
            }
            if primitive == .dateTime, !schema.examples.isEmpty {
                noteDateTimesWithoutOffset(schema.dateTimesWithoutOffsetInExamples)
            }
            return (.primitive(primitive), constraints)
        case .integer where numberContradictedByExample(schema), .number where numberContradictedByExample(schema):
            return (.primitive(.numberOrString), constraints)
        case .integer:
            let primitive = primitiveHoldingShown(schema, integer: true)
            if primitive == .decimal, integerPrimitive(schema.format) == .decimal,
                bigIntegers.seen.insert(schema.origin).inserted
            {
                bigIntegers.first = bigIntegers.first ?? schema.origin.field("format") ?? schema.origin
            }
            // An integer held in a `Decimal` (past 64 bits): whole numbers only.
            var constraints = constraints
            if primitive == .decimal, constraints.multipleOf == nil { constraints.multipleOf = "1" }
            return (.primitive(primitive), constraints)
        case .number: return (.primitive(primitiveHoldingShown(schema, integer: false)), constraints)
        case .boolean: return (.primitive(.bool), constraints)
        case .array:
            // Items are named where the array stands: `Order.Line` for a property `lines`,
            // `PetsItem` beside a top-level `Pets` (a typealias cannot hold nested types).
            let itemBase =
                hint.parent == nil ? hint.base + "Item" : SwiftNames.singular(hint.base) ?? hint.base + "Item"
            let itemHint = NameHint(base: itemBase, parent: hint.parent, alternate: hint.base + "Item")
            if let prefix = schema.prefixItems, !prefix.isEmpty {
                guard let (element, elementConstraints) = sharedElementType(schema, prefix: prefix, itemHint) else {
                    return (lowerTuple(schema, prefix, hint), IRConstraints())
                }
                constraints.element = elementConstraints
                // `items: false`: nothing after the positions.
                if schema.items?.value.isFalse == true {
                    constraints.maxItems = min(constraints.maxItems ?? prefix.count, prefix.count)
                }
                return (.array(element), constraints)
            }
            let (element, elementConstraints) =
                schema.items.map { lowerCached($0.value, itemHint) } ?? lower(Schema(origin: schema.origin), itemHint)
            constraints.element = elementConstraints
            return (.array(element), constraints)
        default:
            if let items = objectNamedByItems(schema) { return lowerCached(items, hint) }
            var visited = Set<String>()
            let parts = objectParts(schema, visited: &visited) ?? ObjectParts()
            if parts.properties.isEmpty, parts.required.isEmpty, !parts.hasPatternProperties,
                parts.additionalProperties?.value.isFalse != true
            {
                // A map: `additionalProperties` says what its values are (any JSON value when it does not).
                let values = parts.additionalProperties?.value
                guard let values, !Self.hasNoStructure(values) else {
                    constraints.keys = keyConstraints(parts.propertyNames)
                    return (.dictionary(.primitive(.jsonValue)), constraints)
                }
                let valueHint = NameHint(base: hint.base + "Value", parent: hint.parent)
                let (valueType, valueConstraints) = lowerCached(values, valueHint)
                constraints.element = valueConstraints
                constraints.keys = keyConstraints(parts.propertyNames)
                return (.dictionary(valueType), constraints)
            }
            return (lowerObject(schema, parts, hint), IRConstraints())
        }
    }

    /// `type: object` whose only shape is `items: {$ref: X}`, X an object with properties (Moov FED's
    /// `ACHLocation`, Forem's profile image): `items` applies to lists alone, so read strictly this is
    /// any object; what the servers send is one X, so it is read as X, with a warning.
    private func objectNamedByItems(_ schema: Schema) -> Schema? {
        guard let items = schema.items?.value, let key = items.ref?.targetKey, schema.properties.isEmpty,
            schema.additionalProperties == nil, schema.patternProperties.isEmpty, schema.required.isEmpty,
            schema.constraints.minProperties == nil, schema.constraints.maxProperties == nil,
            let target = document.schema(forKey: key), target.origin != schema.origin, !target.properties.isEmpty
        else { return nil }
        warning(
            "'items' applies to lists, and this schema's type is object; Lathe reads it as the object "
                + "'items' names, '\(items.ref?.raw ?? key)'",
            at: schema.origin.field("items") ?? schema.origin, kind: "items-on-object")
        return items
    }

    /// A tuple (`prefixItems`: a schema a position, then `items` for the elements after them)
    /// whose positions and later items are all one type under the same constraints (pydantic's
    /// `tuple[float, float]`) is a list of that type: its element. Only positions a type names
    /// without generating one count: a `$ref`, or a plain string, number or boolean. `nil` for any
    /// other, which `lowerTuple` generates.
    private func sharedElementType(
        _ schema: Schema, prefix: [Schema], _ hint: NameHint
    ) -> (IRValueType, IRConstraints)? {
        var positions = prefix
        if let items = schema.items?.value {
            if !items.isFalse { positions.append(items) }
        } else if (schema.constraints.maxItems ?? Int.max) > prefix.count {
            return nil  // elements after the prefix may be anything
        }
        var shared: (IRValueType, IRConstraints)?
        for position in positions {
            let plain =
                position.ref == nil && position.enumValues == nil && position.constValue == nil
                && [.string, .integer, .number, .boolean].contains(position.types)
                && position.properties.isEmpty && position.items == nil && position.prefixItems == nil
                && position.allOf.isEmpty && position.anyOf.isEmpty && position.oneOf.isEmpty
            guard plain || position.isPureReference else { return nil }
            let (type, constraints) = lowerCached(position, hint)
            guard let (sharedType, sharedConstraints) = shared else {
                shared = (type, constraints)
                continue
            }
            guard sharedType == type, sharedConstraints == constraints else { return nil }
        }
        return shared
    }

    /// A tuple whose positions differ (pydantic's `tuple[str, int]`): a struct of a member a
    /// position, named by the position's `title` or `item0`, `item1`, …; the items after them in
    /// `rest` (any JSON value where `items` does not say), or, where the schema allows none, kept
    /// for `validate()` to report. Positions from `minItems` on are optional.
    private func lowerTuple(_ schema: Schema, _ prefix: [Schema], _ hint: NameHint) -> IRValueType {
        let id = namedType(hint, schema)
        var members = NameScope.members
        let names = prefix.enumerated().map { index, position in
            members.claim(position.title.map(memberName) ?? "item\(index)")
        }
        let items = schema.items?.value
        let allowsRest = items.map { !$0.isFalse } ?? ((schema.constraints.maxItems ?? Int.max) > prefix.count)
        let restName = members.claim("rest")
        let undeclaredName = allowsRest ? nil : members.claim("undeclaredItems")
        membersBeingLowered[id] = MemberNames(names + [restName] + (undeclaredName.map { [$0] } ?? []))
        defer { membersBeingLowered[id] = nil }
        let requiredCount = min(schema.constraints.minItems ?? 0, prefix.count)
        var positions: [IRProperty] = []
        for (index, (position, name)) in zip(prefix, names).enumerated() {
            let (type, constraints) = lowerCached(position, hint.nested(position.title ?? "item\(index)", in: id))
            positions.append(
                IRProperty(
                    name: IRName(original: String(index), swift: name), type: type, isRequired: index < requiredCount,
                    defaultValue: nil, constraints: constraints, docs: docs(position), source: source(position.origin)))
        }
        var rest: (IRValueType, IRConstraints)?
        if let items, !items.isFalse {
            rest =
                Self.hasNoStructure(items)
                ? (.primitive(.jsonValue), IRConstraints()) : lowerCached(items, hint.nested("RestItem", in: id))
        } else if allowsRest {
            rest = (.primitive(.jsonValue), IRConstraints())
        }
        if schema.constraints.uniqueItems,
            warnedSchemas.insert(schema.origin.field("uniqueItems") ?? schema.origin).inserted
        {
            warning(
                "Lathe does not check 'uniqueItems' on a tuple whose positions differ; the rest of this schema is "
                    + "generated",
                at: schema.origin.field("uniqueItems") ?? schema.origin, kind: "keyword-not-generated")
        }
        var constraints = IRConstraints()
        constraints.minItems = schema.constraints.minItems
        constraints.maxItems = schema.constraints.maxItems
        types[id.index].kind = .tuple(
            IRTuple(
                positions: positions, requiredCount: requiredCount, rest: rest?.0,
                restConstraints: rest?.1 ?? IRConstraints(), restName: restName,
                undeclaredItemsName: undeclaredName, constraints: constraints))
        return .named(id)
    }

    /// What a schema without `type` is, from the keywords it uses.
    static func impliedTypes(_ schema: Schema) -> JSONTypes {
        if !schema.properties.isEmpty || schema.additionalProperties != nil || !schema.patternProperties.isEmpty {
            return .object
        }
        if schema.items != nil || schema.prefixItems != nil { return .array }
        if let constant = schema.constValue {
            switch constant {
            case .string: return .string
            case .bool: return .boolean
            case .number(let number): return number.isInteger ? .integer : .number
            default: return []
            }
        }
        // Keywords that only apply to one type say which one was meant.
        let constraints = schema.constraints
        if schema.format != nil || constraints.minLength != nil || constraints.maxLength != nil
            || constraints.pattern != nil
        {
            return .string
        }
        if constraints.minimum != nil || constraints.maximum != nil || constraints.exclusiveMinimum != nil
            || constraints.exclusiveMaximum != nil || constraints.multipleOf != nil
        {
            return .number
        }
        return []
    }

    /// A string's Swift type: by `contentEncoding` (3.1: `base64` text is bytes, `binary` is raw
    /// bytes, as `format: byte` and `format: binary` say in 3.0), else by `format`.
    func stringPrimitive(_ schema: Schema) -> IRPrimitive {
        switch schema.contentEncoding?.lowercased() {
        case "base64"?: return .base64Data
        case "binary"?: return .binaryData
        case let encoding?:
            warning(
                "Lathe does not decode '\(encoding)' text; the value is generated as the encoded string",
                at: schema.origin.field("contentEncoding") ?? schema.origin, kind: "content-encoding-not-decoded")
            return stringPrimitive(schema.format)
        case nil: return stringPrimitive(schema.format)
        }
    }

    /// A date-time schema's own examples, and an object's examples of its date-time properties,
    /// that show no UTC offset (`2025-09-29T10:00:00`): a server that sends such values fails
    /// every decode unless the client names their time zone, said once at the first
    /// (`reportDateTimesWithoutOffset`).
    func noteDateTimesWithoutOffset(_ examples: [(text: String, origin: Origin)]) {
        // Each once: a parameter's schema is lowered for every operation that shares it.
        for (text, origin) in examples where dateTimesWithoutOffset.seen.insert(origin).inserted {
            if dateTimesWithoutOffset.first == nil { dateTimesWithoutOffset.first = (origin, text) }
        }
    }

    private func noteDateTimesWithoutOffset(inExamplesOf schema: Schema, _ properties: [IRProperty]) {
        noteDateTimesWithoutOffset(
            schema.dateTimesWithoutOffset(inExamplesOf: { name in
                properties.contains {
                    $0.name.original == name && self.unaliased($0.type).nonNull == .primitive(.dateTime)
                }
            }))
    }

    /// Whether an integer or number schema's example, its own or its object's (an inline
    /// property's), is text that is no number (Front's `template_id: {type: number, example:
    /// msg_777}`, ZeroTier's `mac: {type: integer, example: '34:34:ff:da:6e:ff'}`), said at the
    /// example. It is then what `type: [number, string]` is, `NumberOrString`, which decodes both:
    /// the server sends what the example shows, which the number type would refuse. Not an enum's,
    /// nor `null` written as text.
    private func numberContradictedByExample(_ schema: Schema) -> Bool {
        let shown = stringsShownByEnclosing(schema)
        guard !schema.examples.isEmpty || !shown.isEmpty, schema.enumValues == nil, schema.constValue == nil else {
            return false
        }
        return saysTextIsNoNumber(integer: schema.types == .integer) { isNumber in
            schema.firstStringExample(refusedBy: isNumber) ?? shown.first(refusedBy: isNumber)
        }
    }

    /// What an enclosing object's examples show for `schema` as text (`passExamplesDown`), taken once.
    private func stringsShownByEnclosing(_ schema: Schema) -> [ShownText] {
        stringsFromEnclosing.isEmpty ? [] : stringsFromEnclosing.removeValue(forKey: schema.origin) ?? []
    }

    /// Whether what `firstRefused` finds, given what shows a number (`showsANumberOrNothing`), is
    /// an example that is no number; if so, says so. `integer`: what the schema's type is.
    func saysTextIsNoNumber(
        integer: Bool, firstRefused: ((String) -> Bool) -> (text: String, origin: Origin)?
    ) -> Bool {
        guard let example = firstRefused(Self.showsANumberOrNothing) else { return false }
        warning(
            "this schema's type is \(integer ? "integer" : "number"), but its example '\(example.text)' is text "
                + "that is no number; Lathe generates NumberOrString, which takes both",
            at: example.origin, kind: "type-contradicted-by-example")
        return true
    }

    /// Whether `text` shows a number, as people write one too (`1,000`, ` 5`, `$10`, `10 MB`, `55,`
    /// with a stray mark), or says nothing of the type: a placeholder (`<integer>`, `{id}`, marks
    /// with no letter or digit such as ShipEngine's `????`), `null` written as text, nothing, or
    /// text cut short (`...`).
    static func showsANumberOrNothing(_ text: String) -> Bool {
        var rest = Substring(text)
        while let first = rest.first, first.isWhitespace { rest.removeFirst() }
        while let last = rest.last, last.isWhitespace || last == "," || last == ";" { rest.removeLast() }
        if rest.isEmpty || rest.lowercased() == "null" || rest.hasSuffix("...") || rest.hasSuffix("\u{2026}")
            || !rest.contains(where: { $0.isLetter || $0.isNumber })
        {
            return true
        }
        if let first = rest.first, let last = rest.last, (first == "<" && last == ">") || (first == "{" && last == "}")
        {
            return true
        }
        if Double(rest) != nil { return true }
        // A currency or other sign before it, a unit of a few letters after it, and separators
        // between its digits.
        while let first = rest.first, !first.isLetter, !first.isNumber, first != "-", first != "." {
            rest.removeFirst()
        }
        var unit = 0
        while let last = rest.last, unit < 5, last.isLetter || last == "%" {
            rest.removeLast()
            unit += 1
        }
        while let last = rest.last, last.isWhitespace { rest.removeLast() }
        let digits = String(rest.filter { $0 != "," && $0 != "_" && $0 != " " && $0 != "'" })
        return !digits.isEmpty && Double(digits) != nil
    }

    /// The formats whose Foundation type refuses text an example may show (`takingExamples`).
    static let formatsExamplesDecide: Set<String> = ["uuid", "date", "byte"]

    /// A UUID, a date or base64 whose example is none (Mistral's model ids, `ft:open-mistral-7b:…`,
    /// under `format: uuid`; Mithril's hexadecimal keys under `format: byte`, in their object's
    /// example) is a plain string, with a warning at the example: what the server sends is what
    /// the example shows, which the Foundation type would refuse.
    func takingExamples(
        _ primitive: IRPrimitive, format: String?,
        firstRefused: ((String) -> Bool) -> (text: String, origin: Origin)?
    ) -> IRPrimitive {
        let what: String
        switch primitive {
        case .uuid: what = "a UUID"
        case .calendarDate: what = "a date (YYYY-MM-DD)"
        case .base64Data: what = "base64"
        default: return primitive
        }
        guard let example = firstRefused(primitive.takesLiteral) else { return primitive }
        // Base64 is also 3.1's `contentEncoding: base64`.
        let said = format.map { "format is '\($0)'" } ?? "contentEncoding is 'base64'"
        warning(
            "this string's \(said), but its example '\(example.text)' is not \(what); Lathe generates a plain "
                + "string, which takes what the example shows",
            at: example.origin, kind: "format-contradicted-by-example")
        return .string
    }

    func stringPrimitive(_ format: String?) -> IRPrimitive {
        switch format {
        case "date": .calendarDate
        case "date-time": .dateTime
        case "uuid": .uuid
        case "uri", "url": .url
        case "byte": .base64Data
        case "binary": .binaryData
        case "decimal": .decimalString
        default: .string
        }
    }

    /// `integerPrimitive` or `numberPrimitive`, widened where the schema's own examples, default,
    /// const or bounds, or an enclosing object's examples (`passExamplesDown`), show a value it
    /// cannot hold, with a warning (the narrower type would fail to decode, or change, the very
    /// values the spec shows).
    /// (`integer`: whether the type, written or implied by the other keywords, is integer.)
    private func primitiveHoldingShown(_ schema: Schema, integer: Bool) -> IRPrimitive {
        let primitive = integer ? integerPrimitive(schema.format) : numberPrimitive(schema.format)
        let enclosing =
            numbersFromEnclosing.isEmpty ? [] : numbersFromEnclosing.removeValue(forKey: schema.origin) ?? []
        return holdingShown(
            primitive, format: schema.format, at: schema.origin.field("format") ?? schema.origin,
            shown: [("this schema", numbersShown(by: schema)), ("its object's example", enclosing)])
    }

    /// `primitive`, widened where a number `shown` (each list with what shows it) is one it cannot
    /// hold, with a warning at `origin`: past 64 bits, `Decimal`, whole numbers only
    /// (`lowerTyped`); `format: int32` past 32 bits (a 64-bit id written as `int32`, as Huma specs
    /// do; Viaggiatreno's epoch milliseconds), `Int64`; `format: uint64` below zero, `Int64`;
    /// `format: float` where `Float` rounds a number (Pegel Online's latitudes,
    /// `52.90406544743417`), `Double`.
    func holdingShown(
        _ primitive: IRPrimitive, format: String?, at origin: Origin, shown: [(by: String, numbers: [JSONNumber])]
    ) -> IRPrimitive {
        guard shown.contains(where: { !$0.numbers.isEmpty }) else { return primitive }
        func widened(
            to wider: (IRPrimitive, swift: String), holding: String, unless doesNotFit: (JSONNumber) -> Bool
        )
            -> IRPrimitive
        {
            for (by, numbers) in shown {
                guard let number = numbers.first(where: doesNotFit) else { continue }
                let type = format.map { "'format: \($0)'" } ?? "'type: integer' (Swift's Int)"
                warning(
                    "\(type) holds \(holding), but \(by) shows \(number.text); Lathe generates \(wider.swift)",
                    at: origin, kind: "format-too-narrow")
                return wider.0
            }
            return primitive
        }
        switch primitive {
        case .int, .int32, .int64:
            // Past 64 bits: written as an integer, and no `Int` (`integralValue` is nil).
            let isPast64 = { (number: JSONNumber) in number.integralValue == nil && number.isInteger }
            let holding = primitive == .int32 ? "no value past 32 bits" : "no value past 64 bits"
            let wide = widened(to: (.decimal, "Decimal"), holding: holding, unless: isPast64)
            guard wide == primitive, primitive == .int32 else { return wide }
            let isPast32 = { (number: JSONNumber) in number.integralValue.map { Int32(exactly: $0) == nil } ?? false }
            return widened(to: (.int64, "Int64"), holding: holding, unless: isPast32)
        case .uint64:
            let isNegative = { (number: JSONNumber) in number.text.hasPrefix("-") && number.doubleValue != 0 }
            return widened(to: (.int64, "Int64"), holding: "no value below zero", unless: isNegative)
        case .float:
            // Rounded: neither a `Float` exactly (zod's `z.float32()` bounds, 3.4028234663852886e38),
            // nor written back as the same number (`9.56`).
            let isRounded = { (number: JSONNumber) in
                guard let double = Double(number.text), let float = Float(number.text) else { return false }
                return !float.isFinite || (Double(float) != double && Double("\(float)") != double)
            }
            return widened(to: (.double, "Double"), holding: "about 7 significant digits", unless: isRounded)
        default:
            return primitive
        }
    }

    /// The numbers a schema shows: its examples, default, const and bounds.
    private func numbersShown(by schema: Schema) -> [JSONNumber] {
        guard
            !schema.examples.isEmpty || schema.defaultValue != nil || schema.constValue != nil
                || schema.constraints.minimum != nil || schema.constraints.maximum != nil
        else { return [] }
        var shown = schema.examples.compactMap(JSONNumber.init)
        for value in [schema.defaultValue, schema.constValue].compactMap({ $0 }) {
            if case .number(let number) = value { shown.append(number) }
        }
        return shown + [schema.constraints.minimum, schema.constraints.maximum].compactMap { $0 }
    }

    func integerPrimitive(_ format: String?) -> IRPrimitive {
        switch format {
        case "int32": .int32
        case "int64": .int64
        case "uint64", "uint": .uint64
        // Arbitrary precision (Formance's ledger amounts): `Decimal`, whole numbers only (`lowerTyped`).
        case "bigint", "biginteger", "big-integer": .decimal
        default: .int
        }
    }

    func numberPrimitive(_ format: String?) -> IRPrimitive {
        switch format {
        case "float": .float
        case "decimal", "money", "currency", "decimal128": .decimal
        default: .double
        }
    }

    /// `/body/flags`, a JavaScript regular expression literal written where JSON Schema wants the
    /// pattern itself: the body, `(?i)` first for the `i` flag, or `nil` when a flag changes what
    /// matching means in ways LathePattern does not follow (`m`, `s`, `y`, `v`). Not a literal: `nil`.
    static func regexLiteral(_ text: String) -> RegexLiteral? {
        guard text.count > 2, text.first == "/", let close = text.lastIndex(of: "/"), close != text.startIndex
        else { return nil }
        let body = text[text.index(after: text.startIndex) ..< close]
        let flags = text[text.index(after: close)...]
        guard !body.isEmpty, flags.allSatisfy({ "dgimsuvy".contains($0) }) else { return nil }
        // A literal's body has no `/` of its own but escaped or in a class: `/api/v[0-9]+/` is a
        // pattern with slashes in it.
        var escaped = false
        var inClass = false
        for character in body {
            if escaped {
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "[" {
                inClass = true
            } else if character == "]" {
                inClass = false
            } else if character == "/", !inClass {
                return nil
            }
        }
        if flags.contains(where: { "msyv".contains($0) }) { return .unreadable }
        return .pattern((flags.contains("i") ? "(?i)" : "") + body)
    }

    /// `pattern` with Python's named groups (`(?P<name>…)`, which pydantic writes from a Python
    /// regular expression) spelt as ECMA-262 spells them (`(?<name>…)`), or `nil` when it has none.
    /// Escaped parentheses and those in a class are text.
    static func pythonNamedGroupsRewritten(_ pattern: String) -> String? {
        // Bytes first: `contains` of a string searched every pattern by Characters (Discord's 0.9%).
        guard pattern.utf8.contains(UInt8(ascii: "P")), pattern.contains("(?P<") else { return nil }
        var scalars = Array(pattern.unicodeScalars)
        var index = 0
        var inClass = false
        var changed = false
        while index < scalars.count {
            switch scalars[index] {
            case "\\": index += 1
            case "[" where !inClass: inClass = true
            case "]" where inClass: inClass = false
            case "("
            where !inClass && index + 3 < scalars.count && scalars[index + 1] == "?"
                && scalars[index + 2] == "P" && scalars[index + 3] == "<":
                scalars.remove(at: index + 2)
                changed = true
            default: break
            }
            index += 1
        }
        guard changed else { return nil }
        var rewritten = String.UnicodeScalarView()
        rewritten.append(contentsOf: scalars)
        return String(rewritten)
    }

    enum RegexLiteral {
        case pattern(String)
        case unreadable

        var pattern: String? { if case .pattern(let text) = self { text } else { nil } }
    }

    /// What the `propertyNames` of an object's parts say its keys must be, every one at once;
    /// what Lathe cannot check of them is said where it stands.
    private func keyConstraints(_ names: [Schema]) -> IRConstraints {
        var keys = IRConstraints()
        for schema in names {
            guard let constraints = propertyNameConstraints(schema) else {
                if warnedSchemas.insert(schema.origin).inserted {
                    warning(
                        "Lathe does not check this propertyNames (it says more than lengths, a pattern, enum or "
                            + "const); the keys are kept unchecked",
                        at: schema.origin, kind: "keyword-not-generated")
                }
                continue
            }
            let both = keys.intersected(with: constraints)
            if !both.dropped.isEmpty, warnedSchemas.insert(schema.origin).inserted {
                warning(
                    "allOf's parts ask for more than one \(Set(both.dropped).sorted().joined(separator: " and ")) "
                        + "of a key; Lathe checks the first part's",
                    at: schema.origin, kind: "allof-constraint-dropped")
            }
            keys = both.constraints
        }
        return keys
    }

    /// What `propertyNames` says keys must be, as the checks text takes (lengths, a pattern, `enum`,
    /// `const`), through `$ref`s. Nil when it says more than those (a format, a composition,
    /// `false`), which `keyConstraints` says it does not check. Keys are always text, so `type:
    /// string` alone (utoipa writes it for every `HashMap<String, _>`) asks nothing.
    private func propertyNameConstraints(_ schema: Schema) -> IRConstraints? {
        var names = schema
        for _ in 0 ..< 32 {
            guard names.isPureReference, let key = names.ref?.targetKey, let target = document.schema(forKey: key)
            else { break }
            names = target
        }
        let isText: (SpecValue) -> Bool = { if case .string = $0 { true } else { false } }
        guard names.ref == nil, !names.isFalse, names.types.map({ $0.subtracting(.string).isEmpty }) ?? true,
            names.format == nil, names.properties.isEmpty, names.patternProperties.isEmpty, names.items == nil,
            names.prefixItems == nil, names.additionalProperties == nil, names.propertyNames == nil,
            names.allOf.isEmpty, names.anyOf.isEmpty, names.oneOf.isEmpty, names.not == nil, names.contains == nil,
            names.unmodeledKeywords.allSatisfy(Self.annotationKeywords.contains),
            names.enumValues?.allSatisfy(isText) ?? true,
            names.constValue.map(isText) ?? true
        else { return nil }
        let position = positionConstraints(names)
        var keys = IRConstraints()
        keys.change { values in
            values.minLength = position.minLength
            values.maxLength = position.maxLength
            values.pattern = position.pattern
            values.constant = names.constValue
            values.allowedValues = names.enumValues
        }
        return keys
    }

    /// The constraints that apply where a primitive, array or map stands. A pattern Lathe cannot
    /// check is left out, with a warning unless `reportingPatterns` is false (the schema is read
    /// again where it is lowered itself).
    func positionConstraints(_ schema: Schema, reportingPatterns: Bool = true) -> IRConstraints {
        let source = schema.constraints
        var pattern: String? = nil
        // A JavaScript literal (Immich's `/IM(SV|CL)(-[\dA-Za-z]{4}){8}/`) is read as the pattern
        // between its slashes: as written, no value would match, and every valid one was refused.
        let literal = source.pattern.flatMap(Self.regexLiteral)
        if let literal, reportingPatterns, let written = source.pattern {
            warning(
                "the pattern '\(written)' is written as a JavaScript regular expression literal; "
                    + (literal.pattern == nil
                        ? "its flags change what it matches, so generated code does not check it"
                        : "Lathe checks what is between the slashes"),
                at: schema.origin.field("pattern") ?? schema.origin, kind: "pattern-regex-literal")
        }
        var written = literal.map(\.pattern) ?? source.pattern
        if let text = written, let rewritten = Self.pythonNamedGroupsRewritten(text) {
            // FastAPI's specs carry pydantic's Python patterns (Infinity's data URLs).
            if reportingPatterns {
                warning(
                    "the pattern '\(text)' names groups as Python does, '(?P<name>…)'; Lathe reads them as "
                        + "'(?<name>…)', as JSON Schema's patterns (ECMA-262) write them",
                    at: schema.origin.field("pattern") ?? schema.origin, kind: "pattern-python-syntax")
            }
            written = rewritten
        }
        if let text = written {
            // Generated code matches patterns with LathePattern, in linear time; what it cannot match
            // that way (back-references, lookaround) is not checked, and said so here.
            do throws(PatternError) {
                let compiled = try Pattern(text)
                pattern = text
                // GameVault's `pattern: url` beside `example: https://…`: the example is what
                // servers send, and checking the pattern would refuse it (a server would answer 400).
                if let example = schema.firstStringExample(refusedBy: { compiled.matches(in: $0) }) {
                    pattern = nil
                    if reportingPatterns {
                        warning(
                            "this string's example '\(example.text)' does not match its pattern '\(text)'; "
                                + "generated code does not check the pattern",
                            at: example.origin, kind: "pattern-contradicted-by-example")
                    }
                }
            } catch {
                if reportingPatterns {
                    warning(
                        "the pattern '\(text)' is "
                            + "\(error.description.hasPrefix("not a valid") ? "" : "not checked: ")\(error); "
                            + "generated code does not check it",
                        at: schema.origin.field("pattern") ?? schema.origin, kind: "pattern-unsupported")
                }
            }
        }
        var constraints = IRConstraints()
        constraints.change { values in
            values.minLength = source.minLength
            values.maxLength = source.maxLength
            values.pattern = pattern
            values.minimum = source.minimum?.text
            values.maximum = source.maximum?.text
            values.exclusiveMinimum = source.exclusiveMinimum?.text
            values.exclusiveMaximum = source.exclusiveMaximum?.text
            values.multipleOf = source.multipleOf?.text
            values.minItems = source.minItems
            values.maxItems = source.maxItems
            values.uniqueItems = source.uniqueItems
            values.minProperties = source.minProperties
            values.maxProperties = source.maxProperties
            values.constant = schema.constValue
        }
        return constraints
    }
}

/// The values each alternative of a discriminated union fixes its property to, and the
/// alternatives that fix each value (in order, each once), so that questions about a value cost
/// the alternatives that fix it rather than all of them.
struct FixedDiscriminatorValues {
    /// One entry an alternative; empty where it fixes none.
    private let fixed: [[String]]
    let holders: [String: [Int]]

    init(_ fixed: [[String]?]) {
        self.fixed = fixed.map { $0 ?? [] }
        var holders: [String: [Int]] = [:]
        for (index, values) in self.fixed.enumerated() {
            for value in Set(values) { holders[value, default: []].append(index) }
        }
        self.holders = holders
    }

    func values(of index: Int) -> [String] { fixed[index] }

    /// The one value alternative `index` fixes, when no other alternative fixes it too.
    func soleValue(of index: Int) -> String? {
        let values = fixed[index]
        guard values.count == 1, holders[values[0]] == [index] else { return nil }
        return values[0]
    }
}
